"""A tiny CAMeL-format morphology database, written by the tests themselves.

Just enough of the format to exercise parsing, clitics, case variants,
ranking by frequency and a competing clitic reading (ب + وتين against بوتين).
Like release 13 it has no TOKENIZATIONS section; the loader must add one.
"""

from __future__ import annotations

from pathlib import Path

_COMMON = "prc3:0 prc2:0 prc1:0 prc0:0 per:na asp:na vox:na mod:na stt:i cas:u enc0:0 source:lex"


def _stem(key, cat, diac, lex, gloss, pos, root, pattern, freq, extra=""):
    bw_tag = {"noun": "NOUN", "noun_prop": "NOUN_PROP", "adj": "ADJ", "verb": "PV"}[pos]
    feats = (
        f"diac:{diac} lex:{lex}_1 bw:{diac}/{bw_tag} gloss:{gloss} pos:{pos} {_COMMON} "
        f"gen:m num:s root:{root} pattern:{pattern} d3tok:{diac} "
        f"pos_lex_freq:{freq} lex_freq:{freq} pos_freq:-1.0 {extra}"
    ).strip()
    return f"{key}\t{cat}\t{feats}"


LINES = [
    "###DEFINES###",
    "DEFINE diac diac:*open*",
    "DEFINE lex lex:*open*",
    "DEFINE bw bw:*open*",
    "DEFINE gloss gloss:*open*",
    "DEFINE pos pos:noun pos:noun_prop pos:adj pos:verb pos:prep pos:punc pos:digit pos:latin",
    "DEFINE prc3 prc3:0 prc3:na",
    "DEFINE prc2 prc2:0 prc2:na prc2:wa_conj",
    "DEFINE prc1 prc1:0 prc1:na prc1:bi_prep",
    "DEFINE prc0 prc0:0 prc0:na prc0:Al_det",
    "DEFINE per per:na per:3",
    "DEFINE asp asp:na asp:p",
    "DEFINE vox vox:na vox:a",
    "DEFINE mod mod:na mod:i",
    "DEFINE gen gen:m gen:f",
    "DEFINE num num:s",
    "DEFINE stt stt:i stt:d stt:c",
    "DEFINE cas cas:u cas:g cas:n",
    "DEFINE enc0 enc0:0 enc0:3ms_poss",
    "DEFINE source source:lex source:spvar source:backoff",
    "DEFINE root root:*open*",
    "DEFINE pattern pattern:*open*",
    "DEFINE d3tok d3tok:*open*",
    "DEFINE pos_lex_freq pos_lex_freq:*open*",
    "DEFINE lex_freq lex_freq:*open*",
    "DEFINE pos_freq pos_freq:*open*",
    "###DEFAULTS###",
    "DEFAULT pos:noun diac:* lex:* bw:* gloss:* " + _COMMON,
    "DEFAULT pos:punc diac:* lex:* bw:* gloss:* " + _COMMON,
    "DEFAULT pos:digit diac:* lex:* bw:* gloss:* " + _COMMON,
    "DEFAULT pos:latin diac:* lex:* bw:* gloss:* " + _COMMON,
    "###ORDER###",
    "ORDER diac lex gloss bw pos root pattern prc3 prc2 prc1 prc0 per asp vox mod gen num "
    "stt cas enc0 source stem stemcat stemgloss d3tok pos_lex_freq lex_freq pos_freq",
    "###STEMBACKOFF###",
    "STEMBACKOFF ALL N0 N",
    "STEMBACKOFF PROP N0",
    "###PREFIXES###",
    "\tPref-0\t",
    "و\tPref-Wa\tdiac:وَ bw:وَ/CONJ gloss:and prc2:wa_conj d3tok:وَ+_",
    "ال\tPref-Al\tdiac:ال bw:ال/DET gloss:the prc0:Al_det stt:d d3tok:ال+_",
    "وال\tPref-WaAl\tdiac:وَال bw:وَ/CONJ+ال/DET gloss:and+the prc2:wa_conj prc0:Al_det stt:d "
    "d3tok:وَ+_ال+_",
    "ب\tPref-Bi\tdiac:بِ bw:بِ/PREP gloss:by;with prc1:bi_prep d3tok:بِ+_",
    "###SUFFIXES###",
    "\tSuff-0\t",
    "\tNSuff-i\tdiac:ِ bw:ِ/CASE_DEF_GEN gloss:[def.gen.] cas:g d3tok:ِ",
    "ه\tNSuff-h\tdiac:هُ bw:هُ/POSS_PRON_3MS gloss:its;his enc0:3ms_poss stt:c d3tok:_+هُ",
    "\tPVSuff-a\tdiac:َ bw:َ/PVSUFF_SUBJ:3MS gloss:he;it_<verb> per:3 asp:p vox:a mod:i d3tok:َ",
    "###STEMS###",
    _stem("كتاب", "N", "كِتاب", "كِتاب", "book", "noun", "ك.ت.ب", "1ِ2ا3", "-3.5"),
    _stem("وزير", "N", "وَزِير", "وَزِير", "minister", "noun", "و.ز.ر", "1َ2ِي3", "-2.5"),
    _stem("بوتين", "Nprop", "بُوتِين", "بُوتِين", "Putin", "noun_prop", "NTWS", "NTWS", "-4.1"),
    _stem("وتين", "N", "وَتِين", "وَتِين", "aorta", "noun", "و.ت.ن", "1َ2ِي3", "-99"),
    _stem("خارجيه", "N", "خارِجِيَّة", "خارِجِيّ", "outer;foreign", "adj", "خ.ر.ج", "1ا2ِ3ِيَّة", "-2.9"),
    _stem("خارجيه", "N", "خارِجِيَّة", "خارِجِيَّة", "foreign_ministry", "noun", "خ.ر.ج", "1ا2ِ3ِيَّة", "-99"),
    _stem("قال", "PV", "قال", "قال", "said", "verb", "ق.#.ل", "1ا3", "-2.4", "per:3 asp:p vox:a"),
    "NOAN\tN0\tdiac:NOAN lex:NOAN_0 bw:NOAN/NOUN_PROP gloss:NO_ANALYSIS pos:noun_prop "
    + _COMMON.replace("source:lex", "source:backoff")
    + " d3tok:NOAN",
    "###TABLE AB###",
    *(
        f"{p} {s}"
        for p in ("Pref-0", "Pref-Wa", "Pref-Al", "Pref-WaAl", "Pref-Bi")
        for s in ("N", "Nprop", "N0")
    ),
    "Pref-0 PV",
    "Pref-Wa PV",
    "###TABLE BC###",
    "N Suff-0",
    "N NSuff-i",
    "N NSuff-h",
    "Nprop Suff-0",
    "N0 Suff-0",
    "PV PVSuff-a",
    "###TABLE AC###",
    *(
        f"{p} {s}"
        for p in ("Pref-0", "Pref-Wa", "Pref-Al", "Pref-WaAl", "Pref-Bi")
        for s in ("Suff-0", "NSuff-i")
    ),
    "Pref-0 NSuff-h",
    "Pref-Wa NSuff-h",
    "Pref-Bi NSuff-h",
    "Pref-0 PVSuff-a",
    "Pref-Wa PVSuff-a",
]


def write_tiny_db(path: Path) -> Path:
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    return path
