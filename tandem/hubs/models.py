"""Community hubs and the services they bring together; onward referrals to those services;
the emotional wellbeing questions asked at a contact and the urgent task a red flag raises.

Hubs and services are reference data kept by system administrators in the admin. Referrals,
their status changes, wellbeing checks and red-flag tasks are person-level records, written
only through tandem.hubs.services.
"""

from django.conf import settings
from django.db import models

from tandem.core.concurrency import VersionedModel
from tandem.pathway.models import ImmutableModel
from tandem.records.models import Area, CareContact, Practitioner, Pregnancy

# --- The directory (reference data) ------------------------------------------------------


class ServiceCategory(models.TextChoices):
    PERINATAL_MENTAL_HEALTH = "perinatal_mental_health", "Perinatal mental health"
    TALKING_THERAPIES = "talking_therapies", "NHS Talking Therapies (IAPT)"
    STOP_SMOKING = "stop_smoking", "Stop smoking"
    MATERNAL_MEDICINE = "maternal_medicine", "Maternal medicine network"
    INFANT_FEEDING = "infant_feeding", "Infant feeding"
    HOUSING = "housing", "Housing"
    DOMESTIC_ABUSE = "domestic_abuse", "Domestic abuse"
    DRUG_AND_ALCOHOL = "drug_and_alcohol", "Drug and alcohol"
    INTERPRETING = "interpreting", "Interpreting"
    MONEY_ADVICE = "money_advice", "Money, benefits and debt advice"
    YOUNG_PARENTS = "young_parents", "Young parents"
    BEREAVEMENT = "bereavement", "Bereavement support"
    OTHER = "other", "Other support"


class ContactRoute(models.TextChoices):
    E_REFERRAL = "e_referral", "e-Referral Service"
    EMAIL = "email", "Secure email"
    PHONE = "phone", "Phone"
    SELF_REFERRAL = "self_referral", "Self-referral (she contacts them herself)"


class Hub(models.Model):
    """A community hub: services brought together for the women of one or more areas
    (Better Births; not necessarily one building)."""

    name = models.CharField(max_length=150, unique=True)
    areas = models.ManyToManyField(Area, related_name="hubs", blank=True)
    address = models.TextField(blank=True, help_text="Where the hub's sessions are held")
    description = models.TextField(blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Service(models.Model):
    hub = models.ForeignKey(Hub, on_delete=models.PROTECT, related_name="services")
    name = models.CharField(max_length=150)
    category = models.CharField(max_length=32, choices=ServiceCategory.choices)
    referral_criteria = models.TextField(help_text="Who the service accepts, in plain English")
    contact_route = models.CharField("how to refer", max_length=16, choices=ContactRoute.choices)
    contact_details = models.CharField(
        max_length=200, help_text="The e-RS service name, email address or phone number"
    )
    response_days = models.PositiveSmallIntegerField(
        "expected response time (days)",
        help_text="Days within which the service replies to a routine referral",
    )
    urgent_response_days = models.PositiveSmallIntegerField(
        "expected response time to an urgent referral (days)", default=1
    )
    areas = models.ManyToManyField(
        Area, related_name="services", help_text="The areas whose women it accepts"
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["hub", "name"], name="unique_service_in_hub")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.hub})"


# --- Onward referrals (person-level) -------------------------------------------------------


class Urgency(models.TextChoices):
    ROUTINE = "routine", "Routine"
    URGENT = "urgent", "Urgent"


class Consent(models.TextChoices):
    GIVEN = "given", "She agreed to the referral"
    WITHOUT_CONSENT = (
        "without_consent",
        "Made without her agreement because of a serious risk to her or her baby",
    )


class ServiceReferralStatus(models.TextChoices):
    SENT = "sent", "Sent"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined by the service"
    FIRST_APPOINTMENT = "first_appointment", "First appointment"
    CLOSED = "closed", "Closed"


class ServiceReferral(VersionedModel):
    """A referral of a woman to a service in the directory. Its status moves only along
    `tandem.hubs.services.TRANSITIONS`; each move is a ServiceReferralEvent."""

    pregnancy = models.ForeignKey(
        Pregnancy, on_delete=models.PROTECT, related_name="service_referrals"
    )
    contact = models.ForeignKey(
        CareContact,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="service_referrals",
        help_text="The contact at which the referral was made, if any",
    )
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="referrals")
    reason = models.TextField()
    urgency = models.CharField(max_length=8, choices=Urgency.choices)
    consent = models.CharField(max_length=16, choices=Consent.choices)
    status = models.CharField(
        max_length=20,
        choices=ServiceReferralStatus.choices,
        default=ServiceReferralStatus.SENT,
    )
    referred_by = models.ForeignKey(
        Practitioner,
        on_delete=models.PROTECT,
        related_name="service_referrals",
        help_text="The practitioner who made the referral, reminded when it is overdue",
    )
    sent_at = models.DateTimeField()
    respond_by = models.DateTimeField(
        help_text="When the service should have replied, from its response time when sent"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-sent_at"]
        indexes = [
            models.Index(fields=["pregnancy", "sent_at"]),
            models.Index(fields=["status", "respond_by"]),
        ]

    def __str__(self) -> str:
        return f"Referral to {self.service.name} on {self.sent_at:%d %b %Y}"


class ServiceReferralEvent(ImmutableModel):
    """One status of a referral: what happened, on which day, and who recorded it."""

    referral = models.ForeignKey(ServiceReferral, on_delete=models.PROTECT, related_name="events")
    status = models.CharField(max_length=20, choices=ServiceReferralStatus.choices)
    happened_on = models.DateField()
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["recorded_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} on {self.happened_on:%d %b %Y}"


# --- Emotional wellbeing (person-level) -----------------------------------------------------


class Frequency(models.IntegerChoices):
    """The GAD-2 answer scale: each answer scores 0 to 3."""

    NOT_AT_ALL = 0, "Not at all"
    SEVERAL_DAYS = 1, "Several days"
    MORE_THAN_HALF = 2, "More than half the days"
    NEARLY_EVERY_DAY = 3, "Nearly every day"


class WellbeingCheck(models.Model):
    """The Whooley and GAD-2 questions (NICE CG192) asked at one contact, and the mental
    health red flags (MBRRACE-UK 2015) the practitioner noticed."""

    contact = models.OneToOneField(
        CareContact, on_delete=models.PROTECT, related_name="wellbeing_check"
    )
    feeling_down = models.BooleanField(
        null=True, help_text="Whooley 1; empty when the questions were not asked"
    )
    little_interest = models.BooleanField(null=True, help_text="Whooley 2")
    wants_help = models.BooleanField(
        null=True, help_text="Asked when she answers yes to either Whooley question"
    )
    nervous = models.PositiveSmallIntegerField(
        choices=Frequency.choices, null=True, help_text="GAD-2 1"
    )
    worrying = models.PositiveSmallIntegerField(
        choices=Frequency.choices, null=True, help_text="GAD-2 2"
    )
    red_flag_mental_state = models.BooleanField(default=False)
    red_flag_self_harm = models.BooleanField(default=False)
    red_flag_estrangement = models.BooleanField(default=False)
    red_flag_detail = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-recorded_at"]

    def __str__(self) -> str:
        return f"Wellbeing check at {self.contact}"

    @property
    def questions_asked(self) -> bool:
        return self.feeling_down is not None

    @property
    def whooley_positive(self) -> bool:
        return bool(self.feeling_down or self.little_interest)

    @property
    def gad2_score(self) -> int | None:
        if self.nervous is None or self.worrying is None:
            return None
        return self.nervous + self.worrying

    @property
    def has_red_flag(self) -> bool:
        return self.red_flag_mental_state or self.red_flag_self_harm or self.red_flag_estrangement


class RedFlagTask(models.Model):
    """An urgent perinatal mental health referral to make, raised by a red flag. It stays on
    the team leader's list until an urgent referral is recorded against it."""

    wellbeing_check = models.OneToOneField(
        WellbeingCheck, on_delete=models.PROTECT, related_name="red_flag_task"
    )
    pregnancy = models.ForeignKey(
        Pregnancy, on_delete=models.PROTECT, related_name="red_flag_tasks"
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    raised_at = models.DateTimeField()
    referral = models.OneToOneField(
        ServiceReferral,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="red_flag_task",
        help_text="The urgent referral that actioned the task",
    )
    actioned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actioned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["raised_at"]
        indexes = [models.Index(fields=["actioned_at", "raised_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(actioned_at__isnull=True, referral__isnull=True)
                | models.Q(actioned_at__isnull=False, referral__isnull=False),
                name="red_flag_task_actioned_with_a_referral",
            )
        ]

    def __str__(self) -> str:
        return f"Urgent mental health referral raised {self.raised_at:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.actioned_at is None
