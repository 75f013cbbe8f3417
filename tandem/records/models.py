"""Organisations, areas, teams and practitioners; women, pregnancies and care contacts."""

from datetime import date

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from tandem.core.concurrency import VersionedModel
from tandem.core.gestation import Gestation, gestation_on
from tandem.core.nhs_number import format_nhs_number
from tandem.records.codes import EthnicCategory, Language, SmokingStatus, ethnic_group

# --- Reference data ---------------------------------------------------------------------


class Lsoa(models.Model):
    """A 2011 Lower-layer Super Output Area with its English IMD 2019 rank and decile."""

    code = models.CharField(max_length=9, primary_key=True)
    name = models.CharField(max_length=100)
    lad_code = models.CharField("local authority code", max_length=9, db_index=True)
    lad_name = models.CharField("local authority", max_length=100)
    imd_rank = models.PositiveIntegerField("IMD 2019 rank (1 = most deprived)")
    imd_decile = models.PositiveSmallIntegerField("IMD 2019 decile (1 = most deprived)")

    class Meta:
        verbose_name = "LSOA"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Postcode(models.Model):
    """A postcode and the LSOAs its centroid falls in (vendored ONS-derived lookup)."""

    postcode = models.CharField(max_length=8, primary_key=True)
    lsoa11_code = models.CharField(max_length=9, db_index=True)
    lsoa21_code = models.CharField(max_length=9)
    lad_code = models.CharField(max_length=9, db_index=True)

    class Meta:
        ordering = ["postcode"]

    def __str__(self) -> str:
        return self.postcode


class OrganisationKind(models.TextChoices):
    MATERNITY_PROVIDER = "maternity_provider", "Maternity provider (NHS trust)"
    LOCAL_AUTHORITY = "local_authority", "Local authority (health visiting and safeguarding)"


class Organisation(models.Model):
    ods_code = models.CharField("ODS code", max_length=10, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=32, choices=OrganisationKind.choices)
    lad_code = models.CharField(
        "local authority district",
        max_length=9,
        blank=True,
        help_text="The ONS code of the local authority area it mainly serves",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.ods_code})"


class Area(models.Model):
    """A locality a provider's community teams cover, made of whole LSOAs."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="areas")
    name = models.CharField(max_length=100)
    pathway_live_from = models.DateField(
        "enhanced pathway live from",
        null=True,
        blank=True,
        help_text="The date the Enhanced Maternity Pathway went live in this area",
    )

    class Meta:
        ordering = ["organisation__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_area_name")
        ]

    def __str__(self) -> str:
        return self.name

    def pathway_live_on(self, on: date) -> bool:
        return self.pathway_live_from is not None and self.pathway_live_from <= on


class AreaLsoa(models.Model):
    """Which area an LSOA belongs to, so a woman's postcode places her in an area."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="lsoas")
    lsoa_code = models.CharField(max_length=9, unique=True)

    class Meta:
        verbose_name = "area LSOA"
        ordering = ["lsoa_code"]

    def __str__(self) -> str:
        return f"{self.lsoa_code} in {self.area}"


class TeamKind(models.TextChoices):
    MIDWIFERY = "midwifery", "Community midwifery"
    CONTINUITY = "continuity", "Continuity of carer"
    HEALTH_VISITING = "health_visiting", "Health visiting"
    SAFEGUARDING = "safeguarding", "Safeguarding"
    ADMINISTRATION = "administration", "Administration"


class Team(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=32, choices=TeamKind.choices)
    areas = models.ManyToManyField(Area, related_name="teams", blank=True)

    class Meta:
        ordering = ["organisation__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_team_name")
        ]

    def __str__(self) -> str:
        return self.name


class Profession(models.TextChoices):
    MIDWIFE = "midwife", "Midwife"
    HEALTH_VISITOR = "health_visitor", "Health visitor"
    NURSERY_NURSE = "nursery_nurse", "Community nursery nurse"
    MATERNITY_SUPPORT_WORKER = "maternity_support_worker", "Maternity support worker"
    OBSTETRICIAN = "obstetrician", "Obstetrician"
    SAFEGUARDING_PRACTITIONER = "safeguarding_practitioner", "Safeguarding practitioner"
    ADMINISTRATOR = "administrator", "Administrator"


class Practitioner(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practitioner",
    )
    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100)
    profession = models.CharField(max_length=32, choices=Profession.choices)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="practitioners"
    )
    teams = models.ManyToManyField(Team, related_name="members", blank=True)
    areas = models.ManyToManyField(Area, related_name="practitioners", blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["family_name", "given_name"]

    def __str__(self) -> str:
        return f"{self.given_name} {self.family_name}"


# --- People and their care --------------------------------------------------------------


class Woman(VersionedModel):
    nhs_number = models.CharField("NHS number", max_length=10, unique=True)
    # Blank only for women loaded from an MSDS extract, which carries no names.
    given_name = models.CharField(max_length=100, blank=True)
    family_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField()
    postcode = models.CharField(max_length=8)
    lsoa_code = models.CharField(
        "LSOA (2011)",
        max_length=9,
        blank=True,
        help_text="Derived from the postcode; empty when the postcode is not in the lookup",
    )
    imd_decile = models.PositiveSmallIntegerField(
        "IMD 2019 decile", null=True, blank=True, help_text="Derived from the LSOA"
    )
    ethnic_category = models.CharField(
        max_length=2,
        choices=EthnicCategory.choices,
        blank=True,
        help_text="Empty means never recorded, which is neither 'not stated' nor 'not known'",
    )
    main_language = models.CharField(max_length=8, choices=Language.choices, default="en")
    # Empty means not asked or not recorded, which a measure must tell apart from "No".
    interpreter_needed = models.BooleanField(
        "interpreter needed", null=True, blank=True, help_text="Empty means not recorded"
    )
    accessibility_needs = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["family_name", "given_name"]
        indexes = [
            models.Index(fields=["family_name", "given_name"]),
            models.Index(fields=["date_of_birth"]),
        ]

    def __str__(self) -> str:
        # Women loaded from an MSDS extract have no names.
        return f"{self.given_name} {self.family_name}".strip() or "Name not recorded"

    @property
    def nhs_number_display(self) -> str:
        return format_nhs_number(self.nhs_number)

    @property
    def ethnic_group(self):
        return ethnic_group(self.ethnic_category)

    def age_on(self, on: date) -> int:
        dob = self.date_of_birth
        return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


class EddMethod(models.TextChoices):
    LMP = "lmp", "Last menstrual period"
    SCAN = "scan", "Dating scan"


class PregnancyStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    DELIVERED = "delivered", "Delivered"
    ENDED = "ended", "Ended (pregnancy loss or termination)"
    TRANSFERRED_OUT = "transferred_out", "Transferred out"


class Pregnancy(VersionedModel):
    woman = models.ForeignKey(Woman, on_delete=models.PROTECT, related_name="pregnancies")
    msds_pregnancy_id = models.CharField(
        "MSDS pregnancy ID",
        max_length=40,
        unique=True,
        null=True,
        blank=True,
        help_text="UniqPregID of a pregnancy loaded from an MSDS extract",
    )
    provider = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="pregnancies")
    area = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.PROTECT, related_name="pregnancies"
    )
    lmp = models.DateField("last menstrual period", null=True, blank=True)
    edd_scan = models.DateField("EDD from dating scan", null=True, blank=True)
    edd = models.DateField(
        "agreed EDD", help_text="From the dating scan when there is one, otherwise LMP + 280 days"
    )
    edd_method = models.CharField(max_length=8, choices=EddMethod.choices)
    booking_date = models.DateField(null=True, blank=True)
    # Empty means not recorded (MSDS treats a missing count differently from 0: it makes
    # the Robson group unclassifiable and fails the data-quality check on previous births).
    previous_live_births = models.PositiveSmallIntegerField(default=0, null=True, blank=True)
    previous_stillbirths = models.PositiveSmallIntegerField(default=0, null=True, blank=True)
    previous_caesareans = models.PositiveSmallIntegerField(default=0, null=True, blank=True)
    smoking_status_booking = models.CharField(
        "smoking status at booking", max_length=16, choices=SmokingStatus.choices, blank=True
    )
    named_midwife = models.ForeignKey(
        Practitioner,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="caseload",
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="pregnancies"
    )
    status = models.CharField(
        max_length=16, choices=PregnancyStatus.choices, default=PregnancyStatus.ACTIVE
    )
    ended_on = models.DateField(
        null=True, blank=True, help_text="Date of birth, loss or transfer out"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "pregnancies"
        ordering = ["-edd"]
        indexes = [
            models.Index(fields=["status", "edd"]),
            models.Index(fields=["booking_date"]),
            # Caseload and team lists: active pregnancies of one midwife, team or area
            models.Index(fields=["named_midwife", "status", "edd"]),
            models.Index(fields=["team", "status", "edd"]),
            models.Index(fields=["area", "status", "edd"]),
        ]

    def __str__(self) -> str:
        return f"Pregnancy, EDD {self.edd:%d %b %Y}"

    def gestation_on(self, on: date) -> Gestation:
        return gestation_on(self.edd, on)

    @property
    def gestation_at_booking(self) -> Gestation | None:
        return gestation_on(self.edd, self.booking_date) if self.booking_date else None

    @property
    def previous_births(self) -> int | None:
        if self.previous_live_births is None and self.previous_stillbirths is None:
            return None
        return (self.previous_live_births or 0) + (self.previous_stillbirths or 0)

    @property
    def is_nulliparous(self) -> bool | None:
        births = self.previous_births
        return None if births is None else births == 0


class ContactType(models.TextChoices):
    BOOKING = "booking", "Booking appointment"
    ANTENATAL = "antenatal", "Antenatal appointment"
    JOINT_VISIT = "joint_visit", "Joint midwife and health visitor visit"
    HEALTH_VISITOR_ANTENATAL = "hv_antenatal", "Health visitor antenatal contact"
    POSTNATAL = "postnatal", "Postnatal contact"
    TELEPHONE = "telephone", "Telephone or video contact"


class ContactOutcome(models.TextChoices):
    BOOKED = "booked", "Booked (not yet happened)"
    ATTENDED = "attended", "Attended"
    DID_NOT_ATTEND = "did_not_attend", "Did not attend"
    CANCELLED_BY_WOMAN = "cancelled_by_woman", "Cancelled by the woman"
    CANCELLED_BY_SERVICE = "cancelled_by_service", "Cancelled by the service"


class CareContact(VersionedModel):
    pregnancy = models.ForeignKey(Pregnancy, on_delete=models.PROTECT, related_name="contacts")
    starts_at = models.DateTimeField()
    contact_type = models.CharField(max_length=16, choices=ContactType.choices)
    practitioners = models.ManyToManyField(Practitioner, related_name="contacts", blank=True)
    outcome = models.CharField(max_length=24, choices=ContactOutcome.choices)
    wellbeing_asked = models.BooleanField(
        "emotional wellbeing asked about",
        null=True,
        blank=True,
        help_text="Whether the Whooley and GAD-2 questions were asked at this contact",
    )
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[practitioners])

    class Meta:
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["pregnancy", "starts_at"])]

    def __str__(self) -> str:
        return f"{self.get_contact_type_display()} on {self.starts_at:%d %b %Y}"


class CarePlanType(models.TextChoices):
    """MSDS v2 MSD102 CarePlanType (05, 06 and 07 as the domain reference reads them)."""

    ANTENATAL = "05", "Antenatal care plan"
    BIRTH = "06", "Birth plan"
    POSTNATAL = "07", "Postnatal care plan"


class CarePlanRecord(VersionedModel):
    """That a care plan was agreed, shaped like an MSDS MSD102 row: its type, date, whether
    it is personalised (MatPersCarePlanInd) and whether she is on a continuity-of-carer
    pathway (ContCarePathInd). The plan's content is not held here. Y/N fields are empty
    when not recorded."""

    pregnancy = models.ForeignKey(Pregnancy, on_delete=models.PROTECT, related_name="care_plans")
    care_plan_type = models.CharField(max_length=2, choices=CarePlanType.choices)
    care_plan_date = models.DateField()
    personalised = models.BooleanField("personalised care and support plan", null=True, blank=True)
    continuity_pathway = models.BooleanField(
        "on a continuity of carer pathway", null=True, blank=True
    )
    recorded_by = models.ForeignKey(
        Practitioner,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The care professional who agreed the plan (MSDS CareProfLID)",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["care_plan_date", "pk"]
        indexes = [models.Index(fields=["pregnancy", "care_plan_type", "care_plan_date"])]

    def __str__(self) -> str:
        return f"{self.get_care_plan_type_display()} on {self.care_plan_date:%d %b %Y}"
