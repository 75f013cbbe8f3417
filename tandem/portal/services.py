"""The woman's portal: whose record a sign-in belongs to, her language, and what her
portal shows her (carers, appointments, referrals)."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tandem.continuity.services import current_carers
from tandem.core.audit import record_event
from tandem.core.models import AuditAction, User
from tandem.core.roles import Role
from tandem.hubs.models import Consent, ServiceCategory, ServiceReferral
from tandem.hubs.services import referrals_for
from tandem.portal.models import WomanAccount
from tandem.records.models import CareContact, ContactOutcome, Pregnancy, Woman
from tandem.scheduling.models import Visit, VisitStatus


def woman_of(user) -> Woman | None:
    """The woman this user account belongs to, or None for staff and signed-out visitors."""
    account = account_of(user)
    return account.woman if account is not None else None


def account_of(user) -> WomanAccount | None:
    if not (
        user is not None and user.is_authenticated and user.is_active and user.role == Role.WOMAN
    ):
        return None
    try:
        return WomanAccount.objects.select_related("woman").get(user=user)
    except WomanAccount.DoesNotExist:
        return None


def language_codes() -> list[str]:
    return [code for code, _ in settings.LANGUAGES]


@transaction.atomic
def open_account(woman: Woman, *, username: str, password: str | None, by) -> WomanAccount:
    """Give a woman her own sign-in (role WOMAN, no staff permission)."""
    user = User.objects.create_user(
        username=username,
        password=password,
        role=Role.WOMAN,
        first_name=woman.given_name,
        last_name=woman.family_name,
    )
    account = WomanAccount.objects.create(user=user, woman=woman)
    record_event(
        by=by,
        action=AuditAction.CREATE,
        object_type="WomanAccount",
        object_id=account.pk,
        person_id=woman.pk,
    )
    return account


@transaction.atomic
def choose_language(account: WomanAccount, language: str, *, by) -> WomanAccount:
    if language not in language_codes():
        raise ValidationError({"language": _("Choose one of the languages offered")})
    previous = account.language
    account.language = language
    account.save(update_fields=["language"])
    record_event(
        by=by,
        action=AuditAction.CHANGE,
        object_type="WomanAccount",
        object_id=account.pk,
        person_id=account.woman_id,
        detail={"language": {"from": previous, "to": language}},
    )
    return account


# --- What her portal shows ---------------------------------------------------------------


@dataclass(frozen=True)
class Appointment:
    starts_at: datetime
    kind: str  # "contact" (records.CareContact) or "visit" (scheduling.Visit)
    what: str  # the contact type or visit kind value
    with_whom: tuple[str, ...]


@dataclass(frozen=True)
class Carers:
    """Who looks after her: from her continuity-of-carer assignment when she has one,
    otherwise her pregnancy's named midwife and team."""

    named_midwife: str
    buddy: str
    team_name: str
    obstetrician_name: str
    on_continuity_pathway: bool


def carers_of(pregnancy: Pregnancy) -> Carers:
    assigned = current_carers(pregnancy)
    if assigned is not None:
        return Carers(
            named_midwife=str(assigned.named_midwife or ""),
            buddy=str(assigned.buddy or ""),
            team_name=assigned.team_name,
            obstetrician_name=assigned.obstetrician_name,
            on_continuity_pathway=True,
        )
    return Carers(
        named_midwife=str(pregnancy.named_midwife or ""),
        buddy="",
        team_name=pregnancy.team.name if pregnancy.team else "",
        obstetrician_name="",
        on_continuity_pathway=False,
    )


def upcoming_appointments(
    contacts: QuerySet[CareContact], visits: QuerySet[Visit], *, now: datetime | None = None
) -> list[Appointment]:
    """Her booked contacts and visits from now on, soonest first. Only when, what and with
    whom: a contact's notes are the clinicians' and never shown to her."""
    now = now or timezone.now()
    booked_contacts = (
        contacts.filter(outcome=ContactOutcome.BOOKED, starts_at__gte=now)
        .prefetch_related("practitioners")
        .order_by("starts_at")
    )
    booked_visits = (
        visits.filter(status=VisitStatus.BOOKED, starts_at__gte=now)
        .prefetch_related("attendees__practitioner")
        .order_by("starts_at")
    )
    appointments = [
        Appointment(
            contact.starts_at,
            "contact",
            contact.contact_type,
            tuple(str(p) for p in contact.practitioners.all()),
        )
        for contact in booked_contacts
    ] + [
        Appointment(
            visit.starts_at,
            "visit",
            visit.kind,
            tuple(str(attendee.practitioner) for attendee in visit.attendees.all()),
        )
        for visit in booked_visits
    ]
    return sorted(appointments, key=lambda appointment: appointment.starts_at)


# Referrals her portal never lists: one she may not know of could put her at risk if
# someone else reads her portal (a referral made without her agreement, domestic abuse).
HIDDEN_REFERRAL_CATEGORIES = frozenset({ServiceCategory.DOMESTIC_ABUSE})


def referrals_shown_to_her(pregnancy: Pregnancy) -> QuerySet[ServiceReferral]:
    return (
        referrals_for(pregnancy)
        .exclude(consent=Consent.WITHOUT_CONSENT)
        .exclude(service__category__in=HIDDEN_REFERRAL_CATEGORIES)
    )
