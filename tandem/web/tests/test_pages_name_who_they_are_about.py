"""Every page about a woman shows her name, date of birth and NHS number (hazard H-001)."""

import pytest
from django.urls import reverse

from tandem.web.presenters import display


@pytest.mark.parametrize(
    ("url_name", "target"),
    [
        ("web:woman", "woman"),
        ("web:woman-history", "woman"),
        ("web:woman-edit", "woman"),
        ("web:pregnancy-new", "woman"),
        ("web:pregnancy-edit", "pregnancy"),
        ("web:contact-new", "pregnancy"),
        ("web:contact-edit", "contact"),
    ],
)
def test_page_about_her_shows_name_date_of_birth_and_nhs_number(
    client, personas, contact, url_name, target
):
    woman = personas.woman
    pk = {"woman": woman.pk, "pregnancy": personas.pregnancy.pk, "contact": contact.pk}[target]
    client.force_login(personas.midwife)

    page = client.get(reverse(url_name, args=[pk])).content.decode()

    assert str(woman) in page
    assert display.nhs_date(woman.date_of_birth) in page
    assert woman.nhs_number_display in page
