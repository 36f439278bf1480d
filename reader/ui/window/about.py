"""Help > About: versions, the database in use, and every licence, with its text."""

from __future__ import annotations

import html
from importlib import metadata

import PySide6
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from reader.morphology.database.locate import DATABASE_LICENSE, database_status
from reader.morphology.errors import MorphologyDataError
from reader.system import paths


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "unknown"


def _link(path: object, text: str) -> str:
    return f'<a href="{QUrl.fromLocalFile(str(path)).toString()}">{html.escape(text)}</a>'


def about_html(setting: str | None = None) -> str:
    try:
        status = database_status(setting)
    except MorphologyDataError as error:  # a named file that is missing, a FIFO...
        status, problem = None, str(error)
    if status is None:
        database = f"<p><b>Dictionary:</b> unavailable: {html.escape(problem)}</p>"
    elif status.location is None:
        database = "<p><b>Dictionary:</b> none installed.</p>"
    else:
        licence = status.location.license_path
        database = (
            f"<p><b>Dictionary:</b> {html.escape(status.title or '')}<br>"
            f"{html.escape(str(status.location.path))} ({html.escape(status.location.description)})"
            f"<br>SHA-256 <code>{html.escape(status.sha256 or '')}</code><br>"
            f"Licence: {html.escape(status.license or DATABASE_LICENSE)}"
            + (f" — {_link(licence, 'licence text')}" if licence else "")
            + "</p>"
        )
    resources = paths.resources_dir()
    return (
        f"<h2>Arabic Reader {html.escape(_version('arabic-reader'))}</h2>"
        "<p>Read real Arabic news: every word analysed and glossed, offline.</p>"
        f"<p>camel-tools {html.escape(_version('camel-tools'))} · "
        f"Qt {html.escape(qVersion())} · PySide6 {html.escape(PySide6.__version__)}</p>"
        f"{database}"
        "<p><b>Licences</b><br>"
        f"Arabic Reader: GPL-2.0-or-later — "
        f"{_link(resources / 'licenses' / 'GPL-2.0.txt', 'GPL v2 text')}<br>"
        f"Dictionary: {html.escape(DATABASE_LICENSE)}<br>"
        "Amiri typeface © Khaled Hosny: SIL Open Font License 1.1 — "
        f"{_link(resources / 'fonts' / 'OFL.txt', 'OFL text')}<br>"
        "Qt and Qt for Python: LGPL v3 — "
        f"{_link(resources / 'licenses' / 'LGPL-3.0.txt', 'LGPL v3 text')}, "
        f"{_link(resources / 'licenses' / 'GPL-3.0.txt', 'GPL v3 text')}<br>"
        "camel-tools, SQLAlchemy, trafilatura, genanki, text2tashkeel, ONNX Runtime, NumPy "
        "and the other libraries: "
        f"{_link(resources / 'licenses' / 'THIRD-PARTY.md', 'their licences')}</p>"
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, setting: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Arabic Reader")
        self.resize(620, 460)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        # Licence links open in this same viewer, a back button away from the credits.
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._open)
        self.browser.setHtml(about_html(setting))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        self.back = buttons.addButton("Back", QDialogButtonBox.ButtonRole.ActionRole)
        self.back.clicked.connect(lambda: self.browser.setHtml(about_html(setting)))
        layout.addWidget(buttons)

    def _open(self, url: QUrl) -> None:
        if url.isLocalFile():
            try:
                with open(url.toLocalFile(), encoding="utf-8") as handle:
                    self.browser.setPlainText(handle.read())
            except OSError as error:
                self.browser.setPlainText(f"The licence text could not be read: {error}")
