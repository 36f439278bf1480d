"""The Word pane's "Why this reading" line: the scorer's evidence, in words."""

from __future__ import annotations

from reader.morphology.evidence import FEATURES
from reader.text import document_from_text
from tests.ui.conftest import hover, token_index


def test_the_why_line_is_folded_until_asked_then_names_the_evidence(window):
    window.show_document(document_from_text("وقال وزير الخارجية إن المحادثات مفيدة.", title="t"))
    index = token_index(window, "الخارجية")
    hover(window, index)
    line = window.gloss_pane.why_line
    assert line.isVisibleTo(window.gloss_pane) and "Why this reading?" in line.text()
    assert not any(words in line.text() for words in FEATURES.values())
    line.linkActivated.emit("why")
    readings = window.readings(index)
    shown = window.reading(index)
    if shown is readings[0] and len(readings) > 1:
        # The reasons are features of the one scorer, in the learner's words,
        # and the reading it was weighed against is named.
        assert any(words in line.text() for words in FEATURES.values())
        assert "rather than" in line.text()
    # Unfolded, it stays so for the next word, until hidden again.
    hover(window, token_index(window, "المحادثات"))
    assert "hide" in line.text()
    line.linkActivated.emit("fold")
    assert "Why this reading?" in line.text()
