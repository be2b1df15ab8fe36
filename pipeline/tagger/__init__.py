"""Stage 3, tag: Record -> Record with ``entities`` (places and organizations).

``model`` picks and loads the spaCy pipeline; ``mentions`` finds names in the
structure and the prose and merges them; ``names`` holds the name rules,
``gazetteer`` the known names (``data/``); ``evaluate`` scores against gold files.
"""

from .._exports import lazy_exports

_EXPORTS = {
    "ModelError": "model",
    "load_nlp": "model",
    "prose": "mentions",
    "tag": "mentions",
    "Gazetteer": "gazetteer",
    "load_gazetteer": "gazetteer",
}

__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
