"""Tokenisation: camel-tools-like splitting, with offsets and kinds."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from reader.text import (
    EmptyDocumentError,
    TokenKind,
    document_from_text,
    strip_tatweel,
    tokenize,
)
from reader.text.arabic import plain_alef, strip_diacritics
from tests import marked_news

ARTICLE = Path(__file__).parents[2] / "resources" / "articles" / "kerry-moscow.txt"

A, N, L, P = TokenKind.ARABIC, TokenKind.NUMBER, TokenKind.LATIN, TokenKind.PUNCT


def pieces(text: str) -> list[tuple[str, TokenKind]]:
    return [(text[s:e], k) for s, e, k in tokenize(text)]


def test_arabic_words_and_arabic_punctuation():
    assert pieces("قال كيري، هل انتهى؟ نعم؛ ٥٪") == [
        ("قال", A),
        ("كيري", A),
        ("،", P),
        ("هل", A),
        ("انتهى", A),
        ("؟", P),
        ("نعم", A),
        ("؛", P),
        ("٥", N),
        ("٪", P),
    ]


def test_diacritics_shadda_and_tatweel_stay_inside_the_word():
    assert pieces("مدعومةً يشنّها كـــبير") == [("مدعومةً", A), ("يشنّها", A), ("كـــبير", A)]


def test_mixed_script_run_is_split_by_script():
    assert pieces("بـ2015") == [("بـ", A), ("2015", N)]
    assert pieces("2015م") == [("2015", N), ("م", A)]
    assert pieces("الـCIA") == [("الـ", A), ("CIA", L)]


def test_numbers_keep_internal_separators():
    assert pieces("3.5 ١٬٠٠٠ ٣٫٥ 1,000 ۱۲") == [
        ("3.5", N),
        ("١٬٠٠٠", N),
        ("٣٫٥", N),
        ("1,000", N),
        ("۱۲", N),
    ]
    # A trailing full stop is punctuation, not part of the number.
    assert pieces("عام 2013.") == [("عام", A), ("2013", N), (".", P)]


def test_every_symbol_is_its_own_token_like_camel_tools():
    assert pieces("Hello,    world!!!") == [
        ("Hello", L),
        (",", P),
        ("world", L),
        ("!", P),
        ("!", P),
        ("!", P),
    ]
    assert pieces("أيلول/ سبتمبر") == [("أيلول", A), ("/", P), ("سبتمبر", A)]
    assert pieces("«الولايات»") == [("«", P), ("الولايات", A), ("»", P)]
    assert pieces("COVID-19 mp3") == [("COVID", L), ("-", P), ("19", N), ("mp3", L)]


def test_zwnj_stays_inside_a_persian_word():
    assert pieces("می\u200cخواهم") == [("می\u200cخواهم", A)]


def test_a_word_needs_an_arabic_letter_not_just_tatweel_or_diacritics():
    # Nothing to look up in them: punctuation-like, never an ARABIC token.
    assert pieces("ـــ") == [("ـــ", P)]
    assert pieces("\u064b\u064c\u064d") == [("\u064b\u064c\u064d", P)]
    assert pieces("قال ـــ ثم \u064e\u0651 انتهى") == [
        ("قال", A),
        ("ـــ", P),
        ("ثم", A),
        ("\u064e\u0651", P),
        ("انتهى", A),
    ]
    # Touching a word, they are part of it, on either side.
    assert pieces("ـــكبير كبيرـــ") == [("ـــكبير", A), ("كبيرـــ", A)]
    assert pieces("2015ـــ") == [("2015", N), ("ـــ", P)]
    doc = document_from_text("قال ـــ ثم ًٌٍ انتهى")
    assert [t.text for t in doc.arabic_tokens()] == ["قال", "ثم", "انتهى"]
    for token in doc.tokens:
        assert doc.text[token.start : token.end] == token.text


def test_tatweel_is_ignored_for_lookup_only():
    doc = document_from_text("كـــبير جدًا")
    first = doc.tokens[0]
    assert first.text == "كـــبير"
    assert "\u0640" in doc.text
    assert first.lookup == "كبير"
    assert doc.tokens[1].lookup == "جدًا"  # diacritics are kept for lookup
    assert strip_tatweel("بـ") == "ب"


def test_every_spelling_of_a_news_sentence_gives_its_words():
    """However a sentence is written (marks, tatweel, letter shapes), its words are the
    plain sentence's: the same tokens, of the same kinds, looked up by the same letters."""
    for sentence in marked_news.sentences():
        plain = document_from_text(sentence.plain)
        words = [(t.kind, t.lookup) for t in plain.tokens]
        assert sum(kind is A for kind, _ in words) >= 5
        for kind, text in sentence.spellings.items():
            spelt = document_from_text(text)
            assert [t.kind for t in spelt.tokens] == [k for k, _ in words], kind
            lookups = [t.lookup for t in spelt.tokens]
            if kind in ("tatweel", "shapes"):
                assert lookups == [lookup for _, lookup in words], kind
            else:  # marks are kept for lookup: they disambiguate
                bare = [strip_diacritics(lookup) for lookup in lookups]
                assert [plain_alef(b) for b in bare] == [plain_alef(w) for _, w in words]


def test_bundled_article_offsets_slice_back():
    text = ARTICLE.read_text(encoding="utf-8")
    triples = tokenize(text)
    assert 450 < len(triples) < 520
    for start, end, _kind in triples:
        assert text[start:end].strip() == text[start:end] != ""
    kinds = {k for _, _, k in triples}
    assert kinds == {A, N, P, L}  # L: the "quot" debris, before cleaning


# Text that stresses the boundaries: Arabic letters, marks, tatweel, digits of
# three systems, separators, Latin, punctuation, spaces of several kinds.
_ALPHABET = st.sampled_from(
    list("ابتثجحخدذرسشصضطظعغفقكلمنهوىيءآأإؤئة")
    + list("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640\u200c")
    + list("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲.,٫٬،؛؟٪٭۔…«»\"'()-/%!?")
    + list("abcXYZéß_")
    + list(" \t\n\u00a0\u2003\r")
)
_TEXT = st.one_of(st.text(_ALPHABET, max_size=80), st.text(max_size=40))


@given(_TEXT)
def test_tokens_slice_order_and_cover_all_non_space(text: str):
    triples = tokenize(text)
    previous_end = 0
    for start, end, kind in triples:
        assert isinstance(kind, TokenKind)
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert not any(c.isspace() for c in piece)
        if kind is TokenKind.PUNCT:
            # A lone run of tatweel (a modifier letter, Lm) is punctuation too.
            assert not piece[0].isalnum() or unicodedata.category(piece[0]) == "Lm"
        if kind is TokenKind.ARABIC:
            assert any(unicodedata.category(c) == "Lo" for c in piece)
        previous_end = end
    assert "".join(text[s:e] for s, e, _ in triples) == "".join(text.split())


@given(st.text(_ALPHABET, max_size=80))
def test_document_tokens_are_exact_slices(text: str):
    if not text.strip():
        return
    try:
        doc = document_from_text(text)
    except EmptyDocumentError:  # only a text with nothing readable may be refused
        assert not any(c.isalnum() for c in text)
        return
    for i, token in enumerate(doc.tokens):
        assert token.index == i
        assert doc.text[token.start : token.end] == token.text
        paragraph = doc.paragraphs[token.paragraph]
        sentence = doc.sentences[token.sentence]
        assert paragraph.start <= sentence.start <= token.start
        assert token.end <= sentence.end <= paragraph.end
        assert doc.token_at(token.start) is token
    # Pasting the shown text again gives the same document text.
    assert document_from_text(doc.text).fingerprint == doc.fingerprint
