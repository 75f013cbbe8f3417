"""Prints her plan with WeasyPrint as a tagged, accessible PDF (docs/decisions/0012).

The HTML is rendered in the requested language (right to left for Urdu and Arabic), its
styles are inline and its fonts are the system's (the Makefile's `pdf-deps` installs fonts
for Arabic script and Polish and Romanian letters): WeasyPrint never fetches anything.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from tandem.careplans.models import CarePlan, PlanSection, SectionVersion
from tandem.core.nhs_number import format_nhs_number
from tandem.web.presenters.careplans import local_date, plan_sections_view

TEMPLATE = "web/careplans/plan_pdf.jinja"


class NoNetworkFetcher(URLFetcher):
    """Refuses every URL but a file in Tandem's own static folders: the plan must print
    the same with no network, and nothing in it may reach outside."""

    def fetch(self, url, headers=None):
        if not url.startswith("file://"):
            raise ValueError(f"Tandem's PDFs fetch nothing from the network: {url}")
        path = url.removeprefix("file://").split("?")[0]
        allowed = [str(folder) for folder in settings.STATICFILES_DIRS or []]
        allowed.append(str(settings.STATIC_ROOT))
        if not any(path.startswith(f"{folder.rstrip('/')}/") for folder in allowed):
            raise ValueError(f"Tandem's PDFs read only local static files: {url}")
        return super().fetch(url, headers)


def supported_language(language: str) -> str:
    codes = [code for code, _name in settings.LANGUAGES]
    return language if language in codes else settings.LANGUAGE_CODE


def plan_html(
    plan: CarePlan,
    sections: dict[PlanSection, SectionVersion | None],
    *,
    language: str,
    large_print: bool,
) -> str:
    """The HTML handed to WeasyPrint, in `language`."""
    language = supported_language(language)
    woman = plan.pregnancy.woman
    with translation.override(language):
        return render_to_string(
            TEMPLATE,
            {
                "large_print": large_print,
                "title": _("Personalised care and support plan for %(name)s") % {"name": woman},
                "woman_name": str(woman),
                "nhs_number": format_nhs_number(woman.nhs_number) if woman.nhs_number else "",
                "due": local_date(plan.pregnancy.edd),
                "printed_on": local_date(timezone.now()),
                "plan_stages": plan_sections_view(sections),
            },
        )


def render_plan_pdf(
    plan: CarePlan,
    sections: dict[PlanSection, SectionVersion | None],
    *,
    language: str,
    large_print: bool,
) -> bytes:
    html = plan_html(plan, sections, language=language, large_print=large_print)
    document = HTML(string=html, url_fetcher=NoNetworkFetcher(), base_url=str(settings.BASE_DIR))
    return document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
