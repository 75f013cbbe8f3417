"""Sending the postnatal handover to health visiting, acknowledging it and withdrawing it,
and the handovers overdue for acknowledgement.

Every write takes an explicit actor, checks everything before saving anything, runs in one
transaction with its audit event, keeps history, and claims the handover's version so two
people acting on it at once never lose an update. Overdue is computed from the data (sent,
not acknowledged, older than TANDEM_HANDOVER_ACKNOWLEDGE_DAYS), never stored.
"""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from tandem import access
from tandem.assessments.services.common import check_text
from tandem.core.audit import conflicts_audited, record_event
from tandem.core.concurrency import claim_version
from tandem.core.history import save_with_history
from tandem.core.models import AuditAction
from tandem.core.roles import Permission
from tandem.handover.models import Handover, HandoverStatus
from tandem.handover.snapshot import birth_versions, build_snapshot
from tandem.outcomes.models import FeedingAt6To8Weeks, LabourDelivery, PregnancyOutcome
from tandem.records.models import Pregnancy, Profession, Team, TeamKind
from tandem.records.validation import Errors

MIDWIFERY_KINDS = (TeamKind.MIDWIFERY, TeamKind.CONTINUITY)
TEXT_LIMIT = 4000
NO_BIRTH = (
    "There is no birth record for this pregnancy. Record the birth before handing over to "
    "health visiting."
)


def acknowledge_days() -> int:
    return settings.TANDEM_HANDOVER_ACKNOWLEDGE_DAYS


def birth_of(pregnancy: Pregnancy) -> LabourDelivery:
    """The pregnancy's birth record; a handover cannot be sent without one."""
    labour = LabourDelivery.objects.filter(pregnancy=pregnancy).first()
    if labour is None:
        raise ValidationError(NO_BIRTH)
    return labour


def build_handover(
    pregnancy: Pregnancy,
    *,
    current_feeding: str = "",
    feeding_notes: str = "",
    safeguarding_concerns: bool | None = None,
    concerns: str = "",
) -> dict:
    """What the handover tells the health visitor, from the record as it is now (the
    preview, and what send_handover stores). Raises ValidationError without a birth."""
    return build_snapshot(
        pregnancy,
        birth_of(pregnancy),
        current_feeding=current_feeding,
        feeding_notes=feeding_notes.strip(),
        safeguarding_concerns=safeguarding_concerns,
        concerns=concerns.strip(),
    )


# --- Who sends and who receives -----------------------------------------------------------


def sending_team_of(user, pregnancy: Pregnancy) -> Team | None:
    """The midwife's team the handover goes from: the pregnancy's own team when she is in
    it, otherwise her first midwifery or continuity team."""
    practitioner = access.practitioner_of(user)
    if practitioner is None:
        return None
    teams = practitioner.teams.filter(kind__in=MIDWIFERY_KINDS).order_by("name", "pk")
    return teams.filter(pk=pregnancy.team_id).first() or teams.first()


def receiving_teams(pregnancy: Pregnancy) -> list[tuple[Team, bool]]:
    """Every health-visiting team, and whether it covers her area: those that do come
    first (she may have moved, so the others stay on offer)."""
    teams = Team.objects.filter(kind=TeamKind.HEALTH_VISITING)
    covering = set(teams.filter(areas=pregnancy.area_id).values_list("pk", flat=True))
    ordered = sorted(teams, key=lambda team: (team.pk not in covering, team.name, team.pk))
    return [(team, team.pk in covering) for team in ordered]


def in_force(pregnancy: Pregnancy) -> Handover | None:
    """The pregnancy's handover that has not been withdrawn, if any."""
    return (
        Handover.objects.filter(pregnancy=pregnancy)
        .exclude(status=HandoverStatus.WITHDRAWN)
        .select_related("receiving_team")
        .first()
    )


def may_acknowledge(user, handover: Handover) -> bool:
    """Only a health visitor in the receiving team acknowledges, by name."""
    practitioner = access.practitioner_of(user)
    return bool(
        practitioner is not None
        and access.can(user, Permission.ACKNOWLEDGE_HANDOVER)
        and practitioner.profession == Profession.HEALTH_VISITOR
        and practitioner.teams.filter(pk=handover.receiving_team_id).exists()
    )


def may_withdraw(user, handover: Handover) -> bool:
    """A member of the sending team, whose role sends handovers, may withdraw one."""
    practitioner = access.practitioner_of(user)
    return bool(
        practitioner is not None
        and access.can(user, Permission.SEND_HANDOVER)
        and practitioner.teams.filter(pk=handover.sending_team_id).exists()
    )


# --- Sending ------------------------------------------------------------------------------


def _already_sent(handover: Handover) -> str:
    when = timezone.localtime(handover.sent_at)
    return (
        f"A handover for this pregnancy was already sent to {handover.receiving_team} on "
        f"{when.day} {when:%B %Y}. Withdraw it, with a reason, before sending another."
    )


def _check_send(
    errors: Errors,
    *,
    pregnancy: Pregnancy,
    labour: LabourDelivery,
    receiving_team: Team | None,
    current_feeding: str,
    feeding_notes: str,
    safeguarding_concerns: bool | None,
    concerns: str,
) -> None:
    if receiving_team is None:
        errors.add("receiving_team", "Choose the health-visiting team to hand over to")
    elif receiving_team.kind != TeamKind.HEALTH_VISITING:
        errors.add("receiving_team", "Choose a health-visiting team")
    any_live_birth = labour.babies.filter(outcome=PregnancyOutcome.LIVE_BIRTH).exists()
    known = current_feeding in FeedingAt6To8Weeks.values
    if (current_feeding and not known) or (any_live_birth and not current_feeding):
        errors.add("current_feeding", "Select how the baby is fed now")
    if safeguarding_concerns is None:
        errors.add("safeguarding_concerns", "Select whether there are safeguarding concerns")
    if safeguarding_concerns and not concerns:
        errors.add("concerns", "Describe the safeguarding concerns for the health visitor")
    check_text(errors, "concerns", concerns, "the concerns", limit=TEXT_LIMIT)
    check_text(errors, "feeding_notes", feeding_notes, "the feeding notes", limit=TEXT_LIMIT)


def send_handover(
    *,
    by,
    pregnancy: Pregnancy,
    receiving_team: Team | None,
    current_feeding: str = "",
    feeding_notes: str = "",
    safeguarding_concerns: bool | None = None,
    concerns: str = "",
) -> Handover:
    """Send the handover of mother and babies to a health-visiting team, with the snapshot
    of what it says. Refused without a birth record, and while another is in force."""
    feeding_notes, concerns = feeding_notes.strip(), concerns.strip()
    with transaction.atomic():
        sending_team = sending_team_of(by, pregnancy)
        if sending_team is None or not access.can(by, Permission.SEND_HANDOVER):
            raise PermissionDenied("Only a midwife in a midwifery team can send a handover.")
        labour = birth_of(pregnancy)
        current = in_force(pregnancy)
        if current is not None:
            raise ValidationError(_already_sent(current))
        errors = Errors()
        _check_send(
            errors,
            pregnancy=pregnancy,
            labour=labour,
            receiving_team=receiving_team,
            current_feeding=current_feeding,
            feeding_notes=feeding_notes,
            safeguarding_concerns=safeguarding_concerns,
            concerns=concerns,
        )
        errors.raise_if_any()
        handover = Handover(
            pregnancy=pregnancy,
            sending_team=sending_team,
            receiving_team=receiving_team,
            sent_by=by,
            sent_at=timezone.now(),
            current_feeding=current_feeding,
            feeding_notes=feeding_notes,
            safeguarding_concerns=safeguarding_concerns,
            concerns=concerns,
            snapshot=build_snapshot(
                pregnancy,
                labour,
                current_feeding=current_feeding,
                feeding_notes=feeding_notes,
                safeguarding_concerns=safeguarding_concerns,
                concerns=concerns,
            ),
        )
        try:
            with transaction.atomic():
                save_with_history(handover, by=by)
        except IntegrityError:
            # Someone sent one between our check and our save.
            raise ValidationError(_already_sent(in_force(pregnancy))) from None
        record_event(
            by=by,
            action=AuditAction.CREATE,
            object_type="handover",
            object_id=handover.pk,
            person_id=pregnancy.woman_id,
            detail={
                "sending_team": sending_team.pk,
                "receiving_team": receiving_team.pk,
                "babies": handover.snapshot["babies"],
            },
        )
    return handover


# --- Acknowledging and withdrawing --------------------------------------------------------


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


def _check_still_sent(handover: Handover) -> None:
    if handover.status == HandoverStatus.ACKNOWLEDGED:
        raise ValidationError(
            f"This handover was already acknowledged by {_name(handover.acknowledged_by)}"
        )
    if handover.status == HandoverStatus.WITHDRAWN:
        raise ValidationError("This handover was withdrawn by the midwifery team")


def acknowledge_handover(
    *, by, handover: Handover, expected_version: int, follow_up_questions: str = ""
) -> Handover:
    """A named health visitor of the receiving team takes the family on, with any
    follow-up questions for the midwife."""
    with conflicts_audited(
        by=by,
        object_type="handover",
        object_id=handover.pk,
        person_id=handover.pregnancy.woman_id,
        expected_version=expected_version,
    ):
        return _acknowledge(
            by=by,
            handover=handover,
            expected_version=expected_version,
            follow_up_questions=follow_up_questions.strip(),
        )


@transaction.atomic
def _acknowledge(*, by, handover: Handover, expected_version: int, follow_up_questions: str):
    if not may_acknowledge(by, handover):
        raise PermissionDenied("Only a health visitor in the receiving team can acknowledge.")
    _check_still_sent(handover)
    errors = Errors()
    check_text(
        errors, "follow_up_questions", follow_up_questions, "the questions", limit=TEXT_LIMIT
    )
    errors.raise_if_any()
    claim_version(handover, expected_version)
    handover.status = HandoverStatus.ACKNOWLEDGED
    handover.acknowledged_by = by
    handover.acknowledged_at = timezone.now()
    handover.follow_up_questions = follow_up_questions
    save_with_history(handover, by=by)
    record_event(
        by=by,
        action=AuditAction.CHANGE,
        object_type="handover",
        object_id=handover.pk,
        person_id=handover.pregnancy.woman_id,
        detail={"status": HandoverStatus.ACKNOWLEDGED, "questions": bool(follow_up_questions)},
    )
    return handover


def withdraw_handover(*, by, handover: Handover, expected_version: int, reason: str) -> Handover:
    """The sending team withdraws a handover not yet acknowledged (sent to the wrong team,
    or with something wrong in it), so a corrected one can be sent."""
    with conflicts_audited(
        by=by,
        object_type="handover",
        object_id=handover.pk,
        person_id=handover.pregnancy.woman_id,
        expected_version=expected_version,
    ):
        return _withdraw(
            by=by, handover=handover, expected_version=expected_version, reason=reason.strip()
        )


@transaction.atomic
def _withdraw(*, by, handover: Handover, expected_version: int, reason: str) -> Handover:
    if not may_withdraw(by, handover):
        raise PermissionDenied("Only the sending midwifery team can withdraw a handover.")
    _check_still_sent(handover)
    errors = Errors()
    if not reason:
        errors.add("reason", "Enter why the handover is being withdrawn")
    check_text(errors, "reason", reason, "the reason", limit=TEXT_LIMIT)
    errors.raise_if_any()
    claim_version(handover, expected_version)
    handover.status = HandoverStatus.WITHDRAWN
    handover.withdrawn_by = by
    handover.withdrawn_at = timezone.now()
    handover.withdrawal_reason = reason
    save_with_history(handover, by=by, reason=reason)
    record_event(
        by=by,
        action=AuditAction.CHANGE,
        object_type="handover",
        object_id=handover.pk,
        person_id=handover.pregnancy.woman_id,
        detail={"status": HandoverStatus.WITHDRAWN},
    )
    return handover


def birth_changed_since_sent(handover: Handover) -> bool:
    """Whether the birth record (the labour or any baby) has changed since the handover was
    built, so the health visitor should be pointed at the record as it is now."""
    labour = LabourDelivery.objects.filter(pregnancy_id=handover.pregnancy_id).first()
    sent = handover.snapshot.get("birth_versions")
    if labour is None or sent is None:
        return False
    return sent != birth_versions(labour, list(labour.babies.all()))


# --- Lists --------------------------------------------------------------------------------


def overdue_from(today: date) -> datetime:
    """A handover sent before this moment and still not acknowledged is overdue today: it
    has had TANDEM_HANDOVER_ACKNOWLEDGE_DAYS whole days."""
    day = today - timedelta(days=acknowledge_days())
    return timezone.make_aware(datetime.combine(day, time.min))


def overdue(handovers: QuerySet[Handover], today: date) -> QuerySet[Handover]:
    return handovers.filter(status=HandoverStatus.SENT, sent_at__lt=overdue_from(today))


def of_team(team: Team) -> QuerySet[Handover]:
    """Handovers the team sent or received."""
    return Handover.objects.filter(Q(sending_team=team) | Q(receiving_team=team))


def overdue_handovers(team: Team, today: date) -> QuerySet[Handover]:
    """Handovers sent by or to the team and not acknowledged in time, oldest first."""
    return overdue(of_team(team), today).order_by("sent_at", "pk")


def due_by(handover: Handover) -> date:
    """The last day on which acknowledging it is in time."""
    return timezone.localtime(handover.sent_at).date() + timedelta(days=acknowledge_days())
