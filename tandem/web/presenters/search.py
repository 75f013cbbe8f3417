"""The women a search looks among, and how its results read."""

from dataclasses import dataclass

from django.db.models import Prefetch

from tandem import access
from tandem.records.models import PregnancyStatus, Woman
from tandem.web.presenters import display
from tandem.web.presenters.caseload import record_url

RESULT_LIMIT = 50


def searchable_women(user):
    """Visible women, each with her visible active pregnancy fetched in the same go."""
    active = (
        access.visible_pregnancies(user)
        .filter(status=PregnancyStatus.ACTIVE)
        .select_related("area")
        .order_by("-edd")
    )
    return access.visible_women(user).prefetch_related(
        Prefetch("pregnancies", queryset=active, to_attr="active_pregnancies")
    )


@dataclass
class Results:
    query: str
    count: int
    summary: str
    table: dict | None


def results_table(women: list[Woman], query: str) -> Results:
    if not query:
        return Results(query, 0, "", None)
    if not women:
        return Results(
            query,
            0,
            f"No woman you may see matches ‘{query}’. Check the NHS number or spelling.",
            None,
        )
    summary = display.count(len(women), "woman", "women") + f" found for ‘{query}’"
    if len(women) >= RESULT_LIMIT:
        summary += f". Only the first {RESULT_LIMIT} are shown: add more of her name."
    rows = []
    for woman in women:
        active = woman.active_pregnancies[0] if woman.active_pregnancies else None
        rows.append(
            [
                {"text": str(woman), "href": record_url(woman.pk)},
                {"text": woman.nhs_number_display, "classes": "app-wrap"},
                display.nhs_date(woman.date_of_birth),
                woman.postcode,
                display.nhs_date(active.edd) if active else "No active pregnancy",
            ]
        )
    table = {
        "caption": "Search results",
        "captionClasses": "nhsuk-u-visually-hidden",
        "head": [
            {"text": text}
            for text in ("Name", "NHS number", "Date of birth", "Postcode", "Due date")
        ],
        "rows": rows,
        "responsive": True,
    }
    return Results(query, len(women), summary, table)
