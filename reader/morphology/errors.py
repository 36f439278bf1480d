"""The morphology database's errors, each said in one sentence for the learner.

Their own module, so that the modules raising them (``database``, ``loader``,
``install``, ``fetch``) and those catching them (the analyzer, the CLI, the
window) need not import one another for them.
"""

from __future__ import annotations


class MorphologyDataError(Exception):
    """A problem with the morphology database, said in one sentence for the user."""


class InstallError(MorphologyDataError):
    pass


class NetworkError(InstallError):
    pass


class ChecksumError(InstallError):
    pass


class DiskError(InstallError):
    pass


class InstallCancelled(InstallError):
    def __init__(self) -> None:
        super().__init__("The installation was cancelled; nothing was changed.")


class CorruptDatabaseError(MorphologyDataError):
    pass
