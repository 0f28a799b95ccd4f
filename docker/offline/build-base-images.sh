#!/usr/bin/env bash
# Stand-ins for the Docker path's base images (odoo:18.0, postgres:16, nginx:1.27-alpine,
# alpine/openssl:latest), built from Debian bookworm packages on a machine that reaches
# deb.debian.org (and PyPI) but no container registry. NEVER for production: see README.md.
#   sudo ODOO_PATH=/opt/odoo docker/offline/build-base-images.sh [--force]
# Then: docker-compose -f docker/compose.yaml up -d --build (the project's files, unchanged).
# Needs root (debootstrap), docker and an Odoo 18.0 Community tree at $ODOO_PATH, which is
# copied into the odoo:18.0 stand-in at build time (never into this repository).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ODOO_PATH=${ODOO_PATH:-/opt/odoo}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
WORK=${TILE_OFFLINE_WORK:-/var/tmp/tile-offline}
# The host's own CA certificates, trusted in every stand-in: a machine whose egress goes
# through a TLS-inspecting proxy needs its CA for pip (the OCA wheels) inside builds.
# Set it empty to skip.
EXTRA_CA=${TILE_OFFLINE_EXTRA_CA-/usr/local/share/ca-certificates}
BASE=debian:bookworm-local
force=false
[ "${1:-}" = --force ] && force=true
die() { echo "build-base-images: error: $*" >&2; exit 2; }
step() { echo "== $* ($(date -u +%T))"; }
have() { ! $force && docker image inspect "$1" >/dev/null 2>&1; }

[ "$(id -u)" = 0 ] || die "run as root (debootstrap needs it)."
command -v docker >/dev/null || die "no docker."
grep -qs "^version_info = (18, 0," "$ODOO_PATH/odoo/release.py" \
    || die "$ODOO_PATH is not an Odoo 18.0 source tree (set ODOO_PATH)."
mkdir -p "$WORK"

# 1. A minimal Debian bookworm root file system, imported as the base of every stand-in.
if have "$BASE"; then
    step "$BASE exists (--force rebuilds)"
else
    command -v debootstrap >/dev/null || die "no debootstrap: apt-get install debootstrap."
    step "debootstrap bookworm from $MIRROR"
    rm -rf "$WORK/rootfs"
    debootstrap --variant=minbase --include=ca-certificates bookworm "$WORK/rootfs" "$MIRROR"
    if [ -n "$EXTRA_CA" ] && compgen -G "$EXTRA_CA/*.crt" >/dev/null; then
        step "trusting the host's CA certificates from $EXTRA_CA"
        cp "$EXTRA_CA"/*.crt "$WORK/rootfs/usr/local/share/ca-certificates/"
        chroot "$WORK/rootfs" update-ca-certificates
    fi
    cat > "$WORK/rootfs/etc/apt/sources.list" <<SOURCES
deb $MIRROR bookworm main
deb $MIRROR bookworm-updates main
deb ${MIRROR%/debian}/debian-security bookworm-security main
SOURCES
    # Like the official Debian images: no recommends, no apt caches in layers.
    printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' \
        > "$WORK/rootfs/etc/apt/apt.conf.d/90tile-no-recommends"
    rm -rf "$WORK/rootfs/var/lib/apt/lists/"* "$WORK/rootfs/var/cache/apt/"*.bin \
        "$WORK/rootfs/var/cache/apt/archives/"*.deb
    tar -C "$WORK/rootfs" --numeric-owner -c . | docker import \
        --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'CMD ["bash"]' - "$BASE"
    rm -rf "$WORK/rootfs"
fi

build() { # TAG DOCKERFILE CONTEXT
    if have "$1"; then step "$1 exists (--force rebuilds)"; return; fi
    step "building $1"
    docker build --build-arg "BASE=$BASE" -t "$1" -f "$2" "$3"
}

# 2. The small ones: their Dockerfiles need only the files in this folder.
build postgres:16 "$here/postgres.Dockerfile" "$here"
build nginx:1.27-alpine "$here/nginx.Dockerfile" "$here"
build alpine/openssl:latest "$here/openssl.Dockerfile" "$here"

# 3. odoo:18.0: a build context holding the Odoo tree (hard links when possible) and the
# official image's entrypoint files, copied next to it.
if have odoo:18.0; then
    step "odoo:18.0 exists (--force rebuilds)"
else
    ctx="$WORK/odoo-context"
    rm -rf "$ctx"
    mkdir -p "$ctx"
    step "copying $ODOO_PATH into the build context"
    mkdir "$ctx/odoo-src"
    for part in odoo addons setup; do
        cp -al "$ODOO_PATH/$part" "$ctx/odoo-src/" 2>/dev/null \
            || { rm -rf "${ctx:?}/odoo-src/$part" && cp -a "$ODOO_PATH/$part" "$ctx/odoo-src/"; }
    done
    printf '%s\n' '**/__pycache__' '**/*.pyc' > "$ctx/.dockerignore"
    cp "$here/odoo.Dockerfile" "$here/wait-for-psql.py" "$here/odoo.conf" "$ctx/"
    cp "$here/odoo-entrypoint.sh" "$ctx/entrypoint.sh"
    step "building odoo:18.0"
    docker build --build-arg "BASE=$BASE" -t odoo:18.0 -f "$ctx/odoo.Dockerfile" "$ctx"
    rm -rf "$ctx"
fi
step "done"
for image in "$BASE" odoo:18.0 postgres:16 nginx:1.27-alpine alpine/openssl:latest; do
    docker image inspect -f "$image {{.Size}}" "$image" | awk '{printf "%-24s %6.0f MB\n", $1, $2 / 1e6}'
done
