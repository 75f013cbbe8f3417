"""Feedback summarised per area: exact where she may see the families, suppressed otherwise."""

import pytest

from tandem.assessments.models import Respondent
from tandem.assessments.services.feedback import disclosed, feedback_summary
from tandem.assessments.tests.factories import AttendedVisitFactory, VisitFeedbackFactory
from tandem.core.models import AuditEvent
from tandem.records.tests.factories import PregnancyFactory
from tandem.scheduling.models import Visit


@pytest.mark.parametrize(
    ("count", "shown"), [(0, 0), (1, None), (7, None), (8, 10), (12, 10), (13, 15), (23, 25)]
)
def test_summary_disclosure_rule(count, shown):
    assert disclosed(count) == shown


def _feedback_in(area, ratings, *, personas, respondent=Respondent.PARENT, comments=""):
    pregnancy = PregnancyFactory(provider=personas.provider, area=area)
    for rating in ratings:
        visit = AttendedVisitFactory(pregnancy=pregnancy, booked_by=personas.administrator)
        VisitFeedbackFactory(
            visit=visit,
            respondent=respondent,
            rating=rating,
            comments=comments,
            entered_by=personas.midwife,
        )


def test_summary_exact_for_her_areas_with_comments(personas):
    _feedback_in(personas.adswood, [5, 4, 4], personas=personas, comments="Synthetic: lovely")

    [row] = feedback_summary(
        by=personas.team_leader,
        exact_area_ids={personas.adswood.pk},
        comments_from=Visit.objects.all(),
    )

    assert (row.area, row.respondent, row.exact, row.count, row.mean) == (
        "Adswood",
        "parent",
        True,
        3,
        4.3,
    )
    assert row.distribution == {1: 0, 2: 0, 3: 0, 4: 2, 5: 1}
    assert [c.text for c in row.comments] == ["Synthetic: lovely"] * 3
    assert AuditEvent.objects.filter(object_type="visit_feedback_comments").exists()


def test_summary_small_counts_are_suppressed_for_an_analyst(personas):
    _feedback_in(personas.adswood, [5, 4, 4], personas=personas, comments="Synthetic: lovely")
    _feedback_in(personas.brinnington, [5] * 6 + [3] * 6, personas=personas)

    adswood, brinnington = feedback_summary(
        by=personas.analyst,
        exact_area_ids=set(),
        comments_from=Visit.objects.none(),
    )

    assert (adswood.count, adswood.mean, adswood.comments) == (None, None, [])
    assert set(adswood.distribution.values()) == {None}
    assert (brinnington.count, brinnington.mean) == (10, 4.0)
    assert brinnington.distribution == {1: 0, 2: 0, 3: None, 4: 0, 5: None}
    assert not AuditEvent.objects.filter(object_type="visit_feedback_comments").exists()


def test_summary_queries_do_not_grow_with_the_data(personas, django_assert_max_num_queries):
    _feedback_in(personas.adswood, [5, 4, 3, 2, 1] * 3, personas=personas)
    _feedback_in(personas.brinnington, [2] * 9, personas=personas, respondent="practitioner")

    # The grouped counts, the comments she may read, the audit of those comments.
    with django_assert_max_num_queries(3):
        rows = feedback_summary(
            by=personas.team_leader,
            exact_area_ids=set(),
            comments_from=Visit.objects.all(),
        )

    assert [(r.area, r.respondent, r.count) for r in rows] == [
        ("Adswood", "parent", 15),
        ("Brinnington", "practitioner", 10),
    ]
