"""Error pages in the NHS.UK style, rendered with DEBUG off as in production."""

from django.test import Client, override_settings
from django.urls import reverse

from tandem.web.tests.conftest import page_text
from tandem.web.views import errors


def test_unknown_page_answers_404_in_nhs_style(client, personas, settings):
    assert settings.DEBUG is False
    client.force_login(personas.midwife)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    page = page_text(response)
    assert "<h1>Page not found</h1>" in page
    assert 'class="nhsuk-header' in page


def test_record_outside_her_scope_answers_the_same_404(client, personas):
    client.force_login(personas.outsider)
    response = client.get(reverse("web:woman", args=[personas.woman.pk]))
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in page_text(response)


def test_missing_record_answers_404(client, personas):
    client.force_login(personas.midwife)
    assert client.get(reverse("web:woman", args=[999999])).status_code == 404


def test_role_without_permission_answers_403_in_nhs_style(client, personas):
    client.force_login(personas.analyst)
    response = client.get(reverse("web:search"))
    assert response.status_code == 403
    assert "<h1>You do not have permission to see this page</h1>" in page_text(response)


def test_signed_out_visitor_is_sent_to_sign_in(client, personas):
    response = client.get(reverse("web:woman", args=[personas.woman.pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("web:sign-in") + "?next=/women/")


def test_form_without_csrf_token_answers_403_with_plain_words(personas):
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas.midwife)
    response = client.post(reverse("web:woman-edit", args=[personas.woman.pk]), {})
    assert response.status_code == 403
    assert "Your form could not be sent" in page_text(response)


def test_server_error_page_renders_without_the_database(rf):
    request = rf.get("/")
    response = errors.server_error(request)
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


@override_settings(DEBUG=False)
def test_error_handlers_are_installed():
    from tandem import urls

    assert urls.handler404 == "tandem.web.views.errors.not_found"
    assert urls.handler403 == "tandem.web.views.errors.permission_denied"
    assert urls.handler500 == "tandem.web.views.errors.server_error"
