"""Birth populations: one row per baby, the labour and pregnancy through joins.

Criteria follow NHS Digital's CQIM code (domain reference, section 2.1). A women measure
counts a labour once when any of its babies meets every criterion, so a per-baby criterion
(cephalic, term, caesarean) is tested on the same baby for numerator and denominator.
"""

from django.db.models import F, Q, QuerySet

from tandem.measures.dimensions import Paths
from tandem.measures.population import KNOWN_SMOKING, Population, between
from tandem.outcomes.models import Baby, GenitalTractTrauma, LabourAnaesthesia
from tandem.records.codes import SmokingStatus

TERM = (259, 315)
VALID_GESTATION = (154, 315)
THIRD_OR_FOURTH_DEGREE = (GenitalTractTrauma.THIRD_DEGREE, GenitalTractTrauma.FOURTH_DEGREE)

_LABOUR = "labour_delivery__"
_PREGNANCY = "labour_delivery__pregnancy__"


def _nulliparous_cqim() -> Q:
    """CQIM: live, still and caesarean counts all 0 or empty, at least one recorded."""
    counts = ("previous_live_births", "previous_stillbirths", "previous_caesareans")
    each_zero_or_empty = Q()
    any_recorded = Q()
    for count in counts:
        name = f"{_PREGNANCY}{count}"
        each_zero_or_empty &= Q(**{name: 0}) | Q(**{f"{name}__isnull": True})
        any_recorded |= Q(**{f"{name}__isnull": False})
    return each_zero_or_empty & any_recorded


_spontaneous_onset = Q(
    **{f"{_LABOUR}onset_method": "1", f"{_LABOUR}labour_onset_at__isnull": False}
) & (
    Q(**{f"{_LABOUR}caesarean_at__isnull": True})
    | Q(**{f"{_LABOUR}caesarean_at__gt": F(f"{_LABOUR}labour_onset_at")})
)

BIRTH_CRITERIA: dict[str, Q] = {
    "live_birth": Q(outcome="01"),
    "birth": Q(outcome__in=("01", "02", "03", "04")),
    "singleton": Q(**{f"{_LABOUR}births_count": 1}),
    "term": between("gestation_days", TERM),
    "valid_gestation": between("gestation_days", VALID_GESTATION),
    "preterm": between("gestation_days", (VALID_GESTATION[0], TERM[0] - 1)),
    "cephalic": Q(presentation="01"),
    "vaginal": Q(delivery_method__in=("0", "1", "2", "3", "4")),
    "spontaneous_vaginal": Q(delivery_method__in=("0", "1")),
    "caesarean": Q(delivery_method__in=("7", "8")),
    "delivery_method_recorded": ~Q(delivery_method=""),
    "apgar_recorded": between("apgar_5", (0, 10)),
    "apgar_below_7": between("apgar_5", (0, 6)),
    "first_feed_recorded": Q(first_feed__in=("01", "02", "03")),
    "breast_milk_first_feed": Q(first_feed__in=("01", "02")),
    "neonatal_admission_recorded": Q(neonatal_admission__isnull=False),
    "neonatal_admission": Q(neonatal_admission=True),
    "readmission_recorded": Q(readmitted_within_30_days__isnull=False),
    "readmitted_within_30_days": Q(readmitted_within_30_days=True),
    "feeding_6_8_weeks_recorded": ~Q(feeding_at_6_8_weeks=""),
    "any_breast_milk_6_8_weeks": Q(feeding_at_6_8_weeks__in=("breast", "mixed")),
    "smoking_delivery_known": Q(**{f"{_LABOUR}smoking_status_delivery__in": KNOWN_SMOKING}),
    "smoker_at_delivery": Q(**{f"{_LABOUR}smoking_status_delivery": SmokingStatus.SMOKER}),
    "blood_loss_1500_or_more": Q(**{f"{_LABOUR}blood_loss_ml__gte": 1500}),
    "third_or_fourth_degree_tear": Q(
        **{f"{_LABOUR}genital_tract_trauma__in": THIRD_OR_FOURTH_DEGREE}
    ),
    # Exactly as NHS Digital codes it (domain reference 2.1): live = 1 or still = 1. Read
    # alone it admits one live birth and a stillbirth; kept so figures compare nationally.
    "one_previous_birth": Q(**{f"{_PREGNANCY}previous_live_births": 1})
    | Q(**{f"{_PREGNANCY}previous_stillbirths": 1}),
    "one_previous_caesarean": Q(**{f"{_PREGNANCY}previous_caesareans": 1}),
    "previous_caesarean": between(f"{_PREGNANCY}previous_caesareans", (1, 20)),
    "nulliparous": _nulliparous_cqim(),
    "spontaneous_onset": _spontaneous_onset,
    "induced_or_caesarean_before_labour": Q(**{f"{_LABOUR}onset_method__in": ("2", "3", "4", "5")})
    | Q(**{f"{_LABOUR}caesarean_at__isnull": False, f"{_LABOUR}labour_onset_at__isnull": True}),
    # Tandem records induction as the onset method, so recorded spontaneous onset (code 1)
    # is its test of 'no induction'; see docs/measures.md.
    "no_induction": Q(**{f"{_LABOUR}onset_method": "1"}),
    # As NHS Digital codes BWOI: the perineum and the anaesthetic must be recorded (a tear
    # of any degree is not an intervention, an episiotomy is); oxytocin only if given.
    "no_episiotomy": Q(**{f"{_LABOUR}episiotomy": False}),
    "no_regional_or_general_anaesthesia": Q(**{f"{_LABOUR}anaesthesia": LabourAnaesthesia.NONE}),
    "no_oxytocin_augmentation": ~Q(**{f"{_LABOUR}oxytocin_augmentation": True}),
}


def _babies() -> QuerySet:
    return Baby.objects.filter(labour_delivery__birth_date__isnull=False)


_BIRTH_PATHS = Paths(pregnancy=_PREGNANCY, labour=_LABOUR)

BIRTH_POPULATIONS = (
    Population(
        "babies",
        "Babies born",
        _babies,
        f"{_LABOUR}birth_date",
        _BIRTH_PATHS,
        BIRTH_CRITERIA,
    ),
    Population(
        "women_giving_birth",
        "Women giving birth",
        _babies,
        f"{_LABOUR}birth_date",
        _BIRTH_PATHS,
        BIRTH_CRITERIA,
        distinct="labour_delivery",
    ),
)
