"""The printed plan: a real, tagged PDF in her language, with her words as she wrote them,
without the clinician-only note, and fetching nothing from the network."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tandem.careplans import services
from tandem.careplans.models import PlanSection
from tandem.careplans.pdf import NoNetworkFetcher, plan_html
from tandem.core.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db

WORDS = "Chcę rodzić w wodzie, z mężem obok."


def _plan(personas):
    plan = services.plan_for(personas.pregnancy, by=personas.midwife)
    services.record_section(
        plan, PlanSection.WHAT_MATTERS, {"text": WORDS}, by=personas.midwife, based_on=None
    )
    services.record_section(
        plan,
        PlanSection.CLINICIAN_NOTE,
        {"note": "Secret note"},
        by=personas.midwife,
        based_on=None,
    )
    return plan


def _text(document: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(document)).pages)


def test_pdf_download_is_a_pdf_with_her_words_and_no_note(client, personas):
    _plan(personas)
    client.force_login(personas.midwife)
    response = client.get(
        reverse("web:care-plan-pdf", args=[personas.pregnancy.pk]),
        {"language": "pl", "size": "standard"},
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    document = response.content
    assert document.startswith(b"%PDF")
    text = " ".join(_text(document).split())
    assert "rodzić w wodzie" in text
    assert "Secret note" not in text
    reader = PdfReader(io.BytesIO(document))
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged
    assert reader.trailer["/Root"]["/Lang"] == "pl"
    assert "Amina Testwoman" in reader.metadata.title
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, object_type="care_plan").exists()


def test_urdu_html_is_right_to_left_and_keeps_her_words(personas):
    plan = _plan(personas)
    sections = services.current_sections(plan, for_woman=True)
    html = plan_html(plan, sections, language="ur", large_print=False)
    assert '<html lang="ur" dir="rtl">' in html
    assert WORDS in html
    assert "Secret note" not in html


def test_large_print_uses_a_large_base_font(personas):
    plan = _plan(personas)
    sections = services.current_sections(plan, for_woman=True)
    html = plan_html(plan, sections, language="en-gb", large_print=True)
    assert "font-size: 18pt" in html
    assert '<html lang="en-GB" dir="ltr">' in html


def test_urdu_pdf_renders(personas):
    plan = _plan(personas)
    document = services.plan_pdf(plan, language="ur", large_print=True, by=personas.midwife)
    assert document.startswith(b"%PDF")
    assert PdfReader(io.BytesIO(document)).trailer["/Root"]["/Lang"] == "ur"


@pytest.mark.parametrize(
    "url", ["https://example.com/x.css", "http://127.0.0.1/x.png", "file:///etc/passwd"]
)
def test_pdf_fetcher_refuses_anything_but_local_static_files(url):
    with pytest.raises(ValueError):
        NoNetworkFetcher().fetch(url)
