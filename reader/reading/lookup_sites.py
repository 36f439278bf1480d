"""Dictionaries and a translator on the web, for the word or the sentence the learner picks.

The app reaches no network by itself: this module only writes addresses, and the
window hands one to the system browser when the learner clicks a site. The sites
are the learner's data (the ``lookup_sites`` setting): a name and an address in
which ``{word}`` stands for the word's lemma without its vowels (as the sites'
own entries are spelled: Wiktionary's page is زيارة, not زِيارَة) and ``{root}``
for its root's letters (Lane's Lexicon is ordered by root), else the lemma. The
whole-sentence translation is one more address, with ``{sentence}``.

A setting left at None means the built-in list, so a learner who never edited it
gets the defaults of the version they run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from reader.text.arabic import strip_diacritics

WORD, ROOT, SENTENCE = "{word}", "{root}", "{sentence}"
ALEF_WASLA, ALEF = "\u0671", "\u0627"


@dataclass(frozen=True)
class Site:
    name: str
    url: str  # an address with WORD and/or ROOT in it

    def as_setting(self) -> dict[str, str]:
        return {"name": self.name, "url": self.url}


DEFAULT_SITES: tuple[Site, ...] = (
    Site("Almaany", "https://www.almaany.com/en/dict/ar-en/{word}/"),
    Site("Wiktionary", "https://en.wiktionary.org/wiki/{word}#Arabic"),
    # The Arabic Almanac opens Lane's Lexicon (and Hans Wehr) at a root's page.
    Site("Lane's Lexicon (Arabic Almanac)", "https://ejtaal.net/aa/#q={root}"),
    Site("Google Translate", "https://translate.google.com/?sl=ar&tl=en&op=translate&text={word}"),
)
DEFAULT_SENTENCE_URL = "https://translate.google.com/?sl=ar&tl=en&op=translate&text={sentence}"


def sites_from_setting(value: Any) -> tuple[Site, ...]:
    """The sites a setting holds; None (never edited): the defaults.

    An entry that is not a name and an address (a hand-edited file) is left out
    rather than break the menu.
    """
    if value is None:
        return DEFAULT_SITES
    if not isinstance(value, list):
        return DEFAULT_SITES
    found = []
    for entry in value:
        if not isinstance(entry, dict):
            continue
        name, url = entry.get("name"), entry.get("url")
        if isinstance(name, str) and isinstance(url, str) and site_problem(name, url) is None:
            found.append(Site(name.strip(), url.strip()))
    return tuple(found)


def setting_from_sites(sites: Iterable[Site]) -> list[dict[str, str]]:
    return [site.as_setting() for site in sites]


def site_problem(name: str, url: str) -> str | None:
    """Why a site cannot be used (one short sentence), or None."""
    if not name.strip():
        return "A site needs a name."
    return _address_problem(url, (WORD, ROOT), "{word} or {root}")


def sentence_problem(url: str) -> str | None:
    """Why a sentence-translation address cannot be used, or None."""
    return _address_problem(url, (SENTENCE,), "{sentence}")


def _address_problem(url: str, placeholders: Sequence[str], said: str) -> str | None:
    url = url.strip()
    # Only web addresses: a template must never run a program or open a local file.
    if not url.lower().startswith(("https://", "http://")):
        return f"The address must start with https:// or http:// ({url or 'empty'})."
    if not any(placeholder in url for placeholder in placeholders):
        return f"The address must hold {said}, where the text goes ({url})."
    return None


def bare_word(word: str) -> str:
    """``word`` as the sites spell their entries: no vowel marks, ٱ written ا.

    The hamza stays (أ إ ؤ ئ are letters of the word, and the sites keep them).
    """
    return strip_diacritics(word).replace(ALEF_WASLA, ALEF).strip()


def root_letters(radicals: Sequence[str]) -> str:
    """The root as one run of letters (قول), or "" where a radical is unknown (و/ي)."""
    if not radicals or any(len(radical) != 1 for radical in radicals):
        return ""
    return "".join(radicals)


def site_url(site: Site, word: str, root: str = "") -> str:
    """``site``'s address for ``word`` (a lemma, vowels or not) and its ``root``'s letters."""
    bare = bare_word(word)
    return _fill(site.url, {WORD: bare, ROOT: root or bare})


def sentence_url(template: str, sentence: str) -> str:
    """The translator's address for ``sentence``, as written in the article."""
    return _fill(template, {SENTENCE: " ".join(sentence.split())})


def _fill(template: str, values: dict[str, str]) -> str:
    # Not str.format: an address may hold other braces, and the learner writes these.
    url = template.strip()
    for placeholder, value in values.items():
        url = url.replace(placeholder, quote(value, safe=""))
    return url


def sentence_template(value: Any) -> str:
    """The sentence-translation address a setting holds; empty or unusable: the default."""
    if isinstance(value, str) and value.strip() and sentence_problem(value) is None:
        return value.strip()
    return DEFAULT_SENTENCE_URL
