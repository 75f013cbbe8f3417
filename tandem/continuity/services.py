"""Continuity of carer: setting up teams, naming each woman's midwife and buddy, caseloads.

Every write takes an explicit actor (`by=`), checks everything before saving anything, runs
in one transaction with its audit event and keeps history. Naming or changing a woman's
carers names the version of her pregnancy the assigner loaded, so of two people changing
her carers at once, the second is refused (EditConflictError) instead of overwriting.

The per-woman continuity shares are in tandem.continuity.shares, the LMNS coverage in
tandem.continuity.coverage and what a team leader should look at in
tandem.continuity.checks; all are re-exported here.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from tandem.continuity.checks import (
    OPEN_TO_CONTINUITY,
    active_members,
    carers_out_of_step,
    team_size_problem,
)
from tandem.continuity.coverage import CoverageFigure, coverage
from tandem.continuity.models import (
    TEAM_SIZE_MAX,
    TEAM_SIZE_MIN,
    CarerAssignment,
    ContinuityTeam,
    TeamMembership,
)
from tandem.continuity.shares import StageShare, continuity_shares
from tandem.core.audit import conflicts_audited, record_event
from tandem.core.history import save_with_history
from tandem.core.models import AuditAction
from tandem.records.models import (
    Practitioner,
    Pregnancy,
    Profession,
    Team,
    TeamKind,
)
from tandem.records.services import set_current_carers
from tandem.records.validation import Errors

__all__ = [
    "CoverageFigure",
    "CurrentCarers",
    "MidwifeCaseload",
    "StageShare",
    "active_members",
    "add_member",
    "assign_carers",
    "carers_out_of_step",
    "caseload_of",
    "continuity_shares",
    "coverage",
    "create_continuity_team",
    "current_assignment",
    "current_carers",
    "end_membership",
    "team_caseloads",
    "team_size_problem",
]

# A caseload is counted in women a year, as the limit is: the women she is named midwife
# for whose due date falls in the year that starts three months ago. That year holds
# everyone she is caring for now, from booking (about 30 weeks before the due date) to the
# end of postnatal care (up to 6 weeks after it), and nobody twice.
CASELOAD_YEAR_STARTS = timedelta(days=91)
CASELOAD_YEAR = timedelta(days=365)


@dataclass(frozen=True)
class CurrentCarers:
    """Who looks after her now, for the pages and the woman's portal."""

    team_name: str
    named_midwife: Practitioner | None
    buddy: Practitioner | None
    obstetrician_name: str


@dataclass(frozen=True)
class MidwifeCaseload:
    midwife: Practitioner
    women: int
    limit: int

    @property
    def over_limit(self) -> bool:
        return self.women > self.limit


# --- Reading ----------------------------------------------------------------------------


def current_assignment(pregnancy: Pregnancy) -> CarerAssignment | None:
    return (
        CarerAssignment.objects.select_related(
            "continuity_team__team", "continuity_team__obstetrician", "named_midwife", "buddy"
        )
        .filter(pregnancy=pregnancy, ends_on__isnull=True)
        .first()
    )


def current_carers(pregnancy: Pregnancy) -> CurrentCarers | None:
    """Her named midwife, buddy, team and obstetrician while she is on a continuity
    pathway; None when she is not."""
    assignment = current_assignment(pregnancy)
    if assignment is None:
        return None
    team = assignment.continuity_team
    return CurrentCarers(
        team_name=team.team.name,
        named_midwife=assignment.named_midwife,
        buddy=assignment.buddy,
        obstetrician_name=str(team.obstetrician),
    )


def assignment_history(pregnancy: Pregnancy) -> QuerySet[CarerAssignment]:
    """Every assignment of her pregnancy, newest first."""
    return CarerAssignment.objects.filter(pregnancy=pregnancy).select_related(
        "continuity_team__team", "named_midwife", "buddy", "assigned_by", "ended_by"
    )


def _caseload_year(on: date) -> tuple[date, date]:
    starts = on - CASELOAD_YEAR_STARTS
    return starts, starts + CASELOAD_YEAR - timedelta(days=1)


def _caseload_assignments(on: date) -> QuerySet[CarerAssignment]:
    starts, ends = _caseload_year(on)
    return CarerAssignment.objects.filter(
        ends_on__isnull=True,
        pregnancy__edd__range=(starts, ends),
        pregnancy__status__in=OPEN_TO_CONTINUITY,
    )


def caseload_of(midwife: Practitioner, *, on: date | None = None) -> int:
    """The women a year she is named midwife for (see CASELOAD_YEAR_STARTS)."""
    on = on or timezone.localdate()
    return _caseload_assignments(on).filter(named_midwife=midwife).count()


def team_caseloads(continuity_team: ContinuityTeam, *, on: date | None = None):
    """Each current member's caseload against the team's limit, in one query."""
    on = on or timezone.localdate()
    members = list(active_members(continuity_team))
    counts = dict(
        _caseload_assignments(on)
        .filter(named_midwife__in=members)
        .values_list("named_midwife")
        .annotate(women=Count("pk"))
    )
    limit = continuity_team.effective_caseload_limit
    return [MidwifeCaseload(midwife, counts.get(midwife.pk, 0), limit) for midwife in members]


# --- Teams and their members ------------------------------------------------------------


def _check_midwife(errors: Errors, field: str, midwife: Practitioner, team: Team) -> None:
    if midwife.profession != Profession.MIDWIFE:
        errors.add(field, f"{midwife} is not a midwife")
    elif not midwife.is_active:
        errors.add(field, f"{midwife} no longer works here")
    elif midwife.organisation_id != team.organisation_id:
        errors.add(field, f"{midwife} does not work for {team.organisation.name}")


@transaction.atomic
def create_continuity_team(
    *,
    by,
    team: Team,
    obstetrician: Practitioner,
    midwives: list[Practitioner],
    joined_on: date,
    caseload_limit: int | None = None,
) -> ContinuityTeam:
    """A continuity team starts with its four to six midwives and its obstetrician."""
    errors = Errors()
    if team.kind != TeamKind.CONTINUITY:
        errors.add("team", f"{team} is not a continuity of carer team")
    elif ContinuityTeam.objects.filter(team=team).exists():
        errors.add("team", f"{team} is already set up for continuity of carer")
    if obstetrician.profession != Profession.OBSTETRICIAN:
        errors.add("obstetrician", f"{obstetrician} is not an obstetrician")
    distinct = {midwife.pk: midwife for midwife in midwives}
    if not TEAM_SIZE_MIN <= len(distinct) <= TEAM_SIZE_MAX:
        errors.add(
            "midwives",
            f"Choose {TEAM_SIZE_MIN} to {TEAM_SIZE_MAX} midwives for the team "
            f"(you chose {len(distinct)})",
        )
    for midwife in distinct.values():
        _check_midwife(errors, "midwives", midwife, team)
    if caseload_limit is not None and caseload_limit < 1:
        errors.add("caseload_limit", "The caseload limit must be at least 1 woman a year")
    errors.raise_if_any()
    continuity_team = ContinuityTeam(
        team=team, obstetrician=obstetrician, caseload_limit=caseload_limit
    )
    save_with_history(continuity_team, by=by)
    for midwife in distinct.values():
        _join(continuity_team, midwife, joined_on, by=by)
    record_event(
        by=by,
        action=AuditAction.CREATE,
        object_type="continuity_team",
        object_id=continuity_team.pk,
        detail={"midwives": sorted(distinct), "obstetrician": obstetrician.pk},
    )
    return continuity_team


def _join(continuity_team, midwife, joined_on, *, by) -> TeamMembership:
    membership = TeamMembership(
        continuity_team=continuity_team, midwife=midwife, joined_on=joined_on
    )
    save_with_history(membership, by=by)
    # Membership of the records team is what lets her see the team's women.
    midwife.teams.add(continuity_team.team)
    return membership


@transaction.atomic
def add_member(
    *, by, continuity_team: ContinuityTeam, midwife: Practitioner, joined_on: date
) -> TeamMembership:
    # Locks the team row so two additions at once cannot both pass the size check.
    ContinuityTeam.objects.select_for_update().get(pk=continuity_team.pk)
    errors = Errors()
    _check_midwife(errors, "midwife", midwife, continuity_team.team)
    members = active_members(continuity_team)
    if members.filter(pk=midwife.pk).exists():
        errors.add("midwife", f"{midwife} is already in {continuity_team}")
    elif members.count() >= TEAM_SIZE_MAX:
        errors.add(
            "midwife",
            f"{continuity_team} already has {TEAM_SIZE_MAX} midwives, the most a continuity "
            "team should have. Start a new team instead.",
        )
    errors.raise_if_any()
    membership = _join(continuity_team, midwife, joined_on, by=by)
    record_event(
        by=by,
        action=AuditAction.CHANGE,
        object_type="continuity_team",
        object_id=continuity_team.pk,
        detail={"joined": midwife.pk},
    )
    return membership


@transaction.atomic
def end_membership(*, by, membership: TeamMembership, left_on: date) -> TeamMembership:
    """She leaves the team: refused while women still name her, or if it leaves too few."""
    continuity_team = ContinuityTeam.objects.select_for_update().get(
        pk=membership.continuity_team_id
    )
    membership = TeamMembership.objects.get(pk=membership.pk)
    midwife = membership.midwife
    errors = Errors()
    if membership.left_on is not None:
        errors.add("left_on", f"{midwife} has already left {continuity_team}")
    elif left_on < membership.joined_on:
        errors.add("left_on", "The date she leaves must be on or after the date she joined")
    still_caring = CarerAssignment.objects.filter(
        Q(named_midwife=midwife) | Q(buddy=midwife),
        continuity_team=continuity_team,
        ends_on__isnull=True,
    ).count()
    if still_caring:
        errors.add(
            "midwife",
            f"{midwife} is still named midwife or buddy for women in "
            f"{continuity_team}. Give them another midwife first.",
        )
    if active_members(continuity_team).count() - 1 < TEAM_SIZE_MIN:
        errors.add(
            "midwife",
            f"{continuity_team} would have fewer than {TEAM_SIZE_MIN} midwives. Add a midwife "
            "to the team before she leaves.",
        )
    errors.raise_if_any()
    membership.left_on = left_on
    save_with_history(membership, by=by)
    midwife.teams.remove(continuity_team.team)
    record_event(
        by=by,
        action=AuditAction.CHANGE,
        object_type="continuity_team",
        object_id=continuity_team.pk,
        detail={"left": midwife.pk, "left_on": left_on.isoformat()},
    )
    return membership


# --- A woman's carers -------------------------------------------------------------------


def over_limit_message(midwife: Practitioner, women: int, limit: int) -> str:
    return (
        f"{midwife} would be named midwife for {women} women a year, over the team's limit "
        f"of {limit}. Choose another midwife, or confirm that her team leader has agreed."
    )


def _check_assignment(
    *,
    pregnancy: Pregnancy,
    continuity_team: ContinuityTeam,
    named_midwife: Practitioner | None,
    buddy: Practitioner | None,
    reason: str,
    confirm_over_limit: bool,
    current: CarerAssignment | None,
    on: date,
) -> bool:
    """Raises every problem at once; returns whether the caseload goes over the limit."""
    errors = Errors()
    if pregnancy.status not in OPEN_TO_CONTINUITY:
        errors.add(
            "continuity_team",
            f"Her pregnancy is {pregnancy.get_status_display().lower()}: carers can only be "
            "named while she is pregnant or in postnatal care",
        )
    if continuity_team.team.organisation_id != pregnancy.provider_id:
        errors.add(
            "continuity_team", f"{continuity_team} is not a team of {pregnancy.provider.name}"
        )
    members = set(active_members(continuity_team).values_list("pk", flat=True))
    if named_midwife is None:
        errors.add("named_midwife", "Choose her named midwife")
    elif named_midwife.pk not in members:
        errors.add("named_midwife", f"{named_midwife} is not a midwife in {continuity_team}")
    if buddy is None:
        errors.add("buddy", "Choose her buddy midwife")
    elif named_midwife is not None and buddy.pk == named_midwife.pk:
        errors.add("buddy", "Her buddy must be a different midwife from her named midwife")
    elif buddy.pk not in members:
        errors.add("buddy", f"{buddy} is not a midwife in {continuity_team}")
    if not reason.strip():
        errors.add("reason", "Say why her carers are being named or changed")
    if (
        current is not None
        and current.continuity_team_id == continuity_team.pk
        and current.named_midwife_id == getattr(named_midwife, "pk", None)
        and current.buddy_id == getattr(buddy, "pk", None)
    ):
        errors.add("named_midwife", "These are already her carers: nothing would change")
    over_limit = False
    if "named_midwife" not in errors and named_midwife is not None:
        starts, ends = _caseload_year(on)
        counts_her = current is not None and current.named_midwife_id == named_midwife.pk
        in_year = starts <= pregnancy.edd <= ends
        women = caseload_of(named_midwife, on=on) + (0 if counts_her or not in_year else 1)
        limit = continuity_team.effective_caseload_limit
        over_limit = women > limit
        if over_limit and not confirm_over_limit:
            errors.add("confirm_over_limit", over_limit_message(named_midwife, women, limit))
    errors.raise_if_any()
    return over_limit


def assign_carers(
    *,
    by,
    pregnancy: Pregnancy,
    continuity_team: ContinuityTeam,
    named_midwife: Practitioner | None,
    buddy: Practitioner | None,
    reason: str,
    expected_version: int,
    confirm_over_limit: bool = False,
    on: date | None = None,
) -> CarerAssignment:
    """Name her midwife and buddy in a continuity team. When she already has carers, their
    assignment ends today and the new one starts (a change of midwife or a transfer between
    teams); the pregnancy's named midwife and team follow in the same transaction."""
    with conflicts_audited(
        by=by,
        object_type="pregnancy",
        object_id=pregnancy.pk,
        person_id=pregnancy.woman_id,
        expected_version=expected_version,
    ):
        return _assign_carers(
            by=by,
            pregnancy=pregnancy,
            continuity_team=continuity_team,
            named_midwife=named_midwife,
            buddy=buddy,
            reason=reason,
            expected_version=expected_version,
            confirm_over_limit=confirm_over_limit,
            on=on or timezone.localdate(),
        )


@transaction.atomic
def _assign_carers(
    *,
    by,
    pregnancy,
    continuity_team,
    named_midwife,
    buddy,
    reason,
    expected_version,
    confirm_over_limit,
    on,
):
    current = current_assignment(pregnancy)
    over_limit = _check_assignment(
        pregnancy=pregnancy,
        continuity_team=continuity_team,
        named_midwife=named_midwife,
        buddy=buddy,
        reason=reason,
        confirm_over_limit=confirm_over_limit,
        current=current,
        on=on,
    )
    reason = reason.strip()
    # Claims her pregnancy's next version first: a concurrent change of her carers fails
    # here, before anything else is written.
    set_current_carers(
        by=by,
        pregnancy=pregnancy,
        named_midwife=named_midwife,
        team=continuity_team.team,
        expected_version=expected_version,
        reason=reason,
    )
    if current is not None:
        current.ends_on, current.ended_by, current.end_reason = on, by, reason
        save_with_history(current, by=by, reason=reason)
    assignment = CarerAssignment(
        pregnancy=pregnancy,
        continuity_team=continuity_team,
        named_midwife=named_midwife,
        buddy=buddy,
        starts_on=on,
        reason=reason,
        assigned_by=by,
        over_limit_confirmed=over_limit,
    )
    try:
        with transaction.atomic():
            save_with_history(assignment, by=by, reason=reason)
    except IntegrityError:
        raise ValidationError(
            {"named_midwife": "Someone else has just named her carers. Reload and check."}
        ) from None
    record_event(
        by=by,
        action=AuditAction.CREATE,
        object_type="carer_assignment",
        object_id=assignment.pk,
        person_id=pregnancy.woman_id,
        detail={
            "continuity_team": continuity_team.pk,
            "named_midwife": named_midwife.pk,
            "buddy": buddy.pk,
            "replaces": current.pk if current else None,
            "over_limit_confirmed": over_limit,
            "reason": reason,
        },
    )
    return assignment
