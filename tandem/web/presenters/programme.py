"""The programme pages' tables: every figure told through the reader's Teller, so an
analyst gets small numbers suppressed and never a name."""

from datetime import date

from django.urls import reverse

from tandem.core.disclosure import Teller
from tandem.pathway.services import review_target_working_days
from tandem.programme import figures, training
from tandem.programme.figures import FUNNEL, Scope
from tandem.records.models import Profession
from tandem.web.presenters import display


def _numeric(text: str) -> dict:
    return {"text": text, "format": "numeric"}


def _table(caption: str, head: list[str], rows: list[list], numeric_from: int = 1) -> dict:
    return {
        "caption": caption,
        "captionClasses": "nhsuk-u-visually-hidden",
        "head": [
            {"text": text, **({"format": "numeric"} if index >= numeric_from else {})}
            for index, text in enumerate(head)
        ],
        "rows": rows,
        "responsive": True,
    }


def funnel_tables(scope: Scope, start: date, end: date) -> dict:
    rows, total = figures.funnel(scope, start, end)
    tell = scope.teller
    by_area = [
        [row.area, *(_numeric(tell.count(row.counts[stage.key])) for stage in FUNNEL)]
        for row in rows
    ]
    stages = []
    previous = None
    for stage in FUNNEL:
        count = total.counts[stage.key]
        share = "" if previous is None else tell.rate(count, previous)
        stages.append([stage.label, _numeric(tell.count(count)), _numeric(share)])
        previous = count
    return {
        "total": _table(
            f"The pathway funnel: {scope.label}",
            ["Stage", "Families", "Share of the stage before"],
            stages,
        ),
        "by_area": _table(
            "The pathway funnel by area", ["Area", *(stage.label for stage in FUNNEL)], by_area
        ),
    }


def _review_row(times: figures.ReviewTimes, tell: Teller) -> list:
    return [
        times.area,
        _numeric(tell.count(times.decided)),
        _numeric(tell.statistic(times.median, times.decided, "working day")),
        _numeric(tell.statistic(times.ninetieth, times.decided, "working day")),
        _numeric(tell.rate(times.within_target, times.decided)),
    ]


def review_table(scope: Scope, start: date, end: date) -> dict:
    target = review_target_working_days()
    rows, total = figures.review_times(scope, start, end, target=target)
    tell = scope.teller
    return _table(
        "Review times",
        [
            "Area",
            "Referrals decided",
            "Median",
            "90th percentile",
            f"Decided within {target} working days",
        ],
        [*(_review_row(times, tell) for times in rows), _review_row(total, tell)],
    )


def targets_table(scope: Scope) -> dict:
    tell = scope.teller
    rows = [
        [
            target.area.name if target.area_id else "Whole LMNS",
            f"{display.nhs_date(target.period_start)} to {display.nhs_date(target.period_end)}",
            _numeric(f"{target.target_visits:,}"),
            _numeric(tell.count(target.completed)),
            _numeric(tell.rate(target.completed, target.target_visits)),
        ]
        for target in figures.visit_targets(scope)
    ]
    return _table(
        "Joint visits completed against their targets",
        ["Where", "Period", "Target", "Joint visits completed", "Share of target"],
        rows,
        numeric_from=2,
    )


def live_table(scope: Scope, today: date, *, link_areas: bool) -> tuple[dict, int, int]:
    areas, live = figures.areas_live(scope, today)
    rows = [
        [
            {"text": area.name, "href": reverse("web:programme-area", args=[area.pk])}
            if link_areas
            else area.name,
            display.nhs_date(area.pathway_live_from, empty="Not set"),
            "Live" if area.pathway_live_on(today) else "Not live",
        ]
        for area in areas
    ]
    table = _table("Areas live on the pathway", ["Area", "Live from", "Today"], rows, 99)
    return table, live, len(areas)


PROFESSION_LABELS = {p: Profession(p).label for p in training.PATHWAY_PROFESSIONS}


def training_table(scope: Scope) -> dict:
    tell = scope.teller

    def cells(trained: int, in_post: int) -> list:
        return [
            _numeric(tell.count(trained)),
            _numeric(tell.count(in_post)),
            _numeric(tell.rate(trained, in_post)),
        ]

    rows = []
    for area in training.training_by_area(scope):
        row = [area.name]
        for profession in training.PATHWAY_PROFESSIONS:
            row += cells(
                getattr(area, f"{profession}_trained"), getattr(area, f"{profession}_in_post")
            )
        rows.append(row)
    totals = training.training_totals(scope)
    total_row = [scope.label]
    for profession in training.PATHWAY_PROFESSIONS:
        total_row += cells(totals[profession]["trained"], totals[profession]["in_post"])
    rows.append(total_row)
    head = ["Area"]
    for profession in training.PATHWAY_PROFESSIONS:
        label = f"{PROFESSION_LABELS[profession]}s"
        head += [f"{label} trained", f"{label} in post", f"{label}: share trained"]
    return _table("Practitioners trained on the pathway", head, rows)


def programme_page(scope: Scope, start: date, end: date, today: date, *, link_areas: bool):
    live, live_count, area_count = live_table(scope, today, link_areas=link_areas)
    return {
        "scope": scope,
        "period": f"{display.nhs_date(start)} to {display.nhs_date(end)}",
        "funnel": funnel_tables(scope, start, end),
        "reviews": review_table(scope, start, end),
        "targets": targets_table(scope),
        "live": live,
        "live_summary": f"{live_count} of {display.count(area_count, 'area')} live",
        "training": training_table(scope),
        "suppressed": scope.teller.suppress,
    }


def team_training_table(user) -> dict:
    """Her team members and the latest date each completed each course (names: team
    leaders only)."""
    courses = list(training.active_courses())
    rows = []
    for practitioner in training.team_training(user):
        latest = training.latest_by_course(practitioner.training)
        rows.append(
            [
                str(practitioner),
                practitioner.get_profession_display(),
                *(
                    display.nhs_date(latest.get(course.pk), empty="Not completed")
                    for course in courses
                ),
            ]
        )
    return _table(
        "Training of your teams",
        ["Practitioner", "Profession", *(course.name for course in courses)],
        rows,
        numeric_from=99,
    )
