"""Saving the word (or the name) at a token: one operation for the window, the CLI
and the self-test.

What is saved is decided once, from the reading session, by :func:`plan_save`:
the word in the reading shown (the learner's choice, else the best), or, for a
word of a name of several words, the name as one entry, and for a surname
alone that stands for such a name (:mod:`reader.reading.article_keys`), that
name, with the surname's own place as the occurrence; its sentence as
written, without the spaces around it; its English, which says "(guessed
spelling)" where a name's spelling is only a guess. :meth:`SavePlan.save`
then writes it (on whatever thread holds the store); :func:`save_at` does both.
The same token saved from ``vocab add`` and from the window gives the same
entry, field for field.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from reader.store import LemmaKey, Status, is_name_key, name_key

if TYPE_CHECKING:
    from reader.morphology.records import Analysis
    from reader.reading.session import ReadingSession
    from reader.store import Change, DocumentRecord, EntryRecord, Store
    from reader.text import Document

__all__ = ["SavePlan", "Saved", "plan_save", "save_at", "sentence_of"]


def sentence_of(document: Document, token_index: int) -> str:
    """The sentence a token is in, as written, without the spaces around it."""
    span = document.sentences[document.tokens[token_index].sentence]
    return document.text[span.start : span.end].strip()


@dataclass(frozen=True)
class Saved:
    """What a save wrote: the entry, the store's change, and the document's record."""

    entry: EntryRecord
    change: Change
    document: DocumentRecord


@dataclass(frozen=True)
class SavePlan:
    """What saving a token saves, decided from the session (a plain record: it can
    cross to the thread that writes)."""

    document: Document
    token_index: int
    key: LemmaKey  # the entry's: the lemma's, or the name's
    reading: Analysis | None  # the word's reading, with the English saved (None: a name)
    name: dict[str, Any] | None  # a name of several words: save_name's fields
    sentence: str
    vocalised: str = ""  # the word as said here, as the pane's headword writes it

    @property
    def is_name(self) -> bool:
        return self.name is not None

    def save(
        self,
        store: Store,
        *,
        record: DocumentRecord | None = None,
        status: Status | str = Status.LEARNING,
        status_override: Status | str | None = None,
        user_gloss: str | None = None,
    ) -> Saved:
        """Write the entry with this occurrence, in the document of ``record`` (None:
        the document is found by its text, or remembered now).

        An existing entry keeps its status unless ``status_override`` says another;
        ``status`` is a new entry's. See :func:`reader.store.save_word`.
        """
        from reader.store import find_document
        from reader.store.words import remember_text_document, save_analysis, save_name

        document = self.document
        remembered: Change | None = None
        if record is None:
            # A sentence added twice is one document; a title the window gave a
            # pasted text that happens to be this sentence is kept.
            record = find_document(store, document.fingerprint)
        if record is None:
            record, remembered = remember_text_document(store, document)
        common: dict[str, Any] = {
            "sentence": self.sentence,
            "document_id": record.id,
            "status": status,
            "status_override": status_override,
            "user_gloss": user_gloss,
            "vocalised": self.vocalised,
        }
        if self.name is not None:
            entry, change = save_name(store, **self.name, **common)
        else:
            assert self.reading is not None
            token = document.tokens[self.token_index]
            entry, change = save_analysis(
                store,
                self.reading,
                surface=token.text,
                start=token.start,
                end=token.end,
                **common,
            )
        return Saved(entry, change | remembered if remembered is not None else change, record)


def plan_save(session: ReadingSession, token_index: int) -> SavePlan | None:
    """What saving the token saves, in the reading the session shows (None: the
    token has no reading: not an Arabic word, or no dictionary yet)."""
    from reader.morphology.names.saving import saved_english
    from reader.reading.article_keys import name_words

    document = session.document
    reading = session.reading(token_index)
    if document is None or reading is None:
        return None
    name = session.name_entry(token_index)
    if name is not None:
        span = session.name_at(token_index)
        assert span is not None and session.analysis is not None
        return SavePlan(
            document,
            token_index,
            name_key(str(name["arabic"])),
            None,
            {**name, "name_words": name_words(session.analysis, span)},
            sentence_of(document, span.start),
        )
    sentence, said = sentence_of(document, token_index), session.shown_form(token_index)
    stands_for = _name_standing_for(session, token_index)
    if stands_for is not None:
        key = name_key(str(stands_for["arabic"]))
        return SavePlan(document, token_index, key, None, stands_for, sentence, said)
    english = saved_english(reading)
    saved = reading if english == reading.lemma_gloss else replace(reading, lemma_gloss=english)
    return SavePlan(document, token_index, reading.key, saved, None, sentence, said)


def _name_standing_for(session: ReadingSession, token_index: int) -> dict[str, Any] | None:
    """save_name's fields for a surname alone that stands for a saved name of
    several words (the store answered its key with the name's entry), with this
    word's place as the occurrence (None: the word stands for no saved name)."""
    assert session.document is not None
    entry = session.entry_at(token_index)
    if entry is None or not is_name_key(entry.key):
        return None
    token = session.document.tokens[token_index]
    return {
        "arabic": entry.lex,
        "english": entry.dictionary_gloss,
        "lemma": entry.lemma,
        "surface": token.text,
        "start": token.start,
        "end": token.end,
    }


def save_at(
    store: Store,
    session: ReadingSession,
    token_index: int,
    *,
    record: DocumentRecord | None = None,
    status: Status | str = Status.LEARNING,
    status_override: Status | str | None = None,
    user_gloss: str | None = None,
) -> Saved | None:
    """Save the word or name at ``token_index`` as the session shows it (None: it has
    no reading, so nothing was saved)."""
    plan = plan_save(session, token_index)
    if plan is None:
        return None
    return plan.save(
        store,
        record=record,
        status=status,
        status_override=status_override,
        user_gloss=user_gloss,
    )
