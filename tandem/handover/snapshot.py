"""What a handover tells the health visitor, gathered from the record at the moment it is
sent and stored with it, so later changes to the record never change what she was told.

A snapshot is plain JSON: sections, each a list of groups (a titled summary of rows), each
row `[label, value, kind]`. Labels and choice labels are resolved to words when it is built;
dates and times stay ISO strings (`kind` "date" or "datetime") for the page to write out in
its own style; a value of None reads "Not recorded".
"""

from datetime import date, datetime

from django.utils import timezone

from tandem.assessments.models import FamilyPlanAction
from tandem.careplans.models import CarePlan, PlanSection, PlanStage
from tandem.careplans.sections import SPEC_OF, FieldKind
from tandem.careplans.services import current_sections
from tandem.core.gestation import birth_gestation_text
from tandem.hubs.services import referrals_for
from tandem.outcomes.models import Baby, FeedingAt6To8Weeks, LabourDelivery, PregnancyOutcome
from tandem.pathway.models import Referral, ReferralStatus
from tandem.programme.worklists import FINISHED_ACTIONS
from tandem.records.models import Pregnancy

FORMAT = 1
TEXT, DATE, DATETIME = "text", "date", "datetime"

Row = list  # [label, value, kind]


def _text(label: str, value) -> Row:
    return [label, None if value in (None, "") else str(value), TEXT]


def _when(label: str, value: date | datetime | None) -> Row:
    kind = DATETIME if isinstance(value, datetime) else DATE
    return [label, value.isoformat() if value is not None else None, kind]


def _yes_no(label: str, value: bool | None) -> Row:
    return _text(label, None if value is None else ("Yes" if value else "No"))


def _group(rows: list[Row], title: str = "") -> dict:
    return {"title": title, "rows": rows}


def _section(key: str, heading: str, groups: list[dict], empty: str = "") -> dict:
    return {"key": key, "heading": heading, "groups": groups, "empty": empty}


def _mother(pregnancy: Pregnancy) -> dict:
    woman = pregnancy.woman
    return _section(
        "mother",
        "Mother",
        [
            _group(
                [
                    _text("Name", str(woman)),
                    _text("NHS number", woman.nhs_number_display),
                    _when("Date of birth", woman.date_of_birth),
                    _text("Postcode", woman.postcode),
                    _text("Area", pregnancy.area.name if pregnancy.area else None),
                    _text("Main language", woman.get_main_language_display()),
                    _yes_no("Interpreter needed", woman.interpreter_needed),
                    _text("Accessibility needs", woman.accessibility_needs or "None recorded"),
                    _text("Named midwife", pregnancy.named_midwife),
                    _text("Midwifery team", pregnancy.team),
                ]
            )
        ],
    )


def _labour(labour: LabourDelivery) -> dict:
    blood_loss = None if labour.blood_loss_ml is None else f"{labour.blood_loss_ml} ml"
    return _section(
        "birth",
        "Birth",
        [
            _group(
                [
                    _when("Date of birth", labour.birth_date),
                    _text("Babies born", labour.births_count),
                    _text("How labour started", labour.get_onset_method_display()),
                    _text(
                        "Genital tract trauma",
                        labour.get_genital_tract_trauma_display() or "None recorded",
                    ),
                    _yes_no("Episiotomy", labour.episiotomy),
                    _text("Blood loss", blood_loss),
                    _text(
                        "Epidural, spinal or general anaesthetic",
                        labour.get_anaesthesia_display(),
                    ),
                    _yes_no("Oxytocin to speed up labour", labour.oxytocin_augmentation),
                    _text("Smoking at delivery", labour.get_smoking_status_delivery_display()),
                ]
            )
        ],
    )


def _baby(baby: Baby) -> dict:
    gestation = None if baby.gestation_days is None else birth_gestation_text(baby.gestation_days)
    weight = None if baby.birth_weight_g is None else f"{baby.birth_weight_g:,} g"
    return _section(
        f"baby-{baby.birth_order}",
        f"Baby {baby.birth_order}",
        [
            _group(
                [
                    _when("Born", baby.born_at),
                    _text("Outcome", baby.get_outcome_display()),
                    _text("Mode of birth", baby.get_delivery_method_display()),
                    _text("Gestation at birth", gestation),
                    _text("Birth weight", weight),
                    _text("Apgar score at 5 minutes", baby.apgar_5),
                    _text("Place of birth", baby.get_place_of_birth_display()),
                    _yes_no("Admitted to neonatal critical care", baby.neonatal_admission),
                ]
            )
        ],
    )


def _feeding(babies: list[Baby], current_feeding: str, feeding_notes: str) -> dict:
    rows = [
        _text(f"First feed, baby {baby.birth_order}", baby.get_first_feed_display())
        for baby in babies
    ]
    now = FeedingAt6To8Weeks(current_feeding).label if current_feeding else None
    rows += [_text("Feeding now", now), _text("Feeding notes", feeding_notes or "None")]
    return _section("feeding", "Feeding", [_group(rows)])


def _pathway_referral(pregnancy: Pregnancy) -> str:
    referral = (
        Referral.objects.filter(pregnancy=pregnancy)
        .exclude(status=ReferralStatus.WITHDRAWN)
        .order_by("-referred_at", "-pk")
        .first()
    )
    if referral is None:
        return "Not referred"
    decided = f": {referral.get_current_outcome_display()}" if referral.current_outcome else ""
    return f"Referred ({referral.get_status_display().lower()}{decided})"


def _concerns(pregnancy: Pregnancy, safeguarding_concerns: bool | None, concerns: str) -> dict:
    return _section(
        "concerns",
        "Concerns",
        [
            _group(
                [
                    _yes_no("Safeguarding concerns", safeguarding_concerns),
                    _text("Enhanced Maternity Pathway", _pathway_referral(pregnancy)),
                    _text("Concerns from the midwife", concerns or "None"),
                ]
            )
        ],
    )


def _postnatal_plan(pregnancy: Pregnancy) -> dict:
    """The postnatal sections of her personalised care plan as they read now, by whom."""
    plan = CarePlan.objects.filter(pregnancy=pregnancy).first()
    groups = []
    if plan is not None:
        for section, version in current_sections(plan, for_woman=False).items():
            spec = SPEC_OF[section]
            if version is None or spec.stage != PlanStage.POSTNATAL:
                continue
            rows = [
                (_when if f.kind == FieldKind.DATE else _text)(
                    str(f.label), f.choice_label(version.content.get(f.name, ""))
                )
                for f in spec.fields
            ]
            rows.append(_when("Last changed", version.created_at))
            groups.append(_group(rows, title=str(PlanSection(section).label)))
    return _section(
        "plan",
        "Her postnatal plan",
        groups,
        empty="Her personalised care plan has no postnatal section written yet.",
    )


def _open_family_plan_actions(pregnancy: Pregnancy) -> dict:
    actions = (
        FamilyPlanAction.objects.filter(goal__record__visit__pregnancy=pregnancy)
        .exclude(status__in=FINISHED_ACTIONS)
        .select_related("goal")
        .order_by("due_date", "pk")
    )
    groups = [
        _group(
            [
                _text("Goal", action.goal.goal),
                _text("Who", action.owner_service or action.get_owner_display()),
                _when("Due", action.due_date),
                _text("Status", action.get_status_display()),
            ],
            title=action.action,
        )
        for action in actions
    ]
    return _section(
        "family-plan",
        "Family plan actions still open",
        groups,
        empty="No family plan action is still open.",
    )


def _referrals_in_progress(pregnancy: Pregnancy) -> dict:
    groups = [
        _group(
            [
                _text("Hub", referral.service.hub.name),
                _text("Status", referral.get_status_display()),
                _when("Sent", referral.sent_at),
            ],
            title=referral.service.name,
        )
        for referral in referrals_for(pregnancy, open_only=True)
    ]
    return _section(
        "referrals",
        "Referrals in progress",
        groups,
        empty="No referral to another service is in progress.",
    )


def birth_versions(labour: LabourDelivery, babies: list[Baby]) -> dict:
    return {"labour": labour.version, "babies": [baby.version for baby in babies]}


def build_snapshot(
    pregnancy: Pregnancy,
    labour: LabourDelivery,
    *,
    current_feeding: str,
    feeding_notes: str,
    safeguarding_concerns: bool | None,
    concerns: str,
) -> dict:
    babies = list(labour.babies.all())  # in birth order
    return {
        "format": FORMAT,
        "built_at": timezone.now().isoformat(),
        "babies": len(babies),
        "live_births": sum(baby.outcome == PregnancyOutcome.LIVE_BIRTH for baby in babies),
        # The versions of the birth record it was built from, to tell when it has changed.
        "birth_versions": birth_versions(labour, babies),
        "sections": [
            _mother(pregnancy),
            _labour(labour),
            *[_baby(baby) for baby in babies],
            _feeding(babies, current_feeding, feeding_notes),
            _concerns(pregnancy, safeguarding_concerns, concerns),
            _postnatal_plan(pregnancy),
            _open_family_plan_actions(pregnancy),
            _referrals_in_progress(pregnancy),
        ],
    }
