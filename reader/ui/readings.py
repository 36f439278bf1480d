"""The readings' wording for the Qt layer: it lives in the core (:mod:`reader.readings`)."""

from reader.readings import scale_pattern, spaced_root, word_gloss

__all__ = ["scale_pattern", "spaced_root", "word_gloss"]
