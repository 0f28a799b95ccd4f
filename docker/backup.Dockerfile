# The backup service's image (compose.yaml, service "backup"): PostgreSQL 16's client tools
# (the same major version as the db service, as pg_dump requires), age for the encryption,
# Python with psycopg2 for scripts/backup.py, rclone for an off-site remote. The scripts
# themselves are the repository's, mounted read-only at /opt/tile; no key is ever in here.
FROM postgres:16

RUN apt-get update \
    && apt-get install -y --no-install-recommends age python3 python3-psycopg2 rclone ca-certificates \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/tile
