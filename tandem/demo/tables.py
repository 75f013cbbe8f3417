"""Turns planned pregnancies, contacts and births into rows of the real tables (the pathway's
rows: pathway_tables.py)."""

from datetime import datetime, time

from tandem.demo.births import BabyPlan, LabourPlan
from tandem.demo.care_plans import CarePlanPlan
from tandem.demo.contacts import LONDON, ContactPlan
from tandem.demo.pathway_tables import PathwayTables
from tandem.demo.pregnancies import PregnancyStory
from tandem.demo.writer import DbValues, TableWriter, reset_sequences
from tandem.outcomes.derivation import derive_labour_fields
from tandem.outcomes.models import Baby, LabourDelivery
from tandem.records.models import CareContact, CarePlanRecord, Pregnancy, Woman

# The columns each writer fills besides its references to other rows, in the order `add`
# takes them; the generator's tests digest the same columns (tests/support.py).
WOMAN_COLUMNS = (
    "nhs_number",
    "given_name",
    "family_name",
    "date_of_birth",
    "postcode",
    "lsoa_code",
    "imd_decile",
    "ethnic_category",
    "main_language",
    "interpreter_needed",
    "accessibility_needs",
    "created_at",
)
PREGNANCY_COLUMNS = (
    "lmp",
    "edd_scan",
    "edd",
    "edd_method",
    "booking_date",
    "previous_live_births",
    "previous_stillbirths",
    "previous_caesareans",
    "smoking_status_booking",
    "status",
    "ended_on",
    "created_at",
)
CONTACT_COLUMNS = ("starts_at", "contact_type", "outcome", "wellbeing_asked", "created_at")
CARE_PLAN_COLUMNS = (
    "care_plan_type",
    "care_plan_date",
    "personalised",
    "continuity_pathway",
    "created_at",
)
LABOUR_COLUMNS = (
    "onset_method",
    "labour_onset_at",
    "caesarean_at",
    "genital_tract_trauma",
    "blood_loss_ml",
    "episiotomy",
    "anaesthesia",
    "oxytocin_augmentation",
    "smoking_status_delivery",
    "births_count",
    "birth_date",
    "robson_group",
)
BABY_COLUMNS = (
    "birth_order",
    "born_at",
    "outcome",
    "delivery_method",
    "presentation",
    "gestation_days",
    "place_of_birth",
    "apgar_5",
    "birth_weight_g",
    "first_feed",
    "neonatal_admission",
    "readmitted_within_30_days",
    "feeding_at_6_8_weeks",
)


class DemoTables:
    """One writer per table, in the order rows refer to each other."""

    def __init__(self) -> None:
        self.values = DbValues()
        self.women = TableWriter(Woman, WOMAN_COLUMNS)
        self.pregnancies = TableWriter(
            Pregnancy, ("woman", "provider", "area", "named_midwife", "team", *PREGNANCY_COLUMNS)
        )
        self.contacts = TableWriter(CareContact, ("pregnancy", *CONTACT_COLUMNS))
        through = CareContact.practitioners.through
        self.contact_practitioners = TableWriter(
            through, ("carecontact", "practitioner"), with_id=False
        )
        self.care_plans = TableWriter(
            CarePlanRecord, ("pregnancy", "recorded_by", *CARE_PLAN_COLUMNS)
        )
        self.labours = TableWriter(LabourDelivery, ("pregnancy", *LABOUR_COLUMNS))
        self.babies = TableWriter(Baby, ("labour_delivery", *BABY_COLUMNS))
        self.pathway = PathwayTables(self.values)
        self._all = (
            self.women,
            self.pregnancies,
            self.contacts,
            self.contact_practitioners,
            self.care_plans,
            self.labours,
            self.babies,
            *self.pathway.all,
        )

    def add_pregnancy(self, story: PregnancyStory, *, provider_id, area_id, team_id, named_midwife):
        at, day = self.values.datetime, self.values.date
        created_at = at(datetime.combine(story.first_contact, time(10), tzinfo=LONDON))
        person = story.identity
        woman_id = self.women.add(
            story.nhs_number,
            person.given_name,
            person.family_name,
            day(story.date_of_birth),
            story.home.postcode,
            story.home.lsoa_code,
            story.home.imd_decile,
            person.ethnic_category,
            person.main_language,
            person.interpreter_needed,
            person.accessibility_needs,
            created_at,
        )
        return self.pregnancies.add(
            woman_id,
            provider_id,
            area_id,
            named_midwife,
            team_id,
            day(story.lmp),
            day(story.edd_scan),
            day(story.edd),
            story.edd_method,
            day(story.booking_date),
            story.previous_live_births,
            story.previous_stillbirths,
            story.previous_caesareans,
            story.smoking_status_booking,
            story.status,
            day(story.ended_on),
            created_at,
        )

    def add_contacts(self, pregnancy_id: int, contacts: list[ContactPlan]) -> None:
        at = self.values.datetime
        for contact in contacts:
            contact_id = self.contacts.add(
                pregnancy_id,
                at(contact.starts_at),
                contact.contact_type,
                contact.outcome,
                contact.wellbeing_asked,
                at(contact.created_at),
            )
            for practitioner_id in dict.fromkeys(contact.practitioners):
                self.contact_practitioners.add(contact_id, practitioner_id)

    def add_care_plans(self, pregnancy_id: int, plans: list[CarePlanPlan]) -> None:
        for plan in plans:
            self.care_plans.add(
                pregnancy_id,
                plan.recorded_by,
                plan.care_plan_type,
                self.values.date(plan.care_plan_date),
                plan.personalised,
                plan.continuity_pathway,
                self.values.datetime(plan.created_at),
            )

    def add_birth(
        self, pregnancy_id: int, story: PregnancyStory, labour: LabourPlan, babies: list[BabyPlan]
    ) -> None:
        at = self.values.datetime
        derived = derived_labour(story, labour, babies)
        labour_id = self.labours.add(
            pregnancy_id,
            labour.onset_method,
            at(labour.labour_onset_at),
            at(labour.caesarean_at),
            labour.genital_tract_trauma,
            labour.blood_loss_ml,
            labour.episiotomy,
            labour.anaesthesia,
            labour.oxytocin_augmentation,
            labour.smoking_status_delivery,
            derived.births_count,
            derived.birth_date,
            derived.robson_group,
        )
        for baby in babies:
            self.babies.add(
                labour_id,
                baby.birth_order,
                at(baby.born_at),
                baby.outcome,
                baby.delivery_method,
                baby.presentation,
                baby.gestation_days,
                baby.place_of_birth,
                baby.apgar_5,
                baby.birth_weight_g,
                baby.first_feed,
                baby.neonatal_admission,
                baby.readmitted_within_30_days,
                baby.feeding_at_6_8_weeks,
            )

    def finish(self) -> None:
        for writer in self._all:
            writer.flush()
        reset_sequences([writer.model for writer in self._all if writer.with_id])

    def counts(self) -> dict[str, int]:
        return {
            "women": self.women.written,
            "pregnancies": self.pregnancies.written,
            "care_contacts": self.contacts.written,
            "contact_practitioners": self.contact_practitioners.written,
            "care_plan_records": self.care_plans.written,
            "labour_deliveries": self.labours.written,
            "babies": self.babies.written,
            **self.pathway.counts(),
        }


def derived_labour(
    story: PregnancyStory, labour: LabourPlan, babies: list[BabyPlan]
) -> LabourDelivery:
    """The labour's derived fields, by the same code every other write path uses."""
    record = LabourDelivery(
        onset_method=labour.onset_method,
        labour_onset_at=labour.labour_onset_at,
        caesarean_at=labour.caesarean_at,
    )
    pregnancy = Pregnancy(
        previous_live_births=story.previous_live_births,
        previous_stillbirths=story.previous_stillbirths,
        previous_caesareans=story.previous_caesareans,
    )
    born = [
        Baby(
            birth_order=baby.birth_order,
            born_at=baby.born_at,
            gestation_days=baby.gestation_days,
            presentation=baby.presentation,
        )
        for baby in babies
    ]
    derive_labour_fields(record, pregnancy, born)
    return record
