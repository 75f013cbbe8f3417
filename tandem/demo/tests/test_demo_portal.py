"""The demo has a woman's own sign-in: one of the demo midwife's women, listed with the staff
sign-ins, who signs in with the demo password and lands on her portal."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from tandem.careplans.models import PlanSection
from tandem.careplans.services import current_sections, plan_for
from tandem.core.models import User
from tandem.core.roles import Role
from tandem.demo.accounts import DEMO_PASSWORD, DEMO_USERNAMES
from tandem.demo.tests.support import generate
from tandem.portal.services import woman_of

pytestmark = pytest.mark.django_db


def test_demo_woman_signs_in_to_her_own_portal(client):
    generate(pregnancies=200, seed=3, today=date(2026, 11, 23))
    user = User.objects.get(username=DEMO_USERNAMES[Role.WOMAN])
    woman = woman_of(user)
    midwife = User.objects.get(username=DEMO_USERNAMES[Role.MIDWIFE]).practitioner

    assert woman is not None
    pregnancy = woman.pregnancies.get(status="active")
    assert pregnancy.named_midwife == midwife
    assert (user.first_name, user.last_name) == (woman.given_name, woman.family_name)
    plan = plan_for(pregnancy, by=user)
    assert current_sections(plan, for_woman=True)[PlanSection.WHAT_MATTERS] is not None

    listing = StringIO()
    call_command("demo_sign_ins", stdout=listing)
    assert f"{DEMO_USERNAMES[Role.WOMAN]}" in listing.getvalue()
    assert str(woman) in listing.getvalue()

    response = client.post(
        reverse("web:sign-in"),
        {"username": DEMO_USERNAMES[Role.WOMAN], "password": DEMO_PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("web:portal-home")
    assert str(midwife) in response.content.decode()
