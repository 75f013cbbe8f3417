"""Registering a woman: her details are checked, her postcode placed, the act audited."""

from datetime import timedelta

import factory
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tandem.core.models import AuditAction, AuditEvent
from tandem.core.nhs_number import format_nhs_number
from tandem.records.codes import EthnicGroup
from tandem.records.models import Lsoa, Postcode, Woman
from tandem.records.services import register_woman
from tandem.records.tests.factories import WomanFactory
from tandem.records.tests.personas import ADSWOOD_LSOA, ADSWOOD_POSTCODE


def details(**overrides) -> dict:
    """Valid registration details (the factory's), with the given ones changed."""
    return factory.build(dict, FACTORY_CLASS=WomanFactory) | overrides


def years_ago(years: int):
    """Her date of birth if she turns `years` old today."""
    today = timezone.localdate()
    if (today.month, today.day) == (2, 29):
        today -= timedelta(days=1)
    return today.replace(year=today.year - years)


def test_register_woman_derives_lsoa_and_decile_from_postcode(personas):
    woman = register_woman(by=personas.midwife, **details(postcode=ADSWOOD_POSTCODE))

    lookup = Postcode.objects.get(postcode=ADSWOOD_POSTCODE)
    woman.refresh_from_db()
    assert woman.lsoa_code == lookup.lsoa11_code == ADSWOOD_LSOA
    assert woman.imd_decile == Lsoa.objects.get(code=ADSWOOD_LSOA).imd_decile == 2


def test_register_woman_normalises_postcode_typed_in_lower_case_without_space(personas):
    woman = register_woman(by=personas.midwife, **details(postcode=" sk38lg "))

    assert (woman.postcode, woman.lsoa_code) == (ADSWOOD_POSTCODE, ADSWOOD_LSOA)


@pytest.mark.parametrize("postcode", ["ZZ99 3VZ", "SW1A 1AA"])
def test_register_woman_keeps_unknown_postcode_without_lsoa(personas, postcode):
    woman = register_woman(by=personas.midwife, **details(postcode=postcode))

    woman.refresh_from_db()
    assert (woman.postcode, woman.lsoa_code, woman.imd_decile) == (postcode, "", None)


def test_register_woman_writes_audit_event_with_actor_and_person(personas):
    woman = register_woman(by=personas.midwife, **details())

    event = AuditEvent.objects.get()
    assert (event.actor_id, event.actor_username, event.actor_role) == (
        personas.midwife.pk,
        "midwife",
        "midwife",
    )
    assert (event.action, event.object_type) == (AuditAction.CREATE, "woman")
    assert (event.object_id, event.person_id) == (str(woman.pk), woman.pk)


@pytest.mark.parametrize(
    ("code", "group"),
    [("Z", EthnicGroup.NOT_STATED), ("99", EthnicGroup.NOT_KNOWN)],
    ids=["not-stated", "not-known"],
)
def test_register_woman_keeps_not_stated_and_not_known_as_given(personas, code, group):
    woman = register_woman(by=personas.midwife, **details(ethnic_category=code))

    woman.refresh_from_db()
    assert (woman.ethnic_category, woman.ethnic_group) == (code, group)


@pytest.mark.parametrize("empty", ["", None, "omitted"])
def test_register_woman_without_ethnic_category_is_never_recorded(personas, empty):
    given = details(ethnic_category=empty)
    if empty == "omitted":
        del given["ethnic_category"]

    woman = register_woman(by=personas.midwife, **given)

    woman.refresh_from_db()
    assert (woman.ethnic_category, woman.ethnic_group) == ("", EthnicGroup.MISSING)
    assert woman.ethnic_group not in {EthnicGroup.NOT_STATED, EthnicGroup.NOT_KNOWN}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        pytest.param("nhs_number", "9434765918", id="nhs-number-bad-check-digit"),
        pytest.param("nhs_number", "943476591", id="nhs-number-nine-digits"),
        pytest.param("nhs_number", "94347659190", id="nhs-number-eleven-digits"),
        pytest.param("nhs_number", "94347659A9", id="nhs-number-letter"),
        pytest.param("date_of_birth", None, id="no-date-of-birth"),
        pytest.param("given_name", "", id="no-given-name"),
        pytest.param("family_name", "   ", id="blank-family-name"),
        pytest.param("postcode", "SK3", id="postcode-outward-only"),
        pytest.param("postcode", "12345", id="postcode-digits"),
        pytest.param("postcode", "", id="no-postcode"),
        pytest.param("ethnic_category", "X", id="unknown-ethnic-code"),
        pytest.param("main_language", "klingon", id="unknown-language"),
    ],
)
def test_register_woman_rejects_bad_input_on_its_field(personas, field, value):
    with pytest.raises(ValidationError) as error:
        register_woman(by=personas.midwife, **details(**{field: value}))

    assert list(error.value.message_dict) == [field]
    assert Woman.objects.count() == 1  # the personas' woman only
    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize(
    "date_of_birth",
    [
        pytest.param(timezone.localdate, id="born-today-is-too-young"),
        pytest.param(lambda: timezone.localdate() + timedelta(days=1), id="in-the-future"),
        pytest.param(lambda: years_ago(9), id="nine-years-old"),
        pytest.param(lambda: years_ago(61), id="sixty-one"),
    ],
)
def test_register_woman_rejects_implausible_date_of_birth(personas, date_of_birth):
    with pytest.raises(ValidationError) as error:
        register_woman(by=personas.midwife, **details(date_of_birth=date_of_birth()))

    assert list(error.value.message_dict) == ["date_of_birth"]
    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize("age", [10, 60])
def test_register_woman_accepts_ages_at_the_limits(personas, age):
    woman = register_woman(by=personas.midwife, **details(date_of_birth=years_ago(age)))

    assert woman.age_on(timezone.localdate()) == age


@pytest.mark.parametrize("typed", [str, format_nhs_number], ids=["as-stored", "in-groups"])
def test_register_woman_rejects_duplicate_nhs_number_however_typed(personas, typed):
    existing = personas.woman.nhs_number

    with pytest.raises(ValidationError) as error:
        register_woman(by=personas.midwife, **details(nhs_number=typed(existing)))

    assert list(error.value.message_dict) == ["nhs_number"]
    assert Woman.objects.filter(nhs_number=existing).count() == 1
    assert not AuditEvent.objects.exists()


def test_register_woman_reports_every_bad_field_at_once(personas):
    with pytest.raises(ValidationError) as error:
        register_woman(
            by=personas.midwife,
            **details(nhs_number="123", given_name="", postcode="nowhere", ethnic_category="X"),
        )

    assert set(error.value.message_dict) == {
        "nhs_number",
        "given_name",
        "postcode",
        "ethnic_category",
    }
