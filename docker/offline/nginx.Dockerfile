# Stand-in for nginx:1.27-alpine (build-base-images.sh): Debian bookworm's nginx (1.22) with
# the official image's layout: /etc/nginx/conf.d/*.conf included in the http block, no other
# site, logs to the container's stdout/stderr, "nginx -g 'daemon off;'".
ARG BASE=debian:bookworm-local
FROM ${BASE}
RUN apt-get update && apt-get install -y --no-install-recommends nginx ca-certificates \
    && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/* /etc/nginx/conf.d/* \
    && ln -sf /dev/stdout /var/log/nginx/access.log \
    && ln -sf /dev/stderr /var/log/nginx/error.log \
    && mkdir -p /etc/nginx/certs
COPY nginx-main.conf /etc/nginx/nginx.conf
RUN nginx -t
EXPOSE 80
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]
