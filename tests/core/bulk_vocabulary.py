"""A long vocabulary, written fast: rows inserted in bulk into a real store.

``save_word`` takes a transaction per word (minutes for 100,000); this writes
the same rows, one occurrence and a tag on some, in a few executemany calls,
with the search columns filled as the store fills them.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import insert

from reader.store import Status, Store, fingerprint_text, remember_document, strip_diacritics
from reader.store.models import Occurrence, Tag, VocabularyEntry, entry_tags
from reader.store.search import search_form

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
VOWELS = "\u064e\u064f\u0650"
STATUSES = list(Status)


def lemma_of(number: int) -> str:
    """A distinct vocalised word for each number (four letters, each with a vowel)."""
    letters = []
    for _ in range(4):
        number, letter = divmod(number, len(LETTERS))
        letters.append(LETTERS[letter] + VOWELS[letter % len(VOWELS)])
    return "".join(reversed(letters))


def fill(store: Store, count: int, *, sentence: str = "كلمة في جملة.") -> int:
    """``count`` entries (numbered glosses "word N"), each seen once in one document;
    every tenth tagged ``tenth``. Returns the document's id."""
    document, _ = remember_document(
        store, title="Long list", fingerprint=fingerprint_text(f"bulk {count}")
    )
    start = datetime(2026, 1, 1)
    with store.writing() as session:
        session.execute(
            insert(VocabularyEntry),
            [
                {
                    "id": number + 1,
                    "lex": lemma_of(number),
                    "pos": "noun",
                    "lemma": lemma_of(number),
                    "lemma_plain": strip_diacritics(lemma_of(number)),
                    "lemma_search": search_form(lemma_of(number)),
                    "root": "",
                    "pos_label": "noun",
                    "dictionary_gloss": f"word {number}",
                    "status": STATUSES[number % len(STATUSES)].value,
                    "notes": "",
                    "created_at": start + timedelta(seconds=number),
                    "updated_at": start + timedelta(seconds=number),
                }
                for number in range(count)
            ],
        )
        session.execute(
            insert(Occurrence),
            [
                {
                    "entry_id": number + 1,
                    "document_id": document.id,
                    "surface": lemma_of(number),
                    "surface_plain": strip_diacritics(lemma_of(number)),
                    "surface_search": search_form(lemma_of(number)),
                    "sentence": sentence,
                    "start": number,
                    "end": number + 4,
                    "created_at": start + timedelta(seconds=number),
                }
                for number in range(count)
            ],
        )
        session.execute(insert(Tag), [{"id": 1, "name": "tenth"}])
        session.execute(
            insert(entry_tags),
            [{"entry_id": number + 1, "tag_id": 1} for number in range(0, count, 10)],
        )
    return document.id
