"""Labour, delivery and babies for a delivered pregnancy, coded as in MSDS v2.

Delivery method, onset of labour, gestation, term birth weight, term Apgar and first feed
follow the provider's published shares. Delivery method also leans on parity, a previous
caesarean and prematurity (so repeat caesareans, VBAC and Robson groups look real) while
the leaning is raked so the provider's published method shares still add up.
"""

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from random import Random

from tandem.demo.calibration import (
    DELIVERY_CODES,
    ELECTIVE_CS,
    EMERGENCY_CS,
    INSTRUMENTAL,
    SPONTANEOUS,
    ProviderCalibration,
)
from tandem.demo.contacts import LONDON
from tandem.demo.pregnancies import PregnancyStory
from tandem.demo.sampling import Categorical, chance, rake
from tandem.outcomes.models import (
    FeedingAt6To8Weeks,
    FetusPresentation,
    FirstFeed,
    GenitalTractTrauma,
    LabourAnaesthesia,
    LabourOnsetMethod,
    PlaceOfBirth,
    PregnancyOutcome,
)
from tandem.records.codes import SmokingStatus

TERM_DAYS = 259
NOT_RECORDED_SHARE = 0.02  # episiotomy, anaesthetic and oxytocin left blank (invented)
# Invented leanings (multipliers on the provider's base shares), see docs/calibration.md.
PARITY_LEANING = {
    "nulliparous": {INSTRUMENTAL: 2.2, ELECTIVE_CS: 0.45, EMERGENCY_CS: 1.5},
    "parous": {INSTRUMENTAL: 0.35, ELECTIVE_CS: 0.5, EMERGENCY_CS: 0.55},
    "previous_caesarean": {
        SPONTANEOUS: 0.8,
        INSTRUMENTAL: 0.6,
        ELECTIVE_CS: 3.0,
        EMERGENCY_CS: 1.4,
    },
}
PRETERM_LEANING = {INSTRUMENTAL: 0.3, ELECTIVE_CS: 0.5, EMERGENCY_CS: 2.0}
# Median birth weight (g) by completed week, roughly the UK-WHO 50th centile.
MEDIAN_WEIGHT_G = {
    22: 500, 24: 650, 26: 850, 28: 1100, 30: 1400, 32: 1750, 34: 2200, 36: 2650,
    37: 2900, 38: 3100, 39: 3300, 40: 3450, 41: 3550, 42: 3600, 43: 3650,
}  # fmt: skip
APGAR_NORMAL = Categorical({10: 0.30, 9: 0.58, 8: 0.09, 7: 0.03})
APGAR_LOW = Categorical({6: 0.35, 5: 0.2, 4: 0.15, 3: 0.1, 2: 0.08, 1: 0.07, 0: 0.05})
STILLBIRTH_KIND = Categorical(
    {
        PregnancyOutcome.STILLBIRTH_ANTEPARTUM: 0.8,
        PregnancyOutcome.STILLBIRTH_INTRAPARTUM: 0.1,
        PregnancyOutcome.STILLBIRTH_INDETERMINATE: 0.1,
    }
)
PRESENTATION = {
    ELECTIVE_CS: Categorical({"01": 0.80, "02": 0.17, "03": 0.03}),
    EMERGENCY_CS: Categorical({"01": 0.92, "02": 0.06, "03": 0.02}),
}
VAGINAL_TERM_PLACE = Categorical(
    {
        PlaceOfBirth.OBSTETRIC_UNIT: 0.80,
        PlaceOfBirth.ALONGSIDE_MIDWIFERY_UNIT: 0.15,
        PlaceOfBirth.FREESTANDING_MIDWIFERY_UNIT: 0.01,
        PlaceOfBirth.HOME_NHS: 0.03,
        PlaceOfBirth.IN_TRANSIT: 0.01,
    }
)
_METHOD_CODES = {group: Categorical(codes) for group, codes in DELIVERY_CODES.items()}
FEEDING_IF_BREAST_FIRST = Categorical(
    {
        FeedingAt6To8Weeks.BREAST: 0.42,
        FeedingAt6To8Weeks.MIXED: 0.25,
        FeedingAt6To8Weeks.FORMULA: 0.33,
    }
)
FEEDING_IF_FORMULA_FIRST = Categorical(
    {FeedingAt6To8Weeks.FORMULA: 0.92, FeedingAt6To8Weeks.MIXED: 0.08}
)


@dataclass(frozen=True)
class LabourPlan:
    onset_method: str
    labour_onset_at: datetime | None
    caesarean_at: datetime | None
    genital_tract_trauma: str
    blood_loss_ml: int
    episiotomy: bool | None
    anaesthesia: str
    oxytocin_augmentation: bool | None
    smoking_status_delivery: str


@dataclass(frozen=True)
class BabyPlan:
    birth_order: int
    born_at: datetime
    outcome: str
    delivery_method: str
    presentation: str
    gestation_days: int
    place_of_birth: str
    apgar_5: int
    birth_weight_g: int
    first_feed: str
    neonatal_admission: bool | None
    readmitted_within_30_days: bool | None
    feeding_at_6_8_weeks: str


class DeliveryModel:
    """A provider's delivery-method shares for each (parity, preterm) stratum, raked."""

    def __init__(self, cal: ProviderCalibration) -> None:
        self.cal = cal
        nulliparous = cal.previous_live_births.share((0, 0))
        parity = {
            "nulliparous": nulliparous,
            "parous": (1 - nulliparous) * (1 - cal.caesarean_if_parous),
            "previous_caesarean": (1 - nulliparous) * cal.caesarean_if_parous,
        }
        preterm = cal.preterm_share
        keys, strata = [], []
        for group, share in parity.items():
            for is_preterm, weight in ((False, 1 - preterm), (True, preterm)):
                factors = dict(PARITY_LEANING[group])
                if is_preterm:
                    for method, factor in PRETERM_LEANING.items():
                        factors[method] = factors.get(method, 1.0) * factor
                keys.append((group, is_preterm))
                strata.append((share * weight, factors))
        raked = rake(cal.delivery_group, strata)
        self.by_stratum = {
            key: Categorical(shares) for key, shares in zip(keys, raked, strict=True)
        }

    def method_group(self, rng: Random, story: PregnancyStory) -> str:
        if story.nulliparous:
            group = "nulliparous"
        elif story.previous_caesareans:
            group = "previous_caesarean"
        else:
            group = "parous"
        preterm = story.event_gestation < TERM_DAYS or story.twins
        return self.by_stratum[(group, preterm)].draw(rng)


def plan_birth(
    rng: Random, story: PregnancyStory, model: DeliveryModel, *, today: date
) -> tuple[LabourPlan, list[BabyPlan]]:
    cal = model.cal
    group = model.method_group(rng, story)
    method = _METHOD_CODES[group].draw(rng)
    prelabour = group == ELECTIVE_CS or (
        group == EMERGENCY_CS and chance(rng, cal.prelabour_share_of_emergency_cs)
    )
    born = story.event_date
    if prelabour:
        onset = LabourOnsetMethod.CAESAREAN_DECIDED_BEFORE_LABOUR
        caesarean_at = _at(born, 8 * 60 + int(rng.random() * 7 * 60))
        first_born, labour_onset_at = caesarean_at + timedelta(minutes=8), None
    else:
        onset = cal.labour_onset.draw(rng)
        first_born = _at(born, int(rng.random() * 24 * 60))
        hours = 3 + rng.random() * (11 if onset == LabourOnsetMethod.SPONTANEOUS else 27)
        labour_onset_at = first_born - timedelta(minutes=int(hours * 60))
        caesarean_at = (
            first_born - timedelta(minutes=6 + int(rng.random() * 10))
            if group == EMERGENCY_CS
            else None
        )
    labour = LabourPlan(
        onset_method=onset,
        labour_onset_at=labour_onset_at,
        caesarean_at=caesarean_at,
        genital_tract_trauma=_trauma(rng, group, story.nulliparous),
        blood_loss_ml=_blood_loss(rng, group, story.twins),
        episiotomy=_episiotomy(rng, group, story.nulliparous),
        anaesthesia=_anaesthesia(rng, group, story.nulliparous),
        oxytocin_augmentation=None if prelabour else _oxytocin(rng, onset, story.nulliparous),
        smoking_status_delivery=_smoking_at_delivery(rng, story.smoking_status_booking),
    )
    babies = []
    born_at = first_born
    for order in range(1, 3 if story.twins else 2):
        babies.append(_baby(rng, story, cal, order, born_at, group, method, today))
        born_at += timedelta(minutes=2 + int(rng.random() * 38))
    return labour, babies


def _at(day: date, minutes: int) -> datetime:
    return datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=LONDON)


def _baby(rng, story, cal, order, born_at, group, method, today) -> BabyPlan:
    gestation = story.event_gestation
    term = gestation >= TERM_DAYS
    stillborn = chance(rng, 0.12 if gestation < 196 else 0.015 if not term else 0.0015)
    live = not stillborn
    if group in PRESENTATION:
        presentation = PRESENTATION[group].draw(rng)
    else:
        presentation = FetusPresentation.CEPHALIC
    if group in (ELECTIVE_CS, EMERGENCY_CS) or not term:
        place = PlaceOfBirth.OBSTETRIC_UNIT
    else:
        place = VAGINAL_TERM_PLACE.draw(rng)
    if stillborn:
        apgar = 0
    elif term:
        apgar = (APGAR_LOW if chance(rng, cal.term_apgar_low) else APGAR_NORMAL).draw(rng)
    else:
        apgar = (APGAR_LOW if chance(rng, 0.1 if gestation >= 238 else 0.3) else APGAR_NORMAL).draw(
            rng
        )
    if term and not story.twins:
        low, high = cal.term_birthweight.draw(rng)
        skew = 2 if low >= 4000 else 1  # fewer babies towards the top of the heaviest bands
        weight = low + int((high - low + 1) * rng.random() ** skew)
    else:
        weight = _weight_for_gestation(rng, gestation, story.twins)
    first_feed = ""
    if live:
        breast = chance(rng, cal.breast_milk_first_feed)
        if breast and gestation < 238 and chance(rng, 0.4):
            first_feed = FirstFeed.DONOR_BREAST_MILK
        else:
            first_feed = FirstFeed.MATERNAL_BREAST_MILK if breast else FirstFeed.NOT_BREAST_MILK
    age_days = (today - born_at.date()).days
    return BabyPlan(
        birth_order=order,
        born_at=born_at,
        outcome=STILLBIRTH_KIND.draw(rng) if stillborn else PregnancyOutcome.LIVE_BIRTH,
        delivery_method=method,
        presentation=presentation,
        gestation_days=gestation,
        place_of_birth=place,
        apgar_5=apgar,
        birth_weight_g=weight,
        first_feed=first_feed,
        neonatal_admission=_neonatal_admission(rng, gestation, apgar) if live else None,
        readmitted_within_30_days=chance(rng, 0.045) if live and age_days >= 30 else None,
        feeding_at_6_8_weeks=_feeding(rng, first_feed) if live and age_days >= 56 else "",
    )


def _weight_for_gestation(rng: Random, gestation_days: int, twins: bool) -> int:
    weeks = min(43, max(22, gestation_days // 7))
    below = max(week for week in MEDIAN_WEIGHT_G if week <= weeks)
    median = MEDIAN_WEIGHT_G[below] * (0.88 if twins else 1.0)
    return int(min(5500, max(350, rng.gauss(median, median * 0.12))))


def _neonatal_admission(rng: Random, gestation: int, apgar: int) -> bool:
    if gestation < 238:
        return chance(rng, 0.9)
    if gestation < TERM_DAYS:
        return chance(rng, 0.25)
    return chance(rng, 0.5 if apgar < 7 else 0.045)


def _trauma(rng: Random, group: str, nulliparous: bool) -> str:
    if group not in (SPONTANEOUS, INSTRUMENTAL):
        return GenitalTractTrauma.NONE
    if group == INSTRUMENTAL:
        fourth, third, none, first = 0.008, 0.065, 0.05, 0.15
    elif nulliparous:
        fourth, third, none, first = 0.004, 0.035, 0.08, 0.25
    else:
        fourth, third, none, first = 0.001, 0.012, 0.20, 0.35
    draw = rng.random()
    for code, share in (
        (GenitalTractTrauma.FOURTH_DEGREE, fourth),
        (GenitalTractTrauma.THIRD_DEGREE, third),
        (GenitalTractTrauma.NONE, none),
        (GenitalTractTrauma.FIRST_DEGREE, first),
    ):
        if draw < share:
            return code
        draw -= share
    return GenitalTractTrauma.SECOND_DEGREE


def _blood_loss(rng: Random, group: str, twins: bool) -> int:
    caesarean = group in (ELECTIVE_CS, EMERGENCY_CS)
    major = {ELECTIVE_CS: 0.03, EMERGENCY_CS: 0.05}.get(group, 0.025) + (0.03 if twins else 0)
    if chance(rng, major):
        return 10 * round((1500 + 2000 * rng.random() ** 2) / 10)
    median = 650 if caesarean else 300
    loss = math.exp(rng.gauss(math.log(median), 0.45))
    return 10 * round(min(1490, max(50, loss)) / 10)


def _episiotomy(rng: Random, group: str, nulliparous: bool) -> bool | None:
    if chance(rng, NOT_RECORDED_SHARE):
        return None
    if group == INSTRUMENTAL:
        return chance(rng, 0.7)
    if group == SPONTANEOUS:
        return chance(rng, 0.15 if nulliparous else 0.04)
    return False


ANAESTHESIA_BY_GROUP = {
    ELECTIVE_CS: Categorical(
        {LabourAnaesthesia.SPINAL: 0.9, LabourAnaesthesia.COMBINED_SPINAL_EPIDURAL: 0.06,
         LabourAnaesthesia.GENERAL: 0.04}
    ),
    EMERGENCY_CS: Categorical(
        {LabourAnaesthesia.SPINAL: 0.5, LabourAnaesthesia.EPIDURAL: 0.4,
         LabourAnaesthesia.GENERAL: 0.1}
    ),
    INSTRUMENTAL: Categorical(
        {LabourAnaesthesia.EPIDURAL: 0.55, LabourAnaesthesia.SPINAL: 0.15,
         LabourAnaesthesia.NONE: 0.3}
    ),
}  # fmt: skip


def _anaesthesia(rng: Random, group: str, nulliparous: bool) -> str:
    if chance(rng, NOT_RECORDED_SHARE):
        return ""
    if group in ANAESTHESIA_BY_GROUP:
        return ANAESTHESIA_BY_GROUP[group].draw(rng)
    epidural = chance(rng, 0.3 if nulliparous else 0.15)
    return LabourAnaesthesia.EPIDURAL if epidural else LabourAnaesthesia.NONE


def _oxytocin(rng: Random, onset: str, nulliparous: bool) -> bool | None:
    if chance(rng, NOT_RECORDED_SHARE):
        return None
    if onset == LabourOnsetMethod.SPONTANEOUS:
        return chance(rng, 0.3 if nulliparous else 0.12)
    return chance(rng, 0.5)


def _smoking_at_delivery(rng: Random, at_booking: str) -> str:
    if chance(rng, 0.03):
        return ""
    if at_booking == SmokingStatus.SMOKER:
        return SmokingStatus.SMOKER if chance(rng, 0.6) else SmokingStatus.EX_SMOKER
    return at_booking or SmokingStatus.NON_SMOKER


def _feeding(rng: Random, first_feed: str) -> str:
    if first_feed in (FirstFeed.MATERNAL_BREAST_MILK, FirstFeed.DONOR_BREAST_MILK):
        return FEEDING_IF_BREAST_FIRST.draw(rng)
    return FEEDING_IF_FORMULA_FIRST.draw(rng)
