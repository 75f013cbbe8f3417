"""The Robson classifier against robson10classifier's oracle (domain reference, section 3),
its sub-groups, the MSDS mappings and the derivation on saved labours."""

import itertools
from collections import Counter
from datetime import date

import pytest

from tandem.measures.tests.factories import (
    INDUCED,
    ONSET_NOT_RECORDED,
    PRE_LABOUR_CAESAREAN,
    SPONTANEOUS,
    give_birth,
    twins,
)
from tandem.outcomes.models import RobsonGroup
from tandem.outcomes.robson import Lie, Onset, RobsonInputs, classify, lie_of, onset_of, term_of
from tandem.records.tests.factories import PregnancyFactory

# The oracle's values of each variable; None is its NA. "One or more" previous caesareans
# is one (5.1), and "Term"/"Preterm" are the answers to "37+0 weeks or more?".
PARITY = {"Nullipara": True, "Multipara": False, "NA": None}
PREVIOUS_CS = {"None": 0, "One or more": 1, "NA": None}
ONSET = {
    "Spontaneous": Onset.SPONTANEOUS,
    "Induced": Onset.INDUCED,
    "Pre-labour CS": Onset.PRE_LABOUR_CAESAREAN,
    "NA": None,
}
FETUSES = {"Multiple": 2, "Single": 1, "NA": None}
GESTATION = {"Term": True, "Preterm": False, "NA": None}
LIE = {
    "Cephalic": Lie.CEPHALIC,
    "Breech": Lie.BREECH,
    "Transverse or Oblique lie": Lie.TRANSVERSE_OR_OBLIQUE,
    "NA": None,
}

# Sub-groups are summed into their group, as the oracle counts groups 1 to 10.
NOT_RECORDED = {"previous_live_births": None, "previous_stillbirths": None}

GROUP_OF = {
    RobsonGroup.G1: "1",
    RobsonGroup.G2A: "2",
    RobsonGroup.G2B: "2",
    RobsonGroup.G3: "3",
    RobsonGroup.G4A: "4",
    RobsonGroup.G4B: "4",
    RobsonGroup.G5_1: "5",
    RobsonGroup.G5_2: "5",
    RobsonGroup.G6: "6",
    RobsonGroup.G7: "7",
    RobsonGroup.G8: "8",
    RobsonGroup.G9: "9",
    RobsonGroup.G10: "10",
    RobsonGroup.UNCLASSIFIABLE: "Unclassifiable",
}


def test_robson_oracle_cross_product_gives_the_published_counts():
    rows = list(itertools.product(PARITY, PREVIOUS_CS, ONSET, FETUSES, GESTATION, LIE))
    assert len(rows) == 1296

    counts = Counter(
        GROUP_OF[
            classify(
                RobsonInputs(
                    nulliparous=PARITY[parity],
                    previous_caesareans=PREVIOUS_CS[previous],
                    onset=ONSET[onset],
                    fetuses=FETUSES[fetuses],
                    term=GESTATION[gestation],
                    lie=LIE[lie],
                )
            )
        ]
        for parity, previous, onset, fetuses, gestation, lie in rows
    )

    assert counts == {
        "Unclassifiable": 635,
        "1": 2,
        "2": 4,
        "3": 1,
        "4": 2,
        "5": 4,
        "6": 36,
        "7": 36,
        "8": 432,
        "9": 108,
        "10": 36,
    }


def _single_cephalic_term(**changes) -> RobsonInputs:
    inputs = {
        "nulliparous": True,
        "previous_caesareans": 0,
        "onset": Onset.SPONTANEOUS,
        "fetuses": 1,
        "term": True,
        "lie": Lie.CEPHALIC,
    }
    return RobsonInputs(**(inputs | changes))


@pytest.mark.parametrize(
    ("changes", "group"),
    [
        ({}, RobsonGroup.G1),
        ({"onset": Onset.INDUCED}, RobsonGroup.G2A),
        ({"onset": Onset.PRE_LABOUR_CAESAREAN}, RobsonGroup.G2B),
        ({"nulliparous": False}, RobsonGroup.G3),
        ({"nulliparous": False, "onset": Onset.INDUCED}, RobsonGroup.G4A),
        ({"nulliparous": False, "onset": Onset.PRE_LABOUR_CAESAREAN}, RobsonGroup.G4B),
        ({"nulliparous": False, "previous_caesareans": 1}, RobsonGroup.G5_1),
        ({"nulliparous": False, "previous_caesareans": 2}, RobsonGroup.G5_2),
        ({"nulliparous": False, "previous_caesareans": 3, "onset": None}, RobsonGroup.G5_2),
    ],
)
def test_robson_sub_groups_split_by_onset_and_previous_caesareans(changes, group):
    assert classify(_single_cephalic_term(**changes)) == group


def test_robson_first_baby_after_a_caesarean_is_unclassifiable_as_contradictory():
    assert classify(_single_cephalic_term(previous_caesareans=1)) == RobsonGroup.UNCLASSIFIABLE


@pytest.mark.parametrize(
    ("onset_method", "onset_known", "caesarean_known", "onset"),
    [
        ("1", True, False, Onset.SPONTANEOUS),
        ("1", True, True, Onset.SPONTANEOUS),  # caesarean in labour stays spontaneous
        ("2", False, True, Onset.PRE_LABOUR_CAESAREAN),
        ("2", True, True, Onset.PRE_LABOUR_CAESAREAN),
        ("3", True, False, Onset.INDUCED),
        ("4", True, False, Onset.INDUCED),
        ("5", True, True, Onset.INDUCED),
        ("1", False, True, Onset.PRE_LABOUR_CAESAREAN),  # caesarean with no labour onset
        ("", False, True, Onset.PRE_LABOUR_CAESAREAN),
        ("", False, False, None),
        ("9", True, False, None),
    ],
)
def test_onset_of_maps_msds_onset_codes_and_dates(
    onset_method, onset_known, caesarean_known, onset
):
    assert onset_of(onset_method, onset_known, caesarean_known) == onset


@pytest.mark.parametrize(
    ("presentation", "lie"),
    [
        ("01", Lie.CEPHALIC),
        ("02", Lie.BREECH),
        ("03", Lie.TRANSVERSE_OR_OBLIQUE),
        ("04", None),
        ("", None),
    ],
)
def test_lie_of_maps_fetus_presentation(presentation, lie):
    assert lie_of(presentation) == lie


@pytest.mark.parametrize(
    ("days", "term"),
    [
        (None, None),
        (140, None),
        (141, False),
        (258, False),
        (259, True),
        (315, True),
        (316, None),
    ],
)
def test_term_of_is_259_to_315_days_and_preterm_from_141(days, term):
    assert term_of(days) is term


@pytest.mark.django_db
def test_derivation_counts_babies_dates_the_first_and_classifies_the_labour():
    labour = give_birth(date(2025, 3, 31), babies=twins(presentation="02"))

    assert labour.births_count == 2
    assert labour.birth_date == date(2025, 3, 31)
    assert labour.robson_group == RobsonGroup.G8


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("pregnancy", "onset", "baby", "group"),
    [
        ({}, SPONTANEOUS, {}, RobsonGroup.G1),
        ({}, INDUCED, {}, RobsonGroup.G2A),
        ({}, PRE_LABOUR_CAESAREAN, {}, RobsonGroup.G2B),
        ({"previous_live_births": 1}, SPONTANEOUS, {}, RobsonGroup.G3),
        ({"previous_stillbirths": 1}, INDUCED, {}, RobsonGroup.G4A),
        ({"previous_live_births": 2}, PRE_LABOUR_CAESAREAN, {}, RobsonGroup.G4B),
        ({"previous_live_births": 1, "previous_caesareans": 1}, INDUCED, {}, RobsonGroup.G5_1),
        ({"previous_live_births": 2, "previous_caesareans": 2}, SPONTANEOUS, {}, RobsonGroup.G5_2),
        ({}, SPONTANEOUS, {"presentation": "02"}, RobsonGroup.G6),
        ({"previous_live_births": 1}, SPONTANEOUS, {"presentation": "02"}, RobsonGroup.G7),
        ({}, SPONTANEOUS, {"presentation": "03"}, RobsonGroup.G9),
        ({}, SPONTANEOUS, {"gestation_days": 258}, RobsonGroup.G10),
        ({}, ONSET_NOT_RECORDED, {}, RobsonGroup.UNCLASSIFIABLE),
        (NOT_RECORDED, SPONTANEOUS, {}, RobsonGroup.UNCLASSIFIABLE),
        ({}, SPONTANEOUS, {"gestation_days": None}, RobsonGroup.UNCLASSIFIABLE),
    ],
)
def test_derivation_maps_msds_fields_to_each_group(pregnancy, onset, baby, group):
    labour = give_birth(pregnancy=PregnancyFactory(**pregnancy), onset=onset, babies=(baby,))

    assert labour.robson_group == group
