"""The Word pane as a learner uses it: the word whole, the tabs below, names, roots."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from reader.store import Status
from reader.text import document_from_text
from reader.ui.word.pane import SECTIONS
from tests.ui.conftest import click, hover, token_index


def _show_text(window, text: str) -> None:
    window.show_document(document_from_text(text, title="test"))
    assert window.analysis is not None


def test_a_verb_gets_its_conjugation_with_the_form_in_the_text_highlighted(window):
    index = token_index(window, "كانت")
    hover(window, index)
    pane = window.gloss_pane
    # The tab is there once the dictionary's vowel tags and root index are read.
    assert window.word_sections.ready_for is window.morphology
    assert pane.tabs.isTabEnabled(SECTIONS.index("conjugation"))
    pane.show_section("conjugation")
    view = pane.conjugation_view
    table = view.conjugation
    assert table is not None and table.lemma
    assert table.matched == ("past_3fs",)  # كانَتْ: she was
    assert view.tabs.tabText(view.tabs.currentIndex()) == "Past"
    # Moving to another verb shows that verb's table, its own form highlighted.
    other = token_index(window, "يقوده")
    hover(window, other)
    assert view.conjugation is not None and view.conjugation.lemma != table.lemma
    assert any(slot.startswith(("ind_3ms", "sub_3ms")) for slot in view.conjugation.matched)
    # A noun under the open tab: its own answer, never the last verb's table.
    hover(window, token_index(window, "الرئيس"))
    assert view.conjugation is None and "not a verb" in view.header.text()


def test_a_noun_says_it_has_no_conjugation_and_shows_its_root_family(window):
    index = token_index(window, "الرئيس")
    hover(window, index)
    pane = window.gloss_pane
    pane.show_section("conjugation")
    assert pane.conjugation_view.conjugation is None
    assert "not a verb" in pane.conjugation_view.header.text()
    pane.show_section("family")
    members = pane.family_view.shown_members
    assert members, "رئيس has relatives (رأس, رئاسة ...)"
    reading = window.reading(index)
    assert (reading.lex, reading.pos) not in [member.key for member in members]


def test_the_root_family_shows_the_learners_status(window):
    _show_text(window, "رأس الرئيس الاجتماع.")
    president = token_index(window, "الرئيس")
    hover(window, president)
    window.words.save_focused_word(Status.KNOWN)
    reading = window.reading(president)
    chaired = token_index(window, "رأس")
    hover(window, chaired)
    window.gloss_pane.show_section("family")
    view = window.gloss_pane.family_view
    keys = [member.key for member in view.shown_members]
    assert reading.key in keys, "the president is of the root ر ء س"
    row = view.row_texts()[keys.index(reading.key)]
    assert row[2] == Status.KNOWN.value.capitalize() or Status.KNOWN.value in row[2].lower()
    others = [r for k, r in zip(keys, view.row_texts(), strict=True) if k != reading.key]
    assert all(Status.KNOWN.value not in r[2].lower() for r in others)


def test_the_root_line_reads_a_weak_radical_off_the_other_stems(window):
    index = token_index(window, "كانت")
    hover(window, index)
    # كان hides its middle radical; its present يكون shows it: و.
    assert "ك و ن" in window.gloss_pane.text()


def test_a_name_of_several_words_is_shown_whole(window):
    _show_text(window, "زار الوزير الولايات المتحدة أمس.")
    index = token_index(window, "المتحدة")
    hover(window, index)
    assert "United States" in window.popup.text()
    assert "United States" in window.gloss_pane.text()
    assert "one name" in window.gloss_pane.text()
    # A word outside the name shows none.
    hover(window, token_index(window, "الوزير"))
    assert "United States" not in window.popup.text()
    assert window.gloss_pane.name_label.isHidden()


def test_a_name_of_several_words_is_highlighted_whole_in_the_article(window):
    _show_text(window, "زار الوزير الولايات المتحدة أمس.")

    def highlighted() -> list[str]:
        return [selection.cursor.selectedText() for selection in window.view.extraSelections()]

    hover(window, token_index(window, "المتحدة"))
    assert highlighted() == ["الولايات المتحدة"]
    click(window, token_index(window, "الولايات"))  # pinned: the pin covers the name too
    assert window.session.pinned == token_index(window, "الولايات")
    assert highlighted()[-1] == "الولايات المتحدة"
    hover(window, token_index(window, "الوزير"))  # a word outside a name: itself alone
    assert highlighted()[0] == "الوزير"


def test_a_verb_after_lam_says_its_past_in_the_popup_the_pane_and_the_sentence(window):
    index = token_index(window, "يكن", after="لم")  # the article opens "لم يكن الاستقبال"
    hover(window, index)
    assert window.reading(index).english == "he is"  # the reading's own, as in the JSON
    assert "he was" in window.popup.text() and "he is" not in window.popup.text()
    assert "he was" in window.gloss_pane.text() and "he is" not in window.gloss_pane.text()
    sentence = window.session.sentence_glosses(window.document.tokens[index].sentence)
    assert (index, "يكن", "he was") in sentence


def test_a_new_word_starts_at_its_headword(window):
    pane = window.gloss_pane
    hover(window, token_index(window, "الخارجية"))
    pane.word_area.verticalScrollBar().setValue(pane.word_area.verticalScrollBar().maximum())
    hover(window, token_index(window, "بوتين"))
    assert pane.word_area.verticalScrollBar().value() == 0


def test_own_fields_are_folded_until_used_and_a_gloss_moves_nothing(window):
    pane = window.gloss_pane
    editor = pane.editor
    index = token_index(window, "بوتين")
    hover(window, index)
    assert editor.fields.isHidden()
    assert not editor.more_button.isEnabled()  # nothing to write on before saving
    window.words.save_focused_word()
    assert editor.more_button.isEnabled() and editor.fields.isHidden()
    editor.more_button.click()
    assert not editor.fields.isHidden()
    editor.gloss_edit.setText("president of Russia")
    body = pane.word_part  # the description and, below it, the learner's fields
    fields_at = [w.mapTo(body, QPoint(0, 0)) for w in (pane.details_label, editor.gloss_edit)]
    editor.gloss_edit.returnPressed.emit()
    assert "president of Russia" in pane.text()
    # The meaning is always two lines: the learner's gloss moved nothing below it.
    assert [w.mapTo(body, QPoint(0, 0)) for w in (pane.details_label, editor.gloss_edit)] == (
        fields_at
    )
    # Another word, with nothing of the learner's: folded again once the toggle is off.
    editor.more_button.click()
    hover(window, token_index(window, "الخارجية"))
    assert editor.fields.isHidden()
    # Back on Putin: his own gloss keeps the fields open.
    hover(window, index)
    assert not editor.fields.isHidden()


def test_every_reading_is_listed_and_the_count_shown(window):
    index = token_index(window, "المهمة")
    hover(window, index)
    pane = window.gloss_pane
    count = len(window.readings(index))
    assert count > 1
    assert pane.tabs.tabText(SECTIONS.index("readings")) == f"Readings ({count})"
    assert f"of {count}" in pane.readings_link.text()
    pane.show_section("readings")
    assert pane.readings_list.count() == count


def test_the_root_index_waits_for_the_articles_analysis(
    qtbot, data_home, morphology, default_article_path, captured_dialogs
):
    """The ~2 s index must not hold up the analysis the hover and the marks wait for."""
    from reader.text import load_document
    from tests.ui.conftest import make_window

    window = make_window(qtbot, morphology=morphology)
    with window.tasks.hold() as held:
        window.show_document(load_document(default_article_path))
        window.start_dictionary()
        # Only the article's analysis (and the vocabulary's opening) is on its way.
        assert window.word_sections._task is None
        assert held
    assert window.analysis is not None
    assert window.word_sections.ready_for is morphology  # then, after it


def test_the_vocabulary_follows_view_romanization_and_the_dictionarys_roots(window):
    from reader.ui.vocabulary.table import ROMANIZED, ROOT

    _show_text(window, "كانت وزارة الخارجية مغلقة.")
    for word in ("كانت", "الخارجية"):
        hover(window, token_index(window, word))
        window.words.save_focused_word()
    dock = window.docks.vocabulary
    dock.build()
    model = dock.model

    def cell(start: str, column: int) -> str:
        row = next(r for r, e in enumerate(model.entries) if e.lemma.startswith(start))
        return model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)

    assert cell("كان", ROOT) == "ك و ن"  # the dictionary's stems (يَكُون), not "ك و/ي ن"
    din = cell("خارِج", ROMANIZED)
    window.set_romanization("ala-lc")
    assert cell("خارِج", ROMANIZED) != din
    assert "kh" in cell("خارِج", ROMANIZED) and "ḫ" in din


def test_every_source_of_a_names_english_is_said_in_words():
    """The pane and popup say where a name's English comes from, for every source
    the names can have, never a bare internal label."""
    from reader.morphology.names import spans
    from reader.ui.word.details import NAME_SOURCES

    assert set(spans._SOURCE_ORDER) <= set(NAME_SOURCES)
    assert all(" " in said for said in NAME_SOURCES.values())


def test_the_pattern_line_is_the_stems_wazn_and_the_root_its_familys(window):
    _show_text(window, "أعلن عن زيارته بالجانب الآخر.")
    hover(window, token_index(window, "زيارته"))
    text = window.gloss_pane.text()
    assert "فِعالَة" in text and "ز و ر" in text  # not فِيالَتِه, not ز و/ي ر
    assert "فِيالَتِه" not in text and "this word does not show which" not in text
    hover(window, token_index(window, "بالجانب"))
    text = window.gloss_pane.text()
    assert "فاعِل" in text and "بِالفاعِل" not in text


def test_the_vocalised_headword_sets_each_vowel_on_its_letter(window):
    from PySide6.QtGui import QFont, QFontDatabase

    from reader.ui.base import fonts

    _show_text(window, "تتمثل المشكلة في الجسر.")
    hover(window, token_index(window, "تتمثل"))
    installed = set(QFontDatabase.families())
    wanted = next((f for f in fonts.VOCALISED_FAMILIES if f in installed), "Amiri")
    for label in (window.gloss_pane.form_label, window.popup.form_label):
        font = label.font()
        assert font.family() == wanted, label
        if wanted == "Amiri":  # no other face installed: Amiri without its stacked joins
            calt = QFont.Tag("calt")
            assert font.isFeatureSet(calt) and font.featureValue(calt) == 0
    assert window.gloss_pane.form_label.text().startswith("تَتَمَثَّل")
    # A face the learner chose is kept; only the default Amiri gives way.
    assert fonts.vocalised_font(20, "Noto Sans Arabic").family() == "Noto Sans Arabic"
    amiri = fonts.arabic_font(20, "Amiri")
    assert amiri.family() == "Amiri" and not amiri.isFeatureSet(QFont.Tag("calt"))  # the text's


def test_without_another_face_the_headword_is_amiri_without_its_stacked_joins(window, monkeypatch):
    from PySide6.QtGui import QFont

    from reader.ui.base import fonts

    monkeypatch.setattr(fonts, "VOCALISED_FAMILIES", ("No Such Face",))
    font = fonts.vocalised_font(20)
    assert font.family() == "Amiri"
    assert font.isFeatureSet(QFont.Tag("calt")) and font.featureValue(QFont.Tag("calt")) == 0
