"""Names on the real database and the real libraries (no mocks, no network)."""

from __future__ import annotations

import socket

import pytest

from reader.morphology import names


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("names must not reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_cldr_countries_with_and_without_article():
    assert names.known_name("الجزائر") == names.Name("Algeria", "cldr")
    assert names.known_name("جزائر") == names.Name("Algeria", "cldr")
    assert names.known_name("فرنسا").english == "France"
    assert names.known_name("الولايات المتحدة").english == "United States"


def test_attested_spelling():
    found = names.known_name("أوباما")
    assert found == names.Name("Obama", "attested")


def test_clitic_split():
    prefix, _gloss, stem, found = names.split_name("لأوباما")
    assert (prefix, stem, found.english) == ("ل", "أوباما", "Obama")


def test_analyzer_splits_clitic_and_names_stem(morphology):
    best = morphology.analyze_word("لأوباما")[0]
    assert best.lemma_gloss == "Obama"
    assert best.source == "guess"
    assert [s.role for s in best.segments] == ["proclitic", "stem"]


def test_common_words_stay_common(morphology):
    for word, gloss in (("كتاب", "book"), ("بيت", "house")):
        best = morphology.analyze_word(word)[0]
        assert best.source != "guess"
        assert gloss in best.lemma_gloss
