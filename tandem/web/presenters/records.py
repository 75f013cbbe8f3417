"""A woman's record as the page shows it: her details, pregnancies, their contacts and births.

Fetched in a fixed number of queries: the woman, her visible pregnancies with their
midwife, team, area and birth, the babies, the contacts and their practitioners, and her
LSOA.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from tandem import access
from tandem.core.roles import Permission
from tandem.pathway.models import Referral
from tandem.records.models import CareContact, Lsoa, Pregnancy, PregnancyStatus, Woman
from tandem.scheduling.models import Visit, VisitStatus
from tandem.web.presenters import display
from tandem.web.presenters.continuity import continuity_panel
from tandem.web.presenters.hubs import pregnancy_links as hub_links
from tandem.web.presenters.outcomes import BirthView, birth_view
from tandem.web.presenters.pathway import pregnancy_pathway_links


@dataclass
class PregnancyView:
    pregnancy: Pregnancy
    heading: str
    summary: dict
    contacts: dict | None
    actions: list[dict] = field(default_factory=list)
    birth: BirthView | None = None
    continuity: dict | None = None


@dataclass
class RecordView:
    woman: Woman
    details: dict
    postcode_warning: str
    pregnancies: list[PregnancyView]
    actions: list[dict]


def _row(key: str, value: str, *, classes: str = "") -> dict:
    row = {"key": {"text": key}, "value": {"text": value}}
    if classes:
        row["value"]["classes"] = classes
    return row


def visible_pregnancies_of(user, woman: Woman, *, with_contacts: bool = True):
    pregnancies = (
        access.visible_pregnancies(user)
        .filter(woman=woman)
        .select_related("named_midwife", "team", "area", "provider")
        .order_by("-edd", "-pk")
    )
    if with_contacts:
        pregnancies = pregnancies.select_related("labour_delivery").prefetch_related(
            "labour_delivery__babies"
        )
        contacts = CareContact.objects.prefetch_related("practitioners").order_by("-starts_at")
        pregnancies = pregnancies.prefetch_related(
            Prefetch("contacts", queryset=contacts),
            Prefetch(
                "referrals",
                queryset=Referral.objects.order_by("-referred_at", "-pk").prefetch_related(
                    "visits"
                ),
            ),
            Prefetch(
                "visits",
                queryset=Visit.objects.exclude(status=VisitStatus.CANCELLED).order_by("starts_at"),
            ),
        )
    return pregnancies


def _woman_details(woman: Woman, lsoa: Lsoa | None) -> tuple[dict, str]:
    today = timezone.localdate()
    rows = [
        _row("NHS number", woman.nhs_number_display, classes="app-wrap"),
        _row("Name", str(woman)),
        _row(
            "Date of birth",
            f"{display.nhs_date(woman.date_of_birth)} (aged {woman.age_on(today)})",
        ),
        _row("Postcode", woman.postcode),
    ]
    warning = ""
    if woman.lsoa_code:
        area = f"{woman.lsoa_code}" + (f" ({lsoa.name})" if lsoa else "")
        rows.append(_row("LSOA (2011)", area))
        decile = (
            f"{woman.imd_decile} (1 is the most deprived 10% of areas in England)"
            if woman.imd_decile
            else "Not known"
        )
        rows.append(_row("Deprivation (IMD 2019 decile)", decile))
    else:
        warning = (
            f"The postcode {woman.postcode} was not found in the postcode lookup, so her "
            "area and deprivation decile are not known. Check the postcode with her."
        )
    rows += [
        _row(
            "Ethnic category",
            woman.get_ethnic_category_display() if woman.ethnic_category else "Not recorded",
        ),
        _row("Main language", woman.get_main_language_display()),
        _row("Needs an interpreter", display.yes_no(woman.interpreter_needed)),
        _row("Accessibility needs", woman.accessibility_needs or "None recorded"),
    ]
    return {"rows": rows}, warning


def _pregnancy_summary(pregnancy: Pregnancy) -> dict:
    today = timezone.localdate()
    gestation_today = (
        display.gestation(pregnancy.gestation_on(today))
        if pregnancy.status == PregnancyStatus.ACTIVE
        else "Not applicable (the pregnancy has ended)"
    )
    rows = [
        _row("Status", pregnancy.get_status_display()),
        _row(
            "Due date (EDD)",
            f"{display.nhs_date(pregnancy.edd)}, from the "
            f"{pregnancy.get_edd_method_display().lower()}",
        ),
        _row("Gestation today", gestation_today),
        _row("Last menstrual period", display.nhs_date(pregnancy.lmp)),
        _row("Booking date", display.nhs_date(pregnancy.booking_date)),
        _row("Gestation at booking", display.gestation(pregnancy.gestation_at_booking)),
        _row("Previous births", _previous_births(pregnancy)),
        _row(
            "Previous caesarean sections",
            display.NOT_RECORDED
            if pregnancy.previous_caesareans is None
            else str(pregnancy.previous_caesareans),
        ),
        _row(
            "Smoking at booking",
            pregnancy.get_smoking_status_booking_display() or "Not recorded",
        ),
        _row("Provider", pregnancy.provider.name),
        _row("Named midwife", str(pregnancy.named_midwife or "None")),
        _row("Team", str(pregnancy.team or "None")),
        _row("Area", str(pregnancy.area or "Not known")),
    ]
    if pregnancy.ended_on:
        rows.insert(1, _row("Ended on", display.nhs_date(pregnancy.ended_on)))
    return {"rows": rows}


def _previous_births(pregnancy: Pregnancy) -> str:
    if pregnancy.previous_births is None:
        return display.NOT_RECORDED
    live, still = (
        display.NOT_RECORDED.lower() if count is None else count
        for count in (pregnancy.previous_live_births, pregnancy.previous_stillbirths)
    )
    return f"{pregnancy.previous_births} ({live} live, {still} stillborn)"


def _contacts_table(user, pregnancy: Pregnancy) -> dict | None:
    contacts = list(pregnancy.contacts.all())
    if not contacts:
        return None
    may_edit = access.can(user, Permission.RECORD_CONTACT)
    head = ["Date and time", "Type", "Practitioners", "Outcome", "Wellbeing asked"]
    if may_edit:
        head.append("Action")
    rows = []
    for contact in contacts:
        row = [
            display.nhs_datetime(contact.starts_at),
            contact.get_contact_type_display(),
            ", ".join(str(p) for p in contact.practitioners.all()) or "None recorded",
            contact.get_outcome_display(),
            display.yes_no(contact.wellbeing_asked),
        ]
        if may_edit:
            row.append(
                {
                    "text": f"Change contact of {display.nhs_date(contact.starts_at)}",
                    "href": reverse("web:contact-edit", args=[contact.pk]),
                }
            )
        rows.append(row)
    return {
        "caption": "Contacts",
        "captionSize": "s",
        "head": [{"text": text} for text in head],
        "rows": rows,
        "responsive": True,
    }


def _pregnancy_actions(user, pregnancy: Pregnancy) -> list[dict]:
    actions = []
    if access.can(user, Permission.EDIT_PERSON_RECORDS):
        actions.append(
            {
                "text": "Change pregnancy details",
                "href": reverse("web:pregnancy-edit", args=[pregnancy.pk]),
            }
        )
    if access.can(user, Permission.RECORD_CONTACT):
        actions.append(
            {"text": "Record a contact", "href": reverse("web:contact-new", args=[pregnancy.pk])}
        )
    if access.can(user, Permission.KEEP_CARE_PLANS):
        actions.append(
            {
                "text": "Personalised care and support plan",
                "href": reverse("web:care-plan", args=[pregnancy.pk]),
            }
        )
    return (
        actions
        + pregnancy_pathway_links(user, pregnancy)
        + _visit_links(pregnancy)
        + hub_links(user, pregnancy)
    )


def _visit_links(pregnancy: Pregnancy) -> list[dict]:
    """Her pathway visits that are still on, or happened, with a link to each."""
    visits = pregnancy.visits.all()  # prefetched: not cancelled, in time order
    return [
        {
            "text": f"{visit.get_kind_display()}: {display.nhs_datetime(visit.starts_at)}"
            f" ({visit.get_status_display().lower()})",
            "href": reverse("web:visit", args=[visit.pk]),
        }
        for visit in visits
    ]


def record_view(user, woman: Woman) -> RecordView:
    lsoa = Lsoa.objects.filter(code=woman.lsoa_code).first() if woman.lsoa_code else None
    details, warning = _woman_details(woman, lsoa)
    pregnancies = list(visible_pregnancies_of(user, woman))
    views = [
        PregnancyView(
            pregnancy=pregnancy,
            heading=f"Pregnancy due {display.nhs_date(pregnancy.edd)}",
            summary=_pregnancy_summary(pregnancy),
            contacts=_contacts_table(user, pregnancy),
            actions=_pregnancy_actions(user, pregnancy),
            birth=birth_view(user, pregnancy),
            # Her latest pregnancy only: continuity is about the care she is having.
            continuity=continuity_panel(user, pregnancy) if pregnancy is pregnancies[0] else None,
        )
        for pregnancy in pregnancies
    ]
    actions = []
    if access.can(user, Permission.EDIT_PERSON_RECORDS):
        actions.append(
            {"text": "Change her details", "href": reverse("web:woman-edit", args=[woman.pk])}
        )
    if access.can(user, Permission.BOOK_PREGNANCY) and not any(
        p.status == PregnancyStatus.ACTIVE for p in pregnancies
    ):
        actions.append(
            {"text": "Book a new pregnancy", "href": reverse("web:pregnancy-new", args=[woman.pk])}
        )
    actions.append(
        {
            "text": "See earlier versions of her record",
            "href": reverse("web:woman-history", args=[woman.pk]),
        }
    )
    return RecordView(woman, details, warning, views, actions)
