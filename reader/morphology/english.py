"""English that reads as English: one word's reading rendered in English word order.

The database glosses follow the Arabic pieces (``meeting;gathering+their``,
``visit+it;they;she_<verb>``). :func:`english` turns a camel-tools feature dict
into one short English phrase for this word in this form: ``their meeting``,
``she visited``, ``they will visit``, ``and the ministers``, ``with them``.

Verbs and nouns are inflected with lemminflect (never hand-written irregular
tables); person, number, gender, aspect, voice, mood and the clitics come
from the camel-tools features (asp, per, gen, num, vox, mod, stt, prc0-3,
enc0, pos). Only the first sense of the gloss is used.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from reader.morphology.records import short_gloss

# Proclitics as English words, read in front of the word (outermost first).
_PROCLITIC_WORDS: dict[str, str] = {
    "wa_conj": "and",
    "wa_sub": "while",
    "fa_conj": "so",
    "fa_sub": "so",
    "fa_rrc": "so",
    "fa_conn": "so",
    "bi_prep": "with",
    "li_prep": "for",
    "ka_prep": "like",
    "wa_prep": "by",
    "ta_prep": "by",
    "fi_prep": "in",
    "la_emph": "indeed",
    "la_rc": "then",
    "Aa_ques": "is it that",
    "ma_neg": "not",
    "lA_neg": "not",
    "mA_neg": "not",
}

_SUBJECT = {
    "1s": "I",
    "1d": "we (two)",
    "1p": "we",
    "2ms": "you",
    "2fs": "you",
    "2d": "you (two)",
    "2mp": "you",
    "2fp": "you",
    "3ms": "he",
    "3fs": "she",
    "3d": "they (two)",
    "3md": "they (two)",
    "3fd": "they (two)",
    "3mp": "they",
    "3fp": "they",
}
_OBJECT = {
    "1s": "me",
    "1d": "us",
    "1p": "us",
    "2ms": "you",
    "2fs": "you",
    "2d": "you",
    "2mp": "you",
    "2fp": "you",
    "3ms": "him",
    "3fs": "her",
    "3d": "them",
    "3md": "them",
    "3fd": "them",
    "3mp": "them",
    "3fp": "them",
}
_POSSESSIVE = {
    "1s": "my",
    "1d": "our",
    "1p": "our",
    "2ms": "your",
    "2fs": "your",
    "2d": "your",
    "2mp": "your",
    "2fp": "your",
    "3ms": "his",
    "3fs": "her",
    "3d": "their",
    "3md": "their",
    "3fd": "their",
    "3mp": "their",
    "3fp": "their",
}
_ENCLITIC = re.compile(r"^([123])([mf]?)([sdp])_(poss|dobj|pron)$")
_BRACKETS = re.compile(r"\[[^\]]*\]")
_NOUNS = {"noun"}
_NAMES = {"noun_prop"}
_NOMINALS = {"noun", "noun_num", "noun_quant", "adj", "adj_comp", "adj_num", "noun_prop"}
# Parts of speech whose pronoun enclitic is the subject of what follows:
# أنه "that he", لكنها "but she", إنهم "that they".
_SUBJECT_HOSTS = {"verb_pseudo", "conj_sub", "conj"}


def prepare() -> None:
    """Load lemminflect's tables now (from our cache: see ``english_tables``).

    Called where the dictionary is loaded, off the GUI thread, so that the first
    word rendered, perhaps a hover while the article is analysed, does not pay it.
    """
    from reader.morphology import english_tables

    english_tables.load_tables()
    _inflect("be", "VBD")
    _is_plural("ministers")


@lru_cache(maxsize=4096)
def _inflect(word: str, tag: str) -> str:
    from lemminflect import getInflection

    forms = getInflection(word, tag)
    return forms[0] if forms else word


@lru_cache(maxsize=4096)
def _is_plural(word: str) -> bool:
    from lemminflect import getLemma

    lemmas = getLemma(word, "NOUN")
    return bool(lemmas) and lemmas[0] != word


def first_sense(gloss: str) -> str:
    """The first sense of a database gloss, readable: ``call_on;visit`` -> ``call on``.

    Only the first ``_+_`` piece is kept (``with;by_+_them`` -> ``with``), square
    bracket annotations go, and a ``/`` alternation keeps its first choice.
    """
    piece = (gloss or "").split("_+_", 1)[0].split("+", 1)[0]
    sense = short_gloss(piece)
    sense = _BRACKETS.sub("", sense).split("/", 1)[0]
    if sense.count("(") != sense.count(")"):
        # A bracket the first sense cut in two: "(has; have)" -> "has".
        sense = sense.replace("(", " ").replace(")", " ")
    return " ".join(sense.split())


def _person_key(features: dict[str, Any]) -> str:
    per = str(features.get("per", ""))
    gen = str(features.get("gen", ""))
    num = str(features.get("num", ""))
    if per not in ("1", "2", "3"):
        per = "3"
    if num not in ("s", "d", "p"):
        num = "s"
    if per == "1":
        return per + num
    if num == "d":
        return per + "d"
    return per + ("f" if gen == "f" else "m") + num


def _enclitic(features: dict[str, Any]) -> tuple[str, str] | None:
    """(person key, kind) of a pronoun enclitic: ``3mp_poss`` -> (``3mp``, ``poss``)."""
    match = _ENCLITIC.match(str(features.get("enc0", "")))
    if not match:
        return None
    per, gen, num, kind = match.groups()
    if per == "1":
        key = per + num
    elif num == "d":
        key = per + "d"
    else:
        key = per + (gen or "m") + num
    return key, kind


# A third-person singular enclitic is "it" as often as "him" or "her" (a thing, a
# non-human plural): both are said, the person first (زارته "she visited him/it").
_OBJECT_EITHER = {"3ms": "him/it", "3fs": "her/it"}


def _object(key: str) -> str:
    return _OBJECT_EITHER.get(key) or _OBJECT[key]


def _proclitic_words(features: dict[str, Any]) -> list[str]:
    words = []
    for name in ("prc3", "prc2", "prc1"):
        word = _PROCLITIC_WORDS.get(str(features.get(name, "")))
        if word:
            words.append(word)
    return words


def _be(key: str, past: bool) -> str:
    """The form of "be" for a subject (lemminflect's VBD / VBZ / VBP forms)."""
    singular = key.endswith("s") and not key.startswith("2")
    if past:
        was, were = (_inflect_all("be", "VBD") + ("was", "were"))[:2]
        return was if singular else were
    if key == "1s":
        return _inflect_all("be", "VBP")[0]
    if key.startswith("3") and key.endswith("s"):
        return _inflect("be", "VBZ")
    forms = _inflect_all("be", "VBP")
    return forms[-1]


@lru_cache(maxsize=64)
def _inflect_all(word: str, tag: str) -> tuple[str, ...]:
    from lemminflect import getInflection

    return tuple(getInflection(word, tag)) or (word,)


_PARTICLES = frozenset(
    "on up in out off for to with about at over down away back into from of".split()
)


def _with_object(words: list[str], obj: list[str]) -> list[str]:
    """The object after the verb and its particles: "called on him", "knew them well"."""
    if not obj:
        return words
    at = 1
    while at < len(words) and words[at] in _PARTICLES:
        at += 1
    return [*words[:at], *obj, *words[at:]]


def _verb(features: dict[str, Any], sense: str) -> str:
    # "(do) again", "(be done) again": the brackets only mark the verb to repeat.
    words = sense.replace("(", " ").replace(")", " ").split()
    if words and words[0] == "to":
        words = words[1:]
    if not words:
        return sense
    head, rest = _base(words[0]), words[1:]
    passive = features.get("vox") == "p"
    if passive and head != "be":
        # A passive whose gloss is active ("announce"): "be announced".
        rest = [_inflect(head, "VBN"), *rest]
        head = "be"
    key = _person_key(features)
    subject = _SUBJECT.get(key, "he")
    encl = _enclitic(features)
    obj = [_object(encl[0])] if encl else []
    asp = features.get("asp")
    mod = features.get("mod")
    third_singular = key in ("3ms", "3fs")

    if asp == "c":
        return " ".join(_with_object([head, *rest], obj)) + "!"
    if asp == "p":
        verb = _be(key, past=True) if head == "be" else _inflect(head, "VBD")
        return " ".join([subject, *_with_object([verb, *rest], obj)])
    if features.get("prc1") == "sa_fut":
        return " ".join([subject, "will", *_with_object([head, *rest], obj)])
    if features.get("prc1") == "li_jus":
        return " ".join(["let", _OBJECT.get(key, "him"), *_with_object([head, *rest], obj)])
    if mod == "s":
        # After an / lan: "to see" (the learner reads "(will) not" before it).
        return " ".join(["to", *_with_object([head, *rest], obj)])
    if mod == "j":
        # The jussive is, nearly always in news, lam's past negation (لم يكن "was
        # not"): said in the past, so the sentence reads "not · he was".
        verb = _be(key, past=True) if head == "be" else _inflect(head, "VBD")
        return " ".join([subject, *_with_object([verb, *rest], obj)])
    if head == "be":
        verb = _be(key, past=False)
    elif third_singular:
        verb = _inflect(head, "VBZ")
    else:
        verb = head
    return " ".join([subject, *_with_object([verb, *rest], obj)])


@lru_cache(maxsize=4096)
def _base(word: str) -> str:
    """A gloss already inflected ("was", "is") back to its base form ("be")."""
    from lemminflect import getLemma

    lemmas = getLemma(word, "VERB")
    return lemmas[0] if lemmas else word


def _pluralize(sense: str) -> str:
    """The plural of a sense: its last word, or the last word before a note in
    brackets ("league (sports)" -> "leagues (sports)")."""
    head, bracket, note = sense.partition(" (")
    words = head.split()
    if not words:
        return sense
    last = words[-1]
    if not _is_plural(last):
        words[-1] = _inflect(last, "NNS")
    return " ".join(words) + (bracket + note if bracket else "")


def _nominal(features: dict[str, Any], sense: str, pos: str) -> str:
    words: list[str] = []
    encl = _enclitic(features)
    num = features.get("num")
    if pos in _NAMES:
        article, name = ("the ", sense[4:]) if sense.lower().startswith("the ") else ("", sense)
        name = article + name[:1].upper() + name[1:]
        return " ".join([*_proclitic_words(features), name])
    # A broken plural has its own gloss in the database ("reports" for تقارير);
    # where that gloss is a singular, it is a singular idea (بلاد: "country").
    broken_plural = num == "p" and features.get("form_num") == "s"
    if pos in _NOUNS and num in ("p", "d") and not broken_plural:
        sense = _pluralize(sense)
    if encl and encl[1] == "poss" and sense.endswith(" of"):
        # أجلها: "for sake of" + "her" reads "for sake of her".
        encl = (encl[0], "obj")
    elif encl and encl[1] == "poss":
        words.append(_POSSESSIVE[encl[0]])
    elif features.get("prc0") == "Al_det" and pos not in ("adj", "adj_comp", "adj_num"):
        words.append("the")
    if pos in _NOUNS and num == "d":
        words.append("two")
    words.append(sense)
    if encl and encl[1] != "poss":
        words.append(_object(encl[0]))
    return " ".join([*_proclitic_words(features), *words])


def _other(features: dict[str, Any], sense: str, pos: str) -> str:
    words = [*_proclitic_words(features), sense]
    encl = _enclitic(features)
    if encl:
        subject = pos in _SUBJECT_HOSTS
        words.append(_SUBJECT[encl[0]] if subject else _object(encl[0]))
    return " ".join(words)


def english(features: dict[str, Any], stem_gloss: str | None = None) -> str:
    """This word in this form, in English: ``اجتماعهم`` -> ``their meeting``.

    ``features`` is camel-tools' raw feature dict for one reading; ``stem_gloss``
    overrides its ``stemgloss`` (the database gloss of the stem, e.g.
    ``visit;call_on``). Never returns an empty string: when nothing can be
    built, the first sense of the gloss comes back as it is.
    """
    gloss = str(stem_gloss if stem_gloss is not None else features.get("stemgloss", ""))
    pos = str(features.get("pos", ""))
    sense = first_sense(gloss)
    if not sense:
        fallback = first_sense(str(features.get("gloss", ""))) or short_gloss(gloss)
        return fallback or str(features.get("diac", "")) or "?"
    said = _negative_copula(gloss) if pos == "verb" and sense == "not" else ""
    try:
        if said:
            text = said
        elif pos == "verb":
            # The conjunction or particle written on the verb comes first: "and he said".
            text = " ".join([*_proclitic_words(features), _verb(features, sense)])
        elif pos in _NOMINALS:
            text = _nominal(features, sense, pos)
        else:
            text = _other(features, sense, pos)
    except Exception:  # noqa: BLE001 - a rendering is never worth a crash
        text = sense
    text = " ".join(text.replace(";", " ").split())
    return text or sense


# What a third person feminine singular ("she", ها "her") stands for: a person,
# a thing ("it reported", "its plan"), things (a non-human plural: "they
# reported", "their plan"), or a person or a thing where the sentence does not
# tell ("she/it reported").
PERSON, THING, THINGS, EITHER = "person", "thing", "things", "either"
_SHE = {THING: "it", THINGS: "they", EITHER: "she/it"}
_HER = {THING: "its", THINGS: "their"}
_HER_OBJECT = {THING: "it", THINGS: "them"}


def _plural_verb(word: str) -> str:
    """A verb said of "they" that was said of "she": is → are, was → were, says → say."""
    if word == _inflect("be", "VBZ"):
        return _be("3mp", past=False)
    if word in _inflect_all("be", "VBD"):
        return _be("3mp", past=True)
    base = _base(word)
    return base if base != word and _inflect(base, "VBZ") == word else word


def with_subject(text: str, referent: str) -> str:
    """A 3fs verb's English said of what its subject is: "she reported" → "it
    reported", "they reported" (``THINGS``), "she/it reported" (``EITHER``)."""
    words = text.split()
    if referent == PERSON or "she" not in words:
        return text
    at = words.index("she")
    words[at] = _SHE[referent]
    if referent == THINGS and at + 1 < len(words):
        words[at + 1] = _plural_verb(words[at + 1])
    return " ".join(words)


def with_pronoun(text: str, referent: str) -> str:
    """A word's ها said of what it stands for: "her plan" → "its plan", "their
    plan" (``THINGS``); "on her/it" → "on it", "on them"; "that she" → "that it".
    A person, or a referent the sentence does not tell, keeps its English."""
    if referent not in _HER:
        return text
    words = text.split()
    for at, word in enumerate(words):
        if word == "her":
            words[at] = _HER[referent]
        elif word == "her/it":
            words[at] = _HER_OBJECT[referent]
        elif word == "she":
            words[at] = _SHE[referent]
        else:
            continue
        return " ".join(words)
    return text


_SAID = re.compile(r"\(([^()]*)\)")


def _negative_copula(gloss: str) -> str:
    """ليس and its forms, "not" in the database, say what their gloss says in
    brackets: ``not_+_it;she;they_(it;she_is_not,_they_are_not)`` -> "it/she is
    not" (the first subject the form can have), "" if it says nothing."""
    found = _SAID.search(gloss.replace("_", " "))
    if not found:
        return ""
    first = found.group(1).split(",", 1)[0]
    return " ".join(first.replace("; ", "/").replace(";", "/").split())


def english_after_lam(features: dict[str, Any]) -> str:
    """An imperfect verb as it reads after لم (negated past), when the database does
    not mark it jussive itself (يَكُن comes with the indicative's mood): "he was".

    "" for any other word: a past, a jussive already (:func:`english` says it in
    the past), a future (سـ), a passive participle and the rest keep their own.
    """
    if features.get("pos") != "verb" or features.get("asp") != "i" or features.get("mod") == "j":
        return ""
    if features.get("prc1") in ("sa_fut", "li_jus"):
        return ""
    return english({**features, "mod": "j"})
