"""Each demo sign-in finds the Enhanced Maternity Pathway working on her home page at the
`make run` size (3,000 pregnancies, seed 2026): worklists and queues with entries."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from tandem import access
from tandem.core.models import User
from tandem.pathway.services import open_questions_for, review_queue
from tandem.programme import worklists
from tandem.programme.worklists import Alert

pytestmark = pytest.mark.django_db

PRACTITIONER_SIGN_INS = (
    "midwife",
    "health.visitor",
    "safeguarding.reviewer",
    "team.leader",
    "administrator",
)


def test_demo_home_pages_show_non_empty_worklists_for_every_role(client, demo_lmns):
    counts = {}
    for username in PRACTITIONER_SIGN_INS:
        user = User.objects.get(username=username)
        counts[username] = worklists.alert_counts(user)
        client.force_login(user)
        page = client.get(reverse("web:home"))
        assert page.status_code == 200
        assert "Needs attention" in page.content.decode()
    # The demo midwife's own families show every worklist she looks after.
    assert all(count > 0 for count in counts["midwife"].values()), counts["midwife"]
    for username in ("health.visitor", "team.leader"):
        assert all(count > 0 for count in counts[username].values()), counts[username]
    assert counts["safeguarding.reviewer"][Alert.OVERDUE_REVIEW] > 0
    assert counts["administrator"][Alert.JOINT_VISIT_NOT_BOOKED] > 0
    assert counts["administrator"][Alert.CONTACT_28_WEEK_DUE] > 0


def test_demo_reviewer_queue_and_midwife_questions_have_entries(client, demo_lmns):
    reviewer = User.objects.get(username="safeguarding.reviewer")
    queue = review_queue(access.visible_referrals(reviewer))
    assert queue.count() >= 3
    client.force_login(reviewer)
    page = client.get(reverse("web:home")).content.decode()
    assert "No referral in your areas is awaiting review." not in page
    assert escape(str(queue.first().pregnancy.woman)) in page
    midwife = User.objects.get(username="midwife")
    assert open_questions_for(midwife, access.visible_referrals(midwife)).exists()
