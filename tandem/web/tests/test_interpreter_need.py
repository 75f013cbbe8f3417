"""Whether she needs an interpreter is yes, no or not recorded: the booking page chooses no
answer for her, "Not recorded" is kept as empty (not "No"), and the interpreter-need measure
counts what was recorded."""

import re

from django.urls import reverse
from django.utils import timezone

from tandem.measures.services import Month
from tandem.measures.tests.factories import measured
from tandem.records.models import Woman
from tandem.records.services import WOMAN_FIELDS
from tandem.web.tests.conftest import date_fields, page_text, pregnancy_form_data, woman_form_data


def _interpreter_inputs(page: str) -> list[str]:
    return re.findall(r'<input[^>]*name="interpreter_needed"[^>]*>', page)


def _book(client, personas, **woman):
    client.force_login(personas.midwife)
    data = {**woman_form_data(**woman), **pregnancy_form_data(personas)}
    return client.post(reverse("web:booking-new"), data), data["nhs_number"]


def test_booking_page_chooses_no_interpreter_answer_for_her(client, personas):
    client.force_login(personas.midwife)

    inputs = _interpreter_inputs(page_text(client.get(reverse("web:booking-new"))))

    assert len(inputs) == 3  # yes, no, not recorded
    assert not [field for field in inputs if "checked" in field]


def test_booking_without_an_interpreter_answer_is_refused_and_saves_nothing(client, personas):
    response, nhs_number = _book(client, personas, interpreter_needed="")

    assert response.status_code == 200
    assert "Select whether she needs an interpreter" in page_text(response)
    assert not Woman.objects.filter(nhs_number=nhs_number).exists()


def test_not_recorded_is_kept_empty_and_counted_as_not_recorded(client, personas):
    today = timezone.localdate()
    _, not_asked = _book(client, personas, main_language="pl", interpreter_needed="unknown")
    _, asked = _book(client, personas, main_language="pl", interpreter_needed="no")

    assert Woman.objects.get(nhs_number=not_asked).interpreter_needed is None
    assert Woman.objects.get(nhs_number=asked).interpreter_needed is False
    rate = measured("interpreter_need_recorded", Month.of(today))
    assert (rate.numerator, rate.denominator) == (1, 2)


def test_edit_page_shows_not_recorded_chosen_and_keeps_it(client, personas):
    woman = personas.woman
    Woman.objects.filter(pk=woman.pk).update(interpreter_needed=None)
    client.force_login(personas.midwife)
    url = reverse("web:woman-edit", args=[woman.pk])

    inputs = _interpreter_inputs(page_text(client.get(url)))

    assert [field for field in inputs if "checked" in field] == [
        next(field for field in inputs if 'value="unknown"' in field)
    ]
    data = {name: getattr(woman, name) for name in WOMAN_FIELDS if name != "date_of_birth"}
    data |= date_fields("date_of_birth", woman.date_of_birth)
    data |= {"interpreter_needed": "unknown", "given_name": "Amira", "version": woman.version}
    assert client.post(url, data).status_code == 302
    woman.refresh_from_db()
    assert (woman.given_name, woman.interpreter_needed) == ("Amira", None)
    record = page_text(client.get(reverse("web:woman", args=[woman.pk])))
    assert re.search(r"Needs an interpreter\s*</dt>\s*<dd[^>]*>\s*Not recorded", record)
