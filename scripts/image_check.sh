#!/usr/bin/env bash
# The Docker image without a Docker engine: docker/Dockerfile's Python side reproduced in a
# venv, then compose.yaml's Odoo commands run in it, behind Debian's nginx with
# docker/nginx.conf. Slow (a fresh venv takes minutes); not part of ./tile test.
#  1. venv ($TILE_IMAGE_VENV, default $TILE_HOME/image-venv, rebuilt): Odoo's requirements, then
#     the OCA wheels with the pip options of docker/Dockerfile (--no-deps), Odoo importable as
#     an installed package (the image has Odoo's Debian package); none of the dev tools.
#  2. config: docker/odoo.conf with the image's paths mapped to this machine (Odoo's addons for
#     /usr/lib/python3/dist-packages/odoo/addons, this repository for /mnt/extra-addons/tile).
#     The OCA add-ons are on no addons path: Odoo finds them in the venv's
#     site-packages/odoo/addons, as in the image.
#  3. compose's install command on a throwaway database: every tile module, Chinese loaded.
#  4. compose's odoo command (workers, gevent port) on free ports, nginx in front (service
#     names pointed at 127.0.0.1, a throwaway certificate): /web/login over HTTPS and a
#     /websocket upgrade through the proxy, Host/Origin/scheme as Odoo sees them.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

run_setup
ensure_postgres
venv=${TILE_IMAGE_VENV:-$TILE_HOME/image-venv}
vpy=$venv/bin/python
work=$(mktemp -d "${TMPDIR:-/tmp}/tile-image-check.XXXXXX")
db=tile_image_check_$$
odoo_pid='' nginx_pid=''
cleanup() {
    [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null
    [ -n "$odoo_pid" ] && kill "$odoo_pid" 2>/dev/null && wait "$odoo_pid" 2>/dev/null
    drop_db "$db" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
start=$(date +%s)
step() { info "[$(($(date +%s) - start)) s] $*"; }

# 1. The image's Python side.
pip_opts=$(sed -n 's/.*pip3\{0,1\} install \(.*\) -r \/tmp\/requirements-oca\.txt.*/\1/p' "$REPO_DIR/docker/Dockerfile")
[ -n "$pip_opts" ] || die "docker/Dockerfile installs no requirements-oca.txt with pip"
step "building $venv: Odoo's requirements, then pip install $pip_opts -r requirements-oca.txt (as docker/Dockerfile)"
python_bin=${TILE_PYTHON:-$(command -v python3.11 || command -v python3)}
"$python_bin" -m venv --clear "$venv"
pip_log=$work/pip.log
{
    # gevent's plugins need a pkg_resources that finds normalised wheel names (see setup.sh).
    "$vpy" -m pip install -q --upgrade 'pip>=25.3' wheel 'setuptools==79.0.1' \
        && echo 'setuptools<81' > "$work/build-constraints.txt" \
        && "$vpy" -m pip install -q --build-constraint "$work/build-constraints.txt" -r "$ODOO_PATH/requirements.txt" \
        && "$vpy" -m pip install -q $pip_opts -r "$REPO_DIR/requirements-oca.txt"
} > "$pip_log" 2>&1 || { grep -v "^WARNING: Location" "$pip_log" | tail -n 30 >&2; die "building the image venv failed (above)"; }
site=$("$vpy" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
echo "$ODOO_PATH" > "$site/odoo-image-check.pth"
# The image's /usr/bin/odoo: Odoo imported from the installed package (workers mode starts
# its websocket process by running this same script with "gevent").
printf '#!%s\nimport odoo\nodoo.cli.main()\n' "$vpy" > "$venv/bin/odoo"
chmod +x "$venv/bin/odoo"
for oca in sale_order_lot_selection stock_restrict_lot; do
    [ -f "$site/odoo/addons/$oca/__manifest__.py" ] || die "$oca is not in $site/odoo/addons after the Dockerfile's pip install"
    [ ! -e "$ODOO_PATH/addons/$oca" ] || die "$oca is also in $ODOO_PATH/addons: the check would prove nothing"
done
step "venv ready: $("$vpy" -m pip list 2>/dev/null | grep -c .) distributions, OCA add-ons in $site/odoo/addons"

# 2. docker/odoo.conf with this machine's paths.
# The local cluster may run without TLS, which the Docker db service requires (db_sslmode).
sed -e "s#/usr/lib/python3/dist-packages/odoo/addons#$ODOO_PATH/odoo/addons,$ODOO_PATH/addons#" \
    -e "s#/mnt/extra-addons/tile#$REPO_DIR#" -e "s#/var/lib/odoo#$work/data#" \
    -e "s/^db_sslmode = require$/db_sslmode = prefer/" \
    "$REPO_DIR/docker/odoo.conf" > "$work/odoo.conf"
grep -q "^addons_path = $ODOO_PATH/odoo/addons,$ODOO_PATH/addons,$REPO_DIR\$" "$work/odoo.conf" \
    || die "docker/odoo.conf's addons_path is not the one this check maps: $(grep addons_path "$work/odoo.conf")"

# compose's command for a service, with the image-only values mapped to this machine
# (parsed with the dev venv's PyYAML: reading compose.yaml is no part of the image).
compose_command() {
    TILE_DB_PASSWORD=$TILE_DB_PASSWORD TILE_DB_NAME=$db TILE_MODULES=$modules \
        docker-compose -f "$REPO_DIR/docker/compose.yaml" config \
        | "$PY" -c '
import shlex, sys, yaml
cmd = yaml.safe_load(sys.stdin)["services"][sys.argv[1]]["command"]
cmd = shlex.split(" ".join(cmd) if isinstance(cmd, list) else cmd)
assert cmd[0] == "odoo", cmd
out = []
for arg in cmd[1:]:
    arg = arg.replace("$$", "$")
    if arg.startswith("--db_host="):
        arg = "--db_host=" + sys.argv[2]
    out.append(arg)
print("\n".join(out))' "$1" "$TILE_DB_HOST"
}
# ODOO_BUS_PUBLIC_SAMESITE_WS: Odoo then logs "Downgrading websocket session" when the Host,
# Origin and scheme it sees on /websocket disagree (checked in step 4).
odoo_image=(env -i PATH="$venv/bin:/usr/bin:/bin" HOME="$work" LANG=C.UTF-8 ODOO_BUS_PUBLIC_SAMESITE_WS=1
    "$venv/bin/odoo" -c "$work/odoo.conf" --db_port="$TILE_DB_PORT")

# 3. The install service.
modules=$(tile_modules)
mapfile -t install_args < <(compose_command install)
[ ${#install_args[@]} -gt 2 ] || die "could not read the install service's command from docker/compose.yaml"
step "install service: odoo ${install_args[*]//$TILE_DB_PASSWORD/***}"
"${odoo_image[@]}" "${install_args[@]}" --log-level=warn --max-cron-threads=0 > "$work/install.log" 2>&1 \
    || { tail -n 40 "$work/install.log" >&2; die "compose's install command failed in the image's environment (above)"; }
grep -E ' (ERROR|CRITICAL) ' "$work/install.log" >&2 && die "errors while installing (above)"
installed=$(pg_app "$db" "SELECT string_agg(name || '=' || state, ' ' ORDER BY name) FROM ir_module_module
    WHERE name LIKE 'tile\_%' OR name IN ('sale_order_lot_selection', 'stock_restrict_lot')")
step "installed: $installed"
for m in ${modules//,/ } sale_order_lot_selection stock_restrict_lot; do
    [[ " $installed " == *" $m=installed "* ]] || die "$m is not installed"
done
[ "$(pg_app "$db" "SELECT active FROM res_lang WHERE code = 'zh_CN'")" = t ] || die "zh_CN is not loaded"

# 4. The odoo service behind the proxy, on free ports.
http_port=$(free_port) gevent_port=$(free_port) https_port=$(free_port) redirect_port=$(free_port)
mapfile -t odoo_args < <(compose_command odoo)
[ ${#odoo_args[@]} -gt 2 ] || die "could not read the odoo service's command from docker/compose.yaml"
odoo_args=("${odoo_args[@]/#--http-port=*/--http-port=$http_port}")
odoo_args=("${odoo_args[@]/#--gevent-port=*/--gevent-port=$gevent_port}")
step "odoo service: odoo ${odoo_args[*]//$TILE_DB_PASSWORD/***} (compose's 8069/8072 mapped to $http_port/$gevent_port)"
"${odoo_image[@]}" "${odoo_args[@]}" > "$work/odoo.log" 2>&1 &
odoo_pid=$!
openssl req -x509 -nodes -newkey rsa:2048 -days 1 -subj /CN=localhost \
    -keyout "$work/tile.key" -out "$work/tile.crt" 2>/dev/null
sed -e "s/server odoo:8069;/server 127.0.0.1:$http_port;/" -e "s/server odoo:8072;/server 127.0.0.1:$gevent_port;/" \
    -e "s/listen 443 ssl;/listen 127.0.0.1:$https_port ssl;/" -e "s/listen 80;/listen 127.0.0.1:$redirect_port;/" \
    -e "s#/etc/nginx/certs/#$work/#" "$REPO_DIR/docker/nginx.conf" > "$work/default.conf"
grep -q "odoo:" "$work/default.conf" && die "docker/nginx.conf has upstreams this check does not map: $(grep 'odoo:' "$work/default.conf")"
cat > "$work/nginx.conf" <<NGINX
pid $work/nginx.pid;
error_log $work/nginx-error.log;
daemon off;
events {}
http {
    access_log $work/nginx-access.log;
    client_body_temp_path $work/client_body; proxy_temp_path $work/proxy;
    fastcgi_temp_path $work/fastcgi; uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
    include $work/default.conf;
}
NGINX
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
"$nginx_bin" -e "$work/nginx-error.log" -p "$work" -c "$work/nginx.conf" &
nginx_pid=$!
for _ in $(seq 1 90); do
    curl -skf -o /dev/null "https://localhost:$https_port/web/login" && break
    kill -0 "$odoo_pid" 2>/dev/null || { tail -n 30 "$work/odoo.log" >&2; die "Odoo (workers mode) exited"; }
    sleep 1
done
code=$(curl -sk -o /dev/null -w '%{http_code}' "https://localhost:$https_port/web/login")
[ "$code" = 200 ] || { tail -n 30 "$work/odoo.log" "$work/nginx-error.log" >&2; die "GET https://localhost:$https_port/web/login through nginx: HTTP $code"; }
step "https://localhost:$https_port/web/login through nginx: HTTP $code"
# The websocket (gevent) process starts beside the HTTP workers, a little later.
for _ in $(seq 1 60); do
    (exec 3<>"/dev/tcp/127.0.0.1/$gevent_port") 2>/dev/null && break
    kill -0 "$odoo_pid" 2>/dev/null || break
    sleep 1
done
(exec 3<>"/dev/tcp/127.0.0.1/$gevent_port") 2>/dev/null \
    || { grep -vE ' INFO .*werkzeug' "$work/odoo.log" | tail -n 30 >&2; die "Odoo's websocket process does not listen on the gevent port $gevent_port (log above)"; }
redirect=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://localhost:$redirect_port/web")
step "http://localhost:$redirect_port/web: $redirect"
if ! "$vpy" - "$https_port" <<'PYEOF'

import base64, os, socket, ssl, sys
port = int(sys.argv[1])
ctx = ssl.create_default_context(); ctx.check_hostname = False; ctx.verify_mode = ssl.CERT_NONE
sock = ctx.wrap_socket(socket.create_connection(("127.0.0.1", port), timeout=20), server_hostname="localhost")
key = base64.b64encode(os.urandom(16)).decode()
sock.sendall((f"GET /websocket?version=18.0-1 HTTP/1.1\r\nHost: localhost:{port}\r\n"
              f"Origin: https://localhost:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
status = sock.recv(4096).decode(errors="replace").split("\r\n")[0]
print(f"tile: /websocket through nginx: {status}", file=sys.stderr)
sys.exit(0 if " 101 " in status else 1)
PYEOF
then
    tail -n 30 "$work/odoo.log" "$work/nginx-error.log" >&2
    die "the /websocket upgrade through nginx failed (above)"
fi
sleep 1
if grep -q "Downgrading websocket session" "$work/odoo.log"; then
    grep "Downgrading websocket session" "$work/odoo.log" >&2
    die "Odoo saw another host or scheme than the browser's on /websocket (nginx forwards the wrong headers)"
fi
grep -qE "Evented Service \(longpolling\)|websocket" "$work/odoo.log" && step "gevent process: $(grep -m1 -oE 'Evented Service[^$]*' "$work/odoo.log")"
workers=$(grep -c "Worker WorkerHTTP (.*) alive" "$work/odoo.log" || true)
step "OK: image venv installs every tile module; workers mode behind docker/nginx.conf serves pages and /websocket ($workers HTTP workers started)"
