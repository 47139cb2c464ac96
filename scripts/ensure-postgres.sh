#!/usr/bin/env bash
# The PostgreSQL server binaries the test suite starts its own server with (initdb, pg_ctl).
# Present already: nothing to do. Missing on a Debian/Ubuntu machine where we are root: install
# Debian's postgresql package without its default cluster (the tests make their own, on a free
# port). Otherwise say what to install.
set -euo pipefail

have_pg() {
    command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && return 0
    compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
}

if have_pg; then
    exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing the PostgreSQL server (Debian package postgresql) for the tests..."
    mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    have_pg && exit 0
fi
echo "PostgreSQL server binaries (initdb, pg_ctl) not found. Install them, e.g." >&2
echo "  sudo apt-get install postgresql     (Debian/Ubuntu)" >&2
exit 1
