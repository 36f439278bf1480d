"""How the vocabulary is searched as a learner types Arabic.

A learner writes زياره for زِيارَة (ه for ة), اسلام for إسلام, مستشفى with ي,
الزيارة or بالزيارة with the article and a preposition, زيارته with a
pronoun, with or without vowels. Every saved lemma and every form it was met
in is therefore kept in a *search form* (:func:`search_form`: no marks, the
alef forms أ إ آ ٱ as ا, ة as ه, ى as ي), written with the row, so a search is
plain SQL on one column; the query is folded the same way, and
:func:`query_stems` also gives the words it may stand for once the clitics a
learner typed are taken off, each compared with whole lemmas.

Qt-free and SQLAlchemy-free: :mod:`reader.store.lookup` turns these into SQL.
"""

from __future__ import annotations

from reader.text.arabic import fold_letters, strip_marks

__all__ = ["search_form", "query_stems"]

# The conjunctions, prepositions and article written before a word, folded,
# longest first (لل: ل before the article, whose alef is then not written).
PROCLITICS = (
    "وبال", "وكال", "فبال", "ولل", "فلل", "وال", "فال", "بال", "كال",
    "لل", "ال", "وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك",
)  # fmt: skip
# The pronouns written after a word (زيارته، كتابي، بيتنا), longest first.
ENCLITICS = ("هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ني", "ه", "ك", "ي")
# A stem left by taking clitics off has at least this many letters (يد، أب).
SHORTEST_STEM = 2
TA_MARBUTA_FOLDED, TA = "ه", "ت"


def search_form(text: str) -> str:
    """``text`` as the vocabulary keeps it for search: no marks or tatweel, alef
    forms as ا, ة as ه, ى as ي (:func:`reader.text.arabic.fold_letters`).

    Rows keep this form in their search columns (``lemma_search``,
    ``surface_search``), filled by migration 0003 with a frozen copy of it: it
    must not change without a migration that refills them.
    """
    return fold_letters(strip_marks(text)).strip()


def query_stems(folded: str) -> frozenset[str]:
    """The words a one-word query (already :func:`search_form`-ed) may stand for
    once the clitics written on it are off: الزياره → زياره, بالزياره → زياره,
    زيارته → زيارت and زياره (a ة before a pronoun is written ت). Not the query
    itself, which is matched anywhere in a lemma or a form."""
    if not folded or " " in folded:
        return frozenset()
    bases = {folded}
    bases.update(
        folded[len(prefix) :]
        for prefix in PROCLITICS
        if folded.startswith(prefix) and len(folded) - len(prefix) >= SHORTEST_STEM
    )
    stems = set(bases)
    for base in bases:
        for suffix in ENCLITICS:
            if base.endswith(suffix) and len(base) - len(suffix) >= SHORTEST_STEM:
                stem = base[: -len(suffix)]
                stems.add(stem)
                if stem.endswith(TA):
                    stems.add(stem[:-1] + TA_MARBUTA_FOLDED)
    stems.discard(folded)
    return frozenset(stems)
