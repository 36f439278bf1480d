"""Work-arounds for the Qt binding, applied once when :mod:`reader.ui` is imported.

PySide6 6.12 on CPython 3.11 drops a reference to ``None`` on every call of a
method returning void (``QLabel.setText``, ``QTextCursor.insertText``...), and
likewise to ``True``/``False`` from methods returning bool. Before
3.12 ``None`` is an ordinary refcounted object, so after a few thousand calls
(a few hundred hovers, or building one long article) the interpreter aborts
with "Fatal Python error: none_dealloc". From 3.12 on ``None`` is immortal and
the leak is harmless. We make it harmless on 3.11 too: these singletons get a
reference count no run could ever exhaust.
"""

from __future__ import annotations

import ctypes
import sys

# 2**60 void calls at a nanosecond each would take 36 years.
_RESERVE = 1 << 60


def keep_none_alive() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        if refcount.value < _RESERVE // 2:
            refcount.value += _RESERVE
