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
  (a withdrawn referral no longer counts).

Objects a user may not see answer 404, so their existence is not disclosed.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from tandem.core.roles import Permission, Role
from tandem.pathway.models import Referral, ReferralStatus
from tandem.records.models import CareContact, Practitioner, Pregnancy, Woman
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
    from tandem.pathway.models import Screen

    return Screen.objects.filter(pregnancy__in=visible_pregnancies(user))


def screen_for(user, pk):
    from tandem.pathway.models import Screen

    try:
        return visible_screens(user).select_related("pregnancy__woman", "referral").get(pk=pk)
    except (Screen.DoesNotExist, ValueError, TypeError):
        raise Http404("No such record") from None


# --- programme ---


def programme_areas(user) -> QuerySet:
    """The areas whose programme figures she may see: every area for a role that sees
    figures only (analysts, who get them suppressed); the areas a team leader covers, or
    her teams cover; nothing for anyone else."""
    from tandem.records.models import Area

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
    from tandem.records.models import Area

    try:
        return programme_areas(user).get(pk=pk)
    except (Area.DoesNotExist, ValueError, TypeError):
        raise Http404("No such area") from None


# --- assessments ---


def visible_plan_actions(user):
    """Family plan actions of the visit records of pregnancies she may see."""
    from tandem.assessments.models import FamilyPlanAction

    return FamilyPlanAction.objects.filter(goal__record__visit__in=visible_visits(user))


def plan_goal_for(user, pk):
    from tandem.assessments.models import FamilyPlanGoal

    goals = FamilyPlanGoal.objects.filter(record__visit__in=visible_visits(user))
    try:
        return goals.select_related("record__visit__pregnancy__woman").get(pk=pk)
    except (FamilyPlanGoal.DoesNotExist, ValueError, TypeError):
        raise Http404("No such record") from None


def plan_action_for(user, pk):
    from tandem.assessments.models import FamilyPlanAction

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
    from tandem.outcomes.models import LabourDelivery

    return LabourDelivery.objects.filter(pregnancy__in=visible_pregnancies(user))


def labour_for(user, pk):
    from tandem.outcomes.models import LabourDelivery

    try:
        return visible_labours(user).select_related("pregnancy__woman").get(pk=pk)
    except (LabourDelivery.DoesNotExist, ValueError, TypeError):
        raise Http404("No such record") from None


def baby_for(user, pk):
    from tandem.outcomes.models import Baby

    babies = Baby.objects.filter(labour_delivery__in=visible_labours(user))
    try:
        return babies.select_related("labour_delivery__pregnancy__woman").get(pk=pk)
    except (Baby.DoesNotExist, ValueError, TypeError):
        raise Http404("No such record") from None
