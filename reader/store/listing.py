"""What a listing of the vocabulary asks for and gets: filters, an order, a page.

Defined apart, without SQLAlchemy (as :mod:`reader.store.status`): the window
builds these before the store is open; :mod:`reader.store.lookup` turns them
into SQL.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from reader.store.records import EntryRecord
from reader.store.status import Status


class EntrySort(StrEnum):
    """What the vocabulary can be ordered by, each ending on the id so pages never overlap."""

    LEMMA = "lemma"  # alphabetical, ignoring vowels
    GLOSS = "gloss"
    STATUS = "status"
    ROOT = "root"
    TAGS = "tags"
    NOTES = "notes"
    SEEN = "seen"
    ADDED = "created"
    UPDATED = "updated"


@dataclass(frozen=True)
class EntryFilter:
    """The filters of a listing; each one given narrows it (as for ``list_entries``)."""

    search: str | None = None
    status: Status | str | Iterable[Status | str] | None = None
    tag: str | None = None
    document_id: int | None = None
    root: str | None = None


@dataclass(frozen=True)
class EntryPage:
    """A page of a listing, with how many entries the whole listing holds."""

    entries: tuple[EntryRecord, ...]
    total: int
    offset: int
