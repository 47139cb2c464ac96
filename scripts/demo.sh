#!/usr/bin/env bash
# The README's first command: set up, generate the Bengkayang sample, run the nightly flow.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/terpilah demo "$@"
