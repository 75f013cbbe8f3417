"""Whether the family attended a booked visit. Moves Visit.status on (with the visit's
version check) and keeps each answer as an immutable AttendanceRecord."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from tandem.assessments.models import AttendanceOutcome, AttendanceRecord, VisitRecord
from tandem.assessments.services.common import person_of
from tandem.core.audit import conflicts_audited, record_event
from tandem.core.concurrency import claim_version
from tandem.core.history import save_with_history
from tandem.core.models import AuditAction
from tandem.scheduling.models import Visit, VisitStatus

_STATUS_OF = {
    AttendanceOutcome.ATTENDED: VisitStatus.ATTENDED,
    AttendanceOutcome.DID_NOT_ATTEND: VisitStatus.DID_NOT_ATTEND,
}


def record_attendance(*, by, visit: Visit, expected_version: int, outcome: str) -> Visit:
    with conflicts_audited(
        by=by,
        object_type="visit",
        object_id=visit.pk,
        person_id=person_of(visit),
        expected_version=expected_version,
    ):
        return _record_attendance(
            by=by, visit=visit, expected_version=expected_version, outcome=outcome
        )


@transaction.atomic
def _record_attendance(*, by, visit: Visit, expected_version: int, outcome: str) -> Visit:
    if outcome not in AttendanceOutcome.values:
        raise ValidationError({"outcome": "Select whether the family attended the visit"})
    if visit.status == VisitStatus.CANCELLED:
        raise ValidationError({"outcome": "This visit was cancelled, so it cannot be attended"})
    if visit.starts_at > timezone.now():
        raise ValidationError(
            {"outcome": "You can record whether the family attended once the visit has started"}
        )
    if (
        outcome == AttendanceOutcome.DID_NOT_ATTEND
        and VisitRecord.objects.filter(visit=visit).exists()
    ):
        raise ValidationError(
            {
                "outcome": "A visit record has been started for this visit, so it cannot be "
                "recorded as not attended"
            }
        )
    before = visit.status
    claim_version(visit, expected_version)
    visit.status = _STATUS_OF[AttendanceOutcome(outcome)]
    save_with_history(visit, by=by)
    AttendanceRecord.objects.create(
        visit=visit, outcome=outcome, recorded_by=by, recorded_at=timezone.now()
    )
    record_event(
        by=by,
        action=AuditAction.CHANGE,
        object_type="visit",
        object_id=visit.pk,
        person_id=person_of(visit),
        detail={"changes": {"status": [before, visit.status]}},
    )
    return visit


def awaiting_rebooking(visits: QuerySet[Visit]) -> QuerySet[Visit]:
    """The follow-up a missed visit leaves for the worklists: visits the family did not
    attend with no later visit of the same kind booked or attended for the pregnancy."""
    later = Visit.objects.filter(
        pregnancy=OuterRef("pregnancy"),
        kind=OuterRef("kind"),
        starts_at__gt=OuterRef("starts_at"),
        status__in=(VisitStatus.BOOKED, VisitStatus.ATTENDED),
    )
    return visits.filter(status=VisitStatus.DID_NOT_ATTEND).exclude(Exists(later))
