"""The enhanced-pathway screen: validated in full, immutable, and refers when a criterion is met."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from tandem.core.models import AuditAction, AuditEvent
from tandem.pathway.models import (
    Referral,
    ReferralEvent,
    ReferralEventKind,
    ReferralStatus,
    Screen,
    ScreenAnswer,
    ScreenOutcome,
)
from tandem.pathway.services import CriterionAnswer, decide, record_screen
from tandem.pathway.tests.factories import answers, default_criteria
from tandem.records.models import PregnancyStatus


@pytest.fixture(autouse=True)
def criteria(db):
    return default_criteria()


def test_screen_with_nothing_met_records_not_referred(personas):
    screen = record_screen(by=personas.midwife, pregnancy=personas.pregnancy, answers=answers())

    assert screen.outcome == ScreenOutcome.NOT_REFERRED
    assert screen.referral is None
    assert screen.answers.count() == 12
    assert not screen.answers.filter(met=True).exists()
    assert not Referral.objects.exists()
    event = AuditEvent.objects.get(object_type="pathway_screen")
    assert (event.action, event.actor_id, event.person_id) == (
        AuditAction.CREATE,
        personas.midwife.pk,
        personas.woman.pk,
    )


def test_screen_with_a_criterion_met_refers_for_review(personas):
    screen = record_screen(
        by=personas.midwife,
        pregnancy=personas.pregnancy,
        answers=answers(domestic_abuse="Partner controls money", parent_under_20="She is 17"),
    )

    referral = screen.referral
    assert screen.outcome == ScreenOutcome.REFERRED
    assert (referral.status, referral.referred_by, referral.pregnancy) == (
        ReferralStatus.AWAITING_REVIEW,
        personas.midwife,
        personas.pregnancy,
    )
    assert referral.current_outcome == "" and referral.decided_at is None
    assert referral.reason == "Domestic abuse: Partner controls money\nParent under 20: She is 17"
    event = ReferralEvent.objects.get(referral=referral)
    assert (event.kind, event.by, event.status_after) == (
        ReferralEventKind.REFERRED,
        personas.midwife,
        ReferralStatus.AWAITING_REVIEW,
    )
    assert AuditEvent.objects.filter(object_type="referral", object_id=str(referral.pk)).exists()


def test_screen_met_without_detail_is_refused_and_saves_nothing(personas):
    given = answers() | {"domestic-abuse": CriterionAnswer(met=True, detail="   ")}

    with pytest.raises(ValidationError) as error:
        record_screen(by=personas.midwife, pregnancy=personas.pregnancy, answers=given)

    assert error.value.message_dict == {
        "detail_domestic-abuse": ["Describe the domestic abuse concern"]
    }
    assert not Screen.objects.exists() and not Referral.objects.exists()


def test_screen_with_a_question_unanswered_names_it(personas):
    given = answers()
    del given["language-barrier"]

    with pytest.raises(ValidationError) as error:
        record_screen(by=personas.midwife, pregnancy=personas.pregnancy, answers=given)

    assert error.value.message_dict == {
        "met_language-barrier": ["Select whether 'Language barrier' applies"]
    }


def test_screen_answering_a_retired_criterion_is_refused(personas, criteria):
    given = answers()  # the page was opened before the criterion was retired
    retired = criteria[0]
    retired.is_active = False
    retired.save()

    with pytest.raises(ValidationError) as error:
        record_screen(by=personas.midwife, pregnancy=personas.pregnancy, answers=given)

    assert "no longer asked" in error.value.message_dict["__all__"][0]


def test_screen_referral_without_an_area_is_refused(personas):
    personas.pregnancy.area = None
    personas.pregnancy.save()

    with pytest.raises(ValidationError) as error:
        record_screen(
            by=personas.midwife, pregnancy=personas.pregnancy, answers=answers(language_barrier="x")
        )

    assert "no area" in error.value.message_dict["__all__"][0]
    assert not Screen.objects.exists()


def test_screen_of_an_ended_pregnancy_is_refused(personas):
    personas.pregnancy.status = PregnancyStatus.DELIVERED
    personas.pregnancy.ended_on = date.today()
    personas.pregnancy.save()

    with pytest.raises(ValidationError):
        record_screen(by=personas.midwife, pregnancy=personas.pregnancy, answers=answers())


def test_screen_and_answers_cannot_be_changed_or_deleted(personas):
    screen = record_screen(by=personas.midwife, pregnancy=personas.pregnancy, answers=answers())
    answer = screen.answers.first()

    for row in (screen, answer):
        with pytest.raises(TypeError):
            row.save()
        with pytest.raises(TypeError):
            row.delete()
    assert ScreenAnswer.objects.filter(screen=screen).count() == 12


def test_screen_again_while_a_referral_is_open_cannot_refer_twice(personas):
    record_screen(
        by=personas.midwife, pregnancy=personas.pregnancy, answers=answers(domestic_abuse="x")
    )

    with pytest.raises(ValidationError) as error:
        record_screen(
            by=personas.team_leader,
            pregnancy=personas.pregnancy,
            answers=answers(learning_disability="y"),
        )

    assert "already referred" in error.value.message_dict["__all__"][0]
    assert Referral.objects.count() == 1
    # A screen with nothing met is still recorded while the referral is open.
    again = record_screen(by=personas.midwife, pregnancy=personas.pregnancy, answers=answers())
    assert again.outcome == ScreenOutcome.NOT_REFERRED


def test_screen_again_after_the_decision_refers_again(personas):
    first = record_screen(
        by=personas.midwife, pregnancy=personas.pregnancy, answers=answers(domestic_abuse="x")
    )
    decide(
        by=personas.reviewer, referral=first.referral, outcome="not_eligible", rationale="Low risk"
    )

    later = record_screen(
        by=personas.midwife,
        pregnancy=personas.pregnancy,
        answers=answers(housing_financial_insecurity="Evicted at 24 weeks"),
    )

    assert later.referral is not None and later.referral != first.referral
    assert Screen.objects.filter(pregnancy=personas.pregnancy).count() == 2
