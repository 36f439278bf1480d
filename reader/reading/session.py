"""The reading session: what the window shows, as one Qt-free object.

The open document, its analysis and the forms shown per word, the reading the
learner chose per token, the word hovered and the word pinned, and the saved
entry of each lemma (what the store returned, not the store). Whoever changes
any of it goes through the session; whoever shows any of it subscribes
(:meth:`ReadingSession.subscribe`) and is told what changed
(:class:`SessionChange`), in the manner of Anki's operations and their
``OpChanges``. The window is a view of it; the command line opens one too.
"""

from __future__ import annotations

import enum
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.morphology.records import Analysis
from reader.morphology.vowels.marks import pausal
from reader.reading.agreement import agreeing, needs_agreement
from reader.reading.article_keys import entry_key, name_of_several_words
from reader.reading.readings import ReadingChoices, ReadingKey, word_gloss
from reader.reading.shown_forms import ShownForms, VowelledForms, vocalization_of
from reader.text import Document, TokenKind
from reader.text.arabic import strip_diacritics

if TYPE_CHECKING:
    from reader.morphology.analyzer import DocumentAnalysis, Morphology
    from reader.morphology.names.spans import NameSpan
    from reader.morphology.vowels.reconcile import Vocalization
    from reader.reading.article_keys import ArticleKeys
    from reader.reading.prepare import Prepared
    from reader.store import EntryRecord, LemmaKey

__all__ = ["Aspect", "ReadingChoices", "ReadingKey", "ReadingSession", "SessionChange"]

LOADING, READY, UNAVAILABLE = "loading", "ready", "unavailable"  # the dictionary's state


class Aspect(enum.Flag):
    """What a change touched."""

    DOCUMENT = enum.auto()  # another document: everything below was reset with it
    ANALYSIS = enum.auto()  # its readings arrived (or went)
    VOCALISATION = enum.auto()  # the readings re-ranked with the vowels in context
    CHOICE = enum.auto()  # the learner chose a reading for some tokens
    FOCUS = enum.auto()  # the word under the mouse
    PIN = enum.auto()  # the pinned word
    ENTRIES = enum.auto()  # the saved entries (status, own gloss) of some lemmas
    DICTIONARY = enum.auto()  # the dictionary became ready or unavailable
    DISPLAY = enum.auto()  # how forms are written: case endings, romanization scheme


@dataclass(frozen=True)
class SessionChange:
    """One change of the session: its aspects, and the tokens it concerns where known."""

    aspects: Aspect
    tokens: frozenset[int] = frozenset()

    def __contains__(self, aspect: Aspect) -> bool:
        return bool(self.aspects & aspect)

    @property
    def readings(self) -> bool:
        """Whether the reading shown of some word may differ (its pane, its mark, its form)."""
        return bool(
            self.aspects & (Aspect.DOCUMENT | Aspect.ANALYSIS | Aspect.VOCALISATION | Aspect.CHOICE)
        )


Listener = Callable[[SessionChange], None]


def _is_lam(reading: Analysis) -> bool:
    """The particle لم (with a proclitic: ولم، فلم، ألم), which puts the next verb in
    the past: the database's negative particle whose lemma is لم."""
    return reading.pos.startswith("part") and strip_diacritics(reading.lex) == "لم"


class ReadingSession:
    """One learner reading one document at a time."""

    def __init__(self, morphology: Morphology | None = None) -> None:
        self.document: Document | None = None
        self._analysis: DocumentAnalysis | None = None
        self.forms = ShownForms()
        self.keys: ArticleKeys | None = None  # of the analysis, made on the worker
        self.choices = ReadingChoices()
        self.morphology = morphology
        self.dictionary_state = READY if morphology is not None else LOADING
        self.hovered: int | None = None
        self.pinned: int | None = None
        self.case_endings = True
        self.romanization = "din"
        self._entries: dict[LemmaKey, EntryRecord | None] = {}
        self._listeners: list[Listener] = []
        # Changes raised while listeners are being told wait here: notifications
        # never nest, and every listener hears every change in the order made.
        self._pending: deque[SessionChange] = deque()
        self._telling = False

    # -- listening --------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with every change, in the order of subscription; returns
        a function that unsubscribes it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _tell(self, aspects: Aspect, tokens: Iterable[int] = ()) -> None:
        """Tell every listener; a change made by a listener meanwhile is told after
        this one has reached them all (never from inside another notification)."""
        self._pending.append(SessionChange(aspects, frozenset(tokens)))
        if self._telling:
            return
        self._telling = True
        try:
            while self._pending:
                change = self._pending.popleft()
                for listener in tuple(self._listeners):
                    listener(change)
        finally:
            self._telling = False
            self._pending.clear()  # only left over when a listener raised

    # -- the document and its analysis --------------------------------------------

    def open(self, document: Document) -> None:
        """Show another document: its analysis, the word in focus and the pin start anew.

        The learner's choices are kept by document, so coming back restores them.
        """
        self.document = document
        self._analysis, self.forms, self.keys = None, ShownForms(), None
        self.hovered = self.pinned = None
        self._tell(Aspect.DOCUMENT)

    @property
    def analysis(self) -> DocumentAnalysis | None:
        """The analysis of the document shown (None until it arrives)."""
        return self._analysis

    def analysed(self, prepared: Prepared, *, with_entries: bool = True) -> bool:
        """A stage of :func:`reader.reading.prepare.stages` is in: its analysis, forms
        shown and entry keys (made on the worker with it), and, with ``with_entries``,
        the saved entries read with it (else they are asked for again). False, and
        nothing changes, for a document no longer shown.

        One change: ANALYSIS (VOCALISATION for the vowels' stage), with ENTRIES
        when the saved entries came with it.
        """
        if prepared.document is not self.document:
            return False
        self._analysis = prepared.analysis
        self.forms, self.keys = prepared.forms, prepared.keys
        aspects = Aspect.VOCALISATION if prepared.vocalised else Aspect.ANALYSIS
        if with_entries and prepared.entries is not None:
            found = prepared.entries
            self._entries = {key: found.get(key) for key in prepared.keys.keys}
            aspects |= Aspect.ENTRIES
        self._tell(aspects)
        return True

    def set_morphology(self, morphology: Morphology | None) -> None:
        """The dictionary is ready (None: it is unavailable)."""
        self.morphology = morphology
        self.dictionary_state = READY if morphology is not None else UNAVAILABLE
        self._tell(Aspect.DICTIONARY)

    def set_display(self, *, case_endings: bool | None = None, romanization: str | None = None):
        """How forms are written: with their case endings or pausal; the Latin scheme."""
        if case_endings is not None:
            self.case_endings = case_endings
        if romanization is not None:
            self.romanization = romanization
        self._tell(Aspect.DISPLAY)

    # -- readings ----------------------------------------------------------------

    def readings(self, token_index: int) -> tuple[Analysis, ...] | None:
        """The readings of a token, or None while (or if) there is no dictionary."""
        document = self.document
        if document is None:
            return None
        if self._analysis is not None:
            return self._analysis.readings[token_index]
        if self.morphology is None:
            return None
        return self.morphology.analyze_token(document, document.tokens[token_index])

    def reading(self, token_index: int) -> Analysis | None:
        """The reading shown for a token: the learner's choice, else the best."""
        found = self.readings(token_index)
        if not found or self.document is None:
            return None
        return self.choices.reading_for(self.document.fingerprint, token_index, found)

    def choose(self, token_index: int, reading: Analysis) -> None:
        """The learner chose ``reading`` for this occurrence."""
        self.choose_many({token_index: reading})

    def choose_many(self, chosen: Mapping[int, Analysis]) -> None:
        """Several choices at once (saved ones restored on reopening): one change."""
        document = self.document
        if document is None or not chosen:
            return
        for index, reading in chosen.items():
            self.choices.choose(document.fingerprint, index, reading)
        self._tell(Aspect.CHOICE, chosen)

    def chosen_key(self, token_index: int) -> ReadingKey | None:
        if self.document is None:
            return None
        return self.choices.chosen_key(self.document.fingerprint, token_index)

    def chosen_tokens(self) -> set[int]:
        """The tokens of the document shown whose reading the learner chose."""
        if self.document is None:
            return set()
        return self.choices.chosen_tokens(self.document.fingerprint)

    # -- how a word is said ---------------------------------------------------------

    def vocalization(self, token_index: int) -> Vocalization | None:
        """How the word is said here, in the reading shown (None: not an analysed word).

        Before the article is vocalised in context, the reading's own vowels.
        """
        if self.document is None:
            return None
        chosen = self.reading(token_index)
        return vocalization_of(self.document, self._analysis, token_index, chosen)

    def shown_form(self, token_index: int) -> str:
        """The word as Show Vowels, the popup and the pane's headword write it."""
        vocalization = self.vocalization(token_index)
        if vocalization is None:
            return ""
        return vocalization.form if self.case_endings else pausal(vocalization.form)

    def name_at(self, token_index: int) -> NameSpan | None:
        """The name of several words this token is part of (الولايات المتحدة), if any."""
        analysis = self.analysis
        if analysis is None or analysis.document is not self.document:
            return None
        return name_of_several_words(analysis, token_index)

    def romanized(self, token_index: int) -> str:
        """The word in Latin letters, as said here, in the scheme the learner chose."""
        from reader.morphology.vowels.romanize import SCHEMES
        from reader.morphology.vowels.romanize_text import romanize_reading

        chosen = self.reading(token_index)
        if chosen is None:
            return ""
        scheme = self.romanization
        return romanize_reading(
            chosen,
            form=self.shown_form(token_index),
            scheme=scheme if scheme in SCHEMES else SCHEMES[0],
            ending=self.case_endings,
        )

    def vowelled_forms(self) -> VowelledForms:
        """What Show Vowels writes: the worker's forms, with the learner's choices over them.

        No pass over every word here (a 20 MB article has 4M): only the chosen
        words are vocalised now.
        """
        forms = self.forms.full if self.case_endings else self.forms.pausal
        return VowelledForms(
            forms, {index: self.shown_form(index) for index in self.chosen_tokens()}
        )

    def spoken_sentence(self, token_index: int) -> str:
        """The sentence of a word, each word as said in it."""
        assert self.document is not None
        sentence = self.document.tokens[token_index].sentence
        return " ".join(
            self.shown_form(token.index) or token.text
            for token in self.document.sentence_tokens(sentence)
        )

    def sentence_glosses(self, sentence: int) -> list[tuple[int, str, str]]:
        """Per word of a sentence: its token index, its text and a few English words.

        Before the whole text is analysed an Arabic word's gloss is "…": the
        sentence waits rather than stall a hover with a dozen fresh look-ups.
        """
        assert self.document is not None
        words = []
        for token in self.document.sentence_tokens(sentence):
            if token.kind in (TokenKind.PUNCT, TokenKind.OVERLONG):
                continue
            gloss = ""
            if token.kind is TokenKind.ARABIC:
                chosen = self.reading(token.index) if self._analysis is not None else None
                gloss = (
                    self.user_gloss_at(token.index)
                    or self.english(token.index)
                    or word_gloss(chosen)
                    if chosen
                    else "…"
                )
            words.append((token.index, token.text, gloss))
        return words

    def english(self, token_index: int) -> str:
        """The chosen reading's English where its sentence changes it, else "": after
        لم (ولم، فلم، ألم) an imperfect verb is a past (لم يكن: "he was"); a "she" or
        "her" that stands for a thing is "it" (أفادت تقارير: "they reported"), see
        :mod:`reader.reading.agreement`."""
        chosen = self.reading(token_index)
        if chosen is None:
            return ""
        text = self._after_lam(token_index, chosen) or chosen.english
        if needs_agreement(chosen):
            assert self.document is not None
            sentence = self.document.tokens[token_index].sentence
            tokens = self.document.sentence_tokens(sentence)
            readings = [
                self.reading(t.index) if t.kind is TokenKind.ARABIC else None for t in tokens
            ]
            at = next(i for i, t in enumerate(tokens) if t.index == token_index)
            text = agreeing(text, readings, at)
        return "" if text == chosen.english else text

    def _after_lam(self, token_index: int, chosen: Analysis) -> str:
        if not chosen.english_after_lam or token_index == 0:
            return ""
        assert self.document is not None
        before = self.document.tokens[token_index - 1]
        if (
            before.kind is not TokenKind.ARABIC
            or before.sentence != self.document.tokens[token_index].sentence
        ):
            return ""
        previous = self.reading(token_index - 1)
        return chosen.english_after_lam if previous is not None and _is_lam(previous) else ""

    # -- the word in focus ------------------------------------------------------------

    @property
    def focus(self) -> int | None:
        """The word every key and the pane act on: the pinned word, else the hovered one."""
        return self.pinned if self.pinned is not None else self.hovered

    def hover(self, token_index: int | None) -> None:
        if token_index == self.hovered:
            return
        self.hovered = token_index
        self._tell(Aspect.FOCUS, () if token_index is None else (token_index,))

    def pin(self, token_index: int | None) -> None:
        if token_index == self.pinned:
            return
        self.pinned = token_index
        self._tell(Aspect.PIN, () if token_index is None else (token_index,))

    # -- the saved entries ----------------------------------------------------------------

    def set_entries(
        self, entries: Mapping[LemmaKey, EntryRecord | None], *, replace: bool = False
    ) -> None:
        """What the store returned for these lemmas (None: not saved); ``replace``:
        every other lemma is forgotten (a new article's words were loaded)."""
        if replace:
            self._entries = dict(entries)
        else:
            self._entries.update(entries)
        self._tell(Aspect.ENTRIES)

    def saved_entries(self, keys: Iterable[LemmaKey]) -> dict[LemmaKey, EntryRecord]:
        """The saved entries among ``keys``, as the store last said (unsaved ones left out)."""
        found = self._entries
        return {key: entry for key in keys if (entry := found.get(key)) is not None}

    def has_entry_for(self, key: LemmaKey) -> bool:
        """Whether the store was asked about this lemma (its answer may be "not saved")."""
        return key in self._entries

    def entry(self, key: LemmaKey) -> EntryRecord | None:
        """The saved entry of this key, as the store last said (None: not saved, or
        not asked); a word's own is :meth:`entry_at`."""
        return self._entries.get(key)

    def entry_key(self, token_index: int) -> LemmaKey | None:
        """The key of the entry this word belongs to, in the reading shown: the name's,
        for a word of a name of several words (:func:`reader.reading.article_keys.entry_key`)
        and for a surname alone the store answered with its saved name."""
        key = self._own_key(token_index)
        saved = self._entries.get(key) if key is not None else None
        return saved.key if saved is not None else key

    def _own_key(self, token_index: int) -> LemmaKey | None:
        """The key the store is asked about for this word (a surname's is its lemma's)."""
        analysis = self.analysis
        if analysis is not None and analysis.document is not self.document:
            analysis = None
        return entry_key(analysis, token_index, self.reading(token_index))

    def name_entry(self, token_index: int) -> dict[str, str | int] | None:
        """What saving the name of several words this token is part of saves, as
        :func:`reader.store.words.save_name`'s ``arabic``, ``english``, ``lemma``,
        ``surface``, ``start`` and ``end`` (None: the word is no such name's).

        The name is written as said here, each word in its sentence's vowels, in
        pause, without the "and", "to" or "with" before it (one entry for بالأمم
        and للأمم المتحدة); its English says where its spelling is only a guess.
        """
        from reader.morphology.names.saving import saved_name_english

        name, document = self.name_at(token_index), self.document
        if name is None or document is None:
            return None
        first, last = document.tokens[name.start], document.tokens[name.end - 1]
        shown = [pausal(self.shown_form(i)) for i in range(name.start, name.end)]
        if all(shown):
            lemma = " ".join((name.without_proclitics(shown[0]), *shown[1:]))
        else:
            lemma = name.bare
        return {
            "arabic": name.bare,
            "english": saved_name_english(name),
            "lemma": lemma,
            "surface": document.text[first.start : last.end],
            "start": first.start,
            "end": last.end,
        }

    def entry_at(self, token_index: int) -> EntryRecord | None:
        """The saved entry this word belongs to (:meth:`entry_key`), as the store last said."""
        key = self._own_key(token_index)
        return self.entry(key) if key is not None else None

    def user_gloss_at(self, token_index: int) -> str | None:
        entry = self.entry_at(token_index)
        return entry.user_gloss if entry is not None else None
