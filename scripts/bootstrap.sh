#!/usr/bin/env bash
# Create .venv and install the project with its dependencies (from pyproject.toml), once;
# again only when pyproject.toml changes. pip's output goes to .venv/pip-install.log.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "terpilah needs Python 3.11 or newer (found: $("$PYTHON" --version 2>&1))." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.terpilah-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "Installing dependencies into .venv (the first time takes a few minutes) ..." >&2
  log=.venv/pip-install.log
  if ! { .venv/bin/python -m pip install --upgrade pip && .venv/bin/python -m pip install -e ".[dev]"; } \
      > "$log" 2>&1; then
    tail -n 30 "$log" >&2
    echo "Dependency installation failed; the whole log is in $log." >&2
    exit 1
  fi
  .venv/bin/python -c "import prefect, great_expectations, dbt.cli.main, duckdb, python_calamine"
  touch "$stamp"
fi
