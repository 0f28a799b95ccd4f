#!/usr/bin/env bash
# OCA-style quality gates: pre-commit with ruff, pylint-odoo and OCA's module/.po checks
# on every tracked file.
#   ./tile lint           fixes what ruff can fix and formats, then reports the rest
#   ./tile lint --check   rewrites nothing, only reports (./tile test and CI use it)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
require_venv
require_odoo
stage=()
if [ "${1:-}" = --check ]; then
    stage=(--hook-stage manual)
    shift
fi
cd "$REPO_DIR"
export PATH="$TILE_VENV/bin:$PATH"
# pylint-odoo imports odoo's package to check manifests and translations.
export PYTHONPATH="$ODOO_PATH${PYTHONPATH:+:$PYTHONPATH}"
exec pre-commit run --all-files --color never "${stage[@]}" "$@"
