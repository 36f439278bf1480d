"""reader.text.arabic does, on real text, exactly what the helpers it replaced did.

The references below are verbatim copies of the normalisations reader/ wrote
before they were gathered into one module (``git show`` the commit that adds
this file): the store's search form, the morphology's ``dediacritize`` and
lemma cleaning, the name index's key, the ranking's letter forms. The store's
form is also compared with the copy frozen in migration 0002, which filled
the saved vocabulary's search columns: a key that changed would stop finding
a learner's saved words. The corpus is the seed article, the evaluation files
beside the checkout (when present), and every stem, vocalised form and lemma of
the real CALIMA-star database, each also decomposed (NFD), since combining
hamza and madda only appear there.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from pathlib import Path

import pytest

from reader.text import arabic
from tests.benchmarks.quality_data import CATT_FILE, PUD_FILE, eval_dir

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "resources" / "articles" / "kerry-moscow.txt"

# -- the replaced helpers, as they were -----------------------------------------

_STORE_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")  # reader/store/arabic.py
_BUILD_DIACRITICS = re.compile("[\u064b-\u0650\u0652-\u065f\u0670]")  # build.py: all but shadda
_BUILD_ALL_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")  # build.dediacritize
_BUILD_ALEF_FORMS = str.maketrans(
    {"\u0671": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627"}
)
_NAMES_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")  # names.py
_NAMES_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})
_RANKING_LETTER_FORMS = str.maketrans("أإآٱىة", "اااايه")  # ranking.py
_ROOTS_MARKS = set("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670")  # roots.py


def _migration_plain():
    path = REPO / "reader" / "store" / "migrations" / "versions" / "0002_user_gloss_tags_notes.py"
    spec = importlib.util.spec_from_file_location("migration_0002", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module._plain


# -- the corpus -----------------------------------------------------------------

_ARABIC_RUN = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+")


def _words(text: str) -> set[str]:
    return set(_ARABIC_RUN.findall(text))


def _database_forms(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    stems = text[text.index("###STEMS###") :]
    forms = set(re.findall(r"(?:diac|lex|stem):(\S+)", stems))
    forms.update(line.split("\t", 1)[0] for line in stems.splitlines()[1:] if "\t" in line)
    return forms


@pytest.fixture(scope="module")
def corpus(real_db_path: Path) -> list[str]:
    texts = [SEED.read_text(encoding="utf-8")]
    for name in (CATT_FILE, PUD_FILE):
        path = eval_dir() / name
        if path.is_file():
            texts.append(path.read_text(encoding="utf-8"))
    words = set().union(*map(_words, texts)) | _database_forms(real_db_path)
    words |= {unicodedata.normalize("NFD", word) for word in words}
    # Whole lines too: spaces, punctuation and digits must pass through untouched.
    lines = {line for text in texts for line in text.splitlines()[:2000] if line.strip()}
    return sorted(words | lines)


def test_the_corpus_is_real_and_has_every_kind_of_mark(corpus: list[str]) -> None:
    joined = "".join(corpus)
    assert len(corpus) > 50_000
    for char in (
        *arabic.ARABIC_MARKS & set("\u064b\u0651\u0652\u0653\u0654\u0655\u0670"),
        "\u0640",
    ):
        assert char in joined, f"U+{ord(char):04X} is not in the corpus"
    for letter in "أإآٱةى":
        assert letter in joined


def test_the_store_search_form_is_unchanged(corpus: list[str]) -> None:
    frozen = _migration_plain()
    changed = [
        word
        for word in corpus
        if not (arabic.strip_diacritics(word) == _STORE_DIACRITICS.sub("", word) == frozen(word))
    ]
    assert changed == []


def test_the_morphology_forms_are_unchanged(corpus: list[str]) -> None:
    changed = [
        word
        for word in corpus
        if arabic.strip_marks(word) != _BUILD_ALL_DIACRITICS.sub("", word)
        or arabic.strip_marks_but_shadda(word) != _BUILD_DIACRITICS.sub("", word)
        or arabic.plain_alef(word) != word.translate(_BUILD_ALEF_FORMS)
        or arabic.strip_tatweel(word) != word.replace("\u0640", "")
    ]
    assert changed == []


def test_the_name_key_and_letter_forms_are_unchanged(corpus: list[str]) -> None:
    changed = [
        word
        for word in corpus
        if arabic.fold_letters(arabic.strip_marks(word)).strip()
        != _NAMES_MARKS.sub("", word).translate(_NAMES_FOLD).strip()
        or arabic.fold_letters(word) != word.translate(_RANKING_LETTER_FORMS)
    ]
    assert changed == []
    assert arabic.VOWEL_MARKS == _ROOTS_MARKS


def test_the_sets_are_camel_tools_own(corpus: list[str]) -> None:
    from camel_tools.utils.charsets import AR_DIAC_CHARSET
    from camel_tools.utils.dediac import dediac_ar

    assert arabic.VOWEL_MARKS == AR_DIAC_CHARSET
    assert [w for w in corpus if arabic.strip_diacritics(w) != dediac_ar(w).replace("ـ", "")] == []
    # The rest of the Arabic combining marks: every one is a combining mark, none is a letter.
    for char in arabic.ARABIC_MARKS:
        assert unicodedata.category(char) == "Mn" and unicodedata.name(char).startswith("ARABIC")
    assert arabic.HAMZA_MARKS < arabic.ARABIC_MARKS and not arabic.HAMZA_MARKS & arabic.VOWEL_MARKS
