"""factory_boy factories for the records app. Synthetic data only."""

import functools
import itertools
from datetime import timedelta

import factory
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from tandem.core.models import User
from tandem.core.nhs_number import check_digit
from tandem.records.models import (
    Area,
    AreaLsoa,
    CareContact,
    ContactOutcome,
    ContactType,
    EddMethod,
    Organisation,
    OrganisationKind,
    Practitioner,
    Pregnancy,
    Profession,
    Team,
    TeamKind,
    Woman,
)

_nhs_serial = itertools.count(1)
TEST_PASSWORD = "correct horse battery staple"


@functools.cache
def _shared_password_hash() -> str:
    return make_password(TEST_PASSWORD)


def next_test_nhs_number() -> str:
    """A valid NHS number from the 999 test range, never a real person's."""
    while True:
        first_nine = f"999{next(_nhs_serial):06d}"
        check = check_digit(first_nine)
        if check is not None:
            return f"{first_nine}{check}"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    role = ""
    # Argon2 is deliberately slow, so every test user shares one hash computed once.
    password = factory.LazyFunction(lambda: _shared_password_hash())


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("ods_code",)

    ods_code = "RWJ"
    name = "Stockport NHS Foundation Trust"
    kind = OrganisationKind.MATERNITY_PROVIDER
    lad_code = "E08000007"


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area
        django_get_or_create = ("organisation", "name")

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Area {n}")


class AreaLsoaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AreaLsoa

    area = factory.SubFactory(AreaFactory)
    lsoa_code = factory.Sequence(lambda n: f"E0199{n:04d}")


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("organisation", "name")

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Team {n}")
    kind = TeamKind.MIDWIFERY


class PractitionerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Practitioner

    given_name = factory.Sequence(lambda n: f"Given{n}")
    family_name = factory.Sequence(lambda n: f"Family{n}")
    profession = Profession.MIDWIFE
    organisation = factory.SubFactory(OrganisationFactory)


class WomanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Woman

    nhs_number = factory.LazyFunction(next_test_nhs_number)
    given_name = factory.Sequence(lambda n: f"Alice{n}")
    family_name = factory.Sequence(lambda n: f"Example{n}")
    date_of_birth = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30 * 365))
    postcode = "SK5 8DL"
    ethnic_category = "A"


class PregnancyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pregnancy

    woman = factory.SubFactory(WomanFactory)
    provider = factory.SubFactory(OrganisationFactory)
    edd = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=140))
    lmp = factory.LazyAttribute(lambda o: o.edd - timedelta(days=280))
    edd_method = EddMethod.LMP
    booking_date = factory.LazyAttribute(lambda o: o.lmp + timedelta(days=63))


class CareContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CareContact

    pregnancy = factory.SubFactory(PregnancyFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
    contact_type = ContactType.ANTENATAL
    outcome = ContactOutcome.ATTENDED
    wellbeing_asked = True
