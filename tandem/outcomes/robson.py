"""The WHO Robson Ten-Group Classification, derived per labour (domain reference, section 3).

The decision order is robson10classifier's (8, 9, 7, 6, 10, then 1 to 5). A missing item
makes a labour unclassifiable only when the step that reaches it needs it: a multiple
pregnancy is group 8 whatever else is missing.
"""

from dataclasses import dataclass
from enum import StrEnum

from tandem.core.gestation import possible_at_birth
from tandem.outcomes.models import RobsonGroup

TERM_DAYS = 259  # 37+0 weeks


class Onset(StrEnum):
    SPONTANEOUS = "spontaneous"
    INDUCED = "induced"
    PRE_LABOUR_CAESAREAN = "pre_labour_caesarean"


class Lie(StrEnum):
    CEPHALIC = "cephalic"
    BREECH = "breech"
    TRANSVERSE_OR_OBLIQUE = "transverse_or_oblique"


@dataclass(frozen=True)
class RobsonInputs:
    """The six Robson variables; None means not recorded."""

    nulliparous: bool | None
    previous_caesareans: int | None
    onset: Onset | None
    fetuses: int | None
    term: bool | None
    lie: Lie | None


def classify(inputs: RobsonInputs) -> RobsonGroup:
    if inputs.fetuses is None:
        return RobsonGroup.UNCLASSIFIABLE
    if inputs.fetuses >= 2:
        return RobsonGroup.G8
    if inputs.lie is None:
        return RobsonGroup.UNCLASSIFIABLE
    if inputs.lie == Lie.TRANSVERSE_OR_OBLIQUE:
        return RobsonGroup.G9
    if inputs.nulliparous is None and inputs.lie == Lie.BREECH:
        return RobsonGroup.UNCLASSIFIABLE
    if inputs.lie == Lie.BREECH:
        return RobsonGroup.G6 if inputs.nulliparous else RobsonGroup.G7
    if inputs.term is None:
        return RobsonGroup.UNCLASSIFIABLE
    if not inputs.term:
        return RobsonGroup.G10
    if inputs.nulliparous is None:
        return RobsonGroup.UNCLASSIFIABLE
    if inputs.nulliparous:
        # A first baby cannot follow a caesarean: the record contradicts itself.
        if inputs.previous_caesareans:
            return RobsonGroup.UNCLASSIFIABLE
        return _by_onset(inputs.onset, RobsonGroup.G1, RobsonGroup.G2A, RobsonGroup.G2B)
    if inputs.previous_caesareans is None:
        return RobsonGroup.UNCLASSIFIABLE
    if inputs.previous_caesareans >= 2:
        return RobsonGroup.G5_2
    if inputs.previous_caesareans == 1:
        return RobsonGroup.G5_1
    return _by_onset(inputs.onset, RobsonGroup.G3, RobsonGroup.G4A, RobsonGroup.G4B)


def _by_onset(
    onset: Onset | None, spontaneous: RobsonGroup, induced: RobsonGroup, pre_labour: RobsonGroup
) -> RobsonGroup:
    if onset is None:
        return RobsonGroup.UNCLASSIFIABLE
    return {
        Onset.SPONTANEOUS: spontaneous,
        Onset.INDUCED: induced,
        Onset.PRE_LABOUR_CAESAREAN: pre_labour,
    }[onset]


# --- From MSDS codes --------------------------------------------------------------------

_LIE_OF_PRESENTATION = {"01": Lie.CEPHALIC, "02": Lie.BREECH, "03": Lie.TRANSVERSE_OR_OBLIQUE}
_INDUCTION_CODES = {"3", "4", "5"}


def onset_of(onset_method: str, labour_onset_known: bool, caesarean_known: bool) -> Onset | None:
    """MSDS mapping (NHS Digital): a caesarean with no labour onset date, or onset code 2
    (caesarean decided before labour), is pre-labour; codes 3 to 5 are induction."""
    if caesarean_known and not labour_onset_known:
        return Onset.PRE_LABOUR_CAESAREAN
    if onset_method == "1":
        return Onset.SPONTANEOUS
    if onset_method in _INDUCTION_CODES:
        return Onset.INDUCED
    if onset_method == "2":
        return Onset.PRE_LABOUR_CAESAREAN
    return None


def lie_of(presentation: str) -> Lie | None:
    return _LIE_OF_PRESENTATION.get(presentation)


def term_of(gestation_days: int | None) -> bool | None:
    """Term is 37+0 weeks or more; a gestation under 20+1 or beyond 45+0 weeks is not
    valid, so it is treated as not recorded."""
    # NHS Digital's group 10 is 141 to 258 days.
    if gestation_days is None:
        return None
    if not possible_at_birth(gestation_days):
        return None
    return gestation_days >= TERM_DAYS
