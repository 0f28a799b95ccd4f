"""The restore drill (docs/operations.md): ./tile backup of the test database with a throwaway
age key, ./tile restore into a new database, record counts and checksums compared with the
source; a tampered backup and a wrong key refused with nothing left behind; retention with a
local folder standing in for the off-site target; ./tile doctor on the test database and on
a sabotaged copy.

./tile test sets TILE_TEST_DB (every tile module with demo data). Run alone, the tests make a
small Odoo database of their own, or skip when this machine has no Odoo set up."""

import datetime as dt
import hashlib
import io
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tarfile
import time

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import backup as ops  # noqa: E402  (scripts/backup.py, the code under test)

SETTINGS = ops.Settings()
STAMP = re.compile(r"^(?P<db>.+)-\d{8}T\d{6}Z\.tile-backup\.age$")


def tile(*args, timeout=300, **env):
    started = time.monotonic()
    out = subprocess.run(
        [str(ROOT / "tile"), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env=dict(os.environ, **env),
    )
    out.seconds = time.monotonic() - started
    return out


def query(db, statement, params=None, fetch=True):
    conn = SETTINGS.connect(db)
    try:
        cur = conn.cursor()
        cur.execute(statement, params)
        rows = cur.fetchall() if fetch else None
        conn.commit()
        return rows
    finally:
        conn.close()


def counts_of(db):
    conn = SETTINGS.connect(db)
    try:
        return ops.table_counts(conn.cursor())
    finally:
        conn.close()


def exists(db):
    return ops.database_exists(SETTINGS, db)


def files_of(folder):
    """{relative path: sha256} of a filestore folder."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in pathlib.Path(folder).rglob("*")
        if path.is_file()
    }


def leftovers(folder):
    return [name for name in os.listdir(folder) if name.startswith(".tile-") or name.endswith(".partial")]


def flip_byte(source, target, offset):
    data = bytearray(pathlib.Path(source).read_bytes())
    data[offset] ^= 0x01
    pathlib.Path(target).write_bytes(bytes(data))


@pytest.fixture(scope="module")
def source_db():
    db = os.environ.get("TILE_TEST_DB")
    if db:
        yield db
        return
    if not (pathlib.Path(SETTINGS.odoo_path or "/opt/odoo") / "odoo-bin").is_file() and not shutil.which(
        "odoo"
    ):
        pytest.skip("TILE_TEST_DB is unset and no Odoo is set up here: run ./tile test")
    db = os.environ.get("TILE_TEST_SCRATCH_DB") or f"tile_pytest_backup_{os.getpid()}"
    script = (
        'source scripts/common.sh && require_venv && require_odoo && ensure_postgres && odoo_bin -d "$1"'
        " -i base --without-demo=all --stop-after-init --log-level=warn --max-cron-threads=0"
    )
    made = subprocess.run(
        ["bash", "-c", script, "-", db], cwd=ROOT, capture_output=True, text=True, check=False, timeout=600
    )
    if made.returncode != 0:
        pytest.skip(
            f"TILE_TEST_DB is unset and no small Odoo database could be made here: {made.stderr[-300:]}"
        )
    yield db
    ops.drop_database(SETTINGS, db)
    shutil.rmtree(SETTINGS.filestore(db), ignore_errors=True)


@pytest.fixture(scope="module")
def keys(tmp_path_factory):
    """A throwaway age key pair, outside the repository and the backup folder."""
    folder = tmp_path_factory.mktemp("keys")
    key = folder / "backup-key.txt"
    subprocess.run(["age-keygen", "-o", str(key)], capture_output=True, check=True)
    public = subprocess.run(["age-keygen", "-y", str(key)], capture_output=True, text=True, check=True).stdout
    recipient = folder / "backup-recipient.txt"
    recipient.write_text(public)
    other = folder / "other-key.txt"
    subprocess.run(["age-keygen", "-o", str(other)], capture_output=True, check=True)
    return {"key": str(key), "recipient": str(recipient), "other": str(other), "public": public.strip()}


@pytest.fixture(scope="module")
def drill(source_db, keys, tmp_path_factory):
    """One backup of the source database and its restore into a new database."""
    backups = tmp_path_factory.mktemp("backups")
    env = {"TILE_BACKUP_DIR": str(backups), "TILE_BACKUP_RECIPIENT": keys["recipient"]}
    made = tile("backup", source_db, **env)
    assert made.returncode == 0, made.stdout + made.stderr
    archive = made.stdout.strip().splitlines()[-1]
    restored = f"{source_db}_drill"[:63]
    ops.drop_database(SETTINGS, restored)
    shutil.rmtree(SETTINGS.filestore(restored), ignore_errors=True)
    back = tile("restore", archive, restored, TILE_BACKUP_DIR=str(backups), TILE_BACKUP_KEY=keys["key"])
    print(
        f"\ndrill: backup {made.seconds:.1f} s, {os.path.getsize(archive) / 1e6:.1f} MB; "
        f"restore {back.seconds:.1f} s\n{made.stderr}{back.stderr}{back.stdout}"
    )
    yield {"archive": archive, "backups": str(backups), "restored": restored, "made": made, "back": back}
    ops.drop_database(SETTINGS, restored)
    shutil.rmtree(SETTINGS.filestore(restored), ignore_errors=True)


def decrypt(archive, key):
    """The backup's members, decrypted by age itself (not by the code under test)."""
    plain = subprocess.run(["age", "-d", "-i", key, archive], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(plain), mode="r:") as tar:
        return {member.name: tar.extractfile(member).read() for member in tar}


def test_backup_is_one_encrypted_private_file(drill, source_db, keys):
    archive = pathlib.Path(drill["archive"])
    assert archive.parent == pathlib.Path(drill["backups"])
    assert STAMP.match(archive.name).group("db") == source_db
    assert archive.stat().st_mode & 0o777 == 0o600
    head = archive.read_bytes()[:4096]
    assert head.startswith(b"age-encryption.org/v1\n"), "an age file"
    data = archive.read_bytes()
    for clear in (b"PGDMP", b'"counts"', source_db.encode(), keys["public"].encode()):
        assert clear not in data, f"{clear!r} readable in the backup"
    assert leftovers(drill["backups"]) == [], "no work folder or unfinished file left"


def test_manifest_has_checksums_versions_and_counts(drill, source_db, keys):
    members = decrypt(drill["archive"], keys["key"])
    assert list(members) == ["manifest.json", "database.dump", "filestore.tar.gz"]
    manifest = json.loads(members["manifest.json"])
    for part in ("database.dump", "filestore.tar.gz"):
        assert manifest["parts"][part]["sha256"] == hashlib.sha256(members[part]).hexdigest()
        assert manifest["parts"][part]["bytes"] == len(members[part])
    assert members["database.dump"].startswith(b"PGDMP"), "pg_dump's custom format"
    assert manifest["database"] == source_db
    assert manifest["odoo"]["base"].startswith("18.0.")
    installed = dict(
        query(source_db, "SELECT name, latest_version FROM ir_module_module WHERE state = 'installed'")
    )
    assert manifest["tile_modules"] == {m: v for m, v in installed.items() if m.startswith("tile_")}
    assert manifest["counts"] == counts_of(source_db)
    tables = {
        row[0] for row in query(source_db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    }
    assert {t for t in tables if t.startswith("tile_")} | (set(ops.KEY_TABLES) & tables) == set(
        manifest["counts"]
    )
    with tarfile.open(fileobj=io.BytesIO(members["filestore.tar.gz"])) as tar:
        assert len([m for m in tar if m.isfile()]) == manifest["filestore"]["files"]


def test_restore_gives_the_same_database_and_files(drill, source_db):
    back = drill["back"]
    assert back.returncode == 0, back.stdout + back.stderr
    assert back.stdout.startswith(f"restore OK: '{drill['restored']}'"), back.stdout
    restored = drill["restored"]
    assert counts_of(restored) == counts_of(source_db)
    modules = "SELECT name, latest_version, state FROM ir_module_module ORDER BY name"
    assert query(restored, modules) == query(source_db, modules)
    assert files_of(SETTINGS.filestore(restored)) == files_of(SETTINGS.filestore(source_db))
    # Odoo can read what it stored: an attachment's bytes through its store_fname.
    row = query(
        restored, "SELECT store_fname, checksum FROM ir_attachment WHERE store_fname IS NOT NULL LIMIT 1"
    )
    if row:
        data = (pathlib.Path(SETTINGS.filestore(restored)) / row[0][0]).read_bytes()
        assert hashlib.sha1(data).hexdigest() == row[0][1]
    assert leftovers(drill["backups"]) == []
    assert back.seconds < 60, f"the restore drill took {back.seconds:.0f} s"


@pytest.mark.parametrize("where", ["header", "middle", "last byte"])
def test_a_tampered_backup_is_refused_and_nothing_is_left(drill, keys, tmp_path, where):
    size = os.path.getsize(drill["archive"])
    offset = {"header": 60, "middle": size // 2, "last byte": size - 1}[where]
    tampered = tmp_path / "tampered.tile-backup.age"
    flip_byte(drill["archive"], tampered, offset)
    target = f"{drill['restored']}_x"
    out = tile(
        "restore", str(tampered), target, TILE_BACKUP_DIR=drill["backups"], TILE_BACKUP_KEY=keys["key"]
    )
    assert out.returncode == 1, out.stdout + out.stderr
    assert out.stdout.startswith("restore REFUSED: the backup does not decrypt with this key or was altered")
    assert not exists(target)
    assert not os.path.exists(SETTINGS.filestore(target))
    assert leftovers(drill["backups"]) == []


def test_a_wrong_key_is_refused_and_nothing_is_left(drill, keys):
    target = f"{drill['restored']}_x"
    out = tile(
        "restore", drill["archive"], target, TILE_BACKUP_DIR=drill["backups"], TILE_BACKUP_KEY=keys["other"]
    )
    assert out.returncode == 1
    assert "no identity matched" in out.stdout, out.stdout
    assert not exists(target) and not os.path.exists(SETTINGS.filestore(target))
    assert leftovers(drill["backups"]) == []


def test_restore_never_overwrites_a_database(drill, source_db, keys):
    before = counts_of(source_db)
    out = tile(
        "restore", drill["archive"], source_db, TILE_BACKUP_DIR=drill["backups"], TILE_BACKUP_KEY=keys["key"]
    )
    assert out.returncode == 1
    assert f"the database '{source_db}' exists" in out.stdout
    assert counts_of(source_db) == before


def test_keys_inside_the_repository_or_the_backups_are_refused(drill, source_db, keys):
    for folder in (ROOT / "tests", pathlib.Path(drill["backups"])):
        inside = folder / f".key-drill-{os.getpid()}.txt"
        shutil.copy(keys["key"], inside)
        try:
            made = tile("backup", source_db, TILE_BACKUP_DIR=drill["backups"], TILE_BACKUP_KEY=str(inside))
            back = tile("restore", drill["archive"], "h_never", TILE_BACKUP_DIR=drill["backups"],
                        TILE_BACKUP_KEY=str(inside))  # fmt: skip
        finally:
            inside.unlink()
        for out in (made, back):
            assert out.returncode == 1 and "is inside" in out.stdout, out.stdout
    assert not exists("h_never")
    assert len(ops.backups_of(drill["backups"], source_db)) == 1, "no backup made with a refused key"
    no_key = tile(
        "backup", source_db, TILE_BACKUP_DIR=drill["backups"], TILE_BACKUP_RECIPIENT="", TILE_BACKUP_KEY=""
    )
    assert no_key.returncode == 1 and "no encryption key" in no_key.stdout


def fake_backup(folder, db, days_old, content=b"old"):
    stamp = (ops.utcnow() - dt.timedelta(days=days_old)).strftime(ops.STAMP)
    path = pathlib.Path(folder) / f"{db}-{stamp}{ops.SUFFIX}"
    path.write_bytes(content)
    return path.name


def test_nightly_retention_and_weekly_offsite_copy(drill, source_db, keys, tmp_path):
    local, offsite = tmp_path / "local", tmp_path / "offsite"
    local.mkdir()
    offsite.mkdir()
    old = {days: fake_backup(local, source_db, days) for days in (20, 15, 13)}
    other_db = fake_backup(local, f"{source_db}_other", 30)
    stale_offsite = [fake_backup(offsite, source_db, days) for days in (63, 56, 49)]
    env = {
        "TILE_BACKUP_DIR": str(local),
        "TILE_BACKUP_RECIPIENT": keys["recipient"],
        "TILE_BACKUP_KEEP_DAYS": "14",
        "TILE_BACKUP_OFFSITE": str(offsite),
        "TILE_BACKUP_OFFSITE_KEEP": "2",
    }
    out = tile("backup", source_db, "--weekly", **env)
    assert out.returncode == 0, out.stdout + out.stderr
    newest = pathlib.Path(out.stdout.splitlines()[0]).name
    assert f"deleted: {old[20]}" in out.stdout and f"deleted: {old[15]}" in out.stdout
    assert f"kept: {old[13]}" in out.stdout and f"kept: {newest}" in out.stdout
    assert sorted(os.listdir(local)) == sorted(
        [old[13], other_db, newest]
    ), "another database's backups untouched"
    assert f"pushed: {newest} -> {offsite / newest}" in out.stdout
    assert (
        hashlib.sha256((offsite / newest).read_bytes()).digest()
        == hashlib.sha256((local / newest).read_bytes()).digest()
    )
    assert (offsite / newest).stat().st_mode & 0o777 == 0o600
    assert sorted(os.listdir(offsite)) == sorted([stale_offsite[-1], newest]), out.stdout
    for name in stale_offsite[:2]:
        assert f"deleted off-site: {name}" in out.stdout

    today = dt.date.today().isoweekday()
    not_today = tile("backup", source_db, "--retention", TILE_BACKUP_WEEKDAY=str(today % 7 + 1), **env)
    assert not_today.returncode == 0 and "off-site: next copy on" in not_today.stdout
    assert "pushed" not in not_today.stdout
    on_the_day = tile("backup", source_db, "--retention", TILE_BACKUP_WEEKDAY=str(today), **env)
    assert f"pushed: {newest} is already at {offsite}" in on_the_day.stdout, on_the_day.stdout
    # The off-site copy is a whole backup: it decrypts and every checksum matches.
    check = tile(
        "restore", "--check", str(offsite / newest), TILE_BACKUP_DIR=str(local), TILE_BACKUP_KEY=keys["key"]
    )
    assert check.returncode == 0 and check.stdout.startswith("backup OK:"), check.stdout + check.stderr
    assert leftovers(local) == [] and leftovers(offsite) == []


def doctor(db, **env):
    out = tile("doctor", db, **env)
    levels = re.findall(r"^(OK|WARN|FAIL) +(\w+):", out.stdout, re.M)
    return out, levels


def test_doctor_reports_on_the_test_database(drill, source_db):
    out, levels = doctor(source_db, TILE_BACKUP_DIR=drill["backups"])
    print(f"\n./tile doctor {source_db}:\n{out.stdout}{out.stderr}")
    topics = {topic for _level, topic in levels}
    assert {
        "database",
        "odoo",
        "modules",
        "cron",
        "backup",
        "disk",
        "maintenance",
        "http",
    } <= topics, out.stdout
    assert ("OK", "database") in levels and ("OK", "odoo") in levels
    assert re.search(
        rf"^OK +backup: newest {re.escape(source_db)}-\d{{8}}T\d{{6}}Z", out.stdout, re.M
    ), out.stdout
    assert re.search(r"^doctor: \d+ OK, \d+ WARN, \d+ FAIL$", out.stdout, re.M)
    assert out.returncode == (1 if any(level == "FAIL" for level, _ in levels) else 0)


def test_doctor_finds_what_is_wrong(drill, tmp_path):
    db = drill["restored"]
    query(
        db,
        "UPDATE ir_cron SET nextcall = now() - interval '3 days', failure_count = 3,"
        " first_failure_date = now() - interval '1 day'"
        " WHERE id = (SELECT min(id) FROM ir_cron WHERE active)",
        fetch=False,
    )
    query(db, "UPDATE ir_module_module SET state = 'to upgrade' WHERE name = 'base'", fetch=False)
    has_mail = query(db, "SELECT to_regclass('mail_mail') IS NOT NULL")[0][0]
    if has_mail:
        message = query(
            db, "INSERT INTO mail_message (message_type, body) VALUES ('email', 'drill') RETURNING id"
        )
        query(db, "INSERT INTO mail_mail (mail_message_id, state, failure_reason) VALUES (%s, 'exception',"
              " 'drill: mail server refused')", (message[0][0],), fetch=False)  # fmt: skip
    empty = tmp_path / "no-backups"
    empty.mkdir()
    out, levels = doctor(db, TILE_BACKUP_DIR=str(empty))
    assert out.returncode == 1, out.stdout
    assert ("FAIL", "cron") in levels and ("WARN", "cron") in levels, out.stdout
    assert re.search(r"^FAIL +modules: to upgrade: base", out.stdout, re.M), out.stdout
    assert re.search(rf"^FAIL +backup: no backup of '{re.escape(db)}'", out.stdout, re.M)
    assert "→ ./tile backup" in out.stdout, "says what to do"
    if has_mail:
        assert re.search(
            r"^WARN +mail: \d+ e-mails failed to send .*drill: mail server refused", out.stdout, re.M
        )
