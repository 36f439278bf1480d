"""``arabic-reader --self-test``: prove an installation works, headless.

Packagers and users run it after installing (it is what the bundle test runs):
each check prints one line, and the exit status is 0 only if all passed. These
are the core's checks and import no Qt; ``reader.ui.window.app`` adds the window's
check to the same :class:`Report`.

Nothing here touches the learner's vocabulary: the store check works on a
temporary file.
"""

from __future__ import annotations

import contextlib
import socket
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from reader.system import paths

if TYPE_CHECKING:
    from reader.morphology.analyzer import Morphology

# The default article is ordinary news; far fewer known words means a broken
# or wrong database, not a hard text.
MIN_COVERAGE = 0.8

# A word saved as the window saves one (check_saving): its lemma is not the word as written.
_SAVED_SENTENCE, _SAVED_WORD = "وصل الوزير إلى موسكو أمس.", "الوزير"
_WEB_PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>اختبار</title></head>
<body><nav><a href="/">الرئيسية</a></nav>
<article><h1>اختبار القارئ</h1>
<p>وصل وزير الخارجية إلى موسكو صباح اليوم في زيارة رسمية تستمر يومين.</p>
<p>وقال الوزير إن المحادثات ستتناول الأوضاع في المنطقة والعلاقات بين البلدين.</p>
<p>وأضاف أن الجانبين يأملان في التوصل إلى اتفاق قبل نهاية الشهر الجاري.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>
"""


class SelfTestFailure(Exception):
    """A check's failure, said in one line."""


class Report:
    """Runs checks, prints one line each, and remembers whether all passed."""

    def __init__(self, out: TextIO | None = None) -> None:
        self.out = out or sys.stdout
        self.passed = 0
        self.failed = 0

    def check(self, name: str, run: Callable[[], str]) -> bool:
        started = time.monotonic()
        try:
            detail = run()
        except Exception as error:  # a self-test reports every failure, whatever it is
            self.record(name, False, f"{type(error).__name__}: {error}")
            return False
        self.record(name, True, f"{detail} [{time.monotonic() - started:.1f} s]")
        return True

    def record(self, name: str, ok: bool, detail: str) -> None:
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        verdict = "ok" if ok else "FAILED"
        print(f"self-test: {name}: {verdict}: {detail}", file=self.out, flush=True)

    def finish(self) -> int:
        """Print the summary line; the process's exit status."""
        total = self.passed + self.failed
        if self.failed or not total:
            print(f"self-test: {self.failed} of {total} checks failed", file=self.out, flush=True)
            return 1
        print(f"self-test: all {total} checks passed", file=self.out, flush=True)
        return 0


def check_database(setting: str | None = None) -> str:
    from reader.morphology.database.locate import database_status

    status = database_status(setting)
    if status.location is None:
        raise SelfTestFailure(
            "no morphology database is installed (run `arabic-reader data install`)"
        )
    if not status.ok:
        raise SelfTestFailure(status.problem)
    verified = ", checksum as installed" if status.integrity == "ok" else ""
    return (
        f"{status.title}, {status.location.description}, "
        f"sha256 {status.sha256}{verified}, {status.location.path}"
    )


@lru_cache(maxsize=1)
def _morphology(setting: str | None) -> Morphology:
    """The dictionary, loaded once for every check that needs it."""
    from reader.morphology.analyzer import Morphology

    return Morphology.load(setting=setting)


def check_analysis(setting: str | None = None) -> str:
    from reader.reading.prepare import prepare
    from reader.text import load_document

    document = load_document(paths.default_article_path())
    morphology = _morphology(setting)
    known, total = prepare(document, morphology).coverage
    if not total or known < MIN_COVERAGE * total:
        raise SelfTestFailure(
            f"only {known} of {total} words of the default article found in the dictionary"
        )
    from reader.morphology.evidence import FEATURES, WEIGHTS_FILE, weights

    if weights().source != "fitted":
        raise SelfTestFailure(
            f"the scorer's weights ({WEIGHTS_FILE.name}) are missing or damaged: readings "
            "are ranked by the hand-set rules; reinstall Arabic Reader"
        )
    return (
        f"{document.title}: {known} of {total} words found in the dictionary; "
        f"readings weighed by the fitted scorer ({len(FEATURES)} kinds of evidence)"
    )


@contextlib.contextmanager
def _no_network() -> Iterator[None]:
    """Every socket connection and name lookup in the block fails."""

    def refuse(*args: object, **kwargs: object) -> NoReturn:
        raise SelfTestFailure("tried to reach the network")

    saved = [
        (owner, name, getattr(owner, name))
        for owner, name in (
            (socket.socket, "connect"),
            (socket.socket, "connect_ex"),
            (socket, "create_connection"),
            (socket, "getaddrinfo"),
        )
    ]
    for owner, name, _ in saved:
        setattr(owner, name, refuse)
    try:
        yield
    finally:
        for owner, name, original in saved:
            setattr(owner, name, original)


def check_vowels() -> str:
    """The vowel model loads from its package, offline, and vocalises the default article."""
    import unicodedata
    from importlib.resources import files

    from reader.morphology.vowels.diacritizer import MODEL, Diacritizer, model_files
    from reader.text import TokenKind, load_document
    from reader.text.arabic import VOWEL_MARKS

    def letters(word: str) -> str:
        decomposed = unicodedata.normalize("NFD", word)
        return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")

    def has_vowels(word: str) -> bool:
        return any(c in VOWEL_MARKS for c in unicodedata.normalize("NFD", word))

    models = files("text2tashkeel") / "models"
    missing = [name for name in model_files(MODEL) if not (models / name).is_file()]
    if missing:
        raise SelfTestFailure(f"the vowel model's {', '.join(missing)} is missing from {models}")
    document = load_document(paths.default_article_path())
    words = [t.lookup for t in document.sentence_tokens(0) if t.kind is TokenKind.ARABIC]
    with _no_network():
        forms = Diacritizer(MODEL).vocalize_words(words)
    changed = [(w, f) for w, f in zip(words, forms, strict=True) if letters(w) != letters(f)]
    if changed:
        raise SelfTestFailure(f"the vowel model changed the letters of {changed[0][0]}")
    voweled = sum(has_vowels(form) for form in forms)
    if not words or voweled < 0.9 * len(words):
        raise SelfTestFailure(f"only {voweled} of {len(words)} words of a sentence got vowels")
    example = max(zip(words, forms, strict=True), key=lambda pair: len(pair[0]))
    return (
        f"{MODEL} offline: {voweled} of {len(words)} words of the article's first sentence "
        f"vocalised ({example[0]} → {example[1]})"
    )


def check_names() -> str:
    """Every offline source of names' English loads, offline: CLDR, the lists of
    names, GeoNames' cities and the spelling model of foreign names."""
    from reader.morphology.names import sources as names
    from reader.morphology.names import spelling as name_spelling

    expected = (
        ("الولايات المتحدة", "United States", "cldr"),
        ("ويلر", "Wheeler", "dictionary"),
        ("مصطفى", "Mustafa", "attested"),
        ("بلانو", "Plano", "geonames"),
    )
    with _no_network():
        for arabic, english, source in expected:
            found = names.known_name(arabic)
            if found is None or (found.english, found.source) != (english, source):
                raise SelfTestFailure(f"{arabic} should be {english} ({source}), not {found}")
        spelt = name_spelling.spell("كولورادو")
    if spelt != "Colorado":
        raise SelfTestFailure(f"the spelling model spelt كولورادو {spelt!r}, not Colorado")
    return f"{len(expected)} sources and the spelling model offline (كولورادو → {spelt})"


def check_web_page() -> str:
    """A saved web page goes through trafilatura (and its bundled data files)."""
    from reader.text import load_document

    with tempfile.TemporaryDirectory(prefix="arabic-reader-selftest-") as directory:
        page = Path(directory) / "page.html"
        page.write_text(_WEB_PAGE, encoding="utf-8")
        document = load_document(page)
    if "موسكو" not in document.text or "الحقوق محفوظة" in document.text:
        raise SelfTestFailure("the article was not extracted from the web page")
    return f"{len(document.tokens)} tokens extracted from a saved page"


def check_store() -> str:
    """Create, migrate, write and read a vocabulary file, and export it for Anki."""
    from reader.store import find_entry, get_entry, open_store, save_word, set_tags
    from reader.store.export import export_apkg

    with tempfile.TemporaryDirectory(prefix="arabic-reader-selftest-") as directory:
        store = open_store(Path(directory) / "vocabulary.sqlite3")
        try:
            saved, _ = save_word(
                store,
                lex="كِتاب_1",
                pos="noun",
                lemma="كِتاب",
                root="ك.ت.ب",
                pos_label="noun",
                dictionary_gloss="book",
            )
            set_tags(store, saved.id, ["self-test"])
            read = get_entry(store, saved.id)
            found = find_entry(store, "كِتاب_1", "noun")
            if found is None or found.id != saved.id or read.dictionary_gloss != "book":
                raise SelfTestFailure("the saved word did not read back the same")
            if read.tags != ("self-test",):
                raise SelfTestFailure(f"the tags read back as {read.tags!r}")
            notes = export_apkg(store, Path(directory) / "deck.apkg")
        finally:
            store.close()
    return f"saved, read back and exported to Anki ({notes} note) in a temporary file"


def check_saving(setting: str | None = None) -> str:
    """A word saved as the window and ``vocab add`` save one: a sentence prepared by
    the reading core, the word saved with save_at into a temporary vocabulary and
    read back."""
    from reader.reading.prepare import prepare
    from reader.reading.save import save_at
    from reader.reading.session import ReadingSession
    from reader.store import get_entry, open_store
    from reader.text import document_from_text

    document = document_from_text(_SAVED_SENTENCE, title="self-test")
    morphology = _morphology(setting)
    session = ReadingSession(morphology)
    session.open(document)
    session.analysed(prepare(document, morphology))
    word = next(t.index for t in document.tokens if t.text == _SAVED_WORD)
    with tempfile.TemporaryDirectory(prefix="arabic-reader-selftest-") as directory:
        store = open_store(Path(directory) / "vocabulary.sqlite3")
        try:
            saved = save_at(store, session, word)
            if saved is None:
                raise SelfTestFailure(f"{_SAVED_WORD} had no reading to save")
            read = get_entry(store, saved.entry.id)
        finally:
            store.close()
    if read.key != saved.entry.key or not read.dictionary_gloss or read.occurrence_count != 1:
        raise SelfTestFailure("the saved word did not read back the same")
    return f"{read.lemma} ({read.dictionary_gloss}) saved from a sentence and read back"


def core_checks(setting: str | None = None) -> list[tuple[str, Callable[[], str]]]:
    """Every check that needs no display, in the order they are reported."""
    return [
        ("database", lambda: check_database(setting)),
        # Before the analysis, which vocalises too: the model's first load is offline.
        ("vowels", check_vowels),
        ("analysis", lambda: check_analysis(setting)),
        ("names", check_names),
        ("web page", check_web_page),
        ("vocabulary", check_store),
        ("saving a word", lambda: check_saving(setting)),
    ]


def run_core_checks(report: Report, setting: str | None = None) -> None:
    for name, run in core_checks(setting):
        report.check(name, run)
