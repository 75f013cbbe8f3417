"""Personalised care and support plans with a few versions, for the demo.

Written for the pregnancies whose named midwife has a Tandem sign-in (the caseloads the demo
accounts see), when the generated MSDS care plan records say a personalised antenatal plan
was agreed: her own words and health needs at booking, her place of birth with its risks
discussion on the day of that antenatal plan, and her labour and postnatal decisions on the
days of the birth and postnatal plans, so the plan and the MSDS records agree. Some women
change their mind about where to give birth. Rows are written in bulk; the plan the demo
woman writes herself (tandem.demo.portal) is left alone.
"""

from datetime import date, datetime, time
from random import Random

from tandem.careplans.models import Author, CarePlan, PlanSection, SectionVersion
from tandem.careplans.sections import FeedingIntention, PlaceOfBirth
from tandem.demo.contacts import LONDON
from tandem.demo.sampling import chance, pick
from tandem.records.models import CarePlanRecord, CarePlanType

PLAN_WRITTEN = 0.8  # of the pregnancies with a personalised antenatal plan agreed
WORDS_REWRITTEN = 0.25
PLACE_CHANGED = 0.15

HER_WORDS = {
    PlanSection.WHAT_MATTERS: (
        "Feeling listened to, and having things explained before they happen.",
        "I want my partner with me all the way through.",
        "A calm birth, with the lights low and my own music if possible.",
        "Being able to move around in labour and use the pool.",
    ),
    PlanSection.HOME_AND_SUPPORT: (
        "I live with my partner. My mum lives nearby and will help after the birth.",
        "I live alone with my daughter. My sister can have her when I go into labour.",
        "We have just moved here and do not know many people yet.",
    ),
    PlanSection.FEARS: (
        "I am scared of needles.",
        "My last birth was long and I was frightened. I worry it will happen again.",
        "Being on my own in hospital.",
    ),
}
HEALTH_NEEDS = (
    "Asthma, well controlled with inhalers.",
    "BMI over 35 at booking: glucose tolerance test at 24 to 28 weeks.",
    "Previous anxiety; no current treatment. Wellbeing asked at every contact.",
    "No health needs identified at booking.",
)
RISKS_DISCUSSION = (
    "Discussed the chance of transfer during labour and the time it takes, and the "
    "birth outcomes for each setting for a woman at low risk. She understands and has chosen."
)
PAIN_RELIEF = ("Water and gas and air first.", "She would like an epidural early.", "TENS machine.")
COMPANIONS = ("Her partner.", "Her mother and her sister.", "Her partner and a doula.")
PLAN_B = (
    "If she needs to transfer, her partner will follow by car.",
    "Happy to have a caesarean if advised; would like skin to skin in theatre.",
)
POSTNATAL_SUPPORT = (
    "Her mother will stay for the first two weeks.",
    "Referred to the local family hub's postnatal group.",
)
CONTRACEPTION = ("Implant at the 6 week check.", "Progestogen-only pill.", "Not decided yet.")


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=LONDON)


def _versions_for(rng: Random, plan: CarePlan, dates: dict[str, date], author_id: int) -> list:
    numbers: dict[PlanSection, int] = {}

    def version(section: PlanSection, content: dict, day: date, hour: int) -> SectionVersion:
        numbers[section] = numbers.get(section, 0) + 1
        return SectionVersion(
            plan=plan,
            section=section,
            number=numbers[section],
            content=content,
            author_id=author_id,
            written_by=Author.CLINICIAN,
            created_at=_at(day, hour),
        )

    antenatal = dates[CarePlanType.ANTENATAL]
    rows = [
        version(section, {"text": pick(rng, words)}, antenatal, 10)
        for section, words in HER_WORDS.items()
    ]
    if chance(rng, WORDS_REWRITTEN):
        words = f"{rows[0].content['text']}\nAnd to be asked before any examination."
        rows.append(version(PlanSection.WHAT_MATTERS, {"text": words}, antenatal, 11))
    rows.append(
        version(
            PlanSection.HEALTH_NEEDS,
            {"needs": pick(rng, HEALTH_NEEDS), "care_arrangements": ""},
            antenatal,
            10,
        )
    )
    place = {
        "place": pick(rng, list(PlaceOfBirth.values)),
        "risks_discussed_by": "Her named midwife",
        "risks_discussed_on": antenatal.isoformat(),
        "risks_discussion": RISKS_DISCUSSION,
    }
    rows.append(version(PlanSection.PLACE_OF_BIRTH, place, antenatal, 11))
    birth = dates.get(CarePlanType.BIRTH)
    if birth is not None:
        if chance(rng, PLACE_CHANGED):
            changed = place | {
                "place": PlaceOfBirth.OBSTETRIC_UNIT,
                "risks_discussed_on": str(birth),
            }
            rows.append(version(PlanSection.PLACE_OF_BIRTH, changed, birth, 10))
        rows += [
            version(PlanSection.PAIN_RELIEF, {"preferences": pick(rng, PAIN_RELIEF)}, birth, 11),
            version(PlanSection.BIRTH_COMPANIONS, {"companions": pick(rng, COMPANIONS)}, birth, 11),
            version(PlanSection.PLAN_B, {"plan": pick(rng, PLAN_B)}, birth, 11),
        ]
    postnatal = dates.get(CarePlanType.POSTNATAL)
    if postnatal is not None:
        feeding = {"intention": pick(rng, list(FeedingIntention.values)), "notes": ""}
        rows += [
            version(PlanSection.INFANT_FEEDING, feeding, postnatal, 12),
            version(
                PlanSection.POSTNATAL_SUPPORT,
                {"support": pick(rng, POSTNATAL_SUPPORT)},
                postnatal,
                12,
            ),
            version(PlanSection.CONTRACEPTION, {"plan": pick(rng, CONTRACEPTION)}, postnatal, 12),
        ]
    return rows


def add_care_plan_versions(rng: Random) -> int:
    """Writes the plans; returns how many."""
    records = (
        CarePlanRecord.objects.filter(
            personalised=True,
            pregnancy__named_midwife__user__isnull=False,
            pregnancy__personal_care_plan__isnull=True,
        )
        .order_by("pregnancy_id", "care_plan_date", "pk")
        .values_list(
            "pregnancy_id", "care_plan_type", "care_plan_date", "pregnancy__named_midwife__user"
        )
    )
    by_pregnancy: dict[int, tuple[dict[str, date], int]] = {}
    for pregnancy_id, plan_type, day, user_id in records:
        dates, _author = by_pregnancy.setdefault(pregnancy_id, ({}, user_id))
        dates.setdefault(plan_type, day)
    chosen = [
        (pregnancy_id, dates, author)
        for pregnancy_id, (dates, author) in by_pregnancy.items()
        if CarePlanType.ANTENATAL in dates and chance(rng, PLAN_WRITTEN)
    ]
    plans = CarePlan.objects.bulk_create(
        [CarePlan(pregnancy_id=pregnancy_id) for pregnancy_id, _dates, _author in chosen]
    )
    versions = []
    for plan, (_pregnancy_id, dates, author) in zip(plans, chosen, strict=True):
        versions += _versions_for(rng, plan, dates, author)
    SectionVersion.objects.bulk_create(versions, batch_size=2000)
    return len(plans)
