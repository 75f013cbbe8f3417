"""Fixtures and helpers for the page tests: the woman's sign-in, a contact, a referral, a
colleague, form data."""

import html
from datetime import date, timedelta

import pytest
from django.utils import timezone

from tandem.core.roles import Role
from tandem.pathway.models import Referral
from tandem.portal.models import WomanAccount
from tandem.records.models import Profession
from tandem.records.tests.factories import (
    CareContactFactory,
    PractitionerFactory,
    UserFactory,
    next_test_nhs_number,
)
from tandem.records.tests.personas import ADSWOOD_POSTCODE


@pytest.fixture
def personas(personas):
    """The suite's personas, and the personas' woman with her own portal sign-in."""
    # Made directly, not through open_account, so that tests counting audit events start
    # from an empty trail.
    user = UserFactory(username="woman", role=Role.WOMAN)
    WomanAccount.objects.create(user=user, woman=personas.woman)
    personas.woman_user = user
    return personas


@pytest.fixture
def contact(personas):
    """A contact at which the midwife saw the personas' woman last week."""
    contact = CareContactFactory(pregnancy=personas.pregnancy)
    contact.practitioners.set([personas.midwife.practitioner])
    return contact


@pytest.fixture
def referral(personas):
    """The personas' pregnancy referred to the enhanced pathway, so the reviewer sees it."""
    return Referral.objects.create(
        pregnancy=personas.pregnancy,
        referred_by=personas.midwife,
        referred_at=timezone.now() - timedelta(days=3),
        reason="Synthetic reason for referral",
    )


@pytest.fixture
def colleague(personas):
    """Another midwife in the Adswood team, not named midwife of the personas' woman."""
    user = UserFactory(username="colleague", role=Role.MIDWIFE)
    practitioner = PractitionerFactory(
        user=user,
        profession=Profession.MIDWIFE,
        organisation=personas.provider,
        given_name="Colleague",
        family_name="Persona",
    )
    practitioner.teams.set([personas.adswood_team])
    return user


def date_fields(name: str, value: date | None) -> dict:
    """A date as the three boxes of the NHS.UK date input post it."""
    if value is None:
        return {f"{name}_day": "", f"{name}_month": "", f"{name}_year": ""}
    return {
        f"{name}_day": str(value.day),
        f"{name}_month": str(value.month),
        f"{name}_year": str(value.year),
    }


def woman_form_data(**overrides) -> dict:
    today = timezone.localdate()
    data = {
        "nhs_number": next_test_nhs_number(),
        "given_name": "Bethan",
        "family_name": "Newbooking",
        **date_fields("date_of_birth", today.replace(year=today.year - 28)),
        "postcode": ADSWOOD_POSTCODE,
        "ethnic_category": "N",
        "main_language": "en",
        "interpreter_needed": "no",
        "accessibility_needs": "",
    }
    return {**data, **overrides}


def pregnancy_form_data(personas, **overrides) -> dict:
    today = timezone.localdate()
    data = {
        "provider": str(personas.provider.pk),
        **date_fields("lmp", today - timedelta(weeks=10)),
        **date_fields("edd_scan", None),
        **date_fields("booking_date", today),
        "previous_live_births": "1",
        "previous_stillbirths": "0",
        "previous_caesareans": "0",
        "smoking_status_booking": "non_smoker",
        "named_midwife": str(personas.midwife.practitioner.pk),
        "team": str(personas.adswood_team.pk),
        "area": "",
    }
    return {**data, **overrides}


def page_text(response) -> str:
    return html.unescape(response.content.decode())


def assert_field_error(response, anchor: str, message: str) -> None:
    """The message is in the error summary, linking to the field, and next to the field."""
    body = page_text(response)
    summary = body.split('class="nhsuk-error-summary"', 1)
    assert len(summary) == 2, "no error summary on the page"
    assert f'href="#{anchor}"' in summary[1], f"the error summary does not link to #{anchor}"
    assert body.count(message) >= 2, f"'{message}' is not both in the summary and at the field"
    assert 'class="nhsuk-error-message"' in body
