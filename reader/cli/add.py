"""``arabic-reader vocab add``: save a word of a sentence as the window saves it.

    arabic-reader vocab add WORD --sentence "..." [--gloss ...] [--status ...]

The sentence is prepared and the word saved by the reading core
(:func:`reader.reading.prepare.prepare`, :func:`reader.reading.save.plan_save`),
so the entry is the one the window saves for the same word, field for field.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from reader.cli.store_errors import reports_errors
from reader.cli.support import EXIT_OK, fail, open_vocabulary, plural, utf8_stdout
from reader.system.filenames import shown_name

if TYPE_CHECKING:
    from reader.reading.session import ReadingSession
    from reader.store import Store
    from reader.text import Document, Token

CLI_DOCUMENT_TITLE = "Added from the command line"


class WordNotFound(Exception):
    pass


def find_word(document: Document, word: str) -> Token:
    """The first token of ``document`` that is ``word``.

    As typed first; then ignoring tatweel (the analyser ignores it too); then
    ignoring vowel marks, since a learner types "وزير" for a vocalised "وَزِير".
    """
    from reader.text.arabic import strip_diacritics, strip_tatweel

    word = word.strip()
    tests: list[Callable[[Token], bool]] = [
        lambda token: token.text == word,
        lambda token: token.lookup == strip_tatweel(word),
        lambda token: strip_diacritics(token.text) == strip_diacritics(word),
    ]
    for matches in tests:
        for token in document.tokens:
            if matches(token):
                return token
    plain = strip_diacritics(word)
    near = [t.text for t in document.tokens if plain and plain in strip_diacritics(t.text)]
    hint = f"; give it as written there, e.g. “{near[0]}”" if near else ""
    raise WordNotFound(f"“{word}” is not a word of the given sentence{hint}.")


def _name_words_given(session: ReadingSession, token_index: int, words: list[str]) -> bool:
    """Whether ``words`` are words of the name of several words the token begins
    or is part of (as typed, vowels optional)."""
    from reader.text.arabic import strip_diacritics

    name = session.name_at(token_index)
    if name is None:
        return False
    tokens = session.document.tokens if session.document is not None else ()
    theirs = [strip_diacritics(t.text) for t in tokens[name.start : name.end]]
    return all(strip_diacritics(word) in theirs for word in words)


@reports_errors
def cmd_add(args: argparse.Namespace) -> int:
    from reader.cli.support import ensure_database, load_settings
    from reader.reading.save import plan_save
    from reader.store import find_entry
    from reader.text import TokenKind, document_from_text

    utf8_stdout()
    words = args.word.split()
    if not words:
        return fail(f"Give a word to add, not “{shown_name(args.word)}”.")
    document = document_from_text(args.sentence, title=CLI_DOCUMENT_TITLE)
    try:
        token = find_word(document, words[0])
    except WordNotFound as error:
        return fail(shown_name(str(error)))
    if token.kind is not TokenKind.ARABIC:
        return fail(
            f"“{shown_name(token.text)}” is not an Arabic word, so it has no analysis to save."
        )

    # The store first: a damaged vocabulary file is reported before seconds of
    # loading the morphology.
    with open_vocabulary() as store:
        if store.read_only:  # said before seconds of loading the morphology for nothing
            return fail(f"Nothing was saved: {store.read_only}")
        setting = load_settings().get("morphology_db")
        ensure_database(setting)
        session = _analysed_session(document, setting, store)
        if len(words) > 1 and not _name_words_given(session, token.index, words):
            return fail(
                f"“{shown_name(args.word)}” is not one name of the sentence; give one word, "
                "or the words of a name the sentence names (الولايات المتحدة)."
            )
        # What the window saves for this word (a word of a name of several words
        # stands for the name), with its sentence and English.
        plan = plan_save(session, token.index)
        if plan is None:
            return fail(f"“{shown_name(token.text)}” could not be analysed, so nothing was saved.")
        before = find_entry(store, *plan.key)
        # An existing entry keeps its status, unless one is asked for; the
        # status and gloss are saved in the same transaction as the word.
        entry = plan.save(store, status_override=args.status, user_gloss=args.gloss).entry

    if before is None:
        verb = "Saved"
    elif entry.occurrence_count > before.occurrence_count:
        verb = "Saved again, with this sentence"
    else:
        verb = "Already saved from this sentence"
    # What the learner typed (the gloss) is shown, never obeyed by the terminal.
    shown = shown_name(
        f"{entry.lemma} ({entry.pos_label or entry.pos}) — {entry.gloss or '(no gloss)'}"
    )
    print(f"{verb}: {shown}")
    details = [f"status {entry.status.value}", f"seen {plural(entry.occurrence_count, 'time')}"]
    if entry.root:
        details.insert(0, f"root {entry.root}")
    if plan.is_name:
        details.insert(0, "a name of several words, saved as one")
    elif plan.reading is not None and plan.reading.is_guess:
        details.append("not in the dictionary: a guess")
    print("  " + shown_name(", ".join(details)))
    return EXIT_OK


def _analysed_session(document: Document, setting: Any, store: Store) -> ReadingSession:
    """A reading session on ``document``, prepared as the window prepares it
    (in context, vowels too where the vowel model can run), with the saved
    entries of its words, as the window reads them (a surname alone that stands
    for a saved name is then saved into the name, as from the window)."""
    from reader.morphology.analyzer import Morphology
    from reader.reading.prepare import prepare
    from reader.reading.session import ReadingSession
    from reader.store import entries_for_lemmas

    morphology = Morphology.load(setting=setting)
    session = ReadingSession(morphology)
    session.open(document)
    session.analysed(
        prepare(document, morphology, entries=lambda keys: entries_for_lemmas(store, keys))
    )
    return session
