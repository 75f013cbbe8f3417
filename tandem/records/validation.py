"""Rules a woman's, pregnancy's or contact's details must meet before they are saved.

Each check returns errors keyed by field name, with messages written for the person at the
form, so forms, imports and the API all report the same field and the same words.
"""

import re
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from tandem.core import nhs_number
from tandem.core.gestation import MAX_GESTATION_DAYS, Gestation, edd_from_lmp, gestation_on
from tandem.records.codes import EthnicCategory, Language, SmokingStatus
from tandem.records.models import ContactOutcome, ContactType, PregnancyStatus, Profession

UK_POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$")
MAX_PREVIOUS = 20
MIN_AGE, MAX_AGE = 10, 60


class Errors:
    """Collects field errors; raises them together so every problem is shown at once."""

    def __init__(self) -> None:
        self.by_field: dict[str, list[str]] = {}

    def add(self, field: str, message: str) -> None:
        self.by_field.setdefault(field, []).append(message)

    def __contains__(self, field: str) -> bool:
        return field in self.by_field

    def raise_if_any(self) -> None:
        if self.by_field:
            raise ValidationError(self.by_field)


def check_woman(
    errors: Errors,
    *,
    nhs_number_value: str,
    given_name: str,
    family_name: str,
    date_of_birth: date | None,
    postcode: str,
    ethnic_category: str,
    main_language: str,
    today: date,
    check_age: bool = True,
) -> None:
    """`check_age` is off when editing a woman whose date of birth is unchanged: she may
    have passed the age limits since she was registered."""
    try:
        nhs_number.validate_nhs_number(nhs_number_value or "")
    except ValidationError as error:
        errors.add("nhs_number", error.messages[0])
    for field, value in (("given_name", given_name), ("family_name", family_name)):
        if not (value or "").strip():
            errors.add(field, f"Enter her {field.replace('_', ' ')}")
        elif len(value) > 100:
            errors.add(field, f"Her {field.replace('_', ' ')} must be 100 characters or fewer")
    if date_of_birth is None:
        errors.add("date_of_birth", "Enter her date of birth")
    elif date_of_birth > today:
        errors.add("date_of_birth", "Date of birth must be in the past")
    elif check_age:
        age = (
            today.year
            - date_of_birth.year
            - ((today.month, today.day) < (date_of_birth.month, date_of_birth.day))
        )
        if not MIN_AGE <= age <= MAX_AGE:
            errors.add(
                "date_of_birth",
                f"Date of birth must make her between {MIN_AGE} and {MAX_AGE} years old",
            )
    if not UK_POSTCODE.match(postcode or ""):
        errors.add("postcode", "Enter a full UK postcode, like SK1 3XE")
    if ethnic_category not in EthnicCategory.values and ethnic_category != "":
        errors.add(
            "ethnic_category",
            f"'{ethnic_category}' is not an NHS ethnic category code "
            "(A to S, Z for not stated, 99 for not known)",
        )
    if main_language not in Language.values:
        errors.add("main_language", f"'{main_language}' is not a language Tandem knows")


def check_pregnancy_dates(
    errors: Errors,
    *,
    lmp: date | None,
    edd_scan: date | None,
    booking_date: date | None,
    status: str,
    ended_on: date | None,
    today: date,
) -> date | None:
    """Checks the dates and returns the agreed EDD they give (None if they are unusable)."""
    if lmp is None and edd_scan is None:
        errors.add("lmp", "Enter the last menstrual period, the EDD from the dating scan, or both")
        return None
    if lmp is not None and lmp > today:
        errors.add("lmp", "The last menstrual period must be today or in the past")
    if lmp is not None and edd_scan is not None and edd_scan <= lmp:
        errors.add(
            "edd_scan", "The EDD from the dating scan must be after the last menstrual period"
        )
    if "lmp" in errors or "edd_scan" in errors:
        return None
    edd = edd_scan if edd_scan is not None else edd_from_lmp(lmp)
    if gestation_on(edd, today).days < 0:  # only a scan EDD can do this: the LMP is past
        errors.add(
            "edd_scan",
            "The EDD from the dating scan puts the start of this pregnancy "
            "in the future: check the date",
        )
        return None
    if booking_date is not None:
        at_booking = gestation_on(edd, booking_date)
        if booking_date > today:
            errors.add("booking_date", "The booking date must be today or in the past")
        elif at_booking.days < 0:
            errors.add("booking_date", "The booking date is before the pregnancy began")
        elif at_booking.days > MAX_GESTATION_DAYS:
            errors.add(
                "booking_date",
                f"The booking date gives a gestation of {at_booking}, beyond 45 weeks",
            )
    if status == PregnancyStatus.ACTIVE:
        if ended_on is not None:
            errors.add("ended_on", "Leave the end date empty while the pregnancy is active")
        now = gestation_on(edd, today)
        if now.days > MAX_GESTATION_DAYS:
            errors.add(
                "edd_scan" if edd_scan is not None else "lmp",
                f"These dates make her {now} weeks pregnant today, beyond 45 weeks: check "
                "the dates, or record how the pregnancy ended",
            )
    else:
        if ended_on is None:
            errors.add(
                "ended_on", "Enter the date the pregnancy was delivered, ended or transferred out"
            )
        elif ended_on > today:
            errors.add("ended_on", "The end date must be today or in the past")
        elif gestation_on(edd, ended_on).days < 0:
            errors.add("ended_on", "The end date is before the pregnancy began")
        elif gestation_on(edd, ended_on).days > MAX_GESTATION_DAYS:
            errors.add("ended_on", "The end date is beyond 45 weeks of gestation")
    return edd


def check_previous_births(
    errors: Errors, *, live: int | None, still: int | None, caesareans: int | None
) -> None:
    labels = {
        "previous_live_births": ("live births", live),
        "previous_stillbirths": ("stillbirths", still),
        "previous_caesareans": ("caesarean sections", caesareans),
    }
    for field, (label, value) in labels.items():
        if value is None:
            errors.add(field, f"Enter the number of previous {label}, 0 if none")
        elif not 0 <= value <= MAX_PREVIOUS:
            errors.add(field, f"Previous {label} must be between 0 and {MAX_PREVIOUS}")
    if (
        not {"previous_live_births", "previous_stillbirths", "previous_caesareans"}
        & set(errors.by_field)
        and caesareans > live + still
    ):
        errors.add(
            "previous_caesareans",
            "Previous caesarean sections cannot be more than previous births",
        )


def check_smoking_status(errors: Errors, field: str, value: str) -> None:
    if value not in SmokingStatus.values and value != "":
        errors.add(field, f"'{value}' is not a smoking status (smoker, non-smoker, ex-smoker)")


def check_named_midwife(errors: Errors, practitioner) -> None:
    if practitioner is not None and practitioner.profession != Profession.MIDWIFE:
        errors.add("named_midwife", f"{practitioner} is not a midwife")


def check_contact(
    errors: Errors,
    *,
    starts_at: datetime | None,
    contact_type: str,
    outcome: str,
    practitioner_count: int,
    pregnancy_began: date,
    now: datetime,
) -> None:
    if starts_at is None:
        errors.add("starts_at", "Enter the date and time of the contact")
    elif timezone.localdate(starts_at) < pregnancy_began:  # the local day, not UTC's
        errors.add("starts_at", "The contact is before this pregnancy began")
    if contact_type not in ContactType.values:
        errors.add("contact_type", "Choose the type of contact")
    if outcome not in ContactOutcome.values:
        errors.add("outcome", "Choose what happened at the contact")
    elif starts_at is not None:
        happened = outcome in {ContactOutcome.ATTENDED, ContactOutcome.DID_NOT_ATTEND}
        if happened and starts_at > now:
            errors.add("outcome", "A contact in the future cannot be attended or missed yet")
        if outcome == ContactOutcome.BOOKED and starts_at < now:
            errors.add("outcome", "This contact is in the past: record whether she attended")
    if outcome == ContactOutcome.ATTENDED and practitioner_count == 0:
        errors.add("practitioners", "Choose who saw her")


def gestation_or_none(edd: date | None, on: date) -> Gestation | None:
    return gestation_on(edd, on) if edd else None
