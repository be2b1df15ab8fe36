"""The settings file, ``briefings.toml``: read with tomllib, validated by a pydantic model.

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
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

SETTINGS_NAME = "briefings.toml"
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Association(Strict):
    name: Annotated[str, Field(min_length=1, max_length=200)] = "Association of North East Asia Regional Governments"
    short_name: Annotated[str, Field(min_length=1, max_length=40)] = "NEAR"
    logo: Path | None = None  # PNG, JPEG or SVG, relative to the settings file

    @field_validator("logo")
    @classmethod
    def _logo_kind(cls, value: Path | None) -> Path | None:
        if value is not None and value.suffix.lower() not in LOGO_SUFFIXES:
            raise ValueError(f"a logo is a PNG, JPEG or SVG file ({', '.join(LOGO_SUFFIXES)}), not {value.name!r}")
        return value


class Edition(Strict):
    date: datetime.date | None = None  # else today; SOURCE_DATE_EPOCH overrides both
    paper: Literal["a4", "letter"] = "a4"
    draft: bool = False  # the notes box and a DRAFT mark in every briefing


class BriefingBlocks(Strict):
    """What a briefing that goes out shows (a draft always shows the notes)."""

    data_notes: bool = False  # the data-quality notes box (checks.pdf always has them)
    index_of_names: bool = True
    source_footer: bool = False  # the raw file's name and SHA-256 in the footer


class Dist(Strict):
    docx: bool = False  # the DOCX files in the zip too


CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]
# The languages briefings are written in (``pipeline/locale``): English, Korean, Japanese,
# Chinese (simplified), Russian, Mongolian (Cyrillic). English is always written: the book,
# the pre-send report and the archive are made from the English briefings.
Language = Literal["en", "ko", "ja", "zh", "ru", "mn"]
LANGUAGES: tuple[Language, ...] = ("en", "ko", "ja", "zh", "ru", "mn")
CountryName = Annotated[str, Field(min_length=1, max_length=80)]


class Settings(Strict):
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

    @field_validator("languages")
    @classmethod
    def _languages_once(cls, value: list[str]) -> list[str]:
        return sorted(set(value), key=LANGUAGES.index)

    @property
    def written_languages(self) -> tuple[Language, ...]:
        """English, then the settings' other languages, in LANGUAGES's order."""
        return ("en", *(language for language in self.languages if language != "en"))

    def briefing_fingerprint(self) -> str:
        """A digest of what every briefing's content depends on; the edition date is not in it."""
        shown = {
            "association": self.association.model_dump(mode="json", exclude={"logo"}),
            "draft": self.edition.draft,
            "briefing": self.briefing.model_dump(mode="json"),
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
    LOGO_MISSING = "no such logo file: {detail}"
    LOGO_NOT_IMAGE = "not a PNG, JPEG or SVG image: {detail}"


class SettingsError(Exception):
    """A settings file refused: ``FILE:LINE: KEY: message`` in one line."""

    def __init__(self, path: Path, line: int, key: str, problem: SettingsProblem, **particulars: str) -> None:
        message = " ".join(problem.format(**particulars).split())
        super().__init__(f"{path}:{line}: {key + ': ' if key else ''}{message}")
        self.problem = problem


# pydantic's wording, where a plainer one says what is wanted
ERROR_WORDING = {
    "string_pattern_mismatch": "a country is an ISO 3166-1 code of two capital letters (KR, JP, RU)",
}
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
        settings = Settings.model_validate(parsed)
    except ValidationError as error:
        first = error.errors()[0]
        keys = tuple(str(part) for part in first["loc"] if part != "[key]")  # (a dict's key: its path says it)
        unknown = first["type"] == "extra_forbidden"
        problem = SettingsProblem.UNKNOWN_KEY if unknown else SettingsProblem.BAD_VALUE
        detail = ERROR_WORDING.get(first["type"], first["msg"].removeprefix("Value error, "))
        raise SettingsError(path, key_line(text, keys), ".".join(keys), problem, detail=detail) from None
    logo = settings.association.logo
    if logo is not None:
        keys = ("association", "logo")
        wrong = _logo_problem(path.parent / logo)
        if wrong is not None:
            raise SettingsError(path, key_line(text, keys), ".".join(keys), wrong, detail=str(logo))
    return settings, path.parent


def _logo_problem(path: Path) -> SettingsProblem | None:
    """What is wrong with the logo file, if anything: missing, or no PNG, JPEG or SVG image."""
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
