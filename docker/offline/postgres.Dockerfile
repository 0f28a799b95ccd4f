# Stand-in for postgres:16 (build-base-images.sh). It carries Debian bookworm's PostgreSQL 15
# (apt.postgresql.org, where the official image gets 16, is out of reach), with the official
# image's layout: user postgres uid/gid 999, PGDATA /var/lib/postgresql/data, the server
# binaries on PATH, listen_addresses '*', and the official docker-entrypoint.sh (verbatim,
# MIT, docker-library/postgres 16/bookworm) honouring POSTGRES_USER/PASSWORD/DB and
# "postgres -c ...". Debian's gosu replaces the downloaded one.
ARG BASE=debian:bookworm-local
FROM ${BASE}
RUN set -eux; \
    groupadd -r postgres --gid=999; \
    useradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres; \
    install --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends gosu locales libnss-wrapper xz-utils zstd less postgresql-common; \
    echo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen; locale-gen; \
    sed -ri 's/#(create_main_cluster) .*$/\1 = false/' /etc/postgresql-common/createcluster.conf; \
    apt-get install -y --no-install-recommends postgresql-15; \
    rm -rf /var/lib/apt/lists/*; \
    mkdir /docker-entrypoint-initdb.d
ENV LANG=en_US.utf8
ENV PG_MAJOR=15
ENV PATH=$PATH:/usr/lib/postgresql/$PG_MAJOR/bin
RUN set -eux; \
    dpkg-divert --add --rename --divert "/usr/share/postgresql/postgresql.conf.sample.dpkg" "/usr/share/postgresql/$PG_MAJOR/postgresql.conf.sample"; \
    cp -v /usr/share/postgresql/postgresql.conf.sample.dpkg /usr/share/postgresql/postgresql.conf.sample; \
    ln -sv ../postgresql.conf.sample "/usr/share/postgresql/$PG_MAJOR/"; \
    sed -ri "s!^#?(listen_addresses)\s*=\s*\S+.*!\1 = '*'!" /usr/share/postgresql/postgresql.conf.sample; \
    grep -F "listen_addresses = '*'" /usr/share/postgresql/postgresql.conf.sample; \
    install --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql; \
    postgres --version
ENV PGDATA=/var/lib/postgresql/data
RUN install --directory --owner postgres --group postgres --mode 1777 "$PGDATA"
VOLUME /var/lib/postgresql/data
COPY postgres-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
ENTRYPOINT ["docker-entrypoint.sh"]
STOPSIGNAL SIGINT
EXPOSE 5432
CMD ["postgres"]
