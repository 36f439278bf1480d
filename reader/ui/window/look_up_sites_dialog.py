"""Word > Look Up In > Edit Sites…: the learner's list of web dictionaries, and the translator.

A name and an address per row; add, remove, move, or go back to the defaults.
Nothing is stored until OK, and OK takes only addresses that can be used
(:func:`reader.reading.lookup_sites.site_problem` says why not, in the dialog).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.reading.lookup_sites import (
    DEFAULT_SENTENCE_URL,
    DEFAULT_SITES,
    Site,
    sentence_problem,
    sentence_template,
    setting_from_sites,
    site_problem,
    sites_from_setting,
)
from reader.system.settings import Settings

HELP = (
    "In an address, <b>{word}</b> is the word's lemma without vowels and <b>{root}</b> its"
    " root's letters; <b>{sentence}</b> is the sentence. A site is opened in your browser"
    " only when you click it; the app sends nothing there by itself."
)


class LookUpSitesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle("Look-up Sites")
        self.resize(640, 360)
        layout = QVBoxLayout(self)

        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(["Name", "Address"])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 200)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        buttons = QHBoxLayout()
        self.add_button = QPushButton("&Add")
        self.remove_button = QPushButton("&Remove")
        self.up_button = QPushButton("Move &Up")
        self.down_button = QPushButton("Move &Down")
        self.defaults_button = QPushButton("Restore &Defaults")
        self.add_button.clicked.connect(self.add_site)
        self.remove_button.clicked.connect(self.remove_site)
        self.up_button.clicked.connect(lambda: self.move_site(-1))
        self.down_button.clicked.connect(lambda: self.move_site(+1))
        self.defaults_button.clicked.connect(self.restore_defaults)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.defaults_button)

        self.sentence_edit = QLineEdit()
        form = QFormLayout()
        form.addRow("Translate sentence:", self.sentence_edit)
        help_label = QLabel(HELP, wordWrap=True)
        help_label.setStyleSheet("color:#6b6357")
        self.problem_label = QLabel(wordWrap=True)
        self.problem_label.setObjectName("problem")
        self.problem_label.setStyleSheet("color:#a33a1f")
        self.problem_label.hide()
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)

        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(form)
        layout.addWidget(help_label)
        layout.addWidget(self.problem_label)
        layout.addWidget(box)

        self._show(
            sites_from_setting(settings.get("lookup_sites")),
            sentence_template(settings.get("sentence_translation_url")),
        )

    def _show(self, sites: Sequence[Site], sentence: str) -> None:
        self.table.setRowCount(0)
        for site in sites:
            self._append(site.name, site.url)
        self.sentence_edit.setText(sentence)
        self.problem_label.hide()

    def _append(self, name: str, url: str) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        self.table.setItem(row, 1, QTableWidgetItem(url))
        return row

    def sites(self) -> list[Site]:
        """The rows as they stand (edited, not yet checked)."""
        found = []
        for row in range(self.table.rowCount()):
            name, url = (self.table.item(row, column) for column in (0, 1))
            found.append(
                Site(
                    name.text().strip() if name else "",
                    url.text().strip() if url else "",
                )
            )
        return found

    def add_site(self) -> None:
        row = self._append("", "https://")
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def remove_site(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def move_site(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        column = max(0, self.table.currentColumn())
        sites = self.sites()
        sites[row], sites[target] = sites[target], sites[row]
        self._show(sites, self.sentence_edit.text())
        self.table.setCurrentCell(target, column)

    def restore_defaults(self) -> None:
        self._show(DEFAULT_SITES, DEFAULT_SENTENCE_URL)

    def problem(self) -> str | None:
        """Why OK cannot take the list as it stands (the row is selected), or None."""
        for row, site in enumerate(self.sites()):
            problem = site_problem(site.name, site.url)
            if problem is not None:
                self.table.setCurrentCell(row, 0 if not site.name else 1)
                return f"Row {row + 1}: {problem}"
        sentence = sentence_problem(self.sentence_edit.text())
        if sentence is not None:
            return f"Translate sentence: {sentence}"
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem is not None:
            self.problem_label.setText(problem)
            self.problem_label.show()
            return
        sites = tuple(self.sites())
        # The defaults are stored as "the defaults", so a later version's reach the learner.
        self.settings.set(
            "lookup_sites", None if sites == DEFAULT_SITES else setting_from_sites(sites)
        )
        sentence = self.sentence_edit.text().strip()
        self.settings.set(
            "sentence_translation_url", "" if sentence == DEFAULT_SENTENCE_URL else sentence
        )
        super().accept()
