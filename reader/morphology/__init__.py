"""Morphology: the CALIMA-star database, the camel-tools analyzer, ranking, glosses.

Importing this package first points camel-tools at our own data directory, so
no later camel-tools import can reach for the network.
"""

from reader.morphology import camel_env as _camel_env

_camel_env.prepare()
