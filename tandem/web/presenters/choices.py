"""What the pickers on a form offer: the user's own organisation and areas, nothing wider.

A practitioner's areas are those she covers herself and those her teams cover. When editing,
the value already saved stays on offer even if it is outside her scope, so saving an
unrelated change does not fail.
"""

from django.db.models import Q, QuerySet

from tandem import access
from tandem.records.models import (
    Area,
    Organisation,
    OrganisationKind,
    Practitioner,
    Profession,
    Team,
)


def _with_current(queryset: QuerySet, current) -> QuerySet:
    if current is None:
        return queryset
    pks = [item.pk for item in current] if isinstance(current, list | tuple) else [current.pk]
    return queryset.model.objects.filter(Q(pk__in=queryset.values("pk")) | Q(pk__in=pks))


def user_areas(user) -> QuerySet[Area]:
    practitioner = access.practitioner_of(user)
    if practitioner is None:
        return Area.objects.none()
    return Area.objects.filter(
        Q(practitioners=practitioner) | Q(teams__members=practitioner)
    ).distinct()


def providers(user, current: Organisation | None = None) -> QuerySet[Organisation]:
    """Maternity providers: her own organisation, or those covering her areas."""
    practitioner = access.practitioner_of(user)
    if practitioner is None:
        return Organisation.objects.none()
    scope = Organisation.objects.filter(kind=OrganisationKind.MATERNITY_PROVIDER).filter(
        Q(pk=practitioner.organisation_id) | Q(areas__in=user_areas(user))
    )
    return _with_current(scope.distinct(), current).order_by("name")


def areas(user, current: Area | None = None) -> QuerySet[Area]:
    scope = Area.objects.filter(
        pk__in=user_areas(user).values("pk"), organisation__in=providers(user)
    )
    return _with_current(scope, current).select_related("organisation").order_by("name")


def teams(user, current: Team | None = None) -> QuerySet[Team]:
    practitioner = access.practitioner_of(user)
    if practitioner is None:
        return Team.objects.none()
    scope = Team.objects.filter(organisation__in=providers(user)).filter(
        Q(members=practitioner) | Q(areas__in=user_areas(user))
    )
    return _with_current(scope.distinct(), current).order_by("name")


def practitioners(user, current=None) -> QuerySet[Practitioner]:
    """Active practitioners who work in her teams or areas, in any organisation (a joint
    visit brings a midwife and a health visitor from different organisations together)."""
    practitioner = access.practitioner_of(user)
    if practitioner is None:
        return Practitioner.objects.none()
    mine = user_areas(user)
    scope = Practitioner.objects.filter(is_active=True).filter(
        Q(pk=practitioner.pk)
        | Q(teams__in=practitioner.teams.all())
        | Q(areas__in=mine)
        | Q(teams__areas__in=mine)
    )
    return _with_current(scope.distinct(), current).order_by("family_name", "given_name")


def midwives(user, current: Practitioner | None = None) -> QuerySet[Practitioner]:
    scope = practitioners(user).filter(
        profession=Profession.MIDWIFE, organisation__in=providers(user)
    )
    return _with_current(scope, current).order_by("family_name", "given_name")
