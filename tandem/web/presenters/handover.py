"""The postnatal handover as the pages show it: the snapshot as sent, where it stands, the
lists of a team's handovers, the link from the birth on her record and the home-page card."""

from datetime import date, datetime

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from tandem import access
from tandem.core.roles import Permission
from tandem.handover import services
from tandem.handover.models import Handover, HandoverStatus
from tandem.handover.snapshot import DATE, DATETIME
from tandem.records.models import Pregnancy, Team
from tandem.web.presenters import display
from tandem.web.presenters.caseload import Section
from tandem.web.presenters.navigation import display_name
from tandem.web.presenters.pagination import paginate


def _value(value, kind: str) -> str:
    if value is None:
        return display.NOT_RECORDED
    if kind == DATE:
        return display.nhs_date(date.fromisoformat(value))
    if kind == DATETIME:
        return display.nhs_datetime(datetime.fromisoformat(value))
    return value


def _row(key: str, value: str) -> dict:
    return {"key": {"text": key}, "value": {"text": value}}


def snapshot_sections(snapshot: dict) -> list[dict]:
    """Each section of what was sent, its groups as NHS.UK summary lists."""
    return [
        {
            "heading": section["heading"],
            "empty": section["empty"],
            "groups": [
                {
                    "title": group["title"],
                    "summary": {
                        "rows": [
                            _row(label, _value(value, kind)) for label, value, kind in group["rows"]
                        ]
                    },
                }
                for group in section["groups"]
            ],
        }
        for section in snapshot["sections"]
    ]


def is_overdue(handover: Handover, today: date) -> bool:
    return handover.status == HandoverStatus.SENT and today > services.due_by(handover)


def status_text(handover: Handover, today: date) -> str:
    if handover.status == HandoverStatus.SENT:
        due = display.nhs_date(services.due_by(handover))
        if is_overdue(handover, today):
            return f"Not acknowledged: was due by {due}"
        return f"Awaiting acknowledgement, due by {due}"
    if handover.status == HandoverStatus.ACKNOWLEDGED:
        return f"Acknowledged by {display_name(handover.acknowledged_by)}"
    return "Withdrawn"


def handover_summary(handover: Handover) -> dict:
    """Where the handover stands: who sent it to whom, when, and who took it on."""
    today = timezone.localdate()
    rows = [
        _row("Status", status_text(handover, today)),
        _row("Sent by", f"{display_name(handover.sent_by)}, {handover.sending_team}"),
        _row("Sent on", display.nhs_datetime(handover.sent_at)),
        _row("Sent to", str(handover.receiving_team)),
    ]
    if handover.status == HandoverStatus.ACKNOWLEDGED:
        rows += [
            _row("Acknowledged on", display.nhs_datetime(handover.acknowledged_at)),
            _row("Follow-up questions", handover.follow_up_questions or "None"),
        ]
    if handover.status == HandoverStatus.WITHDRAWN:
        rows += [
            _row(
                "Withdrawn",
                f"{display.nhs_datetime(handover.withdrawn_at)} by "
                f"{display_name(handover.withdrawn_by)}",
            ),
            _row("Reason", handover.withdrawal_reason),
        ]
    return {"rows": rows}


def handover_caption(pregnancy: Pregnancy) -> str:
    woman = pregnancy.woman
    return f"{woman}, NHS number {woman.nhs_number_display}"


# --- The link from her record --------------------------------------------------------------


def handover_links(user, pregnancy: Pregnancy) -> list[dict]:
    """The birth's link to its handover page, for those who send handovers."""
    if not access.can(user, Permission.SEND_HANDOVER):
        return []
    return [
        {
            "text": "Hand over to health visiting",
            "href": reverse("web:handover-pregnancy", args=[pregnancy.pk]),
        }
    ]


# --- Lists ---------------------------------------------------------------------------------


def _listed(handovers: QuerySet[Handover]) -> QuerySet[Handover]:
    return handovers.select_related(
        "pregnancy__woman", "sending_team", "receiving_team", "acknowledged_by__practitioner"
    )


def handover_table(handovers, *, caption: str) -> dict:
    today = timezone.localdate()
    return {
        "caption": caption,
        "captionClasses": "nhsuk-u-visually-hidden",
        "head": [
            {"text": text} for text in ("Name", "NHS number", "Sent on", "From", "To", "Status")
        ],
        "rows": [
            [
                {
                    "text": str(handover.pregnancy.woman),
                    "href": reverse("web:handover", args=[handover.pk]),
                },
                {"text": handover.pregnancy.woman.nhs_number_display, "classes": "app-wrap"},
                display.nhs_date(handover.sent_at),
                str(handover.sending_team),
                str(handover.receiving_team),
                status_text(handover, today),
            ]
            for handover in handovers
        ],
        "responsive": True,
    }


def _section(request, handovers, *, heading, param, empty, description="") -> Section:
    listing = paginate(request, handovers, param=param, label=f"{heading}: pages")
    return Section(
        heading=heading,
        listing=listing,
        table=handover_table(listing.items, caption=heading),
        empty=empty,
        description=description,
    )


def overdue_description() -> str:
    days = display.count(services.acknowledge_days(), "day")
    return (
        f"Handovers sent more than {days} ago that no health visitor has acknowledged yet. "
        "Oldest first."
    )


def team_sections(request, team: Team) -> list[Section]:
    """A team's handovers: overdue first, then awaiting, then those acknowledged."""
    today = timezone.localdate()
    handovers = _listed(services.of_team(team))
    overdue = services.overdue_handovers(team, today)
    awaiting = handovers.filter(status=HandoverStatus.SENT).exclude(pk__in=overdue.values("pk"))
    acknowledged = handovers.filter(status=HandoverStatus.ACKNOWLEDGED)
    return [
        _section(
            request,
            _listed(overdue),
            heading="Not acknowledged in time",
            param="overdue",
            empty="Every handover has been acknowledged in time.",
            description=overdue_description(),
        ),
        _section(
            request,
            awaiting.order_by("sent_at", "pk"),
            heading="Awaiting acknowledgement",
            param="awaiting",
            empty="No handover is awaiting acknowledgement.",
        ),
        _section(
            request,
            acknowledged.order_by("-acknowledged_at", "-pk"),
            heading="Acknowledged",
            param="acknowledged",
            empty="No handover has been acknowledged yet.",
        ),
    ]


def team_links(user) -> list[dict]:
    """Her teams, each with its count of handovers not acknowledged in time."""
    today = timezone.localdate()
    links = []
    for team in access.handover_teams(user).order_by("name", "pk"):
        overdue = display.count(services.overdue_handovers(team, today).count(), "handover")
        links.append(
            {
                "text": f"{team}: {overdue} not acknowledged in time",
                "href": reverse("web:handover-team", args=[team.pk]),
            }
        )
    return links


# --- The home page -------------------------------------------------------------------------


def handover_alert_cards(user) -> list[dict]:
    """The home page card of handovers her teams sent or received that are not acknowledged
    in time (one query), for those who work with families in a team."""
    teams = access.handover_teams(user)
    if not teams.exists():
        return []
    count = services.overdue(access.visible_handovers(user), timezone.localdate()).count()
    return [
        {
            "heading": f"Handovers not acknowledged in time: {count}",
            "href": reverse("web:handovers"),
            "description": overdue_description(),
            "clickable": True,
            "warning": count > 0,
        }
    ]
