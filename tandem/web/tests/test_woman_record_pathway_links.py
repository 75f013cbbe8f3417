"""Her record leads to the pathway: the screen, her referral, her visits and their records."""

from django.urls import reverse

from tandem.assessments.tests.factories import AttendedVisitFactory
from tandem.pathway.tests.factories import ReferralFactory


def test_record_links_midwife_to_the_screen_and_the_referral(client, personas):
    referral = ReferralFactory(pregnancy=personas.pregnancy, referred_by=personas.midwife)
    client.force_login(personas.midwife)

    page = client.get(reverse("web:woman", args=[personas.woman.pk])).content.decode()

    assert reverse("web:pathway-screen", args=[personas.pregnancy.pk]) in page
    assert reverse("web:pathway-referral", args=[referral.pk]) in page


def test_record_links_to_her_visit_and_the_visit_page_to_its_record(client, personas):
    visit = AttendedVisitFactory(pregnancy=personas.pregnancy, booked_by=personas.midwife)
    client.force_login(personas.health_visitor)

    record = client.get(reverse("web:woman", args=[personas.woman.pk])).content.decode()
    visit_page = client.get(reverse("web:visit", args=[visit.pk])).content.decode()

    assert reverse("web:visit", args=[visit.pk]) in record
    assert reverse("web:visit-record", args=[visit.pk]) in visit_page
