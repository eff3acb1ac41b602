#!/usr/bin/env bash
# deploy/db/backup.sh: one timestamped, verified backup of the node's database, keeping the newest N.
#
#   TRADER_PG_URL=jdbc:postgresql://db.internal:5432/trader TRADER_PG_USER=trader TRADER_PG_PASSWORD=... deploy/db/backup.sh
#
# Writes $TRADER_BACKUP_DIR/trader-YYYYMMDDTHHMMSSZ.backup.gz with `bin/trader db backup` (every table of the journal, the
# snapshots and the audit trail, read in one consistent snapshot: safe while the node runs on PostgreSQL), checks the file
# with `bin/trader db verify`, then deletes the oldest backups beyond the newest $TRADER_BACKUP_KEEP.
#
# Environment:
#   TRADER_PG_URL, TRADER_PG_USER, TRADER_PG_PASSWORD  the database (read by conf/postgres.conf; the password is never printed)
#   TRADER_CONFIG        the node's config overlay (default conf/postgres.conf; empty: the default H2 journal under
#                        TRADER_DATA_DIR, which needs the node stopped)
#   TRADER_BACKUP_DIR    where backups go (default data/backups under the project root)
#   TRADER_BACKUP_KEEP   how many backups to keep (default 14)
# Exit status: 0 when the backup is written and verified; non-zero otherwise (the failing command says why), and then
# nothing is deleted.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
config="${TRADER_CONFIG-conf/postgres.conf}"
dir="${TRADER_BACKUP_DIR:-$root/data/backups}"
keep="${TRADER_BACKUP_KEEP:-14}"
case "$keep" in
  ''|*[!0-9]*|0) echo "backup.sh: TRADER_BACKUP_KEEP must be a whole number of at least 1 but was '$keep'" >&2; exit 2 ;;
esac
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"   # bin/trader runs from the project root: hand it absolute paths
args=()
if [ -n "$config" ]; then
  [ -f "$config" ] && config="$(cd "$(dirname "$config")" && pwd)/$(basename "$config")"
  args=(--config "$config")
fi
file="$dir/trader-$(date -u +%Y%m%dT%H%M%SZ).backup.gz"

"$root/bin/trader" db backup ${args[@]+"${args[@]}"} --out "$file"
"$root/bin/trader" db verify --in "$file"

shopt -s nullglob
backups=("$dir"/trader-*.backup.gz)   # the timestamp sorts by name, oldest first
excess=$(( ${#backups[@]} - keep ))
for (( i = 0; i < excess; i++ )); do
  echo "backup.sh: removing ${backups[$i]} (keeping the newest $keep)"
  rm -f -- "${backups[$i]}"
done
