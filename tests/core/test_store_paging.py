"""A long vocabulary read a page or a chunk at a time, sorted and filtered in SQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.store import Status, Store, open_store, set_notes, set_tags, set_user_gloss
from reader.store.lookup import EntryFilter, EntrySort, entries_page, iter_entries, list_entries
from tests.core.bulk_vocabulary import fill, lemma_of

COUNT = 1234


@pytest.fixture
def store(data_home: Path) -> Iterator[Store]:
    with open_store() as opened:
        fill(opened, COUNT)
        yield opened


def _all_pages(store: Store, size: int, **query) -> list:
    seen, offset = [], 0
    while True:
        page = entries_page(store, offset=offset, limit=size, **query)
        assert page.offset == offset
        seen.extend(page.entries)
        offset += size
        if offset >= page.total:
            return seen


def test_pages_cover_the_listing_once_in_the_order_of_the_whole(store: Store) -> None:
    whole = list_entries(store)
    assert len(whole) == COUNT
    paged = _all_pages(store, 100)
    assert [entry.id for entry in paged] == [entry.id for entry in whole]
    assert entries_page(store, limit=10).total == COUNT
    assert all(entry.occurrence_count == 1 for entry in paged)


@pytest.mark.parametrize("descending", [False, True])
def test_every_sort_orders_in_sql_as_the_table_shows(store: Store, descending: bool) -> None:
    set_user_gloss(store, 7, "Aardvark")  # the learner's gloss sorts, not the dictionary's
    set_tags(store, 8, ["aaa"])
    set_notes(store, 9, "zz note")
    keys = {
        EntrySort.LEMMA: lambda e: (_plain(e.lemma), e.lemma, e.id),
        EntrySort.GLOSS: lambda e: (e.gloss.casefold(), e.id),
        EntrySort.STATUS: lambda e: (list(Status).index(e.status), e.id),
        EntrySort.TAGS: lambda e: (min(e.tags) if e.tags else "", e.id),
        EntrySort.NOTES: lambda e: (e.notes.casefold(), e.id),
        EntrySort.SEEN: lambda e: (e.occurrence_count, e.id),
        EntrySort.ADDED: lambda e: (e.created_at, e.id),
    }
    everything = list_entries(store)
    for sort, key in keys.items():
        paged = _all_pages(store, 300, sort=sort, descending=descending)
        expected = sorted(everything, key=key, reverse=descending)
        assert [e.id for e in paged] == [e.id for e in expected], sort


def _plain(lemma: str) -> str:
    from reader.store import strip_diacritics

    return strip_diacritics(lemma)


def test_filters_narrow_the_page_and_its_count(store: Store) -> None:
    tenth = entries_page(store, EntryFilter(tag="tenth"), limit=50)
    assert tenth.total == len(range(0, COUNT, 10)) and len(tenth.entries) == 50
    assert all("tenth" in entry.tags for entry in tenth.entries)
    known = entries_page(store, EntryFilter(status="known"), limit=COUNT)
    assert known.total == len(known.entries) == len(range(2, COUNT, 4))
    word = lemma_of(321)
    found = entries_page(store, EntryFilter(search=_plain(word)))
    assert [entry.lemma for entry in found.entries] == [word] and found.total == 1
    english = entries_page(store, EntryFilter(search="word 1233"))
    assert [entry.dictionary_gloss for entry in english.entries] == ["word 1233"]


def test_iter_entries_streams_in_chunks_in_order(store: Store) -> None:
    streamed = iter_entries(store, EntryFilter(status=["new", "learning"]))
    first = next(streamed)
    rest = list(streamed)
    expected = list_entries(store, status=["new", "learning"])
    assert [first, *rest] == expected
    assert len(expected) == sum(1 for number in range(COUNT) if number % 4 in (0, 1))
    assert list(iter_entries(store, limit=3, offset=5)) == list_entries(store)[5:8]
