"""lemminflect's look-up tables, read from a cache instead of parsed from its CSVs.

lemminflect parses its two gzipped CSVs (about 120,000 lines) line by line in
Python the first time a word is inflected or lemmatised: over a second of the
start before the first hover can be answered. The dictionaries it builds depend
only on those files, so the first start keeps them (``marshal``, in the app's
data directory, named by a hash of the two files, lemminflect's version and
this Python's); later starts hand lemminflect the same dictionaries read back,
exactly where its own lazy loaders would have put them. A cache that is
missing, unreadable or fails its checksum is ignored and written again.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from pathlib import Path
from typing import Any

from reader.system import paths
from reader.system.files import write_atomically

Tables = tuple[dict[str, Any], dict[str, Any]]  # (lemmas, inflections), as lemminflect's


def cache_path(lemma_file: str, inflection_file: str, version: str) -> Path:
    """Where the tables parsed from these files by this lemminflect and Python are kept."""
    digest = hashlib.sha256(f"{version}\n{sys.version}\n{marshal.version}\n".encode())
    for name in (lemma_file, inflection_file):
        digest.update(Path(name).read_bytes())
    return paths.data_dir() / "cache" / f"lemminflect-{digest.hexdigest()[:20]}.marshal"


def read_cache(path: Path) -> Tables | None:
    """The two tables, or None if the file is missing or not sound."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    checksum, _, payload = data.partition(b"\n")
    if checksum != hashlib.sha256(payload).hexdigest().encode():
        return None
    try:
        tables = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None
    if not (isinstance(tables, tuple) and len(tables) == 2):
        return None
    if not all(isinstance(table, dict) for table in tables):
        return None
    return tables


def write_cache(path: Path, tables: Tables) -> None:
    """Keep the tables; a read-only or full disk only costs the next start."""
    payload = marshal.dumps(tables)
    data = hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, lambda partial: partial.write_bytes(data))
    except OSError:
        pass


def load_tables() -> None:
    """Have lemminflect's look-up tables in memory, from the cache when it is sound."""
    import lemminflect
    from lemminflect import Inflections, Lemmatizer

    lemmatizer, inflections = Lemmatizer(), Inflections()
    if hasattr(lemmatizer, "lemma_dict") and hasattr(inflections, "infl_dict"):
        return
    try:
        path = cache_path(lemmatizer.lemma_lu_fn, inflections.infl_lu_fn, lemminflect.__version__)
    except OSError:  # its own files unreadable: its own loaders say so, where needed
        return
    tables = read_cache(path)
    if tables is None:
        # Kept as parsed, before any word is looked up in them.
        write_cache(path, (lemmatizer._getLemmaDict(), inflections._getInflDict()))
    else:
        lemmatizer.lemma_dict, inflections.infl_dict = tables
