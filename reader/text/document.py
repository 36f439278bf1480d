"""Assembling a Document from cleaned paragraphs: offsets, sentences, tokens."""

from __future__ import annotations

import hashlib
from pathlib import Path

from reader.text.model import Document, Span, Token, TokenKind
from reader.text.tokens import tokenize

# A sentence ends after one of these...
SENTENCE_END = frozenset(".!?؟…۔‼⁇⁈⁉")
# ...together with the closing quotes and brackets that follow it.
CLOSERS = frozenset("»\"')]}”’›〉」』")
# A text without full stops is still read a sentence at a time: the gloss pane
# lists a sentence word by word, and a saved word keeps its sentence.
MAX_SENTENCE_TOKENS = 200


def fingerprint(text: str) -> str:
    """The identity of a document: sha256 of the text as shown.

    The same article opened from another path, or pasted again, is the same
    document, so its vocabulary, notes and reading position come back (the
    store knows it as ``reader.store.fingerprint_text``).
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _is_initial(triples: list[tuple[int, int, TokenKind]], text: str, dot: int, first: int) -> bool:
    """A full stop after a lone Latin letter ("U.S.", "J. Kerry") is an initial."""
    if dot == first or text[triples[dot][0]] != ".":
        return False
    start, stop, kind = triples[dot - 1]
    return kind is TokenKind.LATIN and stop - start == 1 and stop == triples[dot][0]


def _sentence_ends(
    triples: list[tuple[int, int, TokenKind]], text: str, first: int, end: int
) -> list[int]:
    """Token indices (exclusive) where sentences of one paragraph end."""
    ends: list[int] = []
    i = first
    while i < end:
        start, stop, kind = triples[i]
        i += 1
        if kind is not TokenKind.PUNCT or text[start:stop] not in SENTENCE_END:
            continue
        if _is_initial(triples, text, i - 1, first):
            continue
        # Take the whole run: "؟!", "...", and a closing » or ) after the stop.
        while i < end and triples[i][2] is TokenKind.PUNCT:
            s, e, _ = triples[i]
            char = text[s:e]
            if char not in SENTENCE_END and char not in CLOSERS:
                break
            i += 1
        if i == end:
            break
        next_start, _, next_kind = triples[i]
        # "U.S." or "3.x" glued to what follows is not a sentence end; Arabic
        # typed without a space after the full stop ("السورية.وقال") still is.
        if next_start > triples[i - 1][1] or next_kind is TokenKind.ARABIC:
            ends.append(i)
    ends.append(end)
    return _bounded(ends, first)


def _bounded(ends: list[int], first: int) -> list[int]:
    """``ends`` with a cut every MAX_SENTENCE_TOKENS tokens inside longer sentences."""
    bounded: list[int] = []
    start = first
    for end in ends:
        while end - start > MAX_SENTENCE_TOKENS:
            start += MAX_SENTENCE_TOKENS
            bounded.append(start)
        bounded.append(end)
        start = end
    return bounded


def build_document(
    paragraphs: list[str],
    *,
    title: str,
    has_title_paragraph: bool,
    source_path: Path | None,
    encoding: str | None,
    warnings: tuple[str, ...] = (),
) -> Document:
    """Lay out cleaned, non-empty paragraphs one per line and index them."""
    text = "\n".join(paragraphs)
    triples = tokenize(text)

    paragraph_spans: list[Span] = []
    sentence_spans: list[Span] = []
    tokens: list[Token] = []
    token_i = 0
    offset = 0
    for p_index, paragraph in enumerate(paragraphs):
        p_start, p_end = offset, offset + len(paragraph)
        offset = p_end + 1  # the "\n" between paragraphs
        first = token_i
        while token_i < len(triples) and triples[token_i][0] < p_end:
            token_i += 1
        paragraph_spans.append(Span(p_index, p_start, p_end, first, token_i))

        sentence_first = first
        for sentence_end in _sentence_ends(triples, text, first, token_i):
            if sentence_end == sentence_first:
                continue
            s_index = len(sentence_spans)
            s_start = triples[sentence_first][0]
            s_end = triples[sentence_end - 1][1]
            sentence_spans.append(Span(s_index, s_start, s_end, sentence_first, sentence_end))
            for t in range(sentence_first, sentence_end):
                start, stop, kind = triples[t]
                tokens.append(Token(t, text[start:stop], start, stop, kind, s_index, p_index))
            sentence_first = sentence_end

    return Document(
        text=text,
        title=title,
        has_title_paragraph=has_title_paragraph,
        paragraphs=tuple(paragraph_spans),
        sentences=tuple(sentence_spans),
        tokens=tuple(tokens),
        source_path=source_path,
        encoding=encoding,
        fingerprint=fingerprint(text),
        warnings=warnings,
    )
