"""The article view and the hover: real widgets, the real analyzer, the default article."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from reader.morphology.vowels.marks import VOWEL_MARKS as DIACRITICS
from reader.morphology.vowels.reconcile import vocalize
from reader.text import TokenKind
from tests.ui.conftest import click, hover, token_index


def test_default_article_is_shown_right_to_left(window):
    document = window.document
    assert window.windowTitle() == f"{document.title} — Arabic Reader"
    assert len(document.tokens) > 400
    assert window.view.document().toPlainText().replace("\u2029", "\n") == document.text
    block = window.view.document().begin()
    while block.isValid():
        assert block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert block.blockFormat().alignment() & Qt.AlignmentFlag.AlignRight
        block = block.next()
    assert "441 words" in window.words_label.text()
    assert "438 of 441 words found" in window.dictionary_label.text()


def test_hovering_putin_shows_putin(window):
    hover(window, token_index(window, "بوتين"))
    assert "Putin" in window.gloss_pane.text()
    assert window.popup.isVisible()
    assert "Putin" in window.popup.text()


def test_foreign_ministry_after_minister(window):
    index = token_index(window, "الخارجية", after="وزير")
    hover(window, index)
    assert window.session.hovered == index
    pane = window.gloss_pane.text()
    assert "foreign ministry" in pane
    assert "noun" in pane
    assert "ال" in window.gloss_pane.segments_label.text()  # the article, glossed apart


def test_punctuation_and_space_change_nothing(qtbot, window):
    word = token_index(window, "بوتين")
    hover(window, word)
    pane_before = window.gloss_pane.text()
    comma = next(t for t in window.document.tokens if t.kind is TokenKind.PUNCT)
    QTest.mouseMove(window.view.viewport(), window.view.token_rect(comma.index).center())
    assert window.session.hovered is None
    qtbot.waitUntil(lambda: not window.popup.isVisible())
    assert window.gloss_pane.text() == pane_before


def test_an_unknown_name_is_said_honestly(window):
    hover(window, token_index(window, "الكريملن"))
    pane = window.gloss_pane.text()
    assert "Not in the dictionary — probably a name" in pane
    assert "Not in the dictionary — probably a name" in window.popup.text()
    # The guessed name itself is shown first, in both.
    name = window.reading(token_index(window, "الكريملن")).lemma_gloss
    assert name and pane.index(name) < pane.index("Not in the dictionary — probably a name")
    assert name in window.popup.text()
    assert window.gloss_pane.translit_label.text()


def test_click_pins_escape_unpins_and_arrows_follow_reading_order(window):
    putin = token_index(window, "بوتين")
    click(window, putin)
    assert window.session.pinned == putin
    hover(window, token_index(window, "الكريملن"))
    assert "Putin" in window.gloss_pane.text()  # the pane keeps the pinned word

    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Left)  # Arabic: the next word is to the left
    after = window.document.tokens[putin + 1]
    assert window.session.pinned == after.index and after.text == "ترك"
    QTest.keyClick(window.view, Qt.Key.Key_Right)
    QTest.keyClick(window.view, Qt.Key.Key_Right)
    assert window.document.tokens[window.session.pinned].text == "فلاديمير"

    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.session.pinned is None


def test_arrows_skip_punctuation_and_numbers(window):
    kerry = token_index(window, "كيري", after="جون")  # followed by "،" then "خلال"
    window.session.pin(kerry)
    window.keys.step(1)
    assert window.document.tokens[window.session.pinned].text == "خلال"
    window.keys.step(-1)
    assert window.session.pinned == kerry


def test_sentence_word_by_word_follows_the_article(window):
    putin = token_index(window, "بوتين")
    hover(window, putin)
    words = window.gloss_pane.sentence_list.words()
    sentence = window.document.tokens[putin].sentence
    expected = [t.index for t in window.document.sentence_tokens(sentence) if t.kind != "punct"]
    assert [index for index, _, _ in words] == expected
    assert dict((i, g) for i, _, g in words)[putin] == "Putin"
    assert window.gloss_pane.sentence_list.selected_token() == putin
    # Hovering a word in the list lights it up in the article.
    window.gloss_pane.sentence_word_hovered.emit(expected[0])
    assert window.view.drawn_focus[0] == expected[0]
    assert window.session.hovered == putin  # a glance: the popup's word stays


def test_choosing_another_reading_is_kept_for_this_occurrence(window):
    index = token_index(window, "المهمة")  # "the mission", or "the important"
    hover(window, index)
    readings = window.readings(index)
    assert len(readings) > 1
    window.gloss_pane.show_section("readings")
    item = window.gloss_pane.readings_list.item(1)
    window.gloss_pane.readings_list.itemClicked.emit(item)
    chosen = window.choices.chosen_key(window.document.fingerprint, index)
    assert chosen is not None and chosen.diac == readings[1].diac
    assert window.reading(index) == readings[1]
    # The headword follows the chosen reading, as said in this sentence.
    assert window.gloss_pane.form_label.text() == window.shown_form(index)
    context = window.analysis.vocalization(index)
    token = window.document.tokens[index]
    expected = vocalize(token.lookup, readings[1], context.context_form if context else "")
    assert window.shown_form(index) == expected.form


def test_show_vowels_keeps_hover_on_the_same_word(window):
    putin = token_index(window, "بوتين")
    window.actions.show_vowels.trigger()
    assert window.settings.get("show_vowels") is True
    shown = window.view.document().toPlainText()
    assert any(mark in shown for mark in DIACRITICS)
    word = token_index(window, "الخارجية", after="وزير")
    assert any(mark in window.view.shown_text(word) for mark in DIACRITICS)
    hover(window, putin)
    assert "Putin" in window.gloss_pane.text()
    window.actions.show_vowels.trigger()
    assert window.view.document().toPlainText().replace("\u2029", "\n") == window.document.text


def test_zoom_changes_the_font_size(window):
    before = window.view.font_size
    window.actions.zoom_in.trigger()
    assert window.view.font_size == before + 2
    assert window.view.document().defaultFont().pointSize() == before + 2
    window.actions.zoom_out.trigger()
    window.actions.zoom_out.trigger()
    assert window.view.font_size == before - 2
    window.actions.zoom_reset.trigger()
    assert window.view.font_size == 24


def test_selected_text_can_be_copied(window):
    cursor = window.view.textCursor()
    start, end = window.view.token_range(token_index(window, "بوتين"))
    cursor.setPosition(start)
    cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "بوتين"


def test_margins_and_line_gaps_hit_no_word(window):
    assert window.view.token_at(QPoint(2, 2)) is None
    assert window.session.hovered is None


def test_words_ending_a_line_are_hovered_with_a_dock_open(window):
    window.docks.vocabulary.show()
    window.docks.notes.show()
    window.gloss_pane.raise_()
    window.resize(900, 760)
    line_ends = 0
    for token in window.document.arabic_tokens():
        start, end = window.view.token_range(token.index)
        window.view.ensure_token_visible(token.index)
        rect = window.view.token_rect(token.index)
        block = window.view.document().findBlock(start)
        layout = block.layout()
        line = layout.lineForTextPosition(start - block.position())
        if end - block.position() >= line.textStart() + line.textLength() - 1:
            line_ends += 1  # nothing but (at most) a space after it on its line
        # The whole word, not a sliver at its edge; and the mouse there finds it.
        assert rect.width() > 4, token.text
        hover(window, token.index)
        assert window.gloss_pane.token_index == token.index
    assert line_ends > 0
