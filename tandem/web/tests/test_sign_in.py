"""Signing in and out, with an error summary and a lockout after repeated failures."""

from django.urls import reverse

from tandem.records.tests.factories import TEST_PASSWORD
from tandem.web.tests.conftest import page_text


def test_sign_in_page_has_labelled_fields_and_a_button(client, db):
    page = page_text(client.get(reverse("web:sign-in")))
    assert "<h1>Sign in to Tandem</h1>" in page
    assert 'for="username"' in page and "User name" in page
    assert 'for="password"' in page
    assert 'autocomplete="current-password"' in page
    assert "Sign in" in page


def test_sign_in_with_right_password_goes_home(client, personas):
    response = client.post(
        reverse("web:sign-in"), {"username": "midwife", "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == reverse("web:home")


def test_sign_in_with_wrong_password_shows_error_summary(client, personas):
    response = client.post(reverse("web:sign-in"), {"username": "midwife", "password": "wrong"})
    assert response.status_code == 200
    page = page_text(response)
    assert 'class="nhsuk-error-summary"' in page
    assert "Enter a correct user name and password" in page
    assert "<title>Error: Sign in" in page
    assert 'value="midwife"' in page


def test_sign_in_with_empty_fields_names_each_field(client, db):
    page = page_text(client.post(reverse("web:sign-in"), {"username": "", "password": ""}))
    assert 'href="#username"' in page and "Enter your user name" in page
    assert 'href="#password"' in page and "Enter your password" in page


def test_sign_in_locks_after_five_failures(client, personas):
    for _ in range(5):
        client.post(reverse("web:sign-in"), {"username": "midwife", "password": "wrong"})
    response = client.post(
        reverse("web:sign-in"), {"username": "midwife", "password": TEST_PASSWORD}
    )
    assert response.status_code == 429
    page = page_text(response)
    assert "Sign-in is locked for now" in page
    assert "locked for 30 minutes" in page


def test_sign_out_is_a_post_form_in_the_header(client, personas):
    client.force_login(personas.midwife)
    page = page_text(client.get(reverse("web:home")))
    assert 'action="/sign-out/" method="post"' in page
    assert "Midwife Persona (Midwife)" in page
    assert client.get(reverse("web:sign-out")).status_code == 405
    response = client.post(reverse("web:sign-out"))
    assert response.url == reverse("web:sign-in")
    assert client.get(reverse("web:home")).status_code == 302
