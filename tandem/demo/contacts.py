"""Care contacts for one pregnancy, following the NICE antenatal schedule (NG201).

Booking, then appointments at 16, 28, 34, 36, 38 and 41 weeks (and 25, 31 and 40 for a first
baby), the health visitor's antenatal contact from 28 weeks (Healthy Child Programme), and
postnatal contacts after the birth. A family the Enhanced Maternity Pathway gives a visit
(the joint visit or the 28-week contact, scheduling.Visit rows, visits.py) has that visit
instead of the universal health visitor antenatal contact. Contacts before today have an outcome
(attended, did not attend, cancelled; a missed one is rebooked); of those still to come only
the next two are booked, as in a real diary.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from random import Random
from zoneinfo import ZoneInfo

from tandem.demo.pregnancies import PregnancyStory
from tandem.demo.sampling import chance, pick
from tandem.records.models import ContactOutcome, ContactType, PregnancyStatus

LONDON = ZoneInfo("Europe/London")
# (week, only for a first baby) from NICE NG201's schedule.
ANTENATAL_WEEKS = (
    (16, False),
    (25, True),
    (28, False),
    (31, True),
    (34, False),
    (36, False),
    (38, False),
    (40, True),
    (41, False),
)
HEALTH_VISITOR_ANTENATAL_DAYS = (196, 216)  # from 28+0
FUTURE_CONTACTS_BOOKED = 2
TELEPHONE_SHARE = 0.08
NAMED_MIDWIFE_SEES_HER = 0.8
CANCELLED_BY_WOMAN = 0.03
CANCELLED_BY_SERVICE = 0.02
REBOOKED_AFTER_MISSED = 0.7
WELLBEING_ASKED = {ContactType.TELEPHONE: 0.80}
WELLBEING_ASKED_DEFAULT = 0.92


@dataclass(frozen=True)
class CareTeam:
    """Who looks after one pregnancy (practitioner ids)."""

    named_midwife: int
    midwives: tuple[int, ...]  # her team's midwives, the named midwife among them
    health_visitor: int | None
    support_workers: tuple[int, ...] = ()
    obstetrician: int | None = None


@dataclass(frozen=True)
class ContactPlan:
    starts_at: datetime
    contact_type: str
    outcome: str
    wellbeing_asked: bool | None
    practitioners: tuple[int, ...]
    created_at: datetime


def did_not_attend_rate(imd_decile: int | None) -> float:
    """Invented: from about 3.5% in the least deprived decile to 11.6% in the most."""
    return 0.10 if imd_decile is None else 0.035 + 0.009 * (10 - imd_decile)


def appointment(rng: Random, day: date, *, weekdays_only: bool = True) -> datetime:
    """A clinic or home-visit slot between 09:00 and 16:30, London time.

    Antenatal appointments are on weekdays (Saturday moves to Friday, Sunday to Monday);
    postnatal visits happen on any day.
    """
    if weekdays_only and day.weekday() == 5:
        day -= timedelta(days=1)
    elif weekdays_only and day.weekday() == 6:
        day += timedelta(days=1)
    minutes = 9 * 60 + 15 * int(rng.random() * 31)
    return datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=LONDON)


def plan_contacts(
    rng: Random,
    story: PregnancyStory,
    team: CareTeam,
    *,
    booking_at: datetime,
    pathway_visit: bool,
    today: date,
) -> list[ContactPlan]:
    """All contacts of one pregnancy; `pathway_visit` when the pathway booked her a visit."""
    wanted: list[tuple[date | datetime, str, tuple[int, ...]]] = [
        (booking_at, ContactType.BOOKING, (team.named_midwife,))
    ]
    consultant_led = story.previous_caesareans > 0 or story.age_at_booking >= 40 or story.twins
    for week, first_baby_only in ANTENATAL_WEEKS:
        if first_baby_only and not story.nulliparous:
            continue
        kind = ContactType.TELEPHONE if chance(rng, TELEPHONE_SHARE) else ContactType.ANTENATAL
        who = (_midwife(rng, team),)
        if consultant_led and week == 36 and team.obstetrician:
            kind, who = ContactType.ANTENATAL, (team.obstetrician,)
        wanted.append((story.date_at(week * 7 + int(rng.random() * 5)), kind, who))
    if consultant_led and team.obstetrician:
        wanted.append(
            (
                story.date_at(140 + int(rng.random() * 7)),
                ContactType.ANTENATAL,
                (team.obstetrician,),
            )
        )
    if team.health_visitor and not pathway_visit:
        wanted.append(_health_visitor_antenatal(rng, story, team))
    wanted = [
        item
        for item in wanted
        if item[1] == ContactType.BOOKING
        or (_day(item[0]) > story.planned_booking and _day(item[0]) < story.event_date)
    ]
    if story.status == PregnancyStatus.DELIVERED:  # born before today
        wanted.extend(_postnatal(rng, story, team))
    return _outcomes(rng, story, wanted, today)


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _midwife(rng: Random, team: CareTeam) -> int:
    if len(team.midwives) < 2 or chance(rng, NAMED_MIDWIFE_SEES_HER):
        return team.named_midwife
    return pick(rng, team.midwives)


def _health_visitor_antenatal(rng, story, team):
    low, high = HEALTH_VISITOR_ANTENATAL_DAYS
    day = story.date_at(low + int(rng.random() * (high - low)))
    return (day, ContactType.HEALTH_VISITOR_ANTENATAL, (team.health_visitor,))


def _postnatal(rng, story, team):
    born = story.event_date
    day_five = team.support_workers and chance(rng, 0.3)
    contacts = [
        (born + timedelta(days=1), ContactType.POSTNATAL, (_midwife(rng, team),)),
        (
            born + timedelta(days=3 + int(rng.random() * 3)),
            ContactType.POSTNATAL,
            (pick(rng, team.support_workers),) if day_five else (_midwife(rng, team),),
        ),
        (
            born + timedelta(days=9 + int(rng.random() * 4)),
            ContactType.POSTNATAL,
            (_midwife(rng, team),),
        ),
    ]
    if team.health_visitor:
        contacts += [
            (
                born + timedelta(days=10 + int(rng.random() * 5)),
                ContactType.POSTNATAL,
                (team.health_visitor,),
            ),
            (
                born + timedelta(days=42 + int(rng.random() * 15)),
                ContactType.POSTNATAL,
                (team.health_visitor,),
            ),
        ]
    return contacts


def _outcomes(rng, story, wanted, today) -> list[ContactPlan]:
    tomorrow = today + timedelta(days=1)
    first_known = datetime.combine(story.first_contact, time(10), tzinfo=LONDON)
    start_of_today = datetime.combine(today, time(0), tzinfo=LONDON)
    dna_rate = did_not_attend_rate(story.home.imd_decile)
    planned: list[ContactPlan] = []
    future: list[tuple[datetime, str, tuple[int, ...]]] = []

    def plan(starts_at, kind, who, outcome):
        created = min(max(first_known, starts_at - timedelta(days=21)), start_of_today)
        if outcome == ContactOutcome.ATTENDED:
            asked = chance(rng, WELLBEING_ASKED.get(kind, WELLBEING_ASKED_DEFAULT))
        else:
            asked = None
        return ContactPlan(starts_at, kind, outcome, asked, who, created)

    queue = sorted(
        (
            when
            if isinstance(when, datetime)
            else appointment(rng, when, weekdays_only=kind != ContactType.POSTNATAL),
            kind,
            who,
        )
        for when, kind, who in wanted
    )
    for starts_at, kind, who in queue:
        if starts_at.date() >= today:
            future.append((starts_at, kind, who))
            continue
        outcome = _past_outcome(rng, kind, dna_rate)
        planned.append(plan(starts_at, kind, who, outcome))
        if outcome != ContactOutcome.ATTENDED and chance(rng, REBOOKED_AFTER_MISSED):
            again = appointment(rng, starts_at.date() + timedelta(days=2 + int(rng.random() * 6)))
            if kind != ContactType.POSTNATAL and again.date() >= story.event_date:
                continue  # the baby came (or the pregnancy ended) first
            if again.date() >= today:
                future.append((again, kind, who))
            else:
                planned.append(plan(again, kind, who, ContactOutcome.ATTENDED))
    if story.status in (PregnancyStatus.ACTIVE, PregnancyStatus.DELIVERED):
        for starts_at, kind, who in sorted(future)[:FUTURE_CONTACTS_BOOKED]:
            if starts_at.date() < tomorrow:  # not today: the diary is full
                next_weekday = tomorrow + timedelta(days={5: 2, 6: 1}.get(tomorrow.weekday(), 0))
                starts_at = appointment(rng, next_weekday)
            planned.append(plan(starts_at, kind, who, ContactOutcome.BOOKED))
    return planned


def _past_outcome(rng: Random, kind: str, dna_rate: float) -> str:
    if kind == ContactType.BOOKING:
        return ContactOutcome.ATTENDED  # the booking date is the booking that happened
    draw = rng.random()
    if draw < dna_rate:
        return ContactOutcome.DID_NOT_ATTEND
    if draw < dna_rate + CANCELLED_BY_WOMAN:
        return ContactOutcome.CANCELLED_BY_WOMAN
    if draw < dna_rate + CANCELLED_BY_WOMAN + CANCELLED_BY_SERVICE:
        return ContactOutcome.CANCELLED_BY_SERVICE
    return ContactOutcome.ATTENDED
