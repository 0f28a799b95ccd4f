"""./tile setup on machines unlike ours: Odoo fetched when missing, offline, the caller's
PostgreSQL environment, passwords with quotes, users who are not root."""

import os
import pathlib
import subprocess
import sys
import tempfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SETUP = ROOT / "scripts" / "setup.sh"
# The caller's libpq settings, pointing nowhere useful: setup must not use them.
ODD_PG_ENV = {
    "PGHOST": "db.invalid",
    "PGPORT": "1",
    "PGUSER": "someone_else",
    "PGDATABASE": "no_such_db",
    "PGPASSWORD": "wrong'one",
}


def git(*args, cwd=None):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def fake_odoo_tree(work, version="(18, 0, 0, FINAL, 0, '')", extra_addon=None):
    """What ./tile setup looks at in an Odoo tree: odoo-bin, odoo/release.py, addons/."""
    (work / "odoo").mkdir(parents=True)
    (work / "odoo-bin").write_text("#!/usr/bin/env python3\n")
    (work / "odoo" / "release.py").write_text(f"FINAL = 'final'\nversion_info = {version}\n")
    (work / "requirements.txt").write_text("")
    for addon in ["base_setup", extra_addon]:
        if addon:
            (work / "addons" / addon).mkdir(parents=True)
            (work / "addons" / addon / "__manifest__.py").write_text("{'name': 'x'}\n")
    subprocess.run(["chmod", "-R", "a+rX", str(work)], check=True)
    return str(work)


def fake_odoo_repository(tmp_path, version="(18, 0, 0, FINAL, 0, '')", extra_addon=None):
    """A bare repository whose 18.0 branch looks like Odoo: odoo-bin, release.py, addons/."""
    work = tmp_path / "fake-odoo"
    fake_odoo_tree(work, version, extra_addon)
    git("init", "-q", "-b", "18.0", str(work))
    git("add", "-A", cwd=work)
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "first", cwd=work)
    (work / "README.md").write_text("second commit\n")
    git("add", "-A", cwd=work)
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "second", cwd=work)
    bare = tmp_path / "odoo.git"
    git("clone", "-q", "--bare", str(work), str(bare))
    return bare, git("rev-parse", "HEAD", cwd=work)


def fetch(tmp_path, source, ref="18.0", **extra):
    env = dict(
        os.environ,
        **ODD_PG_ENV,
        ODOO_PATH=str(tmp_path / "no-odoo-here"),
        TILE_HOME=str(tmp_path / "home"),
        TILE_ODOO_GIT=source,
        TILE_ODOO_REF=ref,
        **extra,
    )
    return subprocess.run(
        ["bash", str(SETUP), "--odoo-only"], capture_output=True, text=True, env=env, check=False, timeout=120
    )


def test_missing_odoo_is_fetched_shallow_from_the_pinned_ref(tmp_path):
    bare, head = fake_odoo_repository(tmp_path)
    out = fetch(tmp_path, f"file://{bare}")
    assert out.returncode == 0, out.stderr
    dest = tmp_path / "home" / "odoo"
    assert out.stdout.strip() == str(dest)
    assert (dest / "odoo-bin").is_file() and (dest / "addons" / "base_setup").is_dir()
    assert git("rev-parse", "HEAD", cwd=dest) == head
    assert git("rev-parse", "--is-shallow-repository", cwd=dest) == "true"
    assert git("rev-list", "--count", "HEAD", cwd=dest) == "1", "a shallow clone holds one commit"
    # A second run uses the copy: nothing fetched, nothing printed.
    again = fetch(tmp_path, f"file://{bare}")
    assert again.returncode == 0 and again.stderr == "", again.stderr


def test_a_commit_hash_can_be_pinned(tmp_path):
    bare, head = fake_odoo_repository(tmp_path)
    first = git("rev-list", "--max-parents=0", "HEAD", cwd=bare)
    assert fetch(tmp_path, f"file://{bare}").returncode == 0
    assert git("rev-parse", "HEAD", cwd=tmp_path / "home" / "odoo") == head
    # Another ref (here an older commit): fetched again, replacing the copy.
    out = fetch(tmp_path, f"file://{bare}", ref=first)
    assert out.returncode == 0, out.stderr
    assert "fetching Odoo" in out.stderr
    assert git("rev-parse", "HEAD", cwd=tmp_path / "home" / "odoo") == first != head


@pytest.mark.parametrize(
    "version, addon, cause",
    [
        ("(17, 0, 0, FINAL, 0, '')", None, "is not Odoo 18.0"),
        ("(18, 0, 0, FINAL, 0, '')", "web_enterprise", "Enterprise module 'web_enterprise'"),
    ],
)
def test_a_fetched_tree_that_is_not_18_community_is_refused(tmp_path, version, addon, cause):
    bare, _head = fake_odoo_repository(tmp_path, version=version, extra_addon=addon)
    out = fetch(tmp_path, f"file://{bare}")
    assert out.returncode != 0
    errors = [ln for ln in out.stderr.splitlines() if ln.startswith("tile: error: ")]
    assert len(errors) == 1 and cause in errors[0], out.stderr
    assert not (tmp_path / "home" / "odoo").exists()
    assert not list((tmp_path / "home").glob("odoo-fetch.*")), "the rejected tree is removed"


@pytest.mark.parametrize("source", ["http://127.0.0.1:9/odoo.git", "file:///nonexistent/odoo.git"])
def test_offline_setup_stops_with_one_line_naming_what_it_tried(tmp_path, source):
    out = fetch(tmp_path, source)
    assert out.returncode != 0
    lines = out.stderr.strip().splitlines()
    # "fetching ..." (what it does) then the error; the error is one line.
    assert (
        lines[-1].startswith("tile: error: ") and len([ln for ln in lines if "error" in ln]) == 1
    ), out.stderr
    assert source in lines[-1] and "18.0" in lines[-1]
    assert "set ODOO_PATH to an existing Odoo 18.0 Community tree" in lines[-1]
    assert "Traceback" not in out.stderr
    assert not (tmp_path / "home" / "odoo").exists()


# --- PostgreSQL: the caller's environment, quoting, the password, the config file's mode ---

needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="creates and drops a PostgreSQL role (root)")


def psql_as_postgres(sql):
    return subprocess.run(
        ["runuser", "-u", "postgres", "--", "psql", "-X", "-qAt", "-d", "postgres", "-c", sql],
        cwd="/",
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def can_log_in(user, password):
    import psycopg2  # Odoo's requirement, in the venv

    try:
        psycopg2.connect(host="127.0.0.1", port=5432, user=user, password=password, dbname="postgres").close()
    except psycopg2.OperationalError:
        return False
    return True


@pytest.fixture
def scratch_role():
    role = f"tile_setup_test_{os.getpid()}"
    yield role
    psql_as_postgres(f'DROP ROLE IF EXISTS "{role}"')


def full_setup(tmp_path, **env):
    return subprocess.run(
        ["bash", str(SETUP)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=dict(os.environ, **ODD_PG_ENV, TILE_HOME=str(tmp_path / "home"), TILE_VENV=sys.prefix, **env),
        check=False,
        timeout=300,
    )


@needs_root
def test_setup_ignores_the_callers_pg_environment_and_quotes_the_password(tmp_path, scratch_role):
    password = 'it\'s "odd"; DROP ROLE postgres; --'
    out = full_setup(tmp_path, TILE_DB_USER=scratch_role, TILE_DB_PASSWORD=password)
    assert out.returncode == 0, out.stderr
    assert f"creating the database role '{scratch_role}'" in out.stderr
    assert can_log_in(scratch_role, password)
    conf = tmp_path / "home" / "odoo.conf"
    assert conf.stat().st_mode & 0o777 == 0o600, "odoo.conf holds the password: owner only"
    assert f"db_password = {password}\n" in conf.read_text()
    # Changed password: applied to the role (and to the config).
    out = full_setup(tmp_path, TILE_DB_USER=scratch_role, TILE_DB_PASSWORD="new'one")
    assert out.returncode == 0, out.stderr
    assert can_log_in(scratch_role, "new'one") and not can_log_in(scratch_role, password)
    assert "db_password = new'one\n" in conf.read_text()
    # A third run changes nothing.
    out = full_setup(tmp_path, TILE_DB_USER=scratch_role, TILE_DB_PASSWORD="new'one")
    assert out.returncode == 0 and out.stderr.count("\n") == 1, out.stderr


@needs_root
def test_a_user_without_sudo_gets_one_line_and_the_command_to_run_as_root(scratch_role):
    # A folder that user may write (pytest's tmp_path is root's only).
    home = tempfile.mkdtemp(prefix="tile-nobody-")
    os.chmod(home, 0o777)
    try:
        env = {
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": home,
            "TILE_HOME": home,
            # An Odoo tree that user can read (only its markers are looked at before the role).
            "ODOO_PATH": fake_odoo_tree(pathlib.Path(home) / "odoo-tree"),
            "TILE_DB_USER": scratch_role,
            **ODD_PG_ENV,
        }
        out = subprocess.run(
            [
                "runuser",
                "-u",
                "nobody",
                "--",
                "env",
                "-i",
                *(f"{k}={v}" for k, v in env.items()),
                "bash",
                str(SETUP),
            ],
            capture_output=True,
            text=True,
            cwd="/",
            check=False,
            timeout=120,
        )
    finally:
        subprocess.run(["rm", "-rf", home], check=False)
    assert out.returncode != 0
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert f"run once as root: sudo {ROOT}/tile setup" in lines[0]
    assert scratch_role in lines[0]


def test_only_this_users_dead_test_databases_are_dropped():
    """A leftover of a killed run goes; a live run's, a connected one's, another user's stay."""
    import psycopg2  # Odoo's requirement, in the venv
    from psycopg2 import sql

    env = dict(os.environ, **ODD_PG_ENV)
    creds = subprocess.run(
        ["bash", "-c", 'source scripts/common.sh && printf "%s\\n" "$TILE_DB_USER" "$TILE_DB_PASSWORD"'],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    try:
        cnx = psycopg2.connect(host="127.0.0.1", user=creds[0], password=creds[1], dbname="postgres")
    except psycopg2.OperationalError as exc:
        pytest.fail(f"cannot log in as the suite's role: {exc} (run ./tile setup)")
    cnx.autocommit = True
    uid = os.getuid()
    dead_pid = 4194303  # above Linux's pid_max default: no such process
    sleeper = subprocess.Popen(["sleep", "60"])
    names = {
        "dead": f"tile_test_{uid}_{dead_pid}",
        "alive": f"tile_test_{uid}_{sleeper.pid}",
        "connected": f"tile_test_{uid}_{dead_pid - 1}",
        "other_user": f"tile_test_{uid + 1}_{dead_pid}",
    }
    connection = None
    try:
        with cnx.cursor() as cr:
            for name in names.values():
                cr.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        connection = psycopg2.connect(
            host="127.0.0.1", user=creds[0], password=creds[1], dbname=names["connected"]
        )
        out = subprocess.run(
            ["bash", "-c", "source scripts/common.sh && drop_stale_test_dbs"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert out.returncode == 0, out.stderr
        with cnx.cursor() as cr:
            cr.execute("SELECT datname FROM pg_database WHERE datname = ANY(%s)", [list(names.values())])
            left = {row[0] for row in cr.fetchall()}
        assert left == {names["alive"], names["connected"], names["other_user"]}, out.stderr
    finally:
        sleeper.kill()
        if connection:
            connection.close()
        with cnx.cursor() as cr:
            for name in names.values():
                cr.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        cnx.close()
