"""The Enhanced Maternity Pathway from end to end, in the browser: the midwife screens a
family and refers her; the safeguarding reviewer decides on a joint visit; the administrator
books the first time Tandem proposes; on the day the midwife and the health visitor, each
on her own computer, record the visit and agree the family plan; and the team leader sees
the family move along the programme's funnel. axe-core checks every page (steps.check_page).
"""

import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import Page, expect

from tandem.pathway.models import Referral
from tandem.pathway.tests.factories import default_criteria
from tandem.records.models import Pregnancy
from tandem.scheduling.models import Visit
from tandem.scheduling.tests.factories import edd_for, works_every_day
from tests.browser.steps import (
    choose,
    fill_date,
    follow,
    follow_link,
    follow_menu,
    press_button,
    sign_in,
    success_banner,
    summary_value,
    table_row,
    visit,
)

pytestmark = pytest.mark.django_db(transaction=True)

FUNNEL = "The pathway funnel: Your areas"


def _funnel_counts(page: Page) -> dict[str, str]:
    """The number of families at each stage of the programme page's funnel."""
    funnel = page.get_by_role("table", name=FUNNEL)
    counts = {}
    for stage in (
        "Booked",
        "Referred to the pathway",
        "Review decision made",
        "Visit booked",
        "Visit completed in its window",
        "Family plan recorded",
    ):
        cell = table_row(funnel, stage).locator("td").nth(1)
        counts[stage] = re.sub(r"^Families\s*", "", cell.inner_text().strip())
    return counts


def _screen_and_refer(page: Page, woman, criteria) -> None:
    heading = page.get_by_role("heading", level=1)
    # When the midwife opens the woman's record from her caseload
    mine = page.get_by_role("table", name="Women you are named midwife for")
    follow(page, mine.get_by_role("link", name=str(woman)))
    expect(heading).to_have_text(str(woman))
    # And opens the enhanced pathway screen from her pregnancy
    follow_link(page, "Enhanced pathway screen")
    expect(heading).to_have_text("Enhanced pathway screen")
    # And answers every criterion, domestic abuse with what she knows
    for criterion in criteria:
        choose(page, criterion.label, "Yes" if criterion.code == "domestic-abuse" else "No")
    page.get_by_label("Domestic abuse: details (needed if yes)").fill(
        "She disclosed controlling behaviour by her partner at booking."
    )
    press_button(page, "Save the screen")
    # Then the screen says she has been referred to the safeguarding team
    expect(heading).to_have_text("Enhanced pathway screen")
    expect(page.locator(".nhsuk-notification-banner")).to_contain_text(
        "Referred to the safeguarding team for review"
    )
    # And the referral it made waits for review
    follow_link(page, "See the referral")
    expect(summary_value(page, "Status")).to_have_text("Awaiting safeguarding review")
    expect(summary_value(page, "Domestic abuse")).to_contain_text("controlling behaviour")


def _review(page: Page, woman) -> None:
    heading = page.get_by_role("heading", level=1)
    # When the reviewer opens her queue from the menu
    follow_menu(page, "Referrals to review")
    expect(heading).to_have_text("Referrals to review")
    queue = page.get_by_role("table", name="Referrals awaiting review")
    expect(table_row(queue, str(woman))).to_contain_text("Domestic abuse")
    # And opens the referral and decides on a joint visit, with her reasons
    follow(page, queue.get_by_role("link", name=str(woman)))
    expect(heading).to_have_text("Enhanced pathway referral")
    follow_link(page, "Decide")
    choose(page, "Your decision", "Joint visit at 20 to 25 weeks")
    page.get_by_label("Reasons for your decision").fill(
        "Disclosed domestic abuse; the family would benefit from a joint visit."
    )
    press_button(page, "Save decision")
    # Then she is back on her queue, which is empty now
    expect(success_banner(page)).to_contain_text(
        "Your decision has been saved: Joint visit at 20 to 25 weeks"
    )
    expect(page.get_by_text("No referral in your areas is awaiting review.")).to_be_visible()


def _book(page: Page, referral: Referral, first_day) -> None:
    heading = page.get_by_role("heading", level=1)
    # When the administrator opens "Joint visits not booked" from her home page, the family
    # from that list, and "Book the visit" on her record
    follow(page, page.get_by_role("link", name="Joint visits not booked: 1"))
    follow(page, page.get_by_role("link", name=str(referral.pregnancy.woman)))
    follow_link(page, "Book the visit")
    expect(heading).to_have_text("Book the joint visit at 20 to 25 weeks")
    # Then the first time proposed is on the window's first day, at the start of the working
    # day, with her named midwife and the area's health visitor
    when = page.get_by_role("group", name="When")
    expect(when.locator("label").first).to_have_text(
        f"{first_day:%A} {first_day.day} {first_day:%B %Y}, 9am to 10:30am, with Midwife "
        "Persona and Health Visitor Persona (20+0 weeks)"
    )
    # When she books it
    when.get_by_role("radio").first.check()
    press_button(page, "Book visit")
    # Then the visit page shows the booking
    expect(success_banner(page)).to_contain_text("The visit has been booked")
    expect(heading).to_have_text("Joint midwife and health visitor visit (20 to 25 weeks)")
    expect(summary_value(page, "Gestation on the day")).to_have_text("20+0 weeks")
    expect(summary_value(page, "Status")).to_have_text("Booked")


def _record_as_midwife(page: Page, woman) -> None:
    heading = page.get_by_role("heading", level=1)
    # When the midwife opens the woman's record from her caseload, and the visit from there
    mine = page.get_by_role("table", name="Women you are named midwife for")
    follow(page, mine.get_by_role("link", name=str(woman)))
    follow(
        page,
        page.get_by_role(
            "link", name=re.compile(r"^Joint midwife and health visitor visit .*\(booked\)$")
        ),
    )
    # And records that the family attended
    follow_link(page, "Record attendance")
    choose(page, "Did the family attend the visit?", "Attended")
    press_button(page, "Save attendance")
    expect(success_banner(page)).to_contain_text("Attendance recorded: the family attended")
    expect(heading).to_have_text(re.compile(r"^Joint visit on "))
    # And records the parents' priorities
    follow_link(page, "Record or change the priorities")
    page.get_by_label("The parents' priorities").fill("A safe home for the baby.")
    page.get_by_label("The voice of the unborn baby").fill("Keep me safe and warm.")
    press_button(page, "Save draft")
    expect(success_banner(page)).to_contain_text("Draft saved: What matters to the family")
    # And a factor of the Risk and Resilience Matrix
    follow_link(page, "Record or change the matrix")
    page.get_by_label("Resilience and a protective environment").fill("Supportive sister nearby")
    press_button(page, "Save draft")
    expect(success_banner(page)).to_contain_text("Draft saved: Risk and Resilience Matrix")


def _open_from_calendar(page: Page) -> None:
    """The health visitor opens the visit, which has started, from her calendar."""
    follow_menu(page, "My calendar")
    visits = page.get_by_role("table", name="Upcoming visits")
    follow(page, visits.get_by_role("link", name=re.compile("^Open the visit")))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Joint midwife and health visitor visit (20 to 25 weeks)"
    )
    expect(page.get_by_role("link", name="Record attendance", exact=True)).to_be_visible()


def _record_as_health_visitor(page: Page, woman) -> None:
    heading = page.get_by_role("heading", level=1)
    # When the health visitor, once the midwife has recorded the attendance, goes from the
    # visit to the woman's record, and back to the visit, now attended, and its record
    follow_link(page, f"Back to {woman}'s record")
    follow(page, page.get_by_role("link", name=re.compile(r"^Joint midwife .*\(attended\)$")))
    follow_link(page, "Open the visit record")
    expect(
        page.get_by_text("Draft: the midwife and the health visitor can both add to it.")
    ).to_be_visible()
    # And records a My World Triangle entry
    follow_link(page, "Record or change: My wider world")
    page.get_by_label("Strengths: Support from family, friends and other people").fill(
        "Her sister visits every day."
    )
    press_button(page, "Save draft")
    expect(success_banner(page)).to_contain_text("Draft saved: My World Triangle: My wider world")
    expect(heading).to_have_text(re.compile(r"^Joint visit on "))
    # And agrees a goal with the family, with an action, who will do it and by when
    follow_link(page, "Add a goal")
    page.get_by_label("Goal").fill("Feel safe at home before the baby arrives")
    page.get_by_label("Action").fill("Refer to the local domestic abuse service")
    choose(page, "Who will do this?", "Health visitor")
    fill_date(page, "due_date", timezone.localdate() + timedelta(days=14))
    press_button(page, "Save draft")
    goal = page.get_by_role("table", name="Actions for goal 1")
    expect(goal).to_contain_text("Refer to the local domestic abuse service")
    expect(goal).to_contain_text("Health visitor")


def test_pathway_from_screen_to_programme(open_page, personas):
    """Each person works in her own browser (her own sign-in)."""
    woman = personas.woman
    today = timezone.localdate()
    # Given the woman is 19+5 weeks pregnant, booked eight weeks ago, so the joint visit's
    # window (20+0 to 25+6) opens in two days
    edd = edd_for(today, 19, 5)
    Pregnancy.objects.filter(pk=personas.pregnancy.pk).update(
        edd=edd, lmp=edd - timedelta(days=280), booking_date=today - timedelta(weeks=8)
    )
    # And the screen asks about the pathway's default criteria
    criteria = default_criteria()
    # And the midwife and the health visitor who cover Adswood work every day, 9am to 5pm
    works_every_day(personas.midwife.practitioner)
    works_every_day(personas.health_visitor.practitioner)

    # Given the team leader sees the family booked and nowhere on the pathway yet
    team_leader = open_page()
    sign_in(team_leader, "team_leader")
    follow_menu(team_leader, "Programme")
    assert _funnel_counts(team_leader) == {
        "Booked": "1",
        "Referred to the pathway": "0",
        "Review decision made": "0",
        "Visit booked": "0",
        "Visit completed in its window": "0",
        "Family plan recorded": "0",
    }

    # 1. When the midwife screens the woman and a criterion is met, she is referred
    midwife = open_page()
    sign_in(midwife, "midwife")
    _screen_and_refer(midwife, woman, criteria)
    referral = Referral.objects.get(pregnancy=personas.pregnancy)

    # 2. When the safeguarding reviewer decides on a joint visit, with her reasons
    reviewer = open_page()
    sign_in(reviewer, "reviewer")
    _review(reviewer, woman)

    # 3. When the administrator books the first time proposed
    administrator = open_page()
    sign_in(administrator, "administrator")
    _book(administrator, referral, first_day=today + timedelta(days=2))
    booked = Visit.objects.get(referral=referral)

    # 4. On the day, once the visit has started (their sessions from before have ended)
    with time_machine.travel(booked.starts_at + timedelta(minutes=20), tick=True):
        # Given the health visitor has opened it from her calendar
        health_visitor = open_page()
        sign_in(health_visitor, "health_visitor")
        _open_from_calendar(health_visitor)
        # When the midwife records attendance, the priorities and the matrix
        midwife = open_page()
        sign_in(midwife, "midwife")
        _record_as_midwife(midwife, woman)
        # And the health visitor a My World entry and a goal with an action
        _record_as_health_visitor(health_visitor, woman)
        # And the midwife, back on the record, sees the goal once she refreshes it, and
        # completes the record
        visit(midwife, f"/visits/{booked.pk}/record/")
        expect(midwife.get_by_role("table", name="Actions for goal 1")).to_be_visible()
        follow_link(midwife, "Complete the record")
        press_button(midwife, "Complete the record")
        # Then the record is complete
        expect(success_banner(midwife)).to_contain_text("The visit record is complete")
        expect(
            midwife.get_by_text(re.compile(r"^Completed by Midwife Persona on "))
        ).to_be_visible()

        # 5. Then the team leader sees the family at every stage of the funnel
        team_leader = open_page()
        sign_in(team_leader, "team_leader")
        follow_menu(team_leader, "Programme")
        expect(team_leader.get_by_role("heading", level=1)).to_have_text(
            "Enhanced Maternity Pathway programme"
        )
        assert _funnel_counts(team_leader) == {
            "Booked": "1",
            "Referred to the pathway": "1",
            "Review decision made": "1",
            "Visit booked": "1",
            "Visit completed in its window": "1",
            "Family plan recorded": "1",
        }
