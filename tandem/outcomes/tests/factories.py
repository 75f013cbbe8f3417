"""factory_boy factories for labours and babies. Synthetic data only.

Both re-derive the labour (births count, birth date, Robson group) after they save, as
every write path must. By default: a spontaneous labour yesterday morning of a woman due
today, and a live, term (40+0), cephalic, spontaneous vaginal birth 8 hours later.
"""

from datetime import datetime, time, timedelta

import factory
from django.utils import timezone

from tandem.outcomes.derivation import derive_labour
from tandem.outcomes.models import (
    Baby,
    DeliveryMethod,
    FetusPresentation,
    FirstFeed,
    LabourAnaesthesia,
    LabourDelivery,
    LabourOnsetMethod,
    PlaceOfBirth,
    PregnancyOutcome,
)
from tandem.records.codes import SmokingStatus
from tandem.records.models import PregnancyStatus
from tandem.records.tests.factories import PregnancyFactory


def yesterday_at(hour: int) -> datetime:
    day = timezone.localdate() - timedelta(days=1)
    return timezone.make_aware(datetime.combine(day, time(hour)))


class LabourDeliveryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LabourDelivery
        skip_postgeneration_save = True

    pregnancy = factory.SubFactory(
        PregnancyFactory,
        edd=factory.LazyFunction(timezone.localdate),
        status=PregnancyStatus.DELIVERED,
        ended_on=factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=1)),
    )
    onset_method = LabourOnsetMethod.SPONTANEOUS
    labour_onset_at = factory.LazyFunction(lambda: yesterday_at(6))
    blood_loss_ml = 300
    episiotomy = False
    anaesthesia = LabourAnaesthesia.NONE
    oxytocin_augmentation = False
    smoking_status_delivery = SmokingStatus.NON_SMOKER

    @factory.post_generation
    def derived(obj, create, extracted, **kwargs):
        if create:
            derive_labour(obj)


class BabyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Baby
        skip_postgeneration_save = True

    labour_delivery = factory.SubFactory(LabourDeliveryFactory)
    birth_order = 1
    born_at = factory.LazyAttribute(
        lambda o: (o.labour_delivery.labour_onset_at or yesterday_at(6)) + timedelta(hours=8)
    )
    outcome = PregnancyOutcome.LIVE_BIRTH
    delivery_method = DeliveryMethod.SPONTANEOUS_VERTEX
    presentation = FetusPresentation.CEPHALIC
    gestation_days = 280
    place_of_birth = PlaceOfBirth.OBSTETRIC_UNIT
    apgar_5 = 9
    birth_weight_g = 3400
    first_feed = FirstFeed.MATERNAL_BREAST_MILK
    neonatal_admission = False

    @factory.post_generation
    def derived(obj, create, extracted, **kwargs):
        if create:
            derive_labour(obj.labour_delivery)


def labour_values(**overrides) -> dict:
    """What a form sends the services for a labour (the factory's labour)."""
    return {
        "onset_method": LabourOnsetMethod.SPONTANEOUS,
        "labour_onset_at": yesterday_at(6),
        "caesarean_at": None,
        "genital_tract_trauma": "",
        "blood_loss_ml": 300,
        "episiotomy": False,
        "anaesthesia": LabourAnaesthesia.NONE,
        "oxytocin_augmentation": False,
        "smoking_status_delivery": SmokingStatus.NON_SMOKER,
        **overrides,
    }


def baby_values(birth_order: int = 1, **overrides) -> dict:
    """What a form sends the services for a baby (the factory's baby, born in order)."""
    return {
        "birth_order": birth_order,
        "born_at": yesterday_at(13 + birth_order),
        "outcome": PregnancyOutcome.LIVE_BIRTH,
        "delivery_method": DeliveryMethod.SPONTANEOUS_VERTEX,
        "presentation": FetusPresentation.CEPHALIC,
        "gestation_days": 280,
        "place_of_birth": PlaceOfBirth.OBSTETRIC_UNIT,
        "apgar_5": 9,
        "birth_weight_g": 3400,
        "first_feed": FirstFeed.MATERNAL_BREAST_MILK,
        "neonatal_admission": False,
        **overrides,
    }
