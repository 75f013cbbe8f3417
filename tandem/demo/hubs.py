"""Community hubs, onward referrals and wellbeing checks for the demo.

Each area gets a family hub with local groups; each provider gets a community maternity hub
holding the services its whole patch shares (perinatal mental health, talking therapies, stop
smoking, maternal medicine, housing, domestic abuse, drug and alcohol, interpreting,
bereavement). Names are synthetic. Women seen in the last RECENT_DAYS are referred at a
plausible rate, at one of their contacts, and their referrals have moved on as far as their
age allows, with some services not replying in time. Wellbeing checks are added to the
recent contacts at which wellbeing was asked, with a small rate of red flags, most actioned
with an urgent referral. Rows are written in bulk, like the rest of the generated data.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from random import Random

from django.utils import timezone

from tandem.demo.accounts import DemoAccounts
from tandem.demo.sampling import Categorical, chance, pick
from tandem.hubs.models import (
    Consent,
    ContactRoute,
    Hub,
    RedFlagTask,
    Service,
    ServiceCategory,
    ServiceReferral,
    ServiceReferralEvent,
    ServiceReferralStatus,
    Urgency,
    WellbeingCheck,
)
from tandem.records.models import Area, CareContact, ContactOutcome, Organisation

RECENT_DAYS = 120
REFERRED = 0.12  # of women seen recently; more for the demo midwife's caseload
DEMO_CASELOAD_REFERRED = 0.35
REPLIED_IN_TIME = 0.8  # of referrals whose reply is due; the rest are overdue
DECLINED = 0.1  # of replies
FEELING_DOWN, LITTLE_INTEREST, WANTS_HELP = 0.12, 0.10, 0.5
FREQUENCY = Categorical({0: 0.6, 1: 0.25, 2: 0.1, 3: 0.05})
RED_FLAG = 0.005  # of wellbeing checks
RED_FLAG_ACTIONED = 0.7


@dataclass(frozen=True)
class ServiceSpec:
    category: str
    name: str
    criteria: str
    route: str
    details: str
    days: int
    urgent_days: int = 1


LOCAL = (
    ServiceSpec(
        ServiceCategory.INFANT_FEEDING,
        "Infant feeding drop-in, {place}",
        "Anyone pregnant or feeding a baby; partners welcome",
        ContactRoute.SELF_REFERRAL,
        "Drop in, Tuesdays 10am to 12pm",
        7,
    ),
    ServiceSpec(
        ServiceCategory.YOUNG_PARENTS,
        "Young parents' group, {place}",
        "Parents-to-be aged 24 or under",
        ContactRoute.EMAIL,
        "youngparents.{slug}@example.org.uk",
        14,
    ),
    ServiceSpec(
        ServiceCategory.MONEY_ADVICE,
        "Money and benefits advice, {place}",
        "Families worried about money, debt or benefits, including the Sure Start grant",
        ContactRoute.PHONE,
        "0161 496 0{n:03d}",
        10,
    ),
)
SHARED = (
    ServiceSpec(
        ServiceCategory.PERINATAL_MENTAL_HEALTH,
        "Community perinatal mental health team",
        "Moderate to severe mental illness in pregnancy or up to 24 months after birth; "
        "any red flag, urgently",
        ContactRoute.E_REFERRAL,
        "e-RS: Perinatal Mental Health - {org}",
        14,
    ),
    ServiceSpec(
        ServiceCategory.TALKING_THERAPIES,
        "NHS Talking Therapies, perinatal pathway",
        "Mild to moderate anxiety or depression; women may refer themselves",
        ContactRoute.SELF_REFERRAL,
        "talkingtherapies.{slug}@example.nhs.uk or 0161 496 0999",
        28,
        7,
    ),
    ServiceSpec(
        ServiceCategory.STOP_SMOKING,
        "Smokefree pregnancy service",
        "Anyone pregnant who smokes, or with a carbon monoxide reading of 4 ppm or more; "
        "opt-out referral",
        ContactRoute.EMAIL,
        "smokefree.{slug}@example.nhs.uk",
        5,
    ),
    ServiceSpec(
        ServiceCategory.MATERNAL_MEDICINE,
        "Maternal medicine network clinic",
        "Significant medical conditions before or in pregnancy, as the network's criteria list",
        ContactRoute.E_REFERRAL,
        "e-RS: Maternal Medicine Centre",
        14,
        2,
    ),
    ServiceSpec(
        ServiceCategory.HOUSING,
        "Housing options and homelessness",
        "Families homeless, at risk of losing their home, or in unsafe housing",
        ContactRoute.PHONE,
        "0161 496 0200",
        10,
    ),
    ServiceSpec(
        ServiceCategory.DOMESTIC_ABUSE,
        "Domestic abuse advocacy (IDVA)",
        "Anyone experiencing domestic abuse; high-risk cases go to MARAC as well",
        ContactRoute.PHONE,
        "0161 496 0300",
        2,
    ),
    ServiceSpec(
        ServiceCategory.DRUG_AND_ALCOHOL,
        "Drug and alcohol service, pregnancy team",
        "Pregnant women using drugs or alcohol, or in treatment",
        ContactRoute.EMAIL,
        "pregnancy.recovery.{slug}@example.org.uk",
        7,
    ),
    ServiceSpec(
        ServiceCategory.INTERPRETING,
        "Interpreting bookings",
        "Any woman who would like an interpreter, face to face or by phone",
        ContactRoute.EMAIL,
        "interpreting.{slug}@example.nhs.uk",
        3,
    ),
    ServiceSpec(
        ServiceCategory.BEREAVEMENT,
        "Pregnancy loss and bereavement support",
        "Families after a pregnancy loss, stillbirth or neonatal death",
        ContactRoute.PHONE,
        "0161 496 0400",
        7,
    ),
)
# What women are referred for (perinatal mental health is mostly referred through red flags).
REFERRAL_MIX = Categorical(
    {
        ServiceCategory.STOP_SMOKING: 0.25,
        ServiceCategory.TALKING_THERAPIES: 0.15,
        ServiceCategory.INFANT_FEEDING: 0.12,
        ServiceCategory.MONEY_ADVICE: 0.1,
        ServiceCategory.HOUSING: 0.08,
        ServiceCategory.INTERPRETING: 0.08,
        ServiceCategory.MATERNAL_MEDICINE: 0.06,
        ServiceCategory.YOUNG_PARENTS: 0.05,
        ServiceCategory.DOMESTIC_ABUSE: 0.04,
        ServiceCategory.DRUG_AND_ALCOHOL: 0.03,
        ServiceCategory.PERINATAL_MENTAL_HEALTH: 0.04,
    }
)
REASONS = {
    ServiceCategory.STOP_SMOKING: "Smokes; carbon monoxide reading raised at booking",
    ServiceCategory.TALKING_THERAPIES: "Positive Whooley questions; would like help",
    ServiceCategory.INFANT_FEEDING: "Would like support planning to breastfeed",
    ServiceCategory.MONEY_ADVICE: "Worried about money since her hours were cut",
    ServiceCategory.HOUSING: "Private let ending; at risk of homelessness",
    ServiceCategory.INTERPRETING: "Needs an interpreter for her appointments",
    ServiceCategory.MATERNAL_MEDICINE: "Pre-existing medical condition needing specialist care",
    ServiceCategory.YOUNG_PARENTS: "First baby at 19; would like to meet other young parents",
    ServiceCategory.DOMESTIC_ABUSE: "Disclosed domestic abuse when asked alone",
    ServiceCategory.DRUG_AND_ALCOHOL: "Disclosed cannabis use",
    ServiceCategory.PERINATAL_MENTAL_HEALTH: "History of severe postnatal depression",
}
RED_FLAGS = (
    ("red_flag_mental_state", "Synthetic: much more withdrawn than last week, not sleeping"),
    ("red_flag_self_harm", "Synthetic: said she has had thoughts of hurting herself"),
    ("red_flag_estrangement", "Synthetic: keeps saying she is not a good enough mother"),
)


def add_hubs(rng: Random, accounts: DemoAccounts, today: date, by_id: int) -> dict[str, int]:
    services = _directory()
    by_area: dict[int, dict[str, list[Service]]] = {}
    for service, area_ids in services:
        for area_id in area_ids:
            by_area.setdefault(area_id, {}).setdefault(service.category, []).append(service)
    demo = _Writer(rng, accounts, today, by_id, by_area)
    demo.referrals()
    demo.wellbeing()
    return {
        "hub_services": len(services),
        "service_referrals": demo.referral_count,
        "wellbeing_checks": demo.check_count,
        "red_flags": demo.red_flag_count,
    }


def _slug(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())[:20]


def _service(hub: Hub, spec: ServiceSpec, **names) -> Service:
    return Service(
        hub=hub,
        name=spec.name.format(**names),
        category=spec.category,
        referral_criteria=spec.criteria,
        contact_route=spec.route,
        contact_details=spec.details.format(**names),
        response_days=spec.days,
        urgent_response_days=spec.urgent_days,
    )


def _directory() -> list[tuple[Service, list[int]]]:
    """Every hub and service, with the areas each service takes women from."""
    made: list[tuple[Service, list[int]]] = []
    areas = list(Area.objects.select_related("organisation").order_by("organisation__name", "name"))
    counter = 0
    for organisation in Organisation.objects.filter(areas__isnull=False).distinct():
        own = [area for area in areas if area.organisation_id == organisation.pk]
        central = Hub.objects.create(
            name=f"{organisation.name} community maternity hub",
            description="Services shared across the provider's areas, with clinics at the hub",
        )
        central.areas.set(own)
        names = {"org": organisation.name, "slug": _slug(organisation.name)}
        made += [(_service(central, spec, **names), [a.pk for a in own]) for spec in SHARED]
        for area in own:
            hub = Hub.objects.create(
                name=f"{area.name} Family Hub ({organisation.name})",
                address=f"Family Hub, {area.name}",
                description="A children's centre with midwife and health visitor clinics",
            )
            hub.areas.set([area])
            for spec in LOCAL:
                counter += 1
                service = _service(hub, spec, place=area.name, slug=_slug(area.name), n=counter)
                made.append((service, [area.pk]))
    Service.objects.bulk_create([service for service, _ in made])
    links = [
        Service.areas.through(service_id=service.pk, area_id=area_id)
        for service, area_ids in made
        for area_id in area_ids
    ]
    Service.areas.through.objects.bulk_create(links)
    return made


def _at(day_start: datetime, days: int) -> date:
    return timezone.localdate(day_start + timedelta(days=days))


class _Writer:
    def __init__(self, rng, accounts: DemoAccounts, today: date, by_id: int, by_area) -> None:
        self.rng = rng
        self.accounts = accounts
        # The demo's "today" may not be the real one: its contacts are placed around it.
        self.now = timezone.make_aware(datetime.combine(today, timezone.localtime().time()))
        self.by_id = by_id
        self.by_area = by_area
        self.referral_count = self.check_count = self.red_flag_count = 0
        since = self.now - timedelta(days=RECENT_DAYS)
        self.contacts = list(
            CareContact.objects.filter(
                outcome=ContactOutcome.ATTENDED,
                starts_at__gte=since,
                starts_at__lte=self.now,
                pregnancy__area__isnull=False,
                pregnancy__named_midwife__isnull=False,
            )
            .order_by("starts_at", "pk")
            .values(
                "pk",
                "pregnancy_id",
                "pregnancy__area_id",
                "pregnancy__named_midwife_id",
                "starts_at",
                "wellbeing_asked",
            )
        )

    def _user(self, practitioner_id: int) -> int:
        return self.accounts.user_of_practitioner.get(practitioner_id, self.by_id)

    def _referral(self, contact: dict, service: Service, urgency: str, reason: str):
        sent_at = contact["starts_at"] + timedelta(minutes=self.rng.randint(20, 90))
        days = service.urgent_response_days if urgency == Urgency.URGENT else service.response_days
        midwife = contact["pregnancy__named_midwife_id"]
        return ServiceReferral(
            pregnancy_id=contact["pregnancy_id"],
            contact_id=contact["pk"],
            service=service,
            reason=reason,
            urgency=urgency,
            consent=Consent.GIVEN,
            referred_by_id=midwife,
            sent_at=sent_at,
            respond_by=sent_at + timedelta(days=days),
            recorded_by_id=self._user(midwife),
        )

    def _story(self, referral: ServiceReferral) -> list[tuple[str, int, str]]:
        """The statuses after "sent" that have happened by now: (status, days after, note)."""
        if referral.respond_by > self.now and not chance(self.rng, 0.4):
            return []
        if referral.respond_by <= self.now and not chance(self.rng, REPLIED_IN_TIME):
            return []  # no reply in time: on the reminders
        age = (self.now - referral.sent_at).days
        reply = self.rng.randint(0, max(0, min(age, (referral.respond_by - referral.sent_at).days)))
        if chance(self.rng, DECLINED):
            return [(ServiceReferralStatus.DECLINED, reply, "Does not meet our criteria")]
        story = [(ServiceReferralStatus.ACCEPTED, reply, "")]
        first = reply + self.rng.randint(3, 21)
        if first <= age:
            story.append((ServiceReferralStatus.FIRST_APPOINTMENT, first, ""))
            closed = first + self.rng.randint(14, 60)
            if closed <= age:
                story.append((ServiceReferralStatus.CLOSED, closed, "Support completed"))
        return story

    def _save(self, referrals: list[ServiceReferral]) -> None:
        stories = [self._story(referral) for referral in referrals]
        for referral, story in zip(referrals, stories, strict=True):
            if story:
                referral.status = story[-1][0]
        ServiceReferral.objects.bulk_create(referrals)
        events = []
        for referral, story in zip(referrals, stories, strict=True):
            events.append((referral, ServiceReferralStatus.SENT, 0, ""))
            events += [(referral, status, days, note) for status, days, note in story]
        ServiceReferralEvent.objects.bulk_create(
            [
                ServiceReferralEvent(
                    referral=referral,
                    status=status,
                    happened_on=_at(referral.sent_at, days),
                    note=note,
                    recorded_by_id=referral.recorded_by_id,
                    recorded_at=min(self.now, referral.sent_at + timedelta(days=days, hours=2)),
                )
                for referral, status, days, note in events
            ]
        )
        self.referral_count += len(referrals)

    def referrals(self) -> None:
        seen: dict[int, list[dict]] = {}
        for contact in self.contacts:
            seen.setdefault(contact["pregnancy_id"], []).append(contact)
        made = []
        for visits in seen.values():
            demo = visits[0]["pregnancy__named_midwife_id"] == self.accounts.demo_midwife
            if not chance(self.rng, DEMO_CASELOAD_REFERRED if demo else REFERRED):
                continue
            contact = pick(self.rng, visits)
            category = REFERRAL_MIX.draw(self.rng)
            offered = self.by_area.get(contact["pregnancy__area_id"], {}).get(category)
            if offered:
                made.append(
                    self._referral(
                        contact, pick(self.rng, offered), Urgency.ROUTINE, REASONS[category]
                    )
                )
        self._save(made)

    def wellbeing(self) -> None:
        asked = [contact for contact in self.contacts if contact["wellbeing_asked"]]
        checks = []
        for contact in asked:
            down, interest = chance(self.rng, FEELING_DOWN), chance(self.rng, LITTLE_INTEREST)
            checks.append(
                WellbeingCheck(
                    contact_id=contact["pk"],
                    feeling_down=down,
                    little_interest=interest,
                    wants_help=chance(self.rng, WANTS_HELP) if down or interest else None,
                    nervous=FREQUENCY.draw(self.rng),
                    worrying=FREQUENCY.draw(self.rng),
                    recorded_by_id=self._user(contact["pregnancy__named_midwife_id"]),
                    recorded_at=contact["starts_at"] + timedelta(minutes=30),
                )
            )
        flagged = [i for i in range(len(checks)) if chance(self.rng, RED_FLAG)]
        # The demo midwife's most recent check carries an open red flag, so the lists show one.
        demo_checks = [
            i
            for i, contact in enumerate(asked)
            if contact["pregnancy__named_midwife_id"] == self.accounts.demo_midwife
        ]
        showcase = demo_checks[-1] if demo_checks else None
        if showcase is not None and showcase not in flagged:
            flagged.append(showcase)
        for i in flagged:
            field, detail = pick(self.rng, RED_FLAGS)
            setattr(checks[i], field, True)
            checks[i].red_flag_detail = detail
        WellbeingCheck.objects.bulk_create(checks)
        self.check_count = len(checks)
        self._red_flag_tasks(
            [(asked[i], checks[i]) for i in flagged],
            showcase=asked[showcase] if showcase is not None else None,
        )

    def _red_flag_tasks(self, flagged: list[tuple[dict, WellbeingCheck]], showcase) -> None:
        tasks, urgent = [], []
        for contact, check in flagged:
            task = RedFlagTask(
                wellbeing_check=check,
                pregnancy_id=contact["pregnancy_id"],
                raised_by_id=check.recorded_by_id,
                raised_at=check.recorded_at,
            )
            services = self.by_area.get(contact["pregnancy__area_id"], {}).get(
                ServiceCategory.PERINATAL_MENTAL_HEALTH
            )
            if contact is not showcase and services and chance(self.rng, RED_FLAG_ACTIONED):
                referral = self._referral(
                    contact,
                    services[0],
                    Urgency.URGENT,
                    "Red flag at contact: " + check.red_flag_detail,
                )
                urgent.append(referral)
                task.referral = referral
                task.actioned_by_id = referral.recorded_by_id
                task.actioned_at = referral.sent_at
            tasks.append(task)
        self._save(urgent)
        for task in tasks:
            if task.referral is not None:
                task.referral_id = task.referral.pk
        RedFlagTask.objects.bulk_create(tasks)
        self.red_flag_count = len(tasks)
