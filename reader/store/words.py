"""Saving what the learner met in a text: the bridge from analyses to the store.

The window (on a click) and the CLI (``vocab add``) both save a word this way,
so an entry saved from either place has the same fields. Qt-free and
camel-tools-free: the analysis and the document arrive as plain records.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from reader.store.database import Store
from reader.store.documents import remember_document
from reader.store.models import Status
from reader.store.records import Change, DocumentRecord, EntryRecord, name_key
from reader.store.vocabulary import save_word

if TYPE_CHECKING:
    from reader.morphology.records import Analysis
    from reader.text import Document

# reader.morphology.records.POS_LABELS[NAME_POS], without importing the analyser's package.
NAME_LABEL = "proper noun"


def remember_text_document(
    store: Store, document: Document, *, title: str | None = None
) -> tuple[DocumentRecord, Change]:
    """Remember a :class:`reader.text.Document` as opened; its identity is its text.

    ``document.fingerprint`` is the same sha256 as ``fingerprint_text`` of the
    shown text, so an article reopened from elsewhere finds its words again.
    """
    return remember_document(
        store,
        title=title or document.title,
        fingerprint=document.fingerprint,
        path=document.source_path,
        text_length=len(document.text),
    )


def save_analysis(
    store: Store,
    analysis: Analysis,
    *,
    surface: str,
    sentence: str,
    document_id: int,
    start: int,
    end: int,
    status: Status | str = Status.LEARNING,
    status_override: Status | str | None = None,
    user_gloss: str | None = None,
    vocalised: str = "",
) -> tuple[EntryRecord, Change]:
    """Save the reading ``analysis`` of the word ``surface`` met at ``start:end``
    (said ``vocalised`` there).

    The entry is keyed by camel-tools' (lex, pos); the dictionary gloss is the
    lemma's gloss (not the inflected form's), since the entry stands for the
    lemma, and an entry keeps the first one it was saved with. Idempotent like
    :func:`save_word`, which also explains ``status_override`` and ``user_gloss``.
    """
    return save_word(
        store,
        lex=analysis.lex,
        pos=analysis.pos,
        lemma=analysis.lemma,
        root=analysis.root,
        pos_label=analysis.pos_label,
        dictionary_gloss=analysis.lemma_gloss,
        surface=surface,
        sentence=sentence,
        document_id=document_id,
        start=start,
        end=end,
        status=status,
        status_override=status_override,
        user_gloss=user_gloss,
        vocalised=vocalised,
    )


def save_name(
    store: Store,
    *,
    arabic: str,
    english: str,
    lemma: str = "",
    name_words: Iterable[str] | None = None,
    **occurrence: Any,
) -> tuple[EntryRecord, Change]:
    """Save a name of several words (الولايات المتحدة, "United States") as one entry.

    Keyed by :func:`name_key` of ``arabic`` (the name as a dictionary lists it), a
    proper noun with no root; its dictionary gloss is the name's English, and
    ``lemma`` (default: ``arabic``) is how it is shown. ``occurrence`` is where it
    was met, as for :func:`save_word` (``surface``: its words as written, the whole
    name; ``sentence``, ``document_id``, ``start``, ``end``, ``status``...).
    ``name_words``: its words that stand for it alone in any text (كيري for جون
    كيري), as :func:`reader.reading.article_keys.name_words` decides them; None
    keeps those it has. Idempotent like :func:`save_word`.
    """
    lex, pos = name_key(arabic)
    return save_word(
        store,
        lex=lex,
        pos=pos,
        lemma=lemma.strip() or " ".join(arabic.split()),
        root="",
        pos_label=NAME_LABEL,
        dictionary_gloss=english,
        name_words=name_words,
        **occurrence,
    )
