#!/usr/bin/env bash
# Idempotent set-up: Odoo itself, Debian packages, Python venv, PostgreSQL role, Odoo config.
# A second run finds everything in place and only checks it.
# `./tile setup --odoo-only` stops once Odoo is found or fetched (used by the tests).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# Odoo 18.0 Community: $ODOO_PATH, or a shallow clone of $TILE_ODOO_REF from $TILE_ODOO_GIT
# kept in $TILE_HOME/odoo (fetched once, again only when the source or ref changes).
fetch_odoo() {
    local dest=$TILE_ODOO_FETCHED want="$TILE_ODOO_GIT $TILE_ODOO_REF" tmp err problem
    if [ -f "$dest/odoo-bin" ] && [ "$(cat "$dest/.tile-odoo-source" 2>/dev/null)" = "$want" ]; then
        ODOO_PATH=$dest
        return 0
    fi
    command -v git >/dev/null || die "no Odoo in $ODOO_PATH_GIVEN and git is missing to fetch it: $(as_root_hint) (it installs git), or set ODOO_PATH to an Odoo 18.0 Community tree."
    info "no Odoo in $ODOO_PATH_GIVEN: fetching Odoo $TILE_ODOO_REF from $TILE_ODOO_GIT into $dest (a few minutes)"
    mkdir -p "$TILE_HOME"
    tmp=$(mktemp -d "$TILE_HOME/odoo-fetch.XXXXXX")
    # init + fetch --depth 1 takes a branch, a tag or a commit hash alike.
    if ! err=$(git init -q "$tmp" 2>&1 \
        && git -C "$tmp" fetch -q --depth 1 --no-tags "$TILE_ODOO_GIT" "$TILE_ODOO_REF" 2>&1 \
        && git -C "$tmp" -c advice.detachedHead=false checkout -q FETCH_HEAD 2>&1); then
        rm -rf "$tmp"
        err=$(printf '%s\n' "$err" | grep -v '^\s*$' | tail -n 1)
        die "Odoo is not in $ODOO_PATH_GIVEN and fetching it failed (git fetch --depth 1 $TILE_ODOO_GIT $TILE_ODOO_REF: ${err:-no output}); offline, set ODOO_PATH to an existing Odoo 18.0 Community tree (the folder holding odoo-bin)."
    fi
    problem=$(odoo_tree_problem "$tmp")
    if [ -n "$problem" ]; then
        rm -rf "$tmp"
        die "the Odoo fetched from $TILE_ODOO_GIT ($TILE_ODOO_REF) is not usable: ${problem//$tmp/the fetched tree}; set TILE_ODOO_REF to an 18.0 Community ref."
    fi
    echo "$want" > "$tmp/.tile-odoo-source"
    rm -rf "$dest"
    mv "$tmp" "$dest"
    info "Odoo $(git -C "$dest" rev-parse --short=12 HEAD) ($TILE_ODOO_REF) is in $dest"
    ODOO_PATH=$dest
}

if [ ! -f "$ODOO_PATH_GIVEN/odoo-bin" ]; then
    fetch_odoo
fi
require_odoo
if [ "${1:-}" = --odoo-only ]; then
    echo "$ODOO_PATH"
    exit 0
fi

# Debian packages a clean machine of this kind lacks (only installed when missing).
apt_needed=()
command -v chromium >/dev/null || apt_needed+=(chromium)
command -v pg_ctlcluster >/dev/null || apt_needed+=(postgresql)
command -v docker-compose >/dev/null || apt_needed+=(docker-compose)
command -v git >/dev/null || apt_needed+=(git)
# age: the authenticated encryption of ./tile backup (docs/operations.md).
command -v age >/dev/null || apt_needed+=(age)
for pkg in libldap2-dev libsasl2-dev libpq-dev; do
    dpkg -s "$pkg" >/dev/null 2>&1 || apt_needed+=("$pkg")
done
if [ ${#apt_needed[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || die "missing Debian packages (${apt_needed[*]}): $(as_root_hint)"
    info "installing Debian packages: ${apt_needed[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_needed[@]}" >/dev/null
fi

# PDF printing (quotations, invoices, delivery slips, quotation e-mails): Debian's
# wkhtmltopdf, Lato, a CJK font so Chinese prints, pdftotext for the PDF tests, and nginx
# so the tests can check the Docker proxy configuration (nginx -t; the service is not used).
print_needed=()
command -v wkhtmltopdf >/dev/null || print_needed+=(wkhtmltopdf)
command -v pdftotext >/dev/null || print_needed+=(poppler-utils)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || print_needed+=(nginx)
dpkg -s fonts-wqy-zenhei >/dev/null 2>&1 || dpkg -s fonts-noto-cjk >/dev/null 2>&1 || print_needed+=(fonts-wqy-zenhei)
# Lato (the reports' font) installed, so that PDFs carry it as text (tile_report_fonts.scss).
dpkg -s fonts-lato >/dev/null 2>&1 || print_needed+=(fonts-lato)
if [ ${#print_needed[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || die "missing Debian packages for PDF printing (${print_needed[*]}): $(as_root_hint)"
    info "installing Debian packages for PDF printing: ${print_needed[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${print_needed[@]}" >/dev/null
fi

# PostgreSQL before the (slow) venv: what needs root is found out first.
ensure_postgres

# Python venv: rebuilt only when Odoo's or the project's requirements, or the recipe below
# (TILE_VENV_RECIPE), change.
TILE_VENV_RECIPE=2
stamp_want=$( (echo "recipe $TILE_VENV_RECIPE"; cat "$ODOO_PATH/requirements.txt" "$REPO_DIR/requirements.txt" "$REPO_DIR/requirements-oca.txt") | sha256sum | cut -c1-16)
stamp_file=$TILE_VENV/.tile-requirements
if [ ! -x "$PY" ] || [ "$(cat "$stamp_file" 2>/dev/null)" != "$stamp_want" ]; then
    python_bin=${TILE_PYTHON:-$(command -v python3.11 || command -v python3)}
    "$python_bin" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' \
        || die "$python_bin is not Python 3.11; set TILE_PYTHON to a Python 3.11 interpreter."
    info "building the Python venv at $TILE_VENV (several minutes the first time)"
    mkdir -p "$TILE_HOME"
    [ -x "$PY" ] || "$python_bin" -m venv "$TILE_VENV"
    # setuptools: gevent 22.10 (Odoo's pin for Python 3.11) loads its plugins through
    # pkg_resources, whose copy in the venv's stock setuptools (65) does not find
    # zope.interface/zope.event under their normalised wheel names (zope_interface-*.dist-info):
    # the websocket (gevent) process of workers mode then dies with DistributionNotFound.
    # 79 finds them and still ships pkg_resources (gone in 81).
    "$PY" -m pip install -q --upgrade 'pip>=25.3' wheel 'setuptools==79.0.1'
    # cbor2 5.4.2 builds from source and still imports pkg_resources.
    build_constraints=$TILE_HOME/build-constraints.txt
    echo 'setuptools<81' > "$build_constraints"
    "$PY" -m pip install -q --build-constraint "$build_constraints" -r "$ODOO_PATH/requirements.txt"
    "$PY" -m pip install -q -r "$REPO_DIR/requirements.txt"
    if [ -s "$REPO_DIR/requirements-oca.txt" ] && grep -qv '^\s*#' "$REPO_DIR/requirements-oca.txt"; then
        # OCA wheels declare a dependency on an 'odoo' distribution that is not pip-installed.
        "$PY" -m pip install -q --no-deps -r "$REPO_DIR/requirements-oca.txt"
    fi
    "$PY" -W ignore -c 'import pkg_resources; pkg_resources.require("gevent")' \
        || die "the venv at $TILE_VENV cannot load gevent's dependencies (see above): Odoo's websocket process would not start."
    echo "$stamp_want" > "$stamp_file"
fi

# Odoo configuration: rewritten only when it would change; it holds the database password,
# so only its owner may read it. The HTTP port and workers are given on the command line.
mkdir -p "$TILE_DATA_DIR"
conf_want=$(cat <<CONF
[options]
addons_path = $ODOO_PATH/addons,$REPO_DIR
data_dir = $TILE_DATA_DIR
db_host = $TILE_DB_HOST
db_port = $TILE_DB_PORT
db_user = $TILE_DB_USER
db_password = $TILE_DB_PASSWORD
http_interface = 127.0.0.1
list_db = True
without_demo = False
CONF
)
if [ "$(cat "$TILE_CONF" 2>/dev/null)" != "$conf_want" ]; then
    info "writing $TILE_CONF"
    (umask 077 && printf '%s\n' "$conf_want" > "$TILE_CONF.tmp" && mv "$TILE_CONF.tmp" "$TILE_CONF")
fi
[ "$(stat -c %a "$TILE_CONF")" = 600 ] || chmod 600 "$TILE_CONF"
info "set-up OK (Odoo: $ODOO_PATH, venv: $TILE_VENV, config: $TILE_CONF)"
