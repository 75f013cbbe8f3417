"""She chooses her language; it is kept on her account, every portal page (and her PDF)
follows it, Urdu and Arabic read right to left, and staff pages stay in English."""

import re

import pytest
from django.urls import reverse

from tandem.core.models import AuditAction, AuditEvent
from tandem.portal.services import account_of
from tandem.web.tests.conftest import page_text

HTML_TAG = re.compile(r"<html[^>]*>")


def html_tag(page: str) -> str:
    """The page's <html> start tag, its attributes on one line."""
    return " ".join(HTML_TAG.search(page).group(0).split())


pytestmark = pytest.mark.django_db


def _choose(client, personas, language: str):
    client.force_login(personas.woman_user)
    return client.post(reverse("web:portal-language"), {"language": language})


def test_her_choice_is_kept_on_her_account_and_audited(client, personas):
    response = _choose(client, personas, "pl")

    assert response.status_code == 302
    assert account_of(personas.woman_user).language == "pl"
    event = AuditEvent.objects.get(actor_id=personas.woman_user.pk, object_type="WomanAccount")
    assert event.action == AuditAction.CHANGE
    assert event.detail == {"language": {"from": "en-gb", "to": "pl"}}
    assert event.person_id == personas.woman.pk


def test_her_language_persists_across_sign_ins(client, personas):
    _choose(client, personas, "ro")
    client.logout()
    client.force_login(personas.woman_user)

    page = page_text(client.get(reverse("web:portal-home")))

    assert html_tag(page) == '<html lang="ro" dir="ltr">'
    assert "Cine vă îngrijește" in page
    assert "Who looks after you" not in page


def test_polish_pages_are_in_polish(client, personas):
    _choose(client, personas, "pl")
    pregnancy = personas.pregnancy

    home = page_text(client.get(reverse("web:portal-home")))
    plan = page_text(client.get(reverse("web:portal-plan", args=[pregnancy.pk])))

    assert html_tag(home) == '<html lang="pl" dir="ltr">'
    assert "Twoja opieka okołoporodowa" in home
    assert "Wyloguj się" in home
    assert "Co jest dla mnie ważne" in plan  # the section label, from careplans
    assert "Moje potrzeby zdrowotne" in plan


@pytest.mark.parametrize(
    ("language", "heading"),
    [("ur", "آپ کی زچگی کی دیکھ بھال"), ("ar", "رعاية الأمومة الخاصة بكِ")],
)
def test_urdu_and_arabic_pages_read_right_to_left(client, personas, language, heading):
    _choose(client, personas, language)

    page = page_text(client.get(reverse("web:portal-home")))

    assert html_tag(page) == f'<html lang="{language}" dir="rtl">'
    assert heading in page


def test_language_choices_are_named_in_their_own_language(client, personas):
    client.force_login(personas.woman_user)

    page = page_text(client.get(reverse("web:portal-language")))

    assert '<span lang="pl" dir="ltr">Polski</span>' in page
    assert '<span lang="ur" dir="rtl">اردو</span>' in page
    assert '<span lang="ar" dir="rtl">العربية</span>' in page


def test_a_language_not_offered_is_refused_naming_the_field(client, personas):
    response = _choose(client, personas, "fr")

    assert response.status_code == 200
    page = page_text(response)
    assert 'href="#language"' in page
    assert account_of(personas.woman_user).language == "en-gb"


def test_staff_pages_stay_in_english_whatever_the_browser_asks(client, personas):
    client.force_login(personas.midwife)

    page = page_text(client.get(reverse("web:home"), HTTP_ACCEPT_LANGUAGE="pl,ar;q=0.8"))

    assert html_tag(page) == '<html lang="en-GB" dir="ltr">'
    assert "Sign out" in page


def test_the_sign_in_page_is_english_whatever_the_browser_asks(client, db):
    page = page_text(client.get(reverse("web:sign-in"), HTTP_ACCEPT_LANGUAGE="ur,ar;q=0.8"))

    assert html_tag(page) == '<html lang="en-GB" dir="ltr">'
    assert "Skip to main content" in page
