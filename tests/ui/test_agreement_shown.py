"""The window says a "she" that stands for a thing as "it" or "they": popup, Word pane
and the sentence's word-by-word line, from the session's English in context."""

from __future__ import annotations

from reader.text import document_from_text
from tests.ui.conftest import hover, token_index


def test_reports_reported_in_the_popup_the_pane_and_the_sentence(window):
    window.show_document(
        document_from_text("أفادت تقارير صحافية بأن الوزارة أعلنت خطتها.", title="t")
    )
    assert window.analysis is not None
    index = token_index(window, "أفادت")
    hover(window, index)
    assert window.reading(index).english == "she reported"  # the reading's own, as in the JSON
    assert "they reported" in window.popup.text() and "she reported" not in window.popup.text()
    pane = window.gloss_pane.text()
    assert "they reported" in pane and "she reported" not in pane
    sentence = window.session.sentence_glosses(window.document.tokens[index].sentence)
    assert (index, "أفادت", "they reported") in sentence
