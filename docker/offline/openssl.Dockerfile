# Stand-in for alpine/openssl:latest (build-base-images.sh): Debian's openssl and /bin/sh.
ARG BASE=debian:bookworm-local
FROM ${BASE}
RUN apt-get update && apt-get install -y --no-install-recommends openssl \
    && rm -rf /var/lib/apt/lists/*
ENTRYPOINT ["openssl"]
