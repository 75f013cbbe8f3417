"""A woman's own portal in her languages: she signs in, switches to Polish and writes what
matters to her; her midwife adds her health needs and the decisions they made; she switches
to Urdu (right to left) and downloads her plan as a PDF. axe-core checks every page, in
both directions."""

import re

import pytest
from playwright.sync_api import Page, expect

from tandem.careplans.models import Author, PlanSection
from tandem.careplans.services import current_sections, plan_for
from tandem.portal.services import account_of, open_account
from tandem.records.tests.factories import TEST_PASSWORD
from tests.browser.steps import (
    check_page,
    choose,
    fill_date,
    follow,
    follow_link,
    follow_menu,
    press_button,
    sign_in,
    success_banner,
    visit,
)

pytestmark = pytest.mark.django_db(transaction=True)

HER_WORDS = "Chcę, żeby mój mąż był przy mnie.\nBoję się igieł: proszę, uprzedźcie mnie."


def _direction(page: Page) -> tuple[str, str]:
    return page.evaluate("() => [document.documentElement.lang, document.documentElement.dir]")


def _follow_menu(page: Page, name: str) -> None:
    """follow_menu, in any language: the menu's own names are translated too."""
    menu = page.locator("header nav")
    link = menu.get_by_role("link", name=name, exact=True)
    if not link.is_visible():
        menu.locator("#toggle-menu").click()
    follow(page, link)


def _sign_out(page: Page, button: str) -> None:
    press_button(page, button)
    expect(page).to_have_url(re.compile(r"/sign-in/$"))


def test_woman_writes_in_polish_midwife_adds_decisions_woman_prints_in_urdu(
    open_page, personas, tmp_path
):
    user = open_account(
        personas.woman, username="amina", password=TEST_PASSWORD, by=personas.midwife
    ).user
    pregnancy = personas.pregnancy
    heading = lambda page: page.get_by_role("heading", level=1)  # noqa: E731

    # Given she signs in: she lands on her own portal, in English, left to right
    her = open_page()
    sign_in(her, "amina")
    expect(her).to_have_url(re.compile(r"/portal/$"))
    expect(heading(her)).to_have_text("Your maternity care")
    assert _direction(her) == ["en-GB", "ltr"]
    expect(her.get_by_text(str(personas.midwife.practitioner))).to_be_visible()

    # When she switches to Polish
    follow_menu(her, "Language")
    choose(her, "Choose your language", "Polski")
    press_button(her, "Save language")

    # Then her portal is in Polish
    expect(heading(her)).to_have_text("Twoja opieka okołoporodowa")
    assert _direction(her) == ["pl", "ltr"]
    assert account_of(user).language == "pl"

    # When she writes what matters to her, in the Polish pages
    follow_link(her, "Przeczytaj i uzupełnij swój plan opieki")
    expect(heading(her)).to_have_text("Twój plan opieki")
    follow(her, her.locator("#section-what_matters").get_by_role("link"))
    expect(heading(her)).to_have_text("Co jest dla mnie ważne")
    her.get_by_label("Moimi słowami").fill(HER_WORDS)
    press_button(her, "Zapisz")

    # Then it is saved in her own words, as hers
    expect(success_banner(her)).to_contain_text("Zmiany zostały zapisane")
    expect(her.locator("#section-what_matters")).to_contain_text("Boję się igieł")
    plan = plan_for(pregnancy, by=personas.midwife)
    mine = current_sections(plan, for_woman=True)[PlanSection.WHAT_MATTERS]
    # Kept exactly as typed (the browser sends its line breaks as CR LF).
    assert mine.content["text"].replace("\r\n", "\n") == HER_WORDS
    assert (mine.author, mine.written_by) == (user, Author.WOMAN)
    _sign_out(her, "Wyloguj się")

    # Given her midwife signs in and opens her plan
    midwife = open_page()
    sign_in(midwife, "midwife")
    visit(midwife, f"/pregnancies/{pregnancy.pk}/care-plan/")
    expect(midwife.locator("#section-what_matters")).to_contain_text("Boję się igieł")

    # When she records her health needs and the decisions they made together
    visit(midwife, f"/pregnancies/{pregnancy.pk}/care-plan/section/?section=health_needs")
    midwife.get_by_label("Health needs", exact=True).fill("Mild anaemia: iron tablets daily")
    press_button(midwife, "Save this section")
    visit(midwife, f"/pregnancies/{pregnancy.pk}/care-plan/section/?section=place_of_birth")
    choose(midwife, "Where she plans to give birth", "Alongside midwifery unit")
    midwife.get_by_label("Who discussed the risks and benefits with her").fill(
        "Midwife Persona, community midwife"
    )
    fill_date(midwife, "risks_discussed_on", pregnancy.booking_date or pregnancy.created_at)
    midwife.get_by_label("What was discussed").fill("Transfer times to the obstetric unit")
    press_button(midwife, "Save this section")
    visit(midwife, f"/pregnancies/{pregnancy.pk}/care-plan/section/?section=pain_relief")
    midwife.get_by_label("Pain relief preferences").fill("Water and gas and air first")
    press_button(midwife, "Save this section")
    sections = current_sections(plan, for_woman=True)
    assert sections[PlanSection.HEALTH_NEEDS].written_by == Author.CLINICIAN
    assert sections[PlanSection.PLACE_OF_BIRTH].content["place"] == "alongside_mu"
    assert sections[PlanSection.PAIN_RELIEF] is not None

    # Given she signs in again: her portal is still in Polish
    sign_in(her, "amina")
    expect(heading(her)).to_have_text("Twoja opieka okołoporodowa")

    # When she switches to Urdu
    _follow_menu(her, "Język")
    choose(her, "Wybierz język", "اردو")
    press_button(her, "Zapisz język")

    # Then her portal reads right to left, in Urdu
    expect(heading(her)).to_have_text("آپ کی زچگی کی دیکھ بھال")
    assert _direction(her) == ["ur", "rtl"]

    # And her plan shows what her midwife recorded, under Urdu headings
    _follow_menu(her, "میرا منصوبہ")
    expect(heading(her)).to_have_text("آپ کا نگہداشت کا منصوبہ")
    expect(her.locator("#section-health_needs")).to_contain_text("Mild anaemia")
    expect(her.locator("#section-health_needs h3")).to_have_text("میری صحت کی ضروریات")
    expect(her.locator("#section-what_matters")).to_contain_text("Boję się igieł")
    assert her.locator("#section-health_needs a").count() == 0  # not hers to change

    # When she downloads her plan
    # (Typesetting Urdu takes WeasyPrint a few seconds; more on a busy machine.)
    with her.expect_download(timeout=60_000) as download:
        her.get_by_role("link", name="اپنا نگہداشت کا منصوبہ ڈاؤن لوڈ کریں (PDF)").click()
    saved = tmp_path / "plan.pdf"
    download.value.save_as(saved)

    # Then it is a PDF
    assert saved.read_bytes().startswith(b"%PDF-")
    assert download.value.suggested_filename == "my-care-plan.pdf"
    check_page(her)
