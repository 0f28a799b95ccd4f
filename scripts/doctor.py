"""./tile doctor [DB]: checks a running installation and prints what to fix.

One line per finding, OK / WARN / FAIL, then a summary; the exit code is 1 when a FAIL was
printed. Read-only: it never changes the database or the files. Settings are the TILE_*
environment that scripts/doctor.sh exports (docs/operations.md lists the thresholds).
"""

import ast
import configparser
import datetime as dt
import hashlib
import os
import shutil
import sys
import urllib.error
import urllib.request

from backup import Refused, Settings, backups_of, human, utcnow
from psycopg2 import sql

INTERVAL_HOURS = {"minutes": 1 / 60, "hours": 1, "days": 24, "weeks": 24 * 7, "months": 24 * 31}


class Report:
    def __init__(self):
        self.lines = []

    def add(self, level, topic, message, fix=None):
        self.lines.append(level)
        text = f"{level:<4}  {topic}: {message}"
        if fix:
            text += f"\n      → {fix}"
        print(text, flush=True)

    def summary(self):
        counts = {level: self.lines.count(level) for level in ("OK", "WARN", "FAIL")}
        print(f"doctor: {counts['OK']} OK, {counts['WARN']} WARN, {counts['FAIL']} FAIL")
        return 1 if counts["FAIL"] else 0


def env_float(name, default):
    return float(os.environ.get(name) or default)


def repo_manifests(repo_dir):
    """{module: version} of the tile modules in the repository."""
    found = {}
    for name in sorted(os.listdir(repo_dir)):
        path = os.path.join(repo_dir, name, "__manifest__.py")
        if name.startswith("tile_") and os.path.isfile(path):
            with open(path, encoding="utf-8") as handle:
                found[name] = ast.literal_eval(handle.read()).get("version", "")
    return found


def version_key(version):
    return tuple(int(part) if part.isdigit() else 0 for part in (version or "").split("."))


def module_fingerprint(repo_dir, module):
    """The fingerprint ./tile run stores (scripts/run.sh: module_hashes) for one module."""
    paths = []
    for root, dirs, names in os.walk(os.path.join(repo_dir, module)):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        paths += [os.path.join(root, n) for n in names if not n.endswith(".pyc")]
    listing = b""
    for path in sorted(os.path.relpath(p, repo_dir).encode() for p in paths):
        with open(os.path.join(repo_dir.encode(), path), "rb") as handle:
            listing += hashlib.sha256(handle.read()).hexdigest().encode() + b"  " + path + b"\n"
    return hashlib.sha256(listing).hexdigest()[:16]


def check_versions(report, cur, settings):
    source = None
    release = os.path.join(settings.odoo_path, "odoo", "release.py")
    if os.path.isfile(release):
        with open(release, encoding="utf-8") as handle:
            source = "18.0" if "version_info = (18, 0" in handle.read() else "not 18.0"
    cur.execute("SELECT latest_version FROM ir_module_module WHERE name = 'base'")
    base = (cur.fetchone() or [None])[0] or ""
    if not base.startswith("18.0.") or source == "not 18.0":
        report.add(
            "FAIL",
            "odoo",
            f"database base module {base or 'missing'}, code {source or 'not on this machine'}",
            "run the database with the Odoo 18.0 it was made with",
        )
    else:
        report.add(
            "OK",
            "odoo",
            f"Odoo 18.0 (base module {base}{', code at ' + settings.odoo_path if source else ''})",
        )

    cur.execute("SELECT name, latest_version, state FROM ir_module_module WHERE name LIKE 'tile\\_%'")
    installed = {name: (version, state) for name, version, state in cur.fetchall()}
    pending, newer, fine = [], [], []
    for module, version in repo_manifests(settings.repo_dir).items():
        have, state = installed.get(module, (None, "uninstalled"))
        if state != "installed":
            continue
        want = version if version.startswith("18.0.") else f"18.0.{version}"
        if version_key(have) < version_key(want):
            pending.append(f"{module} {have} → {want}")
        elif version_key(have) > version_key(want):
            newer.append(f"{module} {have} (code {want})")
        else:
            fine.append(f"{module} {have}")
    if pending:
        report.add(
            "WARN",
            "modules",
            "pending updates: " + ", ".join(pending),
            f"update them: odoo -d {cur.connection.info.dbname} -u {','.join(p.split()[0] for p in pending)}"
            " --stop-after-init (./tile run does it for the demo)",
        )
    if newer:
        report.add(
            "FAIL",
            "modules",
            "the database is newer than the code: " + ", ".join(newer),
            "deploy the code the database was updated with",
        )
    if fine and not pending and not newer:
        report.add(
            "OK",
            "modules",
            f"{len(fine)} tile modules installed at the repository's versions: " + ", ".join(fine),
        )
    check_fingerprints(report, cur, settings, installed)

    cur.execute(
        "SELECT state, string_agg(name, ', ' ORDER BY name) FROM ir_module_module "
        "WHERE state IN ('to upgrade', 'to install', 'to remove') GROUP BY state"
    )
    stuck = cur.fetchall()
    if stuck:
        report.add(
            "FAIL",
            "modules",
            "; ".join(f"{state}: {names}" for state, names in stuck)
            + " (Odoo's cron skips a database in this state)",
            "finish it: odoo -d DB -u <those modules> --stop-after-init, or Apps › Cancel",
        )
    else:
        report.add("OK", "modules", "none waiting to be installed, upgraded or removed")


def check_fingerprints(report, cur, settings, installed):
    """Code edited since the last update, for databases that ./tile run keeps up to date."""
    cur.execute("SELECT value FROM ir_config_parameter WHERE key = 'tile_suite.module_hashes'")
    row = cur.fetchone()
    if not row:
        return
    stored = dict(line.split(":", 1) for line in row[0].splitlines() if ":" in line)
    changed = [
        module
        for module in repo_manifests(settings.repo_dir)
        if installed.get(module, (None, ""))[1] == "installed"
        and stored.get(module) != module_fingerprint(settings.repo_dir, module)
    ]
    if changed:
        report.add(
            "WARN",
            "modules",
            "code changed since the last update: " + ", ".join(changed),
            "./tile run updates them before serving (or odoo -u them)",
        )


def check_crons(report, cur):
    now = utcnow().replace(tzinfo=None)
    cur.execute(
        "SELECT cron_name, nextcall, lastcall, interval_number, interval_type, failure_count,"
        " first_failure_date FROM ir_cron WHERE active ORDER BY nextcall"
    )
    crons = cur.fetchall()
    late, stalled, failing = [], [], []
    for name, nextcall, _lastcall, number, unit, failures, first_failure in crons:
        period = dt.timedelta(hours=INTERVAL_HOURS.get(unit, 24) * (number or 1))
        behind = now - nextcall
        if behind > period + dt.timedelta(days=1):
            stalled.append(f"{name} ({behind.days} d)")
        elif behind > max(period, dt.timedelta(hours=1)):
            late.append(f"{name} ({behind.total_seconds() / 3600:.0f} h)")
        if failures:
            failing.append(f"{name} ({failures}× since {first_failure:%Y-%m-%d %H:%M} UTC)")
    if stalled:
        report.add(
            "FAIL",
            "cron",
            f"{len(stalled)} of {len(crons)} active jobs overdue by more than a day: "
            + ", ".join(stalled[:5])
            + ("…" if len(stalled) > 5 else ""),
            "is Odoo running with cron workers (max_cron_threads ≥ 1)? see the server log",
        )
    elif late:
        report.add(
            "WARN",
            "cron",
            f"{len(late)} jobs late: " + ", ".join(late[:5]),
            "cron workers too busy or a long job: see the server log",
        )
    else:
        report.add("OK", "cron", f"{len(crons)} active jobs on time")
    if failing:
        report.add(
            "WARN",
            "cron",
            "failing: " + ", ".join(failing),
            "Settings › Technical › Scheduled Actions: run it by hand to see the error;"
            " Odoo disables a job after 5 failures over 7 days",
        )
    cur.execute(
        "SELECT c.active, c.lastcall FROM ir_cron c JOIN ir_model_data d"
        " ON d.model = 'ir.cron' AND d.res_id = c.id AND d.module = 'base' AND d.name = 'autovacuum_job'"
    )
    vacuum = cur.fetchone()
    if vacuum and (not vacuum[0] or not vacuum[1] or now - vacuum[1] > dt.timedelta(days=2)):
        report.add(
            "WARN",
            "cron",
            "Odoo's autovacuum job (old transient records, logs, sessions) "
            + ("is disabled" if not vacuum[0] else f"last ran {vacuum[1] or 'never'}"),
            "enable and run 'Base: Auto-vacuum internal data' (docs/operations.md, maintenance)",
        )


def check_mail(report, cur):
    cur.execute("SELECT to_regclass('mail_mail') IS NOT NULL")
    if not cur.fetchone()[0]:
        return
    cur.execute(
        "SELECT count(*), max(write_date),"
        " (array_agg(left(regexp_replace(failure_reason, '\\s+', ' ', 'g'), 120)"
        "  ORDER BY write_date DESC))[1]"
        " FROM mail_mail WHERE state = 'exception'"
    )
    failed, last, reason = cur.fetchone()
    cur.execute(
        "SELECT count(*) FROM mail_mail WHERE state = 'outgoing' AND create_date < now() - interval '1 hour'"
    )
    queued = cur.fetchone()[0]
    if failed:
        report.add(
            "WARN",
            "mail",
            f"{failed} e-mails failed to send (last {last:%Y-%m-%d %H:%M} UTC: {reason or 'no reason'})",
            "check the outgoing mail server (Settings › Technical › Emails, filter 'Failed'), then retry",
        )
    if queued:
        report.add(
            "WARN",
            "mail",
            f"{queued} e-mails waiting for more than an hour",
            "is the mail queue cron running and the mail server reachable?",
        )
    if not failed and not queued:
        report.add("OK", "mail", "no failed or stuck outgoing e-mails")


def check_backups(report, settings, db):
    found = backups_of(settings.backup_dir, db)
    warn_h, fail_h = (
        env_float("TILE_DOCTOR_BACKUP_WARN_HOURS", 26),
        env_float("TILE_DOCTOR_BACKUP_FAIL_HOURS", 48),
    )
    if not found:
        report.add(
            "FAIL",
            "backup",
            f"no backup of '{db}' in {settings.backup_dir}",
            f"./tile backup {db}, and schedule ./tile backup --nightly (docs/operations.md)",
        )
    else:
        stamp, name = found[-1]
        hours = (utcnow() - stamp).total_seconds() / 3600
        size = human(os.path.getsize(os.path.join(settings.backup_dir, name)))
        level = "FAIL" if hours > fail_h else "WARN" if hours > warn_h else "OK"
        report.add(
            level,
            "backup",
            f"newest {name} ({size}), {hours:.1f} h old, {len(found)} kept",
            None if level == "OK" else "the nightly backup did not run: check its timer/service log",
        )
    if not settings.offsite:
        report.add(
            "WARN",
            "backup",
            "no off-site copy configured (TILE_BACKUP_OFFSITE)",
            "set TILE_BACKUP_OFFSITE to a mounted remote folder or rclone:REMOTE:PATH",
        )
    elif not settings.offsite.startswith("rclone:"):
        copies = backups_of(settings.offsite, db)
        days = (utcnow() - copies[-1][0]).days if copies else None
        if days is None or days > 8:
            report.add(
                "WARN",
                "backup",
                f"off-site {settings.offsite}: "
                + ("no copy" if days is None else f"newest copy {days} days old"),
                "./tile backup --weekly copies the newest backup now",
            )
        else:
            report.add(
                "OK", "backup", f"off-site copy {copies[-1][1]} at {settings.offsite} ({days} days old)"
            )


def check_disk(report, cur, settings, db):
    cur.execute("SELECT pg_database_size(current_database())")
    db_size = cur.fetchone()[0]
    folders = {"filestore": settings.filestore(db), "backups": settings.backup_dir}
    try:
        cur.execute("SELECT current_setting('data_directory')")
        folders["PostgreSQL data"] = cur.fetchone()[0]
    except Exception:  # only superusers and pg_read_all_settings may read it
        cur.connection.rollback()
    seen = set()
    for label, folder in folders.items():
        path = folder
        while path and not os.path.exists(path):
            path = os.path.dirname(path)
        if not path or not os.access(path, os.R_OK):
            continue
        usage = shutil.disk_usage(path)
        device = os.stat(path).st_dev
        if device in seen:
            continue
        seen.add(device)
        free = usage.free / usage.total * 100
        level = "FAIL" if free < 5 or usage.free < 2e9 else "WARN" if free < 15 or usage.free < 10e9 else "OK"
        report.add(
            level,
            "disk",
            f"{label} ({path}): {human(usage.free)} free of {human(usage.total)} ({free:.0f} %)",
            None if level == "OK" else "free space: old backups, logs; or grow the volume",
        )
    report.add("OK", "disk", f"database '{db}' takes {human(db_size)}")


def check_maintenance(report, cur):
    cur.execute(
        "SELECT relname, n_dead_tup, n_live_tup, greatest(last_vacuum, last_autovacuum)"
        " FROM pg_stat_user_tables WHERE n_dead_tup > 10000 AND n_dead_tup > n_live_tup * 0.2"
        " ORDER BY n_dead_tup DESC LIMIT 5"
    )
    bloated = cur.fetchall()
    if bloated:
        report.add(
            "WARN",
            "maintenance",
            "dead rows waiting for vacuum: "
            + ", ".join(f"{name} {dead} dead / {live} live" for name, dead, live, _last in bloated),
            "VACUUM (ANALYZE) those tables, and check autovacuum is on (docs/operations.md)",
        )
    else:
        report.add("OK", "maintenance", "no table with many dead rows")
    # Wizard (transient) rows live an hour (transient_age_limit); many older ones mean that
    # Odoo's autovacuum job does not run.
    cur.execute(
        "SELECT replace(model, '.', '_') FROM ir_model WHERE transient"
        " AND to_regclass(replace(model, '.', '_')) IS NOT NULL"
    )
    old = 0
    for (table,) in cur.fetchall():
        cur.execute(
            sql.SQL("SELECT count(*) FROM {} WHERE create_date < now() - interval '1 day'").format(
                sql.Identifier(table)
            )
        )
        old += cur.fetchone()[0]
    if old > 1000:
        report.add(
            "WARN",
            "maintenance",
            f"{old} wizard (transient) records older than a day",
            "Odoo's autovacuum job removes them: check it runs (Scheduled Actions)",
        )
    else:
        report.add("OK", "maintenance", f"{old} wizard (transient) records older than a day")
    cur.execute("SELECT current_setting('autovacuum')")
    if cur.fetchone()[0] != "on":
        report.add(
            "FAIL", "maintenance", "PostgreSQL's autovacuum is off", "set autovacuum = on in postgresql.conf"
        )


def check_http(report):
    url = (
        os.environ.get("TILE_DOCTOR_URL")
        or f"http://127.0.0.1:{os.environ.get('TILE_HTTP_PORT', '8069')}/web/health"
    )
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            report.add("OK", "http", f"{url} answers {response.status}")
    except (urllib.error.URLError, OSError) as error:
        report.add(
            "WARN",
            "http",
            f"{url} does not answer ({getattr(error, 'reason', error)})",
            "start Odoo (./tile run, or the Docker odoo service), or set TILE_DOCTOR_URL",
        )


def check_config(report):
    path = os.environ.get("TILE_CONF", "")
    if not path or not os.access(path, os.R_OK):
        return
    parser = configparser.RawConfigParser()
    parser.read(path)
    options = dict(parser.items("options")) if parser.has_section("options") else {}
    problems = []
    if options.get("list_db", "True").strip().lower() not in ("false", "0"):
        problems.append("the database manager is on (list_db)")
    if options.get("admin_passwd", "admin") in ("admin", ""):
        problems.append("the master password is Odoo's default")
    if problems:
        report.add(
            "WARN",
            "config",
            f"{path}: " + "; ".join(problems),
            "for production: list_db = False and a strong admin_passwd (docs/operations.md)",
        )
    else:
        report.add("OK", "config", f"{path}: database manager off, master password set")


def main(argv):
    settings = Settings()
    db = argv[0] if argv else settings.default_db
    report = Report()
    try:
        conn = settings.connect(db)
    except Refused as error:
        report.add(
            "FAIL", "database", str(error), "start PostgreSQL, or check TILE_DB_* and the database name"
        )
        return report.summary()
    try:
        conn.set_session(readonly=True)
        cur = conn.cursor()
        cur.execute("SELECT to_regclass('ir_module_module') IS NOT NULL")
        if not cur.fetchone()[0]:
            report.add("FAIL", "database", f"'{db}' is not an Odoo database")
            return report.summary()
        cur.execute("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        ssl, tls = cur.fetchone() or (False, None)
        report.add(
            "OK",
            "database",
            f"'{db}' on {settings.db_host}:{settings.db_port}"
            f" (PostgreSQL {cur.connection.info.server_version // 10000},"
            f" {'SSL ' + tls if ssl else 'no SSL'})",
        )
        check_versions(report, cur, settings)
        check_crons(report, cur)
        check_mail(report, cur)
        check_backups(report, settings, db)
        check_disk(report, cur, settings, db)
        check_maintenance(report, cur)
    finally:
        conn.close()
    check_http(report)
    check_config(report)
    return report.summary()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
