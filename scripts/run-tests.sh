#!/usr/bin/env bash
# Runs the whole suite with the project's venv. Services the tests need are started by tests/conftest.py.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
