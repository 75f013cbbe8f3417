"""Training on the pathway: team leaders record who completed which course; the programme
counts trained practitioners by profession and area against staff in post.

A practitioner works in an area when she covers it herself or one of her teams does.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from tandem import access
from tandem.core.audit import record_event
from tandem.core.history import save_with_history
from tandem.core.models import AuditAction
from tandem.core.roles import Permission
from tandem.programme.figures import Scope
from tandem.programme.models import TrainingCourse, TrainingRecord
from tandem.records.models import Area, Practitioner, Profession
from tandem.records.validation import Errors

# The professions the pathway trains and counts (the implementation trained 89 health
# visitors and 57 midwives).
PATHWAY_PROFESSIONS = (Profession.MIDWIFE, Profession.HEALTH_VISITOR)
# Courses go back no further than the pilot's preparation.
EARLIEST_COMPLETION = date(2023, 1, 1)


def trainable_practitioners(user) -> QuerySet[Practitioner]:
    """The active practitioners in her teams, whose training she records (team leaders)."""
    practitioner = access.practitioner_of(user)
    if practitioner is None or not access.can(user, Permission.MANAGE_TRAINING):
        return Practitioner.objects.none()
    return (
        Practitioner.objects.filter(is_active=True, teams__in=practitioner.teams.all())
        .distinct()
        .order_by("family_name", "given_name", "pk")
    )


def team_training(user) -> QuerySet[Practitioner]:
    """Her team members, each with `training` (their records, latest first): two queries."""
    return trainable_practitioners(user).prefetch_related(
        Prefetch(
            "training_records",
            queryset=TrainingRecord.objects.select_related("course").order_by(
                "-completed_on", "pk"
            ),
            to_attr="training",
        )
    )


def record_training(*, by, practitioner, course, completed_on: date | None) -> TrainingRecord:
    """Records that a practitioner in her team completed a course on a date (audited)."""
    errors = Errors()
    if practitioner is None:
        errors.add("practitioner", "Choose the practitioner who completed the course")
    elif not trainable_practitioners(by).filter(pk=practitioner.pk).exists():
        errors.add("practitioner", "You can only record training for practitioners in your teams")
    if course is None:
        errors.add("course", "Choose the course")
    elif not course.is_active:
        errors.add("course", "This course is no longer offered: choose another")
    today = timezone.localdate()
    if completed_on is None:
        errors.add("completed_on", "Enter the date the course was completed")
    elif completed_on > today:
        errors.add("completed_on", "The date the course was completed must be today or in the past")
    elif completed_on < EARLIEST_COMPLETION:
        errors.add(
            "completed_on",
            "The date the course was completed must be on or after "
            f"{EARLIEST_COMPLETION.day} {EARLIEST_COMPLETION:%B %Y}",
        )
    errors.raise_if_any()
    try:
        with transaction.atomic():
            record = TrainingRecord(
                practitioner=practitioner, course=course, completed_on=completed_on, recorded_by=by
            )
            save_with_history(record, by=by)
            record_event(
                by=by,
                action=AuditAction.CREATE,
                object_type="training_record",
                object_id=record.pk,
                detail={
                    "practitioner": practitioner.pk,
                    "course": course.pk,
                    "completed_on": completed_on.isoformat(),
                },
            )
    except IntegrityError:
        raise ValidationError(
            {"completed_on": f"{practitioner} already has this course recorded on this date"}
        ) from None
    return record


# --- Counts ------------------------------------------------------------------------------


def _trained() -> Exists:
    return Exists(
        TrainingRecord.objects.filter(practitioner=OuterRef("pk"), course__counts_as_trained=True)
    )


def _in_post() -> QuerySet[Practitioner]:
    return Practitioner.objects.filter(is_active=True, profession__in=PATHWAY_PROFESSIONS)


def _count_in_area(practitioners: QuerySet[Practitioner]) -> Coalesce:
    working_here = Q(areas=OuterRef("pk")) | Q(teams__areas=OuterRef("pk"))
    counted = (
        practitioners.filter(working_here)
        .order_by()
        .values("profession")
        .annotate(n=Count("pk", distinct=True))
        .values("n")[:1]
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def training_by_area(scope: Scope) -> QuerySet[Area]:
    """Her areas, each annotated `<profession>_in_post` and `<profession>_trained` for
    midwives and health visitors: one query."""
    annotations = {}
    for profession in PATHWAY_PROFESSIONS:
        of_profession = _in_post().filter(profession=profession)
        annotations[f"{profession}_in_post"] = _count_in_area(of_profession)
        annotations[f"{profession}_trained"] = _count_in_area(of_profession.filter(_trained()))
    return scope.areas.annotate(**annotations).order_by("name", "pk")


def training_totals(scope: Scope) -> dict[str, dict[str, int]]:
    """Profession -> {"in_post", "trained"} over her scope (each practitioner once, however
    many of its areas she works in; every practitioner for the whole LMNS): one query."""
    practitioners = _in_post()
    if not scope.whole_lmns:
        practitioners = practitioners.filter(
            Q(areas__in=scope.areas) | Q(teams__areas__in=scope.areas)
        )
    rows = (
        practitioners.values("profession")
        .annotate(
            in_post=Count("pk", distinct=True),
            trained=Count("pk", distinct=True, filter=Q(_trained())),
        )
        .order_by()
    )
    totals = {profession: {"in_post": 0, "trained": 0} for profession in PATHWAY_PROFESSIONS}
    for row in rows:
        totals[row["profession"]] = {"in_post": row["in_post"], "trained": row["trained"]}
    return totals


def latest_by_course(records: list[TrainingRecord]) -> dict[int, date]:
    """Course id -> the latest completion among one practitioner's records."""
    latest: dict[int, date] = {}
    for record in records:
        if record.course_id not in latest or record.completed_on > latest[record.course_id]:
            latest[record.course_id] = record.completed_on
    return latest


def active_courses() -> QuerySet[TrainingCourse]:
    return TrainingCourse.objects.filter(is_active=True)
