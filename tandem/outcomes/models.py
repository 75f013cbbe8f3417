"""Labour, delivery and baby records, coded as in MSDS v2 (MSD301, MSD302, MSD401, MSD405)."""

from django.db import models
from simple_history.models import HistoricalRecords

from tandem.core.concurrency import VersionedModel
from tandem.records.codes import SmokingStatus
from tandem.records.models import Pregnancy


class LabourOnsetMethod(models.TextChoices):
    SPONTANEOUS = "1", "Spontaneous"
    CAESAREAN_DECIDED_BEFORE_LABOUR = "2", "Caesarean section decided before labour"
    SURGICAL_INDUCTION = "3", "Surgical induction (amniotomy)"
    MEDICAL_INDUCTION = "4", "Medical induction"
    SURGICAL_AND_MEDICAL_INDUCTION = "5", "Surgical and medical induction"


class DeliveryMethod(models.TextChoices):
    SPONTANEOUS_VERTEX = "0", "Spontaneous vertex"
    SPONTANEOUS_OTHER_CEPHALIC = "1", "Spontaneous other cephalic"
    LOW_FORCEPS = "2", "Low forceps, not breech"
    OTHER_FORCEPS = "3", "Other forceps, not breech"
    VENTOUSE = "4", "Ventouse (vacuum)"
    BREECH = "5", "Breech, including partial breech extraction"
    BREECH_EXTRACTION = "6", "Breech extraction"
    ELECTIVE_CAESAREAN = "7", "Elective caesarean section"
    EMERGENCY_CAESAREAN = "8", "Emergency caesarean section"
    OTHER = "9", "Other"


class FetusPresentation(models.TextChoices):
    CEPHALIC = "01", "Cephalic"
    BREECH = "02", "Breech"
    ABNORMAL_LIE = "03", "Abnormal lie (transverse or oblique)"
    # MSDS also allows 04 and XX, whose meanings are not confirmed (domain reference, 1.2):
    # they come only from an extract, are shown as their code, and classify in no Robson group.
    CODE_04 = "04", "MSDS code 04 (meaning not confirmed)"
    CODE_XX = "XX", "MSDS code XX (meaning not confirmed)"


# What a midwife chooses from on the birth forms: the presentations whose meaning is known.
RECORDABLE_PRESENTATIONS = (
    FetusPresentation.CEPHALIC,
    FetusPresentation.BREECH,
    FetusPresentation.ABNORMAL_LIE,
)


class PregnancyOutcome(models.TextChoices):
    LIVE_BIRTH = "01", "Live birth"
    STILLBIRTH_ANTEPARTUM = "02", "Stillbirth (antepartum)"
    STILLBIRTH_INTRAPARTUM = "03", "Stillbirth (intrapartum)"
    STILLBIRTH_INDETERMINATE = "04", "Stillbirth (timing not known)"


class PlaceOfBirth(models.TextChoices):
    OBSTETRIC_UNIT = "01", "NHS obstetric unit"
    ALONGSIDE_MIDWIFERY_UNIT = "02", "NHS alongside midwifery unit"
    FREESTANDING_MIDWIFERY_UNIT = "03", "NHS freestanding midwifery unit"
    HOME_NHS = "04", "Home (NHS care)"
    HOME_PRIVATE = "05", "Home (private care)"
    IN_TRANSIT = "06", "In transit"
    OTHER = "98", "Other"
    NOT_KNOWN = "99", "Not known"


class FirstFeed(models.TextChoices):
    MATERNAL_BREAST_MILK = "01", "Maternal breast milk"
    DONOR_BREAST_MILK = "02", "Donor breast milk"
    NOT_BREAST_MILK = "03", "Not breast milk"


class FeedingAt6To8Weeks(models.TextChoices):
    BREAST = "breast", "Breast milk only"
    MIXED = "mixed", "Breast milk and formula"
    FORMULA = "formula", "Formula only"


class GenitalTractTrauma(models.TextChoices):
    """The SNOMED CT tears MSDS records as GenitalTractTraumaticLesion, named as NHS
    Digital's maternity statistics name them. An episiotomy is recorded on its own field."""

    NONE = "", "None recorded"
    FIRST_DEGREE = "57759005", "First degree perineal tear"
    SECOND_DEGREE = "6234006", "Second degree perineal tear"
    THIRD_DEGREE = "10217006", "Third degree perineal tear"
    FOURTH_DEGREE = "399031001", "Fourth degree perineal tear"
    LABIAL = "249221003", "Labial tear"
    VAGINAL = "262935001", "Vaginal tear"
    CERVICAL = "199972004", "Cervical tear"
    URETHRAL = "237329006", "Urethral tear"
    CLITORAL = "1105801000000107", "Clitoral tear"


class LabourAnaesthesia(models.TextChoices):
    """Regional or general anaesthesia in labour or for the birth (MSD302
    LabourAnaesthesiaType, which MSDS codes in SNOMED CT; docs/measures.md maps them).
    Gas and air and opioid injections are analgesia, recorded here as none."""

    NONE = "none", "No epidural, spinal or general anaesthetic"
    EPIDURAL = "epidural", "Epidural"
    SPINAL = "spinal", "Spinal"
    COMBINED_SPINAL_EPIDURAL = "combined", "Combined spinal and epidural"
    GENERAL = "general", "General anaesthetic"


class RobsonGroup(models.TextChoices):
    """WHO Robson Ten-Group Classification with its sub-groups (domain reference, section 3)."""

    G1 = "1", "1: Nulliparous, single cephalic, term, spontaneous labour"
    G2A = "2a", "2a: Nulliparous, single cephalic, term, induced labour"
    G2B = "2b", "2b: Nulliparous, single cephalic, term, caesarean before labour"
    G3 = "3", "3: Multiparous without previous caesarean, single cephalic, term, spontaneous"
    G4A = "4a", "4a: Multiparous without previous caesarean, single cephalic, term, induced"
    G4B = (
        "4b",
        "4b: Multiparous, no previous caesarean, single cephalic, term, pre-labour caesarean",
    )
    G5_1 = "5.1", "5.1: One previous caesarean, single cephalic, term"
    G5_2 = "5.2", "5.2: Two or more previous caesareans, single cephalic, term"
    G6 = "6", "6: Nulliparous, single breech"
    G7 = "7", "7: Multiparous, single breech"
    G8 = "8", "8: Multiple pregnancy"
    G9 = "9", "9: Single pregnancy, transverse or oblique lie"
    G10 = "10", "10: Single cephalic, preterm"
    UNCLASSIFIABLE = "U", "Unclassifiable (a needed item is not recorded)"


class LabourDelivery(VersionedModel):
    """One labour and delivery (MSD301/MSD302); a pregnancy has at most one.

    `births_count`, `birth_date` and `robson_group` are derived from the babies and the
    pregnancy by `tandem.outcomes.derivation.derive_labour` on every write, as NHS Digital
    derives BirthsPerLabandDel and RobsonGroup."""

    pregnancy = models.OneToOneField(
        Pregnancy, on_delete=models.PROTECT, related_name="labour_delivery"
    )
    msds_labour_id = models.CharField(
        "MSDS labour and delivery ID",
        max_length=40,
        unique=True,
        null=True,
        blank=True,
        help_text="LabourDeliveryID of a labour loaded from an MSDS extract",
    )
    onset_method = models.CharField(
        "labour onset method", max_length=1, choices=LabourOnsetMethod.choices, blank=True
    )
    labour_onset_at = models.DateTimeField("labour onset", null=True, blank=True)
    caesarean_at = models.DateTimeField("caesarean section", null=True, blank=True)
    genital_tract_trauma = models.CharField(
        max_length=18, choices=GenitalTractTrauma.choices, blank=True
    )
    blood_loss_ml = models.PositiveIntegerField("blood loss (ml)", null=True, blank=True)
    episiotomy = models.BooleanField("episiotomy", null=True, blank=True)
    anaesthesia = models.CharField(
        "epidural, spinal or general anaesthetic",
        max_length=8,
        choices=LabourAnaesthesia.choices,
        blank=True,
    )
    oxytocin_augmentation = models.BooleanField(
        "oxytocin given to speed up labour",
        null=True,
        blank=True,
        help_text="MSD302 OxytocinAdministeredInd: augmentation, not the third stage",
    )
    smoking_status_delivery = models.CharField(
        "smoking status at delivery", max_length=16, choices=SmokingStatus.choices, blank=True
    )
    births_count = models.PositiveSmallIntegerField(
        "babies born of this labour", null=True, blank=True
    )
    birth_date = models.DateField(
        "date of the first birth",
        null=True,
        blank=True,
        help_text="The event date of birth measures",
    )
    robson_group = models.CharField(max_length=3, choices=RobsonGroup.choices, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "labours and deliveries"
        indexes = [models.Index(fields=["birth_date"])]

    def __str__(self) -> str:
        return f"Labour and delivery for pregnancy {self.pregnancy_id}"


class Baby(VersionedModel):
    """One baby born of a labour (MSD401/MSD402/MSD405)."""

    labour_delivery = models.ForeignKey(
        LabourDelivery, on_delete=models.PROTECT, related_name="babies"
    )
    birth_order = models.PositiveSmallIntegerField(default=1)
    born_at = models.DateTimeField()
    outcome = models.CharField(max_length=2, choices=PregnancyOutcome.choices)
    delivery_method = models.CharField(max_length=1, choices=DeliveryMethod.choices, blank=True)
    presentation = models.CharField(max_length=2, choices=FetusPresentation.choices, blank=True)
    gestation_days = models.PositiveSmallIntegerField(
        "gestation at birth (days)", null=True, blank=True
    )
    place_of_birth = models.CharField(max_length=2, choices=PlaceOfBirth.choices, blank=True)
    apgar_5 = models.PositiveSmallIntegerField("Apgar score at 5 minutes", null=True, blank=True)
    birth_weight_g = models.PositiveIntegerField("birth weight (g)", null=True, blank=True)
    first_feed = models.CharField(max_length=2, choices=FirstFeed.choices, blank=True)
    neonatal_admission = models.BooleanField(
        "admitted to neonatal critical care", null=True, blank=True
    )
    readmitted_within_30_days = models.BooleanField(null=True, blank=True)
    feeding_at_6_8_weeks = models.CharField(
        max_length=8, choices=FeedingAt6To8Weeks.choices, blank=True
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "babies"
        ordering = ["labour_delivery", "birth_order"]
        indexes = [models.Index(fields=["born_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["labour_delivery", "birth_order"], name="unique_baby_birth_order"
            )
        ]

    def __str__(self) -> str:
        return f"Baby {self.birth_order} of labour {self.labour_delivery_id}"
