"""Starring published counts: under the star convention a count the rule has already
rounded is shown as '*' when it is 5. That is right only because 5 comes from 1 to 7 and
from nothing else, alone or as a sum of published counts (an area's total of its
providers'): these tests hold the rule to it, so a change to the rule that breaks it fails
here rather than starring a safe count or showing a small one.
"""

from itertools import product

from tandem.core.disclosure import SMALL_ROUNDED, is_small, rounded, starred


def test_a_published_5_comes_from_1_to_7_and_nothing_else():
    assert [count for count in range(1_000) if rounded(count) == SMALL_ROUNDED] == list(range(1, 8))


def test_a_sum_of_published_counts_is_5_only_when_one_of_them_was_small():
    for counts in product(range(25), repeat=3):
        if sum(rounded(count) for count in counts) == SMALL_ROUNDED:
            assert sum(is_small(count) for count in counts) == 1
            assert sorted(counts)[:2] == [0, 0]


def test_under_the_star_convention_only_a_published_5_is_starred(settings):
    settings.SMALL_NUMBERS_CONVENTION = "star"

    assert [count for count in (0, 5, 10, 15, 1_000) if starred(count)] == [5]


def test_under_the_rounding_convention_nothing_is_starred(settings):
    settings.SMALL_NUMBERS_CONVENTION = "round"

    assert not any(starred(count) for count in (0, 5, 10))
