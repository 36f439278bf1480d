"""A verb's conjugation, compact enough for the Word pane (about 380 px wide).

One tab a tense (Past, Present, Subjunctive, Jussive, Imperative) with the
active and passive side by side; the participles, verbal noun and notes under
the table shown, scrolling with it, so that a short pane (720p) still shows
rows of the table. Rows read as Arabic grammars print them: the pronoun at the
right (هُوَ, he), singular, dual, plural. The word in the text is bold on a
coloured ground, and its tab is the one shown first, scrolled to its row.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from reader.morphology.verbs.table import (
    IMPERATIVE_PERSONS,
    PERSONS,
    PRONOUNS,
    Conjugation,
    Section,
)
from reader.ui.word.details import NOTE_STYLE, SECTION_STYLE, arabic_span

HIGHLIGHT = "#f3dc8c"  # the ground of the word in the text
_GROUPS = (("Singular", ("1s", "2ms", "2fs", "3ms", "3fs")), ("Dual", ("2d", "3md", "3fd")),
           ("Plural", ("1p", "2mp", "2fp", "3mp", "3fp")))  # fmt: skip
_TENSES = (
    ("Past", "past"),
    ("Present", "ind"),
    ("Subjunctive", "sub"),
    ("Jussive", "juss"),
    ("Imperative", "imp"),
)
_CELL_SIZE = 14
_ENGLISH_STYLE = "color:#7a705f; font-size:8pt; padding-left:4px"
_UNSET = object()


class ConjugationView(QWidget):
    """Shows a :class:`Conjugation`, or in words why there is none.

    ``arabic_family`` is the app's Arabic face (see :mod:`reader.ui.base.fonts`).
    """

    def __init__(self, arabic_family: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._family = arabic_family
        self.conjugation: Conjugation | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.header)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        self.tabs.setStyleSheet("QTabBar::tab { padding: 3px 7px; }")
        self.tabs.currentChanged.connect(self._tense_shown)
        layout.addWidget(self.tabs, 1)
        # The participles and notes scroll with the tense shown, under its table: above
        # it they left a short pane (720p) a row or two of the table itself.
        self.extras = QWidget(self)
        extras = QVBoxLayout(self.extras)
        extras.setContentsMargins(0, 6, 0, 0)
        self.nouns = QLabel()
        self.nouns.setTextFormat(Qt.TextFormat.RichText)
        extras.addWidget(self.nouns)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        extras.addWidget(self.notes)
        self.extras.hide()
        # The highlighted row is brought into view once its page is laid out.
        self._highlight_pending = False
        self.display(None)

    # QWidget.show() keeps its meaning when called without arguments.
    def show(self, conjugation: object = _UNSET, reason: str = "") -> None:  # type: ignore[override]
        """Show ``conjugation`` (None: ``reason`` in words); ``show()`` alone shows the widget."""
        if conjugation is _UNSET:
            super().show()
            return
        self.display(conjugation if isinstance(conjugation, Conjugation) else None, reason)

    def display(self, conjugation: Conjugation | None, reason: str = "") -> None:
        self.conjugation = conjugation
        self.extras.hide()
        self.extras.setParent(self)  # out of the pages about to go
        pages = [self.tabs.widget(index) for index in range(self.tabs.count())]
        self.tabs.clear()
        for page in pages:
            page.deleteLater()
        if conjugation is None:
            text = reason or "No conjugation for this word."
            self.header.setText(f'<span style="{NOTE_STYLE}">{html.escape(text)}</span>')
            self.tabs.hide()
            return
        self.header.setText(self._header_html(conjugation))
        self.nouns.setText(self._nouns_html(conjugation))
        self.notes.setText(self._notes_html(conjugation))
        current = 0
        for title, key in _TENSES:
            active, passive = conjugation.section(key), conjugation.section(f"{key}_pass")
            if active is None and passive is None:
                continue
            index = self.tabs.addTab(self._page(self._tense_html(key, active, passive)), title)
            if any(s is not None and s.highlighted for s in (active, passive)) and not current:
                current = index
        self.tabs.setCurrentIndex(current)
        self._tense_shown(current)
        self.tabs.show()
        self._highlight_pending = True
        QTimer.singleShot(0, self._scroll_to_highlight)

    def _tense_shown(self, index: int) -> None:
        """The participles and notes under the table of the tense shown."""
        area = self.tabs.widget(index)
        if isinstance(area, QScrollArea) and area.widget() is not None:
            area.widget().layout().insertWidget(1, self.extras)
            self.extras.show()

    def _scroll_to_highlight(self) -> None:
        """Bring the row of the form in the text into view (a short pane shows few rows)."""
        area = self.tabs.currentWidget()
        table = self.conjugation
        if not self._highlight_pending or not isinstance(area, QScrollArea) or table is None:
            return
        label = self.tab_label(self.tabs.tabText(self.tabs.currentIndex()))
        if label is None or label.height() < label.sizeHint().height():
            return  # not laid out yet: the scroll range changes when it is, and calls again
        self._highlight_pending = False
        order = [person for _group, members in _GROUPS for person in members]
        rows = [slot.rsplit("_", 1)[-1] for slot in table.matched]
        places = [order.index(person) for person in rows if person in order]
        if not places:
            return
        # Rows are of one height, plus a group title every few: place it by share.
        share = (min(places) + 0.5) / len(order)
        area.ensureVisible(0, int(label.height() * share), 0, area.viewport().height() // 3)

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(index) for index in range(self.tabs.count())]

    def tab_label(self, title: str) -> QLabel | None:
        """The rich-text label of the tab ``title`` (for reading what it shows)."""
        for index in range(self.tabs.count()):
            if self.tabs.tabText(index) == title:
                area = self.tabs.widget(index)
                content = area.widget() if isinstance(area, QScrollArea) else None
                table = content.layout().itemAt(0) if content is not None else None
                label = table.widget() if table is not None else None
                return label if isinstance(label, QLabel) else None
        return None

    # ------------------------------------------------------------ html

    def _arabic(self, text: str, size: int = _CELL_SIZE) -> str:
        return arabic_span(text, self._family, size)

    def _header_html(self, conjugation: Conjugation) -> str:
        """The lemma at the right; the form and pattern at the left, in English."""
        form = f"<b>Form {html.escape(conjugation.verb_form)}</b>"
        if conjugation.wazn:
            form += f" · {self._arabic(conjugation.wazn, 13)}"
        return (
            f"<table width=100% cellspacing=0><tr><td valign=middle>{form}</td>"
            f'<td align=right valign=middle style="padding-left:8px">'
            f"{self._arabic(conjugation.lemma, 22)}</td></tr></table>"
        )

    def _page(self, rich_text: str) -> QScrollArea:
        """A tense's table, scrolling under the tense tabs (which stay in view)."""
        label = QLabel(rich_text)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(label)
        column.addStretch(1)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(content)
        area.verticalScrollBar().rangeChanged.connect(self._scroll_to_highlight)
        return area

    def _cell(self, section: Section | None, person: str) -> str:
        cell = section.cell(person) if section is not None else None
        if cell is None or not cell.forms:
            return '<td align=center style="color:#b0a898">–</td>'
        forms = " / ".join(cell.forms)
        if cell.highlighted:
            return (
                f'<td align=center bgcolor="{HIGHLIGHT}" style="padding:1px 6px">'
                f"<b>{self._arabic(forms)}</b></td>"
            )
        return f'<td align=center style="padding:1px 6px">{self._arabic(forms)}</td>'

    def _tense_html(self, key: str, active: Section | None, passive: Section | None) -> str:
        persons = IMPERATIVE_PERSONS if key == "imp" else PERSONS
        style = SECTION_STYLE
        rows = [
            f'<tr><th style="{style}">{"Passive" if passive else ""}</th>'
            f'<th style="{style}">Active</th><th colspan=2></th></tr>'
        ]
        for group, members in _GROUPS:
            shown = [person for person in members if person in persons]
            if not shown:
                continue
            rows.append(
                f'<tr><td colspan=4 align=right style="color:#7a705f; font-size:9pt;'
                f' padding-top:4px">{group}</td></tr>'
            )
            for person in shown:
                arabic, english = PRONOUNS[person]
                pronoun = (
                    f'<td align=right valign=middle style="{_ENGLISH_STYLE}">'
                    f"{html.escape(english)}</td>"
                    f'<td align=right style="padding-left:4px">{self._arabic(arabic, 12)}</td>'
                )
                passive_cell = self._cell(passive, person) if passive else "<td></td>"
                rows.append(
                    f"<tr valign=middle>{passive_cell}{self._cell(active, person)}{pronoun}</tr>"
                )
        return f"<table cellspacing=0 cellpadding=1 width=100%>{''.join(rows)}</table>"

    def _nouns_html(self, conjugation: Conjugation) -> str:
        """Participles and verbal noun in one row, English above, Arabic below."""
        style = SECTION_STYLE.replace("margin-top:6px", "font-size:9pt")
        columns = (
            ("Verbal noun", conjugation.verbal_nouns),
            ("Passive participle", conjugation.passive_participles),
            ("Active participle", conjugation.active_participles),
        )
        heads = "".join(f'<td align=center style="{style}">{title}</td>' for title, _ in columns)
        cells = "".join(
            f"<td align=center>{self._arabic(' / '.join(forms), 16) if forms else '–'}</td>"
            for _, forms in columns
        )
        return f"<table width=100% cellspacing=0><tr>{heads}</tr><tr>{cells}</tr></table>"

    def _notes_html(self, conjugation: Conjugation) -> str:
        # Below the table, with the rest: the header stays one line, the rows get the room.
        notes = [conjugation.vowel_note] if conjugation.vowel_note else []
        notes = [html.escape(note) for note in (*notes, *conjugation.notes)]
        if conjugation.verb_type:
            notes.append(self._arabic(conjugation.verb_type, 12))
        return "<br>".join(f'<span style="{NOTE_STYLE}">{note}</span>' for note in notes)
