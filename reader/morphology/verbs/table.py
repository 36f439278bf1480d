"""A verb's conjugation table as the Word pane shows it: sections of cells, a
cell a person's form(s), the word in the text marked (see :mod:`.conjugation`)."""

from __future__ import annotations

from dataclasses import dataclass

# The grid's rows, in the order of Arabic grammars (1st, 2nd, 3rd person).
PERSONS: tuple[str, ...] = (
    "1s", "2ms", "2fs", "3ms", "3fs", "2d", "3md", "3fd", "1p", "2mp", "2fp", "3mp", "3fp",
)  # fmt: skip
IMPERATIVE_PERSONS: tuple[str, ...] = ("2ms", "2fs", "2d", "2mp", "2fp")
PRONOUNS: dict[str, tuple[str, str]] = {
    "1s": ("أَنَا", "I"),
    "2ms": ("أَنْتَ", "you (m.)"),
    "2fs": ("أَنْتِ", "you (f.)"),
    "3ms": ("هُوَ", "he"),
    "3fs": ("هِيَ", "she"),
    "2d": ("أَنْتُمَا", "you two"),
    "3md": ("هُمَا", "they two (m.)"),
    "3fd": ("هُمَا", "they two (f.)"),
    "1p": ("نَحْنُ", "we"),
    "2mp": ("أَنْتُمْ", "you (m. pl.)"),
    "2fp": ("أَنْتُنَّ", "you (f. pl.)"),
    "3mp": ("هُمْ", "they (m.)"),
    "3fp": ("هُنَّ", "they (f.)"),
}
# (mazini's slot prefix, English title, voice), in table order.
SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("past", "Past", "active"),
    ("ind", "Present", "active"),
    ("sub", "Subjunctive", "active"),
    ("juss", "Jussive", "active"),
    ("imp", "Imperative", "active"),
    ("past_pass", "Past", "passive"),
    ("ind_pass", "Present", "passive"),
    ("sub_pass", "Subjunctive", "passive"),
    ("juss_pass", "Jussive", "passive"),
)


@dataclass(frozen=True, slots=True)
class Cell:
    """One person's form(s) in one section: ``3fs`` -> ``("زَارَتْ",)``."""

    person: str
    forms: tuple[str, ...]
    highlighted: bool = False

    @property
    def pronoun(self) -> str:
        return PRONOUNS[self.person][0]

    @property
    def english(self) -> str:
        return PRONOUNS[self.person][1]


@dataclass(frozen=True, slots=True)
class Section:
    """One block of the table: the past active, the jussive passive, ..."""

    key: str  # mazini's slot prefix: "past", "ind_pass", "imp", ...
    title: str  # "Past", "Present", "Subjunctive", "Jussive", "Imperative"
    voice: str  # "active" or "passive"
    cells: tuple[Cell, ...]

    def cell(self, person: str) -> Cell | None:
        return next((cell for cell in self.cells if cell.person == person), None)

    @property
    def highlighted(self) -> bool:
        return any(cell.highlighted for cell in self.cells)


@dataclass(frozen=True, slots=True)
class Conjugation:
    """Every form of one verb, fully vocalised, with the word in the text marked."""

    lemma: str  # the past 3ms, as mazini vocalises it: قَالَ
    verb_form: str  # "I" ... "X", "Iq" ...
    wazn: str  # mazini's pattern name: "فعَل يفعُل", "استفعل"
    radicals: tuple[str, ...]
    verb_type: str  # mazini's Arabic description: «فعل ثلاثي مُجرَّد معتل أجوف واوي»
    past_vowel: str | None  # form I: "a", "i" or "u"; None otherwise or unknown
    present_vowel: str | None  # form I: None when no evidence settles it
    vowel_note: str  # how the stem vowels were found, or why they are unknown
    sections: tuple[Section, ...]
    active_participles: tuple[str, ...]
    passive_participles: tuple[str, ...]
    verbal_nouns: tuple[str, ...]
    notes: tuple[str, ...] = ()  # the verbal noun or passive caveats, in words
    matched: tuple[str, ...] = ()  # the highlighted slots: ("past_3fs",)

    def section(self, key: str) -> Section | None:
        return next((section for section in self.sections if section.key == key), None)

    @property
    def form_label(self) -> str:
        """``Form I · فعَل يفعُل``; just ``Form I`` when the pattern is not settled."""
        return f"Form {self.verb_form} · {self.wazn}" if self.wazn else f"Form {self.verb_form}"
