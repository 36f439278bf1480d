"""The guard against PySide6's lost references to None (see reader.ui.base.compat)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel

import reader.ui  # noqa: F401  (applies the guard)


def test_void_calls_cannot_exhaust_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    for _ in range(20_000):  # more than None's natural reference count at start-up
        label.setText("مرحبا")
    assert sys.getrefcount(None) > 1 << 40 or sys.version_info >= (3, 12)
