"""The lists on each role's home page, read-only, always within what the user may see.

Every list starts from `tandem.access` (visible pregnancies or women), is ordered, paginated
and fetched with its related rows in a fixed number of queries, however long it is.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone

from tandem import access
from tandem.core.gestation import PREGNANCY_DAYS, Gestation
from tandem.pathway.models import Referral
from tandem.pathway.rules import working_days_between
from tandem.pathway.services import review_queue
from tandem.records.models import CareContact, ContactOutcome, Pregnancy, PregnancyStatus, Woman
from tandem.web.presenters import display
from tandem.web.presenters.pagination import PaginatedList, paginate

# The health visitor's antenatal contact is due at 28 weeks; she plans it from 24 weeks.
HV_WINDOW_FROM, HV_WINDOW_TO = Gestation.of(24), Gestation.of(28, 6)
RECENTLY_DELIVERED_DAYS = 42
NOT_RECORDED_ETHNICITY = ("", "99")


@dataclass
class Section:
    """One titled list on a page: the NHS.UK table params and its pagination."""

    heading: str
    listing: PaginatedList
    table: dict
    empty: str
    description: str = ""

    @property
    def total(self) -> int:
        return self.listing.total


def women_listed(sections: list[Section]) -> list[int]:
    """The women named on these lists' current pages, for the audit trail."""
    ids: list[int] = []
    for section in sections:
        for item in section.listing.items:
            ids.append(_woman_id_of(item))
    return list(dict.fromkeys(ids))


def _woman_id_of(item) -> int:
    if isinstance(item, Woman):
        return item.pk
    if isinstance(item, Pregnancy):
        return item.woman_id
    return item.pregnancy.woman_id  # a referral


def record_url(woman_id: int) -> str:
    return reverse("web:woman", args=[woman_id])


def with_next_contact(pregnancies: QuerySet[Pregnancy]) -> QuerySet[Pregnancy]:
    upcoming = CareContact.objects.filter(
        pregnancy=OuterRef("pk"),
        outcome=ContactOutcome.BOOKED,
        starts_at__gte=timezone.now(),
    ).order_by("starts_at")
    return pregnancies.annotate(next_contact=Subquery(upcoming.values("starts_at")[:1]))


def _active(user) -> QuerySet[Pregnancy]:
    return access.visible_pregnancies(user).filter(status=PregnancyStatus.ACTIVE)


def _name_cell(woman: Woman) -> dict:
    return {"text": str(woman), "href": record_url(woman.pk)}


def pregnancy_table(pregnancies, *, caption: str, with_midwife: bool = False) -> dict:
    today = timezone.localdate()
    head = ["Name", "NHS number", "Gestation today", "Due date", "Area", "Next contact"]
    if with_midwife:
        head.append("Named midwife")
    rows = []
    for pregnancy in pregnancies:
        row = [
            _name_cell(pregnancy.woman),
            {"text": pregnancy.woman.nhs_number_display, "classes": "app-wrap"},
            display.gestation(pregnancy.gestation_on(today)),
            display.nhs_date(pregnancy.edd),
            pregnancy.area.name if pregnancy.area else "Not known",
            display.nhs_datetime(getattr(pregnancy, "next_contact", None), empty="None booked"),
        ]
        if with_midwife:
            row.append(str(pregnancy.named_midwife) if pregnancy.named_midwife else "None")
        rows.append(row)
    return {
        "caption": caption,
        "captionClasses": "nhsuk-u-visually-hidden",
        "head": [{"text": text} for text in head],
        "rows": rows,
        "responsive": True,
    }


def _pregnancy_section(request, pregnancies, *, heading, param, empty, with_midwife=False):
    listing = paginate(request, pregnancies, param=param, label=f"{heading}: pages")
    return Section(
        heading=heading,
        listing=listing,
        table=pregnancy_table(listing.items, caption=heading, with_midwife=with_midwife),
        empty=empty,
    )


def _listed(pregnancies: QuerySet[Pregnancy]) -> QuerySet[Pregnancy]:
    return with_next_contact(pregnancies.select_related("woman", "area", "named_midwife")).order_by(
        "edd", "pk"
    )


# --- Midwife -------------------------------------------------------------------------------


def midwife_sections(request) -> list[Section]:
    user = request.user
    practitioner = access.practitioner_of(user)
    mine = _active(user).filter(named_midwife=practitioner)
    team = (
        _active(user).filter(team__in=practitioner.teams.all()).exclude(named_midwife=practitioner)
    )
    return [
        _pregnancy_section(
            request,
            _listed(mine),
            heading="Women you are named midwife for",
            param="mine",
            empty="You are not named midwife for any woman with an active pregnancy.",
        ),
        _pregnancy_section(
            request,
            _listed(team),
            heading="Your team's other women",
            param="team",
            empty="Your team has no other women with an active pregnancy.",
            with_midwife=True,
        ),
    ]


# --- Health visitor -----------------------------------------------------------------------


def health_visitor_sections(request) -> list[Section]:
    user = request.user
    today = timezone.localdate()
    earliest_edd = today + timedelta(days=PREGNANCY_DAYS - HV_WINDOW_TO.days)
    latest_edd = today + timedelta(days=PREGNANCY_DAYS - HV_WINDOW_FROM.days)
    approaching = _active(user).filter(edd__range=(earliest_edd, latest_edd))
    delivered = (
        access.visible_pregnancies(user)
        .filter(
            status=PregnancyStatus.DELIVERED,
            ended_on__gte=today - timedelta(days=RECENTLY_DELIVERED_DAYS),
        )
        .select_related("woman", "area")
        .order_by("-ended_on", "pk")
    )
    delivered_listing = paginate(request, delivered, param="delivered", label="Delivered: pages")
    return [
        _pregnancy_section(
            request,
            _listed(approaching),
            heading="Approaching 28 weeks",
            param="approaching",
            empty="No family in your areas is between 24 and 28 weeks pregnant.",
        ),
        Section(
            heading="Recently delivered",
            listing=delivered_listing,
            table={
                "caption": "Recently delivered",
                "captionClasses": "nhsuk-u-visually-hidden",
                "head": [{"text": t} for t in ("Name", "NHS number", "Delivered on", "Area")],
                "rows": [
                    [
                        _name_cell(p.woman),
                        {"text": p.woman.nhs_number_display, "classes": "app-wrap"},
                        display.nhs_date(p.ended_on),
                        p.area.name if p.area else "Not known",
                    ]
                    for p in delivered_listing.items
                ],
                "responsive": True,
            },
            empty=f"No family in your areas delivered in the last {RECENTLY_DELIVERED_DAYS} days.",
        ),
    ]


# --- Safeguarding reviewer ------------------------------------------------------------------


def awaiting_review(user) -> QuerySet[Referral]:
    """Referrals awaiting review among the pregnancies she may see, oldest first: the
    review queue's own list."""
    return review_queue(access.visible_referrals(user))


def reviewer_sections(request) -> list[Section]:
    today = timezone.localdate()
    listing = paginate(request, awaiting_review(request.user), param="referrals")
    rows = []
    for referral in listing.items:
        pregnancy = referral.pregnancy
        waiting = working_days_between(timezone.localtime(referral.referred_at).date(), today)
        rows.append(
            [
                {
                    "text": str(pregnancy.woman),
                    "href": reverse("web:pathway-referral", args=[referral.pk]),
                },
                {"text": pregnancy.woman.nhs_number_display, "classes": "app-wrap"},
                display.nhs_date(referral.referred_at),
                display.count(waiting, "working day"),
                display.gestation(pregnancy.gestation_on(today)),
                pregnancy.area.name if pregnancy.area else "Not known",
            ]
        )
    heading = "Referrals awaiting review"
    return [
        Section(
            heading=heading,
            listing=listing,
            table={
                "caption": heading,
                "captionClasses": "nhsuk-u-visually-hidden",
                "head": [
                    {"text": t}
                    for t in (
                        "Name",
                        "NHS number",
                        "Referred on",
                        "Waiting",
                        "Gestation today",
                        "Area",
                    )
                ],
                "rows": rows,
                "responsive": True,
            },
            empty="No referral in your areas is awaiting review.",
            description="Oldest first. Open a referral to review it; the full queue, with the "
            "review target, is under Referrals to review.",
        )
    ]


# --- Team leader ------------------------------------------------------------------------------


def team_counts(user) -> dict:
    """Active pregnancies in her teams: in total, by named midwife and without one."""
    practitioner = access.practitioner_of(user)
    in_teams = _active(user).filter(team__in=practitioner.teams.all())
    by_midwife = (
        in_teams.values("named_midwife__given_name", "named_midwife__family_name")
        .annotate(n=Count("pk"))
        .order_by("named_midwife__family_name", "named_midwife__given_name")
    )
    rows = []
    for row in by_midwife:
        name = " ".join(
            part
            for part in (row["named_midwife__given_name"], row["named_midwife__family_name"])
            if part
        )
        rows.append([name or "No named midwife", {"text": str(row["n"]), "format": "numeric"}])
    return {
        "total": in_teams.count(),
        "table": {
            "caption": "Active pregnancies by named midwife",
            "captionClasses": "nhsuk-u-visually-hidden",
            "head": [{"text": "Named midwife"}, {"text": "Women", "format": "numeric"}],
            "rows": rows,
            "responsive": True,
        },
    }


def data_quality_gaps(user) -> QuerySet[Woman]:
    """Women she may see whose postcode is not found or whose ethnicity is not recorded."""
    return (
        access.visible_women(user)
        .filter(Q(lsoa_code="") | Q(ethnic_category__in=NOT_RECORDED_ETHNICITY))
        .order_by("family_name", "given_name", "pk")
    )


def _gaps_of(woman: Woman) -> str:
    gaps = []
    if not woman.lsoa_code:
        gaps.append("Postcode not found (no LSOA or deprivation decile)")
    if woman.ethnic_category in NOT_RECORDED_ETHNICITY:
        gaps.append("Ethnic category not recorded")
    return "; ".join(gaps)


def team_leader_sections(request) -> list[Section]:
    user = request.user
    practitioner = access.practitioner_of(user)
    caseload = _pregnancy_section(
        request,
        _listed(_active(user).filter(team__in=practitioner.teams.all())),
        heading="Your team's caseload",
        param="caseload",
        empty="Your teams have no women with an active pregnancy.",
        with_midwife=True,
    )
    gaps = paginate(request, data_quality_gaps(user), param="gaps", label="Gaps: pages")
    gaps_section = Section(
        heading="Records to complete",
        listing=gaps,
        table={
            "caption": "Records to complete",
            "captionClasses": "nhsuk-u-visually-hidden",
            "head": [{"text": t} for t in ("Name", "NHS number", "What is missing", "Action")],
            "rows": [
                [
                    _name_cell(woman),
                    {"text": woman.nhs_number_display, "classes": "app-wrap"},
                    _gaps_of(woman),
                    {
                        "text": f"Update {woman}'s details",
                        "href": reverse("web:woman-edit", args=[woman.pk]),
                    },
                ]
                for woman in gaps.items
            ],
            "responsive": True,
        },
        empty="Every woman in your scope has a known postcode and a recorded ethnic category.",
        description="Women whose postcode is not in the lookup, or whose ethnic category has "
        "not been recorded. Both are needed to measure fairness of care.",
    )
    return [caseload, gaps_section]


# --- Administrator ------------------------------------------------------------------------------


def recent_bookings(request) -> list[Section]:
    pregnancies = (
        access.visible_pregnancies(request.user)
        .filter(booking_date__isnull=False)
        .select_related("woman", "area", "named_midwife")
        .order_by("-booking_date", "-pk")
    )
    listing = paginate(request, with_next_contact(pregnancies), param="bookings")
    return [
        Section(
            heading="Recent bookings in your areas",
            listing=listing,
            table=pregnancy_table(
                listing.items, caption="Recent bookings in your areas", with_midwife=True
            ),
            empty="There are no bookings in your areas yet.",
        )
    ]
