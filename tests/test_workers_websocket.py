"""Workers mode (production's configuration): Odoo's websocket (gevent) process starts in the
venv ./tile setup builds and upgrades /websocket. Slow (about a minute when it has to create
its own small database; ./tile test hands it its throwaway database in TILE_TEST_DB)."""

import os
import pathlib
import signal
import socket
import subprocess
import sys
import time

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent


def settings():
    """ODOO_PATH and TILE_CONF as the scripts resolve them."""
    out = subprocess.run(
        ["bash", "-c", 'source scripts/common.sh && printf "%s\\n" "$ODOO_PATH" "$TILE_CONF"'],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    odoo_path, conf = out.stdout.splitlines()
    if not pathlib.Path(odoo_path, "odoo-bin").is_file() or not pathlib.Path(conf).is_file():
        pytest.fail(f"no Odoo at {odoo_path} or no {conf}: run ./tile setup")
    return odoo_path, conf


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, proc, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, "Odoo stopped"
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.5)
    pytest.fail(f"nothing listens on port {port} after {seconds} s")


def drop_database(conf, db):
    import configparser

    import psycopg2  # Odoo's requirement, in the venv
    from psycopg2 import sql

    options = configparser.RawConfigParser()
    options.read(conf)
    o = dict(options["options"])
    cnx = psycopg2.connect(
        host=o["db_host"], port=o["db_port"], user=o["db_user"], password=o["db_password"], dbname="postgres"
    )
    try:
        cnx.autocommit = True
        with cnx.cursor() as cr:
            cr.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(db)))
    finally:
        cnx.close()
    subprocess.run(["rm", "-rf", f"{o['data_dir']}/filestore/{db}"], check=False)


@pytest.fixture(scope="module")
def database():
    odoo_path, conf = settings()
    given = os.environ.get("TILE_TEST_DB")
    if given:
        yield given
        return
    db = f"tile_ws_{os.getuid()}_{os.getpid()}"
    odoo = [sys.executable, f"{odoo_path}/odoo-bin", "-c", conf, "-d", db]
    try:
        subprocess.run(
            [*odoo, "-i", "base", "--without-demo=all", "--stop-after-init", "--log-level=warn"],
            check=True,
            timeout=600,
        )
        yield db
    finally:
        drop_database(conf, db)


def test_workers_mode_serves_the_websocket(database, tmp_path):
    import websocket  # websocket-client, in requirements.txt

    odoo_path, conf = settings()
    http_port, gevent_port = free_port(), free_port()
    log = tmp_path / "odoo.log"
    cmd = [
        sys.executable,
        f"{odoo_path}/odoo-bin",
        "-c",
        conf,
        "-d",
        database,
        f"--db-filter=^{database}$",
        "--workers=2",
        "--max-cron-threads=0",
        f"--http-port={http_port}",
        f"--gevent-port={gevent_port}",
        f"--logfile={log}",
    ]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    proc = subprocess.Popen(cmd, start_new_session=True, env=env)
    try:
        wait_for_port(http_port, proc, 120)
        wait_for_port(gevent_port, proc, 60)
        ws = websocket.create_connection(f"ws://127.0.0.1:{gevent_port}/websocket", timeout=20)
        try:
            assert ws.getstatus() == 101
            assert ws.connected
        finally:
            ws.close()
        time.sleep(3)  # a crashing gevent process is restarted about every second
        text = log.read_text()
        assert "DistributionNotFound" not in text, text[-3000:]
        assert text.count("Evented Service (longpolling) running on") == 1, text[-3000:]
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
