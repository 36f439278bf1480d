"""Quality benchmark: readings and vowels against annotated Arabic, plus speed and memory.

    uv run python tests/benchmarks/bench_quality.py [--limit N]
        [--section pud|docnames|catt|scorer|models|speed]
        [--json FILE] [--errors FILE]

Data: ``../shared/eval/`` beside the checkout (``$ARABIC_READER_EVAL`` overrides).

* pud: UD Arabic-PUD. Each sentence is rebuilt from its orthographic words,
  made a reader Document and analysed; top-1 lemma (exact, without vowel
  marks, lenient), oracle (the gold lemma among the candidates), top-1 on the
  100 most frequent forms, top-1 POS class; beside camel-tools' first
  analysis and the database's pos_lex_freq argmax.
* docnames: the document-level name rule on PUD (each sentence a document):
  names off, and the weighed rule at several ceilings; lemma top-1, the 100
  commonest forms, PUD names, and the share of function words (UPOS ADP,
  CCONJ, SCONJ, PART, PRON, DET, AUX) read as names. The ceiling is chosen on
  half of the sentences and reported on the other half, and the swap.
* catt: CATT's diacritized sentences, marks stripped for the input; word
  accuracy of the vowels shown, with and without the ending, strict and
  conventions-normalised; beside camel-tools' first analysis and the raw
  text2tashkeel diacritizer.
* scorer: the one scorer's weights (``scorer_section.py``): the hand-set
  weights (today's rules), weights fitted by ``tools/fit_weights.py`` and
  reported by five-fold cross-validation (each sentence analysed with weights
  fitted on the other folds), and the shipped ones; PUD lemma, the 100
  commonest forms, POS, names, function words read as names, CATT vowels shown
  beside the raw model with and without the ending, in one run.
* models: the app's vowel model beside the others text2tashkeel ships
  (rawi-v3-int8): CATT accuracy of the raw model and of the words shown with
  it, with and without the ending, and the raw model's speed (medians, the
  models taking turns).
* speed: vocalisation throughput on the default article and ~100k tokens,
  medians of several runs, beside camel-tools' raw analysis; peak memory in a
  fresh process with and without the diacritizer.

``--errors FILE`` writes every PUD top-1 lemma error (lenient) and every CATT
vowel error (normalised, with ending) as TSV.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

import quality_data as qd  # noqa: E402

# -- shared helpers -------------------------------------------------------------


def _database_path() -> Path:
    from reader.cli.support import ensure_database
    from reader.morphology.database.locate import locate_database

    ensure_database()
    location = locate_database()
    assert location is not None
    return location.path


class CamelBaseline:
    """camel-tools itself over the same database file: its own loader and analyzer."""

    def __init__(self, db_path: Path) -> None:
        from camel_tools.morphology.analyzer import Analyzer
        from camel_tools.morphology.database import MorphologyDB

        self.analyzer = Analyzer(MorphologyDB(str(db_path)))
        self._cache: dict[str, list[dict[str, Any]]] = {}

    def analyses(self, word: str) -> list[dict[str, Any]]:
        found = self._cache.get(word)
        if found is None:
            found = self._cache[word] = self.analyzer.analyze(word)
        return found

    def first(self, word: str) -> dict[str, Any] | None:
        found = self.analyses(word)
        return found[0] if found else None

    def most_frequent(self, word: str) -> dict[str, Any] | None:
        """The analysis with the highest pos_lex_freq (the first of equals)."""
        found = self.analyses(word)
        if not found:
            return None
        return max(found, key=lambda f: _float(f.get("pos_lex_freq", f.get("pos_lex_logprob"))))


def _float(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return -99.0


def _share(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def print_table(title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print(f"\n{title}")
    print("  ".join(str(cell).ljust(w) for cell, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)))


def _document(text: str):
    from reader.text import document_from_text

    return document_from_text(text)


# -- PUD ------------------------------------------------------------------------

PUD_SYSTEMS = ("ours", "camel_first", "pos_lex_freq")


def _english_translations(path: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    sent_id = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id"):
            sent_id = line.split("=", 1)[1].strip()
        elif line.startswith("# text_en"):
            found[sent_id] = line.split("=", 1)[1].strip()
    return found


def _name_shown(readings, english: str, span=None) -> bool:
    """The word's name (its span's English, else its first reading's glosses)
    occurs in the translation, whole or by a word of three letters or more."""
    if not readings and span is None:
        return False
    text = english.casefold()
    shown_forms = (span.english,) if span is not None else ()
    if readings:
        shown_forms += (readings[0].lemma_gloss, readings[0].gloss)
    for shown in shown_forms:
        shown = shown.casefold()
        parts = [p for p in re.split(r"[^\w']+", shown) if len(p) >= 3]
        if shown and (shown in text or any(re.search(rf"\b{re.escape(p)}\b", text) for p in parts)):
            return True
    return False


PUD_NAMES_BASELINE = 0.410


def run_pud_names(morphology, limit: int | None) -> dict:
    """Of the PUD words whose stem is PROPN, the share shown with an English name
    found in the sentence's own translation; with names on and off, in-process."""
    from reader.morphology.names import sources as names

    path = qd.eval_dir() / qd.PUD_FILE
    sentences = qd.read_pud(path)
    if limit:
        sentences = sentences[:limit]
    english = _english_translations(path)
    result: dict[str, Any] = {}
    for label, enabled in (("names", True), ("no_names", False)):
        morphology.use_names = enabled
        morphology.clear_cache()
        hits = total = 0
        sources: dict[str, int] = {}
        spans: dict[str, int] = {}
        for sentence in sentences:
            document = _document(sentence.rebuilt)
            mapping = qd.OffsetMap(sentence.rebuilt, document.text)
            analysis = morphology.analyze_document(document, vocalize=False)
            for name in analysis.names:
                kind = "multi-word" if name.end - name.start > 1 else "one word"
                spans[f"{name.source} {kind}"] = spans.get(f"{name.source} {kind}", 0) + 1
            for word in sentence.words:
                if word.upos != "PROPN" or not qd.has_arabic_letter(word.form):
                    continue
                span = mapping.span(word.start, word.end)
                token = qd.token_for_span(document, *span, word.form) if span else None
                if token is None:
                    continue
                total += 1
                readings = analysis.readings[token.index]
                span = analysis.name_at(token.index)
                hits += _name_shown(readings, english.get(sentence.sent_id, ""), span)
                if enabled and span is None and readings and readings[0].is_guess:
                    stem = next((s.form for s in readings[0].segments if s.role == "stem"), "")
                    found = names.known_name(qd.strip_marks(stem)) if stem else None
                    source = found.source if found else "letters"
                    sources[source] = sources.get(source, 0) + 1
        result[label] = {"share": _share(hits, total), "hits": hits, "total": total}
        if enabled:
            result["sources"] = sources
            result["spans"] = spans
    morphology.use_names = True
    morphology.clear_cache()
    return result


def print_pud_names(result: dict) -> None:
    on, off = result["names"], result["no_names"]
    print(
        f"PUD names: {_fmt(on['share'])} ({on['hits']}/{on['total']} PROPN words shown with "
        f"an English name of the sentence's translation); names off (same run): "
        f"{_fmt(off['share'])}; baseline {PUD_NAMES_BASELINE:.3f}"
    )
    print(
        "  name spans by source: "
        + ", ".join(f"{k} {v}" for k, v in sorted(result["spans"].items()))
    )
    print(
        "  other guessed names by source: "
        + ", ".join(f"{k} {v}" for k, v in sorted(result["sources"].items()))
    )


# -- PUD: the document's names, weighed ------------------------------------------

# UD's parts of speech of function words: none may be read as a name.
FUNCTION_UPOS = frozenset(("ADP", "CCONJ", "SCONJ", "PART", "PRON", "DET", "AUX"))
# Ceilings (log10 frequency) tried for the weighed rule; -inf: no word takes a name
# met elsewhere (spans only); inf: function words alone are kept.
NAME_EVIDENCE_CEILINGS = (float("-inf"), -2.5, -3.0, -3.5, -4.0, -4.5, -5.0, -6.0, float("inf"))


def _docnames_rows(morphology, sentences, english: dict[str, str]) -> list[list[tuple]]:
    """Per sentence, per gold word: (form, exact, lenient, function word,
    function word read as a name, PROPN, PROPN shown with its English name)."""
    found = []
    for sentence in sentences:
        document = _document(sentence.rebuilt)
        mapping = qd.OffsetMap(sentence.rebuilt, document.text)
        analysis = morphology.analyze_document(document)
        rows = []
        for word in sentence.words:
            if not word.lemma or not qd.has_arabic_letter(word.form):
                continue
            span = mapping.span(word.start, word.end)
            token = qd.token_for_span(document, *span, word.form) if span else None
            if token is None:
                continue
            readings = analysis.readings[token.index]
            name = analysis.name_at(token.index)
            matches = qd.lemma_matches(readings[0].lex if readings else None, word.lemma)
            as_name = name is not None or bool(readings) and readings[0].pos == "noun_prop"
            function = word.upos in FUNCTION_UPOS
            propn = word.upos == "PROPN"
            shown = propn and _name_shown(readings, english.get(sentence.sent_id, ""), name)
            rows.append(
                (
                    qd.strip_marks(token.lookup),
                    matches["exact"],
                    matches["lenient"],
                    function,
                    function and as_name,
                    propn,
                    shown,
                )
            )
        found.append(rows)
    return found


def _docnames_figures(per_sentence: list[list[tuple]]) -> dict[str, Any]:
    rows = [row for sentence in per_sentence for row in sentence]
    top = set(qd.frequent_forms((row[0] for row in rows), 100))
    top_rows = [row for row in rows if row[0] in top]
    functions = [row for row in rows if row[3]]
    propn = [row for row in rows if row[5]]
    return {
        "words": len(rows),
        "lemma_exact": _share(sum(r[1] for r in rows), len(rows)),
        "lemma_lenient": _share(sum(r[2] for r in rows), len(rows)),
        "top100_lenient": _share(sum(r[2] for r in top_rows), len(top_rows)),
        "function_words": len(functions),
        "function_words_as_names": _share(sum(r[4] for r in functions), len(functions)),
        "propn_shown": _share(sum(r[6] for r in propn), len(propn)),
    }


def run_pud_document_names(morphology, limit: int | None) -> dict:
    """The document-level name rule measured three ways on PUD: names off, and
    the weighed rule at each ceiling; the ceiling is chosen on one half of the
    sentences (even, odd) and reported on the other, then the swap."""
    from reader.morphology.names import moves

    path = qd.eval_dir() / qd.PUD_FILE
    sentences = qd.read_pud(path)[:limit] if limit else qd.read_pud(path)
    english = _english_translations(path)
    shipped = getattr(moves, "NAME_EVIDENCE_CEILING", None)
    variants: list[tuple[str, float | None]] = [("names off", None)]
    if shipped is None:  # a checkout before the weighed rule: its own rule only
        variants.append(("names on (this checkout)", None))
    else:
        variants += [(f"weighed, ceiling {c}", c) for c in NAME_EVIDENCE_CEILINGS]
    rows: dict[str, list[list[tuple]]] = {}
    try:
        for label, ceiling in variants:
            morphology.use_names = label != "names off"
            if ceiling is not None:
                moves.NAME_EVIDENCE_CEILING = ceiling
            rows[label] = _docnames_rows(morphology, sentences, english)
    finally:
        morphology.use_names = True
        if shipped is not None:
            moves.NAME_EVIDENCE_CEILING = shipped
    halves = {"even": slice(0, None, 2), "odd": slice(1, None, 2)}
    figures = {
        label: {half: _docnames_figures(found[part]) for half, part in halves.items()}
        | {"all": _docnames_figures(found)}
        for label, found in rows.items()
    }
    chosen = {}
    for fit, report in (("even", "odd"), ("odd", "even")):
        # Fitted on one half: best lenient lemma, then fewest function words as names;
        # every variant that ties is named (the first of them is reported).
        def fitness(label: str, fit: str = fit) -> tuple[float, float]:
            found = figures[label][fit]
            return (found["lemma_lenient"] or 0.0, -(found["function_words_as_names"] or 0.0))

        top = max(fitness(label) for label in rows)
        tied = [label for label in rows if fitness(label) == top]
        chosen[f"fit {fit}, report {report}"] = {
            "variant": tied[0],
            "tied": tied,
            "reported": figures[tied[0]][report],
            "names_off": figures["names off"][report],
        }
    return {"shipped_ceiling": shipped, "variants": figures, "held_out": chosen}


def print_pud_document_names(result: dict) -> None:
    keys = ("lemma_exact", "lemma_lenient", "top100_lenient", "function_words_as_names")
    header = ["variant (all sentences)", *keys, "propn_shown"]
    rows = [
        [label, *(_fmt(f["all"][k]) for k in (*keys, "propn_shown"))]
        for label, f in result["variants"].items()
    ]
    print_table(
        f"PUD, the document's names (each sentence its own document); shipped ceiling "
        f"{result['shipped_ceiling']}",
        header,
        rows,
    )
    for split, found in result["held_out"].items():
        reported, off = found["reported"], found["names_off"]
        print(
            f"  {split}: chose '{found['variant']}' on the first half "
            f"({len(found['tied'])} variants tied there); on the other half "
            + ", ".join(f"{k} {_fmt(reported[k])} (names off {_fmt(off[k])})" for k in keys)
            + f", PUD names {_fmt(reported['propn_shown'])} (off {_fmt(off['propn_shown'])})"
        )


def run_pud(morphology, camel: CamelBaseline, limit: int | None, errors: list[list[str]]) -> dict:
    sentences = qd.read_pud(qd.eval_dir() / qd.PUD_FILE)
    if limit:
        sentences = sentences[:limit]
    rebuilt_mismatch = sum(1 for s in sentences if s.rebuilt != s.text)
    scored: list[dict[str, Any]] = []
    unaligned: list[str] = []
    no_lemma = 0
    started = time.perf_counter()
    for sentence in sentences:
        document = _document(sentence.rebuilt)
        mapping = qd.OffsetMap(sentence.rebuilt, document.text)
        analysis = morphology.analyze_document(document)
        for word in sentence.words:
            if not qd.has_arabic_letter(word.form):
                continue
            if not word.lemma:
                no_lemma += 1
                continue
            span = mapping.span(word.start, word.end)
            token = qd.token_for_span(document, *span, word.form) if span else None
            if token is None:
                unaligned.append(word.form)
                continue
            readings = analysis.readings[token.index]
            first = camel.first(token.lookup)
            frequent = camel.most_frequent(token.lookup)
            gold_class = qd.upos_class(word.upos)
            ours_lex = readings[0].lex if readings else None
            row = {
                "form": qd.strip_marks(token.lookup),
                "lemma": {
                    "ours": qd.lemma_matches(ours_lex, word.lemma),
                    "camel_first": qd.lemma_matches(first and first.get("lex"), word.lemma),
                    "pos_lex_freq": qd.lemma_matches(frequent and frequent.get("lex"), word.lemma),
                },
                "oracle": {
                    "ours": any(qd.lemma_matches(r.lex, word.lemma)["lenient"] for r in readings),
                    "ours_lexicon": any(
                        qd.lemma_matches(r.lex, word.lemma)["lenient"]
                        for r in readings
                        if not r.is_guess
                    ),
                    "camel": any(
                        qd.lemma_matches(f.get("lex"), word.lemma)["lenient"]
                        for f in camel.analyses(token.lookup)
                    ),
                },
                "pos": {
                    "ours": bool(readings) and qd.camel_pos_class(readings[0].pos) == gold_class,
                    "camel_first": qd.camel_pos_class(first and first.get("pos")) == gold_class,
                    "pos_lex_freq": qd.camel_pos_class(frequent and frequent.get("pos"))
                    == gold_class,
                },
            }
            scored.append(row)
            if not row["lemma"]["ours"]["lenient"]:
                candidates = " | ".join(dict.fromkeys(qd.clean_lemma(r.lex) for r in readings))
                errors.append(
                    [
                        "pud",
                        sentence.sent_id,
                        token.text,
                        qd.clean_lemma(word.lemma),
                        qd.clean_lemma(ours_lex) if ours_lex else "",
                        readings[0].pos if readings else "",
                        word.upos,
                        "yes" if row["oracle"]["ours"] else "no",
                        candidates,
                        qd.clean_lemma(first["lex"]) if first else "",
                        qd.clean_lemma(frequent["lex"]) if frequent else "",
                    ]
                )
    seconds = time.perf_counter() - started

    top_forms = set(qd.frequent_forms((row["form"] for row in scored), 100))
    top_rows = [row for row in scored if row["form"] in top_forms]

    def lemma_share(rows: list[dict], system: str, metric: str) -> float | None:
        return _share(sum(r["lemma"][system][metric] for r in rows), len(rows))

    result: dict[str, Any] = {
        "sentences": len(sentences),
        "rebuilt_text_differs_from_header": rebuilt_mismatch,
        "words_scored": len(scored),
        "words_without_lemma": no_lemma,
        "words_unaligned": len(unaligned),
        "unaligned_examples": sorted(Counter(unaligned), key=lambda w: -unaligned.count(w))[:10],
        "seconds": round(seconds, 1),
        "lemma": {
            system: {metric: lemma_share(scored, system, metric) for metric in qd.LEMMA_METRICS}
            for system in PUD_SYSTEMS
        },
        "top100_forms": {
            "words": len(top_rows),
            **{
                system: {
                    metric: lemma_share(top_rows, system, metric) for metric in qd.LEMMA_METRICS
                }
                for system in PUD_SYSTEMS
            },
        },
        "oracle": {
            name: _share(sum(r["oracle"][name] for r in scored), len(scored))
            for name in ("ours", "ours_lexicon", "camel")
        },
        "pos": {
            system: _share(sum(r["pos"][system] for r in scored), len(scored))
            for system in PUD_SYSTEMS
        },
    }
    return result


def print_pud(result: dict) -> None:
    lemma, top = result["lemma"], result["top100_forms"]
    labels = {
        "exact": "exact (sense marks stripped)",
        "no_marks": "ignoring all vowel marks",
        "lenient": "lenient (no sukun, no final vowel)",
    }
    rows = []
    for metric in qd.LEMMA_METRICS:
        rows.append(
            [f"top-1 lemma, {labels[metric]}", *(_fmt(lemma[s][metric]) for s in PUD_SYSTEMS)]
        )
    for metric in qd.LEMMA_METRICS:
        rows.append(
            [
                f"top-1 lemma, 100 commonest forms, {metric}",
                *(_fmt(top[s][metric]) for s in PUD_SYSTEMS),
            ]
        )
    rows.append(
        [
            "oracle: gold lemma among candidates (lenient)",
            _fmt(result["oracle"]["ours"]),
            _fmt(result["oracle"]["camel"]),
            _fmt(result["oracle"]["camel"]),
        ]
    )
    rows.append(
        [
            "oracle, lexicon readings only (no name guesses)",
            _fmt(result["oracle"]["ours_lexicon"]),
            _fmt(result["oracle"]["camel"]),
            _fmt(result["oracle"]["camel"]),
        ]
    )
    rows.append(["top-1 POS class (UPOS mapped)", *(_fmt(result["pos"][s]) for s in PUD_SYSTEMS)])
    print_table(
        f"UD Arabic-PUD: {result['sentences']} sentences, {result['words_scored']} words scored "
        f"({result['top100_forms']['words']} of them among the 100 commonest forms); "
        f"{result['words_unaligned']} gold words not aligned to a token, "
        f"{result['words_without_lemma']} without LId skipped",
        ["measure", "arabic-reader", "camel-tools first", "pos_lex_freq argmax"],
        rows,
    )
    if result["rebuilt_text_differs_from_header"]:
        print(
            f"  note: {result['rebuilt_text_differs_from_header']} rebuilt sentence texts "
            "differ from their '# text' header"
        )
    if result["unaligned_examples"]:
        print(f"  unaligned, e.g.: {' '.join(result['unaligned_examples'])}")


# -- CATT -----------------------------------------------------------------------

CATT_SYSTEMS = ("ours", "camel_first", "diacritizer")


def shown_vowels(analysis, token) -> str:
    """The vocalised form the reader shows for a token."""
    vocalized = getattr(analysis, "vocalized", None)
    if vocalized is not None:
        return vocalized[token.index] or token.text
    best = analysis.best(token.index)
    return best.diac if best is not None else token.text


def run_catt(
    morphology, camel: CamelBaseline, diacritizer, limit: int | None, errors: list[list[str]]
) -> dict:
    sentences = qd.read_catt(qd.eval_dir() / qd.CATT_FILE)
    if limit:
        sentences = sentences[:limit]
    hits: dict[str, Counter] = {system: Counter() for system in CATT_SYSTEMS}
    base_changed: Counter = Counter()
    unaligned: Counter = Counter()
    words = 0
    uses_vocalized = None
    started = time.perf_counter()
    for sentence in sentences:
        document = _document(sentence.text)
        mapping = qd.OffsetMap(document.text, sentence.text)
        analysis = morphology.analyze_document(document)
        if uses_vocalized is None:
            uses_vocalized = getattr(analysis, "vocalized", None) is not None
        tokens, spans = [], []
        for token in document.arabic_tokens():
            span = mapping.span(token.start, token.end)
            if span is None:
                unaligned["document"] += 1
                continue
            tokens.append(token)
            spans.append(span)
        raw = diacritizer.diacritize(sentence.text)
        raw_forms = qd.diacritizer_forms(sentence.text, raw, spans)
        for token, span, raw_form in zip(tokens, spans, raw_forms, strict=True):
            gold = sentence.gold_span(*span)
            first = camel.first(token.lookup)
            predictions = {
                "ours": shown_vowels(analysis, token),
                "camel_first": first["diac"] if first else token.text,
                "diacritizer": raw_form,
            }
            words += 1
            scores = {}
            for system, predicted in predictions.items():
                if predicted is None:
                    unaligned[system] += 1
                    scores[system] = dict.fromkeys(qd.VOWEL_METRICS, False)
                    continue
                if qd.base_letters(predicted) != qd.base_letters(gold):
                    base_changed[system] += 1
                scores[system] = qd.vowel_scores(gold, predicted)
                hits[system].update(name for name, ok in scores[system].items() if ok)
            ours = scores["ours"]
            if not ours["normalised_with_ending"]:
                kind = "ending" if ours["normalised_without_ending"] else "stem"
                errors.append(
                    [
                        "catt",
                        str(sentence.number),
                        gold,
                        predictions["ours"],
                        predictions["diacritizer"] or "",
                        predictions["camel_first"],
                        kind,
                    ]
                )
    seconds = time.perf_counter() - started
    return {
        "sentences": len(sentences),
        "words": words,
        "shown_vowels_source": "DocumentAnalysis.vocalized"
        if uses_vocalized
        else "best analysis' diac",
        "seconds": round(seconds, 1),
        "accuracy": {
            system: {metric: _share(hits[system][metric], words) for metric in qd.VOWEL_METRICS}
            for system in CATT_SYSTEMS
        },
        "base_letters_changed": {
            system: _share(base_changed[system], words) for system in CATT_SYSTEMS
        },
        "unaligned": dict(unaligned),
    }


def print_catt(result: dict) -> None:
    accuracy = result["accuracy"]
    labels = {
        "normalised_without_ending": "normalised, without ending",
        "normalised_with_ending": "normalised, with ending",
        "strict_without_ending": "strict, without ending",
        "strict_with_ending": "strict, with ending",
    }
    rows = [
        [f"word accuracy, {label}", *(_fmt(accuracy[s][metric]) for s in CATT_SYSTEMS)]
        for metric, label in labels.items()
    ]
    for metric in ("normalised_without_ending", "normalised_with_ending"):
        shown, raw = accuracy["ours"][metric], accuracy["diacritizer"][metric]
        gap = "—" if shown is None or raw is None else f"{shown - raw:+.4f}"
        rows.append([f"shown minus raw model, {labels[metric]}", gap, "", ""])
    rows.append(
        [
            "words whose letters differ from the text",
            *(_fmt(result["base_letters_changed"][s]) for s in CATT_SYSTEMS),
        ]
    )
    print_table(
        f"CATT: {result['sentences']} sentences, {result['words']} Arabic words; "
        f"ours = {result['shown_vowels_source']}",
        ["measure", "arabic-reader shown", "camel-tools first", "raw diacritizer"],
        rows,
    )
    if result["unaligned"]:
        print(f"  not aligned (counted wrong): {result['unaligned']}")


# -- vowel models ---------------------------------------------------------------

OTHER_MODELS = ("rawi-v3-int8",)


def run_models(db_path: Path, limit: int | None, runs: int) -> dict:
    """Each vowel model on CATT: the raw model's and the shown words' accuracy,
    and the raw model's speed over every sentence (medians of ``runs``, the
    models taking turns, so load on the machine weighs on both alike)."""
    from text2tashkeel import Diacritizer as Model

    from reader.morphology.analyzer import Morphology
    from reader.morphology.database.loader import load_database
    from reader.morphology.vowels.diacritizer import MODEL, Diacritizer

    models = (MODEL, *OTHER_MODELS)
    texts = [s.text for s in qd.read_catt(qd.eval_dir() / qd.CATT_FILE)[:limit]]
    database = load_database(db_path)
    camel = CamelBaseline(db_path)
    result: dict[str, Any] = {"models": models, "runs": runs, "accuracy": {}, "seconds": {}}
    raw = {name: Model(name) for name in models}
    for name in models:
        raw[name].diacritize(_WARM_UP)  # the session is built on first use, off the clock
        morphology = Morphology(database, diacritizer=Diacritizer(name))
        scored = run_catt(morphology, camel, raw[name], limit, [])
        result["accuracy"][name] = {
            "shown": scored["accuracy"]["ours"],
            "raw": scored["accuracy"]["diacritizer"],
        }
    timings: dict[str, list[float]] = {name: [] for name in models}
    for _ in range(runs):
        for name in models:
            started = time.perf_counter()
            for text in texts:
                raw[name].diacritize(text)
            timings[name].append(time.perf_counter() - started)
    result["seconds"] = {name: statistics.median(timings[name]) for name in models}
    result["sentences"] = len(texts)
    return result


def print_models(result: dict) -> None:
    models, accuracy, seconds = result["models"], result["accuracy"], result["seconds"]
    rows = []
    for system in ("raw", "shown"):
        for metric in ("normalised_without_ending", "normalised_with_ending"):
            label = metric.replace("_", " ").replace("normalised ", "normalised, ")
            rows.append(
                [f"{system}: {label}", *(_fmt(accuracy[name][system][metric]) for name in models)]
            )
    base = seconds[models[0]]
    rows.append(
        [
            f"raw model, {result['sentences']} sentences, seconds (median of {result['runs']})",
            *(f"{seconds[name]:.2f} (x{seconds[name] / base:.2f})" for name in models),
        ]
    )
    print_table("Vowel models on CATT (the first is the app's)", ["measure", *models], rows)


# -- speed and memory -----------------------------------------------------------


def _median_seconds(runs: int, work: Callable[[], Any]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


QUICK_LONG_TOKENS = 10_000
_WARM_UP = "قال الوزير إن الحكومة ستعلن خطتها الجديدة غدا."

_MEMORY_PROBE = r"""
import json, resource, sys
sys.path.insert(0, {repo!r})
if not {with_model!r}:
    sys.modules["text2tashkeel"] = None  # the diacritizer cannot be imported
from reader.morphology.database import camel_env  # noqa: F401  (no network at import)
from reader.morphology.analyzer import Morphology
from reader.system.paths import default_article_path
from reader.text import load_document
document = load_document(default_article_path())
error = None
try:
    analysis = Morphology.load({db!r}, vocalize={with_model!r}).analyze_document(document)
except Exception as exc:  # the pipeline may need the diacritizer
    error = f"{{type(exc).__name__}}: {{exc}}"
with open("/proc/self/status") as status:
    hwm = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
print(json.dumps({{
    "ru_maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    "vmhwm_kb": hwm,
    "diacritizer_imported": sys.modules.get("text2tashkeel") is not None,
    "error": error,
}}))
"""


def _memory_probe(db_path: Path, with_model: bool) -> dict:
    code = _MEMORY_PROBE.format(repo=str(REPO), db=str(db_path), with_model=with_model)
    # A small parent for the probe: Linux carries ru_maxrss over from the
    # forking parent across exec, so the probe is started from a fresh
    # interpreter that has loaded nothing.
    launcher = (
        "import subprocess, sys; "
        "sys.stdout.write(subprocess.run([sys.executable, '-c', sys.argv[1]], "
        "capture_output=True, text=True, check=True).stdout)"
    )
    out = subprocess.run(
        [sys.executable, "-c", launcher, code], capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def run_speed(db_path: Path, runs: int, long_tokens: int, sample: int, limit: int | None):
    from text2tashkeel import Diacritizer

    from reader.morphology.analyzer import Morphology
    from reader.morphology.database.loader import load_database
    from reader.morphology.vowels.diacritizer import Diacritizer as ContextDiacritizer
    from reader.system.paths import default_article_path
    from reader.text import document_from_text, load_document

    # Memory first, while this process is still small.
    memory = {
        "with_diacritizer": _memory_probe(db_path, with_model=True),
        "without_diacritizer": _memory_probe(db_path, with_model=False),
    }

    database = load_database(db_path)
    camel = CamelBaseline(db_path)
    diacritizer = Diacritizer()
    article = load_document(default_article_path())
    if limit:
        long_tokens = min(long_tokens, QUICK_LONG_TOKENS)  # a quick run
    repeats = max(1, round(long_tokens / len(article.tokens)))
    long_document = document_from_text("\n\n".join([article.text] * repeats))

    def ours_seconds(document) -> float:
        """Our whole pipeline on a fresh Morphology (cold cache), median of the runs.

        A tiny warm-up document first, off the clock, so that whatever the
        pipeline loads lazily (a model) is loaded once, as in the app.
        """
        timings = []
        for _ in range(runs):
            morphology = Morphology(database, diacritizer=ContextDiacritizer())
            morphology.analyze_document(_document(_WARM_UP))
            started = time.perf_counter()
            morphology.analyze_document(document)
            timings.append(time.perf_counter() - started)
        return statistics.median(timings)

    def sentence_sample(document, words: int) -> tuple[list[str], int]:
        """Whole sentences from the start of the document, about ``words`` Arabic words."""
        texts, count = [], 0
        for span in document.sentences:
            if count >= words:
                break
            texts.append(document.text[span.start : span.end])
            count += sum(
                1 for t in document.tokens[span.first_token : span.end_token] if t.kind == "arabic"
            )
        return texts, count

    def raw_diacritizer(texts: list[str]) -> Callable[[], Any]:
        return lambda: [diacritizer.diacritize(text) for text in texts]

    def camel_analysis(words: list[str]) -> Callable[[], Any]:
        return lambda: [camel.analyzer.analyze(word) for word in words]

    diacritizer.diacritize(_WARM_UP)  # the model loads on first use, off the clock
    result: dict[str, Any] = {"runs": runs, "memory": memory, "load_average": os.getloadavg()}
    for name, document in (("article", article), ("long", long_document)):
        words = [t.lookup for t in document.tokens if t.kind == "arabic"]
        ours_s = ours_seconds(document)
        # The raw diacritizer and camel-tools have no cache: their rate is per
        # word, so on the long text a sample of it is enough.
        limit_words = len(words) if name == "article" else sample
        texts, raw_words = sentence_sample(document, limit_words)
        raw_s = _median_seconds(runs, raw_diacritizer(texts))
        camel_words = words[:limit_words]
        camel_s = _median_seconds(runs, camel_analysis(camel_words))
        result[name] = {
            "tokens": len(document.tokens),
            "arabic_words": len(words),
            "ours_words_per_s": round(len(words) / ours_s),
            "diacritizer_words_per_s": round(raw_words / raw_s),
            "diacritizer_sample_words": raw_words,
            "camel_words_per_s": round(len(camel_words) / camel_s),
            "camel_sample_words": len(camel_words),
        }
    return result


def _sample_note(sample: int, words: int) -> str:
    return "" if sample >= words else f" ({sample:,}-word sample)"


def print_speed(result: dict) -> None:
    rows = []
    for name, label in (("article", "default article"), ("long", "long text")):
        r = result[name]
        rows.append(
            [
                f"{label} ({r['tokens']:,} tokens, {r['arabic_words']:,} words), words/s",
                f"{r['ours_words_per_s']:,}",
                f"{r['diacritizer_words_per_s']:,}"
                + _sample_note(r["diacritizer_sample_words"], r["arabic_words"]),
                f"{r['camel_words_per_s']:,}"
                + _sample_note(r["camel_sample_words"], r["arabic_words"]),
            ]
        )
    print_table(
        f"Speed: medians of {result['runs']} runs, cold cache each run "
        f"(load average {result['load_average'][0]:.1f} on {os.cpu_count()} cores: shared machine)",
        ["measure", "arabic-reader pipeline", "raw diacritizer", "camel-tools analysis"],
        rows,
    )
    mem_rows = []
    for name, label in (
        ("with_diacritizer", "article analysed + diacritizer loaded"),
        ("without_diacritizer", "article analysed, no diacritizer"),
    ):
        m = result["memory"][name]
        note = m["error"] or (
            "" if name == "with_diacritizer" or not m["diacritizer_imported"] else "imported anyway"
        )
        mem_rows.append(
            [label, f"{m['vmhwm_kb'] / 1024:.0f} MB", f"{m['ru_maxrss_kb'] / 1024:.0f} MB", note]
        )
    print_table(
        "Peak memory, fresh process",
        ["measure", "VmHWM", "ru_maxrss", "note"],
        mem_rows,
    )


# -- main -----------------------------------------------------------------------

PUD_ERROR_HEADER = [
    "set", "sentence", "word", "gold_lemma", "our_lemma", "our_pos", "gold_upos",
    "gold_in_candidates", "our_candidates", "camel_first_lemma", "pos_lex_freq_lemma",
]  # fmt: skip
CATT_ERROR_HEADER = [
    "set", "sentence", "gold", "ours", "raw_diacritizer", "camel_first", "wrong_in",
]  # fmt: skip


def write_errors(path: Path, pud: list[list[str]], catt: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        if pud:
            writer.writerow(PUD_ERROR_HEADER)
            writer.writerows(pud)
        if catt:
            if pud:
                writer.writerow([])
            writer.writerow(CATT_ERROR_HEADER)
            writer.writerows(catt)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="sentences per set (quick runs)")
    parser.add_argument(
        "--section",
        choices=("pud", "docnames", "catt", "scorer", "models", "speed"),
        action="append",
    )
    parser.add_argument("--json", type=Path, help="write every figure to this file")
    parser.add_argument("--errors", type=Path, help="write the errors to this TSV file")
    parser.add_argument("--runs", type=int, default=3, help="speed: runs per figure (median)")
    parser.add_argument("--tokens", type=int, default=100_000, help="speed: size of the long text")
    parser.add_argument(
        "--sample",
        type=int,
        default=20_000,
        help="speed: words of the long text for the raw diacritizer and camel-tools",
    )
    args = parser.parse_args(argv)
    sections = args.section or ["pud", "catt", "speed"]

    data = qd.eval_dir()
    if {"pud", "docnames", "catt", "scorer", "models"} & set(sections):
        missing = [f for f in (qd.PUD_FILE, qd.CATT_FILE) if not (data / f).is_file()]
        if missing:
            print(
                f"bench_quality: no evaluation data: {', '.join(missing)} not in {data} "
                f"(set {qd.EVAL_ENV} to the folder holding them)",
                file=sys.stderr,
            )
            return 1

    db_path = _database_path()
    from reader.morphology.analyzer import Morphology
    from reader.morphology.database.loader import load_database
    from reader.morphology.vowels.diacritizer import Diacritizer

    print(f"database: {db_path}\neval data: {data}")
    results: dict[str, Any] = {"database": str(db_path), "limit": args.limit}
    pud_errors: list[list[str]] = []
    catt_errors: list[list[str]] = []
    compared = {"pud", "docnames", "catt", "scorer"} & set(sections)
    camel = CamelBaseline(db_path) if compared else None
    morphology = Morphology(load_database(db_path), diacritizer=Diacritizer()) if camel else None
    if "pud" in sections:
        results["pud"] = run_pud(morphology, camel, args.limit, pud_errors)
        print_pud(results["pud"])
        results["pud_names"] = run_pud_names(morphology, args.limit)
        print_pud_names(results["pud_names"])
    if "docnames" in sections:
        results["pud_document_names"] = run_pud_document_names(morphology, args.limit)
        print_pud_document_names(results["pud_document_names"])
    if "catt" in sections:
        from text2tashkeel import Diacritizer

        results["catt"] = run_catt(morphology, camel, Diacritizer(), args.limit, catt_errors)
        print_catt(results["catt"])
    if "scorer" in sections:
        import scorer_section

        english = _english_translations(qd.eval_dir() / qd.PUD_FILE)
        results["scorer"] = scorer_section.run_scorer(
            morphology, camel, args.limit, english, _name_shown
        )
        scorer_section.print_scorer(results["scorer"], print_table)
    if "models" in sections:
        results["models"] = run_models(db_path, args.limit, args.runs)
        print_models(results["models"])
    if "speed" in sections:
        results["speed"] = run_speed(db_path, args.runs, args.tokens, args.sample, args.limit)
        print_speed(results["speed"])
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", "utf-8")
        print(f"\nfigures written to {args.json}")
    if args.errors:
        write_errors(args.errors, pud_errors, catt_errors)
        print(f"errors written to {args.errors} ({len(pud_errors)} PUD, {len(catt_errors)} CATT)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
