"""Worklists and alerts on the page: a card per alert with its count on the home page, and
each alert's own paginated table, every row linking to the family's record."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from tandem.assessments.models import FamilyPlanAction
from tandem.core.gestation import Gestation, date_at_gestation
from tandem.pathway.rules import (
    HEALTH_VISITOR_CONTACT_FROM,
    JOINT_VISIT_BOOK_BY,
    JOINT_VISIT_FROM,
    JOINT_VISIT_TO,
    VISIT_RECORD_DUE_DAYS,
    working_days_between,
)
from tandem.pathway.services import review_target_working_days
from tandem.programme import worklists
from tandem.programme.worklists import CONTACT_28_WEEK_FLAG_FROM, Alert
from tandem.records.services import list_viewed
from tandem.scheduling.models import VisitKind, VisitStatus
from tandem.web.presenters import display
from tandem.web.presenters.pagination import paginate


@dataclass(frozen=True)
class AlertText:
    title: str
    description: str
    empty: str


ALERT_TEXT = {
    Alert.OVERDUE_REVIEW: AlertText(
        "Reviews past their target",
        "Referrals still awaiting safeguarding review more than {target} "
        "working days (Monday to Friday) after they were made. Oldest first.",
        "No referral is past its review target.",
    ),
    Alert.JOINT_VISIT_NOT_BOOKED: AlertText(
        "Joint visits not booked",
        f"Families decided for a joint visit who are {JOINT_VISIT_BOOK_BY} weeks pregnant "
        "or more with no joint visit booked.",
        "Every family decided for a joint visit has one booked in time.",
    ),
    Alert.VISIT_OUT_OF_WINDOW: AlertText(
        "Visits booked outside their window",
        f"Joint visits booked outside {JOINT_VISIT_FROM} to {JOINT_VISIT_TO} weeks, and "
        f"28-week contacts booked before {HEALTH_VISITOR_CONTACT_FROM} weeks.",
        "Every booked visit is inside its window.",
    ),
    Alert.VISIT_NOT_RECORDED: AlertText(
        "Visits not recorded",
        f"Visits that ended {VISIT_RECORD_DUE_DAYS} days ago or more and are still marked "
        "booked, or joint visits attended with no completed visit record.",
        "Every visit is recorded.",
    ),
    Alert.ACTION_OVERDUE: AlertText(
        "Family plan actions overdue",
        "Actions in agreed family plans whose due date has passed and that are not done.",
        "No family plan action is overdue.",
    ),
    Alert.CONTACT_28_WEEK_DUE: AlertText(
        "28-week contacts to book",
        f"Families decided for the health visitor's 28-week contact who are "
        f"{CONTACT_28_WEEK_FLAG_FROM} weeks pregnant or more with none booked.",
        "Every family due a 28-week contact has one booked.",
    ),
}


def worklist_url(alert: Alert) -> str:
    return reverse(f"web:worklist-{alert}")


def alert_cards(user) -> list[dict]:
    """One NHS.UK card per alert her role looks after, with its count (one query each)."""
    cards = []
    target = review_target_working_days()
    for alert, count in worklists.alert_counts(user).items():
        text = ALERT_TEXT[alert]
        cards.append(
            {
                "heading": f"{text.title}: {count}",
                "href": worklist_url(alert),
                "description": describe(text, target),
                "clickable": True,
                "warning": count > 0,
            }
        )
    return cards


def _person(pregnancy) -> list:
    woman = pregnancy.woman
    return [
        {"text": str(woman), "href": reverse("web:woman", args=[woman.pk])},
        {"text": woman.nhs_number_display, "classes": "app-wrap"},
    ]


def _area(pregnancy) -> str:
    return pregnancy.area.name if pregnancy.area else "Not known"


def _on_at(pregnancy, gestation: Gestation) -> str:
    return display.nhs_date(date_at_gestation(pregnancy.edd, gestation))


def _gestation_at(pregnancy, moment) -> str:
    return display.gestation(pregnancy.gestation_on(timezone.localtime(moment).date()))


def _overdue_review_rows(referrals) -> list[list]:
    today = timezone.localdate()
    return [
        [
            *_person(r.pregnancy),
            display.nhs_date(r.referred_at),
            display.count(
                working_days_between(timezone.localtime(r.referred_at).date(), today),
                "working day",
            ),
            display.gestation(r.pregnancy.gestation_on(today)),
            _area(r.pregnancy),
        ]
        for r in referrals
    ]


def _joint_visit_rows(referrals) -> list[list]:
    today = timezone.localdate()
    return [
        [
            *_person(r.pregnancy),
            display.gestation(r.pregnancy.gestation_on(today)),
            f"{_on_at(r.pregnancy, JOINT_VISIT_FROM)} to {_on_at(r.pregnancy, JOINT_VISIT_TO)}",
            display.nhs_date(r.decided_at),
            _area(r.pregnancy),
        ]
        for r in referrals
    ]


def _contact_rows(referrals) -> list[list]:
    today = timezone.localdate()
    return [
        [
            *_person(r.pregnancy),
            display.gestation(r.pregnancy.gestation_on(today)),
            _on_at(r.pregnancy, HEALTH_VISITOR_CONTACT_FROM),
            display.nhs_date(r.decided_at),
            _area(r.pregnancy),
        ]
        for r in referrals
    ]


def _window_of(visit) -> str:
    if visit.kind == VisitKind.JOINT_VISIT:
        return f"{JOINT_VISIT_FROM} to {JOINT_VISIT_TO} weeks"
    return f"From {HEALTH_VISITOR_CONTACT_FROM} weeks"


def _out_of_window_rows(visits) -> list[list]:
    return [
        [
            *_person(v.pregnancy),
            v.get_kind_display(),
            display.nhs_datetime(v.starts_at),
            _gestation_at(v.pregnancy, v.starts_at),
            _window_of(v),
        ]
        for v in visits
    ]


def _not_recorded_rows(visits) -> list[list]:
    return [
        [
            *_person(v.pregnancy),
            v.get_kind_display(),
            display.nhs_datetime(v.ends_at),
            "Attendance not recorded"
            if v.status == VisitStatus.BOOKED
            else "Visit record not completed",
        ]
        for v in visits
    ]


def _action_rows(actions) -> list[list]:
    return [
        [
            *_person(a.goal.record.visit.pregnancy),
            a.action,
            a.owner_service or a.get_owner_display(),
            display.nhs_date(a.due_date),
            a.get_status_display(),
        ]
        for a in actions
    ]


_NAME = ("Name", "NHS number")
COLUMNS = {
    Alert.OVERDUE_REVIEW: (
        (*_NAME, "Referred on", "Waiting", "Gestation today", "Area"),
        _overdue_review_rows,
    ),
    Alert.JOINT_VISIT_NOT_BOOKED: (
        (*_NAME, "Gestation today", "Joint visit window", "Decided on", "Area"),
        _joint_visit_rows,
    ),
    Alert.VISIT_OUT_OF_WINDOW: (
        (*_NAME, "Visit", "Booked for", "Gestation then", "Window"),
        _out_of_window_rows,
    ),
    Alert.VISIT_NOT_RECORDED: ((*_NAME, "Visit", "Ended", "What is missing"), _not_recorded_rows),
    Alert.ACTION_OVERDUE: ((*_NAME, "Action", "Who", "Due", "Status"), _action_rows),
    Alert.CONTACT_28_WEEK_DUE: (
        (*_NAME, "Gestation today", "28 weeks on", "Decided on", "Area"),
        _contact_rows,
    ),
}


def _pregnancy_of(item):
    if isinstance(item, FamilyPlanAction):
        return item.goal.record.visit.pregnancy
    return item.pregnancy


def describe(text: AlertText, target: int) -> str:
    """An alert's description, with the LMNS's review target filled in."""
    return text.description.format(target=target)


def worklist_page(request, alert: Alert) -> dict:
    """The page of one alert: its words, table and pagination (a fixed number of queries);
    the women it shows are audited as read."""
    text = ALERT_TEXT[alert]
    listing = paginate(
        request, worklists.worklist(request.user, alert), label=f"{text.title}: pages"
    )
    head, rows = COLUMNS[alert]
    list_viewed(
        by=request.user,
        what="worklist",
        object_id=str(alert),
        woman_ids=[_pregnancy_of(item).woman_id for item in listing.items],
    )
    return {
        "text": text,
        "description": describe(text, review_target_working_days()),
        "listing": listing,
        "table": {
            "caption": text.title,
            "captionClasses": "nhsuk-u-visually-hidden",
            "head": [{"text": column} for column in head],
            "rows": rows(listing.items),
            "responsive": True,
        },
    }
