"""What the hubs pages show: the directory, referrals and their history, the reminders and
red-flag lists, and the cards and links other pages carry to them."""

from django.urls import reverse
from django.utils import timezone

from tandem import access
from tandem.core.roles import Permission
from tandem.hubs import services
from tandem.hubs.models import (
    RedFlagTask,
    Service,
    ServiceReferral,
    ServiceReferralStatus,
    WellbeingCheck,
)
from tandem.hubs.validation import RedFlag
from tandem.web.presenters import display

OVERDUE_TITLE = "Referrals with no reply"
OVERDUE_DESCRIPTION = (
    "Referrals you made, or your team made, to a service in the directory that has not "
    "replied within its expected response time. Chase the service, then record its reply. "
    "Oldest first."
)
RED_FLAG_TITLE = "Urgent mental health referrals to make"
RED_FLAG_DESCRIPTION = (
    "Mental health red flags noticed at a contact. Each stays here until an urgent "
    "referral to perinatal mental health services is recorded. Oldest first."
)


def _row(key: str, value: str) -> dict:
    return {"key": {"text": key}, "value": {"text": value}}


def _person(pregnancy) -> list:
    woman = pregnancy.woman
    return [
        {"text": str(woman), "href": reverse("web:woman", args=[woman.pk])},
        {"text": woman.nhs_number_display, "classes": "app-wrap"},
    ]


def table(caption: str, head: list[str], rows: list[list]) -> dict:
    return {
        "caption": caption,
        "captionClasses": "nhsuk-u-visually-hidden",
        "head": [{"text": text} for text in head],
        "rows": rows,
        "responsive": True,
    }


# --- The directory ----------------------------------------------------------------------------


def _response(service: Service) -> str:
    return (
        f"{display.count(service.response_days, 'day')} "
        f"({display.count(service.urgent_response_days, 'day')} if urgent)"
    )


def service_card(service: Service) -> dict:
    return {
        "heading": service.name,
        "rows": [
            _row("Hub", service.hub.name),
            _row("Type of service", service.get_category_display()),
            _row("Who it is for", service.referral_criteria),
            _row("How to refer", service.get_contact_route_display()),
            _row("Contact", service.contact_details),
            _row("Expected reply", _response(service)),
            _row("Areas served", ", ".join(area.name for area in service.areas.all())),
        ],
    }


# --- Referrals --------------------------------------------------------------------------------


def referral_caption(referral: ServiceReferral) -> str:
    woman = referral.pregnancy.woman
    return f"{woman}, NHS number {woman.nhs_number_display}"


def _reply_due(referral: ServiceReferral) -> str:
    due = display.nhs_date(timezone.localtime(referral.respond_by).date())
    if referral.status == ServiceReferralStatus.SENT and referral.respond_by < timezone.now():
        return f"{due}: overdue, no reply yet"
    return due


def referral_summary(referral: ServiceReferral) -> dict:
    service = referral.service
    rows = [
        _row("Service", f"{service.name} ({service.hub.name})"),
        _row("Status", referral.get_status_display()),
        _row("Sent", display.nhs_datetime(referral.sent_at)),
        _row("Reply expected by", _reply_due(referral)),
        _row("How urgent", referral.get_urgency_display()),
        _row("Her agreement", referral.get_consent_display()),
        _row("Reason", referral.reason),
        _row("Referred by", str(referral.referred_by)),
        _row(
            "How to contact the service",
            f"{service.get_contact_route_display()}: {service.contact_details}",
        ),
    ]
    if referral.contact is not None:
        rows.insert(3, _row("Made at", str(referral.contact)))
    return {"rows": rows}


def referral_events(referral: ServiceReferral) -> dict:
    rows = [
        [
            event.get_status_display(),
            display.nhs_date(event.happened_on),
            event.note or "None",
            f"{event.recorded_by.get_full_name() or event.recorded_by.get_username()}, "
            f"{display.nhs_datetime(event.recorded_at)}",
        ]
        for event in referral.events.select_related("recorded_by")
    ]
    return table(
        "History of the referral", ["Status", "Date it happened", "Note", "Recorded by"], rows
    )


def referrals_table(referrals) -> dict:
    rows = [
        [
            {
                "text": f"{r.service.name} ({r.service.hub.name})",
                "href": reverse("web:service-referral", args=[r.pk]),
            },
            display.nhs_date(timezone.localtime(r.sent_at).date()),
            r.get_urgency_display(),
            r.get_status_display(),
        ]
        for r in referrals
    ]
    return table("Referrals to services", ["Service", "Sent", "How urgent", "Status"], rows)


def overdue_rows(referrals) -> list[list]:
    now = timezone.now()
    return [
        [
            *_person(r.pregnancy),
            {
                "text": f"{r.service.name} ({r.service.hub.name})",
                "href": reverse("web:service-referral", args=[r.pk]),
            },
            display.nhs_date(timezone.localtime(r.sent_at).date()),
            display.count(services.days_overdue(r, now=now), "day"),
            str(r.referred_by),
        ]
        for r in referrals
    ]


OVERDUE_HEAD = ["Name", "NHS number", "Service", "Sent", "Overdue by", "Referred by"]


# --- Wellbeing and red flags ------------------------------------------------------------------


def _flags(check: WellbeingCheck) -> list[str]:
    chosen = {
        RedFlag.MENTAL_STATE: check.red_flag_mental_state,
        RedFlag.SELF_HARM: check.red_flag_self_harm,
        RedFlag.ESTRANGEMENT: check.red_flag_estrangement,
    }
    return [label for code, label in RedFlag.CHOICES if chosen[code]]


def wellbeing_summary(check: WellbeingCheck) -> dict:
    rows = [_row("Contact", str(check.contact))]
    if check.questions_asked:
        rows += [
            _row(
                "Whooley: feeling down, depressed or hopeless", display.yes_no(check.feeling_down)
            ),
            _row("Whooley: little interest or pleasure", display.yes_no(check.little_interest)),
            _row("Needs or wants help", display.yes_no(check.wants_help, empty="Not asked")),
            _row("GAD-2 score (0 to 6)", str(check.gad2_score)),
        ]
    else:
        rows.append(_row("Whooley and GAD-2 questions", "Not asked"))
    rows += [
        _row("Red flags", "; ".join(_flags(check)) or "None"),
        _row("What was noticed", check.red_flag_detail or "Nothing recorded"),
    ]
    return {"rows": rows}


def task_rows(tasks) -> list[list]:
    now = timezone.now()
    return [
        [
            *_person(t.pregnancy),
            {
                "text": "; ".join(_flags(t.wellbeing_check)),
                "href": reverse("web:red-flag-task", args=[t.pk]),
            },
            display.nhs_datetime(t.raised_at),
            display.count((now - t.raised_at).days, "day"),
        ]
        for t in tasks
    ]


TASK_HEAD = ["Name", "NHS number", "Red flags", "Noticed", "Waiting"]


def task_outcome(task: RedFlagTask) -> dict | None:
    if task.is_open:
        return None
    who = task.actioned_by.get_full_name() or task.actioned_by.get_username()
    return {
        "rows": [
            _row("Actioned", f"{display.nhs_datetime(task.actioned_at)} by {who}"),
            _row("Urgent referral to", task.referral.service.name),
        ]
    }


# --- Cards and links elsewhere ------------------------------------------------------------------


def alert_cards(user) -> list[dict]:
    """Home page cards: her red-flag tasks and her overdue referrals (one count each)."""
    if not access.can(user, Permission.RECORD_CONTACT):
        return []
    cards = []
    for title, description, count, url in (
        (
            RED_FLAG_TITLE,
            RED_FLAG_DESCRIPTION,
            services.open_tasks(access.red_flag_tasks_to_action(user)).count(),
            reverse("web:red-flag-tasks"),
        ),
        (
            OVERDUE_TITLE,
            OVERDUE_DESCRIPTION,
            services.overdue(access.referrals_to_chase(user)).count(),
            reverse("web:service-referrals-overdue"),
        ),
    ):
        cards.append(
            {
                "heading": f"{title}: {count}",
                "href": url,
                "description": description,
                "clickable": True,
                "warning": count > 0,
            }
        )
    return cards


def pregnancy_links(user, pregnancy) -> list[dict]:
    """The record page's link to her referrals to services (no query: the record page
    costs the same however many pregnancies she has)."""
    if not access.can(user, Permission.VIEW_PERSON_RECORDS):
        return []
    return [
        {
            "text": "Referrals to services",
            "href": reverse("web:service-referrals", args=[pregnancy.pk]),
        }
    ]
