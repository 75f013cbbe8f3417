"""Referrals past the review target (5 working days, Monday to Friday), per role."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tandem.pathway.models import ReferralStatus, ReviewTarget
from tandem.programme import worklists
from tandem.programme.tests.factories import ReferralFactory, adswood_family
from tandem.records.tests.factories import PractitionerFactory, PregnancyFactory

LONDON = ZoneInfo("Europe/London")
REFERRED = datetime(2025, 3, 3, 16, 30, tzinfo=LONDON)  # a Monday afternoon


def _referral(personas, **overrides):
    values = {"pregnancy": adswood_family(personas), "referred_at": REFERRED}
    return ReferralFactory(**{**values, **overrides})


@pytest.mark.parametrize(
    ("now", "overdue"),
    [
        (datetime(2025, 3, 10, 23, 59, tzinfo=LONDON), False),  # the 5th working day
        (datetime(2025, 3, 11, 0, 1, tzinfo=LONDON), True),  # the 6th
    ],
)
def test_overdue_reviews_flags_a_referral_after_its_fifth_working_day(personas, now, overdue):
    with time_machine.travel(REFERRED, tick=False):
        referral = _referral(personas)
    found = list(worklists.overdue_reviews(personas.reviewer, now=now))
    assert (referral in found) is overdue


def test_overdue_reviews_leaves_out_decided_and_more_information(personas):
    now = datetime(2025, 3, 20, 9, tzinfo=LONDON)
    waiting = _referral(personas)
    _referral(personas, status=ReferralStatus.DECIDED)
    _referral(personas, status=ReferralStatus.MORE_INFORMATION_NEEDED)
    assert list(worklists.overdue_reviews(personas.reviewer, now=now)) == [waiting]


def test_overdue_reviews_by_role(personas):
    now = datetime(2025, 3, 20, 9, tzinfo=LONDON)
    hers = _referral(personas)
    colleagues = _referral(
        personas,
        pregnancy=adswood_family(
            personas, named_midwife=PractitionerFactory(organisation=personas.provider)
        ),
    )
    elsewhere = _referral(
        personas,
        pregnancy=PregnancyFactory(provider=personas.provider, area=personas.brinnington),
    )

    def seen(user):
        return set(worklists.overdue_reviews(user, now=now))

    assert seen(personas.midwife) == {hers}  # her families only
    assert seen(personas.health_visitor) == {hers, colleagues}  # her area
    assert seen(personas.reviewer) == {hers, colleagues}
    assert seen(personas.team_leader) == {hers, colleagues}
    assert seen(personas.administrator) == set()  # not a booking alert
    assert seen(personas.outsider) == set()
    assert seen(personas.analyst) == set()
    assert elsewhere not in seen(personas.team_leader)


def test_overdue_reviews_follow_the_target_set_in_the_admin(personas):
    ReviewTarget.objects.update(working_days=10)
    with time_machine.travel(REFERRED, tick=False):
        referral = _referral(personas)
    sixth_working_day = datetime(2025, 3, 11, 9, 0, tzinfo=LONDON)

    assert referral not in worklists.overdue_reviews(personas.reviewer, now=sixth_working_day)
