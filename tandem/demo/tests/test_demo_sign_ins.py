"""`demo_sign_ins` lists one sign-in per role, which really signs in, after generate_demo."""

from datetime import date
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from tandem.core.roles import Role
from tandem.demo.accounts import DEMO_PASSWORD, DEMO_USERNAMES
from tandem.demo.tests.support import generate

pytestmark = pytest.mark.django_db


def sign_ins() -> str:
    out = StringIO()
    call_command("demo_sign_ins", stdout=out)
    return out.getvalue()


def test_demo_sign_ins_before_generation_say_how_to_create_them():
    assert "run `python manage.py generate_demo`" in sign_ins()


def test_demo_sign_ins_list_every_role_with_the_password(rf):
    generate(pregnancies=200, seed=3, today=date(2026, 11, 23))

    listing = sign_ins()

    assert DEMO_PASSWORD in listing
    for role in Role:
        username = DEMO_USERNAMES[role]
        assert username in listing
        assert role.label in listing
        request = rf.post("/sign-in/")
        assert authenticate(request, username=username, password=DEMO_PASSWORD) is not None
