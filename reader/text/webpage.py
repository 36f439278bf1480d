"""The article inside a saved web page: its title and paragraphs, nothing else.

Menus, scripts, styles, comments and footers are noise to a learner. trafilatura
finds the main text; nothing is ever fetched (no URL is given, and images or
stylesheets are only markup to it). Pages it cannot read fall back to the
``<p>`` elements of the body, and pages nested too deeply for any tree (lxml
stops at 2048 levels) to a stream of their tags.
"""

from __future__ import annotations

import codecs
import dataclasses
import functools
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from reader.text.encoding import (
    ARABIC_TEXT_SHARE,
    DecodedText,
    arabic_codepage_reading,
    arabic_share,
    decode_text,
    repaired_utf8,
)

# Where browsers look for it: the first bytes, as ASCII.
_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
# Code pages (codecs.lookup names) whose reading of Arabic bytes is Arabic.
_ARABIC_CHARSETS = frozenset({"cp1256", "iso8859-6", "cp720", "cp864"})
# Below this share of Arabic letters a page "has no Arabic"; at least this share
# of Latin letters says its letters are Latin (the mojibake of Arabic bytes in a
# Western code page is ÚäæÇä...), not Greek or Cyrillic, whose pages are right.
_FEW_ARABIC_SHARE = 0.02
_LATIN_SHARE = 0.9
_LETTER_RE = re.compile(r"[^\W\d_]")
_LATIN_LETTER_RE = re.compile("[A-Za-z\u00aa\u00b5\u00ba\u00c0-\u024f\u1e00-\u1eff]")
# What a reader never sees: scripts, styles, comments, tags and entities. Where
# each starts; _page_words finds where it ends (a regex that did both scanned to
# the end of the page from every unclosed <script>: quadratic).
_UNSEEN_START_RE = re.compile(r"<(?:(script|style)\b|(!--))?|&#?\w+;", re.IGNORECASE)
_SCRIPT_END_RE = re.compile(r"</script\s*>", re.IGNORECASE)
_STYLE_END_RE = re.compile(r"</style\s*>", re.IGNORECASE)
_XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
_CHROME_XPATH = [
    "//nav",
    "//footer",
    "//aside",
    "//header[not(ancestor::article or ancestor::main)]",
]
_NOISE_XPATH = ["//script", "//style", "//noscript", "//form", "//template"]


@dataclass(frozen=True, slots=True)
class WebArticle:
    title: str | None
    paragraphs: list[str]
    encoding: str
    replaced: int = 0  # damaged sequences shown as U+FFFD
    dropped: int = 0  # stray NUL bytes left out


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET_RE.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


@functools.cache
def _is_single_byte(codec: str) -> bool:
    """True for a code page where every byte is one character (not UTF-8, GBK...)."""
    if codec.startswith("utf"):
        return False
    for byte in range(0x80, 0x100):
        decoder = codecs.getincrementaldecoder(codec)(errors="replace")
        if not decoder.decode(bytes([byte])):  # a lead byte: waits for more
            return False
    return True


def _page_words(markup: str) -> str:
    """``markup`` with scripts, styles, comments, tags and entities each made one space.

    An element with no end (an unclosed ``<script>``, ``<!--``) falls back to its
    tag alone, as ``<[^>]*>``; an end once missed is never looked for again, so the
    page is read in one pass, whatever it holds.
    """
    pieces: list[str] = []
    kept = at = 0
    ends = _Ends(markup)
    while (found := _UNSEEN_START_RE.search(markup, at)) is not None:
        start = found.start()
        if markup[start] == "&":
            end = found.end()
        else:
            element, comment = found.group(1), found.group(2)
            end = -1
            if element:
                end = ends.after(element.lower(), found.end())
            elif comment:
                end = ends.after("-->", found.end())
            if end < 0:
                end = ends.after(">", start + 1)
            if end < 0:
                at = start + 1  # a lone "<" is text
                continue
        pieces += (markup[kept:start], " ")
        kept = at = end
    pieces.append(markup[kept:])
    return "".join(pieces)


class _Ends:
    """Where the next end of an element is, remembering ends that are not there."""

    _PATTERNS = {"script": _SCRIPT_END_RE, "style": _STYLE_END_RE}

    def __init__(self, markup: str) -> None:
        self.markup = markup
        self.missing: set[str] = set()

    def after(self, end: str, at: int) -> int:
        """The position just past the first ``end`` from ``at`` on (-1: none).

        ``at`` only grows from one call to the next: an end missing from ``at``
        on is missing from any later place too.
        """
        if end in self.missing:
            return -1
        pattern = self._PATTERNS.get(end)
        if pattern is not None:
            found = pattern.search(self.markup, at)
            stop = found.end() if found else -1
        else:
            stop = self.markup.find(end, at)
            stop = stop + len(end) if stop >= 0 else -1
        if stop < 0:
            self.missing.add(end)
        return stop


def _misdeclared_arabic(data: bytes, declared: str, text: str) -> tuple[str, str] | None:
    """The Arabic reading of a page whose Western code page gives only mojibake.

    Old Arabic pages saved as Windows-1256 often declare windows-1252 or
    iso-8859-1 (an editor's default). Decoded as declared, their words are
    Latin letters and no Arabic; the Arabic code pages, scored as a .txt file
    is, read them as Arabic.
    """
    if declared in _ARABIC_CHARSETS or not _is_single_byte(declared):
        return None
    words = _page_words(text)
    letters = len(_LETTER_RE.findall(words))
    if (
        not letters
        or arabic_share(words) >= _FEW_ARABIC_SHARE
        or len(_LATIN_LETTER_RE.findall(words)) < _LATIN_SHARE * letters
    ):
        return None
    reading = arabic_codepage_reading(data, _page_words)
    if reading is None or reading[2] < ARABIC_TEXT_SHARE:
        return None
    return reading[0], reading[1]


def decode_html_bytes(data: bytes) -> DecodedText:
    """Decode a page using its BOM, else its ``<meta charset>``, else detection."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data)
    declared = _declared_charset(data)
    if declared and not declared.startswith("utf-16") and b"\x00" in data:
        # Stray NULs, left out and counted as in a text file (no declared code
        # page but UTF-16 uses the byte inside a character).
        decoded = _declared_reading(data.replace(b"\x00", b""), declared)
        if decoded is not None:
            return dataclasses.replace(decoded, dropped=data.count(b"\x00"))
    else:
        decoded = _declared_reading(data, declared)
        if decoded is not None:
            return decoded
    return decode_text(data)


def _declared_reading(data: bytes, declared: str | None) -> DecodedText | None:
    """The page read in the code page it declares (None: it declares none, or not that)."""
    if declared == "utf-8":
        # A page that says UTF-8 is read as UTF-8, a few damaged bytes and all.
        repaired = repaired_utf8(data)
        if repaired is not None:
            return DecodedText(repaired[0], "utf-8", repaired[1])
    elif declared and not declared.startswith("utf-16"):
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            text = None
        if text is not None:
            # Pages often say latin-1 or ascii and are really UTF-8: valid UTF-8
            # with non-ASCII bytes is almost never anything else.
            if not data.isascii():
                try:
                    return DecodedText(data.decode("utf-8"), "utf-8")
                except UnicodeDecodeError:
                    pass
                arabic = _misdeclared_arabic(data, declared, text)
                if arabic is not None:
                    return DecodedText(*arabic)
            name = declared if declared.startswith("utf") else declared.replace("-", "_")
            return DecodedText(text, name)
    return None


def _trafilatura_article(markup: str) -> tuple[str | None, list[str]]:
    # Imported here: trafilatura takes about a second to import, and a plain
    # text article should not wait for it.
    import trafilatura

    result = trafilatura.bare_extraction(
        markup,
        url=None,  # never fetch anything
        include_comments=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        favor_precision=True,
        with_metadata=True,
        # On pages with little text trafilatura falls back to any text it can
        # find, menus included; site chrome is never the article, so cut it first.
        prune_xpath=_CHROME_XPATH,
    )
    if result is None:
        return None, []
    text = result.text or ""
    return result.title or None, [line for line in text.split("\n") if line.strip()]


def _lxml_article(markup: str) -> tuple[str | None, list[str]]:
    import lxml.html
    from lxml import etree

    try:
        # huge_tree: libxml2 otherwise stops at 256 levels of nesting.
        parser = lxml.html.HTMLParser(huge_tree=True)
        root = lxml.html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError):
        return None, []
    title_text = root.findtext(".//title")
    for element in root.xpath(" | ".join(_CHROME_XPATH + _NOISE_XPATH)):
        element.drop_tree()
    paragraphs = [
        " ".join(element.text_content().split())
        for element in root.xpath("//body//*[self::p or self::h1 or self::h2 or self::h3]")
    ]
    title = " ".join(title_text.split()) if title_text else None
    return title or None, [p for p in paragraphs if p]


class _TextBlocks(HTMLParser):
    """Text of a page's blocks, read as a stream of tags: no tree, so no depth limit."""

    _SKIPPED = frozenset(
        "script style noscript template nav footer aside form select button svg".split()
    )
    _PARAGRAPHS = frozenset("p h1 h2 h3".split())
    _BLOCKS = _PARAGRAPHS | frozenset(
        "div article section main header blockquote li ul ol dl dt dd table tr td th "
        "h4 h5 h6 br hr pre figure figcaption body".split()
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: list[str] = []
        self.paragraphs: list[str] = []  # inside <p>, <h1>-<h3>
        self.blocks: list[str] = []  # any block's text
        self._skipping: list[str] = []
        self._in_title = False
        self._in_paragraph = 0
        self._current: list[str] = []

    def flush(self) -> None:
        text = " ".join("".join(self._current).split())
        self._current = []
        if text:
            self.blocks.append(text)
            if self._in_paragraph:
                self.paragraphs.append(text)

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in self._SKIPPED:
            self._skipping.append(tag)
        elif tag == "title":
            self._in_title = True
        elif tag in self._BLOCKS:
            self.flush()
            self._in_paragraph += tag in self._PARAGRAPHS

    def handle_endtag(self, tag: str) -> None:
        if self._skipping:
            if tag == self._skipping[-1]:
                self._skipping.pop()
        elif tag == "title":
            self._in_title = False
        elif tag in self._BLOCKS:
            self.flush()
            if tag in self._PARAGRAPHS and self._in_paragraph:
                self._in_paragraph -= 1

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        if self._in_title:
            self.title.append(data)
        else:
            self._current.append(data)


def _streamed_article(markup: str) -> tuple[str | None, list[str]]:
    """The last resort for pages nested too deeply for lxml (more than 2048 levels)."""
    blocks = _TextBlocks()
    blocks.feed(markup)
    blocks.close()
    blocks.flush()
    title = " ".join("".join(blocks.title).split())
    return title or None, blocks.paragraphs or blocks.blocks


def extract_article(data: bytes) -> WebArticle:
    """Title and raw paragraph lines of the page's main text (may be empty)."""
    decoded = decode_html_bytes(data)
    markup = decoded.text
    # lxml refuses str input that still declares a byte encoding.
    markup = _XML_DECLARATION_RE.sub("", markup, count=1)
    title, paragraphs = _trafilatura_article(markup)
    if not paragraphs:
        fallback_title, paragraphs = _lxml_article(markup)
        title = title or fallback_title
    if not paragraphs:
        fallback_title, paragraphs = _streamed_article(markup)
        title = title or fallback_title
    return WebArticle(
        title=title,
        paragraphs=paragraphs,
        encoding=decoded.encoding,
        replaced=decoded.replaced,
        dropped=decoded.dropped,
    )
