"""What each section of the plan holds: its stage, who writes it and its named fields.

Forms, validation, the plan page, the history and the PDF all read these definitions, so a
section is described once. Labels use gettext_lazy: they are shown in the reader's language;
what was written in a field is always shown as written.
"""

from dataclasses import dataclass, field
from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _

from tandem.careplans.models import PlanSection, PlanStage


class FieldKind(StrEnum):
    TEXT = "text"  # free text, shown exactly as written
    CHOICE = "choice"  # one of the field's choices
    DATE = "date"  # an ISO date, YYYY-MM-DD


class PlaceOfBirth(models.TextChoices):
    HOME = "home", _("At home")
    FREESTANDING_MIDWIFERY_UNIT = "freestanding_mu", _("Freestanding midwifery unit")
    ALONGSIDE_MIDWIFERY_UNIT = "alongside_mu", _("Alongside midwifery unit")
    OBSTETRIC_UNIT = "obstetric_unit", _("Obstetric unit (labour ward)")


class FeedingIntention(models.TextChoices):
    BREAST = "breast", _("Breastfeeding")
    FORMULA = "formula", _("Formula feeding")
    BOTH = "both", _("Both breast milk and formula")
    UNDECIDED = "undecided", _("Not decided yet")


TEXT_LIMIT = 4000


@dataclass(frozen=True)
class SectionField:
    name: str
    label: str
    kind: FieldKind = FieldKind.TEXT
    hint: str = ""
    choices: type[models.TextChoices] | None = None
    required: bool = False

    def choice_label(self, value: str) -> str:
        """What a stored choice reads as (its label); anything else as it was stored."""
        if self.kind == FieldKind.CHOICE and self.choices and value in self.choices.values:
            return str(self.choices(value).label)
        return value


@dataclass(frozen=True)
class SectionSpec:
    section: PlanSection
    stage: PlanStage
    fields: tuple[SectionField, ...] = field(default_factory=tuple)
    hint: str = ""


def _own_words(section: PlanSection, hint: str) -> SectionSpec:
    return SectionSpec(
        section,
        PlanStage.ANTENATAL,
        (SectionField("text", _("In my own words"), required=True),),
        hint,
    )


SPECS: tuple[SectionSpec, ...] = (
    _own_words(
        PlanSection.WHAT_MATTERS,
        _("What is important to you about your pregnancy, birth and the early weeks"),
    ),
    _own_words(
        PlanSection.VALUES,
        _("Your beliefs, culture or values that your carers should know, and what you expect"),
    ),
    _own_words(
        PlanSection.HOME_AND_SUPPORT,
        _("Who you live with, and who helps you: family, friends, community"),
    ),
    _own_words(
        PlanSection.PREVIOUS_BIRTHS,
        _("How your earlier pregnancies and births went, if you have had any"),
    ),
    _own_words(PlanSection.FEARS, _("Anything that worries you")),
    SectionSpec(
        PlanSection.HEALTH_NEEDS,
        PlanStage.ANTENATAL,
        (
            SectionField(
                "needs",
                _("Health needs"),
                hint=_("Physical and mental health needs, medicines, allergies"),
                required=True,
            ),
            SectionField(
                "care_arrangements",
                _("How they will be met"),
                hint=_("Extra appointments, scans, specialists or services involved"),
            ),
        ),
    ),
    SectionSpec(
        PlanSection.PLACE_OF_BIRTH,
        PlanStage.ANTENATAL,
        (
            SectionField(
                "place", _("Where she plans to give birth"), FieldKind.CHOICE, choices=PlaceOfBirth
            ),
            SectionField(
                "risks_discussed_by",
                _("Who discussed the risks and benefits with her"),
                hint=_("Name and role"),
            ),
            SectionField("risks_discussed_on", _("Date of the discussion"), FieldKind.DATE),
            SectionField(
                "risks_discussion",
                _("What was discussed"),
                hint=_("The risks and benefits of each place for her, and what she decided"),
            ),
        ),
        _("Home, a freestanding or alongside midwifery unit, or an obstetric unit"),
    ),
    SectionSpec(
        PlanSection.PAIN_RELIEF,
        PlanStage.INTRAPARTUM,
        (SectionField("preferences", _("Pain relief preferences"), required=True),),
    ),
    SectionSpec(
        PlanSection.BIRTH_COMPANIONS,
        PlanStage.INTRAPARTUM,
        (SectionField("companions", _("Who will be with her in labour"), required=True),),
    ),
    SectionSpec(
        PlanSection.PLAN_B,
        PlanStage.INTRAPARTUM,
        (
            SectionField(
                "plan",
                _("What she would like if complications arise"),
                hint=_("For example, a transfer to the obstetric unit or a caesarean birth"),
                required=True,
            ),
        ),
    ),
    SectionSpec(
        PlanSection.INFANT_FEEDING,
        PlanStage.POSTNATAL,
        (
            SectionField(
                "intention",
                _("How she plans to feed her baby"),
                FieldKind.CHOICE,
                choices=FeedingIntention,
                required=True,
            ),
            SectionField("notes", _("Support she would like with feeding")),
        ),
    ),
    SectionSpec(
        PlanSection.POSTNATAL_SUPPORT,
        PlanStage.POSTNATAL,
        (SectionField("support", _("Support after the birth"), required=True),),
    ),
    SectionSpec(
        PlanSection.CONTRACEPTION,
        PlanStage.POSTNATAL,
        (SectionField("plan", _("Contraception after the birth"), required=True),),
    ),
    SectionSpec(
        PlanSection.CLINICIAN_NOTE,
        PlanStage.ANTENATAL,
        (SectionField("note", _("Note for clinicians only"), required=True),),
        _("The woman never sees this note, in her portal or in her printed plan"),
    ),
)

SPEC_OF: dict[str, SectionSpec] = {spec.section: spec for spec in SPECS}

WOMAN_SECTIONS: frozenset[PlanSection] = frozenset(
    {
        PlanSection.WHAT_MATTERS,
        PlanSection.VALUES,
        PlanSection.HOME_AND_SUPPORT,
        PlanSection.PREVIOUS_BIRTHS,
        PlanSection.FEARS,
    }
)
# Health needs and her decisions, recorded by clinicians with her, and the clinician-only
# note. A clinician may also write her own sections on her behalf (marked as such).
CLINICIAN_SECTIONS: frozenset[PlanSection] = frozenset(set(PlanSection) - WOMAN_SECTIONS)
HIDDEN_FROM_WOMAN: frozenset[PlanSection] = frozenset({PlanSection.CLINICIAN_NOTE})

# The MSDS care plan each stage's decisions agree (see services.record_section).
DECISIONS_BY_STAGE: dict[PlanStage, frozenset[PlanSection]] = {
    PlanStage.ANTENATAL: frozenset({PlanSection.PLACE_OF_BIRTH}),
    PlanStage.INTRAPARTUM: frozenset(
        {PlanSection.PAIN_RELIEF, PlanSection.BIRTH_COMPANIONS, PlanSection.PLAN_B}
    ),
    PlanStage.POSTNATAL: frozenset(
        {PlanSection.INFANT_FEEDING, PlanSection.POSTNATAL_SUPPORT, PlanSection.CONTRACEPTION}
    ),
}


def sections_in_order(*, for_woman: bool) -> list[PlanSection]:
    """Her own words first, then health needs, then her decisions; the note last."""
    return [
        PlanSection(spec.section)
        for spec in SPECS
        if not (for_woman and spec.section in HIDDEN_FROM_WOMAN)
    ]
