"""Look up in…, Translate sentence in browser, the sites dialog: real widgets offscreen.

The real analyzer and the default article; the one thing replaced is the system
browser (QDesktopServices.openUrl), whose addresses are recorded instead.
"""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from PySide6.QtCore import QPoint, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMenu

from reader.reading.lookup_sites import DEFAULT_SENTENCE_URL, DEFAULT_SITES
from reader.ui.word.look_up import NO_SENTENCE_TRANSLATION
from tests.ui.conftest import click, token_index

ALMAANY_ISTIQBAL = (
    "https://www.almaany.com/en/dict/ar-en/%D8%A7%D8%B3%D8%AA%D9%82%D8%A8%D8%A7%D9%84/"
)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The addresses handed to the system browser, fully encoded, in order."""
    urls: list[str] = []

    def open_url(url: QUrl) -> bool:
        urls.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    return urls


def _entries(menu: QMenu) -> dict[str, object]:
    menu.aboutToShow.emit()  # filled as the learner opens it
    return {action.text(): action for action in menu.actions() if action.text()}


def test_the_panes_look_up_opens_the_lemma_bare_and_encoded(window, opened):
    istiqbal = token_index(window, "الاستقبال")
    click(window, istiqbal)
    button = window.gloss_pane.look_up
    assert button.isVisible() and button.text() == "Look up in…"
    entries = _entries(button.look_up_menu)
    assert list(entries)[:4] == [site.name.replace("&", "&&") for site in DEFAULT_SITES]
    assert "Edit Sites…" in entries
    entries["Almaany"].trigger()
    # The lemma ٱِسْتِقْبال, as Almaany spells its entry: استقبال.
    assert opened == [ALMAANY_ISTIQBAL]
    entries["Wiktionary"].trigger()
    assert unquote(opened[-1]) == "https://en.wiktionary.org/wiki/استقبال#Arabic"
    # Lane's Lexicon is ordered by root: ق ب ل.
    assert window.word_sections.ready_for is not None
    _entries(button.look_up_menu)["Lane's Lexicon (Arabic Almanac)"].trigger()
    assert unquote(opened[-1]) == "https://ejtaal.net/aa/#q=قبل"
    _entries(button.look_up_menu)["Google Translate"].trigger()
    assert unquote(opened[-1]).endswith("sl=ar&tl=en&op=translate&text=استقبال")
    assert all(url.isascii() for url in opened)


def test_nothing_is_opened_without_a_click_and_no_word_means_no_site(window, opened):
    window.show_document(window.document)  # nothing in focus, the pane says "hover"
    entries = _entries(window.look_up.menu)
    assert not entries["Almaany"].isEnabled()
    assert not window.look_up.translate_sentence()
    assert opened == []


def test_the_word_menu_and_the_article_menu_look_up_their_word(window, opened):
    word_menu = next(
        action.menu() for action in window.menuBar().actions() if action.text() == "&Word"
    )
    texts = [action.text() for action in word_menu.actions()]
    assert "Look &Up In" in texts and "&Translate Sentence in Browser" in texts
    click(window, token_index(window, "الاستقبال"))
    _entries(window.look_up.menu)["Almaany"].trigger()
    assert opened == [ALMAANY_ISTIQBAL]

    # A right-click on another word looks that word up, whatever the pane shows.
    kerry = token_index(window, "كيري")
    point = window.view.token_rect(kerry).center()
    menu = window.look_up.article_menu(point)
    texts = [action.text() for action in menu.actions()]
    assert "Look &Up In" in texts and "Translate Sentence in Browser" in texts
    look_up = next(a.menu() for a in menu.actions() if a.text() == "Look &Up In")
    _entries(look_up)["Wiktionary"].trigger()
    assert unquote(opened[-1]) == "https://en.wiktionary.org/wiki/كيري#Arabic"
    # Away from the words: the standard menu alone.
    margin = window.look_up.article_menu(QPoint(2, 2))
    assert "Look &Up In" not in [action.text() for action in margin.actions()]


def test_the_sentence_tab_says_it_is_not_translated_and_opens_the_translator(window, opened):
    istiqbal = token_index(window, "الاستقبال")
    click(window, istiqbal)
    window.gloss_pane.show_section("sentence")
    translation = window.gloss_pane.sentence_translation
    assert translation.isVisible() and translation.note.text() == NO_SENTENCE_TRANSLATION
    assert translation.button.text() == "Translate sentence in browser"
    assert translation.button.isEnabled()
    translation.button.click()
    (url,) = opened
    assert url.isascii() and url.startswith("https://translate.google.com/?sl=ar&tl=en")
    document = window.document
    span = document.sentences[document.tokens[istiqbal].sentence]
    sentence = " ".join(document.text[span.start : span.end].split())
    assert sentence.startswith("لم يكن الاستقبال") and len(sentence.split()) > 20
    assert unquote(url.split("text=", 1)[1]) == sentence


def test_the_sites_dialog_edits_reorders_and_restores_the_list(window, opened):
    click(window, token_index(window, "الاستقبال"))
    _entries(window.gloss_pane.look_up.look_up_menu)["Edit Sites…"].trigger()
    dialog = window.look_up.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.sites() == list(DEFAULT_SITES)
    assert dialog.sentence_edit.text() == DEFAULT_SENTENCE_URL

    dialog.table.setCurrentCell(3, 0)  # Google Translate: removed
    dialog.remove_site()
    dialog.table.setCurrentCell(2, 0)  # Lane's: to the top
    dialog.move_site(-1)
    dialog.move_site(-1)
    dialog.add_site()
    dialog.table.item(3, 0).setText("Reverso")
    dialog.table.item(3, 1).setText("file:///tmp/{word}")
    dialog.accept()  # refused: not a web address
    assert dialog.isVisible() and "Row 4" in dialog.problem_label.text()
    assert window.settings.get("lookup_sites") is None
    dialog.table.item(3, 1).setText("https://dictionary.reverso.net/arabic-english/{word}")
    dialog.accept()
    assert not dialog.isVisible()
    names = ["Lane's Lexicon (Arabic Almanac)", "Almaany", "Wiktionary", "Reverso"]
    assert [site["name"] for site in window.settings.get("lookup_sites")] == names

    entries = _entries(window.gloss_pane.look_up.look_up_menu)
    assert list(entries)[:4] == [name.replace("&", "&&") for name in names]
    entries["Reverso"].trigger()
    assert opened == [
        "https://dictionary.reverso.net/arabic-english/%D8%A7%D8%B3%D8%AA%D9%82%D8%A8%D8%A7%D9%84"
    ]

    # Restore Defaults: the built-in list again, kept as "the defaults".
    window.look_up.edit_sites()
    dialog = window.look_up.dialog
    assert [site.name for site in dialog.sites()] == names
    dialog.restore_defaults()
    dialog.accept()
    assert window.settings.get("lookup_sites") is None
    assert window.look_up.sites() == DEFAULT_SITES


def test_a_translator_of_the_learners_choice(window, opened):
    window.settings.set(
        "sentence_translation_url", "https://www.bing.com/translator?text={sentence}"
    )
    click(window, token_index(window, "الاستقبال"))
    assert window.look_up.translate_sentence()
    assert opened[0].startswith("https://www.bing.com/translator?text=%D9%84%D9%85%20")
