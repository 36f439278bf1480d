"""The look-up sites: addresses built from real lemmas, the list kept in the real settings file."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote

from reader.reading.lookup_sites import (
    DEFAULT_SENTENCE_URL,
    DEFAULT_SITES,
    Site,
    bare_word,
    root_letters,
    sentence_problem,
    sentence_template,
    sentence_url,
    setting_from_sites,
    site_problem,
    site_url,
    sites_from_setting,
)
from reader.system.settings import Settings
from reader.text import document_from_text


def _site(name: str) -> Site:
    return next(site for site in DEFAULT_SITES if site.name.startswith(name))


def test_the_defaults_are_the_four_sites_of_the_issue() -> None:
    names = [site.name for site in DEFAULT_SITES]
    assert names == [
        "Almaany",
        "Wiktionary",
        "Lane's Lexicon (Arabic Almanac)",
        "Google Translate",
    ]
    assert all(site_problem(site.name, site.url) is None for site in DEFAULT_SITES)
    assert sentence_problem(DEFAULT_SENTENCE_URL) is None


def test_a_real_lemma_goes_bare_of_vowels_and_url_encoded(morphology) -> None:
    """استقبال: the dictionary writes its lemma ٱِسْتِقْبال; the sites spell it استقبال."""
    (readings,) = morphology.analyze_document(
        document_from_text("الاستقبال", title="t"), vocalize=False
    ).readings
    lex = readings[0].lex
    assert lex.startswith("\u0671") and lex != "استقبال"
    assert bare_word(lex) == "استقبال"
    url = site_url(_site("Almaany"), lex)
    encoded = "%D8%A7%D8%B3%D8%AA%D9%82%D8%A8%D8%A7%D9%84"
    assert url == f"https://www.almaany.com/en/dict/ar-en/{encoded}/"
    assert url.isascii()
    wiktionary = site_url(_site("Wiktionary"), lex)
    assert wiktionary == f"https://en.wiktionary.org/wiki/{encoded}#Arabic"
    google = site_url(_site("Google"), lex)
    assert unquote(google.split("text=")[1]) == "استقبال" and "sl=ar&tl=en" in google


def test_the_hamza_stays_and_the_root_goes_to_lane() -> None:
    assert bare_word("أَنْ") == "أن"
    assert bare_word("مُؤْتَمَر") == "مؤتمر"
    lane = _site("Lane")
    assert unquote(site_url(lane, "قالَ", root_letters(("ق", "و", "ل")))) == (
        "https://ejtaal.net/aa/#q=قول"
    )
    # A radical the word does not show (و or ي): the lemma, never a guess.
    assert root_letters(("ز", "و/ي", "ر")) == ""
    assert unquote(site_url(lane, "زِيارَة", root_letters(("ز", "و/ي", "ر")))) == (
        "https://ejtaal.net/aa/#q=زيارة"
    )


def test_a_sentence_is_encoded_whole_and_its_spacing_tidied() -> None:
    url = sentence_url(DEFAULT_SENTENCE_URL, "زار الرئيس  موسكو،\nأمس & عاد؟")
    assert url.isascii() and "&" not in url.split("text=")[1]
    assert unquote(url.split("text=")[1]) == "زار الرئيس موسكو، أمس & عاد؟"
    assert url.startswith("https://translate.google.com/?sl=ar&tl=en")


def test_a_template_with_other_braces_and_a_bad_address_are_handled() -> None:
    odd = Site("Odd", "https://example.org/{x}/search?q={word}&r={root}")
    assert site_url(odd, "كِتاب") == (
        "https://example.org/{x}/search?q=%D9%83%D8%AA%D8%A7%D8%A8&r=%D9%83%D8%AA%D8%A7%D8%A8"
    )
    assert "https://" in site_problem("Local", "file:///etc/passwd?{word}")
    assert "{word}" in site_problem("No word", "https://example.org/")
    assert "name" in site_problem(" ", "https://example.org/{word}")
    assert "{sentence}" in sentence_problem("https://example.org/{word}")
    assert sentence_template("") == DEFAULT_SENTENCE_URL
    assert sentence_template("javascript:{sentence}") == DEFAULT_SENTENCE_URL
    assert sentence_template(" https://example.org/t?q={sentence} ") == (
        "https://example.org/t?q={sentence}"
    )


def test_the_list_lives_in_the_settings_file(data_home: Path) -> None:
    settings = Settings()
    assert sites_from_setting(settings.get("lookup_sites")) == DEFAULT_SITES
    mine = (Site("Mine", "https://example.org/?q={word}"), _site("Wiktionary"))
    settings.set("lookup_sites", setting_from_sites(mine))
    settings.save()
    stored = json.loads(settings.path.read_text())["lookup_sites"]
    assert stored == [
        {"name": "Mine", "url": "https://example.org/?q={word}"},
        {"name": "Wiktionary", "url": "https://en.wiktionary.org/wiki/{word}#Arabic"},
    ]
    assert sites_from_setting(Settings().get("lookup_sites")) == mine
    # A hand-edited file: the usable entries stay, the rest is left out.
    broken = [{"name": "Ok", "url": "https://a.org/{word}"}, "junk", {"name": "No url"}]
    assert sites_from_setting(broken) == (Site("Ok", "https://a.org/{word}"),)
    assert sites_from_setting([]) == ()  # every site removed: none, not the defaults
