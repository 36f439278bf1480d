"""PyInstaller's entry point: the same ``main`` as the ``arabic-reader`` script."""

from reader.cli import main

raise SystemExit(main())
