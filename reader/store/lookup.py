"""Looking words up: by id, by lemma, for a whole article, or by search and filters."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Row, Select, case, exists, func, or_, select
from sqlalchemy.orm import Session, selectinload

from reader.store.database import Store
from reader.store.listing import EntryFilter, EntryPage, EntrySort
from reader.store.models import Occurrence, Status, Tag, VocabularyEntry, entry_tags
from reader.store.records import NAME_POS, EntryRecord, LemmaKey, OccurrenceRecord, is_name_key
from reader.store.search import query_stems, search_form
from reader.store.vocabulary import (
    EntryOrder,
    _entry,
    _record,
    normalise_tag,
    occurrence_count,
)
from reader.text.arabic import strip_diacritics


def all_tags(store: Store) -> list[str]:
    """Every tag in use, alphabetically (for completion and the filter menu)."""
    with store.reading() as session:
        return list(session.scalars(select(Tag.name).order_by(Tag.name)))


def get_entry(store: Store, entry_id: int) -> EntryRecord:
    with store.reading() as session:
        return _record(session, _entry(session, entry_id))


def _entries_where_in(session: Session, column: Any, values: list[Any]) -> list[EntryRecord]:
    """The entries whose ``column`` is one of ``values``."""
    found: list[EntryRecord] = []
    # Chunked so that a long article stays under SQLite's bound-parameter limit.
    for first in range(0, len(values), 500):
        found.extend(_records_where(session, column.in_(values[first : first + 500])))
    return found


def _entry_columns() -> Select:
    """An entry's columns and its count, as plain rows: a listing of the whole
    vocabulary spent most of its time building ORM objects it threw away at once."""
    return select(VocabularyEntry.__table__, occurrence_count().label("occurrence_count"))


def _records_where(session: Session, condition: Any) -> list[EntryRecord]:
    """The entries meeting ``condition``, with their counts and tags, in two queries."""
    return _with_tags(session, session.execute(_entry_columns().where(condition)).all())


def _with_tags(session: Session, rows: Sequence[Row[Any]]) -> list[EntryRecord]:
    """Records of :func:`_entry_columns` rows, their tags read in one query."""
    tags: dict[int, list[str]] = defaultdict(list)
    named = (
        select(entry_tags.c.entry_id, Tag.name)
        .join(Tag, Tag.id == entry_tags.c.tag_id)
        .where(entry_tags.c.entry_id.in_([row.id for row in rows]))
        .order_by(Tag.name)
    )
    for entry_id, name in session.execute(named):
        tags[entry_id].append(name)
    return [EntryRecord.of(row, row.occurrence_count, tags[row.id]) for row in rows]


def entries_by_id(store: Store, entry_ids: Iterable[int]) -> dict[int, EntryRecord]:
    """The entries among ``entry_ids`` that still exist, in one pass (a deleted one is absent)."""
    with store.reading() as session:
        found = _entries_where_in(session, VocabularyEntry.id, sorted(set(entry_ids)))
    return {entry.id: entry for entry in found}


def find_entry(store: Store, lex: str, pos: str) -> EntryRecord | None:
    """The entry saved under exactly this key (never a name it may stand for)."""
    found = entries_for_lemmas(store, [(lex, pos)], names=False)
    return found.get((lex, pos))


def entries_for_lemmas(
    store: Store, keys: Iterable[LemmaKey], *, names: bool = True
) -> dict[LemmaKey, EntryRecord]:
    """The saved entries among ``keys``, in one snapshot: for marking a whole article.

    With ``names``, a single word's proper-noun key that has no entry of its own
    is answered with the saved name of several words it stands for (بوتين:
    فلاديمير بوتين, saved in another text), where exactly one saved name lists
    the word among its ``name_words``; a word two saved names share stands for
    neither. The record is then the name's, under the word's key.
    """
    wanted = set(keys)
    lexes = sorted({lex for lex, _pos in wanted})
    with store.reading() as session:
        found = _entries_where_in(session, VocabularyEntry.lex, lexes)
        entries = {entry.key: entry for entry in found if entry.key in wanted}
        if names:
            single = [k for k in wanted - entries.keys() if k[1] == NAME_POS and not is_name_key(k)]
            entries.update(_names_standing_for(session, single))
    return entries


def _names_standing_for(session: Session, keys: list[LemmaKey]) -> dict[LemmaKey, EntryRecord]:
    """The saved name each proper noun of ``keys`` stands for alone, where one does."""
    keys_of_word: dict[str, list[LemmaKey]] = defaultdict(list)
    for key in keys:
        keys_of_word[search_form(key[0])].append(key)
    if not keys_of_word:
        return {}
    claims: dict[str, list[EntryRecord]] = defaultdict(list)
    # The saved names with such words are few: all read, through their index.
    for name in _records_where(session, VocabularyEntry.name_words > ""):
        for word in name.name_words:
            if word in keys_of_word:
                claims[word].append(name)
    return {
        key: names[0]
        for word, names in claims.items()
        if len(names) == 1
        for key in keys_of_word[word]
    }


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _conditions(filters: EntryFilter) -> list[Any]:
    """The SQL conditions on ``VocabularyEntry`` that ``filters`` make."""
    conditions: list[Any] = []
    search = (filters.search or "").strip()
    if search:
        # Arabic as learners type it (reader.store.search): letters folded, and
        # the query without its clitics compared with whole lemmas.
        folded = search_form(search)
        inside = _like(folded)
        words = _like(search)
        seen_as = exists().where(
            Occurrence.entry_id == VocabularyEntry.id,
            Occurrence.surface_search.like(inside, escape="\\"),
        )
        stems = sorted(query_stems(folded))
        conditions.append(
            or_(
                VocabularyEntry.lemma_search.like(inside, escape="\\"),
                *([VocabularyEntry.lemma_search.in_(stems)] if stems else []),
                seen_as,
                VocabularyEntry.dictionary_gloss.like(words, escape="\\"),
                VocabularyEntry.user_gloss.like(words, escape="\\"),
                VocabularyEntry.notes.like(words, escape="\\"),
            )
        )
    if filters.status is not None:
        statuses = [filters.status] if isinstance(filters.status, str) else list(filters.status)
        conditions.append(VocabularyEntry.status.in_([Status(s).value for s in statuses]))
    if filters.tag is not None:
        conditions.append(
            exists().where(
                entry_tags.c.entry_id == VocabularyEntry.id,
                entry_tags.c.tag_id == Tag.id,
                Tag.name == normalise_tag(filters.tag),
            )
        )
    if filters.document_id is not None:
        conditions.append(
            exists().where(
                Occurrence.entry_id == VocabularyEntry.id,
                Occurrence.document_id == filters.document_id,
            )
        )
    if filters.root:
        radicals = strip_diacritics(filters.root).replace(".", "").replace(" ", "")
        conditions.append(func.replace(VocabularyEntry.root, ".", "") == radicals)
    return conditions


def _sort_keys(sort: EntrySort) -> list[Any]:
    if sort is EntrySort.LEMMA:
        return [VocabularyEntry.lemma_plain, VocabularyEntry.lemma]
    if sort is EntrySort.GLOSS:
        shown = func.coalesce(
            func.nullif(VocabularyEntry.user_gloss, ""), VocabularyEntry.dictionary_gloss
        )
        return [shown.collate("NOCASE")]
    if sort is EntrySort.STATUS:
        return [
            case({s.value: rank for rank, s in enumerate(Status)}, value=VocabularyEntry.status)
        ]
    if sort is EntrySort.ROOT:
        return [VocabularyEntry.root, VocabularyEntry.lemma_plain]
    if sort is EntrySort.TAGS:
        first_tag = (
            select(func.min(Tag.name))
            .join(entry_tags, entry_tags.c.tag_id == Tag.id)
            .where(entry_tags.c.entry_id == VocabularyEntry.id)
            .scalar_subquery()
        )
        return [first_tag]
    if sort is EntrySort.NOTES:
        return [VocabularyEntry.notes.collate("NOCASE")]
    if sort is EntrySort.SEEN:
        return [occurrence_count()]
    if sort is EntrySort.ADDED:
        return [VocabularyEntry.created_at]
    return [VocabularyEntry.updated_at]


def _ordered(stmt: Select, filters: EntryFilter, sort: EntrySort, descending: bool) -> Select:
    keys = [*_sort_keys(sort), VocabularyEntry.id]
    return stmt.where(*_conditions(filters)).order_by(
        *(k.desc() if descending else k for k in keys)
    )


def _order_of(order_by: EntryOrder | str) -> tuple[EntrySort, bool]:
    order = EntryOrder(order_by)
    if order is EntryOrder.LEMMA:
        return EntrySort.LEMMA, False
    if order is EntryOrder.RECENTLY_UPDATED:
        return EntrySort.UPDATED, True
    return EntrySort.ADDED, True


def _records_in_order(session: Session, ids: list[int]) -> list[EntryRecord]:
    found = {entry.id: entry for entry in _records_where(session, VocabularyEntry.id.in_(ids))}
    return [found[entry_id] for entry_id in ids if entry_id in found]


def list_entries(
    store: Store,
    *,
    search: str | None = None,
    status: Status | str | Iterable[Status | str] | None = None,
    tag: str | None = None,
    document_id: int | None = None,
    root: str | None = None,
    order_by: EntryOrder | str = EntryOrder.LEMMA,
    limit: int | None = None,
    offset: int = 0,
) -> list[EntryRecord]:
    """Entries matching every given filter.

    ``search`` matches the lemma or any seen form as learners type Arabic (with
    or without vowels, any alef form, ه for ة, ي for ى, with the article and
    other clitics: :mod:`reader.store.search`), and the glosses and notes
    (case-insensitively for English). ``root`` may be
    written with or without the dots camel-tools puts between radicals.
    For a long vocabulary, :func:`iter_entries` or :func:`entries_page`.
    """
    filters = EntryFilter(search, status, tag, document_id, root)
    return list(iter_entries(store, filters, order_by=order_by, limit=limit, offset=offset))


def iter_entries(
    store: Store,
    filters: EntryFilter = EntryFilter(),  # noqa: B008 (frozen)
    *,
    order_by: EntryOrder | str = EntryOrder.LEMMA,
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[EntryRecord]:
    """The entries of :func:`list_entries` one by one, read a chunk at a time in one
    snapshot: memory stays the same however many words were saved."""
    sort, descending = _order_of(order_by)
    with store.reading() as session:
        for chunk in entry_chunks(
            session, filters, sort=sort, descending=descending, limit=limit, offset=offset
        ):
            yield from chunk


def entry_chunks(
    session: Session,
    filters: EntryFilter,
    *,
    sort: EntrySort = EntrySort.LEMMA,
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
    chunk: int = 500,
) -> Iterator[list[EntryRecord]]:
    """The matching entries in order, ``chunk`` at a time, inside the caller's snapshot.

    One query streamed from SQLite (``yield_per``), each chunk's tags in one
    more: nothing holds the whole vocabulary.
    """
    rows = _ordered(_entry_columns(), filters, sort, descending).offset(offset)
    if limit is not None:
        rows = rows.limit(limit)
    for part in session.execute(rows.execution_options(yield_per=chunk)).partitions():
        yield _with_tags(session, part)


def entries_page(
    store: Store,
    filters: EntryFilter = EntryFilter(),  # noqa: B008 (frozen)
    *,
    sort: EntrySort | str = EntrySort.LEMMA,
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> EntryPage:
    """One page of the matching entries, sorted and filtered in SQL, and their count,
    in one snapshot: what a view of a long vocabulary shows without reading it all."""
    # The ids first, then their rows: SQLite sorts narrow rows, and counts and
    # reads only the page's entries, not every one it had to sort.
    ids = select(VocabularyEntry.id)
    ordered = _ordered(ids, filters, EntrySort(sort), descending).offset(offset).limit(limit)
    with store.reading() as session:
        total = session.scalar(
            select(func.count()).select_from(VocabularyEntry).where(*_conditions(filters))
        )
        ids = list(session.scalars(ordered))
        return EntryPage(tuple(_records_in_order(session, ids)), total or 0, offset)


def occurrences(store: Store, entry_id: int) -> list[OccurrenceRecord]:
    """Where the word was met, oldest first."""
    return _occurrences(
        store, Occurrence.entry_id == entry_id, (Occurrence.created_at, Occurrence.id)
    )


def saved_readings(store: Store, document_id: int) -> dict[int, LemmaKey]:
    """Where words of one document were saved, and as which lemma: start offset -> (lex, pos).

    One query, however many words were saved: the window restores from it the
    reading each word was saved in. Where the same place was saved under two
    lemmas (the learner changed the reading and saved again), the later save wins.
    """
    with store.reading() as session:
        rows = session.execute(
            select(Occurrence.start, VocabularyEntry.lex, VocabularyEntry.pos)
            .join(VocabularyEntry, Occurrence.entry_id == VocabularyEntry.id)
            .where(Occurrence.document_id == document_id)
            .order_by(Occurrence.start, Occurrence.id)
        )
        return {start: (lex, pos) for start, lex, pos in rows}


def occurrences_in_document(store: Store, document_id: int) -> list[OccurrenceRecord]:
    """Every saved occurrence in one document, in text order (to mark them)."""
    return _occurrences(
        store, Occurrence.document_id == document_id, (Occurrence.start, Occurrence.id)
    )


def _occurrences(store: Store, where: Any, order: tuple[Any, ...]) -> list[OccurrenceRecord]:
    with store.reading() as session:
        rows = session.scalars(
            select(Occurrence)
            .where(where)
            .options(selectinload(Occurrence.document))
            .order_by(*order)
        )
        return [OccurrenceRecord.of(row) for row in rows]
