import importlib
import os
import secrets
import string
import subprocess
import sys

from django.conf import settings


def test_base_settings_hash_passwords_with_argon2():
    base = importlib.import_module("fazhi.settings.base")
    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_base_settings_expire_sessions_and_guard_cookies():
    base = importlib.import_module("fazhi.settings.base")
    assert base.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert base.SESSION_COOKIE_AGE <= 8 * 3600
    assert "django.middleware.csrf.CsrfViewMiddleware" in base.MIDDLEWARE


def test_deploy_check_is_clean_with_production_environment(tmp_path):
    # given: production = base settings + environment, nothing else
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("FAZHI_", "DJANGO_", "DATABASE_URL", "TEST_DATABASE_URL"))
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "fazhi.settings.base",
        "FAZHI_DEBUG": "false",
        "FAZHI_SECRET_KEY": "".join(secrets.choice(alphabet) for _ in range(50)),
        "FAZHI_ALLOWED_HOSTS": "fazhi.example.cn",
    }
    # when
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    # then
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
