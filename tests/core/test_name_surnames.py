"""A person's surname alone is the person's saved name: its gloss, its status, its
share of the known words, in the text that names the person and in any other
(the real analyzer, a real SQLite store)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.reading.article_keys import ArticleKeys, name_words
from reader.reading.prepare import Prepared
from reader.reading.save import plan_save, save_at
from reader.reading.session import ReadingSession
from reader.store import (
    Status,
    Store,
    entries_for_lemmas,
    list_entries,
    occurrences,
    open_store,
    set_status,
)
from reader.system import paths
from reader.text import document_from_text

KERRY = ("جون كيري", "noun_prop")
PUTIN = ("فلاديمير بوتين", "noun_prop")
ASSAD = ("بشار الأسد", "noun_prop")


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "home"))
    with open_store() as opened:
        yield opened


@pytest.fixture(scope="module")
def article(morphology, default_article_path: Path):
    """The default article: جون كيري once, then كيري alone seven times; فلاديمير بوتين
    once, then بوتين (لبوتين) alone; بشار الأسد, then الأسد alone."""
    text = default_article_path.read_text(encoding="utf-8")
    document = document_from_text(text, title="Kerry in Moscow")
    return morphology.analyze_document(document, vocalize=False)


def _session(analysis) -> ReadingSession:
    session = ReadingSession()
    session.open(analysis.document)
    session.analysed(Prepared.of(analysis))
    return session


def _alone(analysis, word: str) -> list[int]:
    """The tokens holding ``word`` (with a proclitic or not) outside a name of several words."""
    return [
        token.index
        for token in analysis.document.tokens
        if word in token.text
        and not ((span := analysis.name_at(token.index)) and span.end - span.start > 1)
    ]


def _first_of(analysis, key) -> int:
    return next(
        span.start for span in analysis.names if span.end - span.start > 1 and span.bare == key[0]
    )


def _entries(session: ReadingSession, store: Store) -> dict:
    """What the window's worker reads with each stage: the article's keys' entries."""
    assert session.keys is not None
    found = entries_for_lemmas(store, session.keys.keys)
    session.set_entries(found, replace=True)
    return found


def test_a_persons_surname_is_what_a_saved_name_keeps_to_stand_for_it(article) -> None:
    words = {span.bare: name_words(article, span) for span in article.names if span.parts}
    assert words[KERRY[0]] == ("كيري",)  # the surname, never جون
    assert words[PUTIN[0]] == ("بوتين",)
    assert words[ASSAD[0]] == ("اسد",)  # as the lemma, without the article
    states = next(span for span in article.names if span.bare == "الولايات المتحدة")
    assert name_words(article, states) == ()  # a place's words are their own


def test_a_given_name_or_a_fathers_name_stands_for_no_one(morphology) -> None:
    text = "التقى جون كيري ولي العهد محمد بن سلمان ورئيس الوزراء محمد علي في الرياض."
    analysis = morphology.analyze_document(document_from_text(text, title="t"), vocalize=False)
    words = {span.bare: name_words(analysis, span) for span in analysis.names if span.parts}
    assert words[KERRY[0]] == ("كيري",)
    # بن سلمان: سلمان alone is the father (King Salman); علي alone is any Ali.
    assert {bare: found for bare, found in words.items() if bare != KERRY[0]} == {
        bare: () for bare in words if bare != KERRY[0]
    }
    assert len(words) >= 2


def test_until_the_name_is_saved_a_surname_alone_is_its_own_word(article, store) -> None:
    session = _session(article)
    _entries(session, store)
    for index in _alone(article, "كيري"):
        own = session.reading(index)
        assert own is not None and session.entry_key(index) == own.key
        assert session.entry_at(index) is None


def test_a_saved_names_gloss_and_status_reach_its_surname_alone(article, store: Store) -> None:
    session = _session(article)
    saved = save_at(store, session, _first_of(article, KERRY), user_gloss="John Kerry")
    assert saved is not None and saved.entry.key == KERRY
    assert saved.entry.name_words == ("كيري",)
    found = _entries(session, store)
    alone = _alone(article, "كيري")
    assert len(alone) == 7  # the "eight" counted the name's own كيري
    for index in alone:
        assert session.entry_at(index) == saved.entry
        assert session.entry_key(index) == KERRY
        assert session.user_gloss_at(index) == "John Kerry"
    # Counted with the name: the key of كيري alone is answered with the name's entry.
    keys = session.keys
    assert keys is not None
    counted = sum(
        int(count)
        for key, count in zip(keys.keys, keys.tokens_per_key, strict=False)
        if (entry := found.get(key)) is not None and entry.id == saved.entry.id
    )
    assert counted == 2 + 7
    sentence = article.document.tokens[alone[0]].sentence
    glosses = {index: gloss for index, _, gloss in session.sentence_glosses(sentence)}
    assert glosses[alone[0]] == "John Kerry"
    # Saving the surname alone adds a place to the name's entry, not a new entry.
    again = save_at(store, session, alone[3])
    assert again is not None and again.entry.id == saved.entry.id
    places = occurrences(store, saved.entry.id)
    token = article.document.tokens[alone[3]]
    assert [(p.start, p.surface) for p in places][-1] == (token.start, "كيري")
    assert len(list_entries(store)) == 1


def test_a_name_saved_in_one_text_is_its_surname_alone_in_another(
    article, morphology, store: Store
) -> None:
    first = save_at(store, _session(article), _first_of(article, PUTIN))
    assert first is not None and first.entry.name_words == ("بوتين",)
    putin = first.entry
    set_status(store, putin.id, Status.KNOWN)
    text = "قال بوتين إن روسيا مستعدة، وأكد لبوتين الوزير أن الحرب بعيدة."
    other = morphology.analyze_document(document_from_text(text, title="other"), vocalize=False)
    keys = ArticleKeys.of(other)
    session = _session(other)
    found = _entries(session, store)
    alone = _alone(other, "بوتين")
    assert len(alone) == 2
    for index in alone:
        entry = session.entry_at(index)
        assert entry is not None and entry.id == putin.id and entry.status is Status.KNOWN
    # Both count as known: their key's entry is the name's.
    known = [
        count
        for key, count in zip(keys.keys, keys.tokens_per_key, strict=False)
        if (entry := found.get(key)) is not None and entry.status is Status.KNOWN
    ]
    assert sum(known) == 2
    # Saved from this text, the surname is a place of the name's entry.
    plan = plan_save(session, alone[0])
    assert plan is not None and plan.key == PUTIN and plan.is_name
    saved = save_at(store, session, alone[0])
    assert saved is not None and saved.entry.id == putin.id
    assert saved.entry.dictionary_gloss == putin.dictionary_gloss
    assert len(occurrences(store, putin.id)) == 2
