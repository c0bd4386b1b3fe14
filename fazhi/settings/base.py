"""Settings: everything lives here and reads the environment (production = base + environment).

Every variable is documented in `.env.example` and `docs/ops/configuration.md`.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")  # optional locally; absent in production

DEBUG = env.bool("FAZHI_DEBUG", default=False)
# A dev key only when DEBUG is on; in production a missing key is a start-up error.
SECRET_KEY = env.str(
    "FAZHI_SECRET_KEY",
    default="dev-only-insecure-key-do-not-use-in-production" if DEBUG else environ.Env.NOTSET,
)
ALLOWED_HOSTS = env.list("FAZHI_ALLOWED_HOSTS", default=["localhost", "127.0.0.1"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("FAZHI_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "fazhi.core",
    "fazhi.accounts",
    "fazhi.laws",
    "fazhi.normdocs",
    "fazhi.disputes",
    "fazhi.powers",
    "fazhi.officers",
    "fazhi.enforcement",
    "fazhi.govservices",
    "fazhi.publicity",
    "fazhi.inspections",
    "fazhi.planning",
    "fazhi.supervision",
    "fazhi.decisions",
    "fazhi.legislation",
    "fazhi.education",
    "fazhi.reports",
    "fazhi.portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "fazhi.core.middleware.RequestContextMiddleware",
    "fazhi.core.middleware.SessionMiddleware",  # Django's; quiet on the exam's answer save
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "fazhi.core.caching.PublicCacheMiddleware",  # last: cached answers pass every middleware above
]

ROOT_URLCONF = "fazhi.urls"
WSGI_APPLICATION = "fazhi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "fazhi" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "fazhi.accounts.navigation.menu",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False  # explicit transactions in services instead
# Keep a worker's connection between requests (issue 25): opening one costs ~6 ms per request on
# SQLite (its PRAGMAs) and a TCP + auth round trip on PostgreSQL; health-checked before reuse.
# `?conn_max_age=N` in DATABASE_URL, or FAZHI_DB_CONN_MAX_AGE, set it; 0 closes after each request.
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("FAZHI_DB_CONN_MAX_AGE", default=60))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the dev server and a CLI command write side by side.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:staff_home"
LOGOUT_REDIRECT_URL = "accounts:login"

SESSION_COOKIE_AGE = env.int("FAZHI_SESSION_AGE_SECONDS", default=8 * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_SAVE_EVERY_REQUEST = True  # idle expiry: the age counts from the last request
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

# Production hardening: on whenever DEBUG is off, so `manage.py check --deploy` is clean.
SECURE_SSL_REDIRECT = env.bool("FAZHI_SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env.int("FAZHI_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Every page is written in Chinese; Django's own strings (weekday names, form errors) follow
# LANGUAGE_CODE, not the browser's Accept-Language, so nothing appears in English.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
FORMAT_MODULE_PATH = ["fazhi.formats"]  # ISO first for <input type="date"> (issue 19.3)
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "fazhi" / "static"]
STATIC_ROOT = env.path("FAZHI_STATIC_ROOT", default=BASE_DIR / "staticfiles")
MEDIA_ROOT = env.path("FAZHI_MEDIA_ROOT", default=BASE_DIR / "var" / "media")
MEDIA_URL = "/media/"

# Evidence files: the filesystem by default, an S3-compatible bucket when FAZHI_EVIDENCE_STORAGE=s3.
EVIDENCE_STORAGE = env.str("FAZHI_EVIDENCE_STORAGE", default="filesystem")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "evidence": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": env.path("FAZHI_EVIDENCE_ROOT", default=BASE_DIR / "var" / "evidence")
        },
    },
}
if EVIDENCE_STORAGE == "s3":
    STORAGES["evidence"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("FAZHI_S3_BUCKET"),
            "endpoint_url": env.str("FAZHI_S3_ENDPOINT_URL", default=None),
            "access_key": env.str("FAZHI_S3_ACCESS_KEY", default=None),
            "secret_key": env.str("FAZHI_S3_SECRET_KEY", default=None),
            "default_acl": None,
            "file_overwrite": False,
        },
    }

# Pages in "default", the public-page version tokens in "versions" (fazhi/core/caching.py).
# Production: Redis at FAZHI_CACHE_URL (or REDIS_URL), shared by every worker. Without it: pages in
# each process's memory, versions in the database table made by `manage.py createcachetable`, so
# every worker sees a change on its next request (docs/ops/deployment.md).
CACHE_URL = env.str("FAZHI_CACHE_URL", default="") or env.str("REDIS_URL", default="")
if CACHE_URL:
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": prefix,
        }
        for alias, prefix in (("default", "fazhi"), ("versions", "fazhi-versions"))
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
        "versions": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "fazhi_cache_versions",
        },
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("FAZHI_LOG_LEVEL", default="INFO")},
}

# Application options in one namespace.
FAZHI = {
    "PORTAL_PAGE_SIZE": env.int("FAZHI_PORTAL_PAGE_SIZE", default=20),
    "DEADLINE_WARNING_WORKING_DAYS": env.int("FAZHI_DEADLINE_WARNING_WORKING_DAYS", default=3),
    "LOGIN_MAX_FAILURES": env.int("FAZHI_LOGIN_MAX_FAILURES", default=5),
    "LOGIN_LOCKOUT_WINDOW": timedelta(minutes=env.int("FAZHI_LOGIN_LOCKOUT_MINUTES", default=15)),
    "EVIDENCE_MAX_BYTES": env.int("FAZHI_EVIDENCE_MAX_BYTES", default=200 * 1024 * 1024),
    # Days for time-limit rules whose number is not verified against an official text
    # (domain-rules.md marks them UNVERIFIED), e.g. {"normdoc.filing": 30}.
    "TIME_LIMIT_OVERRIDES": json.loads(env.str("FAZHI_TIME_LIMIT_OVERRIDES", default="{}")),
    # 执法证 rules the national texts leave to local rules (domain-rules §12, UNVERIFIED).
    "OFFICERS_CERT_VALIDITY_YEARS": env.int("FAZHI_OFFICERS_CERT_VALIDITY_YEARS", default=3),
    "OFFICERS_CERT_REVIEW_MONTHS": env.int("FAZHI_OFFICERS_CERT_REVIEW_MONTHS", default=12),
    "OFFICERS_MIN_TRAINING_HOURS": env.int("FAZHI_OFFICERS_MIN_TRAINING_HOURS", default=60),
    # 社保滞纳金 capped at the principal? (行政强制法 第四十五条 — contested, UNVERIFIED)
    "SI_LATE_FEE_CAPPED": env.bool("FAZHI_SI_LATE_FEE_CAPPED", default=False),
    # Public pages cached for anonymous visitors (fazhi/core/caching.py); the timeout only bounds
    # memory: a change is visible on the next request through the version tokens.
    "PUBLIC_CACHE": env.bool("FAZHI_PUBLIC_CACHE", default=True),
    "PUBLIC_CACHE_SECONDS": env.int("FAZHI_PUBLIC_CACHE_SECONDS", default=600),
    # Part of every cached page's key: set it per deploy (e.g. the commit) so pages rendered by
    # the previous code are not served from a shared Redis after a release.
    "RELEASE": env.str("FAZHI_RELEASE", default=""),
    # Years after the last published 放假通知 answered provisionally (暂定) from the statutory
    # holidays, so no act is blocked waiting for the notice; and the first year the 2024 text of
    # the 全国年节及纪念日放假办法 applies (its effective date is UNVERIFIED in the reference).
    "PROVISIONAL_CALENDAR_YEARS": env.int("FAZHI_PROVISIONAL_CALENDAR_YEARS", default=2),
    "HOLIDAY_RULES_2024_FROM_YEAR": env.int("FAZHI_HOLIDAY_RULES_2024_FROM_YEAR", default=2025),
    # 执法监督 warning thresholds over supervision.domain.warnings.DEFAULTS, e.g.
    # {"hearing_missing": {"fine_threshold": "10000"}}; a value that does not parse is refused.
    "SUPERVISION_RULES": json.loads(env.str("FAZHI_SUPERVISION_RULES", default="{}")),
    # The city 行政执法监督平台's intake URL (supervision/push.py); empty: items wait in the queue.
    "CITY_PLATFORM_URL": env.str("FAZHI_CITY_PLATFORM_URL", default=""),
    # The online 学法用法 exam (domain-rules-2 §18: pass mark and window UNVERIFIED; a local
    # 任前法律知识考试: 120 min, 60/100, one re-sit). Defaults for a new exam.
    "EXAM_PASS_MARK": env.int("FAZHI_EXAM_PASS_MARK", default=60),
    "EXAM_MINUTES": env.int("FAZHI_EXAM_MINUTES", default=120),
    "EXAM_ATTEMPTS": env.int("FAZHI_EXAM_ATTEMPTS", default=2),
    "SHARED_DATA_DIR": env.path(
        "FAZHI_SHARED_DATA_DIR", default=BASE_DIR.parent / "shared" / "data"
    ),
    # The bureau's full name as it issues documents (发文机关, GB/T 9704).
    "AGENCY_NAME": env.str("FAZHI_AGENCY_NAME", default="天津市人力资源和社会保障局"),
    # The bureau's own edited Word templates (<dir>/<app>/<kind>.docx) replacing the shipped ones
    # (fazhi/core/documents.py); empty: the shipped templates only.
    "DOCX_TEMPLATE_DIR": env.str("FAZHI_DOCX_TEMPLATE_DIR", default=""),
}

# 重大行政决策 day-counts (issue 21): the 条例's minimums; the Tianjin rules' own counts are
# UNVERIFIED (domain-rules-2 §19), so they are settings, not code.
FAZHI["DECISIONS_MIN_COMMENT_DAYS"] = env.int("FAZHI_DECISIONS_MIN_COMMENT_DAYS", default=30)
FAZHI["DECISIONS_MIN_REVIEW_WORKING_DAYS"] = env.int(
    "FAZHI_DECISIONS_MIN_REVIEW_WORKING_DAYS", default=7
)
# 听证: the notice with its materials out at least 7 days before (条例 第十六条)
FAZHI["DECISIONS_MIN_HEARING_NOTICE_DAYS"] = env.int(
    "FAZHI_DECISIONS_MIN_HEARING_NOTICE_DAYS", default=7
)

# 行政复议 (issue 17): the 代字 of the bureau's 复议 case numbers (津人社复〔2019〕4号 — illustrative,
# UNVERIFIED), the power item whose use a 复议 heard counts for (零执法), and names of 复议机关
# other than the derived ones, by org-unit code ({"HPQ": {"government": "…", "department": "…"}}).
FAZHI["RECONSIDERATION_PREFIX"] = env.str("FAZHI_RECONSIDERATION_PREFIX", default="津人社复")
FAZHI["RECONSIDERATION_POWER_ITEM"] = env.str(
    "FAZHI_RECONSIDERATION_POWER_ITEM", default="QT-FY-12"
)
FAZHI["RECONSIDERATION_BODIES"] = json.loads(env.str("FAZHI_RECONSIDERATION_BODIES", default="{}"))

# --- integrity (issue 18): audit anchors and seals, trusted proxies --------------------------
# The key that seals audit events and signs the anchors. It must NOT be stored in the database
# (nor in a backup of it): whoever holds it can forge events. DEBUG has a dev key.
FAZHI["AUDIT_KEY"] = env.str(
    "FAZHI_AUDIT_KEY", default="dev-only-audit-key-do-not-use-in-production" if DEBUG else ""
)
# Where signed checkpoints of the chain head are appended (a directory the database cannot
# reach; in production an append-only mount, see docs/ops/deployment.md).
FAZHI["AUDIT_ANCHOR_DIR"] = env.path("FAZHI_AUDIT_ANCHOR_DIR", default=BASE_DIR / "var" / "anchors")
# An anchor is written after every N events (0: only by `fazhi audit anchor`).
FAZHI["AUDIT_ANCHOR_EVERY"] = env.int("FAZHI_AUDIT_ANCHOR_EVERY", default=100)
# Proxies whose X-Forwarded-For is believed (CIDRs, comma separated). Default: nginx on the
# same host (loopback); set it empty to believe no header at all.
FAZHI["TRUSTED_PROXIES"] = env.list("FAZHI_TRUSTED_PROXIES", default=["127.0.0.1/32", "::1/128"])

# --- login throttling (issue 18 item 8): django-axes, per account and per client address -----
# Maintained library instead of a hand-written lock-out; see fazhi/accounts/throttle.py.
INSTALLED_APPS += ["axes"]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
FAZHI["LOGIN_MAX_FAILURES_PER_ADDRESS"] = env.int(
    "FAZHI_LOGIN_MAX_FAILURES_PER_ADDRESS", default=20
)
AXES_HANDLER = "fazhi.accounts.throttle.LoginThrottleHandler"
AXES_FAILURE_LIMIT = FAZHI["LOGIN_MAX_FAILURES"]
AXES_COOLOFF_TIME = FAZHI["LOGIN_LOCKOUT_WINDOW"]
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # order matters to the handler
AXES_CLIENT_IP_CALLABLE = "fazhi.core.middleware.axes_client_ip"
AXES_LOCKOUT_CALLABLE = "fazhi.accounts.throttle.lockout_response"
AXES_RESET_ON_SUCCESS = True  # the handler resets the account only, never the address
AXES_VERBOSE = False

# --- Content-Security-Policy (issue 18 item 11): see fazhi.core.middleware -------------------
MIDDLEWARE += ["fazhi.core.middleware.ContentSecurityPolicyMiddleware"]

# --- Background jobs (ADR 0005, issue 19.2): huey. SQLite under var/ when FAZHI_REDIS_URL is
# unset (so `make run` needs nothing new; the worker is `manage.py run_huey`), Redis otherwise.
INSTALLED_APPS += ["huey.contrib.djhuey"]
_REDIS_URL = env.str("FAZHI_REDIS_URL", default="")
if _REDIS_URL:
    HUEY = {
        "huey_class": "huey.RedisHuey",
        "name": "fazhi",
        "immediate": False,
        "connection": {"url": _REDIS_URL},
    }
else:
    (BASE_DIR / "var").mkdir(exist_ok=True)
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": "fazhi",
        "immediate": False,
        "filename": str(BASE_DIR / "var" / "huey.sqlite3"),
    }
