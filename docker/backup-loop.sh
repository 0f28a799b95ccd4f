#!/bin/bash
# The Docker backup service (compose.yaml, service "backup"): the host's nightly job in a loop.
# Every day at TILE_BACKUP_AT (UTC, HH:MM) it runs ./tile backup --nightly: a new encrypted
# backup of TILE_BACKUP_DB, local copies older than TILE_BACKUP_KEEP_DAYS deleted, and on
# TILE_BACKUP_WEEKDAY the newest copied to TILE_BACKUP_OFFSITE. At start it takes one at once
# when none is younger than a day, so that a missing or wrong key shows up immediately.
#   docker compose run --rm --no-deps backup restore /backups/FILE NEWDB   (any ./tile backup|restore|doctor;
#   --no-deps, or compose runs the install one-shot again first)
#   backup-loop.sh --healthcheck                                  (compose's healthcheck)
set -uo pipefail
tile=(bash /opt/tile/tile)
db=${TILE_BACKUP_DB:-tile}
at=${TILE_BACKUP_AT:-02:30}
dir=${TILE_BACKUP_DIR:-/backups}

recent() { # a backup of $db younger than $1 minutes
    find "$dir" -maxdepth 1 -name "$db-*.tile-backup.age" -mmin "-$1" 2>/dev/null | grep -q .
}

case "${1:-loop}" in
    loop) ;;
    --healthcheck) recent $((26 * 60)); exit ;;
    *) exec "${tile[@]}" "$@" ;;
esac
[[ $at =~ ^([01][0-9]|2[0-3]):[0-5][0-9]$ ]] || { echo "tile: error: TILE_BACKUP_AT=$at: give HH:MM (UTC)" >&2; exit 2; }
# A stop between runs ends at once; a running backup finishes first (stop_grace_period).
trap 'exit 0' TERM INT
if ! recent $((24 * 60)); then
    "${tile[@]}" backup --nightly "$db" || echo "tile: the first backup FAILED (above)" >&2
fi
while true; do
    now=$(date -u +%s)
    next=$(date -u -d "$at" +%s)
    [ "$next" -gt "$now" ] || next=$(date -u -d "tomorrow $at" +%s)
    echo "tile: next backup of '$db' at $(date -u -d "@$next" '+%F %R') UTC"
    sleep $((next - now)) &
    wait $!
    "${tile[@]}" backup --nightly "$db" || echo "tile: the nightly backup FAILED (above)" >&2
done
