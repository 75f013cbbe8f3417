"""The enhanced-pathway screen the midwife completes at every booking in a live area.

Every active eligibility criterion is answered; a met one carries a short synthetic detail
(no names, no real people). How often a criterion is met is invented: about one booking in
five or six overall, more in deprived areas (docs/calibration.md). A woman under 19 at booking
always meets "Parent under 20"; half of the women who need an interpreter meet "Language
barrier". The referral's reason is written as the pathway's screening service writes it.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from random import Random

from tandem.demo.pregnancies import PregnancyStory
from tandem.demo.sampling import Categorical, chance, pick
from tandem.pathway.models import EligibilityCriterion

UNDER_20_AGE_AT_BOOKING = 18  # 18 or younger at booking is under 20 at the birth
LANGUAGE_BARRIER_WHEN_INTERPRETER = 0.5
SECOND_CRITERION = 0.3
SCREEN_AFTER_BOOKING_MINUTES = (45, 150)

# Criterion code -> how often it is the reason for a referral (invented weights).
CRITERION_WEIGHTS = {
    "perinatal-mental-health": 25,
    "limited-support-network": 14,
    "housing-financial-insecurity": 14,
    "domestic-abuse": 10,
    "previous-social-care": 9,
    "safeguarding-concern": 7,
    "substance-alcohol-use": 6,
    "professional-judgement": 5,
    "care-experienced-parent": 4,
    "learning-disability": 3,
    "language-barrier": 3,
}
DETAILS = {
    "safeguarding-concern": (
        "Older sibling is on a child protection plan; social worker aware of this pregnancy.",
        "Concerns raised by the school about the care of an older child.",
        "Partner has a previous conviction relevant to children; risk assessment pending.",
    ),
    "domestic-abuse": (
        "Disclosed domestic abuse by a previous partner; now separated and feels safe.",
        "Routine enquiry: disclosed controlling behaviour by her partner. IDVA details given.",
        "Police attended the home twice last year; she did not want to talk about it today.",
    ),
    "perinatal-mental-health": (
        "Postnatal depression after her first baby; treated by her GP.",
        "Anxiety and low mood since early pregnancy; on medication, under the GP.",
        "Previously under the community mental health team; discharged two years ago.",
        "Feels low most days and worries about coping once the baby comes.",
    ),
    "substance-alcohol-use": (
        "Partner uses cannabis daily at home; she has stopped since the positive test.",
        "Drank heavily until 8 weeks; now abstinent and wants support to stay so.",
        "In recovery from opioid use; engaged with the local treatment service.",
    ),
    "parent-under-20": (
        "She will be under 20 when the baby is born; living with her mother.",
        "Young parent, still at college; baby's father is also under 20.",
    ),
    "housing-financial-insecurity": (
        "Living in temporary accommodation after an eviction; on the housing register.",
        "Rent arrears and debts; worried about affording things for the baby.",
        "Overcrowded flat shared with extended family; damp in the bedroom.",
    ),
    "learning-disability": (
        "Mild learning disability; prefers easy-read information and extra time.",
        "Difficulty reading; her partner helps with letters and appointments.",
    ),
    "care-experienced-parent": (
        "Care leaver; has a personal adviser until she is 25.",
        "Baby's father grew up in foster care; little family support on either side.",
    ),
    "previous-social-care": (
        "Children's social care involved with an older child, case closed last year.",
        "An older child lives with grandparents under a special guardianship order.",
    ),
    "limited-support-network": (
        "Moved to the area recently for work; no family nearby.",
        "Partner works away for weeks at a time; few friends locally.",
        "Estranged from her family; one close friend who lives in another city.",
    ),
    "language-barrier": (
        "Speaks little English; needs an interpreter for every appointment.",
        "Recently arrived in the UK; finds letters and phone calls in English hard.",
    ),
    "professional-judgement": (
        "Seemed very anxious and withdrawn at booking; midwife would value a joint visit.",
        "Several missed appointments in her last pregnancy; wants to engage this time.",
    ),
}
GENERIC_DETAIL = "Concern noted at booking; discussed with her and agreed to refer."


@dataclass(frozen=True)
class Criterion:
    pk: int
    code: str
    label: str


@dataclass(frozen=True)
class ScreenPlan:
    screened_at: datetime
    answers: tuple[tuple[int, bool, str], ...]  # criterion id, met, detail
    reason: str  # empty when no criterion was met

    @property
    def referred(self) -> bool:
        return bool(self.reason)


def active_criteria() -> list[Criterion]:
    """The criteria asked at screens, in the screen's order (one query)."""
    return [
        Criterion(pk, code, label)
        for pk, code, label in EligibilityCriterion.objects.filter(is_active=True)
        .order_by("display_order", "label", "pk")
        .values_list("pk", "code", "label")
    ]


def referral_rate(imd_decile: int | None) -> float:
    """Invented: 9% of bookings in the least deprived decile to 21.6% in the most (a few
    more meet "Parent under 20" or "Language barrier" whatever their area)."""
    return 0.16 if imd_decile is None else 0.09 + 0.014 * (10 - imd_decile)


class Screener:
    def __init__(self, criteria: list[Criterion]) -> None:
        if not criteria:
            raise ValueError(
                "There are no active eligibility criteria to screen bookings with: "
                "run the migrations, which load the default criteria"
            )
        self.criteria = criteria
        asked = {criterion.code for criterion in criteria}
        self.weights = Categorical(
            {code: weight for code, weight in CRITERION_WEIGHTS.items() if code in asked}
        )
        self.asked = asked

    def screen(
        self, rng: Random, story: PregnancyStory, *, booking_at: datetime, rate: float | None
    ) -> ScreenPlan:
        """One screen; `rate` (for the demo midwife's families) overrides how often a
        criterion is met."""
        low, high = SCREEN_AFTER_BOOKING_MINUTES
        screened_at = booking_at + timedelta(minutes=low + int(rng.random() * (high - low)))
        met: list[str] = []
        if story.age_at_booking <= UNDER_20_AGE_AT_BOOKING and "parent-under-20" in self.asked:
            met.append("parent-under-20")
        if (
            story.identity.interpreter_needed
            and "language-barrier" in self.asked
            and chance(rng, LANGUAGE_BARRIER_WHEN_INTERPRETER)
        ):
            met.append("language-barrier")
        if rate is None:
            rate = referral_rate(story.home.imd_decile)
        if not met and chance(rng, rate):
            met.append(self.weights.draw(rng))
        if len(met) == 1 and chance(rng, SECOND_CRITERION):
            second = self.weights.draw(rng)
            if second not in met:
                met.append(second)
        details = {code: pick(rng, DETAILS.get(code, (GENERIC_DETAIL,))) for code in met}
        answers = tuple(
            (criterion.pk, criterion.code in details, details.get(criterion.code, ""))
            for criterion in self.criteria
        )
        reason = "\n".join(
            f"{criterion.label}: {details[criterion.code]}"
            for criterion in self.criteria
            if criterion.code in details
        )
        return ScreenPlan(screened_at, answers, reason)
