"""The gloss pane's vocabulary section: save the word, its status, own gloss, tags, note.

It only shows an entry and says what the learner asked for (signals); the window
turns those into store operations, and the entry shown comes back through the
vocabulary hub's "changed" signal like everywhere else.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.store import EntryRecord, Status

# The keys 1-4 set a word's status, in this order (shown on the buttons and in the menu).
STATUS_KEYS: tuple[tuple[str, Status], ...] = (
    ("1", Status.NEW),
    ("2", Status.LEARNING),
    ("3", Status.KNOWN),
    ("4", Status.IGNORED),
)


def split_tags(text: str) -> list[str]:
    return [tag.strip() for tag in text.split(",") if tag.strip()]


class EntryEditor(QWidget):
    save_requested = Signal()
    status_chosen = Signal(str)  # a Status value
    # Each with the id of the entry edited: the word in focus may have moved on since.
    gloss_edited = Signal(int, str)
    tags_edited = Signal(int, list)
    notes_edited = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry: EntryRecord | None = None
        self._what = ""  # "word" or "name": what the buttons' tooltips speak of
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)

        top = QHBoxLayout()
        self.save_button = QPushButton("Save word  (S)")
        self.save_button.setToolTip("Save this word, in the reading shown, with its sentence")
        self.save_button.clicked.connect(self.save_requested)
        self.state_label = QLabel()
        self.state_label.setStyleSheet("color:#6b6357")
        # The learner's own fields stay folded until used: the word comes first.
        self.more_button = QToolButton(text="Own gloss, tags, note…", checkable=True)
        self.more_button.setObjectName("ownFieldsToggle")
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.more_button.setAutoRaise(True)
        self.more_button.toggled.connect(self._toggle_fields)
        top.addWidget(self.save_button)
        top.addWidget(self.state_label, 1)
        top.addWidget(self.more_button)
        layout.addLayout(top)

        statuses = QHBoxLayout()
        statuses.setSpacing(2)
        self.status_group = QButtonGroup(self)
        self.status_buttons: dict[str, QPushButton] = {}
        for key, status in STATUS_KEYS:
            button = QPushButton(f"{key} {status.value.capitalize()}")
            button.setCheckable(True)
            button.setToolTip(f"Mark the word as {status.value} (key {key})")
            button.clicked.connect(lambda _=False, value=status.value: self._status_clicked(value))
            self.status_group.addButton(button)
            self.status_buttons[status.value] = button
            statuses.addWidget(button)
        layout.addLayout(statuses)

        self.fields = QWidget()
        fields = QVBoxLayout(self.fields)
        fields.setContentsMargins(0, 2, 0, 0)
        fields.setSpacing(4)
        self.gloss_edit = QLineEdit(placeholderText="Your own gloss (Enter saves)")
        self.gloss_edit.returnPressed.connect(self._gloss_finished)
        self.tags_edit = QLineEdit(placeholderText="Tags, comma-separated (Enter saves)")
        self.tags_edit.editingFinished.connect(self._tags_finished)
        self.notes_edit = QPlainTextEdit(placeholderText="A note on this word")
        self.notes_edit.setFixedHeight(56)
        self.notes_edit.installEventFilter(self)
        self.notes_button = QPushButton("Save note")
        self.notes_button.clicked.connect(self._notes_finished)
        for widget in (self.gloss_edit, self.tags_edit, self.notes_edit):
            fields.addWidget(widget)
        fields.addWidget(self.notes_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.fields)
        self.fields.hide()
        self.show_entry(None, can_save=False)

    def show_entry(self, entry: EntryRecord | None, *, can_save: bool, name: bool = False) -> None:
        """The entry of the word in focus (None: not saved); ``can_save``: a word to
        save; ``name``: the word stands for a name of several words, saved as one."""
        previous, self.entry = self.entry, entry
        same_entry = entry is not None and previous is not None and entry.id == previous.id
        if previous is not None and not same_entry:
            # Moving to another word must not lose a note being written.
            typed = self.notes_edit.toPlainText()
            if typed != previous.notes:
                self.notes_edited.emit(previous.id, typed)
        saved = entry is not None
        what = "name" if name else "word"
        self.save_button.setEnabled(can_save)
        self.save_button.setText("Save again here  (S)" if saved else f"Save {what}  (S)")
        if what != self._what:  # on every hover: only when it changes
            self._what = what
            self.save_button.setToolTip(
                "Save the whole name, as one entry, with its sentence"
                if name
                else "Save this word, in the reading shown, with its sentence"
            )
            for (key, status), button in zip(
                STATUS_KEYS, self.status_buttons.values(), strict=True
            ):
                button.setToolTip(f"Mark the {what} as {status.value} (key {key})")
            self.notes_edit.setPlaceholderText(f"A note on this {what}")
        if saved:
            self.state_label.setText(f"Saved · seen {entry.occurrence_count}×")
        else:
            self.state_label.setText("" if can_save else "No word to save")
        for button in self.status_buttons.values():
            button.setEnabled(can_save or saved)
        self._show_status()
        for widget in (self.gloss_edit, self.tags_edit, self.notes_edit, self.notes_button):
            widget.setEnabled(saved)
        self.more_button.setEnabled(saved)
        self.more_button.setToolTip(
            f"Write your own gloss, tags and a note for this {what}"
            if saved
            else f"Save the {what} first, then give it your own gloss, tags and a note"
        )
        # Keep what the learner is typing when the same entry merely refreshed.
        if not (same_entry and self.gloss_edit.hasFocus()):
            self.gloss_edit.setText(entry.user_gloss or "" if entry else "")
            self.gloss_edit.setPlaceholderText(
                f"Your own gloss instead of “{entry.dictionary_gloss}”"
                if entry and entry.dictionary_gloss
                else "Your own gloss (Enter saves)"
            )
        if not (same_entry and self.tags_edit.hasFocus()):
            self.tags_edit.setText(", ".join(entry.tags) if entry else "")
        if not (same_entry and self.notes_edit.hasFocus()):
            self.notes_edit.setPlainText(entry.notes if entry else "")
        self._show_fields()

    def _has_own_content(self) -> bool:
        entry = self.entry
        return entry is not None and bool(entry.user_gloss or entry.tags or entry.notes)

    def _show_fields(self) -> None:
        """Open while the learner wants them or the entry has some; folded otherwise.

        Never folded under the learner's fingers: a field being typed in stays.
        """
        typing = any(w.hasFocus() for w in (self.gloss_edit, self.tags_edit, self.notes_edit))
        wanted = self.entry is not None and (
            self.more_button.isChecked() or self._has_own_content() or typing
        )
        self.fields.setVisible(wanted)

    def _toggle_fields(self, on: bool) -> None:
        self._show_fields()
        if on and self.fields.isVisible():
            self.gloss_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_status(self) -> None:
        entry = self.entry
        self.status_group.setExclusive(False)
        for value, button in self.status_buttons.items():
            button.setChecked(entry is not None and entry.status.value == value)
        self.status_group.setExclusive(True)

    def _status_clicked(self, value: str) -> None:
        self.status_chosen.emit(value)
        # The buttons show the saved status, never the click alone: a save that
        # failed leaves them as they were (one that worked has refreshed the entry).
        self._show_status()

    def _gloss_finished(self) -> None:
        if self.entry is not None:
            self.gloss_edited.emit(self.entry.id, self.gloss_edit.text().strip())

    def _tags_finished(self) -> None:
        if self.entry is not None:
            tags = split_tags(self.tags_edit.text())
            if sorted(t.casefold() for t in tags) != sorted(t.casefold() for t in self.entry.tags):
                self.tags_edited.emit(self.entry.id, tags)

    def _notes_finished(self) -> None:
        if self.entry is not None and self.notes_edit.toPlainText() != self.entry.notes:
            self.notes_edited.emit(self.entry.id, self.notes_edit.toPlainText())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.notes_edit and event.type() == QEvent.Type.FocusOut:
            self._notes_finished()
        return False
