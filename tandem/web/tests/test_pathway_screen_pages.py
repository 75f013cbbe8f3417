"""The enhanced-pathway screen page: a midwife screens and refers; errors name the field."""

import pytest
from django.urls import reverse

from tandem.core.roles import Role
from tandem.pathway.models import Referral, Screen, ScreenOutcome
from tandem.pathway.tests.factories import default_criteria
from tandem.records.models import Profession
from tandem.records.tests.factories import PractitionerFactory, UserFactory
from tandem.web.tests.conftest import assert_field_error, page_text


@pytest.fixture(autouse=True)
def criteria(db):
    return default_criteria()


def _form(criteria, **met) -> dict:
    met = {code.replace("_", "-"): detail for code, detail in met.items()}
    data = {}
    for criterion in criteria:
        data[f"met_{criterion.code}"] = "yes" if criterion.code in met else "no"
        data[f"detail_{criterion.code}"] = met.get(criterion.code, "")
    return data


def test_screen_page_asks_every_active_criterion_for_the_midwife(client, personas, criteria):
    client.force_login(personas.midwife)
    page = page_text(client.get(reverse("web:pathway-screen", args=[personas.pregnancy.pk])))

    assert "<h1>Enhanced pathway screen</h1>" in page
    assert all(criterion.label in page for criterion in criteria)
    assert personas.woman.nhs_number_display in page
    assert "This is not an urgent safeguarding referral" in page


def test_screen_page_midwife_refers_and_sees_the_result(client, personas, criteria):
    client.force_login(personas.midwife)
    url = reverse("web:pathway-screen", args=[personas.pregnancy.pk])

    response = client.post(url, _form(criteria, domestic_abuse="Disclosed at booking"))

    screen = Screen.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("web:pathway-screen-result", args=[screen.pk])
    assert screen.outcome == ScreenOutcome.REFERRED
    page = page_text(client.get(response.url))
    assert "Referred to the safeguarding team for review" in page
    assert "Yes: Disclosed at booking" in page


def test_screen_page_nothing_met_shows_not_referred(client, personas, criteria):
    client.force_login(personas.team_leader)
    url = reverse("web:pathway-screen", args=[personas.pregnancy.pk])

    response = client.post(url, _form(criteria), follow=True)

    assert "Not referred: no criterion met" in page_text(response)
    assert not Referral.objects.exists()


def test_screen_page_met_without_detail_shows_the_error_and_saves_nothing(
    client, personas, criteria
):
    client.force_login(personas.midwife)
    data = _form(criteria) | {"met_domestic-abuse": "yes"}

    response = client.post(reverse("web:pathway-screen", args=[personas.pregnancy.pk]), data)

    assert response.status_code == 200
    assert_field_error(response, "detail_domestic-abuse", "Describe the domestic abuse concern")
    assert not Screen.objects.exists()


def test_screen_page_unanswered_question_shows_the_error(client, personas, criteria):
    client.force_login(personas.midwife)
    data = _form(criteria)
    del data["met_parent-under-20"]

    response = client.post(reverse("web:pathway-screen", args=[personas.pregnancy.pk]), data)

    assert_field_error(response, "met_parent-under-20", "Select whether 'Parent under 20' applies")


def test_screen_page_refused_to_outsider_and_analyst(client, personas):
    url = reverse("web:pathway-screen", args=[personas.pregnancy.pk])
    client.force_login(personas.outsider)
    assert client.get(url).status_code == 404
    client.force_login(personas.analyst)
    assert client.get(url).status_code == 403


def test_screen_result_hidden_from_reviewer_outside_the_area(client, personas, criteria):
    client.force_login(personas.midwife)
    client.post(
        reverse("web:pathway-screen", args=[personas.pregnancy.pk]),
        _form(criteria, language_barrier="Speaks Tigrinya"),
    )
    screen = Screen.objects.get()
    elsewhere = UserFactory(username="brinnington_reviewer", role=Role.SAFEGUARDING_REVIEWER)
    PractitionerFactory(
        user=elsewhere,
        profession=Profession.SAFEGUARDING_PRACTITIONER,
        organisation=personas.council,
    ).areas.set([personas.brinnington])

    client.force_login(elsewhere)
    assert client.get(reverse("web:pathway-screen-result", args=[screen.pk])).status_code == 404
    assert client.get(reverse("web:pathway-referral", args=[screen.referral_id])).status_code == 404
    assert client.get(reverse("web:pathway-decide", args=[screen.referral_id])).status_code == 404
    client.force_login(personas.reviewer)
    assert client.get(reverse("web:pathway-screen-result", args=[screen.pk])).status_code == 200
