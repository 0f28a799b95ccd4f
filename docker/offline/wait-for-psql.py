#!/usr/bin/env python3
"""Wait until the database server accepts a connection (stand-in image, this project's own).

The connection comes from Odoo's configuration ($ODOO_RC) where it sets it, else from the
--db_* arguments; exits 1 with the last error after --timeout seconds.
"""

import argparse
import configparser
import os
import sys
import time

import psycopg2

KEYS = ("db_host", "db_port", "db_user", "db_password", "db_sslmode")


def main():
    parser = argparse.ArgumentParser()
    for key in KEYS:
        parser.add_argument(f"--{key}")
    parser.add_argument("--timeout", type=int, default=30)
    args = parser.parse_args()
    config = configparser.RawConfigParser()
    config.read(os.environ.get("ODOO_RC", "/etc/odoo/odoo.conf"))
    options = dict(config.items("options")) if config.has_section("options") else {}
    value = {key: options.get(key) or getattr(args, key) for key in KEYS}
    deadline, error = time.monotonic() + args.timeout, None
    while time.monotonic() < deadline:
        try:
            psycopg2.connect(
                host=value["db_host"],
                port=value["db_port"],
                user=value["db_user"],
                password=value["db_password"],
                sslmode=value["db_sslmode"] or "prefer",
                dbname="postgres",
            ).close()
            return 0
        except psycopg2.OperationalError as exc:
            error = exc
            time.sleep(1)
    print(f"database not reachable: {error}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
