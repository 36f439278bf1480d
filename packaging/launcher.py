"""PyInstaller's entry point: the same ``main`` as the ``arabic-reader`` script."""

from reader.cli.main import main

raise SystemExit(main())
