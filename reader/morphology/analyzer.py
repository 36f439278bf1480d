"""The analyzer a learner talks to: every Arabic word gets ranked, glossed readings."""

from __future__ import annotations

import dataclasses
import gc
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.morphology.build import build_analysis, proper_name_guesses
from reader.morphology.database.loader import load_database
from reader.morphology.database.locate import DatabaseLocation, locate_database, with_remedy
from reader.morphology.document import (
    AnalysisCancelled,
    DocumentAnalysis,
    ProgressCallback,
    vocalize_document,
)
from reader.morphology.errors import MorphologyDataError
from reader.morphology.evidence import order, weighed
from reader.morphology.names.clitics import written_with_article
from reader.morphology.names.guess import romanize_name
from reader.morphology.names.moves import document_names, place_evidence, spelt_name_evidence
from reader.morphology.names.renaming import renamed, reordered
from reader.morphology.names.sources import known_name, known_person_name, place_name
from reader.morphology.names.spans import NameSpan, document_runs
from reader.morphology.ranking.score import (
    Context,
    construct_heads,
    context_after,
    may_be_name,
    never_seen,
    rank,
    spelt_otherwise,
)
from reader.morphology.records import Analysis
from reader.morphology.roots.family import FamilyMember, RootIndex, root_index
from reader.text.arabic import strip_marks, strip_tatweel

if TYPE_CHECKING:
    from reader.morphology.vowels.diacritizer import Diacritizer
    from reader.text import Document, Token


_collector_lock = threading.Lock()
_loads_running = 0
_collector_was_on = False


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while the dictionary loads.

    Loading builds a few million long-lived objects and no garbage cycles, yet
    the collector's full passes over the growing heap meanwhile (several per
    load) cost about a quarter of the first stage. Loads may overlap (a worker's
    later stage, a command's): the collector is back as it was when the last ends.
    """
    global _loads_running, _collector_was_on
    with _collector_lock:
        if _loads_running == 0:
            _collector_was_on = gc.isenabled()
            gc.disable()
        _loads_running += 1
    try:
        yield
    finally:
        with _collector_lock:
            _loads_running -= 1
            if _loads_running == 0 and _collector_was_on:
                gc.enable()


class Morphology:
    """camel-tools' analyzer over a loaded database, with ranking and a cache.

    The cache is keyed by surface form and context (there are only a handful of
    contexts), so a long document costs about one camel-tools analysis per
    distinct word. Safe to call from several threads: the worst a race does is
    compute one entry twice.
    """

    def __init__(
        self,
        database: Any,
        location: DatabaseLocation | None = None,
        *,
        diacritizer: Diacritizer | None = None,
    ) -> None:
        from camel_tools.morphology.analyzer import Analyzer

        self.location = location
        # The context diacritizer, if any: documents are then vocalised in
        # context (it loads its model the first time it is used).
        self.diacritizer = diacritizer
        self._analyzer = Analyzer(database)
        # ADD_PROP: the proper-noun readings even of words the lexicon knows,
        # for words like كيري whose only lexicon readings are far-fetched.
        self._guesser = Analyzer(database, backoff="ADD_PROP")
        self._cache: dict[tuple[str, Context, bool, bool], tuple[Analysis, ...]] = {}
        self._raw_cache: dict[str, tuple[list[dict[str, Any]], dict[int, Analysis]]] = {}
        self._surname_cache: dict[str, frozenset[str]] = {}
        self._lock = threading.Lock()
        # Off: unknown words get only the letter-by-letter guess (the baseline
        # the names benchmark measures against).
        self.use_names = True
        # Lexicon names in a person's name take their attested spelling
        # (بشار: Bashar, not Bashshar); off, the lexicon's gloss.
        self.prefer_attested = True
        # Until :meth:`load_rest` has run (a staged start: see :meth:`load`), words
        # are answered from the database alone and names wait for their sources.
        self._rest_pending = False
        self._rest_lock = threading.Lock()

    @classmethod
    def load(
        cls,
        path: str | os.PathLike[str] | None = None,
        *,
        setting: str | None = None,
        vocalize: bool = True,
        staged: bool = False,
    ) -> Morphology:
        """Load the database at ``path``, or the one :func:`locate_database` finds.

        With ``vocalize``, documents are vocalised in context by the diacritizer
        (its model is loaded lazily, by the first document).

        ``staged`` (the window's start): only the database (and the English
        inflection tables every verb and plural needs) now, so that the first hover
        answers as soon as they are in; the spelling model of names and the name
        sources (seconds more) wait for :meth:`load_rest`, which the caller runs
        next on a worker. Until then a word is answered from the database alone: a
        name no lexicon knows is spelt letter by letter, a lexicon name keeps the
        lexicon's English.
        """
        if path is None:
            location = locate_database(setting)
            if location is None:
                raise MorphologyDataError(
                    "No morphology database is installed; run `arabic-reader data install`."
                )
            located = True
        else:
            location, located = DatabaseLocation(Path(path), "setting", None), False
        diacritizer = None
        if vocalize:
            from reader.morphology.vowels.diacritizer import Diacritizer

            diacritizer = Diacritizer()
        with _collector_paused():
            try:
                database = load_database(location.path)
            except MorphologyDataError as error:
                if not located:
                    raise
                # A database we found ourselves: say what to do about it.
                raise type(error)(with_remedy(error, location)) from error
            from reader.morphology import english

            english.prepare()  # with the database, not at the first word shown
            morphology = cls(database, location, diacritizer=diacritizer)
            if staged:
                morphology._rest_pending = True
            else:
                # And the spelling model, not at the first name guessed (the sources
                # are read at their first need: a command needs few of them).
                _load_spelling()
        return morphology

    @property
    def rest_loaded(self) -> bool:
        """Whether words get their names' sources (see ``staged`` in :meth:`load`)."""
        return not self._rest_pending

    def load_rest(self) -> None:
        """The later stage of a staged start, a few seconds: the spelling model of
        names and the name sources (CLDR, arabnamer, GeoNames). For a worker;
        words answered after it get their names. Safe to call from several
        threads, and again (it then returns at once)."""
        with self._rest_lock:
            if not self._rest_pending:
                return
            from reader.morphology.names import sources

            try:
                with _collector_paused():
                    _load_spelling()
                    sources.prepare()
            finally:
                # Whatever failed fails again where it is needed, as in an unstaged start.
                self._rest_pending = False

    def clear_cache(self) -> None:
        with self._lock:
            self._cache.clear()
            self._raw_cache.clear()
            self._surname_cache.clear()

    @property
    def cache_size(self) -> int:
        return len(self._cache)

    @property
    def roots(self) -> RootIndex:
        """The database's root index (root_family.py): built the first time, ~2 s;
        read it once on a worker before the GUI asks."""
        return root_index(self._analyzer._db)

    def root_family(self, root: str, lemma: str, pos: str = "") -> tuple[FamilyMember, ...]:
        """The other lemmas of ``root`` (a reading's ``root``), most frequent first."""
        return self.roots.family(root, exclude_lemma=lemma, pos=pos)

    def analyze_word(
        self, word: str, context: Context = Context.NONE, *, ranked: bool = True
    ) -> tuple[Analysis, ...]:
        """Readings of one Arabic word, best first; never empty for an Arabic word."""
        # Whether the names' sources count, read once: the later stage may come in
        # meanwhile, and what was answered without them is kept apart.
        names = self.use_names and not self._rest_pending
        key = (word, context, ranked, names)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        result = self._analyze_uncached(word, context, ranked, names)
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

    def _analyze_uncached(
        self, word: str, context: Context, ranked: bool, names: bool
    ) -> tuple[Analysis, ...]:
        lookup = strip_tatweel(word).strip()
        if not lookup:
            return ()
        raw, built = self._raw_analyses(lookup)
        person = context is Context.AFTER_NAME
        if not raw:
            return self._name_guesses(lookup, person, names)
        readings: list[Analysis] = []
        for features, score, variants, evidence in rank(
            raw, context, ranked=ranked, surface=lookup
        ):
            record = built.get(id(features))
            if record is None:
                record = built[id(features)] = build_analysis(features)
            readings.append(
                dataclasses.replace(
                    record, score=round(score, 3), case_variants=variants, evidence=evidence
                )
            )
        if names:
            readings = [self._better_name(record) for record in readings]
        if not ranked:
            return tuple(readings)
        if names:
            readings = list(spelt_name_evidence(place_evidence(readings, lookup), person))
        if never_seen(raw):
            # The dictionary's readings were never seen in its corpus: the name
            # guess speaks for a word the dictionary has only in parts, after a
            # given name or where a list of names has it.
            strong = may_be_name(raw)
            listed = strong and names and self._listed(lookup, person)
            guesses = self._name_guesses(lookup, person, names)[:1]
            guesses = tuple(
                weighed(
                    guess,
                    surname_after_name=float(strong and person),
                    listed_name=float(bool(listed)),
                )
                for guess in guesses
            )
            return order((*readings, *guesses))
        if names and self._name_spelt_so(raw, lookup, person):
            # After the readings, whatever the context: only a name's context in
            # the document (after a title or a given name) reads it as the name.
            return order((*readings, *self._name_guesses(lookup, person, names)[:1]))
        return order(readings)

    @staticmethod
    def _listed(lookup: str, person: bool) -> bool:
        """A list of names has the word exactly as written, without an article
        (سيمون: Simon, آندي: Andy; foreign names are not written with ال). A
        town's name alone is no such evidence: GeoNames' towns are many, and
        their Arabic spellings clash with words (كيري: Chieri)."""
        if written_with_article(lookup):
            return False
        found = known_name(lookup, places=not person)
        return found is not None and found.source != "geonames"

    def _name_spelt_so(self, raw: list[dict[str, Any]], lookup: str, person: bool) -> bool:
        """The dictionary has the word only spelt otherwise, and a name source has
        it as written (أنجيلا: إنجيلا "gospel" there, Angela here): its name is
        offered after the readings."""
        if not self.use_names or not spelt_otherwise(raw):
            return False
        return known_name(lookup, places=not person) is not None

    @staticmethod
    def _better_name(record: Analysis) -> Analysis:
        """A lexicon proper noun with a one-word gloss gets CLDR's English name
        for it where CLDR has one (هولندا: Netherlands, not Holland); one with
        several names puts first the one CLDR or GeoNames gives (Beijing;
        Peking). Common nouns are never touched."""
        old = record.lemma_gloss
        if record.pos != "noun_prop" or not old:
            return record
        # The lemma as the dictionary spells it (هُولانْدا), then the word as
        # written here (هولندا), which is how CLDR may spell it.
        stem = next((s.form for s in record.segments if s.role == "stem"), record.lemma)
        places = [
            place_name(strip_marks(spelling)) for spelling in dict.fromkeys((record.lemma, stem))
        ]
        if ";" in old:
            given = [n.strip() for n in old.split(";")]
            place = next((p.english for p in places if p is not None), "")
            if place not in given[1:]:
                return record
            return reordered(record, [place, *(n for n in given if n != place)])
        if " " in old:
            return record
        # CLDR only: attested spellings measured worse than the lexicon's glosses.
        found = next((p for p in places if p is not None and p.source == "cldr"), None)
        if found is None or found.english.casefold() == old.casefold():
            return record
        return renamed(record, found.english)

    def _name_guesses(
        self, lookup: str, person: bool = False, names: bool = True
    ) -> tuple[Analysis, ...]:
        """Proper-name guesses; a ``person``'s (after a name: a surname) takes
        no town's name (كيري after جون is Kerry's word, not Chieri). Without
        ``names``, no source is asked; before :meth:`load_rest`, not even the
        spelling model: the name's letters."""
        backoff = [f for f in self._guesser.analyze(lookup) if f.get("source") == "backoff"]
        if not names:
            spell = romanize_name if self._rest_pending else None
            guesses = proper_name_guesses(lookup, backoff, spell=spell)
        else:
            namer = known_person_name if person else known_name
            guesses = proper_name_guesses(lookup, backoff, namer=namer)
        return tuple(weighed(guess, name_guess=1.0) for guess in guesses)

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
                and may_be_name(self._raw_analyses(token.lookup)[0])
            }
            found = self._surname_cache[document.fingerprint] = frozenset(names)
        return found

    def names(self, document: Document) -> tuple[NameSpan, ...]:
        """The document's names (token spans, Arabic, English, source), in order."""
        return self.analyze_document(document, vocalize=False).names

    def context_of(self, document: Document, token: Token) -> Context:
        """The grammatical context of a token: what the word before it says."""
        if token.index == 0:
            return Context.NONE
        previous = document.tokens[token.index - 1]
        if previous.sentence != token.sentence or previous.kind != token.kind:
            return Context.NONE
        best = self.analyze_word(previous.lookup)
        return context_after(strip_marks(previous.lookup), best[0] if best else None)

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
        vocalize: bool = True,
    ) -> DocumentAnalysis:
        """Readings for every token (empty for non-Arabic ones), in text order.

        With ``vocalize`` and a diacritizer, every word is also vocalised in its
        sentence and its readings re-ranked by it (:func:`vocalize_document`).
        """
        self.load_rest()  # a staged start's names: the document's are found here
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
        spans: tuple[NameSpan, ...] = ()
        if ranked:
            for sentence_run in document_runs(document):
                readings = construct_heads(sentence_run, readings)
        if ranked and self.use_names:
            readings, spans = document_names(document, readings, self.prefer_attested)
        analysis = DocumentAnalysis(document, tuple(readings), names=spans)
        if vocalize and ranked and self.diacritizer is not None:
            analysis = vocalize_document(analysis, self.diacritizer, cancelled=cancelled)
        return analysis


def _load_spelling() -> None:
    from reader.morphology.names import spelling as name_spelling

    try:
        name_spelling.model()
    except (OSError, ValueError, KeyError):
        pass  # a damaged install: names are spelt letter by letter; --self-test says so
