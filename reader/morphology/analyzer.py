"""The analyzer a learner talks to: every Arabic word gets ranked, glossed readings."""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.morphology.build import build_analysis, dediacritize, proper_name_guesses
from reader.morphology.database import (
    DatabaseLocation,
    MorphologyDataError,
    locate_database,
    with_remedy,
)
from reader.morphology.loader import load_database
from reader.morphology.ranking import Context, context_after, never_seen, rank
from reader.morphology.records import Analysis

if TYPE_CHECKING:
    from reader.text import Document, Token

ProgressCallback = Callable[[int, int], None]


class AnalysisCancelled(Exception):
    pass


class Morphology:
    """camel-tools' analyzer over a loaded database, with ranking and a cache.

    The cache is keyed by surface form and context (there are only a handful of
    contexts), so a long document costs about one camel-tools analysis per
    distinct word. Safe to call from several threads: the worst a race does is
    compute one entry twice.
    """

    def __init__(self, database: Any, location: DatabaseLocation | None = None) -> None:
        from camel_tools.morphology.analyzer import Analyzer

        self.location = location
        self._analyzer = Analyzer(database)
        # ADD_PROP: the proper-noun readings even of words the lexicon knows,
        # for words like كيري whose only lexicon readings are far-fetched.
        self._guesser = Analyzer(database, backoff="ADD_PROP")
        self._cache: dict[tuple[str, Context, bool], tuple[Analysis, ...]] = {}
        self._raw_cache: dict[str, tuple[list[dict[str, Any]], dict[int, Analysis]]] = {}
        self._surname_cache: dict[str, frozenset[str]] = {}
        self._lock = threading.Lock()

    @classmethod
    def load(
        cls, path: str | os.PathLike[str] | None = None, *, setting: str | None = None
    ) -> Morphology:
        """Load the database at ``path``, or the one :func:`locate_database` finds."""
        if path is None:
            location = locate_database(setting)
            if location is None:
                raise MorphologyDataError(
                    "No morphology database is installed; run `arabic-reader data install`."
                )
            try:
                return cls(load_database(location.path), location)
            except MorphologyDataError as error:
                raise type(error)(with_remedy(error, location)) from error
        location = DatabaseLocation(Path(path), "setting", None)
        return cls(load_database(location.path), location)

    def clear_cache(self) -> None:
        with self._lock:
            self._cache.clear()
            self._raw_cache.clear()
            self._surname_cache.clear()

    @property
    def cache_size(self) -> int:
        return len(self._cache)

    def analyze_word(
        self, word: str, context: Context = Context.NONE, *, ranked: bool = True
    ) -> tuple[Analysis, ...]:
        """Readings of one Arabic word, best first; never empty for an Arabic word."""
        key = (word, context, ranked)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        result = self._analyze_uncached(word, context, ranked)
        self._cache[key] = result
        return result

    def _raw_analyses(self, lookup: str) -> tuple[list[dict[str, Any]], dict[int, Analysis]]:
        """camel-tools' analyses of a surface form, and the records built so far.

        Cached apart from ranking: a word met in several contexts is analysed
        once, then only re-ranked; a record is built only for a reading that
        leads its group of case variants in some context.
        """
        found = self._raw_cache.get(lookup)
        if found is None:
            found = (self._analyzer.analyze(lookup), {})
            self._raw_cache[lookup] = found
        return found

    def _analyze_uncached(self, word: str, context: Context, ranked: bool) -> tuple[Analysis, ...]:
        lookup = word.replace("\u0640", "").strip()
        if not lookup:
            return ()
        raw, built = self._raw_analyses(lookup)
        if not raw:
            return self._name_guesses(lookup)
        readings: list[Analysis] = []
        for features, score, variants in rank(raw, context, ranked=ranked, surface=lookup):
            record = built.get(id(features))
            if record is None:
                record = built[id(features)] = build_analysis(features)
            readings.append(
                dataclasses.replace(record, score=round(score, 3), case_variants=variants)
            )
        if ranked and never_seen(raw):
            name = self._name_guesses(lookup)[:1]
            if context is Context.AFTER_NAME:
                return (*name, *readings)
            return (*readings, *name)
        return tuple(readings)

    def _name_guesses(self, lookup: str) -> tuple[Analysis, ...]:
        backoff = [f for f in self._guesser.analyze(lookup) if f.get("source") == "backoff"]
        return proper_name_guesses(lookup, backoff)

    def surnames(self, document: Document) -> frozenset[str]:
        """Words read as a surname somewhere in the document (right after a name).

        One sense per discourse: كيري after جون is the name Kerry, and so is
        every other كيري of the same article.
        """
        found = self._surname_cache.get(document.fingerprint)
        if found is None:
            names = {
                token.lookup
                for token in document.arabic_tokens()
                if self.context_of(document, token) is Context.AFTER_NAME
                and never_seen(self._raw_analyses(token.lookup)[0])
            }
            found = self._surname_cache[document.fingerprint] = frozenset(names)
        return found

    def context_of(self, document: Document, token: Token) -> Context:
        """The grammatical context of a token: what the word before it says."""
        if token.index == 0:
            return Context.NONE
        previous = document.tokens[token.index - 1]
        if previous.sentence != token.sentence or previous.kind != token.kind:
            return Context.NONE
        best = self.analyze_word(previous.lookup)
        return context_after(dediacritize(previous.lookup), best[0] if best else None)

    def analyze_token(
        self, document: Document, token: Token, *, ranked: bool = True
    ) -> tuple[Analysis, ...]:
        if token.kind != "arabic":
            return ()
        context = Context.NONE
        if ranked:
            context = self.context_of(document, token)
            # Known once the whole document has been analysed; a single word looked
            # up before then (a hover while the analysis runs) must not wait for it.
            names = self._surname_cache.get(document.fingerprint, frozenset())
            if token.lookup in names:
                context = Context.AFTER_NAME
        return self.analyze_word(token.lookup, context, ranked=ranked)

    def analyze_document(
        self,
        document: Document,
        *,
        progress: ProgressCallback | None = None,
        cancelled: Callable[[], bool] | None = None,
        ranked: bool = True,
    ) -> DocumentAnalysis:
        """Readings for every token (empty for non-Arabic ones), in text order."""
        readings: list[tuple[Analysis, ...]] = []
        total = len(document.tokens)
        if ranked:
            self.surnames(document)
        for token in document.tokens:
            if token.index % 256 == 0:
                if cancelled is not None and cancelled():
                    raise AnalysisCancelled()
                if progress is not None:
                    progress(token.index, total)
            readings.append(self.analyze_token(document, token, ranked=ranked))
        if progress is not None:
            progress(total, total)
        return DocumentAnalysis(document, tuple(readings))


@dataclass(frozen=True)
class DocumentAnalysis:
    document: Document
    readings: tuple[tuple[Analysis, ...], ...]

    def best(self, token_index: int) -> Analysis | None:
        found = self.readings[token_index]
        return found[0] if found else None

    def arabic_words(self) -> Sequence[int]:
        return [t.index for t in self.document.tokens if t.kind == "arabic"]

    def coverage(self) -> tuple[int, int]:
        """(words with a lexicon reading among their readings, Arabic words)."""
        words = self.arabic_words()
        known = sum(1 for i in words if any(not r.is_guess for r in self.readings[i]))
        return known, len(words)
