#!/usr/bin/env bash
# deploy/db/restore.sh: restore a backup into a new, empty database, then start the node on it.
#
#   deploy/db/restore.sh data/backups/trader-20261121T000500Z.backup.gz
#   deploy/db/restore.sh --latest
#
# Point TRADER_PG_URL (and TRADER_PG_USER / TRADER_PG_PASSWORD) at the NEW database first, e.g. after
#   CREATE DATABASE trader_restored OWNER trader;
# `bin/trader db restore` checks the whole file against its manifest before it touches the database, refuses a database
# that holds any rows (naming the table), creates the schema, loads and verifies every table (rows and SHA-256) and sets the
# journal's sequence to continue after the restored events, in one transaction: it is restored whole or not at all.
#
# Environment: as deploy/db/backup.sh (TRADER_PG_*, TRADER_CONFIG, TRADER_BACKUP_DIR for --latest).
# Exit status: 0 when restored; 1 when refused or the file is bad (nothing written); 2 for a bad configuration.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
config="${TRADER_CONFIG-conf/postgres.conf}"
dir="${TRADER_BACKUP_DIR:-$root/data/backups}"
if [ $# -ne 1 ]; then
  echo "usage: deploy/db/restore.sh FILE | --latest" >&2
  exit 2
fi
if [ "$1" = "--latest" ]; then
  shopt -s nullglob
  backups=("$dir"/trader-*.backup.gz)
  if [ ${#backups[@]} -eq 0 ]; then
    echo "restore.sh: no backup in $dir" >&2
    exit 1
  fi
  file="${backups[${#backups[@]}-1]}"
else
  file="$1"
fi
if [ ! -f "$file" ]; then
  echo "restore.sh: $file is not a file" >&2
  exit 1
fi
file="$(cd "$(dirname "$file")" && pwd)/$(basename "$file")"   # bin/trader runs from the project root
args=()
if [ -n "$config" ]; then
  [ -f "$config" ] && config="$(cd "$(dirname "$config")" && pwd)/$(basename "$config")"
  args=(--config "$config")
fi

"$root/bin/trader" db restore ${args[@]+"${args[@]}"} --in "$file"
echo "restore.sh: done; check the trail with: bin/trader audit verify ${args[*]}"
echo "restore.sh: then start the node on this database (its journal continues where the backup ended)"
