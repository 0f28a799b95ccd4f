# Stand-in for odoo:18.0 (build-base-images.sh): the official image's layout on Debian bookworm
# (the official one is Ubuntu noble with Odoo's nightly .deb). The Odoo 18.0 Community tree from
# $ODOO_PATH lands where the .deb puts it, /usr/lib/python3/dist-packages/odoo with every addon
# in odoo/addons, plus the "odoo" command; its Python dependencies are Debian's packages
# (debian/control's Depends and the official Dockerfile's extras). wkhtmltopdf is Debian's
# unpatched-Qt build (the official image has wkhtmltox 0.12.6.1 with patched Qt).
# entrypoint.sh, wait-for-psql.py and odoo.conf are this project's small stand-ins for the
# official image's (same variables and behaviour for what docker/compose.yaml uses).
ARG BASE=debian:bookworm-local
FROM ${BASE}
SHELL ["/bin/bash", "-xo", "pipefail", "-c"]
ENV LANG=C.UTF-8
# Debian's wkhtmltopdf is a Qt GUI program: render without a display.
ENV QT_QPA_PLATFORM=offscreen
RUN apt-get update && apt-get install -y --no-install-recommends \
        adduser ca-certificates curl fonts-dejavu-core fonts-inconsolata fonts-font-awesome \
        fonts-roboto-unhinted fonts-noto-cjk gsfonts libjs-underscore postgresql-client \
        python3 python3-asn1crypto python3-babel python3-cbor2 python3-chardet python3-cryptography \
        python3-dateutil python3-decorator python3-docutils python3-freezegun python3-geoip2 \
        python3-gevent python3-greenlet python3-idna python3-pil python3-jinja2 python3-libsass \
        python3-lxml python3-markupsafe python3-num2words python3-ofxparse python3-openpyxl \
        python3-passlib python3-polib python3-psutil python3-psycopg2 python3-openssl \
        python3-pypdf2 python3-rjsmin python3-qrcode python3-renderpm python3-reportlab \
        python3-requests python3-stdnum python3-tz python3-urllib3 python3-vobject \
        python3-werkzeug python3-xlsxwriter python3-xlrd python3-zeep python3-ldap \
        python3-magic python3-odf python3-pdfminer python3-pip python3-phonenumbers \
        python3-setuptools python3-slugify python3-watchdog python3-xlwt xz-utils \
        wkhtmltopdf \
    && rm -rf /var/lib/apt/lists/*
# The .deb's postinst: a system user odoo with its home (the data dir) /var/lib/odoo.
RUN adduser --system --home /var/lib/odoo --quiet --group odoo \
    && mkdir -p /etc/odoo /var/lib/odoo && chown odoo:odoo /var/lib/odoo
COPY odoo-src/odoo /usr/lib/python3/dist-packages/odoo
COPY odoo-src/addons /usr/lib/python3/dist-packages/odoo/addons
COPY odoo-src/setup/odoo /usr/bin/odoo
RUN chmod 755 /usr/bin/odoo \
    && python3 -m compileall -q -j 0 /usr/lib/python3/dist-packages/odoo > /dev/null \
    && python3 -c "import odoo, odoo.release as r; assert r.serie == '18.0', r.serie" \
    && odoo --version && wkhtmltopdf --version
COPY ./entrypoint.sh /
COPY ./odoo.conf /etc/odoo/
RUN chown odoo /etc/odoo/odoo.conf \
    && mkdir -p /mnt/extra-addons \
    && chown -R odoo /mnt/extra-addons
VOLUME ["/var/lib/odoo", "/mnt/extra-addons"]
EXPOSE 8069 8071 8072
ENV ODOO_RC=/etc/odoo/odoo.conf
COPY wait-for-psql.py /usr/local/bin/wait-for-psql.py
USER odoo
ENTRYPOINT ["/entrypoint.sh"]
CMD ["odoo"]
