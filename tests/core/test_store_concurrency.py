"""Two processes on one file, and a process killed mid-save (real processes, real SQLite)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from reader.store import (
    find_entry,
    get_entry,
    list_entries,
    open_store,
    remember_document,
    save_word,
)
from reader.system import paths

REPO = Path(__file__).resolve().parents[2]
SHARED_FINGERPRINT = "a" * 64
WORDS_EACH = 60

# Saves words as another running instance of the app would. argv: db path,
# prefix for its own words, offset of its occurrences of the shared word, how
# many words to save (0: until killed), and optionally SQLite's busy timeout in
# ms. Prints one line per committed save.
WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from reader.store import connection, open_store, remember_document, save_word

    path, prefix, base, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    if len(sys.argv) > 5:
        connection.BUSY_TIMEOUT_MS = int(sys.argv[5])
    store = open_store(path)
    doc, _ = remember_document(store, title="shared", fingerprint="a" * 64, text_length=10**6)
    print("ready", flush=True)
    sys.stdin.readline()  # wait for "go", so both processes write at the same time
    i = 0
    while count == 0 or i < count:
        save_word(store, lex=f"{prefix}{i}", pos="noun", lemma=f"{prefix}{i}",
                  dictionary_gloss="g" * 200, surface=f"{prefix}{i}", sentence="s" * 500,
                  document_id=doc.id, start=base + 2 * i, end=base + 2 * i + 1)
        save_word(store, lex="مشترك", pos="noun", lemma="مُشْتَرَك", surface="مشترك",
                  document_id=doc.id, start=base + 2 * i + 1, end=base + 2 * i + 2)
        print(i, flush=True)
        i += 1
    store.close()
    """
)


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "home"))
    open_store().close()  # migrate once, before any process starts writing
    return paths.vocabulary_db_path()


def _start_writer(
    db_path: Path, prefix: str, base: int, count: int, busy_ms: int | None = None
) -> subprocess.Popen[str]:
    extra = [str(busy_ms)] if busy_ms is not None else []
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path), prefix, str(base), str(count), *extra],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )
    assert process.stdout is not None
    ready = process.stdout.readline()
    assert ready == "ready\n", process.stderr.read() if process.stderr else ready
    return process


def test_two_processes_save_words_at_once(db_path: Path) -> None:
    other = _start_writer(db_path, "other", base=0, count=WORDS_EACH)
    with open_store(db_path) as store:
        doc, _ = remember_document(
            store, title="shared", fingerprint=SHARED_FINGERPRINT, text_length=10**6
        )
        assert other.stdin is not None
        other.stdin.write("go\n")
        other.stdin.flush()
        base = 100_000
        for i in range(WORDS_EACH):
            save_word(
                store,
                lex=f"mine{i}",
                pos="noun",
                lemma=f"mine{i}",
                surface="x",
                document_id=doc.id,
                start=base + 2 * i,
                end=base + 2 * i + 1,
            )
            save_word(
                store,
                lex="مشترك",
                pos="noun",
                lemma="مُشْتَرَك",
                surface="مشترك",
                document_id=doc.id,
                start=base + 2 * i + 1,
                end=base + 2 * i + 2,
            )
        _, errors = other.communicate(timeout=120)
        assert other.returncode == 0, errors

        everything = list_entries(store)
        assert len(everything) == 2 * WORDS_EACH + 1
        shared = find_entry(store, "مشترك", "noun")
        assert shared is not None and shared.occurrence_count == 2 * WORDS_EACH
        assert sum(e.occurrence_count for e in everything) == 4 * WORDS_EACH
        assert len({e.id for e in everything}) == len(everything)


def test_four_writers_taking_turns_are_never_refused_as_locked(db_path: Path) -> None:
    """Four processes saving at once, each waiting its turn at most BUSY_MS with nobody
    committing: SQLite's own busy handler, which polls rather than queues, refused about
    one save in six of these (one in thirty at a second) though each lock was held for
    milliseconds; a writer that sees others commit keeps its place in the line."""
    busy_ms, each = 500, 40
    writers = [
        _start_writer(db_path, f"w{n}_", base=n * 1000, count=each, busy_ms=busy_ms)
        for n in range(4)
    ]
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    refused = []
    for writer in writers:
        _, errors = writer.communicate(timeout=300)
        if writer.returncode != 0:
            refused.append(errors.strip().splitlines()[-1])
    assert refused == []
    with open_store(db_path) as store:
        assert len(list_entries(store)) == 4 * each + 1


def test_process_killed_mid_save_leaves_a_consistent_file(db_path: Path) -> None:
    writer = _start_writer(db_path, "killed", base=0, count=0)
    assert writer.stdin is not None and writer.stdout is not None
    writer.stdin.write("go\n")
    writer.stdin.flush()
    for _ in range(15):  # let it commit a few, then kill it wherever it is
        writer.stdout.readline()
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL

    with open_store(db_path) as store:  # recovers the WAL of the dead process
        entries = list_entries(store)
        assert len(entries) >= 15
        for entry in entries:
            # Every save wrote an entry together with its occurrence: never one alone.
            assert get_entry(store, entry.id).occurrence_count >= 1
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        orphans = connection.execute(
            "SELECT count(*) FROM vocabulary v WHERE NOT EXISTS "
            "(SELECT 1 FROM occurrences o WHERE o.entry_id = v.id)"
        ).fetchone()
    connection.close()
    assert orphans == (0,)


def test_one_store_shared_by_several_threads(db_path: Path) -> None:
    with open_store(db_path) as store:
        doc, _ = remember_document(store, title="t", fingerprint="threads")
        failures: list[BaseException] = []

        def save_many(prefix: str) -> None:
            try:
                for i in range(15):
                    save_word(
                        store,
                        lex=f"{prefix}{i}",
                        pos="noun",
                        lemma=f"{prefix}{i}",
                        surface="x",
                        document_id=doc.id,
                        start=i,
                        end=i + 1,
                    )
                    list_entries(store, search=prefix)
            except BaseException as exc:  # reported below, in the test's own thread
                failures.append(exc)

        threads = [threading.Thread(target=save_many, args=(p,)) for p in "abcd"]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        assert len(list_entries(store)) == 60
