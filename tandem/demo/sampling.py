"""Small, deterministic sampling helpers on top of `random.Random`.

Every draw takes the generator's own `random.Random` so that the same seed gives the same
data; nothing here touches the global random state.
"""

from bisect import bisect
from collections.abc import Mapping, Sequence
from itertools import accumulate
from random import Random
from typing import Generic, TypeVar

T = TypeVar("T")


class Categorical(Generic[T]):
    """A fixed discrete distribution: categories with non-negative weights."""

    def __init__(self, weights: Mapping[T, float]) -> None:
        kept = [(value, float(weight)) for value, weight in weights.items() if weight > 0]
        if not kept:
            raise ValueError("A distribution needs at least one category with a weight above 0")
        self.values: tuple[T, ...] = tuple(value for value, _ in kept)
        self._cumulative = list(accumulate(weight for _, weight in kept))
        self.total = self._cumulative[-1]

    def draw(self, rng: Random) -> T:
        return self.values[bisect(self._cumulative, rng.random() * self.total)]

    def share(self, value: T) -> float:
        if value not in self.values:
            return 0.0
        index = self.values.index(value)
        previous = self._cumulative[index - 1] if index else 0.0
        return (self._cumulative[index] - previous) / self.total

    def shares(self) -> dict[T, float]:
        return {value: self.share(value) for value in self.values}

    def __repr__(self) -> str:
        shown = ", ".join(f"{value!r}: {share:.3f}" for value, share in self.shares().items())
        return f"Categorical({shown})"


def chance(rng: Random, probability: float) -> bool:
    return rng.random() < probability


def pick(rng: Random, items: Sequence[T]) -> T:
    return items[int(rng.random() * len(items))]


def rake(
    target: Mapping[str, float],
    strata: Sequence[tuple[float, Mapping[str, float]]],
    *,
    rounds: int = 200,
) -> list[dict[str, float]]:
    """Per-stratum distributions that lean as `strata` say yet add up to `target`.

    Each stratum is (its share of the population, a multiplier per category): for example
    women with a previous caesarean are six times as likely to have an elective one. The
    base weights are rescaled (iterative proportional fitting) until the mixture over the
    strata reproduces the target shares, so published marginals survive the leaning.
    """
    total = sum(target.values())
    goal = {category: share / total for category, share in target.items()}
    base = dict(goal)
    for _ in range(rounds):
        achieved = dict.fromkeys(goal, 0.0)
        for stratum_share, factors in strata:
            mixed = _lean(base, factors)
            for category, share in mixed.items():
                achieved[category] += stratum_share * share
        base = {
            category: base[category] * goal[category] / achieved[category]
            if achieved[category] > 0
            else 0.0
            for category in goal
        }
    return [_lean(base, factors) for _, factors in strata]


def _lean(base: Mapping[str, float], factors: Mapping[str, float]) -> dict[str, float]:
    leaned = {category: weight * factors.get(category, 1.0) for category, weight in base.items()}
    total = sum(leaned.values())
    return {category: weight / total for category, weight in leaned.items()}
