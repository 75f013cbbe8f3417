"""The versions of a visit record as the page shows them: each completed or amended version
as it read, every save of the record, and every change of an action's status."""

from tandem.assessments.models import ActionStatus, FamilyPlanAction
from tandem.assessments.my_world import MatrixQuadrant, TriangleDomain
from tandem.web.presenters import display
from tandem.web.presenters.assessments import owner_text, row, text_html, who


def version_views(record) -> list[dict]:
    """Each completed or amended version, newest first, as it read."""
    views = []
    for version in record.versions.select_related("made_by__practitioner"):
        content = version.content
        rows = [
            row("The parents' priorities", text_html(content["parents_priorities"])),
            row("The voice of the unborn baby", text_html(content["baby_voice"])),
        ]
        for entry in content["triangle"]:
            label = TriangleDomain(entry["domain"]).label
            rows.append(row(f"{label}: strengths", text_html(entry["strengths"])))
            rows.append(row(f"{label}: concerns", text_html(entry["concerns"])))
        for quadrant in MatrixQuadrant:
            factors = [f["factor"] for f in content["factors"] if f["quadrant"] == quadrant]
            if factors:
                rows.append(row(str(quadrant.label), text_html("\n".join(factors))))
        rows.append(row("Overall summary of the matrix", text_html(content["matrix_summary"])))
        for number, goal in enumerate(content["goals"], start=1):
            lines = [goal["goal"]] + [
                f"- {a['action']} ({owner_text(a['owner'], a['owner_service'])}, due "
                f"{a['due_date']}, {a['status'].replace('_', ' ')})"
                for a in goal["actions"]
            ]
            rows.append(row(f"Goal {number}", text_html("\n".join(lines))))
        views.append(
            {
                "number": version.number,
                "summary": (
                    f"Version {version.number}: {version.get_kind_display().lower()} by "
                    f"{who(version.made_by)} on {display.nhs_datetime(version.made_at)}"
                ),
                "reason": version.reason,
                "content": {"rows": rows},
            }
        )
    return views


def _status(value: str) -> str:
    return str(ActionStatus(value).label).lower() if value in ActionStatus.values else value


def change_tables(record) -> list[dict]:
    """Every save of the record (drafts included) and every action status change."""
    saves = [
        [
            {"text": display.nhs_datetime(h.history_date)},
            {"text": who(h.history_user)},
            {"text": h.get_status_display()},
            {"text": h.history_change_reason or ""},
        ]
        for h in record.history.select_related("history_user__practitioner").order_by(
            "-history_date", "-history_id"
        )
    ]
    changes = []
    history = (
        FamilyPlanAction.history.filter(goal_id__in=[g.pk for g in record.goals.all()])
        .select_related("history_user__practitioner")
        .order_by("id", "history_date", "history_id")
    )
    previous: dict[int, str] = {}
    for h in history:
        before = previous.get(h.id)
        if before is not None and before != h.status:
            label = f"{_status(before)} → {_status(h.status)}"
            changes.append((h.history_date, h.history_id, h, label))
        previous[h.id] = h.status
    changes.sort(key=lambda change: change[:2], reverse=True)
    statuses = [
        [
            {"text": display.nhs_datetime(h.history_date)},
            {"text": who(h.history_user)},
            {"text": h.action[:80]},
            {"text": label},
        ]
        for _, _, h, label in changes
    ]
    return [
        {
            "caption": "Every save of the record",
            "captionSize": "s",
            "head": [{"text": "When"}, {"text": "Who"}, {"text": "Status"}, {"text": "Reason"}],
            "rows": saves,
            "responsive": True,
        },
        {
            "caption": "Action status changes",
            "captionSize": "s",
            "head": [{"text": "When"}, {"text": "Who"}, {"text": "Action"}, {"text": "Change"}],
            "rows": statuses,
            "responsive": True,
        },
    ]
