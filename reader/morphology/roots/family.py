"""A root's family: the other lemmas of the database that share a word's root.

The index is read once from the loaded database's raw stem lines (the loader
keeps them, with the reviewed errata already applied, so the verb رَأَى is
found under its own lemma, not under راوَنْد). Each lemma keeps its stems, which
are also the evidence :func:`~reader.morphology.roots.radicals.resolve_root` reads a
placeholder radical from: ``ق.#.ل`` is one key in the database for both ق و ل
(قال "say") and ق ي ل (قَيْلُولَة "siesta"), and a family lists only the lemmas whose
resolved root can be the word's own.

Building is a plain function with no Qt: call :func:`root_index` (or
``Morphology.roots``) from a worker thread before the first lookup if the GUI
must not wait; it is built once per database and shared.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from reader.morphology.build import display_lemma, verb_form
from reader.morphology.records import POS_LABELS, readable_gloss
from reader.morphology.roots.radicals import UNKNOWN, WEAK, Root, Stem, lemma_root, resolve_root

_WANTED = (
    "diac",
    "lex",
    "gloss",
    "pos",
    "asp",
    "vox",
    "root",
    "pattern",
    "pos_lex_freq",
    "lex_freq",
)
# The fields in the order the database writes them (twice as fast as finding
# each); a line in another order is read field by field.
_IN_ORDER = re.compile(
    r"diac:(\S*) lex:(\S*) bw:\S* gloss:(\S*) pos:(\S*) (?:\S+ )*?asp:(\S*) vox:(\S*) "
    r"(?:\S+ )*?root:(\S*) (?:\S+ )*?pattern:(\S*) (?:\S+ )*?pos_lex_freq:(\S*) "
    r"(?:\S+ )*?lex_freq:(\S*)"
)
_FIELDS = re.compile(r"(?:^| )(" + "|".join(_WANTED) + r"):(\S*)")
_SENSE = re.compile("[_-]")  # camel-tools' strip_lex: قال-u_1 -> قال
_NOT_ROOTS = {"", "NTWS", "PUNC", "DIGIT", "FOREIGN", "O"}
# What an undecided radical may stand for, to tell whether two roots can be one.
_CHOICES = {WEAK: {"و", "ي"}, UNKNOWN: {"ء", "و", "ي"}}
# How many times the others the lemmas showing one letter for an open radical
# must weigh, in number and in frequency (RootIndex._with_family).
_MAJORITY = 3.0
UNSEEN = -99.0  # the database's lex_freq for a lemma never seen in its corpus


@dataclass(frozen=True)
class FamilyMember:
    """One lemma of a root, as the family list shows it."""

    lex: str
    pos: str
    lemma: str  # vocalised, without sense marks
    pos_label: str
    gloss: str  # readable: "answer; reply"
    pattern: str  # the lemma entry's pattern, e.g. "1ا3"
    verb_form: str | None  # I-X for a triliteral verb
    frequency: float  # the database's lex_freq (log10 of a relative frequency)
    root: Root  # resolved with the lemma's own stems

    @property
    def key(self) -> tuple[str, str]:
        """The vocabulary key, as the store and the word marks use it."""
        return (self.lex, self.pos)


@dataclass(slots=True)
class _Lemma:
    lex: str  # as analyses and the vocabulary have it: no sense marks (قال)
    pos: str
    root_field: str
    full_lex: str  # as the database writes it (قال-u_1): its -u is the imperfect vowel
    frequency: float
    pos_frequency: float
    headword: str = ""  # the vocalised lemma shown
    stems: list[Stem] = field(default_factory=list)
    best: tuple[int, str, str] = (99, "", "")  # (rank, gloss, pattern) of the headword entry

    def add(self, features: dict[str, str]) -> None:
        diac = features.get("diac", "").replace("\u0671", "\u0627")
        self.stems.append(
            Stem(diac, imperfective=features.get("asp") == "i", passive=features.get("vox") == "p")
        )
        # The headword's own entry gives the gloss: the entry spelt like the
        # lemma, else an active perfect, else the first.
        lemma = self.headword
        rank = 0 if diac == lemma else 1 if lemma.startswith(diac) and diac else 2
        if features.get("vox") == "p":
            rank += 3
        elif features.get("asp") not in (None, "", "na", "p"):
            rank += 1
        if rank < self.best[0]:
            self.best = (rank, features.get("gloss", ""), features.get("pattern", ""))


def _number(text: str | None) -> float:
    try:
        return float(text) if text else UNSEEN
    except ValueError:
        return UNSEEN


def _raw_features(database: Any) -> Iterator[dict[str, str]]:
    """The feature fields the index needs, from every stem entry of ``database``."""
    stems = database.stem_hash
    raw = getattr(stems, "_raw", None)  # the loader's LazyStemTable keeps the lines
    if raw is not None:
        for lines in raw.values():
            for line in lines:
                match = _IN_ORDER.search(line)
                if match is not None:
                    yield dict(zip(_WANTED, match.groups(), strict=True))
                else:
                    yield dict(_FIELDS.findall(line.rpartition("\t")[2]))
        return
    for entries in stems.values():  # camel-tools' own, fully parsed database
        for _category, features in entries:
            yield {name: str(features.get(name, "")) for name in _WANTED}


def _clear_majority(votes: dict[str, list[float]]) -> str:
    """The letter shown by far the most (:data:`_MAJORITY` times the others, in
    number of lemmas and in frequency), else ""."""
    if not votes:
        return ""
    best = max(votes, key=lambda v: votes[v][1])
    count = sum(vote[0] for key, vote in votes.items() if key != best)
    weight = sum(vote[1] for key, vote in votes.items() if key != best)
    if votes[best][0] >= _MAJORITY * count and votes[best][1] >= _MAJORITY * weight:
        return best
    return ""


# Words of a gloss that say nothing of its meaning.
_NOT_MEANING = frozenset(
    "the and for with from into onto upon out off one who that this person thing something "
    "someone make become have get give take put use being".split()
)


def _gloss_words(gloss: str) -> frozenset[str]:
    """The English words of a database gloss that carry its meaning (``meet;encounter``)."""
    words = re.findall(r"[a-z]{3,}", gloss.lower())
    return frozenset(word for word in words if word not in _NOT_MEANING)


def compatible(a: Root, b: Root) -> bool:
    """Whether two resolved roots can be the same root (an undecided radical matches
    any letter it may stand for)."""
    if len(a.radicals) != len(b.radicals):
        return False
    for x, y in zip(a.radicals, b.radicals, strict=True):
        if x == y:
            continue
        if not _CHOICES.get(x, {x}) & _CHOICES.get(y, {y}):
            return False
    return True


class RootIndex:
    """Root field -> the lemmas filed under it, with their stems."""

    def __init__(self, entries: Iterable[dict[str, str]]) -> None:
        lemmas: dict[tuple[str, str], _Lemma] = {}
        for features in entries:
            full, pos, root = features.get("lex", ""), features.get("pos", ""), features.get("root")
            if not full or root is None:
                continue
            # Keyed as the analyzer keys a word: camel-tools strips the sense marks.
            lex = _SENSE.split(full, 1)[0]
            lemma = lemmas.get((lex, pos, root))
            if lemma is None:
                lemma = lemmas[(lex, pos, root)] = _Lemma(
                    lex,
                    pos,
                    root,
                    full,
                    _number(features.get("lex_freq")),
                    _number(features.get("pos_lex_freq") or features.get("lex_freq")),
                    display_lemma(full),
                )
            lemma.add(features)
        self._lemmas = lemmas
        self._by_root: dict[str, list[_Lemma]] = {}
        for lemma in lemmas.values():
            if lemma.root_field not in _NOT_ROOTS:
                self._by_root.setdefault(lemma.root_field, []).append(lemma)
        self._members: dict[tuple[str, str, str], FamilyMember] = {}
        self._own: dict[tuple[str, str, str], Root] = {}
        self._filled: dict[tuple[str, str, str], Root] = {}

    @classmethod
    def of(cls, database: Any) -> RootIndex:
        """Read the index off a loaded camel-tools ``MorphologyDB``."""
        return cls(_raw_features(database))

    def __len__(self) -> int:
        """How many lemmas (lex, part of speech) have a root."""
        return sum(len(found) for found in self._by_root.values())

    @property
    def root_fields(self) -> Iterable[str]:
        return self._by_root.keys()

    def lemmas_of(self, root_field: str) -> tuple[tuple[str, str], ...]:
        """The (lex, pos) keys filed under a root field, in database order."""
        return tuple((found.lex, found.pos) for found in self._by_root.get(root_field, ()))

    def _find(self, root_field: str, lex: str, pos: str) -> _Lemma | None:
        found = self._lemmas.get((lex, pos, root_field))
        if found is None and not pos:  # no part of speech given: any lemma of that lex
            found = next((v for v in self._by_root.get(root_field, ()) if v.lex == lex), None)
        return found

    def stems(self, root_field: str, lex: str, pos: str) -> tuple[Stem, ...]:
        """Every stem the database has for a lemma."""
        found = self._find(root_field, lex, pos)
        return tuple(found.stems) if found else ()

    def root_of(self, root_field: str, lex: str, pos: str = "") -> Root:
        """The root of a lemma, its placeholders read off the lemma and all its stems,
        then off the other lemmas of its root (:meth:`_with_family`).

        ``lex`` as an analysis or a saved entry has it (قال, or the database's
        قال-u_1); a lemma the index does not know is read off its letters alone.
        """
        found = self._find(root_field, _SENSE.split(lex, 1)[0], pos)
        if found is None:
            return lemma_root(root_field, _SENSE.split(lex, 1)[0], pos)
        key = (found.lex, found.pos, root_field)
        made = self._filled.get(key)
        if made is None:
            made = self._filled[key] = self._with_family(found)
        return made

    def _own_root(self, found: _Lemma) -> Root:
        """A lemma's root read off its own stems only."""
        key = (found.lex, found.pos, found.root_field)
        made = self._own.get(key)
        if made is None:
            form = verb_form(found.lex, found.root_field) if found.pos == "verb" else None
            made = resolve_root(found.root_field, found.full_lex, verb_form=form, stems=found.stems)
            self._own[key] = made
        return made

    def _votes(
        self, own: Root, root_field: str, index: int, near: frozenset[str] = frozenset()
    ) -> dict[str, list[float]]:
        """Letter -> [lemmas, frequency] of the lemmas filed under ``root_field`` that
        show a letter for ``own``'s open radical ``index`` (names are no evidence);
        with ``near``, only those whose English shares one of its words."""
        votes: dict[str, list[float]] = {}
        for other in self._by_root.get(root_field, ()):
            if other.pos == "noun_prop" or near and not near & _gloss_words(other.best[1]):
                continue
            root = self._own_root(other)
            if len(root.radicals) != len(own.radicals) or not compatible(root, own):
                continue
            letter = root.radicals[index]
            if letter not in _CHOICES and letter in _CHOICES[own.radicals[index]]:
                vote = votes.setdefault(letter, [0.0, 0.0])
                vote[0] += 1
                vote[1] += 10 ** max(other.frequency, -12.0)
        return votes

    def _with_family(self, found: _Lemma) -> Root:
        """The lemma's root, each radical its stems leave open read off the other
        lemmas filed under its root: زِيارَة shows no و, زار يَزُور and تَزْوِير do.

        One field may hold two or three roots (``ن.س.#``: نَسِي ن س ي, نِسْوَة ن س و,
        نَسَأ ن س ء), so a letter is taken where the lemmas of the same meaning (an
        English word shared: لِقاء "meeting", لُقْيا "meeting") agree on it, or
        where the lemmas that show one show it by far the most, in number and in
        frequency; never where the two disagree.
        """
        own = self._own_root(found)
        near = _gloss_words(found.best[1])
        shown = list(own.radicals)
        for index, letter in enumerate(own.radicals):
            if letter not in _CHOICES:
                continue
            close = self._votes(own, found.root_field, index, near) if near else {}
            kin = next(iter(close)) if len(close) == 1 else ""
            most = _clear_majority(self._votes(own, found.root_field, index))
            if close and not kin:  # the word's own kin disagree: leave it open
                continue
            # Kin and majority must not disagree: one unseen عَلْياء is not worth the
            # six lemmas that show عِلِّيُّون's و.
            if kin and most and kin != most:
                continue
            shown[index] = kin or most or letter
        weak = tuple(i for i in own.weak if shown[i] != "ء")
        return Root(tuple(shown), weak)

    def _split(self, root: Root, root_field: str) -> tuple[int, ...]:
        """The radicals ``root`` leaves open on which its field's lemmas disagree."""
        return tuple(
            index
            for index, letter in enumerate(root.radicals)
            if letter in _CHOICES and len(self._votes(root, root_field, index)) > 1
        )

    def _member(self, found: _Lemma) -> FamilyMember:
        key = (found.lex, found.pos, found.root_field)
        made = self._members.get(key)
        if made is None:
            _, gloss, pattern = found.best
            made = self._members[key] = FamilyMember(
                lex=found.lex,
                pos=found.pos,
                lemma=found.headword,
                pos_label=POS_LABELS.get(found.pos, found.pos.replace("_", " ")),
                gloss=readable_gloss(gloss),
                pattern=pattern,
                verb_form=verb_form(found.lex, found.root_field) if found.pos == "verb" else None,
                frequency=found.frequency,
                root=self.root_of(found.root_field, found.lex, found.pos),
            )
        return made

    def family(
        self, root_field: str, *, exclude_lemma: str = "", pos: str = ""
    ) -> tuple[FamilyMember, ...]:
        """The lemmas of a root, most frequent first, without ``exclude_lemma`` (a lex).

        ``root_field`` is the root as the database writes it (an analysis' or a
        saved entry's ``root``). With ``exclude_lemma``, that word's own resolved
        root decides which lemmas under a placeholder root are its family.
        """
        filed = self._by_root.get(root_field)
        if not filed:
            return ()
        own = self.root_of(root_field, exclude_lemma, pos) if exclude_lemma else None
        excluded = _SENSE.split(exclude_lemma, 1)[0]
        # Where the field's lemmas disagree on a radical this word leaves open, a
        # member whose stems show one may be of the other root: فَوْد "hair" is not
        # أَفاد's.
        split = self._split(own, root_field) if own is not None else ()
        members = []
        for lemma in filed:
            if lemma.lex == excluded:
                continue
            made = self._member(lemma)
            if own is not None and not compatible(own, made.root):
                continue
            stems_show = self._own_root(lemma).radicals  # not its kin's reading: مُفِيد stays
            if any(stems_show[i] not in _CHOICES for i in split):
                continue
            members.append((lemma, made))
        members.sort(key=lambda pair: (-pair[0].frequency, -pair[0].pos_frequency, pair[1].lemma))
        return tuple(made for _, made in members)


_INDEXES: weakref.WeakKeyDictionary[Any, RootIndex] = weakref.WeakKeyDictionary()
_BUILDING = threading.Lock()


def root_index(database: Any) -> RootIndex:
    """The index of a loaded database, built the first time (thread-safe, once)."""
    found = _INDEXES.get(database)
    if found is not None:
        return found
    with _BUILDING:
        found = _INDEXES.get(database)
        if found is None:
            found = _INDEXES[database] = RootIndex.of(database)
    return found
