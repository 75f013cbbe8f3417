"""Booking a pregnancy: the EDD, gestation and area follow from what the midwife enters."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import factory
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tandem.core.gestation import Gestation
from tandem.core.models import AuditAction, AuditEvent
from tandem.records.models import EddMethod, Pregnancy, PregnancyStatus, Team, Woman
from tandem.records.services import book_pregnancy, register_and_book
from tandem.records.tests.factories import (
    AreaFactory,
    AreaLsoaFactory,
    OrganisationFactory,
    TeamFactory,
    WomanFactory,
)
from tandem.records.tests.personas import ADSWOOD_LSOA, ADSWOOD_POSTCODE

LONDON = ZoneInfo("Europe/London")


def days_ago(days: int):
    return timezone.localdate() - timedelta(days=days)


@pytest.fixture
def woman(personas) -> Woman:
    """An Adswood woman with no pregnancy yet."""
    return WomanFactory(postcode=ADSWOOD_POSTCODE, lsoa_code=ADSWOOD_LSOA)


# Parity must be entered at booking (0 if none), never assumed.
FIRST_BABY = {"previous_live_births": 0, "previous_stillbirths": 0, "previous_caesareans": 0}


@pytest.fixture
def book(personas, woman):
    """Books a first pregnancy for `woman` with the personas' provider, as the midwife."""

    def book(**details) -> Pregnancy:
        return book_pregnancy(
            by=personas.midwife, woman=woman, provider=personas.provider, **FIRST_BABY | details
        )

    return book


def rejected(book, **details) -> set[str]:
    """The fields a booking with these details is rejected on; nothing must be saved."""
    with pytest.raises(ValidationError) as error:
        book(**details)
    assert Pregnancy.objects.count() == 1  # the personas' pregnancy only
    assert not AuditEvent.objects.exists()
    return set(error.value.message_dict)


def test_book_pregnancy_derives_edd_from_lmp(book):
    pregnancy = book(lmp=days_ago(70))

    assert pregnancy.edd == days_ago(70) + timedelta(days=280)
    assert pregnancy.edd_method == EddMethod.LMP


def test_book_pregnancy_prefers_scan_edd_to_lmp(book):
    scan_edd = days_ago(70) + timedelta(days=287)

    pregnancy = book(lmp=days_ago(70), edd_scan=scan_edd)

    assert (pregnancy.edd, pregnancy.edd_method) == (scan_edd, EddMethod.SCAN)


def test_book_pregnancy_with_scan_edd_only(book):
    pregnancy = book(edd_scan=days_ago(-200))

    assert (pregnancy.lmp, pregnancy.edd, pregnancy.edd_method) == (
        None,
        days_ago(-200),
        EddMethod.SCAN,
    )


def test_book_pregnancy_gestation_is_computed_for_the_day_asked(book, time_machine):
    time_machine.move_to(datetime(2026, 3, 2, 12, tzinfo=LONDON), tick=False)
    pregnancy = book(lmp=date(2026, 1, 5))
    assert pregnancy.gestation_on(timezone.localdate()) == Gestation.of(8)

    time_machine.move_to(datetime(2026, 3, 19, 12, tzinfo=LONDON), tick=False)

    pregnancy.refresh_from_db()
    assert pregnancy.gestation_on(timezone.localdate()) == Gestation.of(10, 3)
    assert not [f.name for f in Pregnancy._meta.fields if "gestation" in f.name]


def test_book_pregnancy_gestation_at_booking(book):
    pregnancy = book(lmp=days_ago(70), booking_date=days_ago(7))

    assert pregnancy.gestation_at_booking == Gestation.of(9)
    assert str(pregnancy.gestation_at_booking) == "9+0"


def test_book_pregnancy_derives_area_from_womans_lsoa(personas, book):
    assert book(lmp=days_ago(70)).area == personas.adswood


def test_book_pregnancy_leaves_area_empty_when_lsoa_is_outside_providers_areas(personas):
    elsewhere = WomanFactory(lsoa_code="")
    other_provider_lsoa = WomanFactory(lsoa_code="E01005124")
    AreaLsoaFactory(
        area=AreaFactory(organisation=OrganisationFactory(ods_code="R0A")),
        lsoa_code="E01005124",
    )

    for woman in (elsewhere, other_provider_lsoa):
        pregnancy = book_pregnancy(
            by=personas.midwife,
            woman=woman,
            provider=personas.provider,
            lmp=days_ago(70),
            **FIRST_BABY,
        )
        assert pregnancy.area is None


def test_book_pregnancy_writes_audit_event(personas, woman, book):
    pregnancy = book(lmp=days_ago(70))

    event = AuditEvent.objects.get()
    assert (event.actor_id, event.action, event.object_type) == (
        personas.midwife.pk,
        AuditAction.CREATE,
        "pregnancy",
    )
    assert (event.object_id, event.person_id) == (str(pregnancy.pk), woman.pk)


@pytest.mark.parametrize(
    ("days_before_today", "field"),
    [
        pytest.param({}, "lmp", id="neither-lmp-nor-edd"),
        pytest.param({"lmp": -1}, "lmp", id="lmp-in-the-future"),
        pytest.param({"lmp": 70, "edd_scan": 71}, "edd_scan", id="scan-edd-before-lmp"),
        pytest.param({"lmp": 70, "edd_scan": 70}, "edd_scan", id="scan-edd-on-lmp"),
        pytest.param({"lmp": 45 * 7 + 1}, "lmp", id="lmp-45+1-weeks-ago"),
        pytest.param({"edd_scan": 5 * 7 + 1}, "edd_scan", id="scan-edd-makes-45+1-weeks"),
        pytest.param({"edd_scan": -281}, "edd_scan", id="scan-edd-before-pregnancy-began"),
        pytest.param({"lmp": 70, "edd_scan": -300}, "edd_scan", id="scan-edd-not-yet-begun"),
        pytest.param({"lmp": 70, "booking_date": -1}, "booking_date", id="booking-in-future"),
        pytest.param({"lmp": 70, "booking_date": 71}, "booking_date", id="booking-before-lmp"),
    ],
)
def test_book_pregnancy_rejects_bad_dates_on_their_field(book, days_before_today, field):
    dates = {name: days_ago(days) for name, days in days_before_today.items()}

    assert rejected(book, **dates) == {field}


def test_book_pregnancy_rejects_unknown_status(book):
    assert "status" in rejected(book, lmp=days_ago(70), status="lost")


def test_book_pregnancy_needs_previous_births_entered(book):
    assert rejected(book, lmp=days_ago(70), previous_stillbirths=None) == {"previous_stillbirths"}


def test_book_pregnancy_rejects_booking_beyond_45_weeks(book):
    assert rejected(
        book,
        lmp=days_ago(400),
        booking_date=days_ago(400 - 45 * 7 - 1),
        status=PregnancyStatus.DELIVERED,
        ended_on=days_ago(400 - 40 * 7),
    ) == {"booking_date"}


def test_book_pregnancy_needs_end_date_exactly_when_not_active(book):
    assert rejected(book, lmp=days_ago(70), status=PregnancyStatus.ENDED) == {"ended_on"}
    assert rejected(book, lmp=days_ago(70), ended_on=days_ago(1)) == {"ended_on"}

    ended = book(lmp=days_ago(70), status=PregnancyStatus.ENDED, ended_on=days_ago(1))
    assert ended.ended_on == days_ago(1)


def test_book_pregnancy_rejects_end_date_before_the_pregnancy_began(book):
    assert rejected(
        book, lmp=days_ago(70), status=PregnancyStatus.ENDED, ended_on=days_ago(71)
    ) == {"ended_on"}


@pytest.mark.parametrize(
    ("counts", "field"),
    [
        ({"previous_live_births": 1, "previous_caesareans": 2}, "previous_caesareans"),
        ({"previous_live_births": 21}, "previous_live_births"),
        ({"previous_stillbirths": 21}, "previous_stillbirths"),
        ({"previous_caesareans": 21, "previous_live_births": 20}, "previous_caesareans"),
        ({"previous_live_births": -1}, "previous_live_births"),
    ],
)
def test_book_pregnancy_rejects_impossible_previous_births(book, counts, field):
    assert rejected(book, lmp=days_ago(70), **counts) == {field}


def test_book_pregnancy_accepts_caesareans_equal_to_previous_births(book):
    pregnancy = book(
        lmp=days_ago(70), previous_live_births=1, previous_stillbirths=1, previous_caesareans=2
    )

    assert (pregnancy.previous_births, pregnancy.is_nulliparous) == (2, False)


def test_book_pregnancy_rejects_named_midwife_who_is_not_a_midwife(personas, book):
    for colleague in (personas.health_visitor, personas.administrator):
        named = personas.practitioner(colleague)
        assert rejected(book, lmp=days_ago(70), named_midwife=named) == {"named_midwife"}


def test_book_pregnancy_rejects_team_and_area_of_another_organisation(personas, book):
    other = OrganisationFactory(ods_code="R0A", name="Manchester University NHS FT")
    hv_team = Team.objects.get(organisation=personas.council)

    assert rejected(
        book,
        lmp=days_ago(70),
        team=TeamFactory(organisation=other),
        area=AreaFactory(organisation=other),
    ) == {"team", "area"}
    assert rejected(book, lmp=days_ago(70), team=hv_team) == {"team"}


def test_book_pregnancy_rejects_a_provider_that_is_not_maternity(personas, woman):
    with pytest.raises(ValidationError) as error:
        book_pregnancy(
            by=personas.midwife,
            woman=woman,
            provider=personas.council,
            lmp=days_ago(7),
            **FIRST_BABY,
        )

    assert set(error.value.message_dict) == {"provider"}


def test_book_pregnancy_rejects_second_active_pregnancy(personas):
    with pytest.raises(ValidationError) as error:
        book_pregnancy(
            by=personas.midwife,
            woman=personas.woman,
            provider=personas.provider,
            lmp=days_ago(10),
            **FIRST_BABY,
        )

    assert set(error.value.message_dict) == {"lmp"}
    assert personas.woman.pregnancies.count() == 1


# --- Registering and booking together ------------------------------------------------------


def woman_details(**overrides) -> dict:
    return factory.build(dict, FACTORY_CLASS=WomanFactory) | overrides


def test_register_and_book_saves_both(personas):
    woman, pregnancy = register_and_book(
        by=personas.midwife,
        woman_details=woman_details(postcode=ADSWOOD_POSTCODE),
        provider=personas.provider,
        lmp=days_ago(70),
        **FIRST_BABY,
    )

    assert pregnancy.woman == woman
    assert pregnancy.area == personas.adswood
    assert AuditEvent.objects.filter(person_id=woman.pk).count() == 2


def test_register_and_book_with_bad_pregnancy_saves_no_woman(personas):
    details = woman_details()

    with pytest.raises(ValidationError) as error:
        register_and_book(
            by=personas.midwife,
            woman_details=details,
            provider=personas.provider,
            lmp=days_ago(70),
            booking_date=days_ago(-3),
            **FIRST_BABY,
        )

    assert set(error.value.message_dict) == {"booking_date"}
    assert not Woman.objects.filter(nhs_number=details["nhs_number"]).exists()
    assert not AuditEvent.objects.exists()


def test_register_and_book_with_bad_woman_saves_nothing_and_reports_every_error(personas):
    with pytest.raises(ValidationError) as error:
        register_and_book(
            by=personas.midwife,
            woman_details=woman_details(nhs_number="9434765918", postcode="SK3"),
            provider=personas.provider,
            **FIRST_BABY | {"previous_caesareans": 1},
        )

    assert set(error.value.message_dict) == {
        "nhs_number",
        "postcode",
        "lmp",
        "previous_caesareans",
    }
    assert (Woman.objects.count(), Pregnancy.objects.count()) == (1, 1)  # the personas'
    assert not AuditEvent.objects.exists()
