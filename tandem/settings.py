"""Django settings for Tandem.

Development defaults are safe to run locally: SQLite, secure cookies (browsers treat
127.0.0.1 as a secure origin), a strict Content-Security-Policy and nothing fetched from
the internet. Production sets TANDEM_SECRET_KEY, TANDEM_ALLOWED_HOSTS and DATABASE_URL.
"""

import os
import warnings
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = os.environ.get("TANDEM_DEBUG", "0") == "1"
SECRET_KEY = os.environ.get(
    "TANDEM_SECRET_KEY", "insecure-development-key-only-for-synthetic-data-0123456789abcdef"
)
ALLOWED_HOSTS = os.environ.get("TANDEM_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    # Django's admin, on a site only system administrators may enter (tandem/web/admin_site.py)
    "tandem.web.admin_app.TandemAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "csp",
    "simple_history",
    "tandem.core",
    "tandem.records",
    "tandem.outcomes",
    "tandem.pathway",
    "tandem.scheduling",
    "tandem.assessments",
    "tandem.programme",
    "tandem.measures",
    "tandem.careplans",
    "tandem.portal",
    "tandem.continuity",
    "tandem.hubs",
    "tandem.handover",
    "tandem.web",
    "tandem.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "tandem.portal.middleware.PortalLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "tandem.core.middleware.RequestContextMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tandem.urls"
WSGI_APPLICATION = "tandem.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "tandem.web.jinja.environment"},
    },
    {
        # Django admin and built-in pages use Django templates.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'tandem.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the dev server and concurrent writers wait for the lock
    # instead of failing; IMMEDIATE transactions take the write lock up front.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # A file, not memory, so concurrent-writer tests see real locking (WAL, busy timeout);
    # pytest-xdist gives each worker its own copy. TANDEM_TEST_DB names another file so two
    # suites can run side by side in one checkout.
    DATABASES["default"]["TEST"] = {
        "NAME": os.environ.get("TANDEM_TEST_DB", str(BASE_DIR / "test-tandem.sqlite3"))
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "core.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "web:sign-in"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:sign-in"

# Sign-in lockout: five failures for the same user name from the same address locks
# that pair for 30 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "web/locked_out.jinja"
AXES_VERBOSE = False

# Sessions end after 30 minutes without activity and when the browser closes.
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "tandem.web.views.errors.csrf_failure"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG and os.environ.get("TANDEM_HTTPS", "0") == "1":
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # The hash allows only the NHS.UK page template's one-line inline script, which marks
        # the page as JavaScript-enabled (tandem/web/tests/test_static_assets.py checks it).
        "script-src": ["'self'", "'sha256-tDOvXJi1PXbg0CWjLCCYSNHRXtps26K4JXkE3M6u/c0='"],
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

LANGUAGE_CODE = "en-gb"
# The woman's portal is offered in these languages (her choice is kept on her account, see
# tandem.portal.middleware); every other page is in English, the language of the record.
# Translations are first drafts awaiting review by fluent speakers: docs/i18n.md.
LANGUAGES = [
    ("en-gb", "English"),
    ("pl", "Polski"),
    ("ro", "Română"),
    ("ur", "اردو"),
    ("ar", "العربية"),
]
LOCALE_PATHS = [BASE_DIR / "tandem" / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
# Development and tests serve static files through the finders; only production runs
# collectstatic, so an absent STATIC_ROOT is expected, not a fault.
warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Small-number suppression of aggregates that leave the system (tandem.core.disclosure):
# "round" shows counts of 1 to 7 as 5 (NHS Digital's MSDS convention), "star" as "*".
SMALL_NUMBERS_CONVENTION = os.environ.get("TANDEM_SMALL_NUMBERS", "round")

# Continuity of carer: the women a year one full-time midwife may be named midwife for
# (NHS England's continuity of carer model assumes about 35; a team can set its own).
TANDEM_CONTINUITY_CASELOAD_LIMIT = int(os.environ.get("TANDEM_CONTINUITY_CASELOAD_LIMIT", "35"))

# Postnatal handover: days a health-visiting team has to acknowledge a handover before it is
# on both teams' worklists. Three, so a handover sent near day 10 is picked up in time to
# book the new birth visit by day 14 (docs/postnatal-handover.md).
TANDEM_HANDOVER_ACKNOWLEDGE_DAYS = int(os.environ.get("TANDEM_HANDOVER_ACKNOWLEDGE_DAYS", "3"))

# Reference lookups loaded by migration that `flush` keeps (tandem.core flush command).
FLUSH_KEEPS_TABLES_OF = ["records.Lsoa", "records.Postcode"]

SILENCED_SYSTEM_CHECKS: list[str] = []
