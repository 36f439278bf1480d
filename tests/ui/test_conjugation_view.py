"""ConjugationView, a real widget offscreen over the real analyzer's tables."""

from __future__ import annotations

import pytest

from reader.morphology.verbs.conjugation import conjugate, why_not
from reader.ui.base import fonts
from reader.ui.word.conjugation_view import HIGHLIGHT, ConjugationView

DOCK_WIDTH = 380  # the Word pane at its default width


@pytest.fixture
def view(qtbot):
    fonts.register_fonts()
    widget = ConjugationView(fonts.arabic_family())
    qtbot.addWidget(widget)
    widget.resize(DOCK_WIDTH, 640)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _verb(morphology, word):
    return next(r for r in morphology.analyze_word(word) if r.pos == "verb")


def test_the_word_in_the_text_is_marked_in_its_tense(view, morphology):
    view.show(conjugate(_verb(morphology, "زارت"), morphology))
    assert view.tab_titles() == ["Past", "Present", "Subjunctive", "Jussive", "Imperative"]
    assert view.tabs.tabText(view.tabs.currentIndex()) == "Past"
    past = view.tab_label("Past").text()
    assert past.count(f'bgcolor="{HIGHLIGHT}"') == 1
    marked = past.split(f'bgcolor="{HIGHLIGHT}"', 1)[1].split("</td>", 1)[0]
    assert "<b>" in marked and "زَارَتْ" in marked
    assert "هِيَ" in past and "she" in past  # the pronoun, Arabic and English
    assert "Active" in past and "Passive" in past
    # no mark in the other tenses
    assert f'bgcolor="{HIGHLIGHT}"' not in view.tab_label("Present").text()
    nouns = view.nouns.text()
    assert "Active participle" in nouns and "زَائِر" in nouns
    assert "Verbal noun" in view.notes.text()  # form I: not predicted, and said so


def test_a_present_form_opens_on_the_present(view, morphology):
    view.show(conjugate(_verb(morphology, "يقوده"), morphology))  # يقود + ه
    assert view.tabs.tabText(view.tabs.currentIndex()) == "Present"
    assert f'bgcolor="{HIGHLIGHT}"' in view.tab_label("Present").text()


def test_a_noun_shows_the_reason(view, morphology):
    noun = next(r for r in morphology.analyze_word("كتاب") if r.pos == "noun")
    table = conjugate(noun, morphology)
    view.show(table, why_not(noun, morphology))
    assert table is None
    assert "not a verb" in view.header.text()
    assert view.tabs.isHidden() and view.tabs.count() == 0


def test_it_fits_the_word_pane(view, morphology, qtbot):
    view.show(conjugate(_verb(morphology, "استقبل"), morphology))  # long forms
    qtbot.wait(10)
    assert view.tabs.tabBar().sizeHint().width() <= DOCK_WIDTH
    for title in view.tab_titles():
        label = view.tab_label(title)
        assert label.sizeHint().width() <= DOCK_WIDTH - 20, title  # room for the scroll bar
    assert view.nouns.sizeHint().width() <= DOCK_WIDTH


def test_show_without_arguments_still_shows_the_widget(qtbot):
    widget = ConjugationView(fonts.arabic_family())
    qtbot.addWidget(widget)
    assert not widget.isVisible()
    widget.show()
    assert widget.isVisible()
