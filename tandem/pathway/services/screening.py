"""The enhanced-pathway screen: each active criterion met or not, with detail when met.

Any criterion met refers the family to the safeguarding team in the same transaction; none
met records a "not referred" decision. A saved screen never changes: a later screen is a
new one, and it may refer the family again once no referral of hers is open.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from tandem.core.audit import record_event
from tandem.core.models import AuditAction
from tandem.pathway.models import (
    OPEN_STATUSES,
    EligibilityCriterion,
    Referral,
    ReferralEvent,
    ReferralEventKind,
    ReferralStatus,
    Screen,
    ScreenAnswer,
    ScreenOutcome,
)
from tandem.records.models import Pregnancy, PregnancyStatus
from tandem.records.validation import Errors

MAX_DETAIL_LENGTH = 2000


@dataclass(frozen=True)
class CriterionAnswer:
    met: bool | None  # None: not answered
    detail: str = ""


def met_field(criterion: EligibilityCriterion) -> str:
    """The field name under which a criterion's met / not met answer and its errors go."""
    return f"met_{criterion.code}"


def detail_field(criterion: EligibilityCriterion) -> str:
    return f"detail_{criterion.code}"


def active_criteria() -> list[EligibilityCriterion]:
    return list(EligibilityCriterion.objects.filter(is_active=True))


def open_referral(pregnancy: Pregnancy) -> Referral | None:
    return pregnancy.referrals.filter(status__in=OPEN_STATUSES).first()


def _already_open_message(referral: Referral) -> str:
    referred_on = timezone.localdate(referral.referred_at)
    return (
        f"She was already referred on {referred_on.day} {referred_on:%B %Y} "
        "and the safeguarding team has not finished reviewing that referral. Save the screen "
        "again once they have decided, or tell them about the new concern directly."
    )


def _validated(
    pregnancy: Pregnancy,
    criteria: list[EligibilityCriterion],
    answers: Mapping[str, CriterionAnswer],
) -> dict[str, CriterionAnswer]:
    errors = Errors()
    asked = {criterion.code for criterion in criteria}
    retired = sorted(set(answers) - asked)
    if retired:
        errors.add(
            "__all__",
            "The screen's questions have changed since you opened it: "
            f"{', '.join(retired)} is no longer asked. Reload the screen and answer again.",
        )
    if pregnancy.status != PregnancyStatus.ACTIVE:
        errors.add("__all__", "Only an active pregnancy can be screened")
    cleaned: dict[str, CriterionAnswer] = {}
    for criterion in criteria:
        answer = answers.get(criterion.code, CriterionAnswer(met=None))
        detail = (answer.detail or "").strip()
        if answer.met is None:
            errors.add(met_field(criterion), f"Select whether '{criterion.label}' applies")
        elif answer.met and not detail:
            errors.add(detail_field(criterion), f"Describe the {criterion.label.lower()} concern")
        if len(detail) > MAX_DETAIL_LENGTH:
            errors.add(
                detail_field(criterion),
                f"The detail must be {MAX_DETAIL_LENGTH} characters or fewer",
            )
        cleaned[criterion.code] = CriterionAnswer(met=answer.met, detail=detail)
    any_met = any(answer.met for answer in cleaned.values())
    if any_met and pregnancy.area_id is None:
        errors.add(
            "__all__",
            "Her pregnancy has no area, so no safeguarding reviewer would see a referral. "
            "Change her pregnancy to give its area, then screen again.",
        )
    if any_met and (existing := open_referral(pregnancy)) is not None:
        errors.add("__all__", _already_open_message(existing))
    errors.raise_if_any()
    return cleaned


def _reason(criteria: list[EligibilityCriterion], answers: dict[str, CriterionAnswer]) -> str:
    return "\n".join(
        f"{criterion.label}: {answers[criterion.code].detail}"
        for criterion in criteria
        if answers[criterion.code].met
    )


@transaction.atomic
def record_screen(*, by, pregnancy: Pregnancy, answers: Mapping[str, CriterionAnswer]) -> Screen:
    """Saves the screen (answers keyed by criterion code) and, if any criterion is met,
    refers the family for safeguarding review."""
    criteria = active_criteria()
    cleaned = _validated(pregnancy, criteria, answers)
    now = timezone.now()
    referral = None
    if any(answer.met for answer in cleaned.values()):
        referral = Referral(
            pregnancy=pregnancy,
            referred_by=by,
            referred_at=now,
            reason=_reason(criteria, cleaned),
            status=ReferralStatus.AWAITING_REVIEW,
        )
        try:
            with transaction.atomic():
                referral.save()
        except IntegrityError:
            # Another screen referred her between our check and our save.
            raise ValidationError(
                {"__all__": _already_open_message(open_referral(pregnancy) or referral)}
            ) from None
        ReferralEvent.objects.create(
            referral=referral,
            kind=ReferralEventKind.REFERRED,
            at=now,
            by=by,
            status_after=ReferralStatus.AWAITING_REVIEW,
        )
        record_event(
            by=by,
            action=AuditAction.CREATE,
            object_type="referral",
            object_id=referral.pk,
            person_id=pregnancy.woman_id,
        )
    screen = Screen.objects.create(
        pregnancy=pregnancy,
        screened_by=by,
        screened_at=now,
        outcome=ScreenOutcome.REFERRED if referral else ScreenOutcome.NOT_REFERRED,
        referral=referral,
    )
    ScreenAnswer.objects.bulk_create(
        ScreenAnswer(
            screen=screen,
            criterion=criterion,
            met=cleaned[criterion.code].met,
            detail=cleaned[criterion.code].detail,
        )
        for criterion in criteria
    )
    record_event(
        by=by,
        action=AuditAction.CREATE,
        object_type="pathway_screen",
        object_id=screen.pk,
        person_id=pregnancy.woman_id,
        detail={"outcome": screen.outcome, "referral": referral.pk if referral else None},
    )
    return screen


def screen_viewed(*, by, screen: Screen) -> None:
    record_event(
        by=by,
        action=AuditAction.VIEW,
        object_type="pathway_screen",
        object_id=screen.pk,
        person_id=screen.pregnancy.woman_id,
    )
