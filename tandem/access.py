"""Who may see what: the one access-policy module.

Every view and API handler that touches a person's record gets its queryset or object from
here, never from `Model.objects` (enforced by tandem/web/tests/test_no_direct_model_access).
The rule is deny by default:

- signed-out and inactive users see nothing;
- a role without the permission sees nothing (analysts and system administrators never see a
  person's record);
- midwives, health visitors, team leaders and administrators see pregnancies in their
  caseload (named midwife), their teams, or the areas they cover;
- safeguarding reviewers see pregnancies referred to the enhanced pathway in their areas
  (a withdrawn referral no longer counts);
- postnatal handovers are seen only by members of the sending midwifery team and the
  receiving health-visiting team;
- a woman signed in to her own portal sees her own record only (`own_pregnancies`), never
  through the staff rules above: her role carries none of their permissions.

Objects a user may not see answer 404, so their existence is not disclosed.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from tandem.assessments.models import FamilyPlanAction, FamilyPlanGoal
from tandem.continuity.models import CarerAssignment, ContinuityTeam, TeamMembership
from tandem.core.roles import Permission, Role
from tandem.handover.models import Handover
from tandem.hubs.models import RedFlagTask, ServiceReferral
from tandem.outcomes.models import Baby, LabourDelivery
from tandem.pathway.models import Referral, ReferralStatus, Screen
from tandem.records.models import (
    Area,
    CareContact,
    Practitioner,
    Pregnancy,
    PregnancyStatus,
    Team,
    Woman,
)
from tandem.scheduling.models import Visit

_CARE_TEAM_ROLES = {Role.MIDWIFE, Role.HEALTH_VISITOR, Role.TEAM_LEADER, Role.ADMINISTRATOR}


def can(user, permission: Permission) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_role_permission(permission)
    )


def practitioner_of(user) -> Practitioner | None:
    if not (user is not None and user.is_authenticated):
        return None
    try:
        practitioner = user.practitioner
    except Practitioner.DoesNotExist:
        return None
    return practitioner if practitioner.is_active else None


def can_see_identifiers(user) -> bool:
    return can(user, Permission.VIEW_PERSON_RECORDS)


def visible_pregnancies(user) -> QuerySet[Pregnancy]:
    practitioner = practitioner_of(user)
    if practitioner is None or not can(user, Permission.VIEW_PERSON_RECORDS):
        return Pregnancy.objects.none()
    in_my_areas = Q(area_id__in=practitioner.areas.values("pk"))
    if user.role in _CARE_TEAM_ROLES:
        return Pregnancy.objects.filter(
            Q(named_midwife=practitioner)
            | Q(team_id__in=practitioner.teams.values("pk"))
            | in_my_areas
        )
    if user.role == Role.SAFEGUARDING_REVIEWER:
        referred = Exists(
            Referral.objects.filter(pregnancy=OuterRef("pk")).exclude(
                status=ReferralStatus.WITHDRAWN
            )
        )
        return Pregnancy.objects.filter(in_my_areas & Q(referred))
    return Pregnancy.objects.none()


def visible_women(user) -> QuerySet[Woman]:
    return Woman.objects.filter(Exists(visible_pregnancies(user).filter(woman=OuterRef("pk"))))


def visible_contacts(user) -> QuerySet[CareContact]:
    return CareContact.objects.filter(pregnancy__in=visible_pregnancies(user))


def woman_for(user, pk) -> Woman:
    try:
        return visible_women(user).get(pk=pk)
    except (Woman.DoesNotExist, ValueError, TypeError):
        raise Http404("No such record") from None


def pregnancy_for(user, pk) -> Pregnancy:
    try:
        return visible_pregnancies(user).select_related("woman").get(pk=pk)
    except (Pregnancy.DoesNotExist, ValueError, TypeError):
        raise Http404("No such record") from None


def contact_for(user, pk) -> CareContact:
    try:
        return visible_contacts(user).select_related("pregnancy__woman").get(pk=pk)
    except (CareContact.DoesNotExist, ValueError, TypeError):
        raise Http404("No such record") from None


def visible_referrals(user) -> QuerySet[Referral]:
    return Referral.objects.filter(pregnancy__in=visible_pregnancies(user))


def referral_for(user, pk) -> Referral:
    try:
        return visible_referrals(user).select_related("pregnancy__woman").get(pk=pk)
    except (Referral.DoesNotExist, ValueError, TypeError):
        raise Http404("No such record") from None


def visible_visits(user) -> QuerySet[Visit]:
    """Visits of the pregnancies she may see: a practitioner outside the family's caseload,
    teams and areas cannot open the visit or its record."""
    return Visit.objects.filter(pregnancy__in=visible_pregnancies(user))


def visit_for(user, pk) -> Visit:
    try:
        return visible_visits(user).select_related("pregnancy__woman").get(pk=pk)
    except (Visit.DoesNotExist, ValueError, TypeError):
        raise Http404("No such record") from None


# --- pathway ---


def visible_screens(user):
    """Enhanced-pathway screens of the pregnancies she may see."""

    return Screen.objects.filter(pregnancy__in=visible_pregnancies(user))


def screen_for(user, pk):

    try:
        return visible_screens(user).select_related("pregnancy__woman", "referral").get(pk=pk)
    except (Screen.DoesNotExist, ValueError, TypeError):
        raise Http404("No such record") from None


# --- programme ---


def programme_areas(user) -> QuerySet:
    """The areas whose programme figures she may see: every area for a role that sees
    figures only (analysts, who get them suppressed); the areas a team leader covers, or
    her teams cover; nothing for anyone else."""

    if not can(user, Permission.VIEW_PROGRAMME):
        return Area.objects.none()
    if not can_see_identifiers(user):
        return Area.objects.all()
    practitioner = practitioner_of(user)
    if practitioner is None or user.role != Role.TEAM_LEADER:
        return Area.objects.none()
    return Area.objects.filter(
        Q(pk__in=practitioner.areas.values("pk"))
        | Q(pk__in=Area.objects.filter(teams__members=practitioner).values("pk"))
    )


def programme_area_for(user, pk):

    try:
        return programme_areas(user).get(pk=pk)
    except (Area.DoesNotExist, ValueError, TypeError):
        raise Http404("No such area") from None


# --- assessments ---


def visible_plan_actions(user):
    """Family plan actions of the visit records of pregnancies she may see."""

    return FamilyPlanAction.objects.filter(goal__record__visit__in=visible_visits(user))


def plan_goal_for(user, pk):

    goals = FamilyPlanGoal.objects.filter(record__visit__in=visible_visits(user))
    try:
        return goals.select_related("record__visit__pregnancy__woman").get(pk=pk)
    except (FamilyPlanGoal.DoesNotExist, ValueError, TypeError):
        raise Http404("No such record") from None


def plan_action_for(user, pk):

    try:
        return (
            visible_plan_actions(user)
            .select_related("goal__record__visit__pregnancy__woman")
            .get(pk=pk)
        )
    except (FamilyPlanAction.DoesNotExist, ValueError, TypeError):
        raise Http404("No such record") from None


# --- outcomes ---


def visible_labours(user):
    """Labours and deliveries of the pregnancies she may see."""

    return LabourDelivery.objects.filter(pregnancy__in=visible_pregnancies(user))


def labour_for(user, pk):

    try:
        return visible_labours(user).select_related("pregnancy__woman").get(pk=pk)
    except (LabourDelivery.DoesNotExist, ValueError, TypeError):
        raise Http404("No such record") from None


def baby_for(user, pk):

    babies = Baby.objects.filter(labour_delivery__in=visible_labours(user))
    try:
        return babies.select_related("labour_delivery__pregnancy__woman").get(pk=pk)
    except (Baby.DoesNotExist, ValueError, TypeError):
        raise Http404("No such record") from None


# --- handover ---


def handover_teams(user) -> QuerySet:
    """The teams whose postnatal handovers she may see: her own teams, when her role works
    with families (never the woman herself, an analyst or a system administrator)."""

    practitioner = practitioner_of(user)
    if (
        practitioner is None
        or not can(user, Permission.VIEW_PERSON_RECORDS)
        or user.role not in _CARE_TEAM_ROLES
    ):
        return Team.objects.none()
    return practitioner.teams.all()


def visible_handovers(user):
    """Handovers sent by or to one of her teams: the sending midwife's team and the
    receiving health-visiting team, nobody else."""

    teams = handover_teams(user).values("pk")
    return Handover.objects.filter(Q(sending_team_id__in=teams) | Q(receiving_team_id__in=teams))


def handover_for(user, pk):

    try:
        return (
            visible_handovers(user)
            .select_related(
                "pregnancy__woman", "sending_team", "receiving_team", "sent_by", "acknowledged_by"
            )
            .get(pk=pk)
        )
    except (Handover.DoesNotExist, ValueError, TypeError):
        raise Http404("No such record") from None


def handover_team_for(user, pk):

    try:
        return handover_teams(user).get(pk=pk)
    except (Team.DoesNotExist, ValueError, TypeError):
        raise Http404("No such team") from None


# --- hubs ---


def can_browse_directory(user) -> bool:
    """The community hubs directory is for practitioners who care for families."""
    return practitioner_of(user) is not None and can(user, Permission.VIEW_PERSON_RECORDS)


def visible_service_referrals(user):
    """Onward referrals to services, of the pregnancies she may see."""

    return ServiceReferral.objects.filter(pregnancy__in=visible_pregnancies(user))


def service_referral_for(user, pk):

    try:
        return (
            visible_service_referrals(user)
            .select_related("pregnancy__woman", "service__hub", "referred_by", "contact")
            .get(pk=pk)
        )
    except (ServiceReferral.DoesNotExist, ValueError, TypeError):
        raise Http404("No such record") from None


def visible_red_flag_tasks(user):
    """Urgent mental health referrals raised by red flags, of the pregnancies she may see."""

    return RedFlagTask.objects.filter(pregnancy__in=visible_pregnancies(user))


def red_flag_task_for(user, pk):

    try:
        return (
            visible_red_flag_tasks(user)
            .select_related("pregnancy__woman", "wellbeing_check__contact", "referral__service")
            .get(pk=pk)
        )
    except (RedFlagTask.DoesNotExist, ValueError, TypeError):
        raise Http404("No such record") from None


def _on_my_hubs_lists(user, items, mine: Q):
    """A team leader's lists cover her teams and areas (all she may see); a practitioner's,
    the referrals she made and the red flags she raised."""
    if practitioner_of(user) is None or user.role not in _CARE_TEAM_ROLES:
        return items.none()
    return items if user.role == Role.TEAM_LEADER else items.filter(mine)


def referrals_to_chase(user):
    """The referrals whose reminders she gets."""
    return _on_my_hubs_lists(
        user, visible_service_referrals(user), Q(referred_by=practitioner_of(user))
    )


def red_flag_tasks_to_action(user):
    """The red-flag tasks on her list."""
    return _on_my_hubs_lists(user, visible_red_flag_tasks(user), Q(raised_by=user))


# --- the woman's own portal ---


def own_pregnancies(user) -> QuerySet[Pregnancy]:
    """A woman signed in to her portal sees her own pregnancies, and nobody else's; staff
    roles see none here (they reach records through visible_pregnancies)."""
    if not can(user, Permission.VIEW_OWN_RECORD):
        return Pregnancy.objects.none()
    return Pregnancy.objects.filter(woman__portal_account__user=user)


def own_pregnancy_for(user, pk) -> Pregnancy:
    try:
        return own_pregnancies(user).select_related("woman").get(pk=pk)
    except (Pregnancy.DoesNotExist, ValueError, TypeError):
        raise Http404("No such record") from None


def current_own_pregnancy(user) -> Pregnancy | None:
    """Her pregnancy the portal opens on: the active one, else the most recent."""

    pregnancies = own_pregnancies(user).select_related("woman")
    return (
        pregnancies.filter(status=PregnancyStatus.ACTIVE).order_by("-edd").first()
        or pregnancies.order_by("-edd").first()
    )


def own_visits(user) -> QuerySet[Visit]:
    return Visit.objects.filter(pregnancy__in=own_pregnancies(user))


def own_contacts(user) -> QuerySet[CareContact]:
    return CareContact.objects.filter(pregnancy__in=own_pregnancies(user))


# --- continuity of carer ---


def continuity_teams(user) -> QuerySet:
    """The continuity teams she may open: a team leader, every continuity team of her
    organisation; a midwife, the teams she is a member of now; nobody else."""

    practitioner = practitioner_of(user)
    if practitioner is None or not can(user, Permission.ASSIGN_CARERS):
        return ContinuityTeam.objects.none()
    teams = ContinuityTeam.objects.filter(team__organisation_id=practitioner.organisation_id)
    if user.role == Role.TEAM_LEADER:
        return teams
    return teams.filter(
        memberships__midwife=practitioner, memberships__left_on__isnull=True
    ).distinct()


def continuity_team_for(user, pk):

    try:
        return continuity_teams(user).select_related("team", "obstetrician").get(pk=pk)
    except (ContinuityTeam.DoesNotExist, ValueError, TypeError):
        raise Http404("No such team") from None


def carer_teams_for(user, pregnancy: Pregnancy) -> QuerySet:
    """The continuity teams she may give this woman carers in (empty: she may not).

    A team leader of the woman's provider may use any of its continuity teams. A midwife of
    the woman's current continuity team may change her carers or transfer her to another
    team; a woman not yet in a team may be taken on by a midwife into her own team. The
    pregnancy itself must already be visible to the user (pregnancy_for)."""

    practitioner = practitioner_of(user)
    if practitioner is None or not can(user, Permission.ASSIGN_CARERS):
        return ContinuityTeam.objects.none()
    if practitioner.organisation_id != pregnancy.provider_id:
        return ContinuityTeam.objects.none()
    her_teams = continuity_teams(user)  # a team leader's: all of her organisation's
    if user.role == Role.TEAM_LEADER:
        return her_teams
    current = CarerAssignment.objects.filter(pregnancy=pregnancy, ends_on__isnull=True).first()
    if current is None:
        return her_teams
    if her_teams.filter(pk=current.continuity_team_id).exists():
        return ContinuityTeam.objects.filter(team__organisation_id=pregnancy.provider_id)
    return ContinuityTeam.objects.none()


# --- careplans ---


def care_plan_pregnancy_for(user, pk) -> Pregnancy:
    """The pregnancy whose personalised care plan she may read, write and print: a role that
    keeps care plans (midwife, team leader, administrator) and a pregnancy she may see. The
    woman reaches her own plan through the portal rules, never through this."""
    if not can(user, Permission.KEEP_CARE_PLANS):
        raise Http404("No such record")
    return pregnancy_for(user, pk)


# --- continuity of carer: setting up teams ---


def may_manage_continuity_teams(user) -> bool:
    """Setting up a continuity team and changing its midwives is for team leaders."""
    return (
        practitioner_of(user) is not None
        and can(user, Permission.ASSIGN_CARERS)
        and user.role == Role.TEAM_LEADER
    )


def continuity_membership_for(user, pk):

    try:
        return (
            TeamMembership.objects.filter(continuity_team__in=continuity_teams(user))
            .select_related("midwife", "continuity_team__team")
            .get(pk=pk)
        )
    except (TeamMembership.DoesNotExist, ValueError, TypeError):
        raise Http404("No such team member") from None
