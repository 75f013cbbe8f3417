"""Feedback after joint visits, summarised per area, as the summary page shows it."""

from tandem.assessments.models import Rating, Respondent
from tandem.web.presenters import display
from tandem.web.presenters.assessments import text_html


def _figure(value) -> dict:
    return {"text": "Suppressed" if value is None else f"{value:,}", "format": "numeric"}


def feedback_tables(summaries) -> dict:
    head = [
        {"text": "Area"},
        {"text": "From"},
        {"text": "Number", "format": "numeric"},
        {"text": "Mean rating", "format": "numeric"},
        *({"text": f"Rated {value}", "format": "numeric"} for value in Rating.values),
    ]
    rows = []
    comments = []
    for summary in summaries:
        respondent = Respondent(summary.respondent).label + "s"
        rows.append(
            [
                {"text": summary.area},
                {"text": respondent},
                _figure(summary.count),
                {
                    "text": "Suppressed" if summary.mean is None else f"{summary.mean:.1f}",
                    "format": "numeric",
                },
                *(_figure(summary.distribution[value]) for value in Rating.values),
            ]
        )
        if summary.comments:
            comments.append(
                {
                    "heading": f"{summary.area}: comments from {respondent.lower()}",
                    "comments": [
                        {
                            "rating": str(Rating(c.rating).label),
                            "given_on": display.nhs_date(c.given_on),
                            "text": text_html(c.text),
                        }
                        for c in summary.comments
                    ],
                }
            )
    return {
        "table": {
            "caption": "Feedback after joint visits, by area",
            "captionSize": "m",
            "head": head,
            "rows": rows,
            "responsive": True,
        },
        "comments": comments,
    }
