"""Interval estimates for rates."""

import math

Z_95 = 1.959963984540054


def wilson_interval(numerator: int, denominator: int, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval for a proportion (as a fraction, 0 to 1).

    Preferred to the normal approximation because it stays inside 0..1 and behaves at
    small counts and at rates near 0 or 1, which most of the quality measures are."""
    if denominator <= 0:
        raise ValueError("A rate needs a denominator above 0")
    if not 0 <= numerator <= denominator:
        raise ValueError("The numerator must be between 0 and the denominator")
    p = numerator / denominator
    z2 = z * z
    centre = (p + z2 / (2 * denominator)) / (1 + z2 / denominator)
    half = (z / (1 + z2 / denominator)) * math.sqrt(
        p * (1 - p) / denominator + z2 / (4 * denominator * denominator)
    )
    return max(0.0, centre - half), min(1.0, centre + half)
