"""Helpers for the demo generator's tests: running it, digesting it, measuring it."""

import hashlib
from collections import Counter
from datetime import date, timedelta
from io import StringIO

from django.core.management import call_command
from django.db import connection

from tandem.assessments.models import (
    AttendanceRecord,
    FamilyPlanAction,
    FamilyPlanGoal,
    MatrixFactor,
    TriangleEntry,
    VisitFeedback,
    VisitRecord,
    VisitRecordVersion,
)
from tandem.careplans.models import CarePlan, SectionVersion
from tandem.continuity.models import CarerAssignment, ContinuityTeam, TeamMembership
from tandem.core.audit import audit_purge_permitted
from tandem.core.models import AuditEvent, User
from tandem.demo.tables import (
    BABY_COLUMNS,
    CARE_PLAN_COLUMNS,
    CONTACT_COLUMNS,
    LABOUR_COLUMNS,
    PREGNANCY_COLUMNS,
    WOMAN_COLUMNS,
)
from tandem.handover.models import Handover
from tandem.hubs.models import (
    Hub,
    RedFlagTask,
    Service,
    ServiceReferral,
    ServiceReferralEvent,
    WellbeingCheck,
)
from tandem.measures.models import ExpectedDeliveries
from tandem.outcomes.models import Baby, LabourDelivery
from tandem.pathway.models import Answer, Decision, Referral, ReferralEvent, Screen, ScreenAnswer
from tandem.pathway.tests.factories import default_criteria
from tandem.portal.models import WomanAccount
from tandem.programme.models import TrainingRecord, VisitTarget
from tandem.records.codes import ethnic_group
from tandem.records.models import (
    Area,
    AreaLsoa,
    CareContact,
    CarePlanRecord,
    Organisation,
    Practitioner,
    Pregnancy,
    Team,
    Woman,
)
from tandem.scheduling.models import (
    BusyPeriod,
    SlotReservation,
    Visit,
    VisitChange,
    VisitPractitioner,
    WorkingHours,
)

# The pathway's tables, children before parents.
PATHWAY_MODELS = (
    VisitFeedback,
    FamilyPlanAction,
    FamilyPlanGoal,
    VisitRecordVersion,
    MatrixFactor,
    TriangleEntry,
    VisitRecord,
    AttendanceRecord,
    VisitChange,
    SlotReservation,
    VisitPractitioner,
    Visit,
    BusyPeriod,
    WorkingHours,
    TrainingRecord,
    VisitTarget,
    ReferralEvent,
    Answer,
    Decision,
    ScreenAnswer,
    Screen,
)


DEMO_PREGNANCIES = 3000  # the demo `make run` loads: the Makefile's DEMO_PREGNANCIES and DEMO_SEED
DEMO_SEED = 2026


def generate(pregnancies: int, seed: int, today: date) -> str:
    """Run the real command; returns what it printed. The eligibility criteria the
    generator screens with come from a data migration, which tests that commit for real
    flush away, so they are put back first."""
    default_criteria()
    out = StringIO()
    call_command(
        "generate_demo",
        pregnancies=pregnancies,
        seed=seed,
        today=today,
        stdout=out,
    )
    return out.getvalue()


def model_counts() -> dict[str, int]:
    models = (
        Organisation,
        Area,
        AreaLsoa,
        Team,
        Practitioner,
        User,
        Woman,
        Pregnancy,
        CareContact,
        CareContact.practitioners.through,
        CarePlanRecord,
        LabourDelivery,
        Baby,
        Referral,
        *PATHWAY_MODELS,
        ExpectedDeliveries,
        ContinuityTeam,
        TeamMembership,
        CarerAssignment,
        AuditEvent,
    )
    return {model._meta.label: model.objects.count() for model in models}


HUBS_MODELS = [
    RedFlagTask,
    WellbeingCheck,
    ServiceReferralEvent,
    ServiceReferral,
    Service.areas.through,
    Service,
    Hub.areas.through,
    Hub,
]


def remove_generated_data() -> None:
    """Empty every table the generator fills (the test database holds nothing else)."""
    tables = [
        Handover,
        WomanAccount,
        CarerAssignment,
        TeamMembership,
        ContinuityTeam,
        SectionVersion,
        CarePlan,
        *HUBS_MODELS,
        *PATHWAY_MODELS,
        Referral,
        Baby,
        LabourDelivery,
        CareContact.practitioners.through,
        CareContact,
        CarePlanRecord,
        Pregnancy,
        Woman,
        Practitioner.teams.through,
        Practitioner.areas.through,
        Practitioner,
        Team.areas.through,
        Team,
        AreaLsoa,
        Area,
        ExpectedDeliveries,
        Organisation,
        User,
        AuditEvent,
    ]
    with audit_purge_permitted(), connection.cursor() as cursor:
        for model in tables:
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608 (a model's own table name)


def digest() -> str:
    """A digest of the generated data by natural keys (not database ids)."""
    woman = "pregnancy__woman__nhs_number"
    parts = [
        Organisation.objects.values_list("ods_code", "name", "kind", "lad_code"),
        Area.objects.values_list("organisation__ods_code", "name", "pathway_live_from"),
        AreaLsoa.objects.values_list("area__name", "lsoa_code"),
        Team.objects.values_list("organisation__ods_code", "name", "kind", "areas__name"),
        Practitioner.objects.values_list(
            "organisation__ods_code",
            "given_name",
            "family_name",
            "profession",
            "teams__name",
            "areas__name",
            "user__username",
        ),
        User.objects.values_list("username", "role", "is_staff", "first_name", "last_name"),
        Woman.objects.values_list(*WOMAN_COLUMNS),
        Pregnancy.objects.values_list(
            "woman__nhs_number",
            "provider__ods_code",
            "area__name",
            "team__name",
            "named_midwife__given_name",
            "named_midwife__family_name",
            *PREGNANCY_COLUMNS,
        ),
        CareContact.objects.values_list(
            woman,
            *CONTACT_COLUMNS,
            "practitioners__given_name",
            "practitioners__family_name",
        ),
        CarePlanRecord.objects.values_list(
            woman, *CARE_PLAN_COLUMNS, "recorded_by__given_name", "recorded_by__family_name"
        ),
        LabourDelivery.objects.values_list(woman, *LABOUR_COLUMNS),
        Baby.objects.values_list("labour_delivery__pregnancy__woman__nhs_number", *BABY_COLUMNS),
        Referral.objects.values_list(
            woman,
            "referred_by__username",
            "referred_at",
            "reason",
            "status",
            "current_outcome",
            "decided_at",
        ),
        *_pathway_parts(),
        ExpectedDeliveries.objects.values_list("provider__ods_code", "year", "deliveries"),
        CarerAssignment.objects.values_list(
            woman,
            "continuity_team__team__name",
            "named_midwife__family_name",
            "buddy__family_name",
            "starts_on",
            "ends_on",
            "reason",
            "end_reason",
        ),
    ]
    hasher = hashlib.sha256()
    for rows in parts:
        for row in sorted(map(repr, rows)):
            hasher.update(row.encode())
        hasher.update(b"|")
    return hasher.hexdigest()


def _pathway_parts() -> list:
    woman = "pregnancy__woman__nhs_number"
    referral = "referral__pregnancy__woman__nhs_number"
    visit = ("visit__pregnancy__woman__nhs_number", "visit__starts_at")
    record = ("record__visit__pregnancy__woman__nhs_number", "record__visit__starts_at")
    person = ("practitioner__given_name", "practitioner__family_name", "practitioner__profession")
    return [
        Screen.objects.values_list(
            woman, "screened_by__username", "screened_at", "outcome", "referral__referred_at"
        ),
        ScreenAnswer.objects.values_list(
            "screen__pregnancy__woman__nhs_number", "criterion__code", "met", "detail"
        ),
        Decision.objects.values_list(
            referral,
            "outcome",
            "rationale",
            "decided_by__username",
            "decided_at",
            "revises__decided_at",
            "question",
        ),
        Answer.objects.values_list(
            "decision__referral__pregnancy__woman__nhs_number",
            "decision__decided_at",
            "text",
            "answered_by__username",
            "answered_at",
        ),
        ReferralEvent.objects.values_list(
            referral, "kind", "at", "by__username", "status_after", "note"
        ),
        Visit.objects.values_list(
            woman,
            "referral__referred_at",
            "kind",
            "starts_at",
            "ends_at",
            "status",
            "booked_by__username",
            "booked_at",
            "outside_window_reason",
        ),
        VisitPractitioner.objects.values_list(*visit, *person, "role"),
        SlotReservation.objects.values_list(*visit, *person, "slot_start"),
        VisitChange.objects.values_list(
            *visit,
            "kind",
            "by__username",
            "at",
            "reason",
            "starts_at",
            "previous_starts_at",
            "outside_window_reason",
        ),
        AttendanceRecord.objects.values_list(
            *visit, "outcome", "recorded_by__username", "recorded_at"
        ),
        VisitRecord.objects.values_list(
            *visit,
            "status",
            "completed_at",
            "completed_by__username",
            "parents_priorities",
            "baby_voice",
            "matrix_summary",
        ),
        TriangleEntry.objects.values_list(*record, "domain", "strengths", "concerns"),
        MatrixFactor.objects.values_list(*record, "quadrant", "factor", "position"),
        VisitRecordVersion.objects.values_list(
            *record, "number", "kind", "content", "made_by__username", "made_at"
        ),
        FamilyPlanGoal.objects.values_list(*record, "goal", "position"),
        FamilyPlanAction.objects.values_list(
            "goal__record__visit__pregnancy__woman__nhs_number",
            "goal__goal",
            "action",
            "owner",
            "owner_service",
            "due_date",
            "status",
        ),
        VisitFeedback.objects.values_list(
            *visit, "respondent", "rating", "comments", "entered_by__username", "entered_at"
        ),
        WorkingHours.objects.values_list(
            *person, "weekday", "starts", "ends", "valid_from", "valid_to"
        ),
        BusyPeriod.objects.values_list(*person, "starts_at", "ends_at", "source", "created_at"),
        TrainingRecord.objects.values_list(
            *person, "course__name", "completed_on", "recorded_by__username", "recorded_at"
        ),
        VisitTarget.objects.values_list(
            "area__name", "period_start", "period_end", "target_visits"
        ),
    ]


# --- Published categories, derived from the stored values by their published definitions ---

_AGE_BANDS = ((19, "Under 20"), (24, "20 to 24"), (29, "25 to 29"), (34, "30 to 34"),
              (39, "35 to 39"), (44, "40 to 44"), (200, "45 or Over"))  # fmt: skip
_BOOKING_BANDS = ((70, "0 to 70 days"), (90, "71 to 90 days"), (140, "91 to 140 days"),
                  (10_000, "141+ days"))  # fmt: skip
_BIRTHWEIGHT_BANDS = ((1499, "Under 1500g"), (1999, "1500g to 1999g"), (2499, "2000g to 2499g"),
                      (2999, "2500g to 2999g"), (3499, "3000g to 3499g"),
                      (3999, "3500g to 3999g"), (4999, "4000g to 4999g"),
                      (100_000, "5000g and over"))  # fmt: skip
_METHOD_GROUPS = {
    **dict.fromkeys("01", "Spontaneous"),
    **dict.fromkeys("234", "Instrumental"),
    "7": "Elective caesarean section",
    "8": "Emergency caesarean section",
    **dict.fromkeys("569", "Other"),
}
_ONSET = {
    "1": "Spontaneous",
    "2": "Caesarean Section",
    "3": "Surgical induction",
    "4": "Medical induction",
    "5": "Surgical and medical induction",
}
_DECILE_LABELS = {1: "01 - Most deprived", 10: "10 - Least deprived"}


def _band(value: int, bands) -> str:
    return next(label for upper, label in bands if value <= upper)


def _gestation_band(days: int) -> str:
    weeks = days // 7
    if weeks <= 27:
        return "27 weeks and under"
    if weeks <= 31:
        return "28 to 31 weeks"
    if weeks <= 33:
        return "32 to 33 weeks"
    if weeks <= 36:
        return "34 to 36 weeks"
    return "43 weeks and over" if weeks >= 43 else f"{weeks} weeks"


def generated_shares(ods_code: str, today: date) -> dict[str, Counter]:
    """Published dimension -> category counts for the provider's deliveries in the last year."""
    since = today - timedelta(days=365)
    labours = (
        LabourDelivery.objects.filter(
            pregnancy__provider__ods_code=ods_code, pregnancy__ended_on__gte=since
        )
        .select_related("pregnancy__woman")
        .prefetch_related("babies")
    )
    counts: dict[str, Counter] = {}

    def count(dimension: str, category: str) -> None:
        counts.setdefault(dimension, Counter())[category] += 1

    for labour in labours:
        pregnancy = labour.pregnancy
        woman = pregnancy.woman
        count("AgeAtBookingMotherGroup", _band(woman.age_on(pregnancy.booking_date), _AGE_BANDS))
        count("EthnicCategoryMotherGroup", _ethnic_label(woman.ethnic_category))
        count("DeprivationDecileAtBooking", _decile_label(woman.imd_decile))
        live = pregnancy.previous_live_births
        count(
            "PreviousLiveBirthsGroup",
            "No previous live births" if live == 0 else "5+" if live >= 5 else str(live),
        )
        if pregnancy.previous_births:  # the share of caesareans among parous women
            count(
                "PreviousCaesareanSectionsGroup",
                "At least one Caesarean"
                if pregnancy.previous_caesareans
                else "At least one Previous Birth, zero Caesareans",
            )
        count(
            "GestAgeFormalAntenatalBookingGroup",
            _band(pregnancy.gestation_at_booking.days, _BOOKING_BANDS),
        )
        count(
            "SmokingStatusGroupBooking",
            "Smoker" if pregnancy.smoking_status_booking == "smoker" else "Non-Smoker / Ex-Smoker",
        )
        count("OnsetOfLabour", _ONSET[labour.onset_method])
        babies = list(labour.babies.all())
        count("DeliveryMethodBabyGroup", _METHOD_GROUPS[babies[0].delivery_method])
        for baby in babies:
            count("GestationLengthBirth", _gestation_band(baby.gestation_days))
            if baby.gestation_days >= 259:
                count("BirthweightTermGroup", _band(baby.birth_weight_g, _BIRTHWEIGHT_BANDS))
                count("ApgarScore5TermGroup7", "0 to 6" if baby.apgar_5 < 7 else "7 to 10")
            if baby.first_feed:
                count(
                    "BabyFirstFeedBreastMilkStatus",
                    "Not Breast Milk"
                    if baby.first_feed == "03"
                    else "Maternal or Donor Breast Milk",
                )
    return counts


def _ethnic_label(code: str) -> str:
    group = str(ethnic_group(code))
    return "Missing value / Value outside reporting parameters" if group == "Missing" else group


def _decile_label(decile: int | None) -> str:
    if decile is None:
        return "outside the lookup"
    return _DECILE_LABELS.get(decile, f"{decile:02d}")
