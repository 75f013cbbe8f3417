"""On a phone 320 CSS pixels wide (WCAG 1.4.10 reflow), the main pages of the Enhanced
Maternity Pathway fit the window without sideways scrolling, and stay accessible: the
screen, the review queue and a referral, the booking page, the calendar, a visit and its
record, the worklists and the programme figures, each filled with data."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tandem.assessments.models import AttendanceOutcome, PlanOwner
from tandem.assessments.services import attendance, plan, records
from tandem.pathway.models import Referral
from tandem.pathway.services import record_screen
from tandem.pathway.tests.factories import answers
from tandem.records.tests.factories import PregnancyFactory, WomanFactory
from tandem.records.tests.personas import ADSWOOD_POSTCODE
from tandem.scheduling.tests.factories import (
    BusyPeriodFactory,
    at,
    booked_visit,
    decided_referral,
    edd_for,
    works_every_day,
)
from tests.browser.conftest import assert_fits_width
from tests.browser.steps import sign_in, sign_out, visit

pytestmark = pytest.mark.django_db(transaction=True)

LONG_DETAIL = (
    "She disclosed controlling behaviour by her partner at booking, including checking "
    "her phone, limiting her money and stopping her from seeing her friends and family."
)


def _opens_and_fits(page: Page, path: str, heading: str) -> None:
    """When she opens the page on her phone, then it fits, and it is accessible."""
    visit(page, path)
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
    assert_fits_width(page)


def _pregnant_in_adswood(personas, *, given_name: str, weeks: int, days: int = 0):
    today = timezone.localdate()
    edd = edd_for(today, weeks, days)
    woman = WomanFactory(
        given_name=given_name, family_name="Narrowscreen-Longfamilyname", postcode=ADSWOOD_POSTCODE
    )
    return PregnancyFactory(
        woman=woman,
        provider=personas.provider,
        area=personas.adswood,
        team=personas.adswood_team,
        named_midwife=personas.midwife.practitioner,
        edd=edd,
        booking_date=today - timedelta(weeks=8),
    )


def _recorded_visit(personas, pregnancy):
    """A joint visit three days ago, attended, with a draft record: every section and a
    goal with an action (so it is also on the worklist of visits not recorded)."""
    midwife, health_visitor = personas.midwife, personas.health_visitor
    referral = decided_referral(pregnancy, by=midwife)
    found = booked_visit(
        pregnancy,
        by=personas.administrator,
        midwife=midwife.practitioner,
        health_visitor=health_visitor.practitioner,
        starts_at=at(timezone.localdate() - timedelta(days=3), 10),
        referral=referral,
    )
    attendance.record_attendance(
        by=midwife, visit=found, expected_version=found.version, outcome=AttendanceOutcome.ATTENDED
    )
    record = records.save_priorities(
        by=midwife,
        visit=found,
        expected_version=0,
        parents_priorities="A safe and warm home before the baby arrives, and help with money",
        baby_voice="Keep me safe, keep me warm, and talk to me",
    )
    record = records.save_matrix(
        by=health_visitor,
        visit=found,
        expected_version=record.version,
        factors={
            "resilience_protective": ["Supportive sister who lives nearby"],
            "vulnerability_adversity": ["Disclosed domestic abuse by her partner"],
        },
        summary="Strong family support; safety at home is the main concern.",
    )
    record = records.save_triangle_side(
        by=health_visitor,
        visit=found,
        expected_version=record.version,
        side="my-wider-world",
        entries={"world_support": {"strengths": LONG_DETAIL, "concerns": LONG_DETAIL}},
    )
    plan.add_goal(
        by=health_visitor,
        visit=found,
        expected_version=record.version,
        goal="Feel safe at home before the baby arrives",
        action="Refer to the local domestic abuse service and follow up the referral",
        owner=PlanOwner.SERVICE,
        owner_service="Stockport Domestic Abuse Support Service (independent advisers)",
        due_date=timezone.localdate() + timedelta(days=14),
    )
    return found


def test_pathway_pages_fit_a_phone(narrow_page, personas):
    page = narrow_page
    midwife = personas.midwife
    today = timezone.localdate()
    # Given the midwife and the health visitor work every day, and the midwife is busy
    # tomorrow afternoon
    works_every_day(midwife.practitioner)
    works_every_day(personas.health_visitor.practitioner)
    BusyPeriodFactory(
        practitioner=midwife.practitioner,
        starts_at=at(today + timedelta(days=1), 13),
        ends_at=at(today + timedelta(days=1), 14),
    )
    # And the woman was referred ten days ago, two criteria met, and waits for review
    screen = record_screen(
        by=midwife,
        pregnancy=personas.pregnancy,
        answers=answers(domestic_abuse=LONG_DETAIL, perinatal_mental_health=LONG_DETAIL),
    )
    Referral.objects.filter(pk=screen.referral_id).update(
        referred_at=timezone.now() - timedelta(days=10)
    )
    # And a second family is decided for a joint visit, not yet booked, at 19+5 weeks
    waiting = decided_referral(
        _pregnant_in_adswood(personas, given_name="Bethany", weeks=19, days=5), by=midwife
    )
    # And a third had her joint visit three days ago, with a draft record
    recorded = _recorded_visit(
        personas, _pregnant_in_adswood(personas, given_name="Charlotte", weeks=23)
    )
    # And a fourth has her joint visit booked in three days
    upcoming = _pregnant_in_adswood(personas, given_name="Danielle", weeks=22)
    booked_visit(
        upcoming,
        by=personas.administrator,
        midwife=midwife.practitioner,
        health_visitor=personas.health_visitor.practitioner,
        starts_at=at(today + timedelta(days=3), 10),
        referral=decided_referral(upcoming, by=midwife),
    )

    # When the midwife, on her phone, opens the screen and its result, her calendar, the
    # visit, its record and her worklist, then each fits and is accessible
    sign_in(page, "midwife")
    _opens_and_fits(
        page, f"/pregnancies/{personas.pregnancy.pk}/pathway-screen/", "Enhanced pathway screen"
    )
    _opens_and_fits(page, f"/pathway/screens/{screen.pk}/", "Enhanced pathway screen")
    _opens_and_fits(page, "/calendar/", "My calendar")
    expect(page.get_by_role("table", name="Upcoming visits")).to_be_visible()
    _opens_and_fits(page, f"/visits/{recorded.pk}/", "Joint midwife and health visitor visit")
    _opens_and_fits(page, f"/visits/{recorded.pk}/record/", "Joint visit on")
    expect(page.get_by_role("table", name="Actions for goal 1")).to_be_visible()
    # And the forms of the record: one side of the My World Triangle, a new goal, and
    # completing the record
    for path, heading in (
        ("my-wider-world/", "My World Triangle: My wider world"),
        ("goals/new/", "Add a goal to the family plan"),
        ("complete/", "Complete the visit record"),
    ):
        _opens_and_fits(page, f"/visits/{recorded.pk}/record/{path}", heading)
    _opens_and_fits(page, "/worklists/visits-not-recorded/", "Visits not recorded (1)")
    sign_out(page)

    # When the safeguarding reviewer opens her queue, the referral and the decision form
    sign_in(page, "reviewer")
    _opens_and_fits(page, "/pathway/referrals/", "Referrals to review")
    expect(page.get_by_role("table", name="Referrals awaiting review")).to_contain_text(
        "Over target"
    )
    _opens_and_fits(page, f"/pathway/referrals/{screen.referral_id}/", "Enhanced pathway referral")
    _opens_and_fits(page, f"/pathway/referrals/{screen.referral_id}/decide/", "Decide")
    sign_out(page)

    # When the administrator opens the booking page and her worklist of visits to book
    sign_in(page, "administrator")
    _opens_and_fits(page, f"/referrals/{waiting.pk}/book-visit/", "Book the joint visit")
    expect(page.get_by_role("group", name="When").get_by_role("radio").first).to_be_visible()
    _opens_and_fits(page, "/worklists/joint-visit-not-booked/", "Joint visits not booked (1)")
    sign_out(page)

    # When the team leader opens the programme figures
    sign_in(page, "team_leader")
    _opens_and_fits(page, "/programme/", "Enhanced Maternity Pathway programme")
    expect(page.get_by_role("table", name="The pathway funnel: Your areas")).to_be_visible()
