"""What the calendar and visit pages show: tables, summary lists and slot wording."""

from datetime import date, datetime, time

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.html import format_html

from tandem.core.gestation import gestation_on
from tandem.scheduling.models import Visit, VisitStatus
from tandem.scheduling.services.intervals import local_date, local_zone, to_minutes
from tandem.scheduling.services.proposals import Proposal
from tandem.web.presenters import display
from tandem.web.presenters.forms import PresentedForm


def time_range(starts_at, ends_at) -> str:
    """'Tuesday 3 March 2026, 9am to 10:30am'."""
    day = local_date(to_minutes(starts_at))
    return (
        f"{day:%A} {display.nhs_date(day)}, "
        f"{display.nhs_time(starts_at)} to {display.nhs_time(ends_at)}"
    )


def clock(value: time) -> str:
    """A time of day in the NHS.UK style: '9am', '5:30pm'."""
    return display.nhs_time(datetime.combine(date(2000, 1, 3), value, tzinfo=local_zone()))


def slot_label(proposal: Proposal, names: dict[int, str], edd) -> str:
    people = [names.get(proposal.midwife_id), names.get(proposal.health_visitor_id)]
    gestation = gestation_on(edd, local_date(to_minutes(proposal.starts_at)))
    with_whom = " and ".join(name for name in people if name)
    return (
        f"{time_range(proposal.starts_at, proposal.ends_at)}, with {with_whom} "
        f"({display.gestation(gestation)})"
    )


def upload_form(form) -> PresentedForm:
    """The import form, its file field rendered as the NHS.UK input with type file."""
    presented = PresentedForm(form)
    params = presented["ics_file"].params
    params["type"] = "file"
    params["value"] = ""
    params["attributes"] = {"accept": ".ics,text/calendar"}
    return presented


def _remove_button(url: str, label: str, csrf_input) -> str:
    return format_html(
        '<form method="post" action="{}" novalidate>{}'
        '<button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" '
        'type="submit">Remove<span class="nhsuk-u-visually-hidden"> {}</span></button></form>',
        url,
        csrf_input,
        label,
    )


def hours_table(hours, csrf_input) -> dict:
    rows = []
    for item in hours:
        label = f"{item.get_weekday_display()} {clock(item.starts)}"
        rows.append(
            [
                {"text": item.get_weekday_display()},
                {"text": f"{clock(item.starts)} to {clock(item.ends)}"},
                {
                    "text": f"From {display.nhs_date(item.valid_from)}"
                    + (f" until {display.nhs_date(item.valid_to)}" if item.valid_to else "")
                },
                {
                    "html": _remove_button(
                        reverse("web:working-hours-remove", args=[item.pk]), label, csrf_input
                    )
                },
            ]
        )
    return {
        "caption": "Working hours",
        "captionSize": "m",
        "head": [{"text": "Day"}, {"text": "Hours"}, {"text": "Dates"}, {"text": "Action"}],
        "rows": rows,
        "responsive": True,
    }


def busy_table(periods, csrf_input) -> dict:
    rows = []
    for period in periods:
        label = display.nhs_datetime(period.starts_at)
        rows.append(
            [
                {"text": display.nhs_datetime(period.starts_at)},
                {"text": display.nhs_datetime(period.ends_at)},
                {"text": period.get_source_display()},
                {
                    "html": _remove_button(
                        reverse("web:busy-period-remove", args=[period.pk]), label, csrf_input
                    )
                },
            ]
        )
    return {
        "caption": "Busy periods",
        "captionSize": "m",
        "head": [{"text": "From"}, {"text": "Until"}, {"text": "Entered"}, {"text": "Action"}],
        "rows": rows,
        "responsive": True,
    }


def visits_table(visits: list[Visit]) -> dict:
    rows = [
        [
            {"text": time_range(visit.starts_at, visit.ends_at)},
            {"text": visit.get_kind_display()},
            {"text": visit.pregnancy.area.name if visit.pregnancy.area else ""},
            {
                "html": format_html(
                    '<a class="nhsuk-link" href="{}">Open the visit<span '
                    'class="nhsuk-u-visually-hidden"> of {}</span></a>',
                    reverse("web:visit", args=[visit.pk]),
                    display.nhs_datetime(visit.starts_at),
                )
            },
        ]
        for visit in visits
    ]
    return {
        "caption": "Upcoming visits",
        "captionSize": "m",
        "head": [{"text": "When"}, {"text": "Visit"}, {"text": "Area"}, {"text": "Details"}],
        "rows": rows,
        "responsive": True,
    }


def visit_summary(visit: Visit, people) -> dict:
    roles = {
        attendee.practitioner_id: attendee.get_role_display() for attendee in visit.attendees.all()
    }
    rows = [
        {"key": {"text": "Visit"}, "value": {"text": visit.get_kind_display()}},
        {"key": {"text": "When"}, "value": {"text": time_range(visit.starts_at, visit.ends_at)}},
        {
            "key": {"text": "Gestation on the day"},
            "value": {
                "text": display.gestation(
                    visit.pregnancy.gestation_on(local_date(to_minutes(visit.starts_at)))
                )
            },
        },
        {
            "key": {"text": "With"},
            "value": {
                "text": ", ".join(f"{person} ({roles.get(person.pk, '')})" for person in people)
            },
        },
        {"key": {"text": "Status"}, "value": {"text": visit.get_status_display()}},
    ]
    if visit.is_outside_window:
        rows.append(
            {
                "key": {"text": "Outside the window"},
                "value": {"text": f"Yes: {visit.outside_window_reason}"},
            }
        )
    return {"rows": rows}


def changes_table(changes) -> dict:
    rows = [
        [
            {"text": display.nhs_datetime(change.at)},
            {"text": change.get_kind_display()},
            {"text": change.by.get_full_name() or change.by.get_username()},
            {
                "text": (
                    f"From {display.nhs_datetime(change.previous_starts_at)} "
                    f"to {display.nhs_datetime(change.starts_at)}"
                    if change.previous_starts_at and change.previous_starts_at != change.starts_at
                    else display.nhs_datetime(change.starts_at)
                )
            },
            {"text": change.reason or "None given"},
        ]
        for change in changes
    ]
    return {
        "caption": "Changes to this visit",
        "captionSize": "m",
        "head": [
            {"text": "When"},
            {"text": "Change"},
            {"text": "By"},
            {"text": "Visit time"},
            {"text": "Reason"},
        ],
        "rows": rows,
        "responsive": True,
    }


def visit_actions(visit: Visit, *, may_book: bool) -> list[dict]:
    if not may_book or visit.status != VisitStatus.BOOKED:
        return []
    return [
        {"href": reverse("web:visit-reschedule", args=[visit.pk]), "text": "Move this visit"},
        {"href": reverse("web:visit-cancel", args=[visit.pk]), "text": "Cancel this visit"},
    ]


def csrf_hidden(request) -> str:
    """The CSRF token as a hidden input, for the small remove and regenerate forms."""
    return format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request)
    )
