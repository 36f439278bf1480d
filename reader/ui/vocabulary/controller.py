"""What the reader window does with the vocabulary: remember documents, save words, mark them.

User actions become store operations (through the hub); the marks, the known
share and the word in focus are then redrawn from the hub's "changed" signal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStatusBar

from reader import store as ops  # its operations import SQLAlchemy when first called
from reader.morphology.records import Analysis
from reader.reading.article_keys import ArticleKeys
from reader.reading.session import Aspect, ReadingSession, SessionChange
from reader.store import Change, DocumentRecord, EntryRecord, LemmaKey, Status
from reader.system.settings import Settings
from reader.text import Document
from reader.ui.article.view import ArticleView
from reader.ui.article.word_marks import KnownShare, SavedEntries, article_marks
from reader.ui.base.vocabulary_hub import VocabularyHub

if TYPE_CHECKING:
    from reader.reading.save import Saved
    from reader.store import Store


class VocabularyController(QObject):
    # The record of the document shown, once the store knows it (None: it cannot).
    document_remembered = Signal(object)

    def __init__(
        self,
        hub: VocabularyHub,
        session: ReadingSession,
        view: ArticleView,
        known_label: QLabel,
        status_bar: QStatusBar,
        settings: Settings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.hub, self.session, self.view = hub, session, view
        self.known_label, self.status_bar, self.settings = known_label, status_bar, settings
        self.document_record: DocumentRecord | None = None
        self.entries = SavedEntries(self.hub)
        self.share = KnownShare(0, 0)
        # The keys the saved entries were loaded for.
        self._loaded_for: ArticleKeys | None = None
        self._restoring = False
        self._showing = False  # inside _remember(), whose caller says the record itself
        # Bumped by every vocabulary change: entries read on the worker before the
        # last change are not used (reader.ui.window.preparation).
        self.generation = 0
        self.hub.changed.connect(self._on_changed)
        self.hub.availability_changed.connect(self._on_availability)
        session.subscribe(self._on_session_changed)

    # -- documents ----------------------------------------------------------------

    def document_closing(self) -> None:
        """Remember where the learner is in the document being left (written on the worker)."""
        record, view = self.document_record, self.view
        if record is not None and view.document_model is not None and not self.hub.read_only:
            offset = view.first_visible_offset()
            self.hub.apply(
                lambda store: ops.set_reading_position(store, record.id, offset), initiator=self
            )

    def document_shown(
        self, document: Document, *, position: int = 0, late: bool = False
    ) -> DocumentRecord | None:
        """Remember the document, say so (``document_remembered``), go to the place.

        The one place for all three: when a document is shown, and when the
        vocabulary opens after it (``late``: then only if the learner has not
        started reading meanwhile). ``position``: where to go rather than the
        saved place. Returns the document's record.
        """
        record = self._remember(document)
        self.document_remembered.emit(record)
        if not position and record is not None:
            position = record.reading_position
        if position and not late:
            # After the first layout pass, so the line positions are known.
            QTimer.singleShot(0, lambda: self.view.scroll_to_offset(position))
        elif position and not self.view.learner_moved():
            self.view.scroll_to_offset(position)
        return record

    def _remember(self, document: Document) -> DocumentRecord | None:
        """The document's record (with its saved reading position), made if need be.

        A document seen before is found with a quick read, so its saved place is
        known at once; that it was opened now is written on the hub's worker. A
        new one has no record until that write is done (None here, unless the
        hub is synchronous); ``document_remembered`` then says it when it is.
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
        if self.session.document is not document:
            return  # another document was opened meanwhile
        first_sight = self.document_record is None
        self.document_record = record
        if first_sight and not self._showing:
            self.document_remembered.emit(record)

    def _on_availability(self, available: bool) -> None:
        document = self.session.document
        if available and document is not None and self.document_record is None:
            # The vocabulary can open seconds after the text is shown.
            self.document_shown(document, late=True)
            self.analysed()

    def _on_session_changed(self, change: SessionChange) -> None:
        if Aspect.DOCUMENT in change:
            self._loaded_for = None
            self.refresh_marks()  # none yet: the analysis is on its way
        elif change.aspects & (Aspect.ANALYSIS | Aspect.VOCALISATION):
            # The saved entries came with the analysis (read on the worker) or not.
            self.analysed(entries_arrived=Aspect.ENTRIES in change)
        elif Aspect.CHOICE in change and not self._restoring:
            self.refresh_marks()

    def analysed(self, *, entries_arrived: bool = False) -> None:
        """The article's readings are known: restore saved choices, then mark its words
        (``entries_arrived``: the session holds their saved entries, read with them)."""
        self._restore_saved_readings()
        self.refresh_marks(reload=True, entries_arrived=entries_arrived)

    def _restore_saved_readings(self) -> None:
        """A word saved in a reading other than the best keeps that reading on reopening."""
        session, record = self.session, self.document_record
        document = session.document
        if record is None or document is None or session.analysis is None:
            return
        saved = self.hub.read(lambda store: ops.saved_readings(store, record.id), {})
        restored: dict[int, Analysis] = {}
        for start, key in saved.items():
            token = document.token_at(start)
            if token is None or token.start != start:
                continue
            if session.chosen_key(token.index) is not None:
                continue
            readings = session.readings(token.index) or ()
            if not readings or readings[0].key == key:
                continue
            for reading in readings:
                if reading.key == key:
                    restored[token.index] = reading
                    break
        self._restoring = True  # its marks are made by the caller, once
        try:
            session.choose_many(restored)
        finally:
            self._restoring = False

    # -- marks and the known share ---------------------------------------------------

    def refresh_marks(self, *, reload: bool = False, entries_arrived: bool = False) -> None:
        """Mark the article's words and show the known share.

        Never a Python step per token here: the key of every token's best
        reading comes from the worker (:class:`ArticleKeys`), each distinct
        lemma is looked up once, and the rest are array operations; the marks
        are then written into the text in batches from a timer.
        """
        session = self.session
        analysis = session.analysis
        if analysis is None:
            self.view.set_marks({})
            self.known_label.setText("")
            return
        keys = session.keys
        assert keys is not None  # made with the analysis (reader.reading.prepare)
        overrides: dict[int, LemmaKey | None] = {
            index: session.entry_key(index) for index in session.chosen_tokens()
        }
        if reload or self._loaded_for is not keys:
            if entries_arrived:
                # No query on the GUI thread: the session has them, read on the worker.
                self.entries.adopt(session.saved_entries(keys.keys), keys.keys)
                chosen = [key for key in overrides.values() if key is not None]
                fresh = {key: self.entries.get(key) for key in chosen}
                if any(not session.has_entry_for(key) for key in chosen):
                    session.set_entries(fresh)
            else:
                self.entries.load([*keys.keys, *(key for key in overrides.values() if key)])
                session.set_entries(self.entries.by_key, replace=True)
            self._loaded_for = keys
        else:
            fresh = {
                key: self.entries.get(key)  # a reading chosen since: its lemma looked up once
                for key in overrides.values()
                if key is not None and not session.has_entry_for(key)
            }
            if fresh:
                session.set_entries(fresh)
        highlight = self.settings.get("highlight_new_words")
        result = article_marks(keys, self.entries, overrides, highlight_unsaved=highlight)
        self.view.replace_marks(result.marks)
        self.share = result.share
        self.known_label.setText(known_label(self.share) if self.hub.available else "")

    def _on_changed(self, change: Change) -> None:
        if not change.vocabulary:
            return
        self.generation += 1
        if change.entry_ids and self._loaded_for is not None:
            touched = self.entries.update(change.entry_ids)
            self.session.set_entries({key: self.entries.by_key.get(key) for key in touched})
            self.refresh_marks()
        else:
            self.refresh_marks(reload=True)

    # -- the entry of a word ------------------------------------------------------------

    def entry_at(self, token_index: int) -> EntryRecord | None:
        """The saved entry the word belongs to (its name's, in a name of several words)."""
        key = self.session.entry_key(token_index)
        if key is None or not self.hub.available:
            return None
        entry = self.entries.get(key)
        if not self.session.has_entry_for(key):
            self.session.set_entries({key: entry})
        return entry

    # -- what the learner does to the word in focus -----------------------------------

    def _focus(self) -> tuple[int, Analysis] | None:
        index = self.session.focus
        reading = self.session.reading(index) if index is not None else None
        if index is None or reading is None:
            self.status_bar.showMessage("Hover over a word, or click one, to save it.", 4000)
            return None
        return index, reading

    def save_focused_word(self, status: Status = Status.LEARNING) -> bool:
        """Save the word in focus in the reading shown (the learner's choice, else the best);
        a word of a name of several words saves the name.

        True when the save was sent to the store; it is written on the hub's
        worker, and the status bar says when it is saved (or why not).
        """
        focus = self._focus()
        document = self.session.document
        if focus is None or document is None:
            return False
        if not self.hub.available:
            self.status_bar.showMessage(self.hub.unavailable_reason, 6000)
            return False
        known = self.document_record
        if known is None and self.hub.read_only:
            # No record to save into, and none can be written: said once by the hub.
            self.status_bar.showMessage(f"Not saved: {self.hub.read_only}", 8000)
            return False
        from reader.reading.save import plan_save

        # The reading saved travels with the occurrence: when the vowels re-rank the
        # article, or it is opened again, the saved readings are restored from it.
        plan = plan_save(self.session, focus[0])
        if plan is None:
            return False

        def save(store: Store) -> tuple[Saved, Change]:
            # A document whose record is still being written (or failed to be) is
            # found or remembered in the same turn of the worker.
            saved = plan.save(store, record=known, status=status)
            return saved, saved.change

        def saved(outcome: Saved) -> None:
            if known is None:
                self._remembered(document, outcome.document)
            entry = outcome.entry
            self.status_bar.showMessage(f"Saved {entry.lemma} ({entry.status.value})", 4000)

        return self.hub.apply(save, initiator=self, on_done=saved) is not None

    def set_focused_status(self, status: Status) -> None:
        focus = self._focus()
        if focus is None:
            return
        entry = self.entry_at(focus[0])
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
        self.hub.apply(
            lambda store: operation(store, entry_id, value),  # type: ignore[operator]
            initiator=self,
        )


def known_label(share: KnownShare) -> str:
    """The status bar's known share (:meth:`KnownShare.label`)."""
    return share.label()
