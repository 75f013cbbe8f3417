"""What the pathway pages show: the screen's answers, the review queue, a referral's
decisions, questions and history. Templates only lay these out."""

from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.html import format_html

from tandem import access
from tandem.core.roles import Permission
from tandem.pathway import services
from tandem.pathway.models import (
    Decision,
    Referral,
    ReferralEvent,
    ReferralStatus,
    ReviewOutcome,
    Screen,
    ScreenOutcome,
)
from tandem.scheduling.models import ENDED_WITHOUT_VISIT
from tandem.web.presenters import display
from tandem.web.presenters.navigation import display_name


def person(user) -> str:
    return display_name(user) if user is not None else "Unknown"


def _rows(pairs) -> dict:
    return {"rows": [{"key": {"text": key}, "value": {"text": value}} for key, value in pairs]}


def _tag(text: str, colour: str) -> str:
    return format_html('<strong class="nhsuk-tag nhsuk-tag--{}">{}</strong>', colour, text)


# --- The screen ---------------------------------------------------------------------------


def screen_banner(screen: Screen) -> dict:
    """The result banner: referred for review, or not referred."""
    when = display.nhs_datetime(screen.screened_at)
    if screen.outcome == ScreenOutcome.REFERRED:
        return {
            "variant": "success",
            "title": {"id": "screen-result-title", "text": "Referred"},
            "heading": "Referred to the safeguarding team for review",
            "text": f"Screened by {person(screen.screened_by)} on {when}. The safeguarding "
            "team will decide whether the family is offered a joint visit at 20 to 25 weeks "
            "or a health visitor contact at 28 weeks.",
        }
    return {
        "title": {"id": "screen-result-title", "text": "Not referred"},
        "heading": "Not referred: no criterion met",
        "text": f"Screened by {person(screen.screened_by)} on {when}. If her circumstances "
        "change, screen her again.",
    }


def open_referral_note(referral: Referral) -> str:
    return format_html(
        'She was referred on {} and the referral is still open. <a class="nhsuk-link" '
        'href="{}">See the referral</a>. A new screen can refer her again once the '
        "safeguarding team has decided.",
        display.nhs_date(referral.referred_at),
        reverse("web:pathway-referral", args=[referral.pk]),
    )


def screen_answers(screen: Screen) -> dict:
    return _rows(
        (
            answer.criterion.label,
            f"Yes: {answer.detail}"
            if answer.met
            else ("No" + (f": {answer.detail}" if answer.detail else "")),
        )
        for answer in screen.answers.select_related("criterion")
    )


# --- The queue ----------------------------------------------------------------------------


def queue_table(entries: list[services.QueueEntry], target: int) -> dict:
    rows = []
    for entry in entries:
        referral = entry.referral
        pregnancy = referral.pregnancy
        waiting = display.count(entry.working_days_waiting, "working day")
        if entry.over_target:
            waiting_cell = {"html": format_html("{} {}", waiting, _tag("Over target", "red"))}
        else:
            waiting_cell = {"text": waiting}
        rows.append(
            [
                {
                    "text": str(pregnancy.woman),
                    "href": reverse("web:pathway-referral", args=[referral.pk]),
                },
                {"text": pregnancy.woman.nhs_number_display, "classes": "app-wrap"},
                display.nhs_date(referral.referred_at),
                waiting_cell,
                display.gestation(entry.gestation_today),
                pregnancy.area.name if pregnancy.area else "Not known",
                ", ".join(entry.criteria_met) or "See the referral",
            ]
        )
    heading = "Referrals awaiting review"
    return {
        "caption": heading,
        "captionClasses": "nhsuk-u-visually-hidden",
        "head": [
            {"text": text}
            for text in (
                "Name",
                "NHS number",
                "Referred on",
                f"Waiting (target {target})",
                "Gestation today",
                "Area",
                "Criteria met",
            )
        ],
        "rows": rows,
        "responsive": True,
    }


def questions_table(questions: list[Decision]) -> dict:
    rows = []
    for question in questions:
        referral = question.referral
        rows.append(
            [
                {
                    "text": str(referral.pregnancy.woman),
                    "href": reverse("web:pathway-answer", args=[referral.pk]),
                },
                {"text": referral.pregnancy.woman.nhs_number_display, "classes": "app-wrap"},
                display.nhs_date(question.decided_at),
                person(question.decided_by),
                question.question,
            ]
        )
    return {
        "caption": "Questions to answer",
        "captionClasses": "nhsuk-u-visually-hidden",
        "head": [
            {"text": text} for text in ("Name", "NHS number", "Asked on", "Asked by", "Question")
        ],
        "rows": rows,
        "responsive": True,
    }


# --- A referral ---------------------------------------------------------------------------


def _status_text(referral: Referral) -> str:
    if referral.status == ReferralStatus.DECIDED:
        return f"Decided: {referral.get_current_outcome_display()}"
    return referral.get_status_display()


def referral_summary(referral: Referral, *, target: int, today) -> dict:
    pregnancy = referral.pregnancy
    pairs = [
        ("Status", _status_text(referral)),
        ("Referred by", person(referral.referred_by)),
        ("Referred on", display.nhs_datetime(referral.referred_at)),
        ("Area", pregnancy.area.name if pregnancy.area else "Not known"),
        ("Gestation today", display.gestation(pregnancy.gestation_on(today))),
        ("Due date", display.nhs_date(pregnancy.edd)),
    ]
    if referral.status == ReferralStatus.AWAITING_REVIEW:
        entry = services.queue_entries([referral], today=today, target=target)[0]
        waiting = display.count(entry.working_days_waiting, "working day")
        suffix = " (over the target)" if entry.over_target else ""
        pairs.append(("Waiting", f"{waiting}, target {target}{suffix}"))
    return _rows(pairs)


def reason_rows(referral: Referral) -> dict:
    """The criteria met at the screen with their detail, or the referral's reason."""
    screen = getattr(referral, "screen", None)
    if screen is None:
        return _rows([("Reason", referral.reason)])
    answers = screen.answers.filter(met=True).select_related("criterion")
    return _rows((answer.criterion.label, answer.detail) for answer in answers)


def question_rows(question: Decision) -> dict:
    return _rows(
        [
            ("Asked by", person(question.decided_by)),
            ("Asked on", display.nhs_datetime(question.decided_at)),
            ("Question", question.question),
        ]
    )


def decisions_table(decisions: list[Decision]) -> dict:
    rows = []
    for decision in decisions:
        outcome = decision.get_outcome_display()
        if decision.revises_id:
            outcome += " (changed an earlier decision)"
        if getattr(decision, "is_superseded", False):
            outcome += " – replaced by a later decision"
        words = decision.rationale
        if decision.outcome == ReviewOutcome.MORE_INFORMATION:
            words = f"{words}\n\nQuestion: {decision.question}"
            answer = getattr(decision, "answer", None)
            if answer is not None:
                words += (
                    f"\n\nAnswer from {person(answer.answered_by)} on "
                    f"{display.nhs_date(answer.answered_at)}: {answer.text}"
                )
        rows.append(
            [
                display.nhs_datetime(decision.decided_at),
                person(decision.decided_by),
                outcome,
                {"html": linebreaksbr(words, autoescape=True)},
            ]
        )
    return {
        "caption": "Decisions",
        "captionClasses": "nhsuk-u-visually-hidden",
        "head": [{"text": text} for text in ("When", "Who", "Decision", "Reasons")],
        "rows": rows,
        "responsive": True,
    }


def events_table(events: list[ReferralEvent]) -> dict:
    rows = [
        [
            display.nhs_datetime(event.at),
            event.get_kind_display() + (f": {event.note}" if event.note else ""),
            person(event.by),
        ]
        for event in events
    ]
    return {
        "caption": "History of the referral",
        "captionClasses": "nhsuk-u-visually-hidden",
        "head": [{"text": text} for text in ("When", "What happened", "Who")],
        "rows": rows,
        "responsive": True,
    }


VISIT_OUTCOMES = (ReviewOutcome.JOINT_VISIT, ReviewOutcome.HEALTH_VISITOR_28_WEEK)


def booking_links(user, referral: Referral) -> list[dict]:
    """'Book the visit' once the review has decided a visit and none is on or attended."""
    if not (
        access.can(user, Permission.BOOK_VISITS)
        and referral.status == ReferralStatus.DECIDED
        and referral.current_outcome in VISIT_OUTCOMES
    ):
        return []
    if any(visit.status not in ENDED_WITHOUT_VISIT for visit in referral.visits.all()):
        return []
    return [{"href": reverse("web:visit-book", args=[referral.pk]), "text": "Book the visit"}]


def referral_actions(user, referral: Referral) -> list[dict]:
    actions = booking_links(user, referral)
    reviewing = access.can(user, Permission.REVIEW_REFERRALS)
    referring = access.can(user, Permission.REFER_TO_PATHWAY)
    if reviewing and referral.status == ReferralStatus.AWAITING_REVIEW:
        actions.append(
            {"href": reverse("web:pathway-decide", args=[referral.pk]), "text": "Decide"}
        )
    if reviewing and referral.status == ReferralStatus.DECIDED:
        actions.append(
            {
                "href": reverse("web:pathway-revise", args=[referral.pk]),
                "text": "Change the decision",
            }
        )
    if referring and referral.status == ReferralStatus.MORE_INFORMATION_NEEDED:
        actions.append(
            {
                "href": reverse("web:pathway-answer", args=[referral.pk]),
                "text": "Answer the safeguarding team's question",
            }
        )
    if referring and referral.is_open:
        actions.append(
            {
                "href": reverse("web:pathway-withdraw", args=[referral.pk]),
                "text": "Withdraw the referral",
            }
        )
    return actions


def pregnancy_pathway_links(user, pregnancy) -> list[dict]:
    """The pathway's links for a pregnancy on her record, in the shape of the record page's
    action links: screen her, and open her latest referral."""
    links = []
    if access.can(user, Permission.REFER_TO_PATHWAY):
        links.append(
            {
                "href": reverse("web:pathway-screen", args=[pregnancy.pk]),
                "text": "Enhanced pathway screen",
            }
        )
    # Newest first when the caller prefetched them so (the record page does).
    latest = next(iter(pregnancy.referrals.all()), None)
    if latest is not None:
        links.append(
            {
                "href": reverse("web:pathway-referral", args=[latest.pk]),
                "text": f"Enhanced pathway referral ({_status_text(latest).lower()})",
            }
        )
        links += booking_links(user, latest)
    return links
