"""The Qt layer of Arabic Reader: the only package that imports PySide6.

Everything here presents what :mod:`reader.text` and :mod:`reader.morphology`
compute; the work itself runs on one background worker (:mod:`reader.ui.base.tasks`).
"""

from reader.ui.base.compat import keep_none_alive

keep_none_alive()
