"""Forms for the hubs directory, onward referrals, and the wellbeing questions at a contact.

The questions' wording is NICE CG192's (the Whooley and GAD-2 questions); the red flags are
those of Saving Lives, Improving Mothers' Care (2015) as the Better Births resource pack
lists them. The rules live in tandem.hubs.validation.
"""

from django import forms

from tandem.hubs import services
from tandem.hubs.models import (
    Consent,
    Frequency,
    ServiceCategory,
    ServiceReferralStatus,
    Urgency,
)
from tandem.hubs.validation import TRANSITIONS, RedFlag, WellbeingAnswers
from tandem.records.models import Area
from tandem.web.forms.fields import NhsDateField, YesNoField
from tandem.web.forms.records import ContactForm, ServiceForm, VersionedForm
from tandem.web.presenters import display

WELLBEING_FIELDS = (
    "feeling_down",
    "little_interest",
    "wants_help",
    "nervous",
    "worrying",
    "red_flags",
    "red_flag_detail",
)


class DirectoryFilterForm(forms.Form):
    area = forms.ModelChoiceField(
        label="Area",
        queryset=Area.objects.select_related("organisation").order_by("name"),
        required=False,
        empty_label="All areas",
    )
    category = forms.ChoiceField(
        label="Type of service",
        choices=[("", "All types"), *ServiceCategory.choices],
        required=False,
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "%s")
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


def _frequency_field(question: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=question,
        choices=Frequency.choices,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Select how often from the list"},
    )


class ContactWellbeingForm(ContactForm):
    """A contact with the emotional wellbeing questions and the mental health red flags."""

    feeling_down = YesNoField(
        label="During the past month, have you often been bothered by feeling down, "
        "depressed or hopeless?",
        question_noun="she has often felt down",
        required=False,
    )
    little_interest = YesNoField(
        label="During the past month, have you often been bothered by having little "
        "interest or pleasure in doing things?",
        question_noun="she has had little interest or pleasure",
        required=False,
    )
    wants_help = YesNoField(
        label="If she answered yes to either: is this something you feel you need or want "
        "help with?",
        question_noun="she feels she needs or wants help",
        required=False,
    )
    nervous = _frequency_field(
        "Over the last 2 weeks, how often have you been bothered by feeling nervous, "
        "anxious or on edge?"
    )
    worrying = _frequency_field(
        "Over the last 2 weeks, how often have you been bothered by not being able to stop "
        "or control worrying?"
    )
    red_flags = forms.MultipleChoiceField(
        label="Mental health red flags you noticed (optional)",
        help_text="Any red flag means an urgent referral to perinatal mental health services",
        choices=RedFlag.CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select red flags from the list"},
    )
    red_flag_detail = forms.CharField(
        label="What you noticed (if you selected a red flag)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    sections = [
        (
            "",
            ["contact_date", "contact_time", "contact_type", "practitioners", "outcome", "notes"],
        ),
        (
            "Emotional wellbeing",
            [
                "wellbeing_asked",
                "feeling_down",
                "little_interest",
                "wants_help",
                "nervous",
                "worrying",
            ],
        ),
        ("Mental health red flags", ["red_flags", "red_flag_detail"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[
            "wellbeing_asked"
        ].help_text = "If yes, record her answers to the Whooley and GAD-2 questions below"

    def wellbeing(self) -> WellbeingAnswers:
        data = self.cleaned_data
        return WellbeingAnswers(
            feeling_down=data.get("feeling_down"),
            little_interest=data.get("little_interest"),
            wants_help=data.get("wants_help"),
            nervous=data.get("nervous"),
            worrying=data.get("worrying"),
            red_flags=frozenset(data.get("red_flags") or ()),
            red_flag_detail=data.get("red_flag_detail") or "",
        )


def _service_choice(queryset) -> forms.ModelChoiceField:
    field = forms.ModelChoiceField(
        label="Service",
        queryset=queryset,
        empty_label="Choose a service",
        error_messages={
            "required": "Choose a service from the directory",
            "invalid_choice": "Choose a service from the list",
        },
    )
    field.label_from_instance = lambda service: f"{service.name} ({service.hub.name})"
    return field


def _reason_field() -> forms.CharField:
    return forms.CharField(
        label="Reason for the referral",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the reason for the referral"},
    )


def _consent_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label="Her agreement",
        choices=Consent.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether she agreed to the referral",
            "invalid_choice": "Select whether she agreed to the referral",
        },
    )


class ServiceReferralForm(ServiceForm):
    urgency = forms.ChoiceField(
        label="How urgent",
        choices=Urgency.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select how urgent the referral is",
            "invalid_choice": "Select how urgent the referral is",
        },
    )

    def __init__(self, *args, pregnancy, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"] = _service_choice(services.services_for(pregnancy))
        contact = forms.ModelChoiceField(
            label="Contact it was made at (optional)",
            queryset=pregnancy.contacts.order_by("-starts_at"),
            required=False,
            empty_label="Not made at a contact",
            error_messages={"invalid_choice": "Choose a contact of this pregnancy"},
        )
        contact.label_from_instance = lambda c: (
            f"{c.get_contact_type_display()}, {display.nhs_datetime(c.starts_at)}"
        )
        self.fields["contact"] = contact
        self.fields["reason"] = _reason_field()
        self.fields["consent"] = _consent_field()
        self.order_fields(["service", "contact", "reason", "urgency", "consent"])

    def referral_details(self) -> dict:
        data = self.cleaned_data
        return {
            "service": data["service"],
            "contact": data.get("contact"),
            "reason": data["reason"],
            "urgency": data["urgency"],
            "consent": data["consent"],
        }


class _StatusField(forms.ChoiceField):
    """Offers the statuses the referral may move to; any other status is passed on to the
    service, whose error says which moves are allowed (a stale page may offer old ones)."""

    def valid_value(self, value) -> bool:
        return value in ServiceReferralStatus.values


class StatusForm(VersionedForm):
    happened_on = NhsDateField(noun="the date it happened", label="Date it happened")
    note = forms.CharField(
        label="Note (optional, required when declined)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, referral, **kwargs):
        super().__init__(*args, **kwargs)
        onward = TRANSITIONS.get(referral.status, frozenset())
        self.fields["status"] = _StatusField(
            label="What has happened",
            choices=[(s.value, s.label) for s in ServiceReferralStatus if s in onward],
            widget=forms.RadioSelect,
            error_messages={
                "required": "Select what has happened to the referral",
                "invalid_choice": "Select what has happened from the list",
            },
        )
        self.order_fields(["status", "happened_on", "note", "version"])


class RedFlagActionForm(ServiceForm):
    def __init__(self, *args, pregnancy, **kwargs):
        super().__init__(*args, **kwargs)
        queryset = services.services_for(
            pregnancy, category=ServiceCategory.PERINATAL_MENTAL_HEALTH
        )
        self.fields["service"] = _service_choice(queryset)
        self.fields["service"].label = "Perinatal mental health service referred to"
        self.fields["reason"] = _reason_field()
        self.fields["consent"] = _consent_field()
