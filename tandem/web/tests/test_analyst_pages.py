"""The analyst sees counts only: never a name, NHS number, date of birth, postcode or link
to anyone's record."""

import re

from django.urls import reverse

from tandem.records.tests.factories import PregnancyFactory, WomanFactory
from tandem.web.tests.conftest import page_text


def test_analyst_home_shows_counts_by_provider_area_and_status(client, personas):
    PregnancyFactory(
        woman=WomanFactory(lsoa_code=""), provider=personas.provider, area=personas.brinnington
    )
    client.force_login(personas.analyst)
    page = page_text(client.get(reverse("web:home")))
    assert "<h1>Figures for the LMNS</h1>" in page
    assert "Pregnancies by provider and status" in page
    assert "Pregnancies by area and status" in page
    assert "Data quality: women by provider" in page
    assert "Stockport NHS Foundation Trust" in page
    assert "Adswood" in page and "Brinnington" in page


def test_analyst_pages_contain_no_identifier_of_the_woman(client, personas):
    woman = personas.woman
    client.force_login(personas.analyst)
    page = page_text(client.get(reverse("web:home")))
    for identifier in (
        woman.given_name,
        woman.family_name,
        woman.nhs_number,
        woman.nhs_number_display,
        woman.postcode,
        woman.date_of_birth.isoformat(),
        f"{woman.date_of_birth:%B %Y}",
        reverse("web:woman", args=[woman.pk]),
        "/women/",
    ):
        assert identifier not in page, f"analyst page shows {identifier!r}"


def test_analyst_cannot_open_a_record_or_search(client, personas):
    client.force_login(personas.analyst)
    assert client.get(reverse("web:woman", args=[personas.woman.pk])).status_code == 403
    assert client.get(reverse("web:search"), {"q": "Amina"}).status_code == 403


def test_analyst_home_counts_are_disclosure_controlled(client, personas):
    """Every count is told by the MSDS rule: 1 to 7 read 5, so no family is singled out."""
    for _ in range(2):
        PregnancyFactory(
            woman=WomanFactory(lsoa_code=""),
            provider=personas.provider,
            area=personas.brinnington,
        )
    client.force_login(personas.analyst)
    page = page_text(client.get(reverse("web:home")))
    # Without the column names the responsive table repeats in each cell.
    page = re.sub(r'<span class="nhsuk-table__heading"[^>]*>.*?</span>', "", page, flags=re.DOTALL)
    rows = [
        [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells]
        for cells in (
            re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.DOTALL)
            for row in re.findall(r"<tr.*?</tr>", page, flags=re.DOTALL)
        )
        if cells
    ]
    brinnington = next(row for row in rows if "Brinnington" in row)
    assert brinnington[2:] == ["5", "0", "0", "0", "5"]  # 2 active, 2 in all
    figures = {cell for row in rows for cell in row if cell.isdigit()}
    assert figures and {"1", "2", "3"}.isdisjoint(figures)


def test_analyst_home_says_how_small_counts_are_shown(client, personas):
    client.force_login(personas.analyst)
    page = " ".join(page_text(client.get(reverse("web:home"))).split())
    assert "Counts from 1 to 7 are shown as 5" in page
