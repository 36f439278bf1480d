"""Saving and finding words, documents and notes, on real SQLite files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.store import (
    Change,
    EntryOrder,
    NotFoundError,
    Status,
    Store,
    add_note,
    all_tags,
    delete_entry,
    delete_note,
    entries_for_lemmas,
    find_document,
    find_entry,
    fingerprint_text,
    forget_document,
    get_entry,
    list_entries,
    notes_for_document,
    occurrences,
    occurrences_in_document,
    open_store,
    recent_documents,
    remember_document,
    restore_entry,
    restore_note,
    save_word,
    set_notes,
    set_reading_position,
    set_status,
    set_tags,
    set_user_gloss,
    strip_diacritics,
    update_note,
)
from reader.system import paths

FIRST_TEXT = "قال الوزير إن الحكومة ستعمل على خفض الأسعار."
SECOND_TEXT = "التقى وزيرُ الخارجية بنظيره في موسكو."

WAZIR = {
    "lex": "وَزِير",
    "pos": "noun",
    "lemma": "وَزِير",
    "root": "و.ز.ر",
    "pos_label": "noun",
    "dictionary_gloss": "minister; vizier",
}
HUKUMA = {
    "lex": "حُكُومَة",
    "pos": "noun",
    "lemma": "حُكُومَة",
    "root": "ح.ك.م",
    "pos_label": "noun",
    "dictionary_gloss": "government",
}
KHAFD = {
    "lex": "خَفْض",
    "pos": "noun",
    "lemma": "خَفْض",
    "root": "خ.ف.ض",
    "pos_label": "noun",
    "dictionary_gloss": "lowering; reduction",
}


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "home"))
    return paths.vocabulary_db_path()


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with open_store(db_path) as opened:
        yield opened


def _open(store: Store, text: str, title: str = "خبر", path: str | None = None) -> int:
    doc, _ = remember_document(
        store, title=title, fingerprint=fingerprint_text(text), path=path, text_length=len(text)
    )
    return doc.id


def _save(store: Store, word: dict, text: str, document_id: int, surface: str, **extra):
    start = text.index(surface)
    return save_word(
        store,
        **word,
        surface=surface,
        sentence=text,
        document_id=document_id,
        start=start,
        end=start + len(surface),
        **extra,
    )


def test_same_lemma_from_two_documents_is_one_entry_after_reopening(db_path: Path) -> None:
    with open_store(db_path) as store:
        first = _open(store, FIRST_TEXT, "first")
        entry, change = _save(store, WAZIR, FIRST_TEXT, first, "الوزير")
        assert change == Change(vocabulary=True, entry_ids=frozenset({entry.id}))
        assert entry.status is Status.LEARNING and entry.occurrence_count == 1

    with open_store(db_path) as store:  # a new Store, as after restarting the app
        second = _open(store, SECOND_TEXT, "second")
        assert find_entry(store, "وَزِير", "noun") == get_entry(store, entry.id)
        again, change = _save(store, WAZIR, SECOND_TEXT, second, "وزيرُ")
        assert again.id == entry.id and again.occurrence_count == 2 and change
        seen = occurrences(store, entry.id)
        assert [(o.document_title, o.surface) for o in seen] == [
            ("first", "الوزير"),
            ("second", "وزيرُ"),
        ]
        assert seen[1].start == SECOND_TEXT.index("وزيرُ")
        assert len(list_entries(store)) == 1


def test_saving_the_same_occurrence_twice_changes_nothing(store: Store) -> None:
    doc = _open(store, FIRST_TEXT)
    first, _ = _save(store, WAZIR, FIRST_TEXT, doc, "الوزير")
    second, change = _save(store, WAZIR, FIRST_TEXT, doc, "الوزير")
    assert not change
    assert second == first
    assert len(occurrences(store, first.id)) == 1


def test_saving_keeps_status_and_learner_fields_but_refreshes_analysis(store: Store) -> None:
    doc = _open(store, FIRST_TEXT)
    entry, _ = _save(store, WAZIR, FIRST_TEXT, doc, "الوزير", status="new")
    assert entry.status is Status.NEW
    set_status(store, entry.id, Status.KNOWN)
    set_user_gloss(store, entry.id, "cabinet minister")
    improved = {**WAZIR, "pos_label": "noun (masculine)", "dictionary_gloss": "minister"}
    entry, change = save_word(store, **improved)  # a lookup-only save, no document
    assert change and entry.status is Status.KNOWN
    assert entry.pos_label == "noun (masculine)"
    assert entry.dictionary_gloss == "minister; vizier" and entry.gloss == "cabinet minister"


TAQRIR = {"lex": "تَقْرِير", "pos": "noun", "lemma": "تَقْرِير", "root": "ق.ر.ر", "pos_label": "noun"}
REPORTS_TEXT = "نشرت الصحف تقارير عن التقرير الأخير."


def test_an_entry_keeps_its_first_dictionary_gloss_whatever_form_comes_next(db_path: Path):
    with open_store(db_path) as store:
        doc = _open(store, REPORTS_TEXT)
        first, _ = _save(
            store, {**TAQRIR, "dictionary_gloss": "reports; accounts"}, REPORTS_TEXT, doc, "تقارير"
        )
        later, change = _save(
            store,
            {**TAQRIR, "dictionary_gloss": "decision; determination"},
            REPORTS_TEXT,
            doc,
            "التقرير",
        )
    assert change  # the new place was saved
    assert later.id == first.id and later.occurrence_count == 2
    with open_store(db_path) as store:
        assert get_entry(store, first.id).dictionary_gloss == "reports; accounts"
        # A gloss missing at first is filled in by the first save that has one.
        bare, _ = save_word(store, **{**WAZIR, "dictionary_gloss": ""})
        assert bare.dictionary_gloss == ""
        filled, change = save_word(store, **WAZIR)
        assert change and filled.dictionary_gloss == "minister; vizier"
        # The learner's own gloss is the way to change what is shown.
        shown, _ = set_user_gloss(store, first.id, "report")
        assert shown.gloss == "report" and shown.dictionary_gloss == "reports; accounts"


def test_status_and_gloss_are_saved_with_the_word_in_one_transaction(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    transactions = []
    writing = store.writing

    def counted():
        transactions.append(1)
        return writing()

    monkeypatch.setattr(store, "writing", counted)
    doc = _open(store, FIRST_TEXT)
    transactions.clear()
    new, _ = _save(
        store, WAZIR, FIRST_TEXT, doc, "الوزير", status_override="known", user_gloss=" a minister "
    )
    assert len(transactions) == 1
    assert new.status is Status.KNOWN and new.user_gloss == "a minister"
    assert new.occurrence_count == 1

    transactions.clear()
    again, change = _save(
        store, WAZIR, FIRST_TEXT, doc, "الوزير", status_override=Status.NEW, user_gloss="vizier"
    )
    assert len(transactions) == 1
    assert change and change.entry_ids == {new.id}
    assert again.status is Status.NEW and again.gloss == "vizier"
    assert again.occurrence_count == 1  # the same place, not saved twice
    # status alone applies only to a new entry; no gloss leaves the learner's alone.
    kept, change = _save(store, WAZIR, FIRST_TEXT, doc, "الوزير", status="known")
    assert not change and kept.status is Status.NEW and kept.user_gloss == "vizier"
    cleared, change = _save(store, WAZIR, FIRST_TEXT, doc, "الوزير", user_gloss="  ")
    assert change and cleared.user_gloss is None and cleared.gloss == "minister; vizier"
    assert get_entry(store, new.id) == cleared


def test_save_analysis_passes_status_and_gloss_through(store: Store) -> None:
    from types import SimpleNamespace

    from reader.store.words import save_analysis

    analysis = SimpleNamespace(
        lex=HUKUMA["lex"],
        pos=HUKUMA["pos"],
        lemma=HUKUMA["lemma"],
        root=HUKUMA["root"],
        pos_label=HUKUMA["pos_label"],
        lemma_gloss=HUKUMA["dictionary_gloss"],
    )
    doc = _open(store, FIRST_TEXT)
    start = FIRST_TEXT.index("الحكومة")
    place = {"surface": "الحكومة", "sentence": FIRST_TEXT, "document_id": doc}
    place |= {"start": start, "end": start + len("الحكومة")}
    plain, _ = save_analysis(store, analysis, **place)  # as the window calls it
    assert plain.status is Status.LEARNING and plain.user_gloss is None
    entry, change = save_analysis(
        store, analysis, **place, status_override="ignored", user_gloss="cabinet"
    )
    assert change and entry.id == plain.id
    assert entry.status is Status.IGNORED and entry.gloss == "cabinet"
    assert entry.dictionary_gloss == "government"


def test_user_gloss_wins_and_can_be_cleared(store: Store) -> None:
    doc = _open(store, FIRST_TEXT)
    entry, _ = _save(store, WAZIR, FIRST_TEXT, doc, "الوزير")
    assert entry.gloss == "minister; vizier"
    entry, change = set_user_gloss(store, entry.id, "  minister (in a cabinet) ")
    assert change.vocabulary and change.entry_ids == {entry.id}
    assert entry.gloss == "minister (in a cabinet)"
    looked_up = entries_for_lemmas(store, [("وَزِير", "noun")])
    assert looked_up[("وَزِير", "noun")].gloss == "minister (in a cabinet)"
    entry, _ = set_user_gloss(store, entry.id, "   ")
    assert entry.user_gloss is None and entry.gloss == "minister; vizier"


def test_status_changes_and_filters(store: Store) -> None:
    doc = _open(store, FIRST_TEXT)
    wazir, _ = _save(store, WAZIR, FIRST_TEXT, doc, "الوزير")
    hukuma, _ = _save(store, HUKUMA, FIRST_TEXT, doc, "الحكومة")
    entry, change = set_status(store, hukuma.id, "known")
    assert entry.status is Status.KNOWN and change
    _, change = set_status(store, hukuma.id, Status.KNOWN)
    assert not change
    assert [e.id for e in list_entries(store, status=Status.KNOWN)] == [hukuma.id]
    assert [e.id for e in list_entries(store, status=["learning", "new"])] == [wazir.id]
    with pytest.raises(ValueError):
        set_status(store, wazir.id, "forgotten")


def test_search_with_and_without_vowels_and_in_english(store: Store) -> None:
    doc = _open(store, FIRST_TEXT)
    wazir, _ = _save(store, WAZIR, FIRST_TEXT, doc, "الوزير")
    hukuma, _ = _save(store, HUKUMA, FIRST_TEXT, doc, "الحكومة")
    khafd, _ = _save(store, KHAFD, FIRST_TEXT, doc, "خفض")
    set_notes(store, khafd.id, "Used for PRICES in economic news")
    set_user_gloss(store, hukuma.id, "cabinet")

    def ids(term: str) -> set[int]:
        return {e.id for e in list_entries(store, search=term)}

    assert ids("وزير") == {wazir.id}  # unvocalised query, vocalised lemma
    assert ids("وَزِير") == {wazir.id}  # vocalised query
    assert ids("وَزير") == {wazir.id}  # partly vocalised
    assert ids("الوزير") == {wazir.id}  # a form seen in the text
    assert ids("حكـومة") == {hukuma.id}  # tatweel ignored
    assert ids("MINISTER") == {wazir.id}  # dictionary gloss, any case
    assert ids("Cabinet") == {hukuma.id}  # the learner's gloss
    assert ids("prices") == {khafd.id}  # notes
    assert ids("100%") == set()  # LIKE wildcards are literal
    assert strip_diacritics("وَزِيرٌ") == "وزير"


def test_filters_by_tag_document_and_root_and_orders(store: Store) -> None:
    first = _open(store, FIRST_TEXT)
    second = _open(store, SECOND_TEXT)
    wazir, _ = _save(store, WAZIR, FIRST_TEXT, first, "الوزير")
    _save(store, WAZIR, SECOND_TEXT, second, "وزيرُ")
    hukuma, _ = _save(store, HUKUMA, FIRST_TEXT, first, "الحكومة")
    khafd, _ = _save(store, KHAFD, FIRST_TEXT, first, "خفض")

    entry, change = set_tags(store, wazir.id, ["politics", "news  words", "Politics"])
    assert entry.tags == ("news_words", "politics") and change
    set_tags(store, hukuma.id, ["POLITICS"])
    assert all_tags(store) == ["news_words", "politics"]
    assert {e.id for e in list_entries(store, tag="Politics")} == {wazir.id, hukuma.id}
    assert {e.id for e in list_entries(store, tag="news words")} == {wazir.id}
    assert [e.id for e in list_entries(store, document_id=second)] == [wazir.id]
    assert [e.id for e in list_entries(store, root="و.ز.ر")] == [wazir.id]
    assert [e.id for e in list_entries(store, root="خفض")] == [khafd.id]
    assert [e.id for e in list_entries(store, tag="politics", document_id=second)] == [wazir.id]

    alphabetical = [e.lemma for e in list_entries(store, order_by=EntryOrder.LEMMA)]
    assert alphabetical == sorted(alphabetical, key=strip_diacritics)
    newest = list_entries(store, order_by="created")
    assert newest[0].id == khafd.id
    assert [e.id for e in list_entries(store, order_by="updated", limit=1)] == [hukuma.id]

    set_tags(store, wazir.id, [])
    assert all_tags(store) == ["politics"]  # unused tags go away


def test_entries_for_lemmas_marks_a_whole_article(store: Store) -> None:
    doc = _open(store, FIRST_TEXT)
    _save(store, WAZIR, FIRST_TEXT, doc, "الوزير")
    _save(store, HUKUMA, FIRST_TEXT, doc, "الحكومة")
    keys = [("وَزِير", "noun"), ("حُكُومَة", "noun"), ("وَزِير", "adj"), ("قال", "verb")]
    keys += [(f"word{i}", "noun") for i in range(1200)]  # more than one query chunk
    found = entries_for_lemmas(store, keys)
    assert set(found) == {("وَزِير", "noun"), ("حُكُومَة", "noun")}
    marked = occurrences_in_document(store, doc)
    assert [o.surface for o in marked] == ["الوزير", "الحكومة"]  # text order


def test_delete_and_restore_with_occurrences(store: Store) -> None:
    first = _open(store, FIRST_TEXT)
    second = _open(store, SECOND_TEXT)
    wazir, _ = _save(store, WAZIR, FIRST_TEXT, first, "الوزير")
    _save(store, WAZIR, SECOND_TEXT, second, "وزيرُ")
    set_tags(store, wazir.id, ["politics"])
    set_user_gloss(store, wazir.id, "my gloss")
    before = get_entry(store, wazir.id)
    seen_before = occurrences(store, wazir.id)

    deleted, change = delete_entry(store, wazir.id)
    assert change.entry_ids == {wazir.id}
    assert find_entry(store, "وَزِير", "noun") is None
    assert occurrences(store, wazir.id) == [] and all_tags(store) == []
    with pytest.raises(NotFoundError):
        get_entry(store, wazir.id)

    restored, change = restore_entry(store, deleted)
    assert change.vocabulary
    assert restored.id == wazir.id
    assert restored.tags == ("politics",) and restored.gloss == "my gloss"
    assert restored.occurrence_count == 2
    assert occurrences(store, wazir.id) == seen_before
    assert (restored.lemma, restored.created_at) == (before.lemma, before.created_at)


def test_restore_merges_into_a_word_saved_again_meanwhile(store: Store) -> None:
    first = _open(store, FIRST_TEXT)
    second = _open(store, SECOND_TEXT)
    wazir, _ = _save(store, WAZIR, FIRST_TEXT, first, "الوزير")
    deleted, _ = delete_entry(store, wazir.id)
    again, _ = _save(store, WAZIR, SECOND_TEXT, second, "وزيرُ")
    assert again.id != wazir.id  # ids are never reused
    merged, _ = restore_entry(store, deleted)
    assert merged.id == again.id and merged.occurrence_count == 2


def test_documents_fingerprint_position_and_recent(store: Store) -> None:
    doc, change = remember_document(
        store,
        title="old title",
        fingerprint=fingerprint_text(FIRST_TEXT),
        path="/a.txt",
        text_length=len(FIRST_TEXT),
    )
    assert change.documents and change.document_ids == {doc.id}
    moved, _ = set_reading_position(store, doc.id, 12)
    assert moved.reading_position == 12
    clamped, _ = set_reading_position(store, doc.id, 10_000)
    assert clamped.reading_position == len(FIRST_TEXT)
    _, change = set_reading_position(store, doc.id, 10_000)
    assert not change

    # The same text pasted again: same document, path kept, position kept.
    same, _ = remember_document(
        store,
        title="new title",
        fingerprint=fingerprint_text(FIRST_TEXT),
        text_length=len(FIRST_TEXT),
    )
    assert same.id == doc.id and same.path == "/a.txt" and same.title == "new title"
    assert same.reading_position == len(FIRST_TEXT)
    other = _open(store, SECOND_TEXT)
    assert [d.id for d in recent_documents(store, 10)] == [other, doc.id]
    assert find_document(store, fingerprint_text(SECOND_TEXT)).id == other
    assert find_document(store, "unknown") is None


def test_forgetting_a_document_keeps_words_but_drops_its_occurrences(store: Store) -> None:
    first = _open(store, FIRST_TEXT)
    second = _open(store, SECOND_TEXT)
    wazir, _ = _save(store, WAZIR, FIRST_TEXT, first, "الوزير")
    _save(store, WAZIR, SECOND_TEXT, second, "وزيرُ")
    add_note(store, first, "note")
    change = forget_document(store, first)
    assert change.vocabulary and change.entry_ids == {wazir.id}
    assert get_entry(store, wazir.id).occurrence_count == 1
    assert notes_for_document(store, first) == []


def test_bad_arguments_are_refused_without_writing(store: Store) -> None:
    doc = _open(store, FIRST_TEXT)
    with pytest.raises(ValueError):
        save_word(store, **WAZIR, surface="x", document_id=doc, start=5, end=2)
    with pytest.raises(ValueError):
        save_word(store, **WAZIR, document_id=doc)
    with pytest.raises(NotFoundError):
        save_word(store, **WAZIR, surface="x", document_id=999, start=0, end=1)
    assert list_entries(store) == []  # the failed save rolled back its entry too


def test_notes_anchored_and_free_round_trip(db_path: Path) -> None:
    with open_store(db_path) as store:
        doc = _open(store, FIRST_TEXT)
        start = FIRST_TEXT.index("الحكومة")
        free, change = add_note(store, doc, "Whole article: about prices.")
        assert change.notes and change.document_ids == {doc}
        anchored, _ = add_note(
            store, doc, "subject of ستعمل", start=start, end=start + 7, anchor_text="الحكومة"
        )
        early, _ = add_note(store, doc, "who?", start=4, end=10, anchor_text="الوزير")
        with pytest.raises(ValueError):
            add_note(store, doc, "half an anchor", start=3)
        with pytest.raises(ValueError):
            add_note(store, doc, "anchor text without span", anchor_text="x")

    with open_store(db_path) as store:
        notes = notes_for_document(store, doc)
        assert [n.id for n in notes] == [early.id, anchored.id, free.id]
        assert notes[1] == anchored and anchored.anchored and not free.anchored
        assert (notes[1].start, notes[1].end, notes[1].anchor_text) == (start, start + 7, "الحكومة")

        edited, change = update_note(store, free.id, "About prices and the government.")
        assert change.notes and edited.text.startswith("About") and edited.start is None
        removed, _ = delete_note(store, anchored.id)
        assert [n.id for n in notes_for_document(store, doc)] == [early.id, free.id]
        back, _ = restore_note(store, removed)
        assert back == anchored
        with pytest.raises(NotFoundError):
            update_note(store, 12345, "nothing")
