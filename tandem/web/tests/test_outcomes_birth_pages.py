"""Recording and changing a birth through its pages: how many babies, then the labour and
each baby; errors name the baby and sit at its field; a stale edit answers 409."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tandem.core.models import AuditAction, AuditEvent
from tandem.outcomes.models import Baby, LabourDelivery, RobsonGroup
from tandem.outcomes.tests.factories import BabyFactory, LabourDeliveryFactory
from tandem.web.tests.conftest import assert_field_error, date_fields, page_text

pytestmark = pytest.mark.django_db

YESTERDAY = timezone.localdate() - timedelta(days=1)


def _baby_data(n: int, **overrides) -> dict:
    data = {
        **date_fields(f"baby_{n}_born_date", YESTERDAY),
        f"baby_{n}_born_time": f"14:{10 * n}",
        f"baby_{n}_outcome": "01",
        f"baby_{n}_delivery_method": "0",
        f"baby_{n}_presentation": "01",
        f"baby_{n}_gestation_weeks": "36",
        f"baby_{n}_gestation_extra_days": "2",
        f"baby_{n}_place_of_birth": "01",
        f"baby_{n}_apgar_5": "9",
        f"baby_{n}_birth_weight_g": "2450",
        f"baby_{n}_first_feed": "01",
        f"baby_{n}_neonatal_admission": "no",
    }
    return {**data, **{f"baby_{n}_{key}": value for key, value in overrides.items()}}


def twins_form_data(**overrides) -> dict:
    data = {
        "onset_method": "1",
        **date_fields("labour_onset_date", YESTERDAY),
        "labour_onset_time": "06:30",
        **date_fields("caesarean_date", None),
        "caesarean_time": "",
        "genital_tract_trauma": "6234006",
        "blood_loss_ml": "650",
        "smoking_status_delivery": "non_smoker",
        **_baby_data(1),
        **_baby_data(2),
    }
    return {**data, **overrides}


def _new_url(personas, babies=None) -> str:
    url = reverse("web:birth-new", args=[personas.pregnancy.pk])
    return f"{url}?babies={babies}" if babies else url


def test_birth_new_asks_how_many_babies_first(client, personas):
    client.force_login(personas.midwife)

    response = client.get(_new_url(personas))

    body = page_text(response)
    assert response.status_code == 200
    assert "How many babies were born?" in body
    assert 'method="get"' in body
    assert AuditEvent.objects.get(action=AuditAction.VIEW).object_type == "pregnancy"


def test_birth_new_for_twins_shows_a_group_of_fields_per_baby(client, personas):
    client.force_login(personas.midwife)

    body = page_text(client.get(_new_url(personas, 2)))

    assert "<h2>Baby 1</h2>" in body and "<h2>Baby 2</h2>" in body
    assert 'name="baby_2_gestation_weeks"' in body
    assert "baby_3_" not in body


def test_midwife_records_twins_and_the_pregnancy_is_delivered(client, personas):
    client.force_login(personas.midwife)

    response = client.post(_new_url(personas, 2), twins_form_data())

    assert response.status_code == 302
    assert response.url == reverse("web:woman", args=[personas.woman.pk])
    labour = LabourDelivery.objects.get(pregnancy=personas.pregnancy)
    assert (labour.births_count, labour.robson_group) == (2, RobsonGroup.G8)
    assert labour.birth_date == YESTERDAY
    assert labour.genital_tract_trauma == "6234006"
    # 36 weeks and 2 days is stored as 254 days.
    assert list(labour.babies.values_list("birth_order", "gestation_days")) == [(1, 254), (2, 254)]
    personas.pregnancy.refresh_from_db()
    assert (personas.pregnancy.status, personas.pregnancy.ended_on) == ("delivered", YESTERDAY)


def test_bad_gestation_for_the_second_twin_is_shown_at_its_field_and_nothing_saved(
    client, personas
):
    client.force_login(personas.midwife)

    response = client.post(
        _new_url(personas, 2), twins_form_data(**_baby_data(2, gestation_weeks="46"))
    )

    assert response.status_code == 200
    assert_field_error(
        response,
        "baby_2_gestation_weeks",
        "Baby 2: gestation at birth must be between 20+1 and 45+0 weeks",
    )
    assert not LabourDelivery.objects.exists()
    assert not Baby.objects.exists()


def test_extra_days_of_gestation_over_6_are_refused_by_the_form(client, personas):
    client.force_login(personas.midwife)

    response = client.post(
        _new_url(personas, 2), twins_form_data(**_baby_data(1, gestation_extra_days="7"))
    )

    assert_field_error(
        response,
        "baby_1_gestation_extra_days",
        "Baby 1: the extra days of gestation must be from 0 to 6",
    )
    assert not LabourDelivery.objects.exists()


def test_caesarean_date_with_no_caesarean_baby_is_shown_at_the_caesarean_date(client, personas):
    client.force_login(personas.midwife)
    data = twins_form_data(**date_fields("caesarean_date", YESTERDAY), caesarean_time="14:00")

    response = client.post(_new_url(personas, 2), data)

    assert_field_error(
        response,
        "caesarean_date_day",
        "A caesarean date is entered but no baby was delivered by caesarean section: "
        "check the date or the delivery method",
    )


def test_birth_new_when_a_birth_is_recorded_goes_back_to_the_record(client, personas):
    BabyFactory(labour_delivery__pregnancy=personas.pregnancy)
    client.force_login(personas.midwife)

    response = client.get(_new_url(personas, 1))

    assert response.status_code == 302
    assert response.url == reverse("web:woman", args=[personas.woman.pk])


def _edit_data(labour, babies, **overrides) -> dict:
    data = twins_form_data(version=str(labour.version))
    for n, baby in enumerate(babies, start=1):
        data[f"baby_{n}_version"] = str(baby.version)
    return {**data, **overrides}


def test_birth_edit_shows_what_is_recorded(client, personas):
    labour = LabourDeliveryFactory(pregnancy=personas.pregnancy, blood_loss_ml=820)
    BabyFactory(labour_delivery=labour, gestation_days=277)
    client.force_login(personas.health_visitor)

    response = client.get(reverse("web:birth-edit", args=[labour.pk]))

    body = page_text(response)
    assert 'name="blood_loss_ml" type="text" value="820"' in body
    # 277 days is 39 weeks and 4 days.
    assert 'name="baby_1_gestation_weeks" type="text" value="39"' in body
    assert 'name="baby_1_gestation_extra_days" type="text" value="4"' in body
    assert AuditEvent.objects.get(action=AuditAction.VIEW).object_type == "labour_delivery"


def test_birth_edit_saves_changes(client, personas):
    labour = LabourDeliveryFactory(pregnancy=personas.pregnancy)
    babies = [BabyFactory(labour_delivery=labour, birth_order=n) for n in (1, 2)]
    client.force_login(personas.midwife)

    response = client.post(
        reverse("web:birth-edit", args=[labour.pk]),
        _edit_data(labour, babies, blood_loss_ml="1600"),
    )

    assert response.status_code == 302
    labour.refresh_from_db()
    assert (labour.blood_loss_ml, labour.version) == (1600, 2)
    assert Baby.objects.get(pk=babies[1].pk).birth_weight_g == 2450


def test_birth_edit_from_a_stale_version_answers_409_and_keeps_what_she_typed(client, personas):
    labour = LabourDeliveryFactory(pregnancy=personas.pregnancy)
    babies = [BabyFactory(labour_delivery=labour, birth_order=n) for n in (1, 2)]
    stale = _edit_data(labour, babies, blood_loss_ml="1234")
    client.force_login(personas.midwife)
    client.post(reverse("web:birth-edit", args=[labour.pk]), _edit_data(labour, babies))

    response = client.post(reverse("web:birth-edit", args=[labour.pk]), stale)

    assert response.status_code == 409
    body = page_text(response)
    assert "Someone else changed this record while you were editing it" in body
    assert 'value="1234"' in body
    labour.refresh_from_db()
    assert labour.blood_loss_ml == 650


def test_outsider_cannot_post_a_birth_for_a_family_outside_her_areas(client, personas):
    client.force_login(personas.outsider)

    response = client.post(_new_url(personas, 2), twins_form_data())

    assert response.status_code == 404
    assert not LabourDelivery.objects.exists()


def test_reviewer_cannot_post_a_birth(client, personas):
    client.force_login(personas.reviewer)

    response = client.post(_new_url(personas, 2), twins_form_data())

    assert response.status_code == 403
    assert not LabourDelivery.objects.exists()


def test_midnight_twins_date_of_first_is_the_birth_date(client, personas):
    client.force_login(personas.midwife)
    before_midnight = {**date_fields("baby_1_born_date", YESTERDAY - timedelta(days=1))}
    data = twins_form_data(
        **date_fields("labour_onset_date", YESTERDAY - timedelta(days=1)),
        **before_midnight,
        baby_1_born_time="23:55",
        **date_fields("baby_2_born_date", YESTERDAY),
        baby_2_born_time="00:10",
    )

    client.post(_new_url(personas, 2), data)

    labour = LabourDelivery.objects.get()
    assert labour.birth_date == YESTERDAY - timedelta(days=1)
    assert isinstance(labour.birth_date, date)


def test_labour_onset_time_without_its_date_asks_for_the_date(client, personas):
    client.force_login(personas.midwife)
    data = twins_form_data(**date_fields("labour_onset_date", None), labour_onset_time="06:30")

    response = client.post(_new_url(personas, 2), data)

    assert_field_error(response, "labour_onset_date_day", "Enter the date labour started")
    assert not LabourDelivery.objects.exists()


def test_midwife_records_the_interventions_and_the_record_shows_them(client, personas):
    client.force_login(personas.midwife)

    response = client.post(
        _new_url(personas, 2),
        twins_form_data(episiotomy="yes", anaesthesia="epidural", oxytocin_augmentation="no"),
    )

    assert response.status_code == 302
    labour = LabourDelivery.objects.get(pregnancy=personas.pregnancy)
    assert (labour.episiotomy, labour.anaesthesia, labour.oxytocin_augmentation) == (
        True,
        "epidural",
        False,
    )
    body = page_text(client.get(reverse("web:birth-edit", args=[labour.pk])))
    assert 'name="episiotomy" type="radio" value="yes" checked' in body
    assert 'value="epidural" selected' in body
    record = page_text(client.get(reverse("web:woman", args=[personas.woman.pk])))
    assert "Epidural, spinal or general anaesthetic" in record
    assert re.search(
        r"Epidural, spinal or general anaesthetic\s*</dt>\s*<dd[^>]*>\s*Epidural\s*</dd>", record
    )
    assert re.search(r"Episiotomy\s*</dt>\s*<dd[^>]*>\s*Yes\s*</dd>", record)


@pytest.mark.parametrize("code", ["04", "XX"])
def test_the_form_offers_only_presentations_whose_meaning_is_known(client, personas, code):
    # An extract may carry MSDS codes 04 and XX; a midwife records what she saw.
    client.force_login(personas.midwife)

    page = client.get(_new_url(personas, 2)).content.decode()
    response = client.post(
        _new_url(personas, 2), twins_form_data(**_baby_data(1, presentation=code))
    )

    assert 'name="baby_1_presentation" type="radio" value="03"' in page
    assert f'name="baby_1_presentation" type="radio" value="{code}"' not in page
    assert_field_error(response, "baby_1_presentation", "Choose the presentation of baby 1")
    assert not LabourDelivery.objects.exists()
