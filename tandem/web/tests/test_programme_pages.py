"""The programme pages: team leaders see their areas exactly; analysts see the whole LMNS
as suppressed aggregates with no names; nobody sees an area outside her scope."""

import re
from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tandem.core.roles import Role
from tandem.pathway.models import ReviewOutcome
from tandem.programme.tests.factories import (
    TrainingCourseFactory,
    TrainingRecordFactory,
    VisitTargetFactory,
    adswood_family,
    decided,
)
from tandem.records.models import Profession
from tandem.records.tests.factories import PractitionerFactory, TeamFactory, UserFactory
from tandem.web.tests.conftest import date_fields, page_text

PROGRAMME = reverse("web:programme")


def _rows(page: str) -> list[list[str]]:
    """The text of each table row's cells (header and data), in page order, without the
    column names the responsive table repeats in each cell."""
    page = re.sub(r'<span class="nhsuk-table__heading"[^>]*>.*?</span>', "", page, flags=re.DOTALL)
    rows = []
    for row in re.findall(r"<tr.*?</tr>", page, flags=re.DOTALL):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, flags=re.DOTALL)
        rows.append([" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells])
    return rows


def _row(page: str, first: str) -> list[str]:
    return next(row for row in _rows(page) if row and first in row[0])


def _area_url(area) -> str:
    return reverse("web:programme-area", args=[area.pk])


def _brinnington_team_leader(personas):
    team = TeamFactory(organisation=personas.provider, name="Brinnington midwives")
    user = UserFactory(username="brinnington_leader", role=Role.TEAM_LEADER)
    practitioner = PractitionerFactory(
        user=user, organisation=personas.provider, profession=Profession.MIDWIFE
    )
    practitioner.teams.set([team])
    return user


def _families(personas, count):
    for _ in range(count):
        decided(adswood_family(personas), ReviewOutcome.JOINT_VISIT)


def test_programme_team_leader_sees_exact_figures_for_her_area(client, personas):
    _families(personas, 2)
    VisitTargetFactory(area=personas.adswood, target_visits=45)
    client.force_login(personas.team_leader)
    page = page_text(client.get(PROGRAMME))
    assert "Your areas" in page
    assert "Adswood" in page and "Brinnington" not in page
    assert _row(page, "Booked")[1:] == ["3", ""]
    # Referred another way than the screen, so none was screened: no share to show.
    assert _row(page, "Screened for the pathway")[1:] == ["0", "0.0%"]
    assert _row(page, "Referred to the pathway")[1:] == ["2", "No data"]
    assert "45" in page
    assert _area_url(personas.adswood) in page


def test_programme_team_leader_of_another_area_sees_nothing_of_this_one(client, personas):
    _families(personas, 2)
    VisitTargetFactory(area=personas.adswood)
    client.force_login(_brinnington_team_leader(personas))
    assert client.get(_area_url(personas.adswood)).status_code == 404
    page = page_text(client.get(PROGRAMME))
    assert "Adswood" not in page
    assert client.get(_area_url(personas.brinnington)).status_code == 200


def test_programme_analyst_sees_suppressed_aggregates_and_no_names(client, personas):
    _families(personas, 2)
    course = TrainingCourseFactory()
    TrainingRecordFactory(practitioner=personas.midwife.practitioner, course=course)
    client.force_login(personas.analyst)
    page = page_text(client.get(PROGRAMME))
    assert "Whole LMNS" in page
    assert "Counts from 1 to 7 are shown as 5" in page
    # 3 booked families in Adswood are shown as 5, and no figure reads 3 or 1.
    assert _row(page, "Booked")[1:] == ["5", ""]
    assert _row(page, "Adswood")[1:5] == ["5", "0", "5", "5"]  # booked, screened, ...
    figures = [cell for row in _rows(page) for cell in row[1:]]
    assert "3" not in figures and "1" not in figures
    for identifier in (
        str(personas.woman),
        personas.woman.nhs_number_display,
        str(personas.midwife.practitioner),
    ):
        assert identifier not in page
    assert client.get(_area_url(personas.adswood)).status_code == 200


def test_programme_period_must_end_after_it_starts(client, personas):
    client.force_login(personas.team_leader)
    response = client.get(
        PROGRAMME,
        {
            **date_fields("period_start", date(2025, 3, 1)),
            **date_fields("period_end", date(2025, 2, 1)),
        },
    )
    page = page_text(response)
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "The last day of the period must be on or after the first" in page


def test_programme_shows_the_areas_live(client, personas):
    personas.adswood.pathway_live_from = date(2023, 10, 1)
    personas.adswood.save()
    client.force_login(personas.analyst)
    page = page_text(client.get(PROGRAMME))
    assert "1 of 2 areas live" in page
    assert "1 October 2023" in page


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_programme_query_counts_stay_constant_as_data_grows(
    client, personas, django_assert_max_num_queries
):
    course = TrainingCourseFactory()
    VisitTargetFactory(area=personas.adswood)
    VisitTargetFactory(area=None)
    _families(personas, 2)
    for user in (personas.analyst, personas.team_leader):
        client.force_login(user)
        baseline = _queries(client, PROGRAMME)
        _families(personas, 10)
        for _ in range(5):
            practitioner = PractitionerFactory(organisation=personas.provider)
            practitioner.teams.set([personas.adswood_team])
            TrainingRecordFactory(practitioner=practitioner, course=course)
        VisitTargetFactory(area=personas.brinnington)
        with django_assert_max_num_queries(baseline):
            client.get(PROGRAMME)
