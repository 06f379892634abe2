"""Production configuration and the interface translations."""

import gettext
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

PRODUCTION_ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "mazpulki.settings",
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "k3y-" + "q7Zr9xWv2Lm5Tn8Bp4Hs6Jd1Fg0Kc3Ye" * 2,
    "DJANGO_ALLOWED_HOSTS": "mazpulki.lv,www.mazpulki.lv",
    "SITE_BASE_URL": "https://mazpulki.lv",
}


def manage(*args, **environment):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_deploy_checks_pass_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "INFO", **PRODUCTION_ENVIRONMENT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_manage_py_works_in_a_fresh_checkout_without_any_configuration(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("REDIS_URL", raising=False)
    result = manage("makemigrations", "--check", "--dry-run", DJANGO_VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No changes detected" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    environment = {**PRODUCTION_ENVIRONMENT, "DJANGO_SECRET_KEY": ""}
    result = manage("check", **environment)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_latvian_interface_catalogue_is_complete():
    catalogue = polib.pofile(str(Path(settings.BASE_DIR) / "site/locale/lv/LC_MESSAGES/django.po"))
    assert len(catalogue) > 50
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, untranslated
    assert not fuzzy, fuzzy
    assert catalogue.percent_translated() == 100


@pytest.mark.django_db
def test_migrations_are_committed_for_every_model_change():
    output = io.StringIO()
    try:
        call_command("makemigrations", check=True, dry_run=True, stdout=output)
    except SystemExit:
        pytest.fail("Models changed without a migration:\n" + output.getvalue())


def test_translations_compile_without_gnu_gettext(tmp_path, settings):
    catalogue = tmp_path / "app" / "locale" / "lv" / "LC_MESSAGES"
    catalogue.mkdir(parents=True)
    shutil.copy(Path(settings.BASE_DIR) / "site/locale/lv/LC_MESSAGES/django.po", catalogue)
    settings.BASE_DIR = tmp_path

    call_command("compile_translations", stdout=io.StringIO())

    with open(catalogue / "django.mo", "rb") as compiled:
        latvian = gettext.GNUTranslations(compiled)
    assert latvian.gettext("Skip to content") == "Pāriet uz saturu"
    assert latvian.ngettext(
        "%(counter)s result for “%(query)s”.", "%(counter)s results for “%(query)s”.", 0
    ).startswith("%(counter)s rezultātu")
