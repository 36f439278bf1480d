"""The gloss pane: everything about the word in focus, its readings, its sentence.

A dock built the first time it is shown (Frescobaldi's ``panel.py``); until then
it only remembers what it should show.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.morphology.records import Analysis, readable_gloss
from reader.morphology.roots import resolve_root
from reader.morphology.vowels import textbook
from reader.store import EntryRecord
from reader.ui import fonts
from reader.ui.entry_editor import EntryEditor
from reader.ui.readings import scale_pattern
from reader.ui.word_list import TOKEN_ROLE, WordList

SECTION_STYLE = "color:#7a705f; font-weight:600; margin-top:6px"
# The note on where the headword's vowels come from: quiet, like the translit.
NOTE_STYLE = "color:#7a705f; font-size:10pt"
_ARABIC_RUN = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]+")


def _arabic(text: str, family: str, size: int = 18) -> str:
    return f"<span style=\"font-family:'{family}'; font-size:{size}pt\">{html.escape(text)}</span>"


def describe_reading(reading: Analysis, family: str) -> str:
    """The reading's details as rich text: lemma, part of speech, root, pattern, features."""
    rows: list[tuple[str, str]] = []
    if not reading.is_guess:
        rows.append(("Lemma", _arabic(reading.lemma, family)))
    rows.append(("Part of speech", html.escape(reading.pos_label)))
    if reading.root:
        # English only on this line: a mixed-script parenthesis reorders badly.
        root = resolve_root(reading.root, reading.lex, verb_form=reading.verb_form)
        note = f"<br><i>{html.escape(root.weak_note)}</i>" if root.weak_note else ""
        rows.append(("Root", _arabic(root.display, family) + note))
    if reading.pattern:
        pattern = _arabic(scale_pattern(reading.pattern), family)
        if reading.verb_form:
            pattern += f"&nbsp; verb form {html.escape(reading.verb_form)}"
        rows.append(("Pattern", pattern))
    if reading.features:
        rows.append(("Grammar", html.escape(", ".join(reading.features.values()))))
    cells = "".join(
        f'<tr><td style="color:#7a705f; padding-right:8px">{label}</td><td>{value}</td></tr>'
        for label, value in rows
    )
    return f"<table cellspacing=2>{cells}</table>"


def note_html(note: str, family: str) -> str:
    """The note as rich text, its Arabic words in the Arabic face (their marks legible)."""
    pieces, last = [], 0
    for match in _ARABIC_RUN.finditer(note):
        pieces.append(html.escape(note[last : match.start()]))
        pieces.append(_arabic(match.group(), family, 14))
        last = match.end()
    pieces.append(html.escape(note[last:]))
    return "".join(pieces)


def meaning_of(reading: Analysis) -> str:
    """The English a learner looks for first; honest about guesses."""
    if reading.is_guess:
        return "Not in the dictionary — probably a name"
    return readable_gloss(reading.lemma_gloss) or readable_gloss(reading.gloss)


def meaning_html(reading: Analysis) -> str:
    """This word in this form in English ("their meeting"), then the lemma's senses."""
    senses = meaning_of(reading)
    said = reading.english or senses
    if reading.is_guess:  # the name's English (attested, CLDR or letters), then the caveat
        said = readable_gloss(reading.lemma_gloss) or senses
    if senses == said:
        return html.escape(said)
    return (
        f"{html.escape(said)}<br><span style='font-size:11pt; font-weight:normal;"
        f" color:#5a5247'>{html.escape(senses)}</span>"
    )


def describe_segments(reading: Analysis, family: str) -> str:
    """The word's pieces, each with its gloss below; the first piece at the right."""
    if len(reading.segments) <= 1:
        return ""
    pieces = list(reversed(reading.segments))  # a left-to-right table read right to left
    forms = "".join(
        f'<td align=center style="padding:0 8px">{_arabic(s.form, family, 20)}</td>' for s in pieces
    )
    glosses = "".join(
        f'<td align=center style="padding:0 8px; color:#5a5247">'
        f"{html.escape(s.gloss or '…')}<br><small><i>{s.role}</i></small></td>"
        for s in pieces
    )
    return f"<table align=right cellspacing=0><tr>{forms}</tr><tr>{glosses}</tr></table>"


class GlossPane(QDockWidget):
    reading_chosen = Signal(int, object)  # token index, the Analysis chosen
    sentence_word_hovered = Signal(int)  # token index, -1 when none
    sentence_word_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, arabic_family: str = "") -> None:
        super().__init__("Word", parent)
        self.setObjectName("glossPane")  # saveState/restoreState key
        self.arabic_family = fonts.arabic_family(arabic_family)
        self.built = False
        self.token_index: int | None = None
        self._word = ""
        self._readings: Sequence[Analysis] = ()
        self._chosen: Analysis | None = None
        self._form = ""  # the headword: the chosen reading as said in its sentence
        self._romanized = ""  # the headword in Latin letters
        self._note = ""  # why those vowels, when the sources did not simply agree
        self._message = "Hover over a word to see what it means."
        self._sentence: list[tuple[int, str, str]] = []
        self._sentence_index: int | None = None
        self._entry: EntryRecord | None = None
        # Made now (so the window can connect to it), laid out when the pane is built.
        self.editor = EntryEditor()
        self.visibilityChanged.connect(self._on_visible)

    # -- what to show (cheap while hidden) ---------------------------------------

    def show_word(
        self,
        token_index: int,
        word: str,
        readings: Sequence[Analysis],
        chosen: Analysis | None,
        *,
        form: str = "",
        romanized: str = "",
        note: str = "",
    ) -> None:
        """``form``: the word vocalised in its sentence (else the reading's own vowels);
        ``romanized``: that form in Latin letters;
        ``note``: a sentence for the learner on where those vowels come from."""
        self.token_index, self._word = token_index, word
        self._readings, self._chosen, self._message = readings, chosen, ""
        self._form, self._note, self._romanized = form, note, romanized
        if self.built:
            self._render_word()
            self.sentence_list.select_token(token_index)

    def show_entry(self, entry: EntryRecord | None) -> None:
        """The saved entry of the reading shown (None: not saved); its own gloss wins."""
        self._entry = entry
        if self.built:
            self._render_word()

    def show_message(self, token_index: int | None, word: str, message: str) -> None:
        self.token_index, self._word, self._message = token_index, word, message
        self._readings, self._chosen, self._entry = (), None, None
        self._form, self._note, self._romanized = "", "", ""
        if self.built:
            self._render_word()
            self.sentence_list.select_token(token_index)

    def show_sentence(self, sentence_index: int | None, words: list[tuple[int, str, str]]) -> None:
        if sentence_index == self._sentence_index and words == self._sentence:
            return
        self._sentence_index, self._sentence = sentence_index, words
        if self.built:
            self.sentence_list.set_words(words)
            self.sentence_list.select_token(self.token_index)

    def highlight_sentence_word(self, token_index: int | None) -> None:
        if self.built:
            self.sentence_list.select_token(token_index)

    @property
    def sentence_index(self) -> int | None:
        return self._sentence_index

    @property
    def has_sentence(self) -> bool:
        """Whether the sentence section holds its words (not only an index)."""
        return bool(self._sentence)

    # -- building ---------------------------------------------------------------

    def _on_visible(self, visible: bool) -> None:
        if visible and not self.built:
            self.build()

    def build(self) -> None:
        if self.built:
            return
        family = self.arabic_family
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(10, 8, 10, 8)
        self.form_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.form_label.setFont(fonts.arabic_font(32, family))
        self.form_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note_label = QLabel(
            alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True, textFormat=Qt.TextFormat.RichText
        )
        self.note_label.setObjectName("vowelNote")
        self.note_label.setStyleSheet(NOTE_STYLE)
        self.note_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note_label.hide()
        self.translit_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.translit_label.setStyleSheet("color:#6b6357")
        self.meaning_label = QLabel(
            alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True, textFormat=Qt.TextFormat.RichText
        )
        self.meaning_label.setStyleSheet("font-size:15pt; font-weight:600; color:#2b251c")
        self.meaning_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_label = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.segments_label = QLabel(textFormat=Qt.TextFormat.RichText)
        self.segments_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        for widget in (self.form_label, self.note_label, self.translit_label, self.meaning_label):
            layout.addWidget(widget)
        layout.addWidget(self.editor)
        layout.addWidget(self.details_label)
        layout.addWidget(self.segments_label)
        layout.addStretch(1)
        word_area = QScrollArea(widgetResizable=True, frameShape=QScrollArea.Shape.NoFrame)
        word_area.setWidget(body)

        readings = QWidget()
        readings_layout = QVBoxLayout(readings)
        readings_layout.setContentsMargins(10, 0, 10, 0)
        readings_layout.addWidget(QLabel(f'<span style="{SECTION_STYLE}">Other readings</span>'))
        self.readings_list = WordList(arabic_family=family, flowing=False)
        self.readings_list.itemClicked.connect(self._on_reading_clicked)
        readings_layout.addWidget(self.readings_list)

        sentence = QWidget()
        sentence_layout = QVBoxLayout(sentence)
        sentence_layout.setContentsMargins(10, 0, 10, 8)
        sentence_layout.addWidget(
            QLabel(f'<span style="{SECTION_STYLE}">Sentence, word by word</span>')
        )
        self.sentence_list = WordList(arabic_family=family, flowing=True)
        self.sentence_list.entered.connect(
            lambda index: self.sentence_word_hovered.emit(index.data(TOKEN_ROLE))
        )
        self.sentence_list.itemClicked.connect(
            lambda item: self.sentence_word_clicked.emit(item.data(TOKEN_ROLE))
        )
        self.sentence_list.viewport().installEventFilter(self)
        sentence_layout.addWidget(self.sentence_list)

        splitter = QSplitter(Qt.Orientation.Vertical)
        for part in (word_area, readings, sentence):
            splitter.addWidget(part)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 2)
        splitter.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setWidget(splitter)
        self.built = True
        self._render_word()
        self.sentence_list.set_words(self._sentence)
        self.sentence_list.select_token(self.token_index)

    def eventFilter(self, watched: object, event: object) -> bool:  # noqa: N802 (Qt override)
        from PySide6.QtCore import QEvent

        if getattr(event, "type", lambda: None)() == QEvent.Type.Leave:
            self.sentence_word_hovered.emit(-1)
        return False

    # -- rendering --------------------------------------------------------------

    def _render_word(self) -> None:
        reading = self._chosen
        entry = self._entry if reading is not None else None
        if entry is not None and entry.key != reading.key:
            entry = None  # an entry for another reading of the word
        self.editor.show_entry(entry, can_save=reading is not None)
        self.note_label.setText(note_html(self._note, self.arabic_family) if reading else "")
        self.note_label.setVisible(reading is not None and bool(self._note))
        if reading is None:
            self.form_label.setText(self._word)
            self.translit_label.setText("")
            self.meaning_label.setText(html.escape(self._message))
            self.details_label.setText("")
            self.segments_label.setText("")
            self.readings_list.set_words([])
            return
        self.form_label.setText(self._form or textbook(reading.diac))
        self.translit_label.setText(self._romanized)
        if entry is not None and entry.user_gloss:
            self.meaning_label.setText(
                f"{html.escape(entry.user_gloss)}<br><span style='font-size:10pt;"
                f" font-weight:normal; color:#7a705f'>dictionary: "
                f"{html.escape(meaning_of(reading))}</span>"
            )
        else:
            self.meaning_label.setText(meaning_html(reading))
        self.details_label.setText(describe_reading(reading, self.arabic_family))
        self.segments_label.setText(describe_segments(reading, self.arabic_family))
        rows = []
        for position, other in enumerate(self._readings):
            mark = "✓ " if other is reading else ""
            gloss = readable_gloss(other.lemma_gloss) or other.pos_label
            # Each reading in its own vowels: the list is what the word could be.
            rows.append((position, textbook(other.diac), f"{mark}{gloss} — {other.pos_label}"))
        self.readings_list.set_words(rows)

    def _on_reading_clicked(self, item: QListWidgetItem) -> None:
        position = item.data(TOKEN_ROLE)
        if self.token_index is not None and 0 <= position < len(self._readings):
            self.reading_chosen.emit(self.token_index, self._readings[position])

    # -- for tests and accessibility -------------------------------------------

    def text(self) -> str:
        """All the word section says, as plain text."""
        if not self.built:
            return ""
        from PySide6.QtGui import QTextDocument

        plain = QTextDocument()
        parts = [self.form_label.text()]
        if not self.note_label.isHidden():
            plain.setHtml(self.note_label.text())
            parts.append(plain.toPlainText())
        parts.append(self.translit_label.text())
        for label in (self.meaning_label, self.details_label, self.segments_label):
            plain.setHtml(label.text())
            parts.append(plain.toPlainText())
        return "\n".join(part for part in parts if part)
