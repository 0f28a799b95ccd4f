"""The Docker path's data in transit and its secrets, without a Docker engine: the proxy's TLS
(modern protocols and ciphers, HSTS, Secure cookies) checked on a running Debian nginx with
docker/nginx.conf; the db service's TLS-only PostgreSQL checked on a throwaway cluster
started with compose's own flags and docker/pg_hba.conf; Odoo's configuration (list_db off,
db_sslmode, proxy mode, a master password from a secret); the backup service."""

import configparser
import glob
import http.server
import os
import pathlib
import re
import shlex
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time

import psycopg2
import pytest
from test_docker import DOCKER, NGINX_CONF, nginx_binary
from test_repository import ROOT, compose_config

ODOO_CONF = DOCKER / "odoo.conf"
ENTRYPOINT = DOCKER / "odoo-entrypoint.sh"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_port(port, proc, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.1)
    return False


def self_signed(folder, name, cn="localhost"):
    subprocess.run(
        ["openssl", "req", "-x509", "-nodes", "-newkey", "rsa:2048", "-days", "1", "-subj", f"/CN={cn}",
         "-keyout", str(folder / f"{name}.key"), "-out", str(folder / f"{name}.crt")],
        capture_output=True, check=True,
    )  # fmt: skip


def directives(name):
    return re.findall(rf"^\s*{name}\s+([^;]+);", NGINX_CONF.read_text(), re.M)


# --- the proxy ---------------------------------------------------------------------------


def test_proxy_allows_modern_tls_only():
    assert directives("ssl_protocols") == ["TLSv1.2 TLSv1.3"]
    ciphers = directives("ssl_ciphers")[0].split(":")
    for cipher in ciphers:
        assert cipher.startswith("ECDHE-"), f"{cipher}: forward secrecy (ECDHE) only"
        assert re.search(r"GCM|CHACHA20-POLY1305", cipher), f"{cipher}: AEAD suites only"
    assert directives("ssl_session_tickets") == ["off"]
    hsts = directives("add_header")
    assert any(re.match(r'Strict-Transport-Security\s+"max-age=(\d+)[^"]*"\s+always$', h) for h in hsts), hsts
    age = int(re.search(r"max-age=(\d+)", " ".join(hsts)).group(1))
    assert age >= 365 * 86400, "HSTS for at least a year"
    assert directives("proxy_cookie_flags") == ["~ secure"], "every cookie from Odoo gets Secure"
    assert directives("server_tokens") == ["off"]


class _FakeOdoo(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Set-Cookie", "session_id=abc; Path=/; HttpOnly")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def proxy(tmp_path_factory):
    """Debian's nginx running docker/nginx.conf, Odoo replaced by a page that sets a cookie."""
    tmp = tmp_path_factory.mktemp("proxy")
    self_signed(tmp, "tile")
    backend = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _FakeOdoo)
    threading.Thread(target=backend.serve_forever, daemon=True).start()
    https_port, http_port = free_port(), free_port()
    site = NGINX_CONF.read_text()
    site = re.sub(r"server\s+odoo:\d+;", f"server 127.0.0.1:{backend.server_port};", site)
    site = site.replace("listen 443 ssl;", f"listen 127.0.0.1:{https_port} ssl;")
    site = site.replace("listen 80;", f"listen 127.0.0.1:{http_port};")
    site = site.replace("/etc/nginx/certs/", f"{tmp}/")
    (tmp / "default.conf").write_text(site)
    temp_paths = "".join(
        f"{kind}_temp_path {tmp}/{kind}; " for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (tmp / "nginx.conf").write_text(
        ("user root;\n" if os.geteuid() == 0 else "")
        + f"pid {tmp}/nginx.pid;\nerror_log {tmp}/error.log;\ndaemon off;\nevents {{}}\n"
        f"http {{ access_log off; {temp_paths}\ninclude {tmp}/default.conf;\n}}\n"
    )
    proc = subprocess.Popen(
        [nginx_binary(), "-e", str(tmp / "error.log"), "-p", str(tmp), "-c", str(tmp / "nginx.conf")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        assert wait_port(https_port, proc), f"nginx did not start: {(tmp / 'error.log').read_text()}"
        yield {"https": https_port, "http": http_port}
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        backend.shutdown()


def tls_get(port, version=None, ciphers=None, path="/web"):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    if version:
        ctx.minimum_version = ctx.maximum_version = version
    if ciphers:
        # The client offers old suites too (security level 0), so that only the server refuses.
        ctx.set_ciphers(f"{ciphers}:@SECLEVEL=0")
    with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
        with ctx.wrap_socket(raw, server_hostname="localhost") as tls:
            tls.sendall(f"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode())
            data = b""
            while chunk := tls.recv(65536):
                data += chunk
            return tls.version(), tls.cipher()[0], data.decode(errors="replace")


def test_proxy_speaks_tls13_and_strong_tls12(proxy):
    version, _cipher, response = tls_get(proxy["https"])
    assert version == "TLSv1.3"
    assert response.startswith("HTTP/1.1 200")
    version, cipher, _response = tls_get(proxy["https"], ssl.TLSVersion.TLSv1_2)
    assert version == "TLSv1.2" and cipher.startswith("ECDHE-") and ("GCM" in cipher or "CHACHA20" in cipher)


# Python deprecates these protocol versions; the client offers them only to be refused.
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize(
    "version, ciphers",
    [
        (ssl.TLSVersion.TLSv1_1, "ALL"),
        (ssl.TLSVersion.TLSv1, "ALL"),
        (ssl.TLSVersion.TLSv1_2, "AES128-SHA:AES256-SHA:AES128-GCM-SHA256"),  # no forward secrecy
        (ssl.TLSVersion.TLSv1_2, "ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES256-SHA384"),  # CBC, not AEAD
    ],
)
def test_proxy_refuses_old_protocols_and_weak_ciphers(proxy, version, ciphers):
    with pytest.raises((ssl.SSLError, ConnectionResetError)):
        tls_get(proxy["https"], version, ciphers)


def test_proxy_sends_hsts_secure_cookies_hides_the_database_manager_and_redirects_http(proxy):
    _version, _cipher, response = tls_get(proxy["https"])
    head = response.split("\r\n\r\n")[0]
    assert re.search(r"^Strict-Transport-Security: max-age=\d+", head, re.M | re.I), head
    cookie = re.search(r"^Set-Cookie: (.*)$", head, re.M | re.I).group(1)
    assert "session_id=abc" in cookie and re.search(r";\s*secure", cookie, re.I), cookie
    assert not re.search(r"^Server: nginx/\d", head, re.M | re.I), "no version number"
    for path in ("/web/database/manager", "/web/database/selector", "/web/database/backup"):
        _version, _cipher, response = tls_get(proxy["https"], path=path)
        assert response.startswith("HTTP/1.1 404"), f"{path}: {response[:80]}"
    with socket.create_connection(("127.0.0.1", proxy["http"]), timeout=10) as plain:
        plain.sendall(b"GET /web HTTP/1.1\r\nHost: example.test\r\nConnection: close\r\n\r\n")
        answer = plain.recv(65536).decode()
    assert answer.startswith("HTTP/1.1 301") and "Location: https://example.test/web" in answer


# --- PostgreSQL over TLS ----------------------------------------------------------------


def db_service_flags():
    """compose's db command as a list of arguments."""
    command = compose_config()["services"]["db"]["command"]
    args = shlex.split(command) if isinstance(command, str) else list(command)
    assert args[0] == "postgres"
    return args[1:]


def test_db_service_requires_tls_with_its_own_certificate():
    config = compose_config()
    db = config["services"]["db"]
    flags = " ".join(db_service_flags())
    for flag in ("ssl=on", "ssl_min_protocol_version=TLSv1.2", "hba_file=/etc/postgresql/pg_hba.conf"):
        assert f"-c {flag}" in flags
    volumes = db["volumes"]
    assert any(v.startswith("tile-db-certs:/etc/postgresql/certs") and v.endswith(":ro") for v in volumes)
    assert any(v.endswith("/docker/pg_hba.conf:/etc/postgresql/pg_hba.conf:ro") for v in volumes)
    assert "db-certs" in db["depends_on"]
    certs = " ".join(config["services"]["db-certs"]["command"])
    assert (
        "chown 999:999" in certs and "chmod 600 /certs/db.key" in certs
    ), "the key as PostgreSQL requires it"
    assert "tile-db-certs" in config["volumes"]
    hba = [
        line.split() for line in (DOCKER / "pg_hba.conf").read_text().splitlines() if line and line[0] != "#"
    ]
    assert ["hostnossl", "all", "all", "all", "reject"] in hba
    assert all(rule[0] != "host" and rule[-1] not in ("trust", "md5", "password") for rule in hba), hba


def pg_bin(tool):
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{tool}"), key=lambda p: int(p.split("/")[4]))
    if not found:
        pytest.fail("PostgreSQL's server binaries are missing: run ./tile setup (it installs postgresql)")
    return found[-1]


@pytest.fixture(scope="module")
def tls_cluster():
    """A throwaway PostgreSQL cluster started with the db service's flags, its paths mapped."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="tile-pg-tls-"))
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    proc = None
    try:
        self_signed(folder, "db", cn="db")
        (folder / "pw").write_text("s3cret-pw\n")
        shutil.copy(DOCKER / "pg_hba.conf", folder / "pg_hba.conf")
        os.chmod(folder / "db.key", 0o600)
        if as_postgres:
            shutil.chown(folder, "postgres")
            for path in folder.iterdir():
                shutil.chown(path, "postgres")
        subprocess.run(
            [*as_postgres, pg_bin("initdb"), "-D", str(folder / "data"), "-U", "odoo",
             f"--pwfile={folder / 'pw'}", "--auth=scram-sha-256", "-E", "UTF8"],
            capture_output=True, check=True, cwd="/",
        )  # fmt: skip
        port = free_port()
        mapped = [
            flag.replace("/etc/postgresql/certs/", f"{folder}/").replace("/etc/postgresql/", f"{folder}/")
            for flag in db_service_flags()
        ]
        proc = subprocess.Popen(
            [*as_postgres, pg_bin("postgres"), "-D", str(folder / "data"), "-p", str(port),
             "-c", "listen_addresses=127.0.0.1", "-c", f"unix_socket_directories={folder}", *mapped],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd="/",
        )  # fmt: skip
        assert wait_port(port, proc), proc.stdout.read().decode() if proc.poll() is not None else "no start"
        yield {"port": port, "folder": folder}
    finally:
        if proc and proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)


def odoo_conf():
    parser = configparser.RawConfigParser()
    parser.read(ODOO_CONF)
    return dict(parser.items("options"))


def connect(port, sslmode, password="s3cret-pw", host="127.0.0.1"):
    return psycopg2.connect(
        host=host,
        port=port,
        user="odoo",
        password=password,
        dbname="postgres",
        sslmode=sslmode,
        connect_timeout=10,
    )


def test_db_refuses_connections_without_tls(tls_cluster):
    with pytest.raises(psycopg2.OperationalError, match="no encryption"):
        connect(tls_cluster["port"], "disable")


def test_odoo_connects_with_tls_as_its_configuration_says(tls_cluster):
    conn = connect(tls_cluster["port"], odoo_conf()["db_sslmode"])
    try:
        cur = conn.cursor()
        cur.execute("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        ssl_on, version = cur.fetchone()
    finally:
        conn.close()
    assert ssl_on and version in ("TLSv1.2", "TLSv1.3")
    with pytest.raises(psycopg2.OperationalError, match="password authentication failed"):
        connect(tls_cluster["port"], "require", password="wrong")
    with pytest.raises(psycopg2.OperationalError, match="password"):
        connect(tls_cluster["port"], "disable", password="wrong", host=str(tls_cluster["folder"]))


# --- Odoo's configuration and master password ------------------------------------------


def test_odoo_configuration_is_locked_down():
    options = odoo_conf()
    assert options["list_db"] == "False", "no database list, and Odoo then blocks every database-manager call"
    assert options["proxy_mode"] == "True"
    assert options["db_sslmode"] == "require"
    assert "admin_passwd" not in options and "db_password" not in options, "secrets come from the environment"
    command = " ".join(compose_config()["services"]["odoo"]["command"].split())
    assert "--proxy-mode" in command


def test_odoo_image_starts_through_the_secret_reading_entrypoint():
    dockerfile = (DOCKER / "Dockerfile").read_text()
    assert "COPY docker/odoo-entrypoint.sh /usr/local/bin/tile-entrypoint.sh" in dockerfile
    assert re.search(r'^ENTRYPOINT \["/usr/local/bin/tile-entrypoint.sh"\]$', dockerfile, re.M)
    assert "!docker/odoo-entrypoint.sh" in (DOCKER / "Dockerfile.dockerignore").read_text().split()
    assert os.access(ENTRYPOINT, os.X_OK)
    assert 'exec /entrypoint.sh "$@"' in ENTRYPOINT.read_text(), "hands over to the official entrypoint"
    config = compose_config()
    for service in ("install", "odoo"):
        assert [s if isinstance(s, str) else s["source"] for s in config["services"][service]["secrets"]] == [
            "odoo_admin_passwd"
        ]
    secret_file = config["secrets"]["odoo_admin_passwd"]["file"]
    assert not os.path.realpath(secret_file).startswith(
        str(ROOT) + os.sep
    ), "the secret lives outside the repository"


def run_entrypoint(tmp_path, secret=None, args=("odoo", "-d", "tile"), **env):
    """docker/odoo-entrypoint.sh with the official entrypoint replaced by one printing its input."""
    script = tmp_path / "entrypoint.sh"
    script.write_text(ENTRYPOINT.read_text().replace("exec /entrypoint.sh", f"exec {tmp_path}/official.sh"))
    (tmp_path / "official.sh").write_text('#!/bin/bash\necho "ODOO_RC=$ODOO_RC args=$*"\n')
    os.chmod(tmp_path / "official.sh", 0o755)
    if secret is not None:
        (tmp_path / "secret").write_text(secret)
    environment = {
        # python3 with passlib (Odoo's requirement), as in the Odoo image.
        "PATH": f"{os.path.dirname(sys.executable)}:/usr/bin:/bin",
        "ODOO_RC": str(ODOO_CONF),
        "TILE_ADMIN_PASSWD_SECRET": str(tmp_path / "secret"),
        "TILE_ODOO_RC": str(tmp_path / "runtime.conf"),
        "TILE_DB_PASSWORD": "db-pw",
        **env,
    }
    return subprocess.run(
        ["bash", str(script), *args],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


@pytest.mark.parametrize("secret", [None, "", "admin\n", "short\n"])
def test_odoo_does_not_start_without_a_real_master_password(tmp_path, secret):
    out = run_entrypoint(tmp_path, secret)
    assert out.returncode == 2 and "master password" in out.stderr, out.stderr
    assert not (tmp_path / "runtime.conf").exists()


def test_the_master_password_reaches_odoo_hashed(tmp_path):
    out = run_entrypoint(tmp_path, "a long master password\n")
    assert out.returncode == 0, out.stderr
    runtime = tmp_path / "runtime.conf"
    assert out.stdout.strip() == f"ODOO_RC={runtime} args=odoo -d tile"
    assert runtime.stat().st_mode & 0o777 == 0o600
    text = runtime.read_text()
    assert "a long master password" not in text and "admin_passwd = $pbkdf2-sha512$" in text
    odoo_path = os.environ.get("ODOO_PATH", "/opt/odoo")
    check = subprocess.run(
        [sys.executable, "-c",
         "import sys; from odoo.tools import config; config.parse_config(['-c', sys.argv[1]]);"
         "print(config.verify_admin_password('a long master password'),"
         " bool(config.verify_admin_password('admin')),"
         " config['list_db'], config['db_sslmode'], config['db_password'], config['db_host'])",
         str(runtime)],
        capture_output=True, text=True, check=False, env=dict(os.environ, PYTHONPATH=odoo_path),
    )  # fmt: skip
    assert check.stdout.split() == ["True", "False", "False", "require", "db-pw", "db"], check.stderr[-2000:]


def test_install_one_shot_installs_only_the_modules_the_database_lacks(tmp_path, tls_cluster):
    """-i of an installed module reloads its data in Odoo's init mode (noupdate settings reset,
    demo data loaded again): the install service, run at every "up", passes only missing ones."""
    args = ("odoo", "-d", "tile_missing", "-i", "base,sale,crm", "--stop-after-init")
    env = {"TILE_INSTALL_MISSING": "1", "TILE_DB_HOST": "127.0.0.1", "TILE_DB_PORT": str(tls_cluster["port"]),
           "TILE_DB_PASSWORD": "s3cret-pw"}  # fmt: skip
    out = run_entrypoint(tmp_path, "a long master password\n", args, **env)
    assert out.returncode == 0 and "-i base,sale,crm " in out.stdout, out.stderr  # no database yet
    conn = connect(tls_cluster["port"], "require")
    conn.autocommit = True
    try:
        conn.cursor().execute("CREATE DATABASE tile_missing")
    finally:
        conn.close()
    conn = psycopg2.connect(host="127.0.0.1", port=tls_cluster["port"], user="odoo", password="s3cret-pw",
                            dbname="tile_missing", sslmode="require")  # fmt: skip
    try:
        with conn, conn.cursor() as cur:
            cur.execute("CREATE TABLE ir_module_module (name varchar, state varchar)")
            cur.execute("INSERT INTO ir_module_module VALUES ('base', 'installed'), ('crm', 'uninstalled')")
        out = run_entrypoint(tmp_path, "a long master password\n", args, **env)
        assert out.returncode == 0 and "-i sale,crm " in out.stdout, out.stdout + out.stderr
        with conn, conn.cursor() as cur:
            cur.execute("INSERT INTO ir_module_module VALUES ('sale', 'installed')")
            cur.execute("UPDATE ir_module_module SET state = 'installed'")
        out = run_entrypoint(tmp_path, "a long master password\n", args, **env)
        assert out.returncode == 0 and "ODOO_RC" not in out.stdout and "nothing to install" in out.stdout
    finally:
        conn.close()
    assert "TILE_INSTALL_MISSING" in compose_config()["services"]["install"]["environment"]
    assert "TILE_INSTALL_MISSING" not in compose_config()["services"]["odoo"]["environment"]


# --- the backup service -------------------------------------------------------------------


def test_backup_service_runs_the_nightly_job_with_a_read_only_public_key():
    config = compose_config()
    backup = config["services"]["backup"]
    dockerfile = (DOCKER / backup["build"]["dockerfile"]).read_text()
    assert re.search(r"^FROM postgres:16$", dockerfile, re.M), "pg_dump of the db service's major version"
    assert config["services"]["db"]["image"] == "postgres:16"
    for package in ("age", "python3-psycopg2"):
        assert package in dockerfile
    assert "COPY" not in dockerfile and "ADD" not in dockerfile, "nothing (no key) baked into the image"
    assert backup["entrypoint"] == ["bash", "/opt/tile/docker/backup-loop.sh"]
    env = backup["environment"]
    assert env["TILE_DB_SSLMODE"] == "require" and env["TILE_DB_HOST"] == "db"
    assert env["TILE_DATA_DIR"] == "/var/lib/odoo" and env["TILE_BACKUP_DIR"] == "/backups"
    assert "TILE_BACKUP_KEY" not in env, "the private key is not on the server"
    volumes = backup["volumes"]
    key_mount = [v for v in volumes if v.split(":")[1] == env["TILE_BACKUP_RECIPIENT"]]
    assert len(key_mount) == 1 and key_mount[0].endswith(":ro"), volumes
    assert not os.path.realpath(key_mount[0].split(":")[0]).startswith(str(ROOT) + os.sep)
    assert any(v.startswith("tile-filestore:/var/lib/odoo") for v in volumes)
    assert any(v.endswith(":/opt/tile:ro") for v in volumes)
    assert "backend" in backup["networks"]
    assert backup["healthcheck"]["test"][-1] == "--healthcheck"


def test_backup_loop_healthcheck_wants_a_recent_backup(tmp_path):
    loop = DOCKER / "backup-loop.sh"
    assert subprocess.run(["bash", "-n", str(loop)], check=False).returncode == 0
    env = dict(os.environ, TILE_BACKUP_DIR=str(tmp_path), TILE_BACKUP_DB="tile")
    health = ["bash", str(loop), "--healthcheck"]
    assert subprocess.run(health, env=env, check=False).returncode != 0, "no backup: unhealthy"
    fresh = tmp_path / "tile-20260101T000000Z.tile-backup.age"
    fresh.write_bytes(b"x")
    assert subprocess.run(health, env=env, check=False).returncode == 0
    old = time.time() - 27 * 3600
    os.utime(fresh, (old, old))
    assert subprocess.run(health, env=env, check=False).returncode != 0, "older than 26 h: unhealthy"
