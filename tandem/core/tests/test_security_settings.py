"""Passwords, sessions, headers and sign-in lockout are set as the security design says."""

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.hashers import make_password
from django.urls import reverse

from tandem.records.tests.factories import TEST_PASSWORD, UserFactory

SIGN_IN = "/sign-in/"


def csp_directives(response) -> dict[str, list[str]]:
    policy = response.headers["Content-Security-Policy"]
    directives = (part.split() for part in policy.split(";") if part.strip())
    return {name: values for name, *values in directives}


def test_passwords_hash_with_argon2():
    assert make_password("a long synthetic passphrase").startswith("argon2")


def test_session_cookie_is_secure_and_expires_after_30_idle_minutes():
    assert settings.SESSION_COOKIE_SECURE is True
    assert settings.SESSION_COOKIE_HTTPONLY is True
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True


def test_csrf_cookie_is_secure():
    assert settings.CSRF_COOKIE_SECURE is True


def test_sign_in_page_is_named_and_asks_for_username_and_password(client):
    assert reverse("web:sign-in") == SIGN_IN

    response = client.get(SIGN_IN)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="username"' in html
    assert 'name="password"' in html


@pytest.mark.django_db
def test_responses_carry_a_strict_content_security_policy(client):
    directives = csp_directives(client.get(SIGN_IN))

    assert directives["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["frame-ancestors"] == ["'none'"]


@pytest.mark.django_db
def test_responses_refuse_framing_and_sniffing_and_limit_referrers(client):
    response = client.get(SIGN_IN)

    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_sign_in_succeeds_with_the_right_password(client, personas):
    response = client.post(SIGN_IN, {"username": "midwife", "password": TEST_PASSWORD})

    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(personas.midwife.pk)


def test_sign_in_locks_out_after_five_failures_even_with_right_password(client, db):
    UserFactory(username="midwife")
    for _ in range(5):
        response = client.post(SIGN_IN, {"username": "midwife", "password": "wrong guess"})
        assert SESSION_KEY not in client.session

    response = client.post(SIGN_IN, {"username": "midwife", "password": TEST_PASSWORD})

    assert SESSION_KEY not in client.session
    assert response.status_code in {403, 429}
