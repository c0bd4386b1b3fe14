"""Test settings: fast hasher, in-memory cache, a throw-away evidence folder.

`TEST_DATABASE_URL` selects PostgreSQL; without it the suite runs on SQLite.
"""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("FAZHI_DEBUG", "true")

from .base import *

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

if os.environ.get("TEST_DATABASE_URL"):
    DATABASES = {"default": env.db_url_config(os.environ["TEST_DATABASE_URL"])}
    DATABASES["default"]["ATOMIC_REQUESTS"] = False
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.path.join(tempfile.gettempdir(), "fazhi-test.sqlite3"),
            "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE"},
            "TEST": {"NAME": None},
        }
    }

STORAGES = {
    **STORAGES,
    "evidence": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": tempfile.mkdtemp(prefix="fazhi-evidence-")},
    },
}
FAZHI = {
    **FAZHI,
    "AUDIT_KEY": "test-only-audit-key",
    "AUDIT_ANCHOR_DIR": Path(tempfile.mkdtemp(prefix="fazhi-anchors-")),
    # no automatic anchors: a committed test's anchor would outlive its flushed events
    "AUDIT_ANCHOR_EVERY": 0,
}
LOGGING = {"version": 1, "disable_existing_loggers": False}

# Public-page caching is off by default in tests: a test's transaction never commits, so the
# services' version bumps (transaction.on_commit) would not run. fazhi/core/tests/test_caching*.py
# switch it on and run the commit callbacks.
FAZHI = {**FAZHI, "PUBLIC_CACHE": False}

HUEY = {
    "huey_class": "huey.MemoryHuey",
    "name": "fazhi-test",
    "immediate": True,
}  # jobs run at once
