"""What the reader window does with the vocabulary: remember documents, save words, mark them.

User actions become store operations (through the hub); the marks, the known
share and the word in focus are then redrawn from the hub's "changed" signal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reader import store as ops  # its operations import SQLAlchemy when first called
from reader.morphology.records import Analysis
from reader.store import Change, DocumentRecord, EntryRecord, LemmaKey, Status
from reader.text import Document
from reader.ui.word_marks import ArticleKeys, KnownShare, SavedEntries, article_marks

if TYPE_CHECKING:
    from reader.morphology.analyzer import DocumentAnalysis
    from reader.store import Store
    from reader.ui.main_window import MainWindow


class VocabularyController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.hub = window.vocabulary
        self.document_record: DocumentRecord | None = None
        self.entries = SavedEntries(self.hub)
        self.share = KnownShare(0, 0)
        self._showing = False  # inside document_shown(), which returns the record itself
        # The analysis shown and its keys; the keys the saved entries were loaded for.
        self._article_keys: tuple[DocumentAnalysis, ArticleKeys] | None = None
        self._loaded_for: ArticleKeys | None = None
        self.hub.changed.connect(self._on_changed)
        self.hub.availability_changed.connect(self._on_availability)

    # -- documents ----------------------------------------------------------------

    def document_closing(self) -> None:
        """Remember where the learner is in the document being left (written on the worker)."""
        record, view = self.document_record, self.window.view
        if record is not None and view.document_model is not None and not self.hub.read_only:
            offset = view.first_visible_offset()
            self.hub.apply(
                lambda store: ops.set_reading_position(store, record.id, offset), initiator=self
            )

    def document_shown(self, document: Document) -> DocumentRecord | None:
        """Remember the document; returns its record (with its saved reading position).

        A document seen before is found with a quick read, so its saved place is
        known at once; that it was opened now is written on the hub's worker. A
        new one has no record until that write is done (None here, unless the
        hub is synchronous); the docks are then told when it is.
        A read-only vocabulary is still read: the document's record is looked up
        (its saved words and notes show), and no write is tried for it.
        """
        self.document_record = None
        self._loaded_for = None  # the keys it had are kept: they belong to an analysis
        if not self.hub.available:
            return None
        from reader.store.words import remember_text_document  # loaded with the open store

        fingerprint = document.fingerprint
        self.document_record = self.hub.read(
            lambda store: ops.find_document(store, fingerprint), None
        )
        if not self.hub.read_only:
            self._showing = True
            try:
                self.hub.apply(
                    lambda store: remember_text_document(store, document),
                    initiator=self,
                    on_done=lambda record: self._remembered(document, record),
                )
            finally:
                self._showing = False
        return self.document_record

    def _remembered(self, document: Document, record: DocumentRecord) -> None:
        if self.window.document is not document:
            return  # another document was opened meanwhile
        first_sight = self.document_record is None
        self.document_record = record
        if first_sight and not self._showing:
            self.window.docks.document_shown(record.id)

    def _on_availability(self, available: bool) -> None:
        document = self.window.document
        if available and document is not None and self.document_record is None:
            record = self.document_shown(document)
            self.window.docks.document_shown(record.id if record is not None else None)
            # The vocabulary can open seconds after the text is shown: go to the
            # saved place only if the learner has not started reading meanwhile.
            view = self.window.view
            if record is not None and record.reading_position and not view.learner_moved():
                view.scroll_to_offset(record.reading_position)
            self.analysed()

    def analysed(self, keys: ArticleKeys | None = None) -> None:
        """The article's readings are known: restore saved choices, then mark its words.

        ``keys``: the article's keys, made on the worker with the analysis.
        """
        if keys is not None and self.window.analysis is not None:
            self._article_keys = (self.window.analysis, keys)
        self._restore_saved_readings()
        self.refresh_marks(reload=True)

    def _restore_saved_readings(self) -> None:
        """A word saved in a reading other than the best keeps that reading on reopening."""
        window, record = self.window, self.document_record
        document = window.document
        if record is None or document is None or window.analysis is None:
            return
        saved = self.hub.read(lambda store: ops.saved_readings(store, record.id), {})
        for start, key in saved.items():
            token = document.token_at(start)
            if token is None or token.start != start:
                continue
            if window.choices.chosen_key(document.fingerprint, token.index) is not None:
                continue
            readings = window.readings(token.index) or ()
            if not readings or readings[0].key == key:
                continue
            for reading in readings:
                if reading.key == key:
                    window.choices.choose(document.fingerprint, token.index, reading)
                    break

    # -- marks and the known share ---------------------------------------------------

    def refresh_marks(self, *, reload: bool = False) -> None:
        """Mark the article's words and show the known share.

        Never a Python step per token here: the key of every token's best
        reading comes from the worker (:class:`ArticleKeys`), each distinct
        lemma is looked up once, and the rest are array operations; the marks
        are then written into the text in batches from a timer.
        """
        window = self.window
        document = window.document
        if document is None or window.analysis is None or window.analysis.document is not document:
            window.view.set_marks({})
            window.known_label.setText("")
            return
        keys = self._keys_of(window.analysis)
        readings, choices = window.analysis.readings, window.choices
        fingerprint = document.fingerprint
        overrides: dict[int, LemmaKey | None] = {}
        for index in choices.chosen_tokens(fingerprint):
            shown = choices.reading_for(fingerprint, index, readings[index])
            overrides[index] = shown.key if shown is not None else None
        if reload or self._loaded_for is not keys:
            self.entries.load([*keys.keys, *(key for key in overrides.values() if key)])
            self._loaded_for = keys
        else:
            for key in overrides.values():
                if key is not None:
                    self.entries.get(key)  # a reading chosen since: its lemma looked up once
        highlight = window.settings.get("highlight_new_words")
        result = article_marks(keys, self.entries, overrides, highlight_unsaved=highlight)
        window.view.replace_marks(result.marks)
        self.share = result.share
        window.known_label.setText(known_label(self.share) if self.hub.available else "")

    def _keys_of(self, analysis: DocumentAnalysis) -> ArticleKeys:
        held = self._article_keys
        if held is None or held[0] is not analysis:
            # Normally made on the worker with the analysis (see analysed()).
            held = (analysis, ArticleKeys.of(analysis))
            self._article_keys = held
        return held[1]

    def _on_changed(self, change: Change) -> None:
        if not change.vocabulary:
            return
        if change.entry_ids and self._loaded_for is not None:
            self.entries.update(change.entry_ids)
            self.refresh_marks()
        else:
            self.refresh_marks(reload=True)

    # -- the entry of a reading ---------------------------------------------------------

    def entry_for(self, reading: Analysis | None) -> EntryRecord | None:
        if reading is None or not self.hub.available:
            return None
        return self.entries.get(reading.key)

    def user_gloss(self, reading: Analysis | None) -> str | None:
        entry = self.entry_for(reading)
        return entry.user_gloss if entry is not None else None

    # -- what the learner does to the word in focus -----------------------------------

    def _focus(self) -> tuple[int, Analysis] | None:
        window = self.window
        index = window.focus_token()
        reading = window.reading(index) if index is not None else None
        if index is None or reading is None:
            window.statusBar().showMessage("Hover over a word, or click one, to save it.", 4000)
            return None
        return index, reading

    def save_focused_word(self, status: Status = Status.LEARNING) -> bool:
        """Save the word in focus in the reading shown (the learner's choice, else the best).

        True when the save was sent to the store; it is written on the hub's
        worker, and the status bar says when it is saved (or why not).
        """
        focus = self._focus()
        window = self.window
        document = window.document
        if focus is None or document is None:
            return False
        if not self.hub.available:
            window.statusBar().showMessage(self.hub.unavailable_reason, 6000)
            return False
        known = self.document_record
        if known is None and self.hub.read_only:
            # No record to save into, and none can be written: said once by the hub.
            window.statusBar().showMessage(f"Not saved: {self.hub.read_only}", 8000)
            return False
        from reader.store.words import remember_text_document, save_analysis

        index, reading = focus
        token = document.tokens[index]
        span = document.sentences[token.sentence]
        sentence = document.text[span.start : span.end].strip()
        # The choice travels with the saved occurrence: reopening restores it.
        window.choices.choose(document.fingerprint, index, reading)

        def save(store: Store) -> tuple[tuple[EntryRecord, DocumentRecord], Change]:
            # A document whose record is still being written (or failed to be):
            # the record first, in the same turn of the worker.
            record, remembered = known, Change()
            if record is None:
                record, remembered = remember_text_document(store, document)
            entry, change = save_analysis(
                store,
                reading,
                surface=token.text,
                sentence=sentence,
                document_id=record.id,
                start=token.start,
                end=token.end,
                status=status,
            )
            return (entry, record), change | remembered

        def saved(outcome: tuple[EntryRecord, DocumentRecord]) -> None:
            entry, record = outcome
            if known is None:
                self._remembered(document, record)
            window.statusBar().showMessage(f"Saved {entry.lemma} ({entry.status.value})", 4000)

        return self.hub.apply(save, initiator=self, on_done=saved) is not None

    def set_focused_status(self, status: Status) -> None:
        focus = self._focus()
        if focus is None:
            return
        entry = self.entry_for(focus[1])
        if entry is None:
            self.save_focused_word(status)
        else:
            entry_id = entry.id
            self.hub.apply(lambda store: ops.set_status(store, entry_id, status), initiator=self)

    def edit_entry(self, what: str, entry_id: int, value: object) -> None:
        """``what``: the "gloss", "tags" or "notes" of a saved entry."""
        operation = {"gloss": ops.set_user_gloss, "tags": ops.set_tags, "notes": ops.set_notes}[
            what
        ]
        self.hub.apply(lambda store: operation(store, entry_id, value), initiator=self)  # type: ignore[operator]


def known_label(share: KnownShare) -> str:
    """The status bar's known share (:meth:`KnownShare.label`)."""
    return share.label()
