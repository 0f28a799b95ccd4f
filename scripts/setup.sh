#!/usr/bin/env bash
# Idempotent set-up: Debian packages, Python venv, PostgreSQL role, Odoo config.
# A second run finds everything in place and only checks it.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

require_odoo

# Debian packages a clean machine of this kind lacks (only installed when missing).
apt_needed=()
command -v chromium >/dev/null || apt_needed+=(chromium)
command -v pg_ctlcluster >/dev/null || apt_needed+=(postgresql)
command -v docker-compose >/dev/null || apt_needed+=(docker-compose)
for pkg in libldap2-dev libsasl2-dev libpq-dev; do
    dpkg -s "$pkg" >/dev/null 2>&1 || apt_needed+=("$pkg")
done
if [ ${#apt_needed[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || die "missing Debian packages: ${apt_needed[*]}; install them as root (apt-get install ${apt_needed[*]})."
    info "installing Debian packages: ${apt_needed[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_needed[@]}" >/dev/null
fi

# PDF printing (quotations, invoices, delivery slips, quotation e-mails): Debian's
# wkhtmltopdf, Lato and a CJK font so Chinese prints, pdftotext for the PDF tests, and nginx so the
# tests can check the Docker proxy configuration (nginx -t; the service is not used).
print_needed=()
command -v wkhtmltopdf >/dev/null || print_needed+=(wkhtmltopdf)
command -v pdftotext >/dev/null || print_needed+=(poppler-utils)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || print_needed+=(nginx)
dpkg -s fonts-wqy-zenhei >/dev/null 2>&1 || dpkg -s fonts-noto-cjk >/dev/null 2>&1 || print_needed+=(fonts-wqy-zenhei)
# Lato (the reports' font) installed, so that PDFs carry it as text (tile_report_fonts.scss).
dpkg -s fonts-lato >/dev/null 2>&1 || print_needed+=(fonts-lato)
if [ ${#print_needed[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || die "missing Debian packages for PDF printing: ${print_needed[*]}; install them as root (apt-get install --no-install-recommends ${print_needed[*]})."
    info "installing Debian packages for PDF printing: ${print_needed[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${print_needed[@]}" >/dev/null
fi

# Python venv: rebuilt only when Odoo's or the project's requirements change.
stamp_want=$(cat "$ODOO_PATH/requirements.txt" "$REPO_DIR/requirements.txt" "$REPO_DIR/requirements-oca.txt" | sha256sum | cut -c1-16)
stamp_file=$TILE_VENV/.tile-requirements
if [ ! -x "$PY" ] || [ "$(cat "$stamp_file" 2>/dev/null)" != "$stamp_want" ]; then
    python_bin=${TILE_PYTHON:-$(command -v python3.11 || command -v python3)}
    "$python_bin" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' \
        || die "$python_bin is not Python 3.11; set TILE_PYTHON to a Python 3.11 interpreter."
    info "building the Python venv at $TILE_VENV (several minutes the first time)"
    mkdir -p "$TILE_HOME"
    [ -x "$PY" ] || "$python_bin" -m venv "$TILE_VENV"
    "$PY" -m pip install -q --upgrade 'pip>=25.3' wheel
    # cbor2 5.4.2 builds from source and still imports pkg_resources.
    build_constraints=$TILE_HOME/build-constraints.txt
    echo 'setuptools<81' > "$build_constraints"
    "$PY" -m pip install -q --build-constraint "$build_constraints" -r "$ODOO_PATH/requirements.txt"
    "$PY" -m pip install -q -r "$REPO_DIR/requirements.txt"
    if [ -s "$REPO_DIR/requirements-oca.txt" ] && grep -qv '^\s*#' "$REPO_DIR/requirements-oca.txt"; then
        # OCA wheels declare a dependency on an 'odoo' distribution that is not pip-installed.
        "$PY" -m pip install -q --no-deps -r "$REPO_DIR/requirements-oca.txt"
    fi
    echo "$stamp_want" > "$stamp_file"
fi

ensure_postgres

# Odoo configuration: rewritten only when it would change.
mkdir -p "$TILE_DATA_DIR"
conf_want=$(cat <<CONF
[options]
addons_path = $ODOO_PATH/addons,$REPO_DIR
data_dir = $TILE_DATA_DIR
db_host = $PGHOST
db_port = $PGPORT
db_user = $TILE_DB_USER
db_password = $TILE_DB_PASSWORD
http_interface = 127.0.0.1
http_port = $TILE_HTTP_PORT
list_db = True
without_demo = False
CONF
)
if [ "$(cat "$TILE_CONF" 2>/dev/null)" != "$conf_want" ]; then
    info "writing $TILE_CONF"
    printf '%s\n' "$conf_want" > "$TILE_CONF"
fi
info "set-up OK (Odoo: $ODOO_PATH, venv: $TILE_VENV, config: $TILE_CONF)"
