"""Encrypted backups of a tile suite database and their restore.

A backup is one age-encrypted tar stream holding manifest.json, database.dump (pg_dump,
custom format) and filestore.tar.gz (Odoo's filestore folder of that database). The dump,
the record counts and the list of attachments come from one exported snapshot, so the counts
in the manifest are exactly what the dump holds. age authenticates every chunk: a changed
byte or a wrong key stops the restore before anything is created.

Run through ./tile backup and ./tile restore (scripts/backup.sh), which set the TILE_*
environment read below; docs/operations.md describes the commands and settings.
"""

import argparse
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tarfile
import tempfile
import time

import psycopg2
from psycopg2 import extensions, sql

FORMAT = "tile-backup/1"
SUFFIX = ".tile-backup.age"
# Odoo's own rule for database names (web/controllers/database.py): also keeps names from
# being read as libpq connection strings by pg_dump/pg_restore.
DBNAME = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9_.-]+$")
BACKUP_NAME = re.compile(r"^(?P<db>.+)-(?P<stamp>\d{8}T\d{6}Z)" + re.escape(SUFFIX) + "$")
STAMP = "%Y%m%dT%H%M%SZ"
KEY_TABLES = (
    "res_partner",
    "sale_order",
    "sale_order_line",
    "stock_lot",
    "stock_move",
    "account_move",
    "ir_attachment",
)
MANIFEST = "manifest.json"
DUMP = "database.dump"
FILESTORE = "filestore.tar.gz"
PARTS = (DUMP, FILESTORE)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
CHUNK = 1 << 20


class Refused(Exception):
    """An expected refusal: printed as one line, exit code 1, nothing left behind."""


def say(message):
    print(f"tile: {message}", file=sys.stderr, flush=True)


def human(size):
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size:.1f} TB"  # pragma: no cover


def utcnow():
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


class Settings:
    """The TILE_* environment (scripts/common.sh fills in the defaults)."""

    def __init__(self, env=os.environ):
        home = env.get("TILE_HOME") or os.path.expanduser("~/.local/share/tile-suite")
        self.repo_dir = env.get("REPO_DIR") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        self.data_dir = env.get("TILE_DATA_DIR") or os.path.join(home, "filestore")
        self.backup_dir = env.get("TILE_BACKUP_DIR") or os.path.join(home, "backups")
        self.odoo_path = env.get("ODOO_PATH", "")
        self.db_host = env.get("TILE_DB_HOST", "127.0.0.1")
        self.db_port = env.get("TILE_DB_PORT", "5432")
        self.db_user = env.get("TILE_DB_USER", "odoo")
        self.db_password = env.get("TILE_DB_PASSWORD", "odoo")
        self.sslmode = env.get("TILE_DB_SSLMODE") or "prefer"
        self.default_db = env.get("TILE_BACKUP_DB") or env.get("TILE_DEMO_DB") or "tile_demo"
        self.key = env.get("TILE_BACKUP_KEY", "")
        self.recipient = env.get("TILE_BACKUP_RECIPIENT", "")
        self.keep_days = float(env.get("TILE_BACKUP_KEEP_DAYS") or 14)
        self.weekday = weekday_number(env.get("TILE_BACKUP_WEEKDAY") or "sun")
        self.offsite = env.get("TILE_BACKUP_OFFSITE", "")
        self.offsite_keep = int(env.get("TILE_BACKUP_OFFSITE_KEEP") or 8)
        self.jobs = max(1, min(4, os.cpu_count() or 1))

    def filestore(self, db):
        return os.path.join(self.data_dir, "filestore", db)

    def pg_env(self, db=None):
        """A clean libpq environment: the suite's settings only (as scripts/common.sh)."""
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "PGHOST": self.db_host,
            "PGPORT": str(self.db_port),
            "PGUSER": self.db_user,
            "PGPASSWORD": self.db_password,
            "PGSSLMODE": self.sslmode,
            "PGCONNECT_TIMEOUT": "10",
            "PGAPPNAME": "tile-backup",
        }
        if db:
            env["PGDATABASE"] = db
        return env

    def connect(self, db):
        try:
            return psycopg2.connect(
                host=self.db_host,
                port=self.db_port,
                user=self.db_user,
                password=self.db_password,
                dbname=db,
                sslmode=self.sslmode,
                connect_timeout=10,
                application_name="tile-backup",
            )
        except psycopg2.OperationalError as error:
            first = str(error).strip().splitlines()[0] if str(error).strip() else error.__class__.__name__
            raise Refused(
                f"cannot connect to the database '{db}' at {self.db_host}:{self.db_port}: {first}"
            ) from None


def weekday_number(value):
    """1 (Monday) .. 7 (Sunday), from a number or an English day name."""
    text = str(value).strip().lower()
    if text.isdigit() and 1 <= int(text) <= 7:
        return int(text)
    if text[:3] in WEEKDAYS:
        return WEEKDAYS.index(text[:3]) + 1
    raise SystemExit(f"tile: error: TILE_BACKUP_WEEKDAY={value!r}: give 1-7 (Monday = 1) or a day name.")


def check_dbname(name):
    if not DBNAME.match(name or ""):
        raise Refused(f"'{name}' is not a valid database name (letters, digits, _ . -; Odoo's rule)")


def need(tool):
    if not shutil.which(tool):
        hint = " (./tile setup installs it)" if tool in ("age", "age-keygen") else ""
        raise Refused(f"'{tool}' is not installed{hint}")


# ---------------------------------------------------------------------------------------
# Keys: the operator's age key pair. Backups need the public part only (the recipient);
# restores need the private part (the identity). Neither may live where a copy of the
# backups or of the repository would carry it.
# ---------------------------------------------------------------------------------------


def inside(path, folder):
    if not folder:
        return False
    real, base = os.path.realpath(path), os.path.realpath(folder)
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def check_key_place(settings, path, what, db=None):
    if not os.path.isfile(path):
        raise Refused(f"the {what} {path} is not a readable file")
    places = [(settings.repo_dir, "the repository"), (settings.backup_dir, "the backup folder")]
    if db:
        places.append((settings.filestore(db), "the filestore that is backed up"))
    for folder, why in places:
        if inside(path, folder):
            raise Refused(
                f"the {what} {path} is inside {why}: keep keys outside it "
                "(e.g. /etc/tile/, mode 600; see docs/operations.md)"
            )


def public_key_of(identity):
    need("age-keygen")
    out = subprocess.run(["age-keygen", "-y", identity], capture_output=True, text=True, check=False)
    if out.returncode != 0 or not out.stdout.startswith("age1"):
        raise Refused(
            f"cannot read a public key from {identity}: {out.stderr.strip() or 'not an age identity'}"
        )
    return out.stdout.split()[0]


def recipient_args(settings, db):
    """age's -r/-R arguments for encrypting, from TILE_BACKUP_RECIPIENT or TILE_BACKUP_KEY."""
    recipient = settings.recipient.strip()
    if recipient.startswith(("age1", "ssh-ed25519 ", "ssh-rsa ")):
        return ["-r", recipient]
    if recipient:
        check_key_place(settings, recipient, "recipient file", db)
        with open(recipient, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
        if "AGE-SECRET-KEY-" in text:
            say(
                f"warning: {recipient} holds a private key; the backup host only needs the public "
                "one (age-keygen -y KEY > recipient.txt)"
            )
            return ["-r", public_key_of(recipient)]
        return ["-R", recipient]
    if settings.key:
        check_key_place(settings, settings.key, "key file", db)
        return ["-r", public_key_of(settings.key)]
    raise Refused(
        "no encryption key: set TILE_BACKUP_RECIPIENT (a public key age1... or a recipients file) "
        "or TILE_BACKUP_KEY (an age identity file), or give --recipient/--key; see docs/operations.md"
    )


def identity_path(settings):
    if not settings.key:
        raise Refused("no decryption key: set TILE_BACKUP_KEY or give --key (the age identity file)")
    check_key_place(settings, settings.key, "key file")
    if os.stat(settings.key).st_mode & 0o077:
        say(f"warning: {settings.key} is readable by other users: chmod 600 {settings.key}")
    return settings.key


# ---------------------------------------------------------------------------------------
# What a database holds: versions and record counts (read inside the dump's snapshot).
# ---------------------------------------------------------------------------------------


def table_counts(cur):
    """{table: rows} for the key tables and every tile_* table that exists."""
    cur.execute(
        """SELECT table_name FROM information_schema.tables
           WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
             AND (table_name = ANY(%s) OR table_name LIKE 'tile\\_%%')
           ORDER BY table_name""",
        (list(KEY_TABLES),),
    )
    counts = {}
    for (table,) in cur.fetchall():
        cur.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table)))
        counts[table] = cur.fetchone()[0]
    return counts


def odoo_source_version(odoo_path):
    """The Odoo tree's version (odoo/release.py) and commit, when this machine has one."""
    release = os.path.join(odoo_path or "", "odoo", "release.py")
    if not os.path.isfile(release):
        return None
    with open(release, encoding="utf-8") as handle:
        match = re.search(r"^version_info = (\(.*\))$", handle.read(), re.M)
    version = None
    if match:
        parts = match.group(1).strip("()").split(",")
        version = f"{parts[0].strip()}.{parts[1].strip()}"
    commit = subprocess.run(
        ["git", "-C", odoo_path, "log", "-1", "--format=%h %cs"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return {"series": version, "commit": commit or None}


def describe(cur, settings):
    cur.execute("SELECT to_regclass('ir_module_module') IS NOT NULL")
    if not cur.fetchone()[0]:
        raise Refused(f"'{cur.connection.info.dbname}' is not an Odoo database (no ir_module_module)")
    cur.execute(
        """SELECT pg_encoding_to_char(encoding), datcollate, datctype
           FROM pg_database WHERE datname = current_database()"""
    )
    encoding, collate, ctype = cur.fetchone()
    cur.execute(
        """SELECT name, latest_version FROM ir_module_module
           WHERE state IN ('installed', 'to upgrade', 'to remove') ORDER BY name"""
    )
    modules = dict(cur.fetchall())
    return {
        "format": FORMAT,
        "database": cur.connection.info.dbname,
        "created_utc": utcnow().strftime(STAMP),
        "host": socket.gethostname(),
        "postgresql": {
            "server": cur.connection.info.server_version,
            "encoding": encoding,
            "collate": collate,
            "ctype": ctype,
        },
        "odoo": {"base": modules.get("base"), "source": odoo_source_version(settings.odoo_path)},
        "tile_modules": {name: version for name, version in modules.items() if name.startswith("tile_")},
        "installed_modules": modules,
        "counts": table_counts(cur),
    }


def referenced_files(cur):
    cur.execute("SELECT DISTINCT store_fname FROM ir_attachment WHERE store_fname IS NOT NULL")
    return {row[0] for row in cur.fetchall()}


# ---------------------------------------------------------------------------------------
# Backup
# ---------------------------------------------------------------------------------------


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def pack_filestore(folder, target):
    """filestore.tar.gz of the folder's regular files; a file Odoo deletes meanwhile is skipped."""
    files = size = 0
    packed = set()
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        if os.path.isdir(folder):
            for root, dirs, names in os.walk(folder):
                dirs.sort()
                for name in sorted(names):
                    path = os.path.join(root, name)
                    rel = os.path.relpath(path, folder)
                    if os.path.islink(path) or not os.path.isfile(path):
                        continue
                    try:
                        info = tar.gettarinfo(path, arcname=rel)
                        with open(path, "rb") as handle:
                            tar.addfile(info, handle)
                    except FileNotFoundError:
                        continue
                    files += 1
                    size += info.size
                    packed.add(rel.replace(os.sep, "/"))
    return files, size, packed


def run(cmd, env=None, what=None):
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        lines = [line for line in out.stderr.strip().splitlines() if line.strip()]
        raise Refused(f"{what or cmd[0]} failed: {' / '.join(lines[-3:]) or f'exit code {out.returncode}'}")
    return out


def backup(settings, db):
    """Writes <db>-<UTC stamp>.tile-backup.age into the backup folder; returns its path."""
    check_dbname(db)
    recipients = recipient_args(settings, db)
    for tool in ("pg_dump", "age"):
        need(tool)
    os.makedirs(settings.backup_dir, mode=0o700, exist_ok=True)
    final = os.path.join(settings.backup_dir, f"{db}-{utcnow().strftime(STAMP)}{SUFFIX}")
    if os.path.exists(final):
        raise Refused(f"{final} exists already (one backup per second)")
    partial = os.path.join(settings.backup_dir, f".{os.path.basename(final)}.partial")
    work = tempfile.mkdtemp(prefix=".tile-backup-", dir=settings.backup_dir)
    started = time.monotonic()
    try:
        conn = settings.connect(db)
        try:
            # One snapshot for the dump, the counts and the list of files the dump refers to.
            conn.set_session(isolation_level=extensions.ISOLATION_LEVEL_REPEATABLE_READ, readonly=True)
            cur = conn.cursor()
            cur.execute("SELECT pg_export_snapshot()")
            snapshot = cur.fetchone()[0]
            manifest = describe(cur, settings)
            tick = time.monotonic()
            dump = os.path.join(work, DUMP)
            run(
                ["pg_dump", "--format=custom", f"--snapshot={snapshot}", "--file", dump],
                env=settings.pg_env(db),
                what="pg_dump",
            )
            say(f"database '{db}' dumped: {human(os.path.getsize(dump))} in {time.monotonic() - tick:.1f} s")
            referenced = referenced_files(cur)
            tick = time.monotonic()
            # Packed while the snapshot is held: files are only added meanwhile, and Odoo's
            # garbage collector keeps a file until its attachment's deletion is committed.
            files, size, packed = pack_filestore(settings.filestore(db), os.path.join(work, FILESTORE))
            conn.rollback()
        finally:
            conn.close()
        missing = sorted(referenced - packed)
        if missing:
            say(f"warning: {len(missing)} attachment files are referenced but absent from the filestore")
        say(
            f"filestore: {files} files, {human(size)}"
            f" → {human(os.path.getsize(os.path.join(work, FILESTORE)))}"
            f" in {time.monotonic() - tick:.1f} s"
        )
        manifest["filestore"] = {"files": files, "bytes": size, "missing_referenced": len(missing)}
        manifest["parts"] = {
            part: {
                "sha256": sha256_of(os.path.join(work, part)),
                "bytes": os.path.getsize(os.path.join(work, part)),
            }
            for part in PARTS
        }
        with open(os.path.join(work, MANIFEST), "w", encoding="utf-8") as handle:
            json.dump(manifest, handle, indent=1, sort_keys=True)
        encrypt(work, recipients, partial)
        os.replace(partial, final)
        fsync_dir(settings.backup_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if os.path.exists(partial):
            os.unlink(partial)
    say(f"backup written: {final} ({human(os.path.getsize(final))}) in {time.monotonic() - started:.1f} s")
    return final


def encrypt(work, recipients, target):
    """The manifest, then the parts, as one tar stream through age into target (mode 600)."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        age = subprocess.Popen(
            ["age", "--encrypt", *recipients], stdin=subprocess.PIPE, stdout=out, stderr=subprocess.PIPE
        )
        try:
            with tarfile.open(fileobj=age.stdin, mode="w|", format=tarfile.PAX_FORMAT) as tar:
                for name in (MANIFEST, *PARTS):
                    info = tarfile.TarInfo(name)
                    info.size = os.path.getsize(os.path.join(work, name))
                    info.mtime = int(time.time())
                    info.mode = 0o600
                    with open(os.path.join(work, name), "rb") as handle:
                        tar.addfile(info, handle)
            age.stdin.close()
        except BrokenPipeError:
            pass  # age stopped reading: its exit code and message below say why
        except BaseException:
            age.kill()
            age.wait()
            raise
        err = age.stderr.read().decode(errors="replace").strip()
        if age.wait() != 0:
            raise Refused(f"age could not encrypt: {err}")
        out.flush()
        os.fsync(out.fileno())


def fsync_dir(folder):
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# ---------------------------------------------------------------------------------------
# Restore
# ---------------------------------------------------------------------------------------


def drain(stream):
    while stream.read(CHUNK):
        pass


def unpack(archive, identity, work):
    """Decrypts archive into work and checks every part against the manifest; returns it.

    age stops with an error at the first chunk that fails authentication, so a wrong key,
    a changed byte or a cut file ends here, before any database is touched."""
    need("age")
    age = subprocess.Popen(
        ["age", "--decrypt", "-i", identity, archive], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    digests, problem = {}, None
    try:
        with tarfile.open(fileobj=age.stdout, mode="r|") as tar:
            for member in tar:
                if member.name not in (MANIFEST, *PARTS) or not member.isfile() or member.name in digests:
                    raise Refused(f"unexpected entry {member.name!r} in the backup")
                digest = hashlib.sha256()
                source = tar.extractfile(member)
                with open(os.path.join(work, member.name), "wb") as out:
                    for block in iter(lambda src=source: src.read(CHUNK), b""):
                        digest.update(block)
                        out.write(block)
                digests[member.name] = digest.hexdigest()
        drain(age.stdout)
    except (tarfile.TarError, EOFError) as error:
        # Read age's output to its end: when age itself failed, its message is the one to give.
        problem = str(error) or error.__class__.__name__
        drain(age.stdout)
    except BaseException:
        age.kill()
        raise
    finally:
        err = age.stderr.read().decode(errors="replace").strip() if age.stderr else ""
        code = age.wait()
    if code != 0:
        reason = err.splitlines()[0] if err else f"age exit code {code}"
        raise Refused(f"the backup does not decrypt with this key or was altered ({reason})")
    if problem:
        raise Refused(f"the backup's content is damaged ({problem})")
    if MANIFEST not in digests:
        raise Refused("the backup has no manifest")
    with open(os.path.join(work, MANIFEST), encoding="utf-8") as handle:
        manifest = json.load(handle)
    if manifest.get("format") != FORMAT:
        raise Refused(f"unknown backup format {manifest.get('format')!r} (this tool reads {FORMAT})")
    for part in PARTS:
        want = manifest["parts"][part]["sha256"]
        if digests.get(part) != want:
            raise Refused(
                f"checksum mismatch for {part}: manifest {want[:12]}…, backup {str(digests.get(part))[:12]}…"
            )
    return manifest


def extract_filestore(archive, target):
    """Unpacks filestore.tar.gz into target (created here); regular files under it only."""
    files = size = 0
    os.makedirs(target, mode=0o700)
    base = os.path.realpath(target)
    with tarfile.open(archive, "r:gz") as tar:
        for member in tar:
            dest = os.path.realpath(os.path.join(base, member.name))
            if not member.isfile() or not dest.startswith(base + os.sep):
                raise Refused(f"unexpected filestore entry {member.name!r}")
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            with tar.extractfile(member) as source, open(dest, "wb") as out:
                shutil.copyfileobj(source, out, CHUNK)
            files += 1
            size += member.size
    return files, size


def give_to_filestore_owner(target):
    """As root (the Docker backup service), hand restored files to the user that owns the
    filestore folder, i.e. the one Odoo runs as."""
    if os.geteuid() != 0:
        return
    parent = os.stat(os.path.dirname(target))
    os.chown(target, parent.st_uid, parent.st_gid)
    for root, dirs, names in os.walk(target):
        for name in dirs + names:
            os.chown(os.path.join(root, name), parent.st_uid, parent.st_gid)


def database_exists(settings, name):
    conn = settings.connect("postgres")
    try:
        cur = conn.cursor()
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
        return cur.fetchone() is not None
    finally:
        conn.close()


def admin_sql(settings, statement):
    conn = settings.connect("postgres")
    conn.autocommit = True
    try:
        conn.cursor().execute(statement)
    finally:
        conn.close()


def create_database(settings, name, manifest):
    pg = manifest.get("postgresql", {})
    statement = sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING {} LC_COLLATE {} LC_CTYPE {}").format(
        sql.Identifier(name),
        sql.Literal(pg.get("encoding") or "UTF8"),
        sql.Literal(pg.get("collate") or "C"),
        sql.Literal(pg.get("ctype") or "C"),
    )
    try:
        admin_sql(settings, statement)
    except psycopg2.Error as error:
        raise Refused(f"cannot create the database '{name}': {str(error).strip().splitlines()[0]}") from None


def drop_database(settings, name):
    admin_sql(settings, sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def compare_counts(want, have):
    problems = [
        f"{table}: {want.get(table, 'absent')} in the backup, {have.get(table, 'absent')} restored"
        for table in sorted(set(want) | set(have))
        if want.get(table) != have.get(table)
    ]
    return problems


def verify_restored(settings, db, manifest, files, size):
    conn = settings.connect(db)
    try:
        cur = conn.cursor()
        counts = table_counts(cur)
        cur.execute(
            "SELECT name, latest_version FROM ir_module_module "
            "WHERE state IN ('installed', 'to upgrade', 'to remove') ORDER BY name"
        )
        modules = dict(cur.fetchall())
        referenced = referenced_files(cur)
        conn.commit()
        # pg_restore does not carry the planner's statistics over.
        conn.autocommit = True
        cur.execute("ANALYZE")
    finally:
        conn.close()
    problems = compare_counts(manifest["counts"], counts)
    if modules != manifest["installed_modules"]:
        problems.append("installed modules differ from the manifest")
    store = manifest["filestore"]
    if (files, size) != (store["files"], store["bytes"]):
        problems.append(
            f"filestore: {files} files / {size} bytes restored, manifest {store['files']} / {store['bytes']}"
        )
    target = settings.filestore(db)
    missing = sum(1 for name in referenced if not os.path.isfile(os.path.join(target, name)))
    if missing > store.get("missing_referenced", 0):
        problems.append(
            f"{missing} attachment files referenced by the database are missing from the filestore"
        )
    return counts, problems


def restore(settings, archive, newdb=None, check_only=False):
    """Restores archive into a new database (and its filestore); drops both on any failure."""
    identity = identity_path(settings)
    if not os.path.isfile(archive):
        raise Refused(f"{archive}: no such backup file")
    if newdb is not None and not check_only:
        refuse_target(settings, newdb)
    for tool in ("age", "pg_restore"):
        need(tool)
    os.makedirs(settings.backup_dir, mode=0o700, exist_ok=True)
    work = tempfile.mkdtemp(prefix=".tile-restore-", dir=settings.backup_dir)
    created_db = created_store = None
    started = time.monotonic()
    try:
        manifest = unpack(archive, identity, work)
        say(
            f"decrypted and checked in {time.monotonic() - started:.1f} s: database '{manifest['database']}'"
            f" taken {manifest['created_utc']}, Odoo {manifest['odoo']['base']},"
            f" {len(manifest['tile_modules'])} tile modules; sha256 of {', '.join(PARTS)} match the manifest"
        )
        if check_only:
            print(
                f"backup OK: {archive} decrypts and every checksum matches"
                f" ({len(manifest['counts'])} tables counted)"
            )
            return manifest
        newdb = newdb or f"{manifest['database']}_restored_{manifest['created_utc'].lower()}"
        refuse_target(settings, newdb)
        tick = time.monotonic()
        create_database(settings, newdb, manifest)
        created_db = newdb
        run(
            ["pg_restore", "--no-owner", "--no-acl", "--exit-on-error", f"--jobs={settings.jobs}",
             "--dbname", newdb, os.path.join(work, DUMP)],
            env=settings.pg_env(),
            what="pg_restore",
        )  # fmt: skip
        say(f"database '{newdb}' restored in {time.monotonic() - tick:.1f} s")
        target = settings.filestore(newdb)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        created_store = target
        files, size = extract_filestore(os.path.join(work, FILESTORE), target)
        give_to_filestore_owner(target)
        counts, problems = verify_restored(settings, newdb, manifest, files, size)
        if problems:
            raise Refused("the restored database differs from the manifest: " + "; ".join(problems[:10]))
    except BaseException as error:
        if created_db:
            drop_database(settings, created_db)
        if created_store:
            shutil.rmtree(created_store, ignore_errors=True)
        if isinstance(error, Refused) and (created_db or created_store):
            raise Refused(f"{error}; dropped what was created ('{created_db}')") from None
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"restore OK: '{newdb}' from {os.path.basename(archive)} in {time.monotonic() - started:.1f} s:"
        f" checksums verified, {len(counts)} tables match the manifest"
        f" ({', '.join(f'{t} {counts[t]}' for t in KEY_TABLES if t in counts)}), {files} files in {target}"
    )
    return manifest


def refuse_target(settings, name):
    check_dbname(name)
    if database_exists(settings, name):
        raise Refused(f"the database '{name}' exists: restore into a new name")
    if os.path.exists(settings.filestore(name)):
        raise Refused(
            f"a filestore for '{name}' exists at {settings.filestore(name)}: remove it or choose another name"
        )


# ---------------------------------------------------------------------------------------
# Retention and the weekly off-site copy
# ---------------------------------------------------------------------------------------


def backups_of(folder, db):
    """[(UTC time, file name)] of db's backups in folder, oldest first."""
    found = []
    for name in os.listdir(folder) if os.path.isdir(folder) else []:
        match = BACKUP_NAME.match(name)
        if match and match.group("db") == db:
            stamp = dt.datetime.strptime(match.group("stamp"), STAMP).replace(tzinfo=dt.timezone.utc)
            found.append((stamp, name))
    return sorted(found)


def prune(settings, db, now):
    """Deletes db's local backups older than TILE_BACKUP_KEEP_DAYS, never the newest one."""
    found = backups_of(settings.backup_dir, db)
    for stamp, name in found:
        days = (now - stamp).total_seconds() / 86400
        if days > settings.keep_days and name != found[-1][1]:
            os.unlink(os.path.join(settings.backup_dir, name))
            print(f"deleted: {name} ({days:.1f} days old, keeping {settings.keep_days:g} days)")
        else:
            print(f"kept: {name} ({days:.1f} days old)")
    # Leftovers of an interrupted run (work folders, unfinished files) older than a day.
    for name in os.listdir(settings.backup_dir):
        path = os.path.join(settings.backup_dir, name)
        if name.startswith((".tile-backup-", ".tile-restore-")) or name.endswith(".partial"):
            if time.time() - os.lstat(path).st_mtime > 86400:
                shutil.rmtree(path) if os.path.isdir(path) else os.unlink(path)
                print(f"deleted: {name} (left by an interrupted run)")
    return found[-1][1] if found else None


def push_offsite(settings, db, name):
    """Copies the backup to TILE_BACKUP_OFFSITE (a folder, or rclone:REMOTE:PATH)."""
    source = os.path.join(settings.backup_dir, name)
    target = settings.offsite
    if target.startswith("rclone:"):
        need("rclone")
        remote = target[len("rclone:") :].rstrip("/")
        run(
            ["rclone", "copyto", "--checksum", source, f"{remote}/{name}"],
            env=dict(os.environ),
            what="rclone copyto",
        )
        listing = run(
            ["rclone", "lsjson", f"{remote}/{name}"], env=dict(os.environ), what="rclone lsjson"
        ).stdout
        if not any(entry.get("Size") == os.path.getsize(source) for entry in json.loads(listing or "[]")):
            raise Refused(f"rclone reports no copy of {name} of the right size at {remote}")
        print(f"pushed: {name} -> {remote}/{name}")
        return
    os.makedirs(target, mode=0o700, exist_ok=True)
    dest = os.path.join(target, name)
    if (
        os.path.isfile(dest)
        and os.path.getsize(dest) == os.path.getsize(source)
        and sha256_of(dest) == sha256_of(source)
    ):
        print(f"pushed: {name} is already at {target}")
    else:
        partial = os.path.join(target, f".{name}.partial")
        try:
            shutil.copyfile(source, partial)
            with open(partial, "rb") as handle:
                os.fsync(handle.fileno())
            if sha256_of(partial) != sha256_of(source):
                raise Refused(f"the copy at {partial} differs from {source}")
            os.chmod(partial, 0o600)
            os.replace(partial, dest)
            fsync_dir(target)
        finally:
            if os.path.exists(partial):
                os.unlink(partial)
        print(f"pushed: {name} -> {dest}")
    if os.stat(target).st_dev == os.stat(settings.backup_dir).st_dev:
        say(f"warning: {target} is on the same file system as {settings.backup_dir}: not off-site")
    copies = backups_of(target, db)
    for _stamp, old in copies[: max(0, len(copies) - settings.offsite_keep)]:
        os.unlink(os.path.join(target, old))
        print(f"deleted off-site: {old} (keeping the newest {settings.offsite_keep})")


def retention(settings, db, weekly=False):
    now = utcnow()
    newest = prune(settings, db, now)
    today = dt.datetime.now().isoweekday()
    due = weekly or today == settings.weekday
    if not settings.offsite:
        print("off-site: not configured (set TILE_BACKUP_OFFSITE to a folder or rclone:REMOTE:PATH)")
    elif not due:
        print(f"off-site: next copy on {WEEKDAYS[settings.weekday - 1].title()} (--weekly copies now)")
    elif not newest:
        raise Refused(f"no backup of '{db}' in {settings.backup_dir} to copy off-site")
    else:
        push_offsite(settings, db, newest)


# ---------------------------------------------------------------------------------------


def parse(argv):
    parser = argparse.ArgumentParser(prog="tile", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    bak = sub.add_parser("backup", help="back up a database (default TILE_BACKUP_DB or TILE_DEMO_DB)")
    bak.add_argument("db", nargs="?")
    mode = bak.add_mutually_exclusive_group()
    mode.add_argument(
        "--nightly", action="store_true", help="backup, retention, off-site copy on its weekday"
    )
    mode.add_argument("--weekly", action="store_true", help="as --nightly, and the off-site copy now")
    mode.add_argument(
        "--retention", action="store_true", help="retention and off-site copy only, no new backup"
    )
    bak.add_argument("--recipient", help="age public key or recipients file (TILE_BACKUP_RECIPIENT)")
    bak.add_argument("--key", help="age identity file (TILE_BACKUP_KEY); its public key encrypts")
    res = sub.add_parser("restore", help="restore a backup into a new database")
    res.add_argument("file")
    res.add_argument("newdb", nargs="?")
    res.add_argument("--key", help="age identity file (TILE_BACKUP_KEY)")
    res.add_argument("--check", action="store_true", help="decrypt and verify only, create nothing")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse(sys.argv[1:] if argv is None else argv)
    settings = Settings()
    if getattr(args, "key", None):
        settings.key = args.key
    if getattr(args, "recipient", None):
        settings.recipient = args.recipient
    # A stop (Ctrl-C, docker stop) unwinds through the clean-ups like an error.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        if args.command == "restore":
            restore(settings, args.file, args.newdb, check_only=args.check)
            return 0
        db = args.db or settings.default_db
        if not args.retention:
            print(backup(settings, db), flush=True)
        if args.nightly or args.weekly or args.retention:
            check_dbname(db)
            retention(settings, db, weekly=args.weekly)
        return 0
    except Refused as error:
        verdict = "restore REFUSED" if args.command == "restore" else "backup FAILED"
        print(f"{verdict}: {error}", flush=True)
        return 1
    except OSError as error:  # disk full, a folder not writable...
        verdict = "restore REFUSED" if args.command == "restore" else "backup FAILED"
        print(f"{verdict}: {error}; what was being created has been removed", flush=True)
        return 1
    except KeyboardInterrupt:
        print("interrupted: what was being created has been removed", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
