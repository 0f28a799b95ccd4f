"""Repository-level checks that need no Odoo: the Docker path, manifests, scripts."""

import ast
import os
import pathlib
import shutil
import subprocess

import pytest
import yaml  # PyYAML comes with Odoo's requirements

ROOT = pathlib.Path(__file__).resolve().parent.parent
COMPOSE = ROOT / "docker" / "compose.yaml"
MODULES = sorted(p.parent.name for p in ROOT.glob("tile_*/__manifest__.py"))
# Glue modules install by themselves once the apps they join are there.
AUTO_INSTALL = {
    m for m in MODULES if ast.literal_eval((ROOT / m / "__manifest__.py").read_text()).get("auto_install")
}


def compose_config(**env_overrides):
    """The compose file as Docker Compose resolves it (docker-compose parses offline)."""
    exe = shutil.which("docker-compose")
    if not exe:
        pytest.fail("docker-compose is not installed: run ./tile setup (it installs Debian's docker-compose)")
    env = dict(os.environ, TILE_DB_PASSWORD="secret", **env_overrides)
    out = subprocess.run(
        [exe, "-f", str(COMPOSE), "config"], capture_output=True, text=True, env=env, check=False
    )
    assert out.returncode == 0, out.stderr
    return yaml.safe_load(out.stdout)


def test_compose_file_parses_and_has_the_services():
    config = compose_config()
    assert {"db", "install", "odoo", "certs", "proxy"} <= set(config["services"])


def test_database_is_not_published_and_data_is_on_named_volumes():
    config = compose_config()
    services = config["services"]
    assert "ports" not in services["db"], "the database must stay inside the compose network"
    assert config["networks"]["backend"].get("internal") is True
    assert "ports" not in services["odoo"], "Odoo is reached through the TLS proxy only"
    assert {"tile-db", "tile-filestore", "tile-certs"} <= set(config["volumes"])
    assert services["proxy"]["ports"], "the proxy is the only published service"


def test_install_service_installs_every_tile_module():
    config = compose_config()
    command = config["services"]["install"]["command"]
    command = " ".join(command) if isinstance(command, list) else command
    assert "--stop-after-init" in command
    for module in set(MODULES) - AUTO_INSTALL:
        assert module in command, f"{module} is not installed by docker/compose.yaml"


def test_odoo_images_are_community_18():
    services = compose_config()["services"]
    # The Odoo image is built FROM odoo:18.0 with the OCA wheels added (tests/test_docker.py).
    assert services["odoo"]["build"]["dockerfile"] == "docker/Dockerfile"
    assert "FROM odoo:18.0\n" in (ROOT / "docker" / "Dockerfile").read_text()
    assert services["db"]["image"] == "postgres:16"


@pytest.mark.parametrize("module", MODULES)
def test_manifest_is_valid(module):
    manifest = ast.literal_eval((ROOT / module / "__manifest__.py").read_text())
    assert manifest["version"].startswith("18.0.")
    assert manifest["license"] in {"LGPL-3", "AGPL-3"}
    for data in manifest.get("data", []) + manifest.get("demo", []):
        assert (ROOT / module / data).is_file(), f"{module}: {data} is listed but missing"
    assert (ROOT / module / "i18n" / "zh_CN.po").is_file(), f"{module} has no zh_CN translation"
    assert (ROOT / module / "readme" / "DESCRIPTION.md").is_file()


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "./tile test" in readme
    assert "exec ./tile test" in ci


@pytest.mark.parametrize("module", MODULES)
def test_python_terms_can_be_extracted(module):
    """Odoo's export reads _() terms with Babel, which gives up on a whole file (logging only)
    when a _() argument is an f-string: every term of that file would miss its translation."""
    from babel.messages import extract  # comes with Odoo's requirements

    for path in sorted((ROOT / module).glob("**/*.py")):
        if "tests" in path.parts:
            continue
        with path.open("rb") as source:
            try:
                list(
                    extract.extract(
                        "python", source, keywords={"_": None, "_lt": None}, options={"encoding": "UTF-8"}
                    )
                )
            except Exception as error:
                pytest.fail(f"{path.relative_to(ROOT)}: Odoo cannot export its terms ({error})")


@pytest.mark.parametrize("module", MODULES)
def test_every_exported_term_has_a_chinese_translation(module):
    """Each msgid of the module's template (Odoo's i18n export) is translated in zh_CN.po."""
    import polib  # comes with Odoo's requirements

    pot = ROOT / module / "i18n" / f"{module}.pot"
    if not pot.is_file():
        pytest.fail(f"{module} has no {pot.name}: export it with odoo-bin --i18n-export")
    translated = {
        entry.msgid: entry.msgstr for entry in polib.pofile(str(ROOT / module / "i18n" / "zh_CN.po"))
    }
    missing = [
        entry.msgid for entry in polib.pofile(str(pot)) if entry.msgid and not translated.get(entry.msgid)
    ]
    assert not missing, f"{module}: untranslated in zh_CN.po: {missing[:5]}"
