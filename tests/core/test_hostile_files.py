"""Hostile files to read: pipes, devices, damaged bytes, strange names, broken settings.

Every special file is made inside ``tmp_path`` (``os.mkfifo``, ``os.mknod``),
never the system's own. A FIFO here has no writer: reading it the ordinary way
would wait forever, so each test below that passes proves it was never read.
"""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import reader.system.files as files
from reader.system.filenames import shown_name
from reader.system.files import RefusedFileError, read_at_most
from reader.system.settings import Settings
from reader.text import BinaryFileError, UnreadableFileError, decode_text_bytes, load_document
from reader.text.cleaning import clean_text
from reader.text.encoding import MAX_DAMAGED_SHARE, decode_text
from reader.text.webpage import decode_html_bytes, extract_article
from tests.core.cli_runs import run_process as run_cli
from tests.core.linear_time import LINEAR_RATIO, growth
from tests.core.tinydb import write_tiny_db

REPO = Path(__file__).resolve().parents[2]
ARTICLE = (
    "أفادت تقارير أن الرئيس الروسي فلاديمير بوتين ترك وزير الخارجية الأمريكي جون كيري ينتظره.\n"
    "وقال الوزير إن الحكومة ستعمل على خفض الأسعار في الأشهر المقبلة.\n"
)


def _special(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"article-{kind}.txt"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        if os.geteuid() != 0:
            pytest.skip("making a device node needs root")
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 3))  # null-like
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        server.close()
    elif kind == "folder":
        path.mkdir()
    return path


# -- opening without blocking -------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("fifo", "named pipe"),
        ("device", "a device"),
        ("socket", "a socket"),
        ("folder", "a folder"),
    ],
)
def test_a_special_file_is_refused_by_type_without_reading(
    tmp_path: Path, kind: str, words: str
) -> None:
    path = _special(tmp_path, kind)
    with pytest.raises(UnreadableFileError) as caught:
        load_document(path)
    message = str(caught.value)
    assert words in message and path.name in message
    assert message.count(". ") == 0 and message.endswith(".")


def test_a_symlink_to_a_fifo_is_refused_too(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(_special(tmp_path, "fifo"))
    with pytest.raises(UnreadableFileError, match="named pipe"):
        load_document(link)


def test_a_fifo_swapped_in_after_the_stat_is_caught_by_fstat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race: stat saw a regular file, open finds a pipe (O_NONBLOCK: no hang)."""
    fifo = _special(tmp_path, "fifo")
    regular = tmp_path / "regular.txt"
    regular.write_text(ARTICLE, encoding="utf-8")
    real_stat = os.stat

    def stat_before_the_swap(path, *args, **kwargs):
        return real_stat(regular if Path(path) == fifo else path, *args, **kwargs)

    monkeypatch.setattr(files.os, "stat", stat_before_the_swap)
    with pytest.raises(RefusedFileError, match="named pipe"):
        read_at_most(fifo, 1000)


def test_reading_stops_at_the_limit_whatever_the_size(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 10_000)
    assert len(read_at_most(path, 100)) == 101  # limit + 1: "too large", and no more in memory
    assert len(read_at_most(path, 20_000)) == 10_000


# -- decoding keeps what is good ------------------------------------------------------


def test_one_bad_byte_in_utf8_is_replaced_and_reported(tmp_path: Path) -> None:
    good = ARTICLE.encode("utf-8")
    cut = good.index("بوتين".encode())
    path = tmp_path / "news.txt"
    path.write_bytes(good[:cut] + b"\xff" + good[cut:])
    document = load_document(path)
    assert document.encoding == "utf-8"
    assert "\ufffdبوتين" in document.text and "الرئيس الروسي" in document.text
    assert len(document.warnings) == 1
    assert "news.txt" in document.warnings[0] and "1 damaged character" in document.warnings[0]
    clean = tmp_path / "clean.txt"
    clean.write_bytes(good)
    assert load_document(clean).warnings == ()


def test_the_damage_threshold_both_sides() -> None:
    arabic = ("كتب الوزير " * 50).encode("utf-8")  # 450 non-ASCII letters
    non_ascii = len("كتب الوزير " * 50) - ("كتب الوزير " * 50).count(" ")
    allowed = int(MAX_DAMAGED_SHARE * non_ascii / (1 - MAX_DAMAGED_SHARE))
    few = arabic + b"\xff" * allowed
    decoded = decode_text(few)
    assert (decoded.encoding, decoded.replaced) == ("utf-8", allowed)
    many = arabic + b"\xff" * (allowed * 3)
    assert decode_text(many).encoding != "utf-8"  # not UTF-8 any more: a code page's reading


def test_real_code_page_files_are_still_detected() -> None:
    for codec in ("cp1256", "iso8859_6"):
        text = "وقال الوزير إن الحكومة ستعمل على خفض الأسعار في الأشهر المقبلة."
        assert decode_text_bytes(text.encode(codec)) == (text, codec)


def test_a_page_declaring_utf8_with_one_bad_byte_is_read(tmp_path: Path) -> None:
    body = "".join(f"<p>{line}</p>" for line in ARTICLE.splitlines())
    page = f'<html><head><meta charset="utf-8"><title>خبر</title></head><body>{body}</body></html>'
    data = page.encode("utf-8").replace("كيري".encode(), "كيري".encode() + b"\xff", 1)
    path = tmp_path / "page.html"
    path.write_bytes(data)
    document = load_document(path)
    assert document.encoding == "utf-8"
    assert "كيري" in document.text and "\ufffd" in document.text
    assert document.warnings and "page.html" in document.warnings[0]


def test_the_cli_prints_the_warning_and_refuses_a_fifo(tmp_path: Path) -> None:
    db = write_tiny_db(tmp_path / "tiny.db")
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes(ARTICLE.encode("utf-8").replace(b" ", b" \xff ", 1))
    fifo = _special(tmp_path, "fifo")
    home = tmp_path / "home"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return run_cli(*args, home=home, db=db)

    read = run("analyze", str(damaged))
    assert read.returncode == 0, read.stderr
    assert "arabic-reader: warning: “damaged.txt” has 1 damaged character" in read.stderr
    refused = run("analyze", str(fifo))
    assert refused.returncode == 1 and refused.stdout == ""
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1 and "named pipe" in lines[0] and lines[0].startswith("arabic-reader: ")
    assert not (tmp_path / "user" / ".camel_tools").exists()


# -- settings that cannot be read -----------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"font_size": ' + b"[" * 100_000, "nested too deeply"),
        (b'{"future": ' + b"[" * 900 + b"]" * 900 + b"}", "nested too deeply"),
        (b"\x00\xffgarbage{", "not valid JSON"),
        (b'["a", "list"]', "not a set of named settings"),
        (b"42", "not a set of named settings"),
    ],
)
def test_unreadable_settings_are_set_aside_with_a_message(
    data_home: Path, content: bytes, reason: str
) -> None:
    path = data_home / "settings.json"
    path.write_bytes(content)
    settings = Settings()
    assert settings.get("font_size") == 24  # the defaults
    assert settings.problem is not None and reason in settings.problem
    assert not path.exists()
    (aside,) = data_home.glob("settings.json.broken-*")
    assert aside.read_bytes() == content and aside.name in settings.problem
    settings.set("font_size", 30)
    settings.save()
    assert Settings().get("font_size") == 30 and Settings().problem is None


def test_wrong_types_fall_back_to_defaults_and_keep_the_file(data_home: Path) -> None:
    path = data_home / "settings.json"
    path.write_text(json.dumps({"font_size": "huge", "recent_files": 3, "show_vowels": True}))
    settings = Settings()
    assert (settings.get("font_size"), settings.get("recent_files")) == (24, [])
    assert settings.get("show_vowels") is True and settings.problem is None


def test_a_fifo_as_settings_is_set_aside_not_read(data_home: Path) -> None:
    path = data_home / "settings.json"
    os.mkfifo(path)
    settings = Settings()
    assert settings.problem and "named pipe" in settings.problem
    assert not os.path.lexists(path)


def test_settings_written_through_a_symlink_keep_the_link(data_home: Path, tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "arabic-reader.json"
    real.parent.mkdir()
    real.write_text("{}", encoding="utf-8")
    link = data_home / "settings.json"
    link.symlink_to(real)
    settings = Settings()
    settings.set("font_size", 28)
    settings.save()
    assert link.is_symlink() and json.loads(real.read_text(encoding="utf-8"))["font_size"] == 28


def test_every_command_runs_with_deeply_nested_settings(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "settings.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    result = run_cli("data", "status", home=home)
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr
    assert "arabic-reader: warning: The settings file was unusable (nested too deeply)" in (
        result.stderr
    )
    assert list(home.glob("settings.json.broken-*"))


# -- smaller ones -----------------------------------------------------------------------


def test_presentation_forms_become_standard_letters() -> None:
    assert clean_text("قال ﺑﻮﺗﻴﻦ") == "قال بوتين"
    assert clean_text("ﻻ ﷲ") == "لا الله"
    assert clean_text("x² ﬁ") == "x² ﬁ"  # NFKC only for the Arabic ranges


def test_a_word_in_presentation_forms_is_looked_up_and_glossed(tmp_path: Path) -> None:
    from reader.morphology.analyzer import Morphology
    from reader.text import TokenKind, document_from_text

    document = document_from_text("وصل ﺑﻮﺗﻴﻦ إلى موسكو")
    putin = next(t for t in document.tokens if t.kind is TokenKind.ARABIC and t.index > 0)
    assert putin.text == "بوتين"
    morphology = Morphology.load(write_tiny_db(tmp_path / "tiny.db"))
    assert morphology.analyze_word(putin.lookup)[0].lemma_gloss == "Putin"


def test_a_page_nested_too_deeply_for_lxml_still_gives_its_article() -> None:
    paragraph = "<p>" + "قال الوزير إن الحكومة ستعمل على خفض الأسعار في الأشهر المقبلة. " * 3
    for depth in (300, 5_000, 50_000):
        page = (
            "<html><head><meta charset='utf-8'><title>عنوان الخبر</title></head><body>"
            "<nav>القائمة الرئيسية</nav>"
            + "<div>" * depth
            + (paragraph + "</p>") * 3
            + "</div>" * depth
            + "</body></html>"
        )
        article = extract_article(page.encode("utf-8"))
        assert article.title == "عنوان الخبر", depth
        assert article.paragraphs and "الحكومة ستعمل" in article.paragraphs[0], depth
        assert not any("القائمة" in p for p in article.paragraphs), depth


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("news.txt", "news.txt"),
        ("خبر.txt", "خبر.txt"),
        ("a\nb.txt", "a\\nb.txt"),
        ("photo\u202etxt.exe", "photo\\u202etxt.exe"),
        ("x\u2066y\u200f.txt", "x\\u2066y\\u200f.txt"),
        ("bad\udcff.txt", "bad\\xff.txt"),
        ("تحميل\u200cها.txt", "تحميل\u200cها.txt"),  # ZWNJ shapes words: kept
    ],
)
def test_file_names_are_shown_safely(name: str, shown: str) -> None:
    assert shown_name(name) == shown
    assert shown_name(Path("/tmp") / name) == "/tmp/" + shown


def test_a_file_name_with_controls_is_escaped_in_the_title_and_messages(tmp_path: Path) -> None:
    path = tmp_path / "line\nbreak\u202eevil.txt"
    path.write_text("بوتين في موسكو", encoding="utf-8")
    document = load_document(path)
    assert document.title == "line\\nbreak\\u202eevil"
    empty = tmp_path / "empty\u202e.txt"
    empty.write_bytes(b"   ")
    with pytest.raises(Exception) as caught:
        load_document(empty)
    assert "\u202e" not in str(caught.value) and "empty\\u202e.txt" in str(caught.value)


def test_no_camel_tools_folder_appears_in_the_real_home(tmp_path: Path) -> None:
    user_home = tmp_path / "user"
    user_home.mkdir()
    env = {**os.environ, "ARABIC_READER_HOME": str(tmp_path / "data"), "HOME": str(user_home)}
    env.pop("CAMELTOOLS_DATA", None)
    code = (
        "import reader.morphology, camel_tools.morphology.database;"
        "import camel_tools.data.catalogue as c; print(c.CT_DATA_DIR)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO, check=True
    )
    assert result.stdout.strip() == str(tmp_path / "data" / "camel_tools")
    assert not (user_home / ".camel_tools").exists()


def test_settings_that_cannot_be_read_are_never_replaced(
    data_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = data_home / "settings.json"
    path.write_text('{"font_size": 31}', encoding="utf-8")
    real_open = os.open

    def denied(name, *args, **kwargs):  # root reads everything: what the OS would say
        if Path(name) == path:
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(files.os, "open", denied)
        settings = Settings()
    assert settings.get("font_size") == 24 and "could not be read" in (settings.problem or "")
    with pytest.raises(PermissionError):
        settings.save()
    assert path.read_text(encoding="utf-8") == '{"font_size": 31}'


# -- text that costs more to read than its size says ----------------------------------


def _comments_then_arabic(comments: int) -> bytes:
    return ("<!-- c -->\n" * comments + "خبر عاجل من موسكو\n").encode("utf-8")


def test_a_file_of_many_comments_with_no_suffix_is_read_as_text(tmp_path: Path) -> None:
    # 40 comments and one line: the check "is it a web page?" once took forever on it.
    path = tmp_path / "article"
    path.write_bytes(_comments_then_arabic(40))
    assert len(path.read_bytes()) < 500
    document = load_document(path)
    assert "خبر عاجل من موسكو" in document.text
    assert document.text.count("<!--") == 40  # text, not a page: nothing was stripped


def test_telling_a_page_by_its_start_takes_linear_time(tmp_path: Path) -> None:
    small, large = tmp_path / "small", tmp_path / "large"
    small.write_bytes(_comments_then_arabic(10))
    large.write_bytes(_comments_then_arabic(20))
    assert growth(load_document, small, large) < LINEAR_RATIO
    # Comments before the page's own start are still skipped.
    page = tmp_path / "page"
    page.write_bytes(
        b"<?xml version='1.0'?>\n<!-- saved -->\n<!-- by a browser -->\n<!DOCTYPE html>"
        + f"<html><body><p>{ARTICLE}</p></body></html>".encode()
    )
    assert "<!--" not in load_document(page).text and "بوتين" in load_document(page).text


def _unclosed_scripts(count: int) -> bytes:
    # Arabic bytes in Windows-1256 under a page that says windows-1252: the words are
    # read for their letters, every tag stripped first.
    return (
        b'<html><head><meta charset="windows-1252"></head><body>'
        + b"<script>" * count
        + f"<p>{ARTICLE}</p></body></html>".encode("cp1256")
    )


def test_unclosed_scripts_in_a_misdeclared_page_take_linear_time() -> None:
    small, large = _unclosed_scripts(3000), _unclosed_scripts(6000)
    assert growth(decode_html_bytes, small, large) < LINEAR_RATIO
    decoded = decode_html_bytes(large)
    assert decoded.encoding == "cp1256" and "بوتين" in decoded.text


# -- stray NUL bytes ------------------------------------------------------------------


def test_one_nul_byte_in_a_long_article_is_left_out_and_reported(tmp_path: Path) -> None:
    good = (ARTICLE * 400).encode("utf-8")
    assert len(good) > 90_000
    cut = good.index("بوتين".encode())
    path = tmp_path / "news.txt"
    path.write_bytes(good[:cut] + b"\x00" + good[cut:])
    document = load_document(path)
    assert document.text == load_document_from_bytes(tmp_path, good).text
    assert document.warnings == (
        "“news.txt” has 1 stray NUL byte, left out; the rest was read as saved.",
    )


def test_a_few_nul_bytes_in_a_page_without_a_charset_are_left_out(tmp_path: Path) -> None:
    page = f"<html><body><p>{ARTICLE}</p></body></html>".encode()
    path = tmp_path / "page.html"
    path.write_bytes(page.replace(b"<p>", b"<p>\x00\x00", 1))
    document = load_document(path)
    assert "بوتين" in document.text and "\x00" not in document.text
    assert document.warnings and "2 stray NUL bytes" in document.warnings[0]


def test_text_with_many_nul_bytes_is_still_binary(tmp_path: Path) -> None:
    good = (ARTICLE * 20).encode("utf-8")
    path = tmp_path / "data.txt"
    path.write_bytes(b"\x00".join(good[i : i + 50] for i in range(0, len(good), 50)))
    with pytest.raises(BinaryFileError):
        load_document(path)


def load_document_from_bytes(tmp_path: Path, data: bytes):
    path = tmp_path / "clean.txt"
    path.write_bytes(data)
    return load_document(path)
