"""factory_boy factories for care plans. Synthetic data only.

Versions are written through the service in tests of behaviour; `SectionVersionFactory`
is for setting up a plan's history quickly (an append-only row, created once).
"""

import factory

from tandem.careplans.models import Author, CarePlan, PlanSection, SectionVersion
from tandem.records.tests.factories import PregnancyFactory, UserFactory

HER_WORDS = "Być razem z moją mamą.\nI want the lights low and my own music."

PLACE_DECIDED = {
    "place": "alongside_mu",
    "risks_discussed_by": "Sam Persona, community midwife",
    "risks_discussed_on": "2026-01-15",
    "risks_discussion": "Transfer rates and times from the midwifery unit; she chose it.",
}


class CarePlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CarePlan

    pregnancy = factory.SubFactory(PregnancyFactory)


class SectionVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SectionVersion

    plan = factory.SubFactory(CarePlanFactory)
    section = PlanSection.WHAT_MATTERS
    number = factory.Sequence(lambda n: n + 1)
    content = factory.LazyFunction(lambda: {"text": HER_WORDS})
    author = factory.SubFactory(UserFactory)
    written_by = Author.CLINICIAN
