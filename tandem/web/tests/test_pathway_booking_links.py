"""Once the review decides a visit, those who book visits are led to book it: from the
referral and from her record, until a visit is on."""

from django.urls import reverse

from tandem.assessments.tests.factories import VisitFactory
from tandem.pathway.models import ReviewOutcome
from tandem.scheduling.models import VisitStatus
from tandem.scheduling.tests.factories import decided_referral

BOOK = "Book the visit"


def _pages(client, personas, referral) -> tuple[str, str]:
    referral_page = client.get(reverse("web:pathway-referral", args=[referral.pk]))
    record_page = client.get(reverse("web:woman", args=[personas.woman.pk]))
    return referral_page.content.decode(), record_page.content.decode()


def test_booking_link_offered_to_the_administrator_for_a_decided_visit(client, personas):
    referral = decided_referral(personas.pregnancy, by=personas.reviewer)
    client.force_login(personas.administrator)

    for page in _pages(client, personas, referral):
        assert BOOK in page
        assert reverse("web:visit-book", args=[referral.pk]) in page


def test_booking_link_gone_once_booked_and_back_after_a_missed_visit(client, personas):
    referral = decided_referral(personas.pregnancy, by=personas.reviewer)
    visit = VisitFactory(
        pregnancy=personas.pregnancy, referral=referral, booked_by=personas.midwife
    )
    client.force_login(personas.administrator)
    assert all(BOOK not in page for page in _pages(client, personas, referral))

    visit.status = VisitStatus.DID_NOT_ATTEND
    visit.save()
    assert all(BOOK in page for page in _pages(client, personas, referral))


def test_booking_link_not_offered_when_not_eligible_or_to_the_reviewer(client, personas):
    referral = decided_referral(
        personas.pregnancy, by=personas.reviewer, outcome=ReviewOutcome.NOT_ELIGIBLE
    )
    client.force_login(personas.administrator)
    assert all(BOOK not in page for page in _pages(client, personas, referral))

    referral.current_outcome = ReviewOutcome.JOINT_VISIT
    referral.save()
    client.force_login(personas.reviewer)
    assert (
        BOOK not in client.get(reverse("web:pathway-referral", args=[referral.pk])).content.decode()
    )
