"""Every write to referrals, wellbeing checks and red-flag tasks, and the lists built on them.

Each write takes an explicit actor (`by=`), validates everything before saving anything and
runs in one transaction with its audit event. A referral's reminder is computed from its
status and `respond_by` (fixed from the service's response time when it was sent), never a
stored flag.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from tandem.core.audit import conflicts_audited, record_event
from tandem.core.concurrency import claim_version
from tandem.core.models import AuditAction
from tandem.hubs.models import (
    RedFlagTask,
    Service,
    ServiceCategory,
    ServiceReferral,
    ServiceReferralEvent,
    ServiceReferralStatus,
    Urgency,
    WellbeingCheck,
)
from tandem.hubs.validation import (
    OPEN_STATUSES,
    RedFlag,
    WellbeingAnswers,
    check_referral,
    check_status_change,
    check_wellbeing,
)
from tandem.records import services as records
from tandem.records.models import CareContact, ContactOutcome, Practitioner, Pregnancy
from tandem.records.validation import Errors

# --- The directory -------------------------------------------------------------------------


def directory(*, area=None, category: str = "") -> QuerySet[Service]:
    """Active services of active hubs, optionally those serving one area or of one kind."""
    services = Service.objects.filter(is_active=True, hub__is_active=True)
    if area is not None:
        services = services.filter(areas=area)
    if category:
        services = services.filter(category=category)
    return services.select_related("hub").prefetch_related("areas").order_by("name", "hub__name")


def services_for(pregnancy: Pregnancy, *, category: str = "") -> QuerySet[Service]:
    """The services she may be referred to: those serving her area (all, if not known)."""
    return directory(area=pregnancy.area, category=category)


# --- Referrals -------------------------------------------------------------------------------


def referrals_for(pregnancy: Pregnancy, *, open_only: bool = False) -> QuerySet[ServiceReferral]:
    referrals = ServiceReferral.objects.filter(pregnancy=pregnancy).select_related("service__hub")
    if open_only:
        referrals = referrals.filter(status__in=OPEN_STATUSES)
    return referrals.order_by("-sent_at", "-pk")


def overdue(referrals: QuerySet[ServiceReferral], *, now: datetime | None = None):
    """Referrals still waiting for the service's reply after its expected response time."""
    return referrals.filter(
        status=ServiceReferralStatus.SENT, respond_by__lt=now or timezone.now()
    ).order_by("respond_by", "pk")


def days_overdue(referral: ServiceReferral, *, now: datetime | None = None) -> int:
    """Whole days since the reply was due, counting the day it fell due as the first."""
    late = timezone.localdate(now or timezone.now()) - timezone.localdate(referral.respond_by)
    return max(1, late.days)


def respond_by(service: Service, urgency: str, sent_at: datetime) -> datetime:
    days = service.urgent_response_days if urgency == Urgency.URGENT else service.response_days
    return sent_at + timedelta(days=days)


def _practitioner(by) -> Practitioner:
    practitioner = getattr(by, "practitioner", None)
    if practitioner is None or not practitioner.is_active:
        raise ValidationError({"service": "Only a practitioner can make a referral"})
    return practitioner


def _refer(
    *,
    by,
    pregnancy: Pregnancy,
    service: Service | None,
    reason: str,
    urgency: str,
    consent: str,
    contact: CareContact | None,
    errors: Errors | None = None,
) -> ServiceReferral:
    errors = errors or Errors()
    check_referral(
        errors,
        pregnancy=pregnancy,
        service=service,
        reason=reason,
        urgency=urgency,
        consent=consent,
        contact=contact,
    )
    errors.raise_if_any()
    referrer = _practitioner(by)
    sent_at = timezone.now()
    referral = ServiceReferral.objects.create(
        pregnancy=pregnancy,
        contact=contact,
        service=service,
        reason=reason.strip(),
        urgency=urgency,
        consent=consent,
        referred_by=referrer,
        sent_at=sent_at,
        respond_by=respond_by(service, urgency, sent_at),
        recorded_by=by,
    )
    ServiceReferralEvent.objects.create(
        referral=referral,
        status=ServiceReferralStatus.SENT,
        happened_on=timezone.localdate(sent_at),
        recorded_by=by,
        recorded_at=sent_at,
    )
    record_event(
        by=by,
        action=AuditAction.CREATE,
        object_type="service_referral",
        object_id=referral.pk,
        person_id=pregnancy.woman_id,
        detail={"service": service.pk, "urgency": urgency, "consent": consent},
    )
    return referral


@transaction.atomic
def refer(
    *,
    by,
    pregnancy: Pregnancy,
    service: Service | None,
    reason: str,
    urgency: str,
    consent: str,
    contact: CareContact | None = None,
) -> ServiceReferral:
    """Record a referral she has sent to a service in the directory."""
    return _refer(
        by=by,
        pregnancy=pregnancy,
        service=service,
        reason=reason,
        urgency=urgency,
        consent=consent,
        contact=contact,
    )


def record_status(
    *,
    by,
    referral: ServiceReferral,
    status: str,
    happened_on: date | None,
    note: str = "",
    expected_version: int,
) -> ServiceReferral:
    """Move a referral on (accepted, declined, first appointment, closed) along TRANSITIONS."""
    with conflicts_audited(
        by=by,
        object_type="service_referral",
        object_id=referral.pk,
        person_id=referral.pregnancy.woman_id,
        expected_version=expected_version,
    ):
        return _record_status(
            by=by,
            referral=referral,
            status=status,
            happened_on=happened_on,
            note=note,
            expected_version=expected_version,
        )


@transaction.atomic
def _record_status(*, by, referral, status, happened_on, note, expected_version):
    errors = Errors()
    check_status_change(
        errors,
        current=referral.status,
        status=status,
        happened_on=happened_on,
        sent_on=timezone.localdate(referral.sent_at),
        today=timezone.localdate(),
        note=note,
    )
    errors.raise_if_any()
    claim_version(referral, expected_version)
    before = referral.status
    referral.status = status
    referral.save(update_fields=["status"])
    ServiceReferralEvent.objects.create(
        referral=referral,
        status=status,
        happened_on=happened_on,
        note=(note or "").strip(),
        recorded_by=by,
        recorded_at=timezone.now(),
    )
    record_event(
        by=by,
        action=AuditAction.CHANGE,
        object_type="service_referral",
        object_id=referral.pk,
        person_id=referral.pregnancy.woman_id,
        detail={"changes": {"status": [before, status]}, "happened_on": happened_on.isoformat()},
    )
    return referral


# --- Emotional wellbeing at a contact ---------------------------------------------------------


@transaction.atomic
def record_contact_with_wellbeing(
    *,
    by,
    pregnancy: Pregnancy,
    practitioners: list[Practitioner],
    details: dict,
    wellbeing: WellbeingAnswers,
) -> CareContact:
    """A contact, its wellbeing questions and red flags, and the urgent task any red flag
    raises: all saved, or none. `details` are the contact's fields for records."""
    errors = Errors()
    check_wellbeing(
        errors,
        wellbeing,
        asked=details.get("wellbeing_asked"),
        outcome=details.get("outcome", ""),
    )
    try:
        contact = records.record_contact(
            by=by, pregnancy=pregnancy, practitioners=practitioners, **details
        )
    except ValidationError as error:
        raise ValidationError({**error.message_dict, **errors.by_field}) from None
    errors.raise_if_any()
    if not wellbeing.is_empty:
        _save_check(by=by, contact=contact, answers=wellbeing)
    return contact


def update_contact(*, by, contact: CareContact, **changes) -> CareContact:
    """Change a contact through records, keeping it consistent with its wellbeing check: a
    contact whose questions were answered stays "asked" and took place."""
    check = WellbeingCheck.objects.filter(contact=contact).first()
    if check is not None:
        errors = Errors()
        if check.questions_asked and changes.get("wellbeing_asked") is not True:
            errors.add(
                "wellbeing_asked",
                "Her answers to the wellbeing questions are recorded for this contact: select yes",
            )
        if changes.get("outcome", contact.outcome) != ContactOutcome.ATTENDED:
            errors.add(
                "outcome",
                "Wellbeing answers or red flags are recorded for this contact, so it took place",
            )
        errors.raise_if_any()
    return records.update_contact(by=by, contact=contact, **changes)


def _save_check(*, by, contact: CareContact, answers: WellbeingAnswers) -> WellbeingCheck:
    now = timezone.now()
    check = WellbeingCheck.objects.create(
        contact=contact,
        feeling_down=answers.feeling_down,
        little_interest=answers.little_interest,
        # The third question follows only a yes to either Whooley question.
        wants_help=answers.wants_help
        if (answers.feeling_down or answers.little_interest)
        else None,
        nervous=answers.nervous,
        worrying=answers.worrying,
        red_flag_mental_state=RedFlag.MENTAL_STATE in answers.red_flags,
        red_flag_self_harm=RedFlag.SELF_HARM in answers.red_flags,
        red_flag_estrangement=RedFlag.ESTRANGEMENT in answers.red_flags,
        red_flag_detail=answers.red_flag_detail.strip(),
        recorded_by=by,
        recorded_at=now,
    )
    person_id = contact.pregnancy.woman_id
    record_event(
        by=by,
        action=AuditAction.CREATE,
        object_type="wellbeing_check",
        object_id=check.pk,
        person_id=person_id,
        detail={"red_flags": sorted(answers.red_flags)},
    )
    if check.has_red_flag:
        task = RedFlagTask.objects.create(
            wellbeing_check=check, pregnancy=contact.pregnancy, raised_by=by, raised_at=now
        )
        record_event(
            by=by,
            action=AuditAction.CREATE,
            object_type="red_flag_task",
            object_id=task.pk,
            person_id=person_id,
        )
    return check


def open_tasks(tasks: QuerySet[RedFlagTask]) -> QuerySet[RedFlagTask]:
    return tasks.filter(actioned_at__isnull=True).order_by("raised_at", "pk")


@transaction.atomic
def action_red_flag(
    *, by, task: RedFlagTask, service: Service | None, reason: str, consent: str
) -> ServiceReferral:
    """Action a red flag: the urgent perinatal mental health referral, recorded against the
    task, which then leaves the lists. There is no other way to close a task."""
    task = RedFlagTask.objects.select_for_update().get(pk=task.pk)
    errors = Errors()
    if task.actioned_at is not None:
        errors.add("service", "This red flag has already been actioned with an urgent referral")
        errors.raise_if_any()
    if service is not None and service.category != ServiceCategory.PERINATAL_MENTAL_HEALTH:
        errors.add("service", "Choose a perinatal mental health service")
    contact = task.wellbeing_check.contact
    referral = _refer(
        by=by,
        pregnancy=task.pregnancy,
        service=service,
        reason=reason,
        urgency=Urgency.URGENT,
        consent=consent,
        contact=contact,
        errors=errors,
    )
    task.referral = referral
    task.actioned_by = by
    task.actioned_at = referral.sent_at
    task.save(update_fields=["referral", "actioned_by", "actioned_at"])
    record_event(
        by=by,
        action=AuditAction.CHANGE,
        object_type="red_flag_task",
        object_id=task.pk,
        person_id=task.pregnancy.woman_id,
        detail={"actioned_with_referral": referral.pk},
    )
    return referral


def red_flag_task_of(contact: CareContact) -> RedFlagTask | None:
    """The red-flag task raised at this contact, if any."""
    return RedFlagTask.objects.filter(wellbeing_check__contact=contact).first()


@dataclass(frozen=True)
class ChaseLine:
    """Overdue referrals of one referring practitioner to one service, without identifiers."""

    referred_by: str
    teams: str
    service: str
    count: int
    most_days_overdue: int


def reminders(*, now: datetime | None = None) -> tuple[list[ChaseLine], int]:
    """What is overdue across the LMNS for the nightly job: referrals with no reply, grouped
    by who made them and where to, and the number of red flags still without a referral."""
    now = now or timezone.now()
    lines: dict[tuple[int, int], list] = {}
    for referral in overdue(ServiceReferral.objects.all(), now=now).select_related(
        "referred_by", "service__hub"
    ):
        key = (referral.referred_by_id, referral.service_id)
        days = days_overdue(referral, now=now)
        if key not in lines:
            lines[key] = [referral.referred_by, referral.service, 0, 0]
        lines[key][2] += 1
        lines[key][3] = max(lines[key][3], days)
    teams = {
        practitioner.pk: ", ".join(team.name for team in practitioner.teams.all())
        for practitioner in Practitioner.objects.filter(
            pk__in={key[0] for key in lines}
        ).prefetch_related("teams")
    }
    chase = [
        ChaseLine(
            referred_by=str(who),
            teams=teams.get(who.pk, "") or "No team",
            service=f"{service.name} ({service.hub.name})",
            count=count,
            most_days_overdue=days,
        )
        for who, service, count, days in lines.values()
    ]
    chase.sort(key=lambda line: (-line.most_days_overdue, line.referred_by, line.service))
    return chase, open_tasks(RedFlagTask.objects.all()).count()
