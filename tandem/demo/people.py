"""Synthetic women and practitioners: NHS numbers, names, ethnicity, language and needs."""

from dataclasses import dataclass
from datetime import date, timedelta
from random import Random

from tandem.core.nhs_number import check_digit
from tandem.demo.names import (
    FAMILY_NAMES,
    GIVEN_NAMES,
    PRACTITIONER_TRADITIONS,
    TRADITIONS_BY_ETHNIC_CODE,
)
from tandem.demo.sampling import Categorical, chance, pick

TEST_RANGE_PREFIX = "999"  # NHS numbers 999 000 000x-999 999 999x are never issued
_TEST_RANGE_SIZE = 1_000_000

# Ethnic category codes within each published group: invented, Greater Manchester-like.
CODES_IN_GROUP: dict[str, Categorical[str]] = {
    "White": Categorical({"A": 0.88, "B": 0.02, "C": 0.10}),
    "Mixed": Categorical({"D": 0.35, "E": 0.15, "F": 0.25, "G": 0.25}),
    "Asian or Asian British": Categorical({"H": 0.15, "J": 0.55, "K": 0.12, "L": 0.18}),
    "Black or Black British": Categorical({"M": 0.12, "N": 0.78, "P": 0.10}),
    "Any other ethnic group": Categorical({"R": 0.25, "S": 0.75}),
    "Not Stated": Categorical({"Z": 1.0}),
    "Not known": Categorical({"99": 1.0}),
    "Missing": Categorical({"": 1.0}),
}

_MOSTLY_ENGLISH = Categorical({"en": 0.90, "other": 0.04, "pl": 0.03, "ur": 0.03})
# Main language by ethnic category code: invented, Greater Manchester-like.
LANGUAGES_BY_ETHNIC_CODE: dict[str, Categorical[str]] = {
    "A": Categorical({"en": 0.995, "other": 0.005}),
    "B": Categorical({"en": 1.0}),
    "C": Categorical(
        {"en": 0.40, "pl": 0.20, "ro": 0.14, "lt": 0.06, "pt": 0.06, "es": 0.05, "uk": 0.05}
        | {"other": 0.04}
    ),
    "D": Categorical({"en": 1.0}),
    "E": Categorical({"en": 0.88, "fr": 0.05, "other": 0.07}),
    "F": Categorical({"en": 0.97, "ur": 0.03}),
    "G": Categorical({"en": 0.93, "ar": 0.03, "other": 0.04}),
    "H": Categorical({"en": 0.75, "gu": 0.10, "pa": 0.10, "other": 0.05}),
    "J": Categorical({"en": 0.70, "ur": 0.25, "pa": 0.05}),
    "K": Categorical({"en": 0.60, "bn": 0.40}),
    "L": Categorical({"en": 0.60, "ps": 0.10, "fa": 0.10, "other": 0.20}),
    "M": Categorical({"en": 1.0}),
    "N": Categorical({"en": 0.55, "so": 0.15, "ti": 0.08, "fr": 0.10, "ar": 0.05, "other": 0.07}),
    "P": Categorical({"en": 0.85, "fr": 0.05, "other": 0.10}),
    "R": Categorical({"en": 0.40, "zh": 0.60}),
    "S": Categorical({"en": 0.35, "ar": 0.30, "fa": 0.12, "ku": 0.15, "other": 0.08}),
    "Z": _MOSTLY_ENGLISH,
    "99": _MOSTLY_ENGLISH,
    "": _MOSTLY_ENGLISH,
}
INTERPRETER_IF_NOT_ENGLISH = 0.45
BSL_SHARE = 0.001
BSL_NEED = "Deaf; uses British Sign Language. Book a BSL interpreter for every contact."
ACCESSIBILITY_SHARE = 0.03
ACCESSIBILITY_NEEDS = (
    "Uses a wheelchair; needs step-free access and a height-adjustable couch.",
    "Partially sighted; send letters and her plan in large print.",
    "Learning disability; easy read information and longer appointments.",
    "Autistic; prefers a quiet waiting area, written plans and no surprises.",
    "Dyslexia; prefers information by phone or video rather than letters.",
    "Hard of hearing; face her when speaking and confirm arrangements by text.",
    "Chronic fatigue; prefers home visits or early appointments.",
)

_TRADITIONS = {code: Categorical(weights) for code, weights in TRADITIONS_BY_ETHNIC_CODE.items()}
_PRACTITIONER_TRADITIONS = Categorical(PRACTITIONER_TRADITIONS)


@dataclass(frozen=True)
class Identity:
    given_name: str
    family_name: str
    ethnic_category: str
    main_language: str
    interpreter_needed: bool
    accessibility_needs: str


def nhs_numbers(rng: Random, count: int) -> list[str]:
    """`count` distinct, valid NHS numbers from the 999 test range, in random order."""
    usable = _TEST_RANGE_SIZE * 10 // 11
    if count > usable * 0.95:
        raise ValueError(f"The 999 test range holds about {usable:,} valid NHS numbers")
    numbers: list[str] = []
    for serial in rng.sample(
        range(_TEST_RANGE_SIZE), min(_TEST_RANGE_SIZE, count + count // 8 + 64)
    ):
        first_nine = f"{TEST_RANGE_PREFIX}{serial:06d}"
        check = check_digit(first_nine)
        if check is not None:
            numbers.append(f"{first_nine}{check}")
            if len(numbers) == count:
                return numbers
    raise ValueError("Could not draw enough NHS numbers; try a smaller count")  # pragma: no cover


def woman_identity(rng: Random, ethnic_group: str) -> Identity:
    code = CODES_IN_GROUP[ethnic_group].draw(rng)
    traditions = _TRADITIONS[code]
    given = pick(rng, GIVEN_NAMES[traditions.draw(rng)])
    family = pick(rng, FAMILY_NAMES[traditions.draw(rng)])
    if chance(rng, BSL_SHARE):
        return Identity(given, family, code, "sgn", True, BSL_NEED)
    language = LANGUAGES_BY_ETHNIC_CODE[code].draw(rng)
    interpreter = language != "en" and chance(rng, INTERPRETER_IF_NOT_ENGLISH)
    needs = pick(rng, ACCESSIBILITY_NEEDS) if chance(rng, ACCESSIBILITY_SHARE) else ""
    return Identity(given, family, code, language, interpreter, needs)


def practitioner_name(rng: Random) -> tuple[str, str]:
    return (
        pick(rng, GIVEN_NAMES[_PRACTITIONER_TRADITIONS.draw(rng)]),
        pick(rng, FAMILY_NAMES[_PRACTITIONER_TRADITIONS.draw(rng)]),
    )


def date_of_birth(rng: Random, *, age_on: date, age: int) -> date:
    """A birthday that makes her exactly `age` (in whole years) on `age_on`."""
    try:
        anniversary = age_on.replace(year=age_on.year - age)
    except ValueError:  # 29 February in a year that has none
        anniversary = age_on.replace(year=age_on.year - age, day=28)
    return anniversary - timedelta(days=int(rng.random() * 365))
