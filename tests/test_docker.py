"""The Docker path without a Docker engine: the image adds the pinned OCA wheels, Odoo runs
with workers, the proxy sends /websocket to the port Odoo really serves it on, and Debian's
nginx accepts the proxy configuration."""

import os
import re
import shutil
import subprocess

import pytest
from test_repository import COMPOSE, ROOT, compose_config

DOCKER = ROOT / "docker"
NGINX_CONF = DOCKER / "nginx.conf"


def odoo_command(service="odoo", **env):
    command = compose_config(**env)["services"][service]["command"]
    return " ".join(command) if isinstance(command, list) else command


def option(command, name, default=None):
    found = re.findall(rf"--{name}[= ](\S+)", command)
    return found[-1] if found else default


def nginx_upstreams():
    """{upstream name: (host, port)} and {location: upstream name} of docker/nginx.conf."""
    text = NGINX_CONF.read_text()
    upstreams = {
        name: (host, int(port))
        for name, host, port in re.findall(r"upstream\s+(\w+)\s*\{\s*server\s+([\w.-]+):(\d+)\s*;", text)
    }
    locations = dict(re.findall(r"location\s+(\S+)\s*\{[^}]*?proxy_pass\s+http://(\w+)\s*;", text))
    return upstreams, locations


def location_block(path):
    match = re.search(rf"location\s+{re.escape(path)}\s*\{{([^}}]*)\}}", NGINX_CONF.read_text())
    assert match, f"docker/nginx.conf has no 'location {path}'"
    return match.group(1)


def test_install_and_odoo_run_the_image_built_with_the_oca_wheels():
    services = compose_config()["services"]
    for name in ("install", "odoo"):
        build = services[name].get("build")
        assert build, f"compose service {name} must build docker/Dockerfile (odoo:18.0 lacks the OCA add-ons)"
        assert os.path.realpath(build["context"]) == str(ROOT), "build context: the repository root"
        assert build.get("dockerfile") == "docker/Dockerfile"
    assert services["install"]["image"] == services["odoo"]["image"], "one image for install and odoo"


def test_dockerfile_adds_the_pinned_wheels_to_official_odoo_18():
    dockerfile = (DOCKER / "Dockerfile").read_text()
    assert re.search(r"^FROM odoo:18\.0$", dockerfile, re.M), "the image builds on the official odoo:18.0"
    assert "COPY requirements-oca.txt" in dockerfile
    pip = re.search(r"pip3? install[^\n]*-r /tmp/requirements-oca\.txt", dockerfile)
    assert pip and "--no-deps" in pip.group(0), "wheels installed --no-deps, exactly as ./tile setup does"
    assert re.search(r"^USER odoo$", dockerfile, re.M), "Odoo does not run as root"
    ignore = (DOCKER / "Dockerfile.dockerignore").read_text().split()
    assert "!requirements-oca.txt" in ignore, "the build context keeps the pins"
    pins = [
        line.split("==")[0]
        for line in (ROOT / "requirements-oca.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert {"odoo-addon-sale_order_lot_selection", "odoo-addon-stock_restrict_lot"} <= set(pins)
    for pin in (ROOT / "requirements-oca.txt").read_text().splitlines():
        if pin.strip() and not pin.startswith("#"):
            assert "==" in pin, f"{pin}: pin an exact version"


def test_odoo_runs_with_workers_and_the_proxy_uses_its_ports():
    command = odoo_command()
    workers = int(option(command, "workers", "0"))
    assert workers >= 2, f"Odoo must run with workers (>= 2, also for PDF printing): {command}"
    assert option(command, "max-cron-threads", "2") != "0", "a cron worker runs scheduled actions"
    http_port = int(option(command, "http-port", "8069"))
    gevent_port = int(option(command, "gevent-port", "8072"))
    upstreams, locations = nginx_upstreams()
    assert upstreams[locations["/"]] == ("odoo", http_port), "the proxy sends pages to Odoo's HTTP port"
    websocket_port = gevent_port if workers else http_port
    assert upstreams[locations["/websocket"]] == ("odoo", websocket_port), (
        "the proxy must send /websocket to the port Odoo serves it on "
        f"({'gevent port' if workers else 'HTTP port, no workers'} {websocket_port})"
    )
    assert "odoo" in compose_config()["services"]["proxy"]["depends_on"]


def test_workers_follow_the_host_setting():
    assert option(odoo_command(TILE_WORKERS="9"), "workers") == "9"


def test_websocket_location_upgrades_and_forwards_host_and_scheme():
    block = location_block("/websocket")
    assert "proxy_http_version 1.1;" in block
    assert re.search(r"proxy_set_header\s+Upgrade\s+\$http_upgrade;", block)
    assert re.search(r"proxy_set_header\s+Connection\s+\S+;", block)
    # nginx does not inherit proxy_set_header into a location that sets its own: Odoo
    # compares Origin with Host and the forwarded scheme before trusting the session.
    for header in ("Host", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-For"):
        assert re.search(rf"proxy_set_header\s+{header}\s", block), f"/websocket does not forward {header}"
    for header in ("Host", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-For"):
        assert re.search(
            rf"proxy_set_header\s+{header}\s", location_block("/")
        ), f"/ does not forward {header}"


def test_proxy_forwards_the_host_with_its_port():
    # $host drops the port: behind TILE_HTTPS_PORT other than 443 the browser's Origin
    # (https://host:port) would not match the Host Odoo sees on /websocket.
    for path in ("/", "/websocket"):
        block = location_block(path)
        for header in ("Host", "X-Forwarded-Host"):
            assert re.search(
                rf"proxy_set_header\s+{header}\s+\$http_host;", block
            ), f"{path}: {header} must be $http_host"


def test_proxy_mounts_match_the_nginx_configuration():
    proxy = compose_config()["services"]["proxy"]
    volumes = [v if isinstance(v, str) else f"{v['source']}:{v['target']}" for v in proxy["volumes"]]
    assert any(v.endswith(":/etc/nginx/conf.d/default.conf:ro") and "nginx.conf" in v for v in volumes)
    assert any(v.startswith("tile-certs:/etc/nginx/certs") for v in volumes)
    text = NGINX_CONF.read_text()
    assert "ssl_certificate /etc/nginx/certs/tile.crt;" in text
    assert "ssl_certificate_key /etc/nginx/certs/tile.key;" in text


def nginx_binary():
    exe = shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)
    if not exe:
        pytest.fail(
            "nginx is not installed: run ./tile setup (it installs Debian's nginx to check docker/nginx.conf)"
        )
    return exe


def test_debian_nginx_accepts_the_proxy_configuration(tmp_path):
    """nginx -t on docker/nginx.conf as the proxy container loads it (inside http {}), with the
    compose service names pointed at 127.0.0.1 and a throwaway self-signed certificate."""
    subprocess.run(
        ["openssl", "req", "-x509", "-nodes", "-newkey", "rsa:2048", "-days", "1", "-subj", "/CN=localhost",
         "-keyout", str(tmp_path / "tile.key"), "-out", str(tmp_path / "tile.crt")],
        capture_output=True, check=True,
    )  # fmt: skip
    site = NGINX_CONF.read_text()
    site = re.sub(r"(server\s+)odoo:", r"\g<1>127.0.0.1:", site)
    site = site.replace("/etc/nginx/certs/", f"{tmp_path}/")
    assert "odoo:" not in site and "/etc/nginx" not in site
    (tmp_path / "default.conf").write_text(site)
    temp_paths = "".join(
        f"    {kind}_temp_path {tmp_path}/{kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n    access_log off;\n{temp_paths}    include {tmp_path}/default.conf;\n}}\n"
    )
    out = subprocess.run(
        [nginx_binary(), "-t", "-q", "-e", str(tmp_path / "error.log"), "-p", str(tmp_path),
         "-c", str(tmp_path / "nginx.conf")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert out.returncode == 0, f"nginx -t refuses docker/nginx.conf: {out.stderr}"


def test_readme_documents_the_docker_build():
    readme = (ROOT / "README.md").read_text()
    assert "--build" in readme and "TILE_WORKERS" in readme
    assert COMPOSE.name in readme


def test_install_loads_demo_data_unless_told_not_to():
    # Odoo reads any non-empty --without-demo value as "no demo data", the word False too:
    # unset, TILE_WITHOUT_DEMO must give an empty value (demo data, as README.md says).
    def without_demo(**env):
        found = re.search(r"--without-demo=(\S*)", odoo_command("install", **env))
        assert found, "the install service passes --without-demo"
        return found.group(1)

    assert without_demo() == ""
    assert without_demo(TILE_WITHOUT_DEMO="True") == "True"


def test_offline_stand_ins_cover_every_base_image():
    """docker/offline/build-base-images.sh builds a local stand-in for every image the Docker
    path pulls (for machines without registry access): compose.yaml's and the FROM lines."""
    services = compose_config()["services"]
    pulled = {s["image"] for s in services.values() if "build" not in s}
    for dockerfile in ("Dockerfile", "backup.Dockerfile"):
        pulled |= set(re.findall(r"^FROM\s+(\S+)", (DOCKER / dockerfile).read_text(), re.M))
    script = (DOCKER / "offline" / "build-base-images.sh").read_text()
    built = set(re.findall(r"^\s*build\s+(\S+)\s", script, re.M))
    built |= set(re.findall(r"docker build [^\n]*-t\s+(\S+)", script))
    assert pulled == built - {'"$1"'}, f"stand-ins: {sorted(built)}, images used: {sorted(pulled)}"


def test_documented_one_off_commands_do_not_rerun_the_install():
    # "run" starts the services a service depends on: backup and odoo depend on the install
    # one-shot, which would start Odoo once more next to the running workers.
    for path in (
        ROOT / "docs" / "operations.md",
        ROOT / "docs" / "operations.zh_CN.md",
        DOCKER / "backup-loop.sh",
    ):
        for line in path.read_text().splitlines():
            if re.search(r"docker[ -]compose\b[^`]*\brun --rm\b", line):
                assert "--no-deps" in line, f"{path.name}: {line.strip()}"
