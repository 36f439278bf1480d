"""The task manager's ways to wait: hold(), wait_worker() and wait_idle(), on the real worker."""

from __future__ import annotations

import threading

import pytest

from reader.ui.base.tasks import TaskManager


@pytest.fixture
def worker(qtbot):
    manager = TaskManager()
    yield manager
    manager.shutdown()


def test_held_tasks_start_in_order_when_the_hold_ends(qtbot):
    manager = TaskManager(synchronous=True)
    ran, delivered = [], []
    with manager.hold() as held:
        for name in ("first", "second"):
            manager.run(
                lambda task, name=name: ran.append(name) or name, on_success=delivered.append
            )
        assert ran == [] and delivered == []  # a synchronous manager would have run them
        assert len(held) == 2 and not any(task.done for task in held)
    assert ran == delivered == ["first", "second"]
    assert all(task.done for task in held)


def test_a_task_cancelled_while_held_delivers_nothing(qtbot):
    manager = TaskManager(synchronous=True)
    delivered = []
    with manager.hold() as held:
        manager.run(lambda task: "old", on_success=delivered.append)
        held[0].cancel()
        manager.run(lambda task: "new", on_success=delivered.append)
    assert delivered == ["new"]
    assert held[0].done


def test_holds_nest_and_release_at_the_outermost(qtbot):
    manager = TaskManager(synchronous=True)
    delivered = []
    with manager.hold() as outer:
        with manager.hold() as inner:
            manager.run(lambda task: 1, on_success=delivered.append)
        assert delivered == []
        assert outer == inner and len(outer) == 1
    assert delivered == [1]


def test_a_failing_hold_block_drops_its_tasks(qtbot):
    manager = TaskManager(synchronous=True)
    ran = []
    with pytest.raises(RuntimeError), manager.hold() as held:
        manager.run(lambda task: ran.append("work"), on_success=ran.append)
        raise RuntimeError("the test failed")
    assert ran == []
    assert held[0].is_cancelled() and held[0].done
    assert manager.wait_idle(1_000)  # nothing left under way


def test_shutting_down_drops_held_tasks_and_refuses_new_ones(qtbot):
    manager = TaskManager(synchronous=True)
    ran = []
    with manager.hold() as held:
        manager.run(lambda task: ran.append("held"), on_success=ran.append)
        manager.shutdown()
    later = manager.run(lambda task: ran.append("later"), on_success=ran.append)
    assert ran == []
    assert held[0].is_cancelled() and later.is_cancelled() and later.done


def test_wait_worker_returns_with_the_outcome_still_queued(worker):
    delivered = []
    task = worker.run(lambda task: threading.get_ident(), on_success=delivered.append)
    assert worker.wait_worker(10)
    # The work is over, but the event loop has not run: nothing delivered yet.
    assert delivered == [] and not task.done
    assert worker.wait_idle()
    assert task.done and delivered and delivered[0] != threading.get_ident()


def test_wait_idle_waits_for_every_task_on_the_real_worker(worker):
    delivered = []
    with worker.hold() as held:
        for number in range(3):
            worker.run(lambda task, number=number: number * 10, on_success=delivered.append)
        assert not worker.wait_idle(50)  # held tasks are under way and cannot finish
    assert worker.wait_idle()
    assert delivered == [0, 10, 20]
    assert all(task.done for task in held)


def test_wait_idle_gives_up_after_its_timeout(worker):
    go_on = threading.Event()
    delivered = []
    worker.run(lambda task: go_on.wait(10), on_success=delivered.append)
    assert not worker.wait_idle(50)
    assert delivered == []
    go_on.set()
    assert worker.wait_idle()
    assert delivered == [True]


def test_a_failure_without_a_handler_still_ends_the_wait(worker):
    def broken(task):
        raise ValueError("lost in the worker")

    task = worker.run(broken, on_success=lambda result: None)
    assert worker.wait_idle()
    assert task.done


def test_wait_worker_times_out_while_the_work_runs(worker):
    go_on = threading.Event()
    worker.run(lambda task: go_on.wait(10), on_success=lambda result: None)
    assert not worker.wait_worker(0.05)
    go_on.set()
    assert worker.wait_worker(10)


def test_a_shut_down_manager_is_freed_without_the_collector(qtbot):
    """A manager that showed progress, once shut down, is freed by reference counting
    alone: no cycle is left for the collector, which may run on the worker thread
    and would destroy the manager's timer there (a crash at the next timer event)."""
    import gc
    import weakref

    manager = TaskManager()
    shown = []
    manager.run(lambda task: task.report(1), on_success=shown.append, on_progress=shown.append)
    assert manager.wait_idle()
    assert shown == [1, None]  # the progress, then the result
    assert manager._hold_timer.isActive()  # the next report would wait: the task is held
    manager.wait_worker()
    manager.shutdown()
    freed = weakref.ref(manager)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        del manager
        assert freed() is None
    finally:
        if was_enabled:
            gc.enable()
