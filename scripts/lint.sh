#!/usr/bin/env bash
# OCA-style quality gates: pre-commit with ruff and pylint-odoo on every tracked file.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
require_venv
cd "$REPO_DIR"
export PATH="$TILE_VENV/bin:$PATH"
# pylint-odoo imports odoo's package to check manifests and translations.
export PYTHONPATH="$ODOO_PATH${PYTHONPATH:+:$PYTHONPATH}"
exec pre-commit run --all-files "$@"
