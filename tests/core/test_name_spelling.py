"""The statistical spelling of foreign names: the shipped model, loaded for real."""

from __future__ import annotations

import socket

import pytest

from reader.morphology.names import spelling as name_spelling
from reader.morphology.names.guess import romanize_name


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("كولورادو", "Colorado"),
        ("غونزاليز", "Gonzalez"),
        ("موريكوني", "Moriconi"),
        ("فولكسفاغن", "Volkswagen"),
        ("بيلينغهام", "Bellingham"),
        ("شنايدر", "Schneider"),
        ("كاتالانو", "Catalano"),
        ("بيرغيرون", "Bergeron"),
        ("سامسونغ", "Samsung"),
        ("كامشاتكا", "Kamchatka"),
    ],
)
def test_it_spells_foreign_names_as_they_are_spelt(arabic: str, latin: str) -> None:
    assert name_spelling.spell(arabic) == latin
    assert romanize_name(arabic) != latin  # the letters alone get these wrong


def test_marks_and_tatweel_are_ignored() -> None:
    assert name_spelling.spell("كُولُورَادُو") == name_spelling.spell("كولـورادو") == "Colorado"


@pytest.mark.parametrize("word", ["", "   ", "Trump", "123", "ترامب!", "پاریس"])
def test_what_it_cannot_spell_is_none(word: str) -> None:
    assert name_spelling.spell(word) is None


def test_a_name_of_several_words_is_spelt_word_by_word() -> None:
    assert name_spelling.spell("كولورادو كاتالانو") == "Colorado Catalano"


def test_it_is_deterministic() -> None:
    words = ["ترامب", "غوغل", "تويتر", "شولمان", "هواوي"]
    first = [name_spelling.spell(word) for word in words]
    again = [name_spelling.spell_with(name_spelling.load(), word) for word in words]
    assert first == again
    assert all(spelt and spelt[0].isupper() and spelt[1:].islower() for spelt in first)


def test_the_model_loads_once_and_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the name model reached for the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert name_spelling.load().spellings("كولورادو")[0][1] == "colorado"
    assert name_spelling.model() is name_spelling.model()


def test_the_shipped_file_is_small() -> None:
    assert name_spelling.DATA_FILE.stat().st_size < 1_000_000
