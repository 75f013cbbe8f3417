"""Feedback after a joint visit, and its summary per area.

Parents have no accounts yet, so a practitioner or administrator enters a parent's feedback
on the family's behalf; practitioners give their own, once per visit. The summary counts
ratings per area in one grouped query; where the viewer may not see the families' records,
figures are disclosure-controlled as NHS Digital does for published MSDS measures (domain
reference, section 8): 0 stays 0, 1 to 7 is suppressed, 8 or more is rounded to the nearest
5, and means and distributions of suppressed groups are not shown.
"""

from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, Q, QuerySet
from django.utils import timezone

from tandem.assessments.models import Rating, Respondent, VisitFeedback
from tandem.assessments.services.common import check_text, person_of
from tandem.core import disclosure
from tandem.core.audit import record_event
from tandem.core.models import AuditAction
from tandem.records.models import Practitioner
from tandem.records.validation import Errors
from tandem.scheduling.models import Visit, VisitKind, VisitStatus

MAX_COMMENTS = 2000


def give_parent_feedback(*, by, visit: Visit, rating, comments: str = "") -> VisitFeedback:
    """A parent's feedback, entered by a practitioner or administrator on her behalf."""
    return _give_feedback(
        by=by, visit=visit, respondent=Respondent.PARENT, rating=rating, comments=comments
    )


def give_practitioner_feedback(*, by, visit: Visit, rating, comments: str = "") -> VisitFeedback:
    """A practitioner's own feedback on a joint visit, once per visit."""
    return _give_feedback(
        by=by, visit=visit, respondent=Respondent.PRACTITIONER, rating=rating, comments=comments
    )


@transaction.atomic
def _give_feedback(*, by, visit: Visit, respondent: str, rating, comments: str):
    comments = (comments or "").strip()
    errors = Errors()
    if visit.kind != VisitKind.JOINT_VISIT or visit.status != VisitStatus.ATTENDED:
        errors.add(
            NON_FIELD_ERRORS, "Feedback can only be given on a joint visit the family attended"
        )
    if rating not in Rating.values:
        errors.add("rating", "Select a rating from 1 to 5")
    check_text(errors, "comments", comments, "the comments", limit=MAX_COMMENTS)
    if respondent == Respondent.PRACTITIONER:
        if not Practitioner.objects.filter(user=by, is_active=True).exists():
            errors.add(NON_FIELD_ERRORS, "Only a practitioner can give practitioner feedback")
        elif VisitFeedback.objects.filter(
            visit=visit, respondent=respondent, entered_by=by
        ).exists():
            errors.add(NON_FIELD_ERRORS, "You have already given your feedback on this visit")
    errors.raise_if_any()
    try:
        with transaction.atomic():
            feedback = VisitFeedback.objects.create(
                visit=visit,
                respondent=respondent,
                rating=rating,
                comments=comments,
                entered_by=by,
                entered_at=timezone.now(),
            )
    except IntegrityError:
        raise ValidationError(
            {NON_FIELD_ERRORS: "You have already given your feedback on this visit"}
        ) from None
    record_event(
        by=by,
        action=AuditAction.CREATE,
        object_type="visit_feedback",
        object_id=feedback.pk,
        person_id=person_of(visit),
        detail={"visit": visit.pk, "respondent": respondent},
    )
    return feedback


# --- The summary ------------------------------------------------------------------------


def disclosed(count: int) -> int | None:
    """A count as it may be shown to someone who cannot see the records: None when the
    group is small (1 to 7), because its mean and distribution would be disclosive too;
    otherwise the NHS rounding of tandem.core.disclosure."""
    return None if disclosure.is_small(count) else disclosure.rounded(count)


@dataclass
class Comment:
    rating: int
    text: str
    given_on: object


@dataclass
class FeedbackSummary:
    """One area's feedback from one kind of respondent. `exact` figures are shown as they
    are; otherwise counts are disclosure-controlled and None means suppressed."""

    area: str
    respondent: str
    exact: bool
    count: int | None
    mean: float | None
    distribution: dict[int, int | None]
    comments: list[Comment] = field(default_factory=list)


def feedback_summary(
    *,
    by,
    exact_area_ids: set[int],
    comments_from: QuerySet[Visit],
) -> list[FeedbackSummary]:
    """Count, mean rating and distribution per area and respondent across the LMNS, in one
    grouped query.

    `exact_area_ids`: areas whose figures the viewer may see unrounded (those of families
    she may see); all others are disclosure-controlled. `comments_from`: the visits whose
    free-text comments she may read (none for an analyst). The read of comments is audited.
    """
    feedback = VisitFeedback.objects.all()
    by_rating = {f"r{value}": Count("pk", filter=Q(rating=value)) for value in Rating.values}
    rows = (
        feedback.values("visit__pregnancy__area_id", "visit__pregnancy__area__name", "respondent")
        .annotate(count=Count("pk"), mean=Avg("rating"), **by_rating)
        .order_by("visit__pregnancy__area__name", "respondent")
    )
    comments: dict[tuple, list[Comment]] = {}
    shown_ids = []
    for item in (
        feedback.filter(visit__in=comments_from)
        .exclude(comments="")
        .values("pk", "visit__pregnancy__area_id", "respondent", "rating", "comments", "entered_at")
        .order_by("-entered_at")
    ):
        key = (item["visit__pregnancy__area_id"], item["respondent"])
        comments.setdefault(key, []).append(
            Comment(item["rating"], item["comments"], item["entered_at"])
        )
        shown_ids.append(item["pk"])
    if shown_ids:
        record_event(
            by=by,
            action=AuditAction.VIEW,
            object_type="visit_feedback_comments",
            detail={"feedback": shown_ids},
        )
    summaries = []
    for row in rows:
        area_id = row["visit__pregnancy__area_id"]
        exact = area_id is not None and area_id in exact_area_ids
        count = row["count"] if exact else disclosed(row["count"])
        summaries.append(
            FeedbackSummary(
                area=row["visit__pregnancy__area__name"] or "Area not known",
                respondent=row["respondent"],
                exact=exact,
                count=count,
                mean=round(row["mean"], 1) if count is not None else None,
                distribution={
                    value: (
                        row[f"r{value}"]
                        if exact
                        else (disclosed(row[f"r{value}"]) if count is not None else None)
                    )
                    for value in Rating.values
                },
                comments=comments.get((area_id, row["respondent"]), []),
            )
        )
    return summaries
