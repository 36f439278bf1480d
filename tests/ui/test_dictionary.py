"""The dictionary: loading in the background, missing, failing, and the work helper."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from reader.morphology.database.locate import DB_ENV, WHEEL_NAME
from reader.morphology.errors import InstallCancelled, NetworkError
from reader.text import load_document
from reader.ui.base.tasks import TaskManager
from reader.ui.window import dictionary
from reader.ui.window.about import about_html
from tests.core.hostile_index import serve_hostile_index, set_limits
from tests.ui.conftest import hover, make_window, token_index


def test_hover_before_the_dictionary_is_ready_says_loading(
    qtbot, data_home, default_article_path, captured_dialogs
):
    window = make_window(qtbot)
    window.show_document(load_document(default_article_path))
    hover(window, token_index(window, "بوتين"))
    assert "loading…" in window.popup.text()
    assert "loading…" in window.gloss_pane.text()
    assert "Loading" in window.dictionary_label.text()


def test_no_dictionary_and_no_network(
    qtbot, data_home, default_article_path, captured_dialogs, monkeypatch
):
    def offline(source=None, **kwargs):
        raise NetworkError("The package index could not be reached; check the connection.")

    monkeypatch.setattr(dictionary, "locate_database", lambda setting: None)
    monkeypatch.setattr(dictionary, "install_database", offline)
    captured_dialogs.answers = [dictionary.RETRY, dictionary.FROM_FILE]
    window = make_window(qtbot)
    window.show_document(load_document(default_article_path))
    window.start_dictionary()

    # Retry, then "from file" (cancelled), then the last (safe) choice: read without glosses.
    assert len(captured_dialogs.shown) == 3
    title, text, buttons = captured_dialogs.shown[0]
    assert "package index could not be reached" in text
    assert buttons == (dictionary.RETRY, dictionary.FROM_FILE, dictionary.WITHOUT)
    assert window.dictionary_state == "unavailable"
    assert "glosses unavailable" in window.dictionary_label.text()
    assert len(window.document.tokens) > 400
    hover(window, token_index(window, "بوتين"))
    assert "No dictionary" in window.popup.text()


def test_install_from_a_file(qtbot, data_home, real_db_path, captured_dialogs, monkeypatch):
    """First run offline, the learner points at a .db file: installed, loaded, used."""
    attempts = []

    def install(source=None, **kwargs):
        attempts.append(source)
        if source is None:
            raise NetworkError("The package index could not be reached.")
        from reader.morphology.database.install import install_database

        return install_database(source, **kwargs)

    monkeypatch.setattr(dictionary, "install_database", install)
    monkeypatch.setattr(dictionary, "locate_database", lambda setting: None)
    monkeypatch.setattr(dictionary.dialogs, "choose_file", lambda *args: real_db_path)
    captured_dialogs.answers = [dictionary.FROM_FILE]
    window = make_window(qtbot)
    window.start_dictionary()
    assert attempts == [None, real_db_path]
    assert window.dictionary_state == "ready"
    assert (data_home / "camel_tools").is_dir()


def test_threaded_start_keeps_the_window_alive(
    qtbot, data_home, real_db_path, default_article_path, captured_dialogs
):
    """The real worker: the dictionary loads and the article is analysed off the GUI thread."""
    window = make_window(qtbot, synchronous=False)
    window.settings.set("morphology_db", str(real_db_path))
    window.dictionary.setting = str(real_db_path)
    window.show_document(load_document(default_article_path))
    window.start_dictionary()
    assert window.analysis is None  # returned at once; the work is on the worker
    qtbot.waitUntil(lambda: window.analysis is not None, timeout=60_000)
    assert "words found" in window.dictionary_label.text()
    hover(window, token_index(window, "بوتين"))
    assert "Putin" in window.gloss_pane.text()
    assert not captured_dialogs.shown


def test_first_hover_answers_before_the_later_stage(
    qtbot, data_home, real_db_path, captured_dialogs, monkeypatch
):
    """A staged start on the real worker: with the later stage (the spelling model
    and the sources of names) held back, a hover is answered from the database
    alone, a foreign name spelt letter by letter; once the stage is in, the
    article's analysis brings the name's spelling to the popup and the pane."""
    from reader.morphology.analyzer import Morphology
    from reader.morphology.names.guess import romanize_name
    from reader.text import document_from_text

    release = threading.Event()
    real_rest = Morphology.load_rest

    def held_rest(self):
        assert release.wait(120), "the test never released the later stage"
        real_rest(self)

    monkeypatch.setattr(Morphology, "load_rest", held_rest)
    window = make_window(qtbot, synchronous=False)
    window.dictionary.setting = str(real_db_path)
    window.show_document(document_from_text("زار الوزير كولورادو أمس.", title="staged"))
    try:
        window.start_dictionary()
        qtbot.waitUntil(lambda: window.dictionary_state == "ready", timeout=60_000)
        assert not window.morphology.rest_loaded and window.analysis is None
        hover(window, token_index(window, "زار"))  # a word of the lexicon: its vowels
        assert "زَارَ" in window.popup.text() and "he visited" in window.popup.text()
        name = token_index(window, "كولورادو")
        hover(window, name)
        letters = romanize_name("كولورادو")
        assert letters != "Colorado"
        assert letters in window.popup.text() and letters in window.gloss_pane.text()
        assert "Colorado" not in window.popup.text()
    finally:
        with qtbot.waitSignal(window.dictionary.completed, timeout=120_000):
            release.set()
    qtbot.waitUntil(lambda: window.analysis is not None, timeout=120_000)
    assert window.morphology.rest_loaded
    assert window.session.hovered == name and window.popup.isVisible()
    assert "Colorado" in window.popup.text() and letters not in window.popup.text()
    assert "Colorado" in window.gloss_pane.text()
    assert not captured_dialogs.shown


def test_tasks_deliver_on_the_gui_thread(qtbot):
    manager = TaskManager()
    gui = threading.get_ident()
    seen: dict[str, object] = {}

    def work(task):
        seen["worker"] = threading.get_ident()
        task.report(1, 2)
        return 42

    manager.run(
        work,
        on_success=lambda result: seen.update(result=result, on=threading.get_ident()),
        on_progress=lambda done, total: seen.update(progress=(done, total)),
    )
    assert manager.wait_idle()
    assert seen["result"] == 42 and seen["on"] == gui and seen["worker"] != gui
    assert seen["progress"] == (1, 2)

    def fail(task):
        raise ValueError("no")

    manager.run(fail, on_success=seen.update, on_failure=lambda e: seen.update(error=e))
    assert manager.wait_idle()
    assert isinstance(seen["error"], ValueError)
    manager.shutdown()


def test_a_cancelled_task_delivers_nothing(qtbot):
    manager = TaskManager()
    started, release = threading.Event(), threading.Event()
    delivered = []

    def work(task):
        started.set()
        release.wait(5)
        return task.is_cancelled()

    task = manager.run(work, on_success=delivered.append)
    started.wait(5)
    task.cancel()
    release.set()
    after = manager.run(lambda task: "next", on_success=delivered.append)
    assert manager.wait_idle()
    assert after.done
    # One worker, deliveries in order: the cancelled task's outcome came back
    # first (it is done) and was dropped.
    assert task.done
    assert delivered == ["next"]
    manager.shutdown()


def test_synchronous_tasks_finish_before_run_returns():
    manager = TaskManager(synchronous=True)
    results = []
    task = manager.run(lambda task: 7, on_success=results.append)
    assert task.done and results == [7]


@pytest.mark.parametrize("licence", ["GPL-2.0", "Open Font License"])
def test_about_names_versions_and_licences(data_home, real_db_path, licence: str):
    text = about_html(str(real_db_path))
    assert "camel-tools" in text and "PySide6" in text
    assert licence in text or licence.replace("-2.0", " v2") in text
    assert Path(real_db_path).name in text


def test_about_links_every_licence_text(data_home, real_db_path):
    import re
    from urllib.parse import unquote, urlparse

    text = about_html(str(real_db_path))
    assert "LGPL v3" in text and "their licences" in text
    targets = [Path(unquote(urlparse(href).path)) for href in re.findall(r'href="([^"]+)"', text)]
    assert len(targets) >= 5
    for target in targets:
        assert target.is_file() and target.stat().st_size > 500, target


# -- a database that cannot be used, and an install that must stop -----------------


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _device(path: Path) -> None:
    os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 5))  # a zero device, in tmp_path


def _garbage(path: Path) -> None:
    path.write_bytes(b"###DEFINES###\nnot a database at all\n")


def _missing(path: Path) -> None:
    pass


UNUSABLE = {
    "missing": (_missing, "does not exist"),
    "fifo": (_fifo, "named pipe"),
    "device": (_device, "is a device"),
    "garbage": (_garbage, "not a CAMeL morphology database"),
}


def _assert_reads_on_without_glosses(window, default_article_path) -> None:
    assert window.dictionary_state == "unavailable"
    assert "glosses unavailable" in window.dictionary_label.text()
    assert "Loading" not in window.dictionary_label.text()
    window.show_document(load_document(default_article_path))
    hover(window, token_index(window, "بوتين"))
    assert "No dictionary" in window.popup.text()


@pytest.mark.parametrize(("make", "said"), UNUSABLE.values(), ids=UNUSABLE.keys())
def test_a_named_database_that_cannot_be_used_is_said_and_the_window_reads_on(
    qtbot, data_home, tmp_path, default_article_path, captured_dialogs, monkeypatch, make, said
):
    """Named by ARABIC_READER_MORPH_DB: which file, what to do; the real worker, no hang."""
    named = tmp_path / "named.db"
    make(named)
    monkeypatch.setenv(DB_ENV, str(named))
    window = make_window(qtbot, synchronous=False)
    window.start_dictionary()
    qtbot.waitUntil(lambda: window.dictionary_state == "unavailable", timeout=60_000)
    assert len(captured_dialogs.shown) == 1
    _, text, buttons = captured_dialogs.shown[0]
    assert str(named) in text and said in text
    assert "unset it" in text and DB_ENV in text
    assert buttons == (dictionary.WITHOUT,)  # installing ours would not replace it
    _assert_reads_on_without_glosses(window, default_article_path)


def test_a_missing_database_named_in_the_settings_says_to_fix_the_setting(
    qtbot, data_home, tmp_path, default_article_path, captured_dialogs
):
    window = make_window(qtbot)
    window.dictionary.setting = str(tmp_path / "calima-msa-s31.db")
    window.start_dictionary()
    _, text, _ = captured_dialogs.shown[0]
    assert "calima-msa-s31.db" in text and "does not exist" in text
    assert "morphology_db" in text and "settings.json" in text
    _assert_reads_on_without_glosses(window, default_article_path)


def test_a_damaged_installed_database_offers_to_install_it_again(
    qtbot, data_home, captured_dialogs, monkeypatch
):
    from reader.morphology.database import camel_env
    from reader.system import paths

    monkeypatch.setattr(camel_env, "USER_CAMELTOOLS_DATA", None)
    monkeypatch.setenv("HOME", str(data_home))
    ours = paths.morphology_dir() / "morphology.db"
    ours.parent.mkdir(parents=True)
    _garbage(ours)
    window = make_window(qtbot)
    window.start_dictionary()
    _, text, buttons = captured_dialogs.shown[0]
    assert str(ours.name) in text and f"Choose {dictionary.RETRY}" in text
    assert buttons == (dictionary.RETRY, dictionary.FROM_FILE, dictionary.WITHOUT)
    assert window.dictionary_state == "unavailable"


@pytest.fixture
def silent_index(monkeypatch):
    """An index whose wheel answers its headers, then nothing for as long as we like."""
    answered = threading.Event()
    with serve_hostile_index() as index:

        def silent(handler) -> None:
            handler.send_response(200)
            handler.send_header("Content-Length", "100")
            handler.end_headers()
            handler.wfile.flush()
            answered.set()
            index.stop.wait()

        index.links_to(index.wheel_url)
        index.answer(WHEEL_NAME, silent)
        # No limit ends that read for an hour: only a cancel can.
        set_limits(monkeypatch, "wheel", read_timeout=3600, deadline=3600, min_rate=0)
        monkeypatch.setenv("PIP_INDEX_URL", index.url)
        monkeypatch.setattr(dictionary, "locate_database", lambda setting: None)
        yield answered


def _watched_install(monkeypatch) -> list[BaseException | None]:
    """Record how each install on the worker ended (None while it runs)."""
    outcomes: list[BaseException | None] = []
    real = dictionary.install_database

    def install(source=None, **kwargs):
        outcomes.append(None)
        try:
            return real(source, **kwargs)
        except BaseException as error:
            outcomes[-1] = error
            raise

    monkeypatch.setattr(dictionary, "install_database", install)
    return outcomes


def test_cancelling_the_install_stops_the_download_at_once(
    qtbot, data_home, captured_dialogs, silent_index, monkeypatch
):
    outcomes = _watched_install(monkeypatch)
    window = make_window(qtbot, synchronous=False)
    window.start_dictionary()
    qtbot.waitUntil(silent_index.is_set, timeout=30_000)
    assert window.dictionary.progress_dialog is not None
    cancel = window.dictionary.progress_dialog.findChild(QPushButton)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)  # the dialog's Cancel button
    assert "cancelled" in captured_dialogs.texts[0]
    assert window.dictionary_state == "unavailable"
    # The worker was blocked in a read no timeout would end for an hour.
    qtbot.waitUntil(lambda: outcomes and outcomes[0] is not None, timeout=30_000)
    assert isinstance(outcomes[0], InstallCancelled)


def test_closing_the_window_stops_an_install_on_its_way(
    qtbot, data_home, captured_dialogs, silent_index, monkeypatch
):
    """The worker must end, or the process would stay alive after the window closed."""
    outcomes = _watched_install(monkeypatch)
    window = make_window(qtbot, synchronous=False)
    window.start_dictionary()
    qtbot.waitUntil(silent_index.is_set, timeout=30_000)
    window.close()
    qtbot.waitUntil(lambda: outcomes and outcomes[0] is not None, timeout=30_000)
    assert isinstance(outcomes[0], InstallCancelled)
    assert not captured_dialogs.shown  # closing is not a failure to report
