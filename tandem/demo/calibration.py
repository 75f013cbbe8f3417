"""The published distributions the generator is calibrated to.

Source: NHS Maternity Statistics 2022-23 (NHS England, from MSDS v2), vendored at
calibration/nhs-maternity-statistics-msds-2022-23.csv and read at run time. Each dimension's
published categories are mapped here to the values the generator draws; docs/calibration.md
explains every mapping and what is not calibrated. A category the file gains that this
module does not know raises an error rather than being silently ignored.
"""

import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from tandem.demo.sampling import Categorical

CALIBRATION_FILE = (
    Path(__file__).resolve().parent / "calibration" / "nhs-maternity-statistics-msds-2022-23.csv"
)
MISSING = "Missing value / Value outside reporting parameters"

Range = tuple[int, int]
Published = dict[str, dict[str, dict[str, int]]]  # org code -> dimension -> category -> count

AGE_AT_BOOKING: dict[str, Range] = {
    "Under 20": (16, 19),
    "20 to 24": (20, 24),
    "25 to 29": (25, 29),
    "30 to 34": (30, 34),
    "35 to 39": (35, 39),
    "40 to 44": (40, 44),
    "45 or Over": (45, 47),
}
# Ethnic group as published -> the generator's group key ("Missing" = never recorded).
ETHNIC_GROUP: dict[str, str] = {
    "White": "White",
    "Mixed": "Mixed",
    "Asian or Asian British": "Asian or Asian British",
    "Black or Black British": "Black or Black British",
    "Any other ethnic group": "Any other ethnic group",
    "Not Stated": "Not Stated",
    "Not known": "Not known",
    MISSING: "Missing",
}
# IMD decile 1-10, or how the postcode falls outside the lookup.
OUTSIDE_PSEUDO = "pseudo"
OUTSIDE_ELSEWHERE = "elsewhere"
DEPRIVATION: dict[str, int | str] = {
    "01 - Most deprived": 1,
    **{f"{decile:02d}": decile for decile in range(2, 10)},
    "10 - Least deprived": 10,
    "Pseudo postcode recorded (includes no fixed abode or resident overseas)": OUTSIDE_PSEUDO,
    "Resident Elsewhere in UK, Channel Islands or Isle of Man": OUTSIDE_ELSEWHERE,
    MISSING: OUTSIDE_ELSEWHERE,
}
PREVIOUS_LIVE_BIRTHS: dict[str, Range] = {
    "No previous live births": (0, 0),
    "1": (1, 1),
    "2": (2, 2),
    "3": (3, 3),
    "4": (4, 4),
    "5+": (5, 7),
}
NO_PREVIOUS_BIRTHS = "Zero Previous Births"
PREVIOUS_NO_CAESAREAN = "At least one Previous Birth, zero Caesareans"
PREVIOUS_CAESAREAN = "At least one Caesarean"
PREVIOUS_CAESAREANS = (NO_PREVIOUS_BIRTHS, PREVIOUS_NO_CAESAREAN, PREVIOUS_CAESAREAN)
BOOKING_GESTATION_DAYS: dict[str, Range] = {
    "0 to 70 days": (49, 70),
    "71 to 90 days": (71, 90),
    "91 to 140 days": (91, 140),
    "141+ days": (141, 230),
}
# Delivery method groups (MSDS DeliveryMethodCode per baby).
SPONTANEOUS, INSTRUMENTAL = "Spontaneous", "Instrumental"
ELECTIVE_CS, EMERGENCY_CS, OTHER_METHOD = (
    "Elective caesarean section",
    "Emergency caesarean section",
    "Other",
)
DELIVERY_GROUPS = (SPONTANEOUS, INSTRUMENTAL, ELECTIVE_CS, EMERGENCY_CS, OTHER_METHOD)
DELIVERY_CODES: dict[str, dict[str, float]] = {
    SPONTANEOUS: {"0": 0.96, "1": 0.04},
    INSTRUMENTAL: {"2": 0.30, "3": 0.15, "4": 0.55},
    ELECTIVE_CS: {"7": 1.0},
    EMERGENCY_CS: {"8": 1.0},
    OTHER_METHOD: {"9": 1.0},
}
# Onset of labour -> MSDS LabourOnsetMethod; "Caesarean Section" is a pre-labour section.
PRELABOUR_CAESAREAN = "Caesarean Section"
LABOUR_ONSET: dict[str, str] = {
    "Spontaneous": "1",
    "Surgical induction": "3",
    "Medical induction": "4",
    "Surgical and medical induction": "5",
}
ONSET_DROPPED = ("Not known", MISSING)
GESTATION_AT_BIRTH_DAYS: dict[str, Range] = {
    "27 weeks and under": (154, 195),
    "28 to 31 weeks": (196, 223),
    "32 to 33 weeks": (224, 237),
    "34 to 36 weeks": (238, 258),
    "37 weeks": (259, 265),
    "38 weeks": (266, 272),
    "39 weeks": (273, 279),
    "40 weeks": (280, 286),
    "41 weeks": (287, 293),
    "42 weeks": (294, 300),
    "43 weeks and over": (301, 305),
}
TERM_BIRTHWEIGHT_G: dict[str, Range] = {
    "Under 1500g": (1200, 1499),
    "1500g to 1999g": (1500, 1999),
    "2000g to 2499g": (2000, 2499),
    "2500g to 2999g": (2500, 2999),
    "3000g to 3499g": (3000, 3499),
    "3500g to 3999g": (3500, 3999),
    "4000g to 4999g": (4000, 4999),
    "5000g and over": (5000, 5600),
}
# Twins are not in the published file as such (invented): 1.5% of deliveries, mostly preterm.
# Their babies are among the published babies, so singletons get what is left.
TWIN_SHARE = 0.015
TWIN_GESTATION_DAYS: dict[Range, float] = {
    (154, 195): 0.04,
    (196, 223): 0.07,
    (224, 237): 0.12,
    (238, 258): 0.42,
    (259, 265): 0.30,
    (266, 272): 0.05,
}
APGAR_LOW, APGAR_NORMAL = "0 to 6", "7 to 10"
BREAST_MILK, NOT_BREAST_MILK = "Maternal or Donor Breast Milk", "Not Breast Milk"
SMOKER, NON_OR_EX_SMOKER = "Smoker", "Non-Smoker / Ex-Smoker"


@dataclass(frozen=True)
class ProviderCalibration:
    """One provider's published distributions, as the generator draws from them."""

    org_code: str
    age_at_booking: Categorical[Range]
    ethnic_group: Categorical[str]
    deprivation: Categorical[int | str]
    previous_live_births: Categorical[Range]
    caesarean_if_parous: float
    booking_gestation: Categorical[Range]
    delivery_group: dict[str, float]
    prelabour_share_of_emergency_cs: float
    labour_onset: Categorical[str]
    gestation_at_birth: Categorical[Range]  # all babies, as published
    singleton_gestation_at_birth: Categorical[Range]
    twin_gestation_at_birth: Categorical[Range]
    term_birthweight: Categorical[Range]
    term_apgar_low: float
    breast_milk_first_feed: float
    smoker_at_booking: float

    @property
    def preterm_share(self) -> float:
        return sum(
            share for days, share in self.gestation_at_birth.shares().items() if days[1] < 259
        )


def read_published(path: Path = CALIBRATION_FILE, org_codes=("RWJ", "RMP", "R0A")) -> Published:
    """Provider-level counts: org code -> dimension -> published category -> count."""
    counts: Published = defaultdict(lambda: defaultdict(dict))
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["Org_Level"] == "Provider" and row["Org_Code"] in org_codes:
                counts[row["Org_Code"]][row["Dimension"]][row["Measure"]] = int(row["Value"])
    missing = set(org_codes) - set(counts)
    if missing:
        raise ValueError(f"The calibration file has no rows for {', '.join(sorted(missing))}")
    return {org: dict(dimensions) for org, dimensions in counts.items()}


def known_shares(
    counts: dict[str, int], mapping: dict, *, drop=(MISSING,), dimension: str = ""
) -> dict:
    """Published counts for the known categories, keyed by their mapped value."""
    unknown = set(counts) - set(mapping) - set(drop)
    if unknown:
        raise ValueError(f"{dimension}: unmapped published categories {sorted(unknown)}")
    shares: dict = {}
    for category, count in counts.items():
        if category not in drop:
            shares[mapping[category]] = shares.get(mapping[category], 0) + count
    return shares


def calibrate(org_code: str, published: Published) -> ProviderCalibration:
    data = published[org_code]

    def dimension(name: str) -> dict[str, int]:
        if name not in data:
            raise ValueError(f"The calibration file has no {name} for {org_code}")
        return data[name]

    def categorical(name: str, mapping: dict, **kwargs) -> Categorical:
        return Categorical(known_shares(dimension(name), mapping, dimension=name, **kwargs))

    caesareans = known_shares(
        dimension("PreviousCaesareanSectionsGroup"),
        {category: category for category in PREVIOUS_CAESAREANS},
        dimension="PreviousCaesareanSectionsGroup",
    )
    parous = caesareans[PREVIOUS_NO_CAESAREAN] + caesareans[PREVIOUS_CAESAREAN]

    delivery = known_shares(
        dimension("DeliveryMethodBabyGroup"),
        {group: group for group in DELIVERY_GROUPS},
        dimension="DeliveryMethodBabyGroup",
    )
    onset = known_shares(
        dimension("OnsetOfLabour"),
        {**{label: label for label in LABOUR_ONSET}, PRELABOUR_CAESAREAN: PRELABOUR_CAESAREAN},
        drop=ONSET_DROPPED,
        dimension="OnsetOfLabour",
    )
    gestation = categorical("GestationLengthBirth", GESTATION_AT_BIRTH_DAYS)
    return ProviderCalibration(
        org_code=org_code,
        age_at_booking=categorical("AgeAtBookingMotherGroup", AGE_AT_BOOKING),
        ethnic_group=categorical("EthnicCategoryMotherGroup", ETHNIC_GROUP, drop=()),
        deprivation=categorical("DeprivationDecileAtBooking", DEPRIVATION, drop=()),
        previous_live_births=categorical("PreviousLiveBirthsGroup", PREVIOUS_LIVE_BIRTHS),
        caesarean_if_parous=caesareans[PREVIOUS_CAESAREAN] / parous if parous else 0.0,
        booking_gestation=categorical("GestAgeFormalAntenatalBookingGroup", BOOKING_GESTATION_DAYS),
        delivery_group=delivery,
        prelabour_share_of_emergency_cs=_prelabour_share_of_emergency_cs(delivery, onset),
        labour_onset=Categorical(
            {LABOUR_ONSET[label]: count for label, count in onset.items() if label in LABOUR_ONSET}
        ),
        gestation_at_birth=gestation,
        singleton_gestation_at_birth=_singleton_gestation(gestation),
        twin_gestation_at_birth=Categorical(TWIN_GESTATION_DAYS),
        term_birthweight=categorical("BirthweightTermGroup", TERM_BIRTHWEIGHT_G),
        term_apgar_low=_share(dimension("ApgarScore5TermGroup7"), APGAR_LOW, APGAR_NORMAL),
        breast_milk_first_feed=_share(
            dimension("BabyFirstFeedBreastMilkStatus"), BREAST_MILK, NOT_BREAST_MILK
        ),
        smoker_at_booking=_share(dimension("SmokingStatusGroupBooking"), SMOKER, NON_OR_EX_SMOKER),
    )


def _singleton_gestation(babies: Categorical[Range]) -> Categorical[Range]:
    """Gestation for singletons such that singletons and twins together give `babies`."""
    twin_babies = 2 * TWIN_SHARE / (1 + TWIN_SHARE)
    return Categorical(
        {
            days: max(0.0, share - twin_babies * TWIN_GESTATION_DAYS.get(days, 0.0))
            for days, share in babies.shares().items()
        }
    )


def _share(counts: dict[str, int], yes: str, no: str) -> float:
    unknown = set(counts) - {yes, no, MISSING}
    if unknown:
        raise ValueError(f"Unmapped published categories {sorted(unknown)}")
    known = counts.get(yes, 0) + counts.get(no, 0)
    return counts.get(yes, 0) / known if known else 0.0


def _prelabour_share_of_emergency_cs(delivery: dict[str, int], onset: dict[str, int]) -> float:
    """How many emergency sections come before labour, so pre-labour onsets add up.

    Every elective section is pre-labour; the published pre-labour share beyond the elective
    share is made up of emergency sections. Where a provider publishes fewer pre-labour
    onsets than elective sections (a recording gap), none are.
    """
    deliveries = sum(delivery.values())
    onsets = sum(onset.values())
    if not deliveries or not onsets or not delivery.get(EMERGENCY_CS):
        return 0.0
    prelabour = onset.get(PRELABOUR_CAESAREAN, 0) / onsets
    elective = delivery.get(ELECTIVE_CS, 0) / deliveries
    emergency = delivery[EMERGENCY_CS] / deliveries
    return min(1.0, max(0.0, (prelabour - elective) / emergency))
