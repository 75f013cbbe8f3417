"""Feedback pages: parents' (entered on their behalf), practitioners', and the summary."""

from django.urls import reverse

from tandem.assessments.models import Respondent, VisitFeedback
from tandem.assessments.tests.factories import AttendedVisitFactory, VisitFeedbackFactory
from tandem.records.tests.factories import PregnancyFactory
from tandem.web.tests.conftest import assert_field_error, page_text


def _visit(personas):
    return AttendedVisitFactory(pregnancy=personas.pregnancy, booked_by=personas.administrator)


def test_feedback_page_administrator_enters_a_parents_feedback(client, personas):
    visit = _visit(personas)
    client.force_login(personas.administrator)
    url = reverse("web:visit-feedback-parent", args=[visit.pk])
    assert "5 – Very good" in page_text(client.get(url))

    response = client.post(url, {"rating": "5", "comments": "Synthetic: felt listened to"})

    assert response.status_code == 302
    feedback = VisitFeedback.objects.get()
    assert (feedback.respondent, feedback.rating, feedback.entered_by) == (
        Respondent.PARENT,
        5,
        personas.administrator,
    )


def test_feedback_page_without_a_rating_names_the_field(client, personas):
    visit = _visit(personas)
    client.force_login(personas.midwife)

    response = client.post(
        reverse("web:visit-feedback-practitioner", args=[visit.pk]), {"comments": "Synthetic"}
    )

    assert_field_error(response, "rating", "Select a rating from 1 to 5")
    assert not VisitFeedback.objects.exists()


def test_feedback_page_practitioner_gives_her_own_once(client, personas):
    visit = _visit(personas)
    client.force_login(personas.health_visitor)
    url = reverse("web:visit-feedback-practitioner", args=[visit.pk])
    client.post(url, {"rating": "4"})

    response = client.post(url, {"rating": "2"})

    assert response.status_code == 200
    assert "You have already given your feedback on this visit" in page_text(response)
    assert VisitFeedback.objects.get().rating == 4


def test_feedback_page_outsider_gets_404(client, personas):
    visit = _visit(personas)
    client.force_login(personas.outsider)

    response = client.post(reverse("web:visit-feedback-parent", args=[visit.pk]), {"rating": "1"})

    assert response.status_code == 404
    assert not VisitFeedback.objects.exists()


def _feedback(personas, area, ratings, comments=""):
    pregnancy = PregnancyFactory(provider=personas.provider, area=area)
    for rating in ratings:
        VisitFeedbackFactory(
            visit=AttendedVisitFactory(pregnancy=pregnancy, booked_by=personas.administrator),
            rating=rating,
            comments=comments,
            entered_by=personas.midwife,
        )


def test_feedback_summary_analyst_sees_suppressed_counts_and_no_comments(client, personas):
    _feedback(personas, personas.adswood, [5, 4], comments="Synthetic: a secret comment")
    _feedback(personas, personas.brinnington, [4] * 9)
    client.force_login(personas.analyst)

    response = client.get(reverse("web:feedback-summary"))

    body = page_text(response)
    assert response.status_code == 200
    assert "Suppressed" in body
    assert "Synthetic: a secret comment" not in body
    assert "Comments" not in body
    assert "4.0" in body  # Brinnington: 9 ratings, rounded count 10, mean shown


def test_feedback_summary_team_leader_sees_her_areas_exactly_with_comments(client, personas):
    _feedback(personas, personas.adswood, [5, 4], comments="Synthetic: lovely visit")
    _feedback(personas, personas.brinnington, [3], comments="Synthetic: not hers to read")
    client.force_login(personas.team_leader)

    response = client.get(reverse("web:feedback-summary"))

    body = page_text(response)
    assert "Synthetic: lovely visit" in body
    assert "Synthetic: not hers to read" not in body
    assert "4.5" in body  # Adswood exactly
    assert "Suppressed" in body  # Brinnington: one rating, outside her areas


def test_feedback_summary_queries_do_not_grow_with_the_data(
    client, personas, django_assert_max_num_queries
):
    _feedback(personas, personas.adswood, [1, 2, 3, 4, 5] * 4, comments="Synthetic")
    _feedback(personas, personas.brinnington, [2] * 12)
    client.force_login(personas.team_leader)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("web:feedback-summary"))

    assert response.status_code == 200
