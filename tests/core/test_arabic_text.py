"""reader.text.arabic does, on real text, exactly what the helpers it replaced did.

The references below are verbatim copies of the normalisations reader/ wrote
before they were gathered into one module (``git show`` the commit that adds
this file): the store's search form, the morphology's ``dediacritize`` and
lemma cleaning, the name index's key, the ranking's letter forms. The store's
form is also compared with the copy frozen in migration 0002, which filled
the saved vocabulary's search columns: a key that changed would stop finding
a learner's saved words. The corpus is committed: the seed article, the news sentences written for
the tests (``tests/data/news-marks.txt``: every kind of mark, tatweel and
presentation forms), and every stem, vocalised form and lemma of the real
CALIMA-star database, each also decomposed (NFD), since combining hamza and
madda only appear so. The dev sets beside the checkout, when present, are a
second corpus checked the same way; without them those cases skip.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from pathlib import Path

import pytest

from reader.text import arabic
from tests import marked_news
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


def _migration(name: str):
    path = REPO / "reader" / "store" / "migrations" / "versions" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"migration_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _migration_plain():
    return _migration("0002_user_gloss_tags_notes")._plain


# -- the corpus -----------------------------------------------------------------

_ARABIC_RUN = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+")
_LETTER = re.compile("[\u0621-\u064a]")
_VOWELS = re.compile(f"[{''.join(sorted(arabic.VOWEL_MARKS))}]")


def _words(text: str) -> set[str]:
    return set(_ARABIC_RUN.findall(text))


def _database_forms(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    stems = text[text.index("###STEMS###") :]
    forms = set(re.findall(r"(?:diac|lex|stem):(\S+)", stems))
    forms.update(line.split("\t", 1)[0] for line in stems.splitlines()[1:] if "\t" in line)
    return forms


def _corpus(texts: list[str]) -> set[str]:
    words = set().union(*map(_words, texts))
    words |= {unicodedata.normalize("NFD", word) for word in words}
    # Whole lines too: spaces, punctuation and digits must pass through untouched.
    return words | {line for text in texts for line in text.splitlines()[:2000] if line.strip()}


def _committed_texts() -> list[str]:
    return [SEED.read_text(encoding="utf-8"), marked_news.text()]


@pytest.fixture(scope="module")
def committed_corpus(real_db_path: Path) -> list[str]:
    return sorted(_corpus(_committed_texts()) | _database_forms(real_db_path))


@pytest.fixture(scope="module")
def dev_corpus() -> list[str]:
    paths = [eval_dir() / name for name in (CATT_FILE, PUD_FILE)]
    if missing := [path.name for path in paths if not path.is_file()]:
        pytest.skip(f"the dev sets are not beside this checkout ({', '.join(missing)})")
    return sorted(_corpus([path.read_text(encoding="utf-8") for path in paths]))


@pytest.fixture(params=["committed", "dev sets"])
def corpus(request: pytest.FixtureRequest) -> list[str]:
    """The committed corpus always; the dev sets too where they are (else a skip, not less)."""
    return request.getfixturevalue(
        "dev_corpus" if request.param == "dev sets" else "committed_corpus"
    )


def test_the_committed_corpus_is_real(committed_corpus: list[str]) -> None:
    assert len(committed_corpus) > 50_000


def test_the_committed_text_has_every_kind_of_mark() -> None:
    """From files in the project, not the database or the dev sets: a clone checks them all."""
    joined = "".join(_corpus(_committed_texts()))
    kinds = {
        **{f"U+{ord(c):04X}": c for c in sorted(arabic.ARABIC_MARKS) if c <= arabic.HAMZA_BELOW},
        "dagger alef": arabic.DAGGER_ALEF,
        "tatweel": arabic.TATWEEL,
        **{f"letter {letter}": letter for letter in "أإآٱؤئءةى"},
        "lam-alef ligature": "\ufefb",
        "Arabic-Indic digit": "٢",
        **{f"punctuation {mark}": mark for mark in "،؛؟٪«»"},
    }
    missing = [name for name, char in kinds.items() if char not in joined]
    assert missing == []
    assert any("\ufb50" <= char <= "\ufeff" for char in joined)  # letter shapes


def test_every_spelling_of_a_sentence_strips_to_its_plain_letters() -> None:
    """Marks and tatweel come off and leave the author's letters, hamza seats and all."""
    from reader.text.cleaning import clean_text

    sentences = marked_news.sentences()
    assert {kind for s in sentences for kind in s.spellings} == set(marked_news.KINDS) - {"plain"}
    for sentence in sentences:
        plain = sentence.plain
        assert arabic.strip_marks(plain) == plain and arabic.TATWEEL not in plain
        for kind, text in sentence.spellings.items():
            assert text != plain, kind
            if kind in ("vocalised", "wasla"):
                unmarked = [w for w in _words(text) if _LETTER.search(w) and not _VOWELS.search(w)]
                assert unmarked == [], kind
            if kind == "shapes":
                assert clean_text(text) == plain
                continue
            bare = arabic.strip_diacritics(text)
            if kind == "wasla":
                assert bare != plain and arabic.plain_alef(bare) == arabic.plain_alef(plain)
                continue
            assert bare == arabic.strip_marks(text) == plain, kind
            # Decomposed, the hamza is a mark of its own: vowels off, it must stay.
            decomposed = unicodedata.normalize("NFD", text)
            assert unicodedata.normalize("NFC", arabic.strip_diacritics(decomposed)) == plain


def test_the_store_search_form_is_unchanged(corpus: list[str]) -> None:
    frozen = _migration_plain()
    changed = [
        word
        for word in corpus
        if not (arabic.strip_diacritics(word) == _STORE_DIACRITICS.sub("", word) == frozen(word))
    ]
    assert changed == []


def test_the_store_folded_search_form_is_unchanged(corpus: list[str]) -> None:
    """The form migration 0003 filled the search columns with is the store's still."""
    from reader.store.search import search_form

    frozen = _migration("0003_search_forms_name_words")._search_form
    changed = [
        word
        for word in corpus
        if not (search_form(word) == frozen(word) == arabic.fold_letters(arabic.strip_marks(word)))
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
