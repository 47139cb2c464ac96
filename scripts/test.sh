#!/usr/bin/env bash
# The README's second command: lint, then the whole test suite (unit, dbt, end to end).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
.venv/bin/ruff check .
exec .venv/bin/python -m pytest -n 2 "$@"
