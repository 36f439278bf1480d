"""A long article (~200k words) in the window: marks, known share and vowels arrive
without a pass over every word on the GUI thread.

The passes over every word (the lemma key of each token, the forms Show Vowels
writes, the coverage) run on the worker; on the GUI thread a refresh is one
look-up per lemma and array operations, and the marks are written into the
text from a timer, in batches of bounded size with the event loop turning in
between. The final marks and the known share are those the per-token rule gives.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCharFormat, QTextCursor

from reader.morphology.analyzer import DocumentAnalysis
from reader.morphology.vowels.diacritizer import DiacritizerUnavailable
from reader.reading.prepare import Prepared, Stage
from reader.reading.shown_forms import ShownForms, VowelledForms
from reader.store import LemmaKey, Status
from reader.text import TokenKind, document_from_text, load_document
from reader.ui.article.text_marks import MARK_BATCH
from reader.ui.article.word_marks import (
    UNSAVED,
    ArticleKeys,
    article_marks,
    known_share,
    mark_format,
    marks_for,
)
from tests.ui.conftest import hover, make_window, token_index, word_index

LONG_TOKENS = 200_000
WAIT_MS = 900_000  # only how long to wait at most on a slow machine; nothing is timed


def _long_document(path):
    article = load_document(path)
    repeats = LONG_TOKENS // len(article.tokens) + 1
    return document_from_text("\n\n".join([article.text.strip()] * repeats), title="long")


def _reference_keys(window) -> dict[int, LemmaKey]:
    """The key of the entry each token belongs to, token by token: the rule the marks
    follow (the reading shown's lemma; a name of several words' own key)."""
    document = window.document
    keys = {}
    for token in document.tokens:
        if token.kind is TokenKind.ARABIC:
            key = window.session.entry_key(token.index)
            if key is not None:
                keys[token.index] = key
    return keys


def _assert_marks_right(window, *, highlight: bool) -> None:
    keys = _reference_keys(window)
    entries = window.words.entries
    expected = marks_for(keys, entries, highlight_unsaved=highlight)
    shown = window.view.marks()
    assert len(shown) == len(expected) > 0  # every caller has marks to compare
    for index, mark in expected.items():
        assert shown.get(index) is mark_format(mark)
    arabic = sum(1 for t in window.document.tokens if t.kind is TokenKind.ARABIC)
    share = known_share(keys, entries, arabic)
    assert window.words.share == share
    assert window.known_label.text() == share.label()


def _written_underline(window, index: int) -> QTextCharFormat.UnderlineStyle:
    start, end = window.view.token_range(index)
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(start)
    cursor.setPosition(start + 1, QTextCursor.MoveMode.KeepAnchor)
    return cursor.charFormat().underlineStyle()


@pytest.fixture
def passes_by_thread(monkeypatch):
    """Which thread ran each pass over every word."""
    seen: list[tuple[str, threading.Thread]] = []
    for owner, name in ((ArticleKeys, "of"), (ShownForms, "of")):
        real = getattr(owner, name)

        def spy(cls, analysis, real=real, label=f"{owner.__name__}.{name}"):
            seen.append((label, threading.current_thread()))
            return real(analysis)

        monkeypatch.setattr(owner, name, classmethod(spy))
    real_coverage = DocumentAnalysis.coverage

    def coverage(self):
        seen.append(("coverage", threading.current_thread()))
        return real_coverage(self)

    monkeypatch.setattr(DocumentAnalysis, "coverage", coverage)
    return seen


def test_a_long_article_is_marked_from_the_worker_in_bounded_batches(
    qtbot,
    data_home,
    morphology,
    default_article_path,
    captured_dialogs,
    monkeypatch,
    passes_by_thread,
):
    def unavailable() -> None:  # the vowel model's pass is not what is tested here
        raise DiacritizerUnavailable("not in this test")

    monkeypatch.setattr(morphology.diacritizer, "load", unavailable)
    window = make_window(qtbot, morphology=morphology, synchronous=False)
    window.set_highlight_new_words(True)  # every word is marked: the most to write
    qtbot.waitUntil(lambda: window.vocabulary.available, timeout=WAIT_MS)
    document = _long_document(default_article_path)
    assert len(document.tokens) >= LONG_TOKENS

    # The event loop's turns, counted beside the batches of marks written.
    turns = {"count": 0, "batches_per_turn": 0, "last": 0}

    def turn() -> None:
        turns["count"] += 1
        batches = window.view.mark_batches
        turns["batches_per_turn"] = max(turns["batches_per_turn"], batches - turns["last"])
        turns["last"] = batches

    ticker = QTimer(interval=0)
    ticker.timeout.connect(turn)
    ticker.start()
    window.show_document(document)  # the dictionary is there: analysed at once, on the worker
    qtbot.waitUntil(
        lambda: window.analysis is not None and window.analysis.document is document,
        timeout=WAIT_MS,
    )
    qtbot.waitUntil(
        lambda: not window.view.building() and not window.view.marks_pending(), timeout=WAIT_MS
    )
    ticker.stop()

    gui = threading.main_thread()
    assert {label for label, _ in passes_by_thread} == {
        "ArticleKeys.of",
        "ShownForms.of",
        "coverage",
    }
    assert all(thread is not gui for _, thread in passes_by_thread), passes_by_thread
    # Written in many batches, none bigger than the bound, the event loop
    # turning between them (a refresh or a layout batch writes one at once, beside the timer's).
    marked = len(window.view.marks())
    assert marked > 100_000
    assert window.view.largest_mark_batch <= MARK_BATCH
    assert window.view.mark_batches >= marked // MARK_BATCH
    assert turns["batches_per_turn"] <= 3
    _assert_marks_right(window, highlight=True)
    dotted = QTextCharFormat.UnderlineStyle.DotLine
    arabic = [t.index for t in document.tokens if t.kind is TokenKind.ARABIC]
    for index in (arabic[0], arabic[len(arabic) // 2], arabic[-1]):
        assert window.view.marks().get(index) is mark_format(UNSAVED)
        assert _written_underline(window, index) == dotted

    # Saving a word marks its every occurrence, again in batches; no pass over every word.
    passes_by_thread.clear()
    putin = word_index(window, "بوتين")
    hover(window, putin)
    saved = {"check_params_cb": lambda change: change.vocabulary, "timeout": WAIT_MS}
    with qtbot.waitSignal(window.vocabulary.changed, **saved):  # written on the hub's worker
        assert window.words.save_focused_word(Status.LEARNING)
    qtbot.waitUntil(lambda: not window.view.marks_pending(), timeout=WAIT_MS)
    assert passes_by_thread == []
    _assert_marks_right(window, highlight=True)
    learning = mark_format(Status.LEARNING.value)
    putins = [  # not فلاديمير بوتين: a name of several words, an entry of its own
        t.index
        for t in document.tokens
        if t.text == "بوتين" and window.session.name_at(t.index) is None
    ]
    assert len(putins) > MARK_BATCH
    assert all(window.view.marks().get(index) is learning for index in putins)
    assert _written_underline(window, putins[-1]) == QTextCharFormat.UnderlineStyle.SingleUnderline

    # Known: the status bar's share follows, still without a pass over every word.
    with qtbot.waitSignal(window.vocabulary.changed, **saved):
        window.words.set_focused_status(Status.KNOWN)
    qtbot.waitUntil(lambda: not window.view.marks_pending(), timeout=WAIT_MS)
    assert passes_by_thread == []
    _assert_marks_right(window, highlight=True)
    putin_key = window.reading(putin).key  # every form of the lemma (وبوتين too)
    assert window.words.share.known == sum(
        1 for key in _reference_keys(window).values() if key == putin_key
    )
    assert window.known_label.text() == window.words.share.label()

    # The vowels in context arriving (made here, as the worker would) re-mark
    # nothing on the GUI thread but what changed.
    prepared = Prepared.of(window.analysis, Stage.VOCALISED)
    passes_by_thread.clear()
    batches = window.view.mark_batches
    window.preparation.prepared.emit(prepared, True)
    assert passes_by_thread == []
    assert window.view.mark_batches == batches and not window.view.marks_pending()
    _assert_marks_right(window, highlight=True)


def test_show_vowels_on_a_long_article_reads_the_workers_forms(
    qtbot, data_home, morphology, default_article_path, captured_dialogs, monkeypatch
):
    def unavailable() -> None:
        raise DiacritizerUnavailable("not in this test")

    monkeypatch.setattr(morphology.diacritizer, "load", unavailable)
    window = make_window(qtbot, morphology=morphology)  # synchronous: the worker's part too
    document = _long_document(default_article_path)
    window.show_document(document)  # the dictionary is there: analysed at once
    assert window.analysis is not None

    def whole_pass(self):
        raise AssertionError("a pass over every word on the GUI thread")

    monkeypatch.setattr(VowelledForms, "__iter__", whole_pass)
    monkeypatch.setattr(VowelledForms, "__len__", whole_pass)
    putin = word_index(window, "بوتين")
    reading = window.readings(putin)[-1]  # a reading the learner chose
    window.choose_reading(putin, reading)
    window.set_show_vowels(True)
    forms = window._forms
    first = next(t.index for t in document.tokens if t.kind is TokenKind.ARABIC)
    assert window.view.shown_text(first) == forms.shown(first, True)
    assert window.view.shown_text(putin) == window.shown_form(putin)
    window.set_show_case_endings(False)
    assert window.view.shown_text(first) == forms.shown(first, False)


def test_article_marks_follow_the_per_token_rule(window):
    """The arrays give what the per-token rule gives, a chosen reading included."""
    chosen = word_index(window, "بوتين")
    window.choose_reading(chosen, window.readings(chosen)[-1])
    hover(window, token_index(window, "في"))
    window.words.save_focused_word(Status.KNOWN)
    # Known words show no mark: a learning one gives the pass without highlighting marks to check.
    hover(window, chosen)
    window.words.save_focused_word(Status.LEARNING)
    keys = _reference_keys(window)
    overrides = {chosen: keys.get(chosen)}
    arabic = sum(1 for t in window.document.tokens if t.kind is TokenKind.ARABIC)
    for highlight in (False, True):
        result = article_marks(
            ArticleKeys.of(window.analysis),
            window.words.entries,
            overrides,
            highlight_unsaved=highlight,
        )
        expected = marks_for(keys, window.words.entries, highlight_unsaved=highlight)
        assert expected.get(chosen) == Status.LEARNING.value
        assert dict(result.marks.items()) == {
            index: mark_format(mark) for index, mark in expected.items()
        }
        assert result.share == known_share(keys, window.words.entries, arabic)
    _assert_marks_right(window, highlight=False)
    # Marks cleared (no analysis any more): every marked word is written plain again.
    window.set_highlight_new_words(True)
    window.view.flush_marks()
    marked = list(window.view.marks())
    assert (
        marked
        and _written_underline(window, marked[-1]) != QTextCharFormat.UnderlineStyle.NoUnderline
    )
    window.view.set_marks({})
    window.view.flush_marks()
    assert dict(window.view.marks()) == {}
    assert _written_underline(window, marked[-1]) == QTextCharFormat.UnderlineStyle.NoUnderline
