"""A run of letters longer than any word: one OVERLONG token, never fed to the analyzer.

And the display blocks the window builds from a text: bounded in size, every
token placed where its text is (``reader.ui.article.layout`` is Qt-free).
"""

from __future__ import annotations

import json
from pathlib import Path

from reader.text import TokenKind, document_from_text
from reader.text.tokens import MAX_WORD_LETTERS, overlong_note, tokenize
from reader.ui.article.layout import (
    BLOCK_CHARS,
    SOFT_BREAK_AFTER,
    ZERO_WIDTH_SPACE,
    TokenRanges,
    display_blocks,
)
from tests.core.cli_runs import run_process as run_cli

LETTERS = "بوتينموسكوكيري"


def run_of(letters: int) -> str:
    return (LETTERS * (letters // len(LETTERS) + 1))[:letters]


def kinds(text: str) -> list[TokenKind]:
    return [kind for _, _, kind in tokenize(text)]


def test_the_bound_is_in_letters_not_characters() -> None:
    assert kinds(run_of(MAX_WORD_LETTERS)) == [TokenKind.ARABIC]
    assert kinds(run_of(MAX_WORD_LETTERS + 1)) == [TokenKind.OVERLONG]
    # Vowel marks and tatweel do not count: a long, fully vowelled word stays a word.
    vowelled = "".join(letter + "\u064e" for letter in run_of(30)) + "\u0640" * 20
    assert len(vowelled) >= 2 * MAX_WORD_LETTERS and kinds(vowelled) == [TokenKind.ARABIC]
    assert kinds("x" * (MAX_WORD_LETTERS + 1)) == [TokenKind.OVERLONG]
    assert kinds("Pneumonoultramicroscopicsilicovolcanoconiosis"[:40]) == [TokenKind.LATIN]


def test_an_overlong_run_keeps_its_offsets_between_words() -> None:
    text = f"قال بوتين {run_of(20_000)} في موسكو"
    triples = tokenize(text)
    assert [kind for _, _, kind in triples] == [
        TokenKind.ARABIC,
        TokenKind.ARABIC,
        TokenKind.OVERLONG,
        TokenKind.ARABIC,
        TokenKind.ARABIC,
    ]
    start, end, _ = triples[2]
    assert text[start:end] == run_of(20_000)
    assert overlong_note(text[start:end]).startswith("20,000 letters without a space")


def test_the_analyzer_never_sees_an_overlong_run(morphology) -> None:
    document = document_from_text(f"قال بوتين {run_of(100_000)} في موسكو", title="t")
    looked_up: list[str] = []
    analyze_word = morphology.analyze_word

    def recording(word, *args, **kwargs):
        looked_up.append(word)
        return analyze_word(word, *args, **kwargs)

    morphology.analyze_word = recording
    try:
        analysis = morphology.analyze_document(document)
    finally:
        del morphology.analyze_word
    overlong = next(t for t in document.tokens if t.kind is TokenKind.OVERLONG)
    assert analysis.readings[overlong.index] == ()
    assert looked_up and max(len(word) for word in looked_up) <= MAX_WORD_LETTERS
    putin = next(t for t in document.tokens if t.text == "بوتين")
    assert analysis.readings[putin.index]


def test_analyze_json_says_overlong(tmp_path: Path, real_db_path: Path) -> None:
    source = tmp_path / "line.txt"
    text = f"قال بوتين {run_of(50_000)} في موسكو"
    source.write_text(text, encoding="utf-8")
    result = run_cli("analyze", str(source), "--json", home=tmp_path, db=real_db_path)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["kind"] for line in lines] == [
        "arabic",
        "arabic",
        "overlong",
        "arabic",
        "arabic",
    ]
    assert lines[2]["analyses"] == [] and text[lines[2]["start"] : lines[2]["end"]] == run_of(
        50_000
    )


def _shown(document, vowelled=None):
    ranges = TokenRanges(len(document.tokens))
    blocks = list(display_blocks(document, vowelled or {}, ranges))
    shown = "\u2029".join(block.text for block in blocks)  # a block separator: one position
    return blocks, ranges, shown


def test_a_normal_article_is_one_block_per_paragraph_shown_as_is(default_article_path) -> None:
    from reader.text import load_document

    document = load_document(default_article_path)
    blocks, ranges, shown = _shown(document)
    assert len(blocks) == len(document.paragraphs) and not any(b.continued for b in blocks)
    assert shown == document.text.replace("\n", "\u2029")
    assert all(ranges[t.index] == (t.start, t.end) for t in document.tokens)


def test_a_long_line_is_cut_in_bounded_blocks_and_every_token_found() -> None:
    words = " ".join(["قال بوتين في موسكو"] * 2000)
    text = f"{words} {run_of(30_000)} {words}"
    document = document_from_text(text, title="t")
    assert len(document.paragraphs) == 1
    blocks, ranges, shown = _shown(document)
    assert len(blocks) > len(text) // BLOCK_CHARS
    # At most BLOCK_CHARS, and the space after the block's last word.
    assert max(len(block.text) for block in blocks) <= BLOCK_CHARS + 1
    assert [b.continued for b in blocks] == [True] * (len(blocks) - 1) + [False]
    assert [t.kind for t in document.tokens].count(TokenKind.OVERLONG) == 1
    for token in document.tokens:
        start, end = ranges[token.index]
        seen = shown[start:end]
        assert seen.replace(ZERO_WIDTH_SPACE, "").replace("\u2029", "") == token.text
        if token.kind is TokenKind.OVERLONG:
            # Soft breaks inside the run: no stretch longer than a word is left.
            pieces = seen.replace("\u2029", ZERO_WIDTH_SPACE).split(ZERO_WIDTH_SPACE)
            assert max(len(piece) for piece in pieces) <= SOFT_BREAK_AFTER
        else:
            assert seen == token.text  # a word is never cut
    # Blocks begin at word boundaries except inside the overlong run.
    assert blocks[0].tokens_done > 0


def test_vowelled_forms_are_placed_too() -> None:
    document = document_from_text("قال بوتين في موسكو", title="t")
    vowelled = {1: "بُوتِين"}
    _blocks, ranges, shown = _shown(document, vowelled)
    start, end = ranges[1]
    assert shown[start:end] == "بُوتِين"
    start, end = ranges[3]
    assert shown[start:end] == "موسكو"


def test_a_text_without_full_stops_is_still_cut_into_sentences() -> None:
    from reader.text.document import MAX_SENTENCE_TOKENS

    document = document_from_text(" ".join(["قال بوتين"] * 1000) + ". وقال كيري.", title="t")
    sizes = [s.end_token - s.first_token for s in document.sentences]
    assert max(sizes) == MAX_SENTENCE_TOKENS and sum(sizes) == len(document.tokens)
    assert [t.sentence for t in document.tokens] == sorted(t.sentence for t in document.tokens)
    last = document.sentences[-1]
    assert document.text[last.start : last.end] == "وقال كيري."
