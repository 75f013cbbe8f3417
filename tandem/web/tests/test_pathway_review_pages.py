"""The review pages: deciding, changing a decision, the more-information round trip through
the referrer's questions page, and withdrawing."""

import pytest
from django.urls import reverse

from tandem.pathway.models import Decision, ReferralStatus, ReviewOutcome
from tandem.pathway.services import decide, latest_event_id, record_screen
from tandem.pathway.tests.factories import answers
from tandem.web.tests.conftest import assert_field_error, page_text


@pytest.fixture
def referral(personas):
    return record_screen(
        by=personas.midwife,
        pregnancy=personas.pregnancy,
        answers=answers(substance_alcohol_use="Partner uses cannabis daily"),
    ).referral


def _decide_url(referral):
    return reverse("web:pathway-decide", args=[referral.pk])


def test_decide_page_shows_the_reasons_and_saves_the_decision(client, personas, referral):
    client.force_login(personas.reviewer)
    page = page_text(client.get(_decide_url(referral)))
    assert "Partner uses cannabis daily" in page

    response = client.post(
        _decide_url(referral),
        {
            "outcome": "joint_visit",
            "rationale": "Early joint planning",
            "question": "",
            "seen_event": str(latest_event_id(referral)),
        },
    )

    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.current_outcome == ReviewOutcome.JOINT_VISIT


def test_decide_page_without_rationale_shows_the_error(client, personas, referral):
    client.force_login(personas.reviewer)

    response = client.post(_decide_url(referral), {"outcome": "joint_visit", "rationale": ""})

    assert response.status_code == 200
    assert_field_error(response, "rationale", "Enter the reasons for your decision")
    assert not Decision.objects.exists()


def test_decide_page_after_someone_else_decided_answers_409(client, personas, referral):
    seen = latest_event_id(referral)
    decide(by=personas.reviewer, referral=referral, outcome="hv_28_week", rationale="First")
    client.force_login(personas.reviewer)

    response = client.post(
        _decide_url(referral),
        {"outcome": "not_eligible", "rationale": "Second", "seen_event": str(seen)},
    )

    assert response.status_code == 409
    assert "Someone else changed this referral" in page_text(response)
    assert Decision.objects.count() == 1


def test_change_decision_page_keeps_the_old_decision_on_the_referral(client, personas, referral):
    first = decide(by=personas.reviewer, referral=referral, outcome="hv_28_week", rationale="A")
    client.force_login(personas.reviewer)

    response = client.post(
        reverse("web:pathway-revise", args=[referral.pk]),
        {"outcome": "joint_visit", "rationale": "New GP letter", "revises": str(first.pk)},
    )

    assert response.status_code == 302
    page = page_text(client.get(reverse("web:pathway-referral", args=[referral.pk])))
    assert "replaced by a later decision" in page
    assert "New GP letter" in page
    assert "Decided: Joint visit at 20 to 25 weeks" in page


def test_more_information_round_trip_through_the_pages(client, personas, referral):
    client.force_login(personas.reviewer)
    client.post(
        _decide_url(referral),
        {
            "outcome": "more_information",
            "rationale": "Cannot judge the risk",
            "question": "Does the partner live with her?",
        },
    )
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.MORE_INFORMATION_NEEDED

    client.force_login(personas.midwife)
    questions = page_text(client.get(reverse("web:pathway-questions")))
    assert "Does the partner live with her?" in questions
    response = client.post(
        reverse("web:pathway-answer", args=[referral.pk]), {"answer": "No, he moved out"}
    )
    assert response.status_code == 302

    referral.refresh_from_db()
    assert referral.status == ReferralStatus.AWAITING_REVIEW
    assert "Does the partner live with her?" not in page_text(
        client.get(reverse("web:pathway-questions"))
    )
    client.force_login(personas.reviewer)
    queue = page_text(client.get(reverse("web:pathway-queue")))
    assert str(personas.woman) in queue
    assert "No, he moved out" in page_text(
        client.get(reverse("web:pathway-referral", args=[referral.pk]))
    )


def test_questions_page_lists_only_the_referrals_she_made(client, personas, referral):
    decide(
        by=personas.reviewer,
        referral=referral,
        outcome="more_information",
        rationale="Why",
        question="Who else lives there?",
    )
    client.force_login(personas.team_leader)

    page = page_text(client.get(reverse("web:pathway-questions")))

    assert "Who else lives there?" not in page
    assert "There are no questions waiting for your answer." in page


def test_answer_page_without_text_shows_the_error(client, personas, referral):
    decide(
        by=personas.reviewer,
        referral=referral,
        outcome="more_information",
        rationale="Why",
        question="What?",
    )
    client.force_login(personas.midwife)

    response = client.post(reverse("web:pathway-answer", args=[referral.pk]), {"answer": ""})

    assert_field_error(response, "answer", "Enter your answer for the safeguarding team")


def test_withdraw_page_withdraws_with_a_reason(client, personas, referral):
    client.force_login(personas.midwife)

    response = client.post(
        reverse("web:pathway-withdraw", args=[referral.pk]), {"reason": "Moved to Leeds"}
    )

    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.WITHDRAWN
