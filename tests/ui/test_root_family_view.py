"""The root-family section drawn offscreen from the real database's families."""

from __future__ import annotations

import pytest

from reader.store import Status
from reader.ui.article.word_marks import MARK_COLOURS
from reader.ui.base import fonts
from reader.ui.word.root_family_view import SHOWN, RootFamilyView, tag_colours


@pytest.fixture
def view(qtbot) -> RootFamilyView:
    fonts.register_fonts()
    made = RootFamilyView("Amiri")
    qtbot.addWidget(made)
    made.resize(380, 600)
    made.show()
    return made


def _family(morphology, word: str):
    reading = morphology.analyze_word(word)[0]
    return morphology.root_family(reading.root, reading.lex, reading.pos)


def test_lists_members_with_gloss_and_status(view, morphology):
    family = _family(morphology, "قال")
    assert len(family) > SHOWN
    statuses = {family[0].key: Status.LEARNING, family[1].key: Status.KNOWN}
    asked = []

    def status_of(key):
        asked.append(key)
        return statuses.get(key)

    view.show_family(family, status_of)
    rows = view.row_texts()
    assert len(rows) == SHOWN  # the rest behind "and N more"
    assert set(asked) == {member.key for member in family[:SHOWN]}
    lemma, meaning, tag = rows[0]
    assert lemma == family[0].lemma and family[0].gloss in meaning and tag == "learning"
    assert rows[1][2] == "known" and rows[2][2] == ""  # not saved: no tag
    assert view.more_label.isVisible()
    assert view.more_label.text().count(f"and {len(family) - SHOWN} more")
    view.more_label.linkActivated.emit("more")
    assert len(view.row_texts()) == len(family) and not view.more_label.isVisible()


def test_fits_a_narrow_dock(view, morphology):
    view.show_family(_family(morphology, "قال"), lambda key: Status.NEW)
    view.resize(380, view.heightForWidth(380) if view.hasHeightForWidth() else 600)
    assert view.minimumSizeHint().width() <= 380


def test_tags_take_the_article_mark_colours():
    learning = MARK_COLOURS[Status.LEARNING.value]
    assert tag_colours(Status.LEARNING) == (learning.background, learning.underline)
    assert tag_colours(Status.KNOWN) != tag_colours(Status.LEARNING)


def test_empty_family_says_so(view):
    view.show_family((), lambda key: None)
    assert view.empty_label.isVisible() and view.row_texts() == []
    assert not view.more_label.isVisible()
