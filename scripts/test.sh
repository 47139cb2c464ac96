#!/usr/bin/env bash
# The README's second command: lint, then the whole test suite (unit, dbt, end to end).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
bash scripts/ensure-postgres.sh  # the suite starts a real PostgreSQL server of its own
bash scripts/ensure-report-tools.sh  # Chromium and LibreOffice look at the reports
.venv/bin/ruff check .
exec .venv/bin/python -m pytest -n 3 --durations=15 "$@"
