"""tandem.access's portal rules: a woman's sign-in reaches her own pregnancies and nothing
else; staff reach nothing through them; her sign-in reaches nothing through staff rules."""

import pytest
from django.http import Http404

from tandem import access
from tandem.portal.services import woman_of
from tandem.portal.tests.factories import woman_user
from tandem.records.models import PregnancyStatus
from tandem.records.tests.factories import PregnancyFactory

pytestmark = pytest.mark.django_db


def test_she_reaches_her_own_pregnancies_only(personas):
    earlier = PregnancyFactory(woman=personas.woman, status=PregnancyStatus.DELIVERED)
    other = PregnancyFactory(team=personas.adswood_team)
    user = woman_user(personas.woman)

    assert set(access.own_pregnancies(user)) == {personas.pregnancy, earlier}
    assert access.current_own_pregnancy(user) == personas.pregnancy
    assert access.own_pregnancy_for(user, earlier.pk) == earlier
    with pytest.raises(Http404):
        access.own_pregnancy_for(user, other.pk)
    with pytest.raises(Http404):
        access.own_pregnancy_for(user, "not-a-number")


def test_her_sign_in_reaches_nothing_through_the_staff_rules(personas):
    user = woman_user(personas.woman)

    assert not access.visible_pregnancies(user).exists()
    assert not access.visible_women(user).exists()
    assert not access.can_see_identifiers(user)


def test_staff_reach_nothing_through_her_rules(personas):
    for staff in personas.everyone.values():
        assert woman_of(staff) is None
        assert not access.own_pregnancies(staff).exists()


def test_an_inactive_sign_in_reaches_nothing(personas):
    user = woman_user(personas.woman)
    user.is_active = False
    user.save()

    assert woman_of(user) is None
    assert not access.own_pregnancies(user).exists()
