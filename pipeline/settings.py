"""The settings file, ``briefings.toml``: read with tomllib, validated by msgspec structs
(msgspec rather than the record's pydantic: a build with nothing to do reads the settings,
and importing pydantic was a sixth of its time).

Every key has a default, and the defaults give the briefings one sends: no internal
marks (no data-notes box, no source digest in the footer). A file that is not TOML,
an unknown key or a bad value is refused as one line, ``FILE:LINE: KEY: message``
(``SettingsError``), never a traceback.

Only ``briefing_fingerprint`` (what every briefing shows) decides whether briefings are
rebuilt: a new edition date or logo remakes the book alone.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
import tomllib
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal, get_args

import msgspec
from msgspec import Meta, Struct

SETTINGS_NAME = "briefings.toml"
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")


class Strict(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """Every table of the file: no unknown key, never changed once read (each subclass says
    ``frozen`` again because mypy reads it per class)."""


class Association(Strict, frozen=True):
    name: Annotated[str, Meta(min_length=1, max_length=200)] = "Association of North East Asia Regional Governments"
    short_name: Annotated[str, Meta(min_length=1, max_length=40)] = "NEAR"
    logo: str | None = None  # PNG, JPEG or SVG, relative to the settings file


Paper = Literal["a4", "letter"]


class Edition(Strict, frozen=True):
    date: datetime.date | None = None  # else today; SOURCE_DATE_EPOCH overrides both
    paper: Paper = "a4"
    draft: bool = False  # the notes box and a DRAFT mark in every briefing


class BriefingBlocks(Strict, frozen=True):
    """What a briefing that goes out shows (a draft always shows the notes)."""

    data_notes: bool = False  # the data-quality notes box (checks.pdf always has them)
    index_of_names: bool = True
    source_footer: bool = False  # the raw file's name and SHA-256 in the footer


class Dist(Strict, frozen=True):
    docx: bool = False  # the DOCX files in the zip too


CountryCode = Annotated[str, Meta(pattern=r"^[A-Z]{2}$")]
# The languages briefings are written in (``pipeline/locale``): English, Korean, Japanese,
# Chinese (simplified), Russian, Mongolian (Cyrillic). English is always written: the book,
# the pre-send report and the archive are made from the English briefings.
Language = Literal["en", "ko", "ja", "zh", "ru", "mn"]
LANGUAGES: tuple[Language, ...] = ("en", "ko", "ja", "zh", "ru", "mn")
CountryName = Annotated[str, Meta(min_length=1, max_length=80)]


class Settings(Strict, frozen=True):
    association: Association = Association()
    edition: Edition = Edition()
    briefing: BriefingBlocks = BriefingBlocks()
    dist: Dist = Dist()
    # How briefings print a country, by ISO 3166-1 code, over the built-in names.
    countries: dict[CountryCode, CountryName] = {}
    # The languages to write besides English (NAME.<lang>.pdf and .docx), e.g. ["ko", "ru"].
    languages: list[Language] = []
    # How a language's briefings print a country, by ISO 3166-1 code, over CLDR's names:
    # [country_names.ko] KP = "조선민주주의인민공화국".
    country_names: dict[Language, dict[CountryCode, CountryName]] = {}

    @classmethod
    def from_mapping(cls, data: object) -> Settings:
        """Settings from parsed TOML (or any mapping of the same shape); msgspec.ValidationError."""
        return msgspec.convert(data, cls)

    def replace(self, **changes: object) -> Settings:
        return msgspec.structs.replace(self, **changes)

    def with_edition(self, **changes: object) -> Settings:
        return self.replace(edition=msgspec.structs.replace(self.edition, **changes))

    @property
    def written_languages(self) -> tuple[Language, ...]:
        """English, then the settings' other languages, each once, in LANGUAGES's order."""
        return ("en", *(language for language in LANGUAGES[1:] if language in self.languages))

    def briefing_fingerprint(self) -> str:
        """A digest of what every briefing's content depends on; the edition date is not in it."""
        shown = {
            "association": {"name": self.association.name, "short_name": self.association.short_name},
            "draft": self.edition.draft,
            "briefing": msgspec.to_builtins(self.briefing),
            "countries": dict(sorted(self.countries.items())),
        }
        # (which languages are written is not in it: adding one builds only its files)
        if self.country_names:
            names = sorted(self.country_names.items())
            shown["country_names"] = {language: dict(sorted(table.items())) for language, table in names}
        return hashlib.sha256(json.dumps(shown, sort_keys=True).encode("utf-8")).hexdigest()[:16]


DEFAULTS = Settings()


class SettingsProblem(StrEnum):
    NOT_TOML = "not TOML: {detail}"
    UNKNOWN_KEY = "unknown key"
    BAD_VALUE = "{detail}"
    UNREADABLE = "cannot read: {detail}"
    LOGO_KIND = "a logo is a PNG, JPEG or SVG file ({suffixes}), not {detail}"
    LOGO_MISSING = "no such logo file: {detail}"
    LOGO_NOT_IMAGE = "not a PNG, JPEG or SVG image: {detail}"


class SettingsError(Exception):
    """A settings file refused: ``FILE:LINE: KEY: message`` in one line."""

    def __init__(self, path: Path, line: int, key: str, problem: SettingsProblem, **particulars: str) -> None:
        message = " ".join(problem.format(**particulars).split())
        super().__init__(f"{path}:{line}: {key + ': ' if key else ''}{message}")
        self.problem = problem


# msgspec's wording (a pattern of its message), where a plainer one says what is wanted
ERROR_WORDING: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"Expected `str` matching regex"),
        "a country is an ISO 3166-1 code of two capital letters (KR, JP, RU)",
    ),
    (re.compile(r"Invalid RFC3339 encoded date|Expected `date`"), "not a date (write 2026-03-04)"),
    (re.compile(r"Expected `bool`"), "true or false"),
    (re.compile(r"Expected `str` of length >= 1"), "empty"),
    (re.compile(r"Expected `str` of length <= (?P<most>\d+)"), "longer than {most} characters"),
    (re.compile(r"Invalid enum value (?P<value>.+)"), "{value}: not one of {allowed}"),
    (re.compile(r"Expected `(?P<wanted>[^`]+)`, got `(?P<got>[^`]+)`"), "{wanted} is wanted, not {got}"),
)
# msgspec's names of TOML's values, as the messages above say them
VALUE_WORDS = {
    "str": "text",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "array": "a list",
    "object": "a table",
    "date": "a date",
    "datetime": "a date and time",
}
# The values a key takes, by its dotted path's first parts: for "not one of ..."
ALLOWED: dict[tuple[str, ...], tuple[str, ...]] = {
    ("edition", "paper"): get_args(Paper),
    ("languages",): LANGUAGES,
    ("country_names",): LANGUAGES,
}
_ERROR_AT = re.compile(r" - at (?P<in_key>`key` in )?`\$(?P<path>[^`]*)`$")
_PATH_STEP = re.compile(r"\.(?P<name>[^.\[]+)|\[(?P<index>\d+)\]|(?P<entry>\[\.\.\.\])")
_UNKNOWN_FIELD = re.compile(r"^Object contains unknown field `(?P<name>[^`]*)`")
_TOML_AT = re.compile(r"\(at line (\d+), column \d+\)")
_TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\-\" ]+?)\s*\]\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-\".]+)\s*=")


def key_line(text: str, keys: tuple[str, ...]) -> int:
    """The line of the TOML text that sets ``keys`` (a dotted path), else the line of its
    table, else 1."""
    table: tuple[str, ...] = ()
    best = 1
    for number, line in enumerate(text.splitlines(), 1):
        header = _TABLE.match(line)
        if header:
            table = tuple(part.strip().strip('"') for part in header.group(1).split("."))
            if table == keys[: len(table)] and best == 1:
                best = number
            continue
        key = _KEY.match(line)
        if key:
            path = table + tuple(part.strip().strip('"') for part in key.group(1).split("."))
            if path == keys[: len(path)]:
                if path == keys:
                    return number
                best = number
    return best


def load_settings(path: Path | None, *, required: bool = False) -> tuple[Settings, Path | None]:
    """The settings in ``path`` (or the defaults when it is None, or missing and not
    ``required``) -> (settings, the folder a relative logo is read from)."""
    if path is None:
        return DEFAULTS, None
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        if not required:
            return DEFAULTS, None
        raise SettingsError(path, 1, "", SettingsProblem.UNREADABLE, detail="no such file") from None
    except OSError as error:
        raise SettingsError(path, 1, "", SettingsProblem.UNREADABLE, detail=str(error.strerror or error)) from None
    try:
        text = data.decode("utf-8")
        parsed = tomllib.loads(text)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SettingsError(path, line, "", SettingsProblem.NOT_TOML, detail="not UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        found = _TOML_AT.search(str(error))
        detail = _TOML_AT.sub("", str(error)).strip()
        raise SettingsError(
            path, int(found.group(1)) if found else 1, "", SettingsProblem.NOT_TOML, detail=detail
        ) from None
    try:
        settings = Settings.from_mapping(parsed)
    except msgspec.ValidationError as error:
        message = str(error)
        unknown = _UNKNOWN_FIELD.match(message)
        keys = _error_keys(message, parsed) + ((unknown["name"],) if unknown else ())
        problem = SettingsProblem.UNKNOWN_KEY if unknown else SettingsProblem.BAD_VALUE
        detail = "" if unknown else _plain_wording(_ERROR_AT.sub("", message), keys)
        raise SettingsError(path, key_line(text, keys), ".".join(keys), problem, detail=detail) from None
    logo = settings.association.logo
    if logo is not None:
        keys = ("association", "logo")
        wrong = _logo_problem(path.parent / logo)
        if wrong is not None:
            suffixes = ", ".join(LOGO_SUFFIXES)
            raise SettingsError(path, key_line(text, keys), ".".join(keys), wrong, detail=logo, suffixes=suffixes)
    return settings, path.parent


def _error_keys(message: str, parsed: dict[str, object]) -> tuple[str, ...]:
    """The dotted path of the table or key msgspec's ``message`` is about (an unknown field's
    own name is not in it: the message names it apart). msgspec writes a table's
    entry as ``[...]`` and a bad key as "`key` in": the entry is the first one that fails
    on its own (validated alone, every other key at its default)."""
    at = _ERROR_AT.search(message)
    keys: list[str] = []
    node: object = parsed
    for step in _PATH_STEP.finditer(at.group("path") if at else ""):
        if step.group("name") is not None:
            keys.append(step.group("name"))
        elif step.group("entry") is not None and isinstance(node, dict):
            keys.append(_failing_entry(keys, node))
        else:
            continue  # (a list's index: the key is the list's)
        node = node.get(keys[-1]) if isinstance(node, dict) else None
    if at is not None and at.group("in_key") and isinstance(node, dict):
        keys.append(_failing_entry(keys, node))
    return tuple(keys)


def _failing_entry(keys: list[str], table: dict[str, object]) -> str:
    for name, value in table.items():
        alone: object = {name: value}
        for key in reversed(keys):
            alone = {key: alone}
        try:
            Settings.from_mapping(alone)
        except msgspec.ValidationError:
            return name
    return ""


def _plain_wording(message: str, keys: tuple[str, ...]) -> str:
    allowed = next((values for path, values in ALLOWED.items() if keys[: len(path)] == path), ())
    for pattern, wording in ERROR_WORDING:
        found = pattern.search(message)
        if found:
            said = {name: VALUE_WORDS.get(value, value) for name, value in found.groupdict().items()}
            return wording.format(**said, allowed=", ".join(allowed))
    return message


def _logo_problem(path: Path) -> SettingsProblem | None:
    """What is wrong with the logo file, if anything: not named as an image, missing, or no
    PNG, JPEG or SVG image."""
    if path.suffix.lower() not in LOGO_SUFFIXES:
        return SettingsProblem.LOGO_KIND
    if not path.is_file():
        return SettingsProblem.LOGO_MISSING
    try:
        logo_png(path)
    except (OSError, ValueError):
        return SettingsProblem.LOGO_NOT_IMAGE
    return None


LOGO_PIXELS = 1200  # an SVG logo's width as drawn: sharp at 40 mm on paper


def logo_png(path: Path) -> bytes:
    """A PNG, JPEG or SVG logo as PNG (what both writers place); OSError or ValueError when
    it is no image."""
    import io

    from PIL import Image, UnidentifiedImageError

    if path.suffix.lower() == ".svg":
        import resvg_py  # only for an SVG logo

        try:
            drawn = resvg_py.svg_to_bytes(svg_path=str(path), width=LOGO_PIXELS, skip_system_fonts=True)
        except Exception as error:  # resvg reports a bad SVG as one of several kinds
            raise ValueError("not an SVG image") from error
        source: Path | io.BytesIO = io.BytesIO(bytes(drawn))
    else:
        source = path
    try:
        with Image.open(source) as image:
            if image.format not in ("PNG", "JPEG"):
                raise ValueError("not a PNG, JPEG or SVG image")
            image.load()
            out = io.BytesIO()
            image.convert("RGBA").save(out, format="PNG")
    except UnidentifiedImageError as error:
        raise ValueError("not a PNG, JPEG or SVG image") from error
    return out.getvalue()


# The documents' date without SOURCE_DATE_EPOCH: reportlab's own fixed date for reproducible
# PDFs, which the DOCX takes too.
STABLE_EPOCH = 946684800  # 2000-01-01T00:00:00Z


def edition_date(settings: Settings, today: datetime.date | None = None) -> datetime.date:
    """The edition date: SOURCE_DATE_EPOCH when set (reproducible builds), else the
    settings' date, else today."""
    seconds = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if seconds.isascii() and seconds.isdigit():
        try:
            return datetime.datetime.fromtimestamp(int(seconds), datetime.UTC).date()
        except (OverflowError, ValueError, OSError):
            pass
    return settings.edition.date or today or datetime.date.today()
