"""Rules a referral, a status change and a wellbeing check must meet before they are saved.

Errors are keyed by the field name the forms use, with words written for the practitioner.
"""

from dataclasses import dataclass
from datetime import date

from tandem.hubs.models import Consent, Frequency, Service, ServiceReferralStatus, Urgency
from tandem.records.models import ContactOutcome, Pregnancy
from tandem.records.validation import Errors

# Where a referral may go next. Declined and closed are final; a referral the woman no longer
# wants, or that has done its job, is closed from any open status.
TRANSITIONS: dict[str, frozenset[str]] = {
    ServiceReferralStatus.SENT: frozenset(
        {
            ServiceReferralStatus.ACCEPTED,
            ServiceReferralStatus.DECLINED,
            ServiceReferralStatus.CLOSED,
        }
    ),
    ServiceReferralStatus.ACCEPTED: frozenset(
        {ServiceReferralStatus.FIRST_APPOINTMENT, ServiceReferralStatus.CLOSED}
    ),
    ServiceReferralStatus.FIRST_APPOINTMENT: frozenset({ServiceReferralStatus.CLOSED}),
    ServiceReferralStatus.DECLINED: frozenset(),
    ServiceReferralStatus.CLOSED: frozenset(),
}
OPEN_STATUSES = frozenset(status for status, onward in TRANSITIONS.items() if onward)


class RedFlag:
    """The mental health red flags of Saving Lives, Improving Mothers' Care (2015), as the
    Better Births resource pack lists them."""

    MENTAL_STATE = "mental_state"
    SELF_HARM = "self_harm"
    ESTRANGEMENT = "estrangement"
    CHOICES = (
        (MENTAL_STATE, "Recent significant change in mental state or emergence of new symptoms"),
        (SELF_HARM, "New thoughts or acts of violent self-harm"),
        (
            ESTRANGEMENT,
            "New and persistent expressions of incompetency as a mother or estrangement "
            "from the infant",
        ),
    )


@dataclass(frozen=True)
class WellbeingAnswers:
    """What was asked and noticed at a contact. The questions are None when not asked."""

    feeling_down: bool | None = None
    little_interest: bool | None = None
    wants_help: bool | None = None
    nervous: int | None = None
    worrying: int | None = None
    red_flags: frozenset[str] = frozenset()
    red_flag_detail: str = ""

    @property
    def any_answered(self) -> bool:
        return any(
            value is not None
            for value in (
                self.feeling_down,
                self.little_interest,
                self.wants_help,
                self.nervous,
                self.worrying,
            )
        )

    @property
    def is_empty(self) -> bool:
        return not self.any_answered and not self.red_flags and not self.red_flag_detail.strip()


def check_wellbeing(
    errors: Errors, answers: WellbeingAnswers, *, asked: bool | None, outcome: str
) -> None:
    """`asked` is the contact's "emotional wellbeing asked about" answer; the questions must
    be answered exactly when it is yes. Red flags are what she noticed, asked or not."""
    took_place = outcome == ContactOutcome.ATTENDED
    if asked and not took_place:
        errors.add(
            "wellbeing_asked",
            "You can only ask about her emotional wellbeing at a contact that took place",
        )
    if asked:
        for field, value, message in (
            ("feeling_down", answers.feeling_down, "Select her answer about feeling down"),
            ("little_interest", answers.little_interest, "Select her answer about interest"),
            ("nervous", answers.nervous, "Select how often she has felt nervous or on edge"),
            ("worrying", answers.worrying, "Select how often she could not stop worrying"),
        ):
            if value is None:
                errors.add(field, message)
        if (answers.feeling_down or answers.little_interest) and answers.wants_help is None:
            errors.add("wants_help", "Select whether she feels she needs or wants help")
    elif answers.any_answered:
        errors.add(
            "wellbeing_asked",
            "You gave her answers to the wellbeing questions: select yes, you asked",
        )
    for field, value in (("nervous", answers.nervous), ("worrying", answers.worrying)):
        if value is not None and value not in Frequency.values:
            errors.add(field, "Select how often from the list")
    unknown = set(answers.red_flags) - {code for code, _ in RedFlag.CHOICES}
    if unknown:
        errors.add("red_flags", "Select red flags from the list")
    if answers.red_flags and not took_place:
        errors.add("red_flags", "Red flags can only be recorded at a contact that took place")
    if answers.red_flags and not answers.red_flag_detail.strip():
        errors.add("red_flag_detail", "Describe what you noticed")
    if answers.red_flag_detail.strip() and not answers.red_flags:
        errors.add("red_flags", "Select the red flag you describe")


def check_referral(
    errors: Errors,
    *,
    pregnancy: Pregnancy,
    service: Service | None,
    reason: str,
    urgency: str,
    consent: str,
    contact,
) -> None:
    if service is None or not service.is_active or not service.hub.is_active:
        errors.add("service", "Choose a service from the directory")
    elif pregnancy.area_id is not None and not service.areas.filter(pk=pregnancy.area_id).exists():
        errors.add(
            "service",
            f"{service.name} does not take women living in {pregnancy.area}: "
            "choose a service for her area",
        )
    if not (reason or "").strip():
        errors.add("reason", "Enter the reason for the referral")
    if urgency not in Urgency.values:
        errors.add("urgency", "Select how urgent the referral is")
    if consent not in Consent.values:
        errors.add("consent", "Select whether she agreed to the referral")
    elif consent == Consent.WITHOUT_CONSENT and urgency != Urgency.URGENT:
        errors.add(
            "consent",
            "Only an urgent referral, because of a serious risk, may be made without her agreement",
        )
    if contact is not None and contact.pregnancy_id != pregnancy.pk:
        errors.add("contact", "Choose a contact of this pregnancy")


def check_status_change(
    errors: Errors,
    *,
    current: str,
    status: str,
    happened_on: date | None,
    sent_on: date,
    today: date,
    note: str,
) -> None:
    if status not in ServiceReferralStatus.values:
        errors.add("status", "Select what has happened to the referral")
    elif status not in TRANSITIONS.get(current, frozenset()):
        allowed = sorted(
            ServiceReferralStatus(onward).label for onward in TRANSITIONS.get(current, ())
        )
        now = ServiceReferralStatus(current).label.lower()
        if allowed:
            errors.add(
                "status",
                f"A referral that is {now} can only become: {', '.join(allowed).lower()}",
            )
        else:
            errors.add("status", f"A referral that is {now} cannot change any more")
    if happened_on is None:
        errors.add("happened_on", "Enter the date it happened")
    elif happened_on > today:
        errors.add("happened_on", "The date it happened must be today or in the past")
    elif happened_on < sent_on:
        errors.add("happened_on", "The date it happened must be on or after the referral")
    if status == ServiceReferralStatus.DECLINED and not (note or "").strip():
        errors.add("note", "Enter the reason the service gave for declining")
