"""Who sees whose record: caseload, team, area or referral, and nothing else."""

import itertools

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.utils import timezone

from tandem import access
from tandem.core.roles import ROLE_PERMISSIONS, Permission, Role
from tandem.pathway.models import Referral, ReferralStatus
from tandem.records.tests.factories import (
    CareContactFactory,
    PregnancyFactory,
    UserFactory,
    WomanFactory,
)

# Which women each persona sees: the personas' Adswood woman, a Brinnington woman, or none.
EXPECTED = {
    "midwife": {"adswood"},  # her caseload and her team
    "health_visitor": {"adswood"},  # her area
    "team_leader": {"adswood"},  # her team and her area
    "administrator": {"adswood"},  # her area
    "reviewer": set(),  # nobody until someone is referred
    "outsider": {"brinnington"},  # her own area only
    "analyst": set(),
    "system_admin": set(),
}


@pytest.fixture
def records(personas) -> dict:
    """A woman, pregnancy and contact in Adswood (the personas') and in Brinnington."""
    brinnington = PregnancyFactory(
        woman=WomanFactory(given_name="Beth"),
        provider=personas.provider,
        area=personas.brinnington,
    )
    return {
        "adswood": (
            personas.woman,
            personas.pregnancy,
            CareContactFactory(pregnancy=personas.pregnancy),
        ),
        "brinnington": (brinnington.woman, brinnington, CareContactFactory(pregnancy=brinnington)),
    }


def seen(user, records) -> set[str]:
    """Where the user sees records, checking she sees a woman, her pregnancy and her
    contacts together or not at all."""
    women = set(access.visible_women(user))
    pregnancies = set(access.visible_pregnancies(user))
    contacts = set(access.visible_contacts(user))
    places = set()
    for place, (woman, pregnancy, contact) in records.items():
        sees = {woman in women, pregnancy in pregnancies, contact in contacts}
        assert len(sees) == 1, f"{user} sees only part of the {place} record"
        if sees == {True}:
            places.add(place)
    return places


@pytest.mark.parametrize(("persona", "places"), EXPECTED.items())
def test_visible_records_for_each_persona(personas, records, persona, places):
    assert seen(personas.everyone[persona], records) == places


def test_visible_records_for_no_one_signed_out(records):
    assert seen(AnonymousUser(), records) == set()


def test_visible_records_for_no_one_when_user_is_inactive(personas, records):
    personas.midwife.is_active = False
    personas.midwife.save()

    assert seen(personas.midwife, records) == set()


def test_visible_records_for_no_one_when_practitioner_is_inactive(personas, records):
    practitioner = personas.practitioner(personas.team_leader)
    practitioner.is_active = False
    practitioner.save()

    assert seen(personas.team_leader, records) == set()


def test_visible_records_for_no_one_with_a_role_but_no_practitioner(records):
    assert seen(UserFactory(username="no_practitioner", role=Role.MIDWIFE), records) == set()


def test_reviewer_sees_pregnancy_once_referred_in_her_area(personas, records):
    for _, pregnancy, _ in records.values():
        Referral.objects.create(
            pregnancy=pregnancy,
            referred_by=personas.midwife,
            referred_at=timezone.now(),
            reason="Housing insecurity",
        )

    assert seen(personas.reviewer, records) == {"adswood"}  # Brinnington is not her area


def test_reviewer_no_longer_sees_pregnancy_whose_referral_was_withdrawn(personas, records):
    _, pregnancy, _ = records["adswood"]
    Referral.objects.create(
        pregnancy=pregnancy,
        referred_by=personas.midwife,
        referred_at=timezone.now(),
        reason="Housing insecurity",
        status=ReferralStatus.WITHDRAWN,
    )

    assert seen(personas.reviewer, records) == set()


def test_visible_records_have_no_duplicates_when_matched_three_ways(personas, records):
    team_leader = personas.team_leader
    pregnancy = personas.pregnancy
    pregnancy.named_midwife = personas.practitioner(team_leader)  # caseload, team and area
    pregnancy.save()
    CareContactFactory(pregnancy=pregnancy)

    assert access.visible_pregnancies(team_leader).filter(pk=pregnancy.pk).count() == 1
    assert access.visible_women(team_leader).count() == 1
    assert access.visible_contacts(team_leader).count() == 2


@pytest.mark.parametrize(
    ("lookup", "part"),
    [(access.woman_for, 0), (access.pregnancy_for, 1), (access.contact_for, 2)],
    ids=["woman", "pregnancy", "contact"],
)
def test_record_lookup_answers_404_outside_scope(personas, records, lookup, part):
    adswood = records["adswood"][part]

    assert lookup(personas.midwife, adswood.pk) == adswood
    for user, pk in [
        (personas.outsider, adswood.pk),
        (personas.analyst, adswood.pk),
        (AnonymousUser(), adswood.pk),
        (personas.midwife, 0),
        (personas.midwife, "not-a-number"),
        (personas.midwife, None),
    ]:
        with pytest.raises(Http404):
            lookup(user, pk)


@pytest.mark.parametrize(("role", "permission"), list(itertools.product(Role, Permission)))
def test_can_matches_role_permissions(role, permission):
    user = UserFactory.build(role=role)

    assert access.can(user, permission) is (permission in ROLE_PERMISSIONS[role])


@pytest.mark.parametrize("permission", list(Permission))
def test_can_refuses_signed_out_inactive_and_roleless_users(permission):
    inactive_team_leader = UserFactory.build(role=Role.TEAM_LEADER, is_active=False)

    for user in (None, AnonymousUser(), inactive_team_leader, UserFactory.build(role="")):
        assert access.can(user, permission) is False
