"""The reading session on real data: the real analyzer, a real store in a tmp folder, no Qt."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.morphology.vowels.marks import pausal
from reader.reading.article_keys import name_of_several_words
from reader.reading.prepare import Prepared
from reader.reading.readings import word_gloss
from reader.reading.session import Aspect, ReadingSession, SessionChange
from reader.store import Status, open_store, set_user_gloss
from reader.store.lookup import entries_for_lemmas
from reader.store.words import remember_text_document, save_analysis
from reader.text import TokenKind, document_from_text, load_document


@pytest.fixture(scope="module")
def article(default_article_path: Path):
    return load_document(default_article_path)


@pytest.fixture(scope="module")
def analysis(morphology, article):
    return morphology.analyze_document(article, vocalize=False)


@pytest.fixture
def heard():
    return []


@pytest.fixture
def session(morphology, heard) -> ReadingSession:
    made = ReadingSession(morphology)
    made.subscribe(heard.append)
    return made


def _index(document, text: str) -> int:
    return next(t.index for t in document.tokens if t.text == text)


def _aspects(heard: list[SessionChange]) -> list[Aspect]:
    return [change.aspects for change in heard]


def test_opening_resets_focus_and_pin_and_refuses_a_stale_analysis(
    session, heard, article, analysis
) -> None:
    session.open(article)
    putin = _index(article, "بوتين")
    session.hover(putin)
    session.pin(putin)
    assert session.focus == putin
    assert session.analysed(Prepared.of(analysis))
    other = document_from_text("ذهب الولد إلى المدرسة.", title="other")
    heard.clear()
    session.open(other)
    assert _aspects(heard) == [Aspect.DOCUMENT]
    assert (session.hovered, session.pinned, session.focus, session.analysis) == (
        None,
        None,
        None,
        None,
    )
    # The first article's analysis, arriving late, is not this document's.
    assert not session.analysed(Prepared.of(analysis))
    assert session.analysis is None and _aspects(heard) == [Aspect.DOCUMENT]


def test_readings_before_and_after_the_analysis_are_the_analyzers(
    session, heard, morphology, article, analysis
) -> None:
    session.open(article)
    putin = _index(article, "بوتين")
    before = session.readings(putin)
    assert before and before[0].lex == "بُوتِين" and before[0].lemma_gloss == "Putin"
    assert session.analysed(Prepared.of(analysis))
    assert Aspect.ANALYSIS in heard[-1]
    assert session.readings(putin) is analysis.readings[putin]
    assert session.reading(putin) is analysis.best(putin)
    # Not an Arabic word: no reading, no form.
    comma = next(t.index for t in article.tokens if t.kind is TokenKind.PUNCT)
    assert session.reading(comma) is None and session.shown_form(comma) == ""
    # Without a dictionary there are no readings until the analysis arrives.
    bare = ReadingSession()
    bare.open(article)
    assert bare.readings(putin) is None and bare.dictionary_state == "loading"


def test_a_chosen_reading_is_told_shown_and_kept_for_the_document(
    session, heard, article, analysis
) -> None:
    session.open(article)
    session.analysed(Prepared.of(analysis))
    word = next(t.index for t in article.arabic_tokens() if len(analysis.readings[t.index]) > 2)
    other = analysis.readings[word][-1]
    assert other is not analysis.best(word)
    heard.clear()
    session.choose(word, other)
    assert _aspects(heard) == [Aspect.CHOICE] and heard[0].tokens == {word}
    assert heard[0].readings
    assert session.reading(word) is other
    assert session.chosen_tokens() == {word}
    # Its own vowels, reconciled with the sentence: what Show Vowels writes for it.
    form = session.shown_form(word)
    assert form and session.vowelled_forms()[word] == form
    unchosen = next(t.index for t in article.arabic_tokens() if t.index != word)
    assert session.vowelled_forms()[unchosen] == session.forms.full[unchosen]
    # Another document and back: the choice stays (by document), the focus does not.
    session.pin(word)
    session.open(document_from_text("ذهب الولد إلى المدرسة.", title="other"))
    session.open(article)
    session.analysed(Prepared.of(analysis))
    assert session.pinned is None and session.reading(word) is other


def test_case_endings_and_romanization_follow_the_display(session, heard, article, analysis):
    session.open(article)
    session.analysed(Prepared.of(analysis))
    word = next(
        t.index
        for t in article.arabic_tokens()
        if (v := session.vocalization(t.index)) is not None and pausal(v.form) != v.form
    )
    full = session.vocalization(word).form
    assert session.shown_form(word) == full
    din = session.romanized(word)
    heard.clear()
    session.set_display(case_endings=False)
    assert _aspects(heard) == [Aspect.DISPLAY]
    assert session.shown_form(word) == pausal(full)
    assert session.vowelled_forms()[word] == session.forms.pausal[word]
    pausal_din = session.romanized(word)
    assert pausal_din and pausal_din != din
    # A sun letter after the article: assimilated in DIN 31635 (as said), not in ALA-LC.
    sun = next(t.index for t in article.arabic_tokens() if t.text.startswith(("الس", "الش", "الر")))
    assert not session.romanized(sun).startswith("al-")
    session.set_display(romanization="ala-lc")
    assert session.romanized(sun).startswith("al-")


def test_saved_entries_are_what_the_store_returned(
    session, heard, article, analysis, tmp_path
) -> None:
    session.open(article)
    session.analysed(Prepared.of(analysis))
    # A بوتين alone: the article's first is in فلاديمير بوتين, a name with an entry of its own.
    putin = next(
        t.index for t in article.tokens if t.text == "بوتين" and session.name_at(t.index) is None
    )
    reading = session.reading(putin)
    assert session.entry_at(putin) is None and not session.has_entry_for(reading.key)
    with open_store(tmp_path / "vocabulary.sqlite3") as store:
        record, _ = remember_text_document(store, article)
        token = article.tokens[putin]
        saved, _ = save_analysis(
            store,
            reading,
            surface=token.text,
            sentence="",
            document_id=record.id,
            start=token.start,
            end=token.end,
            status=Status.LEARNING,
        )
        set_user_gloss(store, saved.id, "the Russian president")
        found = entries_for_lemmas(store, [reading.key])
    heard.clear()
    session.set_entries(found)
    assert _aspects(heard) == [Aspect.ENTRIES]
    entry = session.entry_at(putin)
    assert entry is not None and entry.id == saved.id and entry.status is Status.LEARNING
    assert session.user_gloss_at(putin) == "the Russian president"
    # The sentence's words: the learner's own gloss before the dictionary's.
    glosses = {index: gloss for index, _, gloss in session.sentence_glosses(token.sentence)}
    assert glosses[putin] == "the Russian president"
    # Replacing (a new article's words loaded) forgets the lemmas not given.
    session.set_entries({}, replace=True)
    assert session.entry_at(putin) is None and not session.has_entry_for(reading.key)


def test_the_sentence_waits_for_the_analysis(session, article, analysis) -> None:
    session.open(article)
    putin = _index(article, "بوتين")
    sentence = article.tokens[putin].sentence
    waiting = session.sentence_glosses(sentence)
    arabic = [
        gloss for index, _, gloss in waiting if article.tokens[index].kind is TokenKind.ARABIC
    ]
    assert arabic and set(arabic) == {"…"}
    session.analysed(Prepared.of(analysis))
    ready = dict((index, gloss) for index, _, gloss in session.sentence_glosses(sentence))
    assert ready[putin] == word_gloss(analysis.best(putin)) == "Putin"
    assert all(article.tokens[index].kind is not TokenKind.PUNCT for index in ready)


def test_listeners_hear_in_order_and_can_leave(session, heard, article) -> None:
    later: list[Aspect] = []
    leave = session.subscribe(lambda change: later.append(change.aspects))
    session.open(article)
    putin = _index(article, "بوتين")
    session.hover(putin)
    session.hover(putin)  # no change: not told again
    session.pin(putin)
    leave()
    session.pin(None)
    assert _aspects(heard) == [Aspect.DOCUMENT, Aspect.FOCUS, Aspect.PIN, Aspect.PIN]
    assert later == [Aspect.DOCUMENT, Aspect.FOCUS, Aspect.PIN]


def test_changes_made_while_listeners_are_told_wait_their_turn(article, analysis, morphology):
    """A listener that chooses readings when the analysis arrives does not make the
    others hear the choice before the analysis: notifications never nest."""
    session = ReadingSession(morphology)
    session.open(article)
    putin = _index(article, "بوتين")
    other = analysis.readings[putin][-1]
    assert other is not analysis.readings[putin][0]
    first: list[Aspect] = []
    second: list[Aspect] = []

    def chooser(change: SessionChange) -> None:
        first.append(change.aspects)
        if Aspect.ANALYSIS in change:
            session.choose(putin, other)  # as restoring saved readings does
            session.hover(putin)

    session.subscribe(chooser)
    session.subscribe(lambda change: second.append(change.aspects))
    session.analysed(Prepared.of(analysis))
    assert first == second == [Aspect.ANALYSIS, Aspect.CHOICE, Aspect.FOCUS]
    assert session.reading(putin) is other


def test_prepared_entries_arrive_with_the_analysis_in_one_change(
    tmp_path, article, analysis, morphology
):
    """The saved entries read with a stage reach the session with it: one change."""
    store = open_store(tmp_path / "vocabulary.sqlite3")
    try:
        record, _ = remember_text_document(store, article)
        putin = next(  # a بوتين alone, not a word of فلاديمير بوتين (the name's entry)
            t.index for t in article.tokens
            if t.text == "بوتين" and name_of_several_words(analysis, t.index) is None
        )  # fmt: skip
        best = analysis.best(putin)
        token = article.tokens[putin]
        save_analysis(
            store, best, surface=token.text, sentence="", document_id=record.id,
            start=token.start, end=token.end,
        )  # fmt: skip
        session = ReadingSession(morphology)
        heard: list[SessionChange] = []
        session.subscribe(heard.append)
        session.open(article)
        heard.clear()
        found = Prepared.of(analysis, entries=lambda keys: entries_for_lemmas(store, keys))
        assert session.analysed(found)
        assert [change.aspects for change in heard] == [Aspect.ANALYSIS | Aspect.ENTRIES]
        assert session.entry_at(putin).status is Status.LEARNING
        unsaved = next(
            t.index for t in article.tokens if session.reading(t.index) and t.index != putin
            and session.entry_key(t.index) != best.key
        )  # fmt: skip
        assert session.has_entry_for(session.entry_key(unsaved))  # asked: not saved
        assert session.entry_at(unsaved) is None
    finally:
        store.close()
