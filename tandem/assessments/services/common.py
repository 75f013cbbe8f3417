"""Helpers the assessments services share: text limits and whose record a visit is."""

from tandem.records.validation import Errors

MAX_TEXT = 5000


def check_text(errors: Errors, field: str, value: str, noun: str, *, limit: int = MAX_TEXT):
    if len(value) > limit:
        errors.add(field, f"{noun[:1].upper()}{noun[1:]} must be {limit:,} characters or fewer")


def person_of(visit) -> int:
    return visit.pregnancy.woman_id
