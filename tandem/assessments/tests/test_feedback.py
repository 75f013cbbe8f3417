"""Feedback from parents (entered on their behalf) and from practitioners."""

import pytest
from django.core.exceptions import ValidationError

from tandem.assessments.models import Respondent, VisitFeedback
from tandem.assessments.services.feedback import give_parent_feedback, give_practitioner_feedback
from tandem.assessments.tests.factories import AttendedVisitFactory
from tandem.core.models import AuditAction, AuditEvent
from tandem.scheduling.models import VisitKind


def test_feedback_from_a_parent_is_entered_on_her_behalf(personas, visit):
    feedback = give_parent_feedback(
        by=personas.administrator, visit=visit, rating=5, comments="  Synthetic: felt heard  "
    )

    assert (feedback.respondent, feedback.rating, feedback.comments) == (
        Respondent.PARENT,
        5,
        "Synthetic: felt heard",
    )
    assert feedback.entered_by == personas.administrator
    event = AuditEvent.objects.get(object_type="visit_feedback")
    assert (event.action, event.person_id) == (AuditAction.CREATE, personas.woman.pk)


def test_feedback_from_a_practitioner_once_per_visit(personas, visit):
    give_practitioner_feedback(by=personas.health_visitor, visit=visit, rating=4)

    with pytest.raises(ValidationError) as error:
        give_practitioner_feedback(by=personas.health_visitor, visit=visit, rating=2)

    assert error.value.messages == ["You have already given your feedback on this visit"]
    assert VisitFeedback.objects.count() == 1


def test_feedback_from_a_practitioner_needs_a_practitioner(personas, visit):
    with pytest.raises(ValidationError) as error:
        give_practitioner_feedback(by=personas.analyst, visit=visit, rating=4)

    assert error.value.messages == ["Only a practitioner can give practitioner feedback"]


@pytest.mark.parametrize("rating", [0, 6, None, "4"])
def test_feedback_rating_must_be_1_to_5(personas, visit, rating):
    with pytest.raises(ValidationError) as error:
        give_parent_feedback(by=personas.midwife, visit=visit, rating=rating)

    assert error.value.message_dict == {"rating": ["Select a rating from 1 to 5"]}
    assert not VisitFeedback.objects.exists()


def test_feedback_comments_have_a_limit(personas, visit):
    with pytest.raises(ValidationError) as error:
        give_parent_feedback(by=personas.midwife, visit=visit, rating=3, comments="x" * 2001)

    assert error.value.message_dict == {
        "comments": ["The comments must be 2,000 characters or fewer"]
    }


def test_feedback_only_on_an_attended_joint_visit(personas, booked_visit):
    contact_28 = AttendedVisitFactory(
        pregnancy=personas.pregnancy,
        kind=VisitKind.HEALTH_VISITOR_28_WEEK,
        booked_by=personas.administrator,
    )

    for visit in (booked_visit, contact_28):
        with pytest.raises(ValidationError) as error:
            give_parent_feedback(by=personas.midwife, visit=visit, rating=4)
        assert error.value.messages == [
            "Feedback can only be given on a joint visit the family attended"
        ]
