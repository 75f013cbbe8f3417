"""Writing one section at a time on its page: saved as a new version, errors beside the
field, and a clear conflict that shows the newer version."""

import pytest
from django.urls import reverse

from tandem.careplans import services
from tandem.careplans.models import PlanSection, SectionVersion
from tandem.records.models import CarePlanRecord

pytestmark = pytest.mark.django_db


def _url(personas, section):
    return f"{reverse('web:care-plan-section', args=[personas.pregnancy.pk])}?section={section}"


def test_section_page_saves_a_new_version(client, personas):
    client.force_login(personas.midwife)
    url = _url(personas, PlanSection.PLACE_OF_BIRTH)
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "based_on": "",
            "place": "home",
            "risks_discussed_by": "Sam, midwife",
            "risks_discussed_on_day": "3",
            "risks_discussed_on_month": "2",
            "risks_discussed_on_year": "2026",
            "risks_discussion": "Transfer times from home",
        },
    )
    assert response.status_code == 302
    version = SectionVersion.objects.get()
    assert version.content["place"] == "home"
    assert version.content["risks_discussed_on"] == "2026-02-03"
    assert version.author == personas.midwife
    assert CarePlanRecord.objects.filter(pregnancy=personas.pregnancy).count() == 1


def test_section_page_names_the_missing_field_and_saves_nothing(client, personas):
    client.force_login(personas.midwife)
    response = client.post(
        _url(personas, PlanSection.PLACE_OF_BIRTH), {"based_on": "", "place": "home"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert 'href="#risks_discussion"' in page
    assert not SectionVersion.objects.exists()


def test_section_page_conflict_shows_the_newer_version(client, personas):
    plan = services.plan_for(personas.pregnancy, by=personas.midwife)
    services.record_section(
        plan, PlanSection.FEARS, {"text": "Needles"}, by=personas.midwife, based_on=None
    )
    client.force_login(personas.team_leader)
    response = client.post(_url(personas, PlanSection.FEARS), {"based_on": "", "text": "Hospitals"})
    page = response.content.decode()
    assert response.status_code == 409
    assert "Someone else changed this section" in page
    assert "Needles" in page  # the newer version
    assert "Hospitals" in page  # what she typed is kept
    assert 'name="based_on" value="1"' in page
    assert SectionVersion.objects.count() == 1
    again = client.post(_url(personas, PlanSection.FEARS), {"based_on": "1", "text": "Hospitals"})
    assert again.status_code == 302
    assert services.current_sections(plan, for_woman=False)[PlanSection.FEARS].number == 2


def test_section_page_without_a_section_goes_back_to_the_plan(client, personas):
    client.force_login(personas.midwife)
    response = client.get(_url(personas, "nonsense"))
    assert response.status_code == 302
    assert response.url == reverse("web:care-plan", args=[personas.pregnancy.pk])
