"""Rules a labour, its babies and the health visitor's 6–8 week details must meet.

Errors are keyed by field name; a baby's are keyed `baby_<n>_<field>` and say which baby
("Baby 2: ..."), so forms put them on the right baby's field and every problem shows at once.
"""

from collections.abc import Sequence
from datetime import date, datetime

from django.utils import timezone

from tandem.core.gestation import (
    MAX_GESTATION_DAYS,
    MIN_BIRTH_GESTATION_DAYS,
    Gestation,
    possible_at_birth,
)
from tandem.outcomes.models import (
    RECORDABLE_PRESENTATIONS,
    DeliveryMethod,
    FeedingAt6To8Weeks,
    FirstFeed,
    GenitalTractTrauma,
    LabourAnaesthesia,
    LabourOnsetMethod,
    PlaceOfBirth,
    PregnancyOutcome,
)
from tandem.records.validation import Errors, check_smoking_status

MIN_WEIGHT_G, MAX_WEIGHT_G = 200, 7000
MAX_BLOOD_LOSS_ML = 10_000
MAX_APGAR = 10
CAESAREAN_METHODS = {DeliveryMethod.ELECTIVE_CAESAREAN, DeliveryMethod.EMERGENCY_CAESAREAN}


def baby_field(position: int, field: str) -> str:
    """The error key of a baby's field: `baby_2_gestation_days`."""
    return f"baby_{position}_{field}"


def check_labour(errors: Errors, values: dict, *, now: datetime) -> None:
    onset_method = values.get("onset_method", "")
    onset_at = values.get("labour_onset_at")
    caesarean_at = values.get("caesarean_at")
    if onset_method not in LabourOnsetMethod.values:
        errors.add("onset_method", "Choose how labour started")
    elif onset_method == LabourOnsetMethod.CAESAREAN_DECIDED_BEFORE_LABOUR:
        if onset_at is not None:
            errors.add(
                "labour_onset_at",
                "Leave the labour onset empty: the caesarean was decided before labour",
            )
        if caesarean_at is None:
            errors.add(
                "caesarean_at", "Enter the date and time of the caesarean decided before labour"
            )
        if values.get("oxytocin_augmentation"):
            errors.add(
                "oxytocin_augmentation",
                "Oxytocin to speed up labour cannot be recorded: the caesarean was decided "
                "before labour",
            )
    elif onset_at is None:
        errors.add("labour_onset_at", "Enter the date and time labour started")
    for field, moment, noun in (
        ("labour_onset_at", onset_at, "Labour onset"),
        ("caesarean_at", caesarean_at, "The caesarean"),
    ):
        if moment is not None and moment > now:
            errors.add(field, f"{noun} must be now or in the past")
    if (
        onset_at is not None
        and caesarean_at is not None
        and caesarean_at < onset_at
        and "caesarean_at" not in errors
    ):
        errors.add("caesarean_at", "The caesarean cannot be before labour started")
    if values.get("genital_tract_trauma", "") not in GenitalTractTrauma.values:
        errors.add("genital_tract_trauma", "Choose the genital tract trauma from the list")
    blood_loss = values.get("blood_loss_ml")
    if blood_loss is not None and not 0 <= blood_loss <= MAX_BLOOD_LOSS_ML:
        errors.add("blood_loss_ml", f"Blood loss must be between 0 and {MAX_BLOOD_LOSS_ML:,} ml")
    _check_choice(
        errors,
        "anaesthesia",
        values.get("anaesthesia", ""),
        LabourAnaesthesia.values,
        "Choose the epidural, spinal or general anaesthetic from the list",
        required=False,
    )
    check_smoking_status(
        errors, "smoking_status_delivery", values.get("smoking_status_delivery", "")
    )


def _check_choice(
    errors: Errors, key: str, value: str, allowed, message: str, *, required: bool
) -> None:
    if value in allowed or (value == "" and not required):
        return
    errors.add(key, message)


def check_baby(
    errors: Errors,
    position: int,
    values: dict,
    *,
    labour_onset_at: datetime | None,
    pregnancy_began: date,
    now: datetime,
) -> None:
    """One baby's details; `position` is the baby's place on the form (Baby 1, Baby 2)."""
    label = f"Baby {position}"

    def add(field: str, message: str) -> None:
        errors.add(baby_field(position, field), f"{label}: {message}")

    born_at = values.get("born_at")
    if born_at is None:
        add("born_at", "enter the date and time of birth")
    elif born_at > now:
        add("born_at", "the date and time of birth must be now or in the past")
    elif labour_onset_at is not None and born_at < labour_onset_at:
        add("born_at", "the birth cannot be before labour started")
    elif timezone.localdate(born_at) < pregnancy_began:
        add("born_at", "the birth is before this pregnancy began by its due date: check it")
    order = values.get("birth_order")
    if order is None or order < 1:
        add("birth_order", "enter the birth order, 1 for the first baby born")
    for field, choices, noun, required in (
        ("outcome", PregnancyOutcome.values, "the outcome of the birth", True),
        ("delivery_method", DeliveryMethod.values, "how the baby was delivered", True),
        ("presentation", RECORDABLE_PRESENTATIONS, "the presentation at birth", True),
        ("place_of_birth", PlaceOfBirth.values, "the place of birth", False),
        ("first_feed", FirstFeed.values, "the first feed", False),
    ):
        _check_choice(
            errors,
            baby_field(position, field),
            values.get(field, ""),
            choices,
            f"{label}: choose {noun}",
            required=required,
        )
    gestation = values.get("gestation_days")
    if gestation is None:
        add("gestation_days", "enter the gestation at birth in weeks and days")
    elif not possible_at_birth(gestation):
        add(
            "gestation_days",
            f"gestation at birth must be between {Gestation(MIN_BIRTH_GESTATION_DAYS)} and "
            f"{Gestation(MAX_GESTATION_DAYS)} weeks",
        )
    apgar = values.get("apgar_5")
    if apgar is not None and not 0 <= apgar <= MAX_APGAR:
        add("apgar_5", f"the Apgar score at 5 minutes must be between 0 and {MAX_APGAR}")
    weight = values.get("birth_weight_g")
    if weight is not None and not MIN_WEIGHT_G <= weight <= MAX_WEIGHT_G:
        add(
            "birth_weight_g",
            f"birth weight must be between {MIN_WEIGHT_G} and {MAX_WEIGHT_G:,} grams",
        )


def check_babies_together(
    errors: Errors,
    babies: Sequence[dict],
    *,
    caesarean_at: datetime | None,
    episiotomy: bool | None = None,
) -> None:
    """What the babies of one labour must agree on: unique birth orders, a caesarean date
    exactly when at least one baby was born by caesarean, and no episiotomy when every
    baby was."""
    if not babies:
        errors.add("babies", "Record at least one baby")
        return
    first_with_order: dict[int, int] = {}
    for position, baby in enumerate(babies, start=1):
        order = baby.get("birth_order")
        if order is None:
            continue
        if order in first_with_order:
            errors.add(
                baby_field(position, "birth_order"),
                f"Baby {position}: birth order {order} is already given to "
                f"baby {first_with_order[order]}",
            )
        else:
            first_with_order[order] = position
    by_caesarean = [
        position
        for position, baby in enumerate(babies, start=1)
        if baby.get("delivery_method") in CAESAREAN_METHODS
    ]
    if caesarean_at is not None and not by_caesarean:
        errors.add(
            "caesarean_at",
            "A caesarean date is entered but no baby was delivered by caesarean section: "
            "check the date or the delivery method",
        )
    if caesarean_at is None and by_caesarean and "caesarean_at" not in errors:
        errors.add(
            "caesarean_at",
            f"Enter the date and time of the caesarean section (baby {by_caesarean[0]} "
            "was delivered by caesarean)",
        )
    if episiotomy and len(by_caesarean) == len(babies):
        errors.add(
            "episiotomy",
            "An episiotomy is recorded but every baby was delivered by caesarean section: "
            "check the episiotomy or the delivery method",
        )


def check_health_visitor_details(
    errors: Errors, *, baby_outcome: str, feeding_at_6_8_weeks: str
) -> None:
    if feeding_at_6_8_weeks not in FeedingAt6To8Weeks.values and feeding_at_6_8_weeks != "":
        errors.add("feeding_at_6_8_weeks", "Choose how the baby was fed from the list")
    elif feeding_at_6_8_weeks and baby_outcome != PregnancyOutcome.LIVE_BIRTH:
        errors.add(
            "feeding_at_6_8_weeks",
            "This baby was stillborn: there is no feeding at 6 to 8 weeks to record",
        )
