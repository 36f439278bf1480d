"""``bench_quality.py --section scorer``: the one scorer's weights, measured honestly.

In one run, on UD Arabic-PUD and CATT:

* **hand weights**: the rules' constants as they were set by hand
  (:data:`reader.morphology.evidence.HAND_WEIGHTS`): today's ranking before any
  fitting (the commit before the scorer ranks the same: PUD lemma exact 0.917);
* **fitted, cross-validated**: each sentence analysed with weights fitted on
  the other four folds of the sentences (``tools/fit_weights.py``), never on
  itself;
* **shipped**: the weights in ``scorer_weights.json``, fitted on every
  sentence: shown for reference only (not held out);
* camel-tools' first analysis and the raw vowel model, as baselines.

Figures: lemma top-1 (exact and lenient), the 100 commonest forms, POS class,
PUD names, the share of function words read as names, CATT vowels shown and
raw with and without the ending. Folds are by sentence id (``fit_weights.fold_of``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "tools"))

import fit_weights as fw  # noqa: E402
import quality_data as qd  # noqa: E402

FUNCTION_UPOS = frozenset(("ADP", "CCONJ", "SCONJ", "PART", "PRON", "DET", "AUX"))


def _switching(morphology: Any, chooser: Callable[[str], Any]) -> Callable[[str], None]:
    """Set the weights for a sentence, clearing the analyses cached under others."""
    from reader.morphology.evidence import set_weights

    current: list[Any] = [None]

    def use(sentence_id: str) -> None:
        chosen = chooser(sentence_id)
        if chosen is not current[0]:
            set_weights(chosen)
            morphology.clear_cache()
            current[0] = chosen

    return use


def _pud_rows(morphology, sentences, english, use, name_shown, camel=None) -> list[dict]:
    rows = []
    for sentence in sentences:
        use(f"pud:{sentence.sent_id}")
        document = fw._document(sentence.rebuilt)
        analysis = morphology.analyze_document(document)
        for word, token in qd.aligned_pud_words(sentence, document):
            readings = analysis.readings[token.index]
            best = readings[0] if readings else None
            name = analysis.name_at(token.index)
            matches = qd.lemma_matches(best.lex if best else None, word.lemma)
            as_name = name is not None or (best is not None and best.pos == "noun_prop")
            row = {
                "form": qd.strip_marks(token.lookup),
                "exact": matches["exact"],
                "lenient": matches["lenient"],
                "pos": qd.camel_pos_class(best.pos if best else None) == qd.upos_class(word.upos),
                "function": word.upos in FUNCTION_UPOS,
                "function_as_name": word.upos in FUNCTION_UPOS and as_name,
                "propn": word.upos == "PROPN",
                "propn_shown": word.upos == "PROPN"
                and name_shown(readings, english.get(sentence.sent_id, ""), name),
            }
            if camel is not None:
                first = camel.first(token.lookup)
                found = qd.lemma_matches(first and first.get("lex"), word.lemma)
                row["camel_exact"], row["camel_lenient"] = found["exact"], found["lenient"]
                row["camel_pos"] = qd.camel_pos_class(first and first.get("pos")) == (
                    qd.upos_class(word.upos)
                )
            rows.append(row)
    return rows


def _pud_figures(rows: Sequence[dict], prefix: str = "") -> dict[str, Any]:
    top = set(qd.frequent_forms((row["form"] for row in rows), 100))
    top_rows = [row for row in rows if row["form"] in top]
    functions = [row for row in rows if row["function"]]
    propn = [row for row in rows if row["propn"]]

    def share(part: Sequence[dict], key: str) -> float | None:
        return round(sum(r[key] for r in part) / len(part), 4) if part else None

    figures = {
        "lemma_exact": share(rows, prefix + "exact"),
        "lemma_lenient": share(rows, prefix + "lenient"),
        "top100_exact": share(top_rows, prefix + "exact"),
        "top100_lenient": share(top_rows, prefix + "lenient"),
        "pos": share(rows, prefix + "pos"),
    }
    if not prefix:
        figures["names"] = share(propn, "propn_shown")
        figures["function_words_as_names"] = sum(r["function_as_name"] for r in functions)
        figures["function_words"] = len(functions)
    return figures


def _catt_rows(morphology, sentences, use, raw_forms) -> list[dict]:
    rows = []
    for sentence in sentences:
        use(f"catt:{sentence.number}")
        document = fw._document(sentence.text)
        analysis = morphology.analyze_document(document)
        aligned = list(qd.aligned_catt_tokens(sentence, document))
        tokens, spans = [t for t, _ in aligned], [s for _, s in aligned]
        raws = raw_forms(sentence, spans)
        for token, span, raw in zip(tokens, spans, raws, strict=True):
            gold = sentence.gold_span(*span)
            shown = analysis.vocalized[token.index] or token.text
            ours = qd.vowel_scores(gold, shown)
            model = qd.vowel_scores(gold, raw) if raw is not None else {}
            rows.append(
                {
                    "with": ours["normalised_with_ending"],
                    "without": ours["normalised_without_ending"],
                    "raw_with": model.get("normalised_with_ending", False),
                    "raw_without": model.get("normalised_without_ending", False),
                }
            )
    return rows


def _catt_figures(rows: Sequence[dict]) -> dict[str, Any]:
    def share(key: str) -> float | None:
        return round(sum(r[key] for r in rows) / len(rows), 4) if rows else None

    return {
        "shown_without_ending": share("without"),
        "shown_with_ending": share("with"),
        "raw_without_ending": share("raw_without"),
        "raw_with_ending": share("raw_with"),
        "shown_minus_raw_without": round(share("without") - share("raw_without"), 4)
        if rows
        else None,
        "shown_minus_raw_with": round(share("with") - share("raw_with"), 4) if rows else None,
    }


def run_scorer(morphology, camel, limit: int | None, english, name_shown) -> dict[str, Any]:
    from text2tashkeel import Diacritizer

    from reader.morphology.evidence import HAND_WEIGHTS, Weights, set_weights, weights

    pud, catt = fw.dev_sets(limit)
    # Sentences grouped by fold: the weights change (and the cache is cleared) five times.
    pud = sorted(pud, key=lambda s: fw.fold_of(f"pud:{s.sent_id}"))
    catt = sorted(catt, key=lambda s: fw.fold_of(f"catt:{s.number}"))
    raw_model = Diacritizer()
    raw_cache: dict[int, list[str | None]] = {}

    def raw_forms(sentence, spans) -> list[str | None]:
        found = raw_cache.get(sentence.number)
        if found is None:
            output = raw_model.diacritize(sentence.text)
            found = raw_cache[sentence.number] = qd.diacritizer_forms(sentence.text, output, spans)
        return found

    set_weights(None)
    shipped = weights()
    hand = Weights(dict(HAND_WEIGHTS), "hand")
    try:
        set_weights(hand)
        morphology.clear_cache()
        words = fw.extract(morphology, pud, catt)
        folds = [Weights(w, f"fold {k}") for k, w in enumerate(fw.cross_validated(words))]
        variants: dict[str, Callable[[str], Any]] = {
            "hand weights (today's rules)": lambda _sid: hand,
            "fitted, cross-validated": lambda sid: folds[fw.fold_of(sid)],
            f"shipped ({shipped.source}; not held out)": lambda _sid: shipped,
        }
        result: dict[str, Any] = {"words_fitted": len(words), "variants": {}}
        for label, chooser in variants.items():
            use = _switching(morphology, chooser)
            first = camel if label.startswith("hand") else None
            pud_rows = _pud_rows(morphology, pud, english, use, name_shown, first)
            catt_rows = _catt_rows(morphology, catt, use, raw_forms)
            result["variants"][label] = {
                "pud": _pud_figures(pud_rows),
                "catt": _catt_figures(catt_rows),
            }
            if first is not None:
                result["camel_first"] = _pud_figures(pud_rows, "camel_")
    finally:
        set_weights(None)
        morphology.clear_cache()
    return result


def print_scorer(result: dict[str, Any], print_table) -> None:
    def fmt(value: Any) -> str:
        if value is None:
            return "-"
        return f"{value:+.4f}" if isinstance(value, float) and value < 0.5 else f"{value}"

    variants = result["variants"]
    labels = list(variants)
    keys = ("lemma_exact", "lemma_lenient", "top100_exact", "top100_lenient", "pos", "names")
    rows = [[key, *(fmt(variants[label]["pud"][key]) for label in labels)] for key in keys]
    rows.append(
        [
            "function words read as names",
            *(
                f"{variants[label]['pud']['function_words_as_names']}"
                f"/{variants[label]['pud']['function_words']}"
                for label in labels
            ),
        ]
    )
    camel = result.get("camel_first", {})
    print_table(
        f"The one scorer on UD Arabic-PUD ({result['words_fitted']} words gave the evidence; "
        f"camel-tools first: lemma exact {camel.get('lemma_exact')}, POS {camel.get('pos')})",
        ["measure", *labels],
        rows,
    )
    ckeys = (
        "shown_without_ending",
        "raw_without_ending",
        "shown_minus_raw_without",
        "shown_with_ending",
        "raw_with_ending",
        "shown_minus_raw_with",
    )
    print_table(
        "The one scorer on CATT (normalised word accuracy)",
        ["measure", *labels],
        [[key, *(fmt(variants[label]["catt"][key]) for label in labels)] for key in ckeys],
    )
