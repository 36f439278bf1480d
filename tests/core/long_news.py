"""Long news made from the bundled article: its paragraphs repeated with variations.

For the tests and benchmark of ``analyze`` on long texts (reader.reading.stream):
each repeat shuffles the article's body paragraphs (a seeded shuffle, so every
run makes the same text) and keeps the headline first, so the text reads as
many articles one after another rather than one block copied.
"""

from __future__ import annotations

import random
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ARTICLE = REPO / "resources" / "articles" / "kerry-moscow.txt"


def long_news(size_bytes: int, *, seed: int = 0) -> str:
    """About ``size_bytes`` of UTF-8 (at least one article): whole articles, one
    paragraph a line."""
    lines = [line.strip() for line in ARTICLE.read_text(encoding="utf-8").splitlines()]
    headline, *body = [line for line in lines if line]
    article_bytes = len("\n".join(lines).encode("utf-8"))
    rng = random.Random(seed)
    parts: list[str] = []
    for _ in range(max(1, round(size_bytes / article_bytes))):
        shuffled = body[:]
        rng.shuffle(shuffled)
        parts.extend([headline, *shuffled])
    return "\n".join(parts) + "\n"
