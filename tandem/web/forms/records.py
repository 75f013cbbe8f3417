"""Forms for a woman's details, her pregnancy and care contacts.

Forms parse what was typed (dates, numbers, choices from the user's own scope); the rules
live in tandem.records.services, whose ValidationErrors, keyed by field name, are attached
to these fields with `add_service_errors`. Field names match the services' names.
"""

from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from tandem.core.nhs_number import validate_nhs_number
from tandem.records.codes import EthnicCategory, Language, SmokingStatus
from tandem.records.models import ContactOutcome, ContactType, PregnancyStatus
from tandem.records.services import PREGNANCY_FIELDS, WOMAN_FIELDS
from tandem.web.forms.fields import NhsDateField, TimeField, YesNoField
from tandem.web.presenters import choices


class ServiceForm(forms.Form):
    """A form whose rules are checked by a service; ids are the field names (NHS.UK style)."""

    # A service's field name -> this form's field, where they differ.
    service_field_names: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "%s")
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def add_service_errors(self, error: ValidationError) -> None:
        if not hasattr(error, "error_dict"):
            self.add_error(None, error.messages)
            return
        for name, messages in error.message_dict.items():
            field = self.service_field_names.get(name, name)
            self.add_error(field if field in self.fields else None, messages)

    def values_for(self, names) -> dict:
        return {name: self.cleaned_data[name] for name in names if name in self.cleaned_data}


class VersionedForm(ServiceForm):
    """Carries the version of the record the editor loaded, so a stale save is refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


def _count_field(label: str, noun: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        initial=0,
        min_value=0,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "width": 2}),
        error_messages={
            "required": f"Enter the number of {noun}, 0 if none",
            "invalid": f"Enter the number of {noun} as a number, like 0 or 2",
            "min_value": f"The number of {noun} cannot be less than 0",
        },
    )


def _model_choice(label, queryset, *, empty_label, noun, required=False, widget=forms.Select):
    return forms.ModelChoiceField(
        label=label,
        queryset=queryset,
        required=required,
        empty_label=empty_label,
        widget=widget,
        error_messages={
            "required": f"Choose {noun}",
            "invalid_choice": f"Choose {noun} from the list",
        },
    )


# --- A woman's details --------------------------------------------------------------------


class WomanDetailsForm(ServiceForm):
    nhs_number = forms.CharField(
        label="NHS number",
        help_text="10 digits, for example 999 123 4567",
        max_length=20,
        validators=[validate_nhs_number],
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "spellcheck": False, "width": 10, "autocomplete": "off"}
        ),
        error_messages={"required": "Enter her NHS number", "max_length": "Enter 10 digits"},
    )
    given_name = forms.CharField(
        label="Given name",
        max_length=100,
        widget=forms.TextInput(attrs={"spellcheck": False, "autocomplete": "off"}),
        error_messages={
            "required": "Enter her given name",
            "max_length": "Her given name must be 100 characters or fewer",
        },
    )
    family_name = forms.CharField(
        label="Family name",
        max_length=100,
        widget=forms.TextInput(attrs={"spellcheck": False, "autocomplete": "off"}),
        error_messages={
            "required": "Enter her family name",
            "max_length": "Her family name must be 100 characters or fewer",
        },
    )
    date_of_birth = NhsDateField(
        noun="her date of birth", label="Date of birth", help_text="For example, 15 3 1994"
    )
    postcode = forms.CharField(
        label="Postcode",
        max_length=10,
        help_text="For example, SK1 3XE",
        widget=forms.TextInput(attrs={"width": 10, "spellcheck": False, "autocomplete": "off"}),
        error_messages={
            "required": "Enter her postcode",
            "max_length": "Enter a full UK postcode, like SK1 3XE",
        },
    )
    ethnic_category = forms.ChoiceField(
        label="Ethnic category",
        help_text="As she describes herself. Choose 'Not stated' if she prefers not to say.",
        choices=[("", "Choose her ethnic category"), *EthnicCategory.choices],
        error_messages={
            "required": "Choose her ethnic category, or 'Not known' if you have not asked her",
            "invalid_choice": "Choose her ethnic category from the list",
        },
    )
    main_language = forms.ChoiceField(
        label="Main language",
        choices=Language.choices,
        initial="en",
        error_messages={
            "required": "Choose her main language",
            "invalid_choice": "Choose her main language from the list",
        },
    )
    # No answer is chosen for her: a pre-chosen "No" would record a need nobody asked about.
    interpreter_needed = YesNoField(
        label="Does she need an interpreter?",
        help_text="Choose 'Not recorded' if you have not asked her yet",
        question_noun="she needs an interpreter",
        allow_unknown=True,
    )
    accessibility_needs = forms.CharField(
        label="Accessibility needs (optional)",
        help_text="For example, large print, British Sign Language, step-free access",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def woman_details(self) -> dict:
        return self.values_for(WOMAN_FIELDS)


class EditWomanForm(WomanDetailsForm, VersionedForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Her record says "not recorded" (empty), so the form shows that answer chosen.
        if "interpreter_needed" in self.initial and self.initial["interpreter_needed"] is None:
            self.initial["interpreter_needed"] = "unknown"


# --- A pregnancy ---------------------------------------------------------------------------


class PregnancyDetailsForm(ServiceForm):
    """The details every pregnancy form asks for; `user` scopes the pickers."""

    lmp = NhsDateField(
        noun="the first day of her last menstrual period",
        label="First day of her last menstrual period (LMP)",
        help_text="For example, 2 9 2025. Leave blank if she does not know it and "
        "you have a due date from a dating scan.",
        required=False,
    )
    edd_scan = NhsDateField(
        noun="the due date from the dating scan",
        label="Due date from the dating scan (optional)",
        help_text="When there is a dating scan, its due date is used instead of the LMP",
        required=False,
    )
    booking_date = NhsDateField(
        noun="the booking date", label="Booking appointment date", required=False
    )
    previous_live_births = _count_field("Previous live births", "previous live births")
    previous_stillbirths = _count_field("Previous stillbirths", "previous stillbirths")
    previous_caesareans = _count_field("Previous caesarean sections", "previous caesarean sections")
    smoking_status_booking = forms.ChoiceField(
        label="Smoking at booking (optional)",
        choices=SmokingStatus.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose her smoking status from the list"},
    )
    named_midwife = forms.ModelChoiceField(queryset=None)
    team = forms.ModelChoiceField(queryset=None)
    area = forms.ModelChoiceField(queryset=None)

    def __init__(self, *args, user, pregnancy=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["named_midwife"] = _model_choice(
            "Named midwife (optional)",
            choices.midwives(user, pregnancy.named_midwife if pregnancy else None),
            empty_label="No named midwife yet",
            noun="her named midwife",
        )
        self.fields["team"] = _model_choice(
            "Team (optional)",
            choices.teams(user, pregnancy.team if pregnancy else None),
            empty_label="No team yet",
            noun="the team caring for her",
        )
        self.fields["area"] = _model_choice(
            "Area (optional)",
            choices.areas(user, pregnancy.area if pregnancy else None),
            empty_label="Work it out from her postcode",
            noun="her area",
        )

    def pregnancy_details(self) -> dict:
        return self.values_for(PREGNANCY_FIELDS)


class BookPregnancyForm(PregnancyDetailsForm):
    """Book a pregnancy: the details above and the provider caring for her."""

    provider = forms.ModelChoiceField(queryset=None)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        providers = choices.providers(user)
        self.fields["provider"] = _model_choice(
            "Maternity provider",
            providers,
            empty_label=None,
            noun="the maternity provider caring for her",
            required=True,
            widget=forms.RadioSelect,
        )
        if len(providers) == 1:
            self.fields["provider"].initial = providers[0].pk
        self.order_fields(["provider", *PREGNANCY_FIELDS])


class NewBookingForm(WomanDetailsForm, BookPregnancyForm):
    """Register a woman and book her pregnancy in one go."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.order_fields([*WOMAN_FIELDS, "provider", *PREGNANCY_FIELDS])


class EditPregnancyForm(PregnancyDetailsForm, VersionedForm):
    status = forms.ChoiceField(
        label="Status",
        choices=PregnancyStatus.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the status of the pregnancy",
            "invalid_choice": "Choose the status of the pregnancy from the list",
        },
    )
    ended_on = NhsDateField(
        noun="the date the pregnancy ended",
        label="Date the pregnancy ended",
        help_text="The date of birth, loss or transfer out. Leave blank while it is active.",
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields([*PREGNANCY_FIELDS, "version"])


# --- Care contacts -----------------------------------------------------------------------


class ContactForm(ServiceForm):
    service_field_names = {"starts_at": "contact_date"}

    contact_date = NhsDateField(
        noun="the date of the contact",
        label="Date of the contact",
        help_text="For example, 3 2 2026",
    )
    contact_time = TimeField(
        noun="the time of the contact",
        label="Time",
        help_text="For example, 14:30 or 2:30pm",
        widget=forms.TextInput(attrs={"width": 5, "autocomplete": "off"}),
    )
    contact_type = forms.ChoiceField(
        label="Type of contact",
        choices=ContactType.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the type of contact",
            "invalid_choice": "Choose the type of contact from the list",
        },
    )
    practitioners = forms.ModelMultipleChoiceField(queryset=None)
    outcome = forms.ChoiceField(
        label="What happened",
        choices=ContactOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose what happened at the contact",
            "invalid_choice": "Choose what happened from the list",
        },
    )
    wellbeing_asked = YesNoField(
        label="Did you ask about her emotional wellbeing? (optional)",
        help_text="The Whooley and GAD-2 questions",
        question_noun="her emotional wellbeing was asked about",
        allow_unknown=True,
        required=False,
        widget=forms.RadioSelect,
    )
    notes = forms.CharField(
        label="Notes (optional)", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, user, contact=None, **kwargs):
        super().__init__(*args, **kwargs)
        current = list(contact.practitioners.all()) if contact is not None else None
        self.fields["practitioners"] = forms.ModelMultipleChoiceField(
            label="Who saw her",
            help_text="Choose everyone who was there. For a joint visit, choose both.",
            queryset=choices.practitioners(user, current),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"invalid_choice": "Choose who saw her from the list"},
        )
        self.order_fields(
            [
                "contact_date",
                "contact_time",
                "contact_type",
                "practitioners",
                "outcome",
                "wellbeing_asked",
                "notes",
            ]
        )

    @classmethod
    def initial_for(cls, contact) -> dict:
        local = timezone.localtime(contact.starts_at)
        return {
            "contact_date": local.date(),
            "contact_time": local.time(),
            "contact_type": contact.contact_type,
            "practitioners": [p.pk for p in contact.practitioners.all()],
            "outcome": contact.outcome,
            "wellbeing_asked": contact.wellbeing_asked,
            "notes": contact.notes,
            "version": contact.version,
        }

    def contact_details(self) -> dict:
        data = self.cleaned_data
        starts_at = timezone.make_aware(
            datetime.combine(data["contact_date"], data["contact_time"])
        )
        return {
            "starts_at": starts_at,
            "contact_type": data["contact_type"],
            "outcome": data["outcome"],
            "wellbeing_asked": data["wellbeing_asked"],
            "notes": data["notes"],
        }


class EditContactForm(ContactForm, VersionedForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields([*self.fields, "version"])


# --- Search ------------------------------------------------------------------------------------


class SearchForm(forms.Form):
    q = forms.CharField(
        label="NHS number or name",
        help_text="For example, 999 123 4567 or Amina Khan",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"spellcheck": False, "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
