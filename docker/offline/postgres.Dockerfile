# Stand-in for postgres:16 (build-base-images.sh): Debian bookworm's PostgreSQL 15 (16 comes
# from apt.postgresql.org, out of reach here) laid out as the postgres image is: user postgres
# uid/gid 999, PGDATA /var/lib/postgresql/data, the server binaries on PATH, an entrypoint
# that honours POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB and runs "postgres -c ...".
ARG BASE=debian:bookworm-local
FROM ${BASE}
RUN groupadd --system --gid 999 postgres \
    && useradd --system --gid postgres --uid 999 --home-dir /var/lib/postgresql --shell /bin/bash postgres \
    && apt-get update \
    && apt-get install -y --no-install-recommends gosu postgresql-common \
    && sed -ri 's/^#?\s*create_main_cluster.*/create_main_cluster = false/' /etc/postgresql-common/createcluster.conf \
    && apt-get install -y --no-install-recommends postgresql-15 \
    && rm -rf /var/lib/apt/lists/*
ENV LANG=C.UTF-8 \
    PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    PGDATA=/var/lib/postgresql/data
RUN install -d -o postgres -g postgres -m 700 "$PGDATA" \
    && install -d -o postgres -g postgres -m 3777 /var/run/postgresql \
    && postgres --version
VOLUME /var/lib/postgresql/data
COPY postgres-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
ENTRYPOINT ["docker-entrypoint.sh"]
STOPSIGNAL SIGINT
EXPOSE 5432
CMD ["postgres"]
