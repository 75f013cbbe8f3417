"""Measures declared as data: one TOML file per measure in `definitions/`.

A file names the population the measure counts, the criteria (by name, from that
population's registry in `populations.py`) of its denominator, and the further criteria
of its numerator; the numerator is always a subset of the denominator. It also carries
who wrote and who checked the definition, and when it is next reviewed, so a clinical
safety officer can sign each one off.
"""

import tomllib
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from pathlib import Path

DEFINITIONS_DIR = Path(__file__).parent / "definitions"


class Unit(StrEnum):
    PERCENT = "percent"
    PER_1000 = "per_1000"

    @property
    def multiplier(self) -> int:
        return 100 if self is Unit.PERCENT else 1000

    @property
    def label(self) -> str:
        return "%" if self is Unit.PERCENT else "per 1,000"


class Direction(StrEnum):
    """Which way is better: it decides whether special cause is improvement or concern."""

    HIGHER = "higher"
    LOWER = "lower"
    NEUTRAL = "neutral"


class Category(StrEnum):
    CQIM = "cqim"
    TANDEM = "tandem"
    PATHWAY = "pathway"
    EQUITY = "equity"


@dataclass(frozen=True)
class Measure:
    id: str
    title: str
    description: str
    category: Category
    population: str
    denominator: tuple[str, ...]
    numerator: tuple[str, ...]
    unit: Unit
    direction: Direction
    source: str
    author: str
    checker: str
    review_date: date
    shown_to_users: bool
    data_quality: tuple[str, ...]
    path: Path
    # A target in the measure's unit, with where it comes from: SPC assurance reads it.
    target: float | None = None
    target_source: str = ""

    def scaled(self, numerator: int, denominator: int) -> float | None:
        if denominator == 0:
            return None
        return numerator / denominator * self.unit.multiplier

    @property
    def definition_text(self) -> str:
        return self.path.read_text(encoding="utf-8")


class DefinitionError(ValueError):
    """A definition file that cannot be used; the message names the file and the field."""


_OPTIONAL = ("data_quality", "target", "target_source")
_REQUIRED = (
    "id", "title", "description", "category", "population", "denominator", "numerator",
    "unit", "direction", "source", "author", "checker", "review_date", "shown_to_users",
)  # fmt: skip


def parse(path: Path) -> Measure:
    from tandem.measures.populations import POPULATIONS

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise DefinitionError(f"{path.name}: not valid TOML ({error})") from error
    unknown = sorted(set(data) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        # A misspelt optional key would otherwise drop its value without a word.
        raise DefinitionError(f"{path.name}: {', '.join(unknown)}: not a definition key")
    missing = [key for key in _REQUIRED if key not in data]
    if missing:
        raise DefinitionError(f"{path.name}: missing {', '.join(missing)}")
    if data["id"] != path.stem:
        raise DefinitionError(f"{path.name}: id '{data['id']}' does not match the file name")
    population = POPULATIONS.get(data["population"])
    if population is None:
        raise DefinitionError(f"{path.name}: population: no population '{data['population']}'")
    for field in ("denominator", "numerator"):
        unknown = [name for name in data[field] if name not in population.criteria]
        if unknown:
            raise DefinitionError(
                f"{path.name}: {field}: {population.name} has no criterion {', '.join(unknown)}"
            )
    if not data["numerator"]:
        raise DefinitionError(f"{path.name}: numerator: needs at least one criterion")
    for field, kind in (("category", Category), ("unit", Unit), ("direction", Direction)):
        if data[field] not in {member.value for member in kind}:
            choices = ", ".join(member.value for member in kind)
            raise DefinitionError(f"{path.name}: {field}: must be one of {choices}")
    category, unit, direction = (
        Category(data["category"]),
        Unit(data["unit"]),
        Direction(data["direction"]),
    )
    if not isinstance(data["review_date"], date):
        raise DefinitionError(f"{path.name}: review_date: must be a date (YYYY-MM-DD)")
    target = _target(path, data, unit)
    return Measure(
        id=data["id"],
        title=data["title"],
        description=data["description"].strip(),
        category=category,
        population=data["population"],
        denominator=tuple(data["denominator"]),
        numerator=tuple(data["numerator"]),
        unit=unit,
        direction=direction,
        source=data["source"],
        author=data["author"],
        checker=data["checker"],
        review_date=data["review_date"],
        shown_to_users=bool(data["shown_to_users"]),
        data_quality=tuple(data.get("data_quality", ())),
        path=path,
        target=target,
        target_source=data.get("target_source", "").strip(),
    )


def _target(path: Path, data: dict, unit: Unit) -> float | None:
    """The optional target: a number within the unit's range, never without its source."""
    if "target" not in data:
        if "target_source" in data:
            raise DefinitionError(f"{path.name}: target_source: given without a target")
        return None
    target = data["target"]
    if isinstance(target, bool) or not isinstance(target, int | float):
        raise DefinitionError(f"{path.name}: target: must be a number in {unit.label}")
    if not 0 <= target <= unit.multiplier:
        raise DefinitionError(
            f"{path.name}: target: must be between 0 and {unit.multiplier} ({unit.label})"
        )
    if not str(data.get("target_source", "")).strip():
        raise DefinitionError(f"{path.name}: target_source: say where the target comes from")
    return float(target)


@cache
def all_measures() -> dict[str, Measure]:
    """Every measure, keyed by id, in the order of the files' categories then ids."""
    measures = [parse(path) for path in sorted(DEFINITIONS_DIR.glob("*.toml"))]
    order = list(Category)
    measures.sort(key=lambda measure: (order.index(measure.category), measure.id))
    return {measure.id: measure for measure in measures}


def shown_measures() -> list[Measure]:
    return [measure for measure in all_measures().values() if measure.shown_to_users]


def measure(measure_id: str) -> Measure:
    try:
        return all_measures()[measure_id]
    except KeyError:
        raise DefinitionError(f"No measure '{measure_id}'") from None
