"""What the continuity of carer pages show: a woman's panel on her record, the teams with
their caseloads, and the LMNS coverage table (every count told through the small-number
rule)."""

from django.urls import reverse
from django.utils.html import format_html

from tandem import access
from tandem.continuity import services
from tandem.continuity.coverage import TARGET, CoverageFigure
from tandem.continuity.models import ContinuityTeam
from tandem.continuity.shares import StageShare
from tandem.core.disclosure import SUPPRESSED, SUPPRESSED_FOR_ANALYSTS, is_small
from tandem.records.models import Practitioner, Pregnancy
from tandem.web.presenters import display

NOT_ON_PATHWAY = "She is not on a continuity of carer pathway."
STAGE_LABELS = {
    "antenatal": "Antenatal",
    "intrapartum": "Labour and birth",
    "postnatal": "Postnatal",
}


def _row(key: str, value: str) -> dict:
    return {"key": {"text": key}, "value": {"text": value}}


def _percent(value: float | None) -> str:
    return "No data" if value is None else f"{value * 100:.1f}%"


def _share_cell(stage: StageShare, count: int) -> dict:
    if not stage.recorded:
        return {"text": "Not recorded"}
    if not stage.contacts:
        return {"text": "No contacts yet"}
    return {"text": f"{count} of {stage.contacts} ({_percent(stage.share(count))})"}


def _shares_table(pregnancy: Pregnancy) -> dict:
    rows = [
        [
            {"text": STAGE_LABELS[stage.stage]},
            _share_cell(stage, stage.by_named_midwife),
            _share_cell(stage, stage.by_team),
        ]
        for stage in services.continuity_shares(pregnancy)
    ]
    return {
        "caption": "Her contacts seen by her named midwife and by her team",
        "captionSize": "s",
        "head": [{"text": "Stage"}, {"text": "Named midwife"}, {"text": "Her team"}],
        "rows": rows,
        "responsive": True,
    }


def _history_table(pregnancy: Pregnancy) -> dict | None:
    assignments = list(services.assignment_history(pregnancy))
    if not assignments:
        return None
    rows = []
    for assignment in assignments:
        until = display.nhs_date(assignment.ends_on, "Now")
        rows.append(
            [
                {"text": f"{display.nhs_date(assignment.starts_on)} to {until}"},
                {"text": str(assignment.continuity_team)},
                {"text": str(assignment.named_midwife)},
                {"text": str(assignment.buddy)},
                {"text": f"{assignment.reason} (by {_person(assignment.assigned_by)})"},
            ]
        )
    return {
        "caption": "Her carers over time",
        "captionSize": "s",
        "head": [
            {"text": "When"},
            {"text": "Team"},
            {"text": "Named midwife"},
            {"text": "Buddy"},
            {"text": "Why, and who"},
        ],
        "rows": rows,
        "responsive": True,
    }


def _person(user) -> str:
    practitioner = access.practitioner_of(user)
    return str(practitioner) if practitioner else user.get_full_name() or user.get_username()


def continuity_panel(user, pregnancy: Pregnancy) -> dict:
    """Her continuity of carer section on her record."""
    carers = services.current_carers(pregnancy)
    actions = []
    if access.carer_teams_for(user, pregnancy).exists():
        text = "Change her continuity carers" if carers else "Name her continuity carers"
        actions.append({"text": text, "href": reverse("web:carers-assign", args=[pregnancy.pk])})
    history = _history_table(pregnancy)
    if carers is None:
        return {"summary": None, "empty": NOT_ON_PATHWAY, "history": history, "actions": actions}
    summary = {
        "rows": [
            _row("Named midwife", str(carers.named_midwife or "None")),
            _row("Buddy midwife", str(carers.buddy or "None")),
            _row("Continuity team", carers.team_name),
            _row("Team obstetrician", carers.obstetrician_name),
        ]
    }
    return {
        "summary": summary,
        "shares": _shares_table(pregnancy),
        "intrapartum_note": (
            "Who attended her labour and birth is not recorded in Tandem, so continuity at "
            "the birth cannot be shown."
        ),
        "history": history,
        "actions": actions,
    }


# --- Teams ------------------------------------------------------------------------------


def carer_choices(teams) -> tuple:
    """The midwives of `teams` for the carers form, each labelled with her team and
    caseload so the assigner sees who has room."""
    labels: dict[int, str] = {}
    for team in teams:
        for caseload in services.team_caseloads(team):
            labels[caseload.midwife.pk] = (
                f"{caseload.midwife}, {team} ({caseload.women} of {caseload.limit} women a year)"
            )
    members = Practitioner.objects.filter(pk__in=labels).order_by("family_name", "given_name")
    return members, labels


def teams_table(teams) -> dict:
    rows = []
    for team in teams:
        caseloads = services.team_caseloads(team)
        over = sum(1 for caseload in caseloads if caseload.over_limit)
        rows.append(
            [
                {
                    "html": _link(reverse("web:continuity-team", args=[team.pk]), str(team)),
                },
                {"text": str(team.obstetrician)},
                {"text": str(len(caseloads)), "format": "numeric"},
                {"text": str(over) if over else "None", "format": "numeric"},
            ]
        )
    return {
        "caption": "Continuity teams",
        "captionClasses": "nhsuk-u-visually-hidden",
        "head": [
            {"text": "Team"},
            {"text": "Obstetrician"},
            {"text": "Midwives", "format": "numeric"},
            {"text": "Midwives over their caseload limit", "format": "numeric"},
        ],
        "rows": rows,
        "responsive": True,
    }


def _link(href: str, text: str):
    return format_html('<a class="nhsuk-link" href="{}">{}</a>', href, text)


def team_page(team: ContinuityTeam, *, may_manage: bool) -> dict:
    caseloads = services.team_caseloads(team)
    memberships = {
        membership.midwife_id: membership.pk
        for membership in team.memberships.filter(left_on__isnull=True)
    }
    rows = []
    for caseload in caseloads:
        row = [
            {"text": str(caseload.midwife)},
            {"text": str(caseload.women), "format": "numeric"},
            {"text": str(caseload.limit), "format": "numeric"},
            {"text": "Over the limit" if caseload.over_limit else "Within the limit"},
        ]
        if may_manage:
            href = reverse("web:continuity-member-leaves", args=[memberships[caseload.midwife.pk]])
            row.append({"html": _link(href, f"{caseload.midwife} leaves the team")})
        rows.append(row)
    warnings = []
    size_problem = services.team_size_problem(team)
    if size_problem:
        warnings.append(size_problem)
    for caseload in caseloads:
        if caseload.over_limit:
            warnings.append(
                f"{caseload.midwife} is named midwife for {caseload.women} women a year, over "
                f"the limit of {caseload.limit}. Think about moving some of her women to a "
                "colleague."
            )
    head = [
        {"text": "Midwife"},
        {"text": "Women a year", "format": "numeric"},
        {"text": "Limit", "format": "numeric"},
        {"text": "Caseload"},
    ]
    actions = []
    if may_manage:
        head.append({"text": "Action"})
        actions.append(
            {
                "text": "Add a midwife to the team",
                "href": reverse("web:continuity-member-new", args=[team.pk]),
            }
        )
    return {
        "summary": {
            "rows": [
                _row("Obstetrician", str(team.obstetrician)),
                _row("Areas", ", ".join(str(area) for area in team.team.areas.all()) or "None"),
                _row(
                    "Caseload limit",
                    f"{team.effective_caseload_limit} women a year for each midwife",
                ),
            ]
        },
        "warnings": warnings,
        "members": {
            "caption": "Midwives and their caseloads",
            "captionSize": "m",
            "head": head,
            "rows": rows,
            "responsive": True,
        },
        "actions": actions,
    }


def out_of_step_list(pregnancies: list[Pregnancy]) -> list[dict]:
    """Links to the records of women whose carers need naming again (team page)."""
    return [
        {
            "text": f"{pregnancy.woman}, due {display.nhs_date(pregnancy.edd)}",
            "href": reverse("web:woman", args=[pregnancy.woman_id]),
        }
        for pregnancy in pregnancies
    ]


# --- Coverage ---------------------------------------------------------------------------


def _against_target(figure: CoverageFigure) -> str:
    """Judged on the exact counts, so rounding never turns a missed target into a met one;
    withheld when so few women were booked that the answer could single them out."""
    if not figure.has_target:
        return "No target"
    if figure.denominator == 0:
        return "No data"
    if is_small(figure.denominator):
        return "Too few women to judge"
    return "Met" if figure.meets_target else "Not met"


def coverage_table(figures: list[CoverageFigure]) -> dict:
    """Every count rounded by the small-number rule; shares and intervals from the rounded
    counts, so no suppressed number can be worked back; the target judged on exact counts."""
    teller = SUPPRESSED_FOR_ANALYSTS
    rows = []
    for figure in figures:
        shown = figure.published()
        rate = teller.rate(figure.numerator, figure.denominator)
        interval = shown.interval
        if rate == SUPPRESSED:
            interval_text = SUPPRESSED
        elif interval is None:
            interval_text = "No data"
        else:
            interval_text = f"{interval[0] * 100:.1f}% to {interval[1] * 100:.1f}%"
        against = _against_target(figure)
        rows.append(
            [
                {"text": figure.label},
                {"text": teller.count(figure.denominator), "format": "numeric"},
                {"text": teller.count(figure.numerator), "format": "numeric"},
                {"text": rate, "format": "numeric"},
                {"text": interval_text, "format": "numeric"},
                {"text": against},
            ]
        )
    return {
        "caption": f"Women on a continuity of carer pathway, against the {TARGET:.0%} target",
        "captionSize": "m",
        "head": [
            {"text": "Women"},
            {"text": "Booked", "format": "numeric"},
            {"text": "On a pathway", "format": "numeric"},
            {"text": "Share", "format": "numeric"},
            {"text": "95% confidence interval", "format": "numeric"},
            {"text": f"{TARGET:.0%} target"},
        ],
        "rows": rows,
        "responsive": True,
    }
