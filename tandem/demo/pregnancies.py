"""One synthetic pregnancy's story: who she is, its dates, history and how it ends.

A pregnancy enters the system at her first contact (a self-referral a week or three before
booking). First contacts are spread evenly over the WINDOW_DAYS before today, so today finds
pregnancies at every stage: referred but not yet booked, early, mid and late pregnancy,
delivered in the last year or so, ended (pregnancy loss) and transferred out.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from random import Random

from tandem.core.gestation import PREGNANCY_DAYS, Gestation, date_at_gestation, gestation_on
from tandem.demo.calibration import TWIN_SHARE, ProviderCalibration
from tandem.demo.geography import Home
from tandem.demo.people import Identity, date_of_birth, woman_identity
from tandem.demo.sampling import chance
from tandem.records.codes import SmokingStatus
from tandem.records.models import EddMethod, PregnancyStatus

WINDOW_DAYS = 640  # first contacts from ~21 months ago, so a full year of births is covered
SELF_REFERRAL_LEAD_DAYS = (7, 21)
EARLIEST_FIRST_CONTACT_DAYS = 35  # 5+0 weeks
DATING_SCAN_DAYS = (80, 95)  # 11+3 to 13+4 weeks
LMP_KNOWN_WHEN_SCANNED = 0.85
# Not in the published statistics (invented, documented in docs/calibration.md):
LOSS_AFTER_BOOKING = 0.03
TRANSFER_OUT = 0.03
PREVIOUS_STILLBIRTH_IF_PAROUS = 0.015
EX_SMOKER_OF_NON_SMOKERS = 0.18


@dataclass(frozen=True)
class PregnancyStory:
    nhs_number: str
    identity: Identity
    home: Home
    date_of_birth: date
    first_contact: date
    planned_booking: date
    booking_date: date | None  # None until the booking appointment has happened
    gestation_at_booking: int
    edd: date
    lmp: date | None
    edd_scan: date | None
    edd_method: str
    previous_live_births: int
    previous_stillbirths: int
    previous_caesareans: int
    smoking_status_booking: str
    fate: str  # the status the pregnancy reaches at the end of its story
    event_date: date  # birth, loss or transfer out: in the future for active pregnancies
    event_gestation: int
    twins: bool
    status: str
    ended_on: date | None
    age_at_booking: int

    @property
    def nulliparous(self) -> bool:
        return self.previous_live_births + self.previous_stillbirths == 0

    def date_at(self, gestation_days: int) -> date:
        return date_at_gestation(self.edd, Gestation(gestation_days))


def _between(rng: Random, bounds: tuple[int, int]) -> int:
    low, high = bounds
    return low + int(rng.random() * (high - low + 1))


def plan_pregnancy(
    rng: Random,
    cal: ProviderCalibration,
    *,
    nhs_number: str,
    ethnic_group: str,
    home: Home,
    today: date,
) -> PregnancyStory:
    identity = woman_identity(rng, ethnic_group)
    first_contact = today - timedelta(days=int(rng.random() * WINDOW_DAYS))
    at_booking = _between(rng, cal.booking_gestation.draw(rng))
    at_first_contact = min(
        at_booking,
        max(EARLIEST_FIRST_CONTACT_DAYS, at_booking - _between(rng, SELF_REFERRAL_LEAD_DAYS)),
    )
    edd = first_contact + timedelta(days=PREGNANCY_DAYS - at_first_contact)
    planned_booking = _weekday(first_contact + timedelta(days=at_booking - at_first_contact))
    at_booking = gestation_on(edd, planned_booking).days
    age = _between(rng, cal.age_at_booking.draw(rng))
    live, still, caesareans = _obstetric_history(rng, cal)
    fate, event_gestation, twins = _fate(rng, cal, at_booking)
    event_date = date_at_gestation(edd, Gestation(event_gestation))
    ended = event_date < today
    booked = planned_booking < today
    lmp, edd_scan, edd_method = _dating(rng, edd, at_booking, min(today, event_date))
    return PregnancyStory(
        nhs_number=nhs_number,
        identity=identity,
        home=home,
        date_of_birth=date_of_birth(rng, age_on=planned_booking, age=age),
        first_contact=first_contact,
        planned_booking=planned_booking,
        booking_date=planned_booking if booked else None,
        gestation_at_booking=at_booking,
        edd=edd,
        lmp=lmp,
        edd_scan=edd_scan,
        edd_method=edd_method,
        previous_live_births=live,
        previous_stillbirths=still,
        previous_caesareans=caesareans,
        smoking_status_booking=_smoking_at_booking(rng, cal) if booked else "",
        fate=fate,
        event_date=event_date,
        event_gestation=event_gestation,
        twins=twins,
        status=fate if ended else PregnancyStatus.ACTIVE,
        ended_on=event_date if ended else None,
        age_at_booking=age,
    )


def _weekday(day: date) -> date:
    """Bookings happen in the working week: Saturday moves to Friday, Sunday to Monday."""
    return day + timedelta(days={5: -1, 6: 1}.get(day.weekday(), 0))


def _obstetric_history(rng: Random, cal: ProviderCalibration) -> tuple[int, int, int]:
    live = _between(rng, cal.previous_live_births.draw(rng))
    still = 1 if live and chance(rng, PREVIOUS_STILLBIRTH_IF_PAROUS) else 0
    births = live + still
    caesareans = 0
    if births and chance(rng, cal.caesarean_if_parous):
        caesareans = 1 + chance(rng, 0.25) + chance(rng, 0.25)
    return live, still, min(caesareans, births)


def _fate(rng: Random, cal: ProviderCalibration, at_booking: int) -> tuple[str, int, bool]:
    """How the pregnancy ends, at what gestation (days), and whether it is twins."""
    draw = rng.random()
    earliest = at_booking + 7
    if draw < LOSS_AFTER_BOOKING and earliest <= 167:
        return PregnancyStatus.ENDED, _between(rng, (earliest, 167)), False
    if draw < LOSS_AFTER_BOOKING + TRANSFER_OUT and earliest <= 258:
        return PregnancyStatus.TRANSFERRED_OUT, _between(rng, (earliest, 258)), False
    twins = chance(rng, TWIN_SHARE)
    distribution = cal.twin_gestation_at_birth if twins else cal.singleton_gestation_at_birth
    for _ in range(5):  # a birth comes after booking; late bookers redraw early births
        gestation = _between(rng, distribution.draw(rng))
        if gestation >= earliest:
            break
    return PregnancyStatus.DELIVERED, max(gestation, earliest), twins


def _dating(
    rng: Random, edd: date, at_booking: int, known_by: date
) -> tuple[date | None, date | None, str]:
    """LMP, scan EDD and method: a dating scan sets the EDD once it has happened."""
    lmp = date_at_gestation(edd, Gestation(0))
    scan_on = lmp + timedelta(days=max(at_booking, _between(rng, DATING_SCAN_DAYS)))
    if scan_on >= known_by:
        return lmp, None, EddMethod.LMP
    if chance(rng, LMP_KNOWN_WHEN_SCANNED):
        return lmp + timedelta(days=_between(rng, (-6, 6))), edd, EddMethod.SCAN
    return None, edd, EddMethod.SCAN


def _smoking_at_booking(rng: Random, cal: ProviderCalibration) -> str:
    if chance(rng, cal.smoker_at_booking):
        return SmokingStatus.SMOKER
    if chance(rng, EX_SMOKER_OF_NON_SMOKERS):
        return SmokingStatus.EX_SMOKER
    return SmokingStatus.NON_SMOKER
