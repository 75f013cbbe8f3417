"""Two reviewers deciding, or revising, one referral at the same moment: exactly one wins.

Every test here commits for real (transaction=True) so that two threads can race on one row.
"""

import threading

import pytest
from django.db import connection

from tandem.core.concurrency import EditConflictError
from tandem.core.roles import Role
from tandem.pathway.models import Decision, Referral, ReferralStatus
from tandem.pathway.services import decide, revise_decision
from tandem.pathway.tests.factories import ReferralFactory
from tandem.records.tests.factories import PregnancyFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _race(actions) -> dict[int, str]:
    ready = threading.Barrier(len(actions))
    outcomes: dict[int, str] = {}

    def run(index: int) -> None:
        try:
            ready.wait(timeout=10)
            actions[index]()
            outcomes[index] = "saved"
        except EditConflictError:
            outcomes[index] = "conflict"
        except Exception as error:  # any other failure is shown by the assertion
            outcomes[index] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(actions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def _reviewers():
    return [
        UserFactory(username="first_reviewer", role=Role.SAFEGUARDING_REVIEWER),
        UserFactory(username="second_reviewer", role=Role.SAFEGUARDING_REVIEWER),
    ]


def test_concurrent_decisions_on_one_referral_let_exactly_one_win():
    reviewers = _reviewers()
    referral = ReferralFactory(pregnancy=PregnancyFactory(), referred_by=reviewers[0])
    outcomes = ["joint_visit", "not_eligible"]

    def decision_by(index: int):
        def act():
            mine = Referral.objects.select_related("pregnancy").get(pk=referral.pk)
            decide(
                by=reviewers[index],
                referral=mine,
                outcome=outcomes[index],
                rationale=f"Reviewer {index}",
            )

        return act

    result = _race([decision_by(0), decision_by(1)])

    assert sorted(result.values()) == ["conflict", "saved"], result
    winner = next(index for index, outcome in result.items() if outcome == "saved")
    saved = Referral.objects.get(pk=referral.pk)
    assert (saved.status, saved.current_outcome) == (ReferralStatus.DECIDED, outcomes[winner])
    assert list(Decision.objects.values_list("decided_by", flat=True)) == [reviewers[winner].pk]
    assert saved.events.count() == 1


def test_concurrent_revisions_of_one_decision_let_exactly_one_win():
    reviewers = _reviewers()
    referral = ReferralFactory(pregnancy=PregnancyFactory(), referred_by=reviewers[0])
    first = decide(by=reviewers[0], referral=referral, outcome="hv_28_week", rationale="First")
    outcomes = ["joint_visit", "not_eligible"]

    def revision_by(index: int):
        def act():
            mine = Decision.objects.select_related("referral__pregnancy").get(pk=first.pk)
            revise_decision(
                by=reviewers[index], decision=mine, outcome=outcomes[index], rationale="Again"
            )

        return act

    result = _race([revision_by(0), revision_by(1)])

    assert sorted(result.values()) == ["conflict", "saved"], result
    winner = next(index for index, outcome in result.items() if outcome == "saved")
    assert Referral.objects.get(pk=referral.pk).current_outcome == outcomes[winner]
    assert Decision.objects.filter(revises=first).count() == 1
