"""The Word pane: everything about the word in focus, then its sentence and its family.

The word itself comes first and whole: headword (vocalised, romanized), meaning,
lemma, root, pattern and form, grammar and the word's pieces, then the learner's
own fields, compact until used. Below, in tabs built the first time each is shown
(Frescobaldi's ``panel.py`` idea, per section): the sentence word by word, every
reading of the word, the verb's conjugation and the root's other words.

A dock built the first time it is shown; until then it only remembers what it
should show.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.morphology.records import Analysis
from reader.morphology.vowels.reconcile import reading_form
from reader.store import EntryRecord, LemmaKey, is_name_key
from reader.ui.base import fonts
from reader.ui.base.lazy_dock import LazyDock
from reader.ui.word.details import (
    NOTE_STYLE,
    describe_reading,
    describe_segments,
    meaning_html,
    name_html,
    note_html,
    reading_row,
)
from reader.ui.word.entry_editor import EntryEditor
from reader.ui.word.look_up import LookUpButton, SentenceSection, SentenceTranslation
from reader.ui.word.why_line import WhyLine
from reader.ui.word.word_list import TOKEN_ROLE, WordList

HEADWORD_POINTS = 28
# How the pane's height is shared: the word's part takes WORD_HEIGHT (a whole word
# at the default size, its buttons included) where the pane is tall; where it is
# shorter, what leaves the tabs TABS_HEIGHT, but never less than WORD_SHARE of it.
# Set by the pane's height alone, never by the word shown, so the tab bar stays
# where the learner's mouse left it.
WORD_HEIGHT = 500
TABS_HEIGHT = 360
WORD_SHARE = 0.5
# The lower tabs, in order; each is built the first time it is shown.
SECTIONS = ("sentence", "readings", "conjugation", "family")
# Scrolled in its tab (the lists and the conjugation scroll themselves).
SCROLLED = frozenset({"family"})
SECTION_TITLES = {
    "sentence": "Sentence",
    "readings": "Readings",
    "conjugation": "Conjugation",
    "family": "Root family",
}
Sources = dict[str, Callable[..., Any]]

if TYPE_CHECKING:
    from reader.morphology.names.spans import NameSpan


class GlossPane(LazyDock):
    reading_chosen = Signal(int, object)  # token index, the Analysis chosen
    sentence_word_hovered = Signal(int)  # token index, -1 when none
    sentence_word_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, arabic_family: str = "") -> None:
        super().__init__("Word", parent)
        self.setObjectName("glossPane")  # saveState/restoreState key
        self.arabic_family = fonts.arabic_family(arabic_family)
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
        self._entry_key: LemmaKey | None = None  # None: the reading's own lemma
        self._name: NameSpan | None = None
        self._english = ""  # the word's English in its sentence, where that differs
        # What the conjugation and root-family tabs ask for, given by the window.
        self._sources: Sources = {}
        self._section_widgets: dict[str, QWidget] = {}
        self._stale: set[str] = set(SECTIONS)  # sections to render when next shown
        # Made now (so the window can connect to it), laid out when the pane is built.
        self.editor = EntryEditor()
        self.look_up = LookUpButton()
        self.why_line = WhyLine()
        self.sentence_translation = SentenceTranslation()

    def set_sources(
        self,
        *,
        conjugation: Callable[[Analysis], Any] | None = None,
        family: Callable[[Analysis], Any] | None = None,
        root_of: Callable[[Analysis], Any] | None = None,
    ) -> None:
        """Where the lower tabs and the root line find what they show, once the
        dictionary can say: ``conjugation(reading) -> (Conjugation | None, reason)``,
        ``family(reading) -> (members, status_of)``, ``root_of(reading) -> Root``
        (read off all the lemma's stems). The two tabs appear with their source."""
        for name, source in (
            ("conjugation", conjugation),
            ("family", family),
            ("root_of", root_of),
        ):
            if source is not None:
                self._sources[name] = source
        self._stale.update(("conjugation", "family"))
        if self.built:
            self._render_word()
            self._render_current_section()

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
        name: NameSpan | None = None,
        english: str = "",
    ) -> None:
        """``form``: the word vocalised in its sentence (else the reading's own vowels);
        ``romanized``: that form in Latin letters;
        ``note``: a sentence for the learner on where those vowels come from;
        ``name``: the name of several words it is part of, shown whole;
        ``english``: the word's English in its sentence (else the reading's own)."""
        self._name, self._english = name, english
        moved = token_index != self.token_index
        self.token_index, self._word = token_index, word
        self._readings, self._chosen, self._message = readings, chosen, ""
        self._form, self._note, self._romanized = form, note, romanized
        self._word_changed(moved)

    def show_entry(self, entry: EntryRecord | None, key: LemmaKey | None = None) -> None:
        """The saved entry of the word shown (None: not saved); its own gloss wins.

        ``key``: the entry the word belongs to (the session's ``entry_key``: a name's
        for a word of a name of several words); by default its reading's lemma.
        """
        self._entry, self._entry_key = entry, key
        if self.built:
            self._render_entry()
        self._stale.add("family")  # the learner's status of the word's own lemma
        if self.built and self.tabs.currentIndex() == SECTIONS.index("family"):
            self._render_current_section()

    def show_message(self, token_index: int | None, word: str, message: str) -> None:
        moved = token_index != self.token_index
        self.token_index, self._word, self._message = token_index, word, message
        self._readings, self._chosen, self._entry, self._entry_key = (), None, None, None
        self._form, self._note, self._romanized, self._name = "", "", "", None
        self._english = ""
        self._word_changed(moved)

    def show_sentence(self, sentence_index: int | None, words: list[tuple[int, str, str]]) -> None:
        if sentence_index == self._sentence_index and words == self._sentence:
            return
        self._sentence_index, self._sentence = sentence_index, words
        self._stale.add("sentence")
        if self.built:
            self._render_current_section()

    def highlight_sentence_word(self, token_index: int | None) -> None:
        if "sentence" in self._section_widgets:
            self.sentence_list.select_token(token_index)

    @property
    def sentence_index(self) -> int | None:
        return self._sentence_index

    @property
    def has_sentence(self) -> bool:
        """Whether the sentence section holds its words (not only an index)."""
        return bool(self._sentence)

    def show_section(self, name: str) -> None:
        """Bring a lower tab forward ("sentence", "readings", "conjugation", "family")."""
        self.build()
        self.tabs.setCurrentIndex(SECTIONS.index(name))

    def _word_changed(self, moved: bool) -> None:
        self._stale.update(("readings", "conjugation", "family"))
        if not self.built:
            return
        self._render_word()
        if moved:  # a new word starts at its headword, wherever the last one was scrolled
            self.word_area.verticalScrollBar().setValue(0)
        self._render_current_section()
        self.highlight_sentence_word(self.token_index)

    # -- building ---------------------------------------------------------------

    def _build_content(self) -> QWidget:
        family = self.arabic_family
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        self.form_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.form_label.setFont(fonts.vocalised_font(HEADWORD_POINTS, family))
        self.form_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.translit_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.translit_label.setStyleSheet("color:#6b6357")
        self.translit_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note_label = QLabel(
            alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True, textFormat=Qt.TextFormat.RichText
        )
        self.note_label.setObjectName("vowelNote")
        self.note_label.setStyleSheet(NOTE_STYLE)
        self.note_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note_label.hide()
        self.name_label = QLabel(
            alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True, textFormat=Qt.TextFormat.RichText
        )
        self.name_label.setObjectName("nameLine")
        self.name_label.hide()
        self.meaning_label = QLabel(
            alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True, textFormat=Qt.TextFormat.RichText
        )
        self.meaning_label.setStyleSheet("font-size:14pt; font-weight:600; color:#2b251c")
        self.meaning_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_label = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.segments_label = QLabel(textFormat=Qt.TextFormat.RichText)
        self.segments_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.readings_link = QLabel(textFormat=Qt.TextFormat.RichText)
        self.readings_link.setObjectName("readingsLink")
        self.readings_link.linkActivated.connect(lambda _link: self.show_section("readings"))
        for widget in (
            self.form_label,
            self.translit_label,
            self.note_label,
            self.name_label,
            self.meaning_label,
            self.details_label,
            self.segments_label,
            self.why_line,
        ):
            layout.addWidget(widget)
        links = QHBoxLayout()
        links.addWidget(self.readings_link, 1)
        links.addWidget(self.look_up)
        layout.addLayout(links)
        layout.addStretch(1)
        self.word_area = QScrollArea(widgetResizable=True, frameShape=QScrollArea.Shape.NoFrame)
        self.word_area.setWidget(body)
        # Never shorter than the headword and its romanization: what it is, at a glance.
        headword = (
            self.form_label.fontMetrics().height() + self.translit_label.fontMetrics().height()
        )
        self.word_area.setMinimumHeight(headword + 12)
        # The word's part: its description scrolls, the learner's buttons below it stay
        # in view, whole, however long the word's description or short the pane.
        self.word_part = QWidget()
        word_layout = QVBoxLayout(self.word_part)
        word_layout.setContentsMargins(0, 0, 0, 0)
        word_layout.setSpacing(0)
        word_layout.addWidget(self.word_area, 1)
        editor_margins = QVBoxLayout()
        editor_margins.setContentsMargins(10, 0, 10, 6)
        editor_margins.addWidget(self.editor)
        word_layout.addLayout(editor_margins)
        self._word_height: int | None = None  # the learner's split, once they drag it

        self.tabs = QTabWidget(documentMode=True)
        self.tabs.setUsesScrollButtons(True)
        for name in SECTIONS:
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(6, 4, 6, 4)
            self.tabs.addTab(holder, SECTION_TITLES[name])
        self.tabs.currentChanged.connect(lambda _index: self._render_current_section())

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.word_part)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.splitter.splitterMoved.connect(self._split_dragged)
        self.splitter.installEventFilter(self)  # each resize: the split set again
        return self.splitter

    def _after_build(self) -> None:
        self._render_word()
        self._render_current_section()

    def _section(self, name: str) -> QWidget:
        """The section's content, built now if this is the first time it is wanted."""
        widget = self._section_widgets.get(name)
        if widget is None:
            widget = getattr(self, f"_build_{name}")()
            holder = self.tabs.widget(SECTIONS.index(name))
            if name in SCROLLED:
                # Inside the tab, however long: the tab bar does not move for it.
                area = QScrollArea(widgetResizable=True, frameShape=QScrollArea.Shape.NoFrame)
                area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
                area.setWidget(widget)
                holder.layout().addWidget(area)
            else:
                holder.layout().addWidget(widget)
            self._section_widgets[name] = widget
        return widget

    def _build_sentence(self) -> QWidget:
        self.sentence_list = WordList(arabic_family=self.arabic_family, flowing=True)
        self.sentence_list.entered.connect(
            lambda index: self.sentence_word_hovered.emit(index.data(TOKEN_ROLE))
        )
        self.sentence_list.itemClicked.connect(
            lambda item: self.sentence_word_clicked.emit(item.data(TOKEN_ROLE))
        )
        self.sentence_list.viewport().installEventFilter(self)
        return SentenceSection(self.sentence_list, self.sentence_translation)

    def _build_readings(self) -> QWidget:
        self.readings_list = WordList(arabic_family=self.arabic_family, flowing=False)
        self.readings_list.setToolTip("Click the reading meant here: the article follows it")
        self.readings_list.itemClicked.connect(self._on_reading_clicked)
        return self.readings_list

    def _build_conjugation(self) -> QWidget:
        from reader.ui.word.conjugation_view import ConjugationView

        self.conjugation_view = ConjugationView(arabic_family=self.arabic_family)
        return self.conjugation_view

    def _build_family(self) -> QWidget:
        from reader.ui.word.root_family_view import RootFamilyView

        self.family_view = RootFamilyView(arabic_family=self.arabic_family)
        return self.family_view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.splitter:
            if event.type() == QEvent.Type.Resize:  # after the splitter's own handling
                QTimer.singleShot(0, self, self._place_split)
            return False
        if event.type() == QEvent.Type.Leave:
            self.sentence_word_hovered.emit(-1)
        return False

    # -- rendering --------------------------------------------------------------

    def _render_word(self) -> None:
        reading = self._chosen
        self.note_label.setText(note_html(self._note, self.arabic_family) if reading else "")
        self.note_label.setVisible(reading is not None and bool(self._note))
        self.why_line.show_reading(reading, self._readings, self.arabic_family)
        self._update_tab_titles()
        if reading is None:
            self.form_label.setText(self._word)
            self.translit_label.setText("")
            for label in (self.details_label, self.segments_label, self.readings_link):
                label.setText("")
        else:
            self.form_label.setText(self._form or reading_form(reading))
            self.translit_label.setText(self._romanized)
            root_of = self._sources.get("root_of")
            root = root_of(reading) if root_of else None
            self.details_label.setText(describe_reading(reading, self.arabic_family, root))
            self.segments_label.setText(describe_segments(reading, self.arabic_family))
            count = len(self._readings)
            link = ""
            if count > 1:
                position = next((i for i, r in enumerate(self._readings) if r is reading), 0) + 1
                link = (
                    f"<span style='color:#7a705f'>Reading {position} of {count} · </span>"
                    "<a href='readings'>choose another</a>"
                )
            self.readings_link.setText(link)
        self._render_entry()

    def _render_entry(self) -> None:
        """What depends on the saved entry: the editor, the meaning (an own gloss wins
        over the dictionary's and a name's), the name line."""
        reading = self._chosen
        entry = self._entry if reading is not None else None
        if entry is not None and entry.key != (self._entry_key or reading.key):
            entry = None  # an entry for another reading of the word
        of_name = self._entry_key is not None and is_name_key(self._entry_key)
        self.editor.show_entry(entry, can_save=reading is not None, name=of_name)
        if reading is None:
            self.name_label.hide()
            self.meaning_label.setText(html.escape(self._message))
            return
        own = entry.user_gloss if entry is not None and entry.user_gloss else ""
        name = self._name if not own else None
        self.name_label.setVisible(name is not None)
        self.name_label.setText(name_html(name, self.arabic_family) if name else "")
        self.meaning_label.setText(meaning_html(reading, own, self._english))

    def _place_split(self) -> None:
        """The word's part as WORD_HEIGHT and friends say (never less than its headword
        and buttons need); the tabs the rest. A split the learner dragged is theirs,
        kept within the same bounds."""
        total = sum(self.splitter.sizes())
        if total <= 0:
            return  # not laid out yet: the splitter's first resize comes back here
        shared = max(round(total * WORD_SHARE), total - TABS_HEIGHT)
        wanted = self._word_height or min(WORD_HEIGHT, shared)
        least = self.word_part.minimumSizeHint().height()
        word = max(least, min(wanted, total - self.tabs.minimumSizeHint().height()))
        if self.splitter.sizes() != [word, total - word]:
            self.splitter.setSizes([word, total - word])

    def _split_dragged(self, _position: int, _index: int) -> None:
        self._word_height = self.splitter.sizes()[0]

    def _update_tab_titles(self) -> None:
        count = len(self._readings)
        readings = SECTIONS.index("readings")
        self.tabs.setTabText(readings, f"Readings ({count})" if count > 1 else "Readings")
        # Shown once their source is there; a word they do not fit says why in them
        # (a noun's conjugation tab: "not a verb"), so a tab the learner keeps open
        # never shows the last verb's table under another word.
        for name in ("conjugation", "family"):
            self.tabs.setTabVisible(SECTIONS.index(name), name in self._sources)

    def _render_current_section(self) -> None:
        name = SECTIONS[max(0, self.tabs.currentIndex())]
        if not self.tabs.isTabVisible(SECTIONS.index(name)):
            return
        self._section(name)
        if name not in self._stale:
            return
        self._stale.discard(name)
        getattr(self, f"_render_{name}")()

    def _render_sentence(self) -> None:
        self.sentence_list.set_words(self._sentence)
        self.sentence_list.select_token(self.token_index)

    def _render_readings(self) -> None:
        chosen = self._chosen
        # Each reading in its own vowels: the list is what the word could be.
        self.readings_list.set_words(
            [
                (position, reading_form(other), reading_row(other, other is chosen))
                for position, other in enumerate(self._readings)
            ]
        )
        if chosen is not None and chosen in self._readings:
            self.readings_list.setCurrentRow(list(self._readings).index(chosen))

    def _render_conjugation(self) -> None:
        source, reading = self._sources.get("conjugation"), self._chosen
        if source is None:
            self.conjugation_view.display(None, "The dictionary is still loading.")
        elif reading is None:
            self.conjugation_view.display(None, "No conjugation: this is not a word looked up.")
        else:
            self.conjugation_view.display(*source(reading))

    def _render_family(self) -> None:
        source, reading = self._sources.get("family"), self._chosen
        if reading is None or source is None:
            self.family_view.show_family((), lambda _key: None)
            return
        self.family_view.show_family(*source(reading))

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
        parts = [self.form_label.text(), self.translit_label.text()]
        if not self.note_label.isHidden():
            plain.setHtml(self.note_label.text())
            parts.append(plain.toPlainText())
        labels = [self.meaning_label, self.details_label, self.segments_label]
        if not self.name_label.isHidden():
            labels.insert(0, self.name_label)
        for label in labels:
            plain.setHtml(label.text())
            parts.append(plain.toPlainText())
        return "\n".join(part.strip() for part in parts if part.strip())
