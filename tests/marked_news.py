"""The committed test corpus: news sentences written for these tests, each in several spellings.

``tests/data/news-marks.txt`` (its header gives the format) is ours, so it is
in every clone: what the suite must always check about Arabic marks comes from
here, not from the dev sets beside the checkout, which a user's clone lacks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PATH = Path(__file__).resolve().parent / "data" / "news-marks.txt"
KINDS = ("plain", "partial", "vocalised", "wasla", "tatweel", "shapes")


@dataclass(frozen=True)
class Sentence:
    plain: str
    spellings: dict[str, str]  # kind -> the same sentence written that way


def sentences(path: Path = PATH) -> list[Sentence]:
    """Every block of the file; a malformed one raises, so the corpus never shrinks silently."""
    found: list[Sentence] = []
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    for block in blocks:
        lines = [line for line in block.splitlines() if line and not line.startswith("#")]
        if not lines:
            continue
        pairs = [line.split("\t", 1) for line in lines]
        if any(len(pair) != 2 or pair[0] not in KINDS for pair in pairs):
            raise ValueError(f"{path.name}: a line is not 'kind<TAB>text': {lines}")
        (first, plain), *rest = pairs
        if first != "plain" or not rest or len(dict(rest)) != len(rest):
            raise ValueError(
                f"{path.name}: a block is its plain line, then each other spelling once: {lines}"
            )
        found.append(Sentence(plain, dict(rest)))
    return found


def text() -> str:
    """Every spelling of every sentence, one a line."""
    return "\n".join(
        line for sentence in sentences() for line in (sentence.plain, *sentence.spellings.values())
    )
