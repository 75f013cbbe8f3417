"""A pregnancy's birth as the record page shows it (the labour, then each baby), and the
captions that say whose birth and which baby a form is about."""

from dataclasses import dataclass, field

from django.urls import reverse

from tandem import access
from tandem.core.gestation import birth_gestation_text
from tandem.core.roles import Permission
from tandem.outcomes.models import Baby, LabourDelivery, PregnancyOutcome
from tandem.records.models import Pregnancy, PregnancyStatus
from tandem.web.presenters import display
from tandem.web.presenters.forms import PresentedForm
from tandem.web.presenters.handover import handover_links


@dataclass
class BabyView:
    heading: str
    summary: dict
    actions: list[dict] = field(default_factory=list)


@dataclass
class BirthView:
    summary: dict | None
    babies: list[BabyView]
    actions: list[dict]
    empty: str = ""


def _row(key: str, value: str) -> dict:
    return {"key": {"text": key}, "value": {"text": value}}


def baby_count_form(form) -> PresentedForm:
    """The one question of its page, so its legend is the page's heading."""
    presented = PresentedForm(form, legend_size="l")
    presented["babies"].params["fieldset"]["legend"]["isPageHeading"] = True
    return presented


def has_birth(pregnancy: Pregnancy) -> bool:
    return hasattr(pregnancy, "labour_delivery")


def birth_caption(pregnancy: Pregnancy) -> str:
    woman = pregnancy.woman
    return (
        f"{woman}, NHS number {woman.nhs_number_display}, "
        f"pregnancy due {display.nhs_date(pregnancy.edd)}"
    )


def baby_caption(baby: Baby) -> str:
    """Which baby: mother, NHS number, birth order and when born (twins differ by these)."""
    woman = baby.labour_delivery.pregnancy.woman
    return (
        f"Baby {baby.birth_order} of {woman}, NHS number {woman.nhs_number_display}, "
        f"born {display.nhs_datetime(baby.born_at)}"
    )


def _labour_summary(labour: LabourDelivery) -> dict:
    blood_loss = (
        display.NOT_RECORDED if labour.blood_loss_ml is None else f"{labour.blood_loss_ml} ml"
    )
    return {
        "rows": [
            _row("How labour started", labour.get_onset_method_display() or display.NOT_RECORDED),
            _row("Labour started", display.nhs_datetime(labour.labour_onset_at)),
            _row("Caesarean section", display.nhs_datetime(labour.caesarean_at, "None")),
            _row("Babies born", str(labour.births_count or display.NOT_RECORDED)),
            _row(
                "Genital tract trauma",
                labour.get_genital_tract_trauma_display() or "None recorded",
            ),
            _row("Episiotomy", display.yes_no(labour.episiotomy)),
            _row("Blood loss", blood_loss),
            _row(
                "Epidural, spinal or general anaesthetic",
                labour.get_anaesthesia_display() or display.NOT_RECORDED,
            ),
            _row("Oxytocin to speed up labour", display.yes_no(labour.oxytocin_augmentation)),
            _row(
                "Smoking at delivery",
                labour.get_smoking_status_delivery_display() or display.NOT_RECORDED,
            ),
            _row("Robson group", labour.get_robson_group_display() or display.NOT_RECORDED),
        ]
    }


def _number(value: int | None, unit: str = "") -> str:
    return display.NOT_RECORDED if value is None else f"{value}{unit}"


def _baby_summary(baby: Baby) -> dict:
    return {
        "rows": [
            _row("Born", display.nhs_datetime(baby.born_at)),
            _row("Outcome", baby.get_outcome_display()),
            _row("Delivery", baby.get_delivery_method_display() or display.NOT_RECORDED),
            _row("Presentation", baby.get_presentation_display() or display.NOT_RECORDED),
            _row(
                "Gestation at birth",
                display.NOT_RECORDED
                if baby.gestation_days is None
                else birth_gestation_text(baby.gestation_days),
            ),
            _row("Place of birth", baby.get_place_of_birth_display() or display.NOT_RECORDED),
            _row("Apgar score at 5 minutes", _number(baby.apgar_5)),
            _row("Birth weight", _number(baby.birth_weight_g, " g")),
            _row("First feed", baby.get_first_feed_display() or display.NOT_RECORDED),
            _row("Admitted to neonatal critical care", display.yes_no(baby.neonatal_admission)),
            _row(
                "Feeding at 6 to 8 weeks",
                baby.get_feeding_at_6_8_weeks_display() or display.NOT_RECORDED,
            ),
            _row("Readmitted within 30 days", display.yes_no(baby.readmitted_within_30_days)),
        ]
    }


def birth_view(user, pregnancy: Pregnancy) -> BirthView | None:
    """The birth section of a pregnancy: what is recorded and the links to record or change
    it; None for a pregnancy that ended without a birth or was transferred out."""
    if not has_birth(pregnancy):
        if pregnancy.status not in (PregnancyStatus.ACTIVE, PregnancyStatus.DELIVERED):
            return None
        actions = []
        if access.can(user, Permission.RECORD_CONTACT):
            actions.append(
                {"text": "Record the birth", "href": reverse("web:birth-new", args=[pregnancy.pk])}
            )
        return BirthView(None, [], actions, empty="No birth has been recorded yet.")
    labour = pregnancy.labour_delivery
    may_record = access.can(user, Permission.RECORD_CONTACT)
    babies = [
        BabyView(
            heading=f"Baby {baby.birth_order}",
            summary=_baby_summary(baby),
            actions=[
                {
                    "text": f"Record 6 to 8 week details for baby {baby.birth_order}",
                    "href": reverse("web:baby-six-to-eight-weeks", args=[baby.pk]),
                }
            ]
            if may_record and baby.outcome == PregnancyOutcome.LIVE_BIRTH
            else [],
        )
        for baby in labour.babies.all()
    ]
    actions = []
    if access.can(user, Permission.EDIT_PERSON_RECORDS):
        actions.append(
            {"text": "Change the birth record", "href": reverse("web:birth-edit", args=[labour.pk])}
        )
    return BirthView(_labour_summary(labour), babies, actions + handover_links(user, pregnancy))
