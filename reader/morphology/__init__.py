"""Morphology: the CALIMA-star database, the camel-tools analyzer, ranking, glosses.

Importing this package writes nothing and sets no environment variable. It
installs an import hook instead: the first import of camel-tools' data package
(by our loader or anyone else) first points camel-tools at our own data
directory (``camel_env.prepare``), so no camel-tools import can reach for the
network or create ``~/.camel_tools``.
"""

from reader.morphology.database import camel_env as _camel_env

_camel_env.guard_camel_imports()
