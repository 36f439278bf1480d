"""Saved web pages: the article's title and paragraphs only, nothing fetched."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from reader.text import EmptyDocumentError, load_document, webpage

# Noise that must not reach the reader, one marker per kind of clutter.
MENU = ("الرئيسية", "رياضة", "اقتصاد", "اتصل بنا")
SCRIPT = "متغير_التتبع_السري"
STYLE = "font-family"
COMMENT = "تعليق مخفي للمطورين"
FOOTER = "جميع الحقوق محفوظة"

PARAGRAPHS = (
    "لم يكن الاستقبال الذي حظي به وزير الخارجية الأميركي، جون كيري، خلال زيارته إلى "
    "روسيا يوم أمس على قدر المهمة التي جاء من أجلها.",
    "أفادت تقارير صحافية أن الرئيس الروسي فلاديمير بوتين ترك كيري ينتظره لمدة 3 ساعات "
    "قبل لقائهما في الكريملن يوم أمس الثلاثاء.",
    "وقالت صحيفة الدايلي ميل البريطانية إن كيري أخبر بوتين بأن &quot;الولايات المتحدة "
    "تعتقد أنها تتقاسم مع روسيا مصالح مشتركة&quot;.",
)


def news_page(charset: str = "utf-8", *, body: str | None = None) -> str:
    article = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    if body is None:
        body = f"""
<header><div class="logo">صحيفة الأخبار</div></header>
<nav class="main-menu"><ul>
  {"".join(f'<li><a href="/{i}">{item}</a></li>' for i, item in enumerate(MENU))}
</ul></nav>
<!-- {COMMENT}: لا تنشر هذا -->
<main><article>
  <h1>كيري في موسكو</h1>
  <div class="meta"><time datetime="2013-05-08">8 أيار 2013</time></div>
  <img src="http://img.example.com/kerry-putin.jpg" alt="كيري وبوتين">
  {article}
  <h2>غيّب الصراع</h2>
  <p>مع هذا، لم يشر بوتين من قريب أو من بعيد، في تصريحاته العامة، إلى الصراع في سوريا
  الذي أدى إلى حدوث جمود في العلاقات المتبادلة بين واشنطن وموسكو.</p>
</article></main>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/x">خبر آخر</a></li></ul></aside>
<footer><p>{FOOTER} &copy; 2013 صحيفة الأخبار</p><a href="/contact">اتصل بنا</a></footer>
<script>var {SCRIPT} = "الرئيسية"; document.write("<p>نص مكتوب بالسكربت</p>");</script>
"""
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="{charset}">
<title>كيري في موسكو | صحيفة الأخبار</title>
<link rel="stylesheet" href="http://cdn.example.com/css/site.css">
<script src="http://cdn.example.com/js/analytics.js"></script>
<style>body {{ {STYLE}: "Tahoma"; direction: rtl; }}</style>
</head>
<body>{body}</body>
</html>
"""


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("loading a page must not open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.mark.parametrize("charset", ["utf-8", "windows-1256", "iso-8859-6"])
def test_main_text_only(tmp_path, no_network, charset):
    path = tmp_path / "kerry.html"
    path.write_bytes(news_page(charset).encode(charset))
    doc = load_document(path)

    assert doc.encoding == {"utf-8": "utf-8", "windows-1256": "cp1256"}.get(charset, "iso8859_6")
    assert doc.title == "كيري في موسكو"
    assert doc.has_title_paragraph
    paragraphs = [doc.text[p.start : p.end] for p in doc.paragraphs]
    assert paragraphs[0] == "كيري في موسكو"
    assert paragraphs.count("كيري في موسكو") == 1  # <title> and <h1> are one heading
    assert paragraphs[1] == PARAGRAPHS[0]
    assert paragraphs[2] == PARAGRAPHS[1]
    assert "«الولايات المتحدة" not in doc.text  # a real " in the page is the author's
    assert '"الولايات المتحدة' in doc.text
    assert any(p.startswith("مع هذا، لم يشر بوتين") for p in paragraphs)

    for noise in (*MENU, SCRIPT, STYLE, COMMENT, FOOTER, "نص مكتوب بالسكربت", "http"):
        assert noise not in doc.text, noise
    assert "<" not in doc.text and "{" not in doc.text
    for token in doc.tokens:
        assert doc.text[token.start : token.end] == token.text


def test_htm_suffix_and_charset_from_bytes(tmp_path, no_network):
    # No <meta charset>: the bytes themselves tell the encoding.
    page = news_page().replace('<meta charset="utf-8">', "")
    path = tmp_path / "kerry.htm"
    path.write_bytes(page.encode("cp1256"))
    doc = load_document(path)
    assert doc.encoding == "cp1256"
    assert PARAGRAPHS[0] in doc.text


def test_page_without_extension_is_read_as_html(tmp_path, no_network):
    path = tmp_path / "saved-page"
    path.write_bytes(news_page().encode("utf-8"))
    doc = load_document(path)
    assert doc.title == "كيري في موسكو"
    assert "<html" not in doc.text and PARAGRAPHS[0] in doc.text


def test_short_page_is_read(tmp_path, no_network):
    path = tmp_path / "short.html"
    path.write_text(
        "<html><head><title>خبر</title></head>"
        "<body><nav>القائمة</nav><p>وصل كيري إلى موسكو.</p></body></html>",
        encoding="utf-8",
    )
    doc = load_document(path)
    assert "وصل كيري إلى موسكو." in doc.text
    assert "القائمة" not in doc.text


def test_lxml_fallback_when_the_extractor_finds_nothing(tmp_path, no_network, monkeypatch):
    monkeypatch.setattr(webpage, "_trafilatura_article", lambda markup: (None, []))
    path = tmp_path / "kerry.html"
    path.write_bytes(news_page().encode("utf-8"))
    doc = load_document(path)
    assert doc.title == "كيري في موسكو | صحيفة الأخبار"  # the page's own <title>
    assert PARAGRAPHS[0] in doc.text
    assert "غيّب الصراع" in doc.text
    for noise in (*MENU, SCRIPT, STYLE, COMMENT, FOOTER, "الأكثر قراءة"):
        assert noise not in doc.text, noise


@pytest.mark.parametrize(
    "body",
    [
        "",
        "<nav><a href='/'>الرئيسية</a></nav><script>var x = 1;</script><!-- تعليق -->",
        "<p>   </p><div>&nbsp;</div>",
    ],
)
def test_page_without_text_is_empty(tmp_path, no_network, body):
    path = tmp_path / "empty.html"
    page = news_page(body=body).replace("<title>كيري في موسكو | صحيفة الأخبار</title>", "")
    path.write_text(page, encoding="utf-8")
    with pytest.raises(EmptyDocumentError, match="no article text"):
        load_document(path)


def test_bundled_article_as_html_keeps_its_fingerprint_without_title(tmp_path, no_network):
    article = Path(__file__).parents[2] / "resources" / "articles" / "kerry-moscow.txt"
    txt = load_document(article)
    paragraphs = [txt.text[p.start : p.end] for p in txt.paragraphs]
    page = news_page(body="<article>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article>")
    page = page.replace("<title>كيري في موسكو | صحيفة الأخبار</title>", "")
    path = tmp_path / "article.html"
    path.write_text(page, encoding="utf-8")
    doc = load_document(path)
    assert [(t.text, t.kind) for t in doc.tokens] == [(t.text, t.kind) for t in txt.tokens]
    assert doc.fingerprint == txt.fingerprint


@pytest.mark.parametrize(
    ("declared", "codec"),
    [
        ("windows-1252", "cp1256"),
        ("iso-8859-1", "cp1256"),
        ("ISO-8859-15", "cp1256"),
        ("iso-8859-1", "iso8859_6"),
    ],
)
def test_arabic_bytes_under_a_western_charset_are_read_as_arabic(
    tmp_path, no_network, declared, codec
):
    # An old page saved as Windows-1256 by an editor that declared its own default.
    data = news_page(declared).encode(codec)
    declared_reading = data.decode(declared)  # the declared charset "works": mojibake
    assert not any("\u0600" <= c <= "\u06ff" for c in declared_reading)
    path = tmp_path / "old.html"
    path.write_bytes(data)
    doc = load_document(path)
    assert doc.encoding == codec
    assert doc.title == "كيري في موسكو"
    assert PARAGRAPHS[0] in doc.text
    assert all(t.text.strip("ـ") and not t.text.isascii() for t in doc.tokens if t.kind == "arabic")


def test_bundled_article_in_cp1256_declared_windows_1252(tmp_path, no_network):
    article = Path(__file__).parents[2] / "resources" / "articles" / "kerry-moscow.txt"
    txt = load_document(article)
    paragraphs = [txt.text[p.start : p.end] for p in txt.paragraphs]
    body = "<article>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article>"
    page = news_page("windows-1252", body=body).replace(
        "<title>كيري في موسكو | صحيفة الأخبار</title>", ""
    )
    path = tmp_path / "article.html"
    path.write_bytes(page.encode("cp1256"))
    doc = load_document(path)
    assert doc.encoding == "cp1256"
    assert doc.fingerprint == txt.fingerprint


@pytest.mark.parametrize(
    ("declared", "text"),
    [
        ("windows-1252", "Le ministre a déclaré à la presse qu’il était très ému, à Paris."),
        ("iso-8859-1", "Die Außenminister äußerten sich über die Gespräche in Moskau."),
        ("windows-1251", "Министр иностранных дел заявил, что переговоры были трудными."),
        ("iso-8859-7", "Ο υπουργός εξωτερικών δήλωσε ότι οι συνομιλίες ήταν δύσκολες."),
    ],
)
def test_pages_rightly_in_other_code_pages_are_not_forced_into_arabic(
    tmp_path, no_network, declared, text
):
    page = (
        f'<html><head><meta charset="{declared}"><title>News</title></head>'
        f"<body><article><p>{text}</p><p>{text}</p></article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(page.encode(declared))
    doc = load_document(path)
    assert text in doc.text
    assert doc.encoding not in ("cp1256", "iso8859_6")
