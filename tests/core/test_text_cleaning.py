"""Cleaning keeps the meaning: entities, whitespace, invisible characters, paragraphs."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from reader.text import clean_text, document_from_text, load_document
from reader.text.cleaning import nfc

ARTICLE = Path(__file__).parents[2] / "resources" / "articles" / "kerry-moscow.txt"


def test_quot_debris_in_the_bundled_article_becomes_guillemets():
    raw = ARTICLE.read_text(encoding="utf-8")
    assert raw.count("quot;") == 2  # the damage this test is about is really there
    doc = load_document(ARTICLE)
    assert "quot" not in doc.text
    assert "&" not in doc.text
    quoted = re.search(r"«([^«»]*)»", doc.text)
    assert quoted is not None
    assert quoted.group(1).startswith("الولايات المتحدة تعتقد")
    assert quoted.group(1).endswith("في المنطقة وغيرها")
    assert "بأن «الولايات" in doc.text
    assert "وغيرها»." in doc.text
    # The marks are tokens of their own, the words next to them are clean words.
    words = {t.text for t in doc.tokens}
    assert {"«", "»", "الولايات", "وغيرها"} <= words
    assert not any("quot" in w for w in words)


def test_entities_and_their_debris():
    assert clean_text("أ &amp; ب") == "أ & ب"
    assert clean_text("قال&nbsp;كيري") == "قال كيري"
    assert clean_text("&#1575;&#x644;") == "ال"
    assert clean_text("قال &quot;نعم&quot;") == "قال «نعم»"
    assert clean_text("قال &amp;quot;نعم&amp;quot;") == "قال «نعم»"  # escaped twice
    assert clean_text("أ amp; ب nbsp;ج lt;د gt;") == "أ & ب ج <د >"
    # Numeric debris only for the marks the named ones stand for.
    assert clean_text("قال #34;نعم#34; و #39; و #x22;لا #xA0; #160;") == "قال «نعم» و ' و \"لا"
    # A lone mark cannot be paired: it stays a plain quotation mark.
    assert clean_text("قال quot;نعم") == 'قال "نعم'
    # Real words that merely contain the letters are untouched.
    assert clean_text("the quota; a gaslt; Camp;") == "the quota; a gaslt; Camp;"


def test_hashtags_and_numbers_before_a_semicolon_are_not_entities():
    # Without its "&", "#1234;" is a hashtag or a number, not the letter U+04D2.
    assert clean_text("شارك في الوسم #1234; اليوم") == "شارك في الوسم #1234; اليوم"
    assert clean_text("الفصل #1575; والفصل #x644;") == "الفصل #1575; والفصل #x644;"
    assert clean_text("رقم #38; و #60;") == "رقم #38; و #60;"
    # Real entities, with their "&", still decode.
    assert clean_text("&#1575;&#x644; شارك في &#1234;") == "ال شارك في \u04d2"
    assert clean_text("قال &#34;نعم&#x22;") == "قال «نعم»"


def test_quotes_pair_within_a_paragraph_only():
    assert clean_text("أ quot;ب\n\nج quot;د") == 'أ "ب\nج "د'


def test_whitespace_newlines_and_invisible_characters():
    raw = "  قال\t\t كيري\u00a0\u00a0اليوم  \r\nثم\rغادر \u200b"
    assert clean_text(raw) == "قال كيري اليوم\nثم\nغادر"
    bidi = "\u202bكيري\u202c في \u200fموسكو\u200e \u2067X\u2069"
    assert clean_text(bidi) == "كيري في موسكو X"
    assert clean_text("ZWNJ \u200c alone, می\u200cخواهم kept") == "ZWNJ alone, می\u200cخواهم kept"


def test_nfc_normalisation():
    # Alef + madda above composes to the single letter آ.
    assert clean_text("\u0627\u0653خر") == "آخر"


def test_tatweel_and_diacritics_are_kept():
    assert clean_text("كـــبير مدعومةً") == "كـــبير مدعومةً"


def test_file_without_blank_lines_has_a_paragraph_per_line():
    assert clean_text("سطر أول\nسطر ثان\n\n") == "سطر أول\nسطر ثان"


def test_hard_wrapped_lines_are_joined_but_subheadings_are_not():
    wrapped = (
        "هذا سطر طويل من فقرة ملفوفة يدويا عند عرض ثابت كما تفعل بعض المحررات\n"
        "ويكمل في السطر التالي حتى نهاية الفقرة.\n"
        "\n"
        "فقرة ثانية."
    )
    assert clean_text(wrapped).split("\n") == [
        "هذا سطر طويل من فقرة ملفوفة يدويا عند عرض ثابت كما تفعل بعض المحررات "
        "ويكمل في السطر التالي حتى نهاية الفقرة.",
        "فقرة ثانية.",
    ]
    doc = load_document(ARTICLE)
    paragraphs = [doc.text[p.start : p.end] for p in doc.paragraphs]
    # The article's subheadings sit on their own line above their paragraph.
    assert "غيّب الصراع" in paragraphs
    assert "تحسين للعلاقات" in paragraphs
    assert len(paragraphs) == 13


def test_title_line_of_a_text_file():
    doc = document_from_text("كيري في موسكو\n\nلم يكن الاستقبال على قدر المهمة.")
    assert doc.title == "كيري في موسكو"
    assert doc.has_title_paragraph
    assert doc.text.split("\n")[0] == "كيري في موسكو"
    # A first line that is a sentence is not a title: fall back to the first words.
    doc = document_from_text(ARTICLE.read_text(encoding="utf-8"))
    assert not doc.has_title_paragraph
    assert doc.title == "لم يكن الاستقبال الذي حظي به وزير الخارجية…"
    assert document_from_text("قصير جدا").title == "قصير جدا"


def test_a_long_run_of_marks_keeps_every_mark_and_short_ones_are_plain_nfc():
    # NFC reorders marks in time quadratic in a run's length: 130,000 took seconds.
    run = "\u064e\u064b" * 20_000
    text = clean_text("خبر" + run + " عاجل")
    assert text == "خبر" + nfc(run) + " عاجل" and len(nfc(run)) == len(run)
    assert sorted(nfc(run)) == sorted(run)  # every mark kept, whatever the order
    word = "e\u0301 \u0643\u064e\u0651\u062a\u064e\u0628\u064e \ufb50 \u1e0b\u0323"
    assert nfc(word) == unicodedata.normalize("NFC", word)
