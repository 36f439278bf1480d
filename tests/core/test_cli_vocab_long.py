"""``vocab list`` over more words than one chunk: streamed, yet whole and aligned."""

from __future__ import annotations

import json
from pathlib import Path

from reader.cli.support import display_width
from reader.store import list_entries, open_store, save_word
from reader.system import paths
from tests.core.bulk_vocabulary import fill
from tests.core.cli_runs import run_main

COUNT = 1203  # two chunks and a part


def test_a_long_listing_is_whole_in_order_and_aligned(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path))
    with open_store() as store:
        fill(store, COUNT - 1)
        # Longer than every other word and last in order: in the last chunk read,
        # it must still widen the first column of the first lines written.
        save_word(store, lex="يييييييييييي", pos="noun", lemma="يييييييييييي")
        entries = list_entries(store)
    listing = run_main("vocab", "list", "--json", home=tmp_path)
    assert listing.returncode == 0
    assert [entry["id"] for entry in json.loads(listing.stdout)] == [e.id for e in entries]
    table = run_main("vocab", "list", home=tmp_path)
    lines = table.stdout.splitlines()
    assert lines[-1] == f"{COUNT} words."
    rows = lines[1 : COUNT + 1]
    assert [row.split()[0] for row in rows] == [entry.lemma for entry in entries]
    # The status column starts at one place on every line, the longest word's included.
    starts = {
        display_width(row[: row.index(entry.status.value, len(entry.lemma))])
        for row, entry in zip(rows, entries, strict=True)
    }
    assert len(starts) == 1
