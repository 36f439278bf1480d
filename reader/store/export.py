"""Exports of the vocabulary: CSV for spreadsheets, TSV and .apkg for Anki.

Every export is all-or-nothing and goes only where it may: see
:mod:`reader.store.targets` (a symlink is written through; a pipe, a device or
a folder, and the app's own files, are refused; a failure leaves any previous
export intact and no half-written file behind).
"""

from __future__ import annotations

import csv
import html
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import genanki
from sqlalchemy import select

from reader.morphology.citation import romanize_lemma
from reader.morphology.roots.radicals import RootOf, lemma_root
from reader.store.clause import bold, clause_html, surface_span
from reader.store.database import Store
from reader.store.errors import ExportError
from reader.store.lookup import EntryFilter, entry_chunks
from reader.store.models import Document, Occurrence, Status
from reader.store.records import EntryRecord, OccurrenceRecord
from reader.store.targets import write_user_file
from reader.store.vocabulary import normalise_tag
from reader.text.arabic import strip_diacritics

# Fixed: Anki recognises our note type and deck by these ids, so a re-import
# updates the learner's cards instead of creating a second note type. A note
# type's fields are part of it: adding one takes a new id and name (Anki would
# otherwise refuse or mangle the import); 1_738_204_517 was the note type of
# eight fields, before Sentence. The deck and the notes' guids never change.
ANKI_MODEL_ID = 1_738_204_518
ANKI_MODEL_NAME = "Arabic Reader word (clause and sentence)"
ANKI_DECK_ID = 1_738_204_593
# New fields go at the end: a learner's cards and mappings keep their order.
ANKI_FIELDS = (
    "Word",
    "Context",
    "Gloss",
    "Lemma",
    "Root",
    "PartOfSpeech",
    "Notes",
    "Romanized",
    "Sentence",
)
ARABIC_FIELDS = ("Word", "Context", "Lemma", "Root", "Sentence")
CSV_COLUMNS = (
    "lemma",
    "form seen",
    "gloss",
    "part of speech",
    "root",
    "status",
    "tags",
    "notes",
    "context sentence",
    "document",
    "romanized",
)
# Ignored words are names and noise the learner chose not to study.
DEFAULT_STATUSES = frozenset({Status.NEW, Status.LEARNING, Status.KNOWN})

WASLA, ALEF = "\u0671", "\u0627"
# C0 and C1 controls and DEL, but not tab, line feed and carriage return.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# A spreadsheet evaluates a cell starting with these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ARABIC_FONTS = '"Amiri", "Noto Naskh Arabic", "Scheherazade New", "Traditional Arabic", serif'

_CARD_CSS = f"""\
.card {{ font-family: system-ui, sans-serif; font-size: 20px; text-align: center; }}
.arabic {{ font-family: {_ARABIC_FONTS}; direction: rtl; unicode-bidi: isolate; }}
.word {{ font-size: 2.6em; margin: 0.3em 0; }}
.context {{ font-size: 1.5em; line-height: 1.9; color: #444; }}
.context b, .sentence b {{ color: #000; background: #fff3b0; }}
.sentence {{ font-size: 1.1em; line-height: 1.8; color: #555; margin-top: 0.6em; }}
.gloss {{ font-size: 1.3em; margin: 0.6em 0; }}
.details {{ color: #666; }}
.romanized {{ font-style: italic; }}
.notes {{ margin-top: 0.8em; font-style: italic; }}
"""
_FRONT = """\
<div class="arabic word" dir="rtl" lang="ar">{{Word}}</div>
<div class="arabic context" dir="rtl" lang="ar">{{Context}}</div>
"""
_BACK = """\
{{FrontSide}}
<hr id="answer">
<div class="gloss">{{Gloss}}</div>
{{#Romanized}}<div class="romanized">{{Romanized}}</div>{{/Romanized}}
<div class="details"><span class="arabic" dir="rtl" lang="ar">{{Lemma}}</span>
 · <span class="arabic" dir="rtl" lang="ar">{{Root}}</span> · {{PartOfSpeech}}</div>
{{#Notes}}<div class="notes">{{Notes}}</div>{{/Notes}}
{{#Sentence}}<div class="arabic sentence" dir="rtl" lang="ar">{{Sentence}}</div>{{/Sentence}}
"""

ANKI_MODEL = genanki.Model(
    ANKI_MODEL_ID,
    ANKI_MODEL_NAME,
    fields=[{"name": name, "rtl": name in ARABIC_FIELDS} for name in ANKI_FIELDS],
    templates=[{"name": "Reading", "qfmt": _FRONT, "afmt": _BACK}],
    css=_CARD_CSS,
)


@dataclass(frozen=True)
class Shown:
    """How the exports write what is computed, not stored: the learner's romanization
    scheme, and how a root is read (``RootIndex.root_of`` when the database is loaded)."""

    scheme: str = "din"
    root_of: RootOf = lemma_root

    def root(self, entry: EntryRecord) -> str:
        return self.root_of(entry.root, entry.lex, entry.pos).display

    def romanized(self, entry: EntryRecord) -> str:
        return romanize_lemma(entry.lemma, entry.pos, scheme=self.scheme)


@dataclass(frozen=True)
class ExportRow:
    """An entry with the occurrence that represents it: the most recent one."""

    entry: EntryRecord
    occurrence: OccurrenceRecord | None


def export_rows(
    store: Store, statuses: Iterable[Status | str] | None = None
) -> Iterator[ExportRow]:
    """What the exports write, alphabetically, read a chunk at a time in one snapshot:
    memory stays the same however many words were saved."""
    wanted = [Status(s).value for s in (DEFAULT_STATUSES if statuses is None else statuses)]
    with store.reading() as session:
        for entries in entry_chunks(session, EntryFilter(status=wanted)):
            latest: dict[int, OccurrenceRecord] = {}
            for occurrence in session.execute(
                select(Occurrence.__table__, Document.title)
                .join(Document, Document.id == Occurrence.document_id)
                .where(Occurrence.entry_id.in_([entry.id for entry in entries]))
                .order_by(Occurrence.created_at, Occurrence.id)
            ):
                latest[occurrence.entry_id] = OccurrenceRecord.of(occurrence, occurrence.title)
            for entry in entries:
                yield ExportRow(entry, latest.get(entry.id))


def export_text(text: str) -> str:
    """A field as every export writes it: control characters become spaces.

    Anki separates a note's fields with U+001F, so one inside a gloss or a note
    would split it into more fields than the note type has and shift the rest;
    other control characters are invisible at best. Tab and line breaks stay:
    each format writes them its own way.
    """
    return _CONTROL.sub(" ", text)


def neutralise_formula(cell: str) -> str:
    """Make a cell inert for spreadsheets (CSV formula injection): prefix a quote."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def highlight(sentence: str, surface: str) -> str:
    """The sentence as HTML with the first appearance of ``surface`` in <b>, with or
    without vowels (:func:`reader.store.clause.surface_span`); unfound: escaped."""
    return bold(sentence, surface_span(sentence, surface))


def _write_export(target: Path, write: Callable[[Path], None], *, database: Path) -> None:
    write_user_file(
        target,
        write,
        database=database,
        advice="choose another file for the export",
        failure="The export to",
        error=ExportError,
    )


def _write_table(
    handle: TextIO, header: Iterable[str] | None, rows: Iterable[list[str]], delimiter: str
) -> None:
    writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
    if header is not None:
        writer.writerow(header)
    writer.writerows(rows)


def _csv_cells(row: ExportRow, shown: Shown) -> list[str]:
    entry, seen = row.entry, row.occurrence
    cells = [
        entry.lemma,
        seen.surface if seen else "",
        entry.gloss,
        entry.pos_label or entry.pos,
        shown.root(entry),
        entry.status.value,
        " ".join(_export_tags(entry)),
        entry.notes,
        seen.sentence if seen else "",
        seen.document_title if seen else "",
        shown.romanized(entry),
    ]
    return [neutralise_formula(export_text(cell)) for cell in cells]


def export_csv(
    store: Store,
    path: Path,
    *,
    statuses: Iterable[Status | str] | None = None,
    delimiter: str = ",",
    scheme: str = "din",
    root_of: RootOf = lemma_root,
) -> int:
    """A spreadsheet of the vocabulary, one row per word; returns the row count.

    UTF-8 with a byte-order mark, which spreadsheet programs need to show Arabic.
    ``statuses`` defaults to every status except ignored; ``scheme`` is the
    romanization of the last column (the ``romanization`` setting), ``root_of``
    how roots are read (``Morphology.roots.root_of`` also reads the lemma's stems).
    """
    shown = Shown(scheme, root_of)
    written = _Counted()

    def write(partial: Path) -> None:
        with partial.open("w", encoding="utf-8-sig", newline="") as handle:
            rows = written.rows(export_rows(store, statuses))
            _write_table(handle, CSV_COLUMNS, (_csv_cells(row, shown) for row in rows), delimiter)

    _write_export(path, write, database=store.path)
    return written.count


def _html_text(text: str) -> str:
    return html.escape(text).replace("\r\n", "<br>").replace("\n", "<br>").replace("\t", " ")


def _export_tags(entry: EntryRecord) -> list[str]:
    # A control character made a space stays inside its one tag.
    return [normalise_tag(export_text(tag)) for tag in entry.tags]


def _one_line(text: str) -> str:
    return text.replace("\n", " ").replace("\t", " ")


def card_word(entry: EntryRecord, seen: OccurrenceRecord | None) -> str:
    """A card's Word: the lemma with its vowels; where the dictionary gives the lemma
    none (كان, قال: its hollow verbs), the word as the learner saw it said when
    saving it (يَكُن), else the lemma as it is."""
    lemma = without_wasla(entry.lemma)
    if seen is not None and seen.vocalised and strip_diacritics(lemma) == lemma:
        return without_wasla(seen.vocalised)
    return lemma


def without_wasla(text: str) -> str:
    """A plain alef for the alef wasla (ٱِسْتِقْبال → اِسْتِقْبال), as the pane writes a
    lemma: every field a learner reads spells the alef alike."""
    return text.replace(WASLA, ALEF)


def _anki_fields(row: ExportRow, shown: Shown) -> list[str]:
    entry, seen = row.entry, row.occurrence
    sentence = without_wasla(seen.sentence) if seen else ""
    surface = without_wasla(seen.surface) if seen else ""
    fields = [
        html.escape(card_word(entry, seen)),
        _one_line(clause_html(sentence, surface)) if seen else "",
        _html_text(entry.gloss),
        html.escape(without_wasla(entry.lemma)),  # the pane's lemma (the lex has ٱ)
        html.escape(shown.root(entry)),
        html.escape(entry.pos_label or entry.pos),
        _html_text(entry.notes),
        html.escape(shown.romanized(entry)),
        _one_line(highlight(sentence, surface)) if seen else "",
    ]
    return [export_text(field) for field in fields]


def export_tsv(
    store: Store,
    path: Path,
    *,
    statuses: Iterable[Status | str] | None = None,
    scheme: str = "din",
    root_of: RootOf = lemma_root,
) -> int:
    """A tab-separated file for Anki's text import (File > Import); returns the row count.

    Starts with Anki's header lines, so Anki knows the separator, that fields
    are HTML, and which column holds the tags. Columns follow ``ANKI_FIELDS``
    plus Tags, so they map onto the note type of :func:`export_apkg`. ``scheme``
    and ``root_of`` as for :func:`export_csv`.
    """
    shown = Shown(scheme, root_of)
    written = _Counted()
    header = [
        "#separator:tab",
        "#html:true",
        f"#tags column:{len(ANKI_FIELDS) + 1}",
        "#columns:" + "\t".join([*ANKI_FIELDS, "Tags"]),
    ]

    def write(partial: Path) -> None:
        with partial.open("w", encoding="utf-8", newline="") as handle:
            handle.write("\n".join(header) + "\n")
            rows = written.rows(export_rows(store, statuses))
            lines = ([*_anki_fields(row, shown), " ".join(_export_tags(row.entry))] for row in rows)
            _write_table(handle, None, lines, "\t")

    _write_export(path, write, database=store.path)
    return written.count


def anki_guid(lex: str, pos: str) -> str:
    """The note id Anki sees for a word: stable, so re-exports update, not duplicate."""
    return genanki.guid_for(lex, pos)


def export_apkg(
    store: Store,
    path: Path,
    *,
    statuses: Iterable[Status | str] | None = None,
    deck_name: str = "Arabic Reader",
    scheme: str = "din",
    root_of: RootOf = lemma_root,
) -> int:
    """An Anki package (.apkg) with one note per word; returns the note count.

    ``scheme`` and ``root_of`` as for :func:`export_csv`.
    """
    shown = Shown(scheme, root_of)
    written = _Counted()

    def notes() -> Iterator[genanki.Note]:
        for row in written.rows(export_rows(store, statuses)):
            yield genanki.Note(
                model=ANKI_MODEL,
                fields=_anki_fields(row, shown),
                guid=anki_guid(row.entry.lex, row.entry.pos),
                tags=_export_tags(row.entry),
            )

    def write(partial: Path) -> None:
        genanki.Package(_StreamedDeck(ANKI_DECK_ID, deck_name, notes())).write_to_file(str(partial))

    _write_export(path, write, database=store.path)
    return written.count


class _StreamedDeck(genanki.Deck):
    """A deck whose notes are written as they are read, never all held at once.

    genanki's deck walks its note list twice (once for the note types, once to
    write); ours has one note type, declared up front, and the notes are written
    after genanki has written the deck and that type.
    """

    def __init__(self, deck_id: int, name: str, notes: Iterable[genanki.Note]) -> None:
        super().__init__(deck_id, name)
        self.add_model(ANKI_MODEL)
        self._stream = notes

    def write_to_db(self, cursor: Any, timestamp: float, id_gen: Any) -> None:
        super().write_to_db(cursor, timestamp, id_gen)
        for note in self._stream:
            note.write_to_db(cursor, timestamp, self.deck_id, id_gen)


class _Counted:
    """Counts the rows an export wrote as they stream past (the count it returns)."""

    def __init__(self) -> None:
        self.count = 0

    def rows(self, rows: Iterable[ExportRow]) -> Iterator[ExportRow]:
        self.count = 0  # a retried write counts afresh
        for row in rows:
            self.count += 1
            yield row
