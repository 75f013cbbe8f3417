"""Forms for a birth (the labour and each baby) and the health visitor's 6–8 week details.

They parse what was typed; the rules live in tandem.outcomes.validation, whose errors are
keyed by the services' field names (`baby_2_gestation_days`) and mapped onto these fields.
A baby's fields are named `baby_<n>_<field>`, n being the baby's place on the form.
"""

from datetime import datetime

from django import forms
from django.utils import timezone

from tandem.outcomes.models import (
    RECORDABLE_PRESENTATIONS,
    DeliveryMethod,
    FeedingAt6To8Weeks,
    FirstFeed,
    GenitalTractTrauma,
    LabourAnaesthesia,
    LabourOnsetMethod,
    PlaceOfBirth,
    PregnancyOutcome,
)
from tandem.outcomes.validation import baby_field
from tandem.records.codes import SmokingStatus
from tandem.web.forms.fields import NhsDateField, TimeField, YesNoField
from tandem.web.forms.records import ServiceForm, VersionedForm

BABY_COUNT_CHOICES = [
    ("1", "One baby"),
    ("2", "Twins"),
    ("3", "Triplets"),
    ("4", "Quadruplets"),
]
# The datetimes are typed as a date and a time; the service knows them by one name.
_MOMENTS = {
    "labour_onset_at": ("labour_onset_date", "labour_onset_time", "the time labour started"),
    "caesarean_at": ("caesarean_date", "caesarean_time", "the time of the caesarean"),
}

# The labour's fields typed as they are stored, in the order the form asks them.
_LABOUR_DETAILS = (
    "genital_tract_trauma",
    "episiotomy",
    "blood_loss_ml",
    "anaesthesia",
    "oxytocin_augmentation",
    "smoking_status_delivery",
)


def _choice(label, choices, *, noun, required=False, widget=forms.RadioSelect, empty=""):
    options = list(choices)
    if widget is forms.Select:
        options = [("", empty or f"Choose {noun}"), *options]
    return forms.ChoiceField(
        label=label,
        choices=options,
        required=required,
        widget=widget,
        error_messages={
            "required": f"Choose {noun}",
            "invalid_choice": f"Choose {noun} from the list",
        },
    )


def _number(label, *, invalid, required=False, width=4, help_text=""):
    return forms.IntegerField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "width": width}),
        error_messages={"required": invalid, "invalid": invalid},
    )


def _moment(date_value, time_value):
    return timezone.make_aware(datetime.combine(date_value, time_value))


class BabyCountForm(forms.Form):
    """The first question before the birth form: how many babies were born."""

    babies = forms.ChoiceField(
        label="How many babies were born?",
        choices=BABY_COUNT_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how many babies were born",
            "invalid_choice": "Choose how many babies were born from the list",
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "%s")
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class BirthForm(ServiceForm):
    """The labour and delivery, then one group of fields for each baby."""

    onset_method = _choice(
        "How did labour start?", LabourOnsetMethod.choices, noun="how labour started", required=True
    )
    labour_onset_date = NhsDateField(
        noun="the date labour started",
        label="Date labour started",
        help_text="Leave blank for a caesarean decided before labour",
        required=False,
    )
    labour_onset_time = TimeField(
        noun="the time labour started",
        label="Time labour started",
        help_text="For example, 14:30 or 2:30pm",
        required=False,
        widget=forms.TextInput(attrs={"width": 5, "autocomplete": "off"}),
    )
    caesarean_date = NhsDateField(
        noun="the date of the caesarean section",
        label="Date of the caesarean section",
        help_text="Only if a baby was delivered by caesarean section",
        required=False,
    )
    caesarean_time = TimeField(
        noun="the time of the caesarean",
        label="Time of the caesarean section",
        required=False,
        widget=forms.TextInput(attrs={"width": 5, "autocomplete": "off"}),
    )
    genital_tract_trauma = _choice(
        "Perineal or genital tract trauma",
        [(value, label) for value, label in GenitalTractTrauma.choices if value],
        noun="the genital tract trauma",
        widget=forms.Select,
        empty="None recorded",
    )
    blood_loss_ml = _number(
        "Blood loss in ml (optional)",
        invalid="Enter the blood loss in ml as a number, like 350",
        width=5,
    )
    episiotomy = YesNoField(
        label="Was an episiotomy done? (optional)",
        question_noun="an episiotomy was done",
        allow_unknown=True,
        required=False,
    )
    anaesthesia = _choice(
        "Epidural, spinal or general anaesthetic (optional)",
        LabourAnaesthesia.choices,
        noun="the epidural, spinal or general anaesthetic",
        widget=forms.Select,
        empty="Not recorded",
    )
    oxytocin_augmentation = YesNoField(
        label="Was oxytocin given to speed up labour? (optional)",
        help_text="Not oxytocin given for the birth of the placenta",
        question_noun="oxytocin was given to speed up labour",
        allow_unknown=True,
        required=False,
    )
    smoking_status_delivery = _choice(
        "Smoking at delivery (optional)", SmokingStatus.choices, noun="her smoking status"
    )

    def __init__(self, *args, babies: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.baby_count = babies
        self.service_field_names = {
            "labour_onset_at": "labour_onset_date",
            "caesarean_at": "caesarean_date",
        }
        for n in range(1, babies + 1):
            self.fields.update(self._baby_fields(n))
            self.service_field_names |= {
                baby_field(n, "born_at"): baby_field(n, "born_date"),
                baby_field(n, "gestation_days"): baby_field(n, "gestation_weeks"),
            }

    @staticmethod
    def _baby_fields(n: int) -> dict[str, forms.Field]:
        baby = f"baby {n}"
        return {
            baby_field(n, "born_date"): NhsDateField(
                noun=f"the date {baby} was born", label="Date of birth"
            ),
            baby_field(n, "born_time"): TimeField(
                noun=f"the time {baby} was born",
                label="Time of birth",
                help_text="For example, 14:30 or 2:30pm",
                widget=forms.TextInput(attrs={"width": 5, "autocomplete": "off"}),
            ),
            baby_field(n, "outcome"): _choice(
                "Outcome", PregnancyOutcome.choices, noun=f"the outcome for {baby}", required=True
            ),
            baby_field(n, "delivery_method"): _choice(
                "How was the baby delivered?",
                DeliveryMethod.choices,
                noun=f"how {baby} was delivered",
                required=True,
                widget=forms.Select,
            ),
            baby_field(n, "presentation"): _choice(
                "Presentation at birth",
                [(code.value, code.label) for code in RECORDABLE_PRESENTATIONS],
                noun=f"the presentation of {baby}",
                required=True,
            ),
            baby_field(n, "gestation_weeks"): _number(
                "Gestation at birth: weeks",
                invalid=f"Baby {n}: enter the completed weeks of gestation at birth, like 39",
                required=True,
                width=2,
            ),
            baby_field(n, "gestation_extra_days"): _number(
                "Gestation at birth: days",
                invalid=f"Baby {n}: enter the extra days of gestation as a number from 0 to 6",
                help_text="0 to 6. For 39+4 weeks, enter 39 weeks and 4 days.",
                width=2,
            ),
            baby_field(n, "place_of_birth"): _choice(
                "Place of birth (optional)",
                PlaceOfBirth.choices,
                noun=f"the place {baby} was born",
                widget=forms.Select,
                empty="Not recorded",
            ),
            baby_field(n, "apgar_5"): _number(
                "Apgar score at 5 minutes (optional)",
                invalid=f"Baby {n}: enter the Apgar score as a number from 0 to 10",
                width=2,
            ),
            baby_field(n, "birth_weight_g"): _number(
                "Birth weight in grams (optional)",
                invalid=f"Baby {n}: enter the birth weight in grams as a number, like 3450",
                width=4,
            ),
            baby_field(n, "first_feed"): _choice(
                "First feed (optional)", FirstFeed.choices, noun=f"the first feed of {baby}"
            ),
            baby_field(n, "neonatal_admission"): YesNoField(
                label="Admitted to neonatal critical care? (optional)",
                question_noun=f"{baby} was admitted to neonatal critical care",
                allow_unknown=True,
                required=False,
            ),
        }

    @property
    def sections(self) -> list[tuple[str, list[str]]]:
        labour = ["onset_method", *(name for pair in _MOMENTS.values() for name in pair[:2])]
        labour += list(_LABOUR_DETAILS)
        babies = [
            (f"Baby {n}", [name for name in self.fields if name.startswith(f"baby_{n}_")])
            for n in range(1, self.baby_count + 1)
        ]
        return [("Labour and delivery", labour), *babies]

    def clean(self):
        data = super().clean()
        for date_name, time_name, time_noun in _MOMENTS.values():
            if data.get(date_name) and time_name not in self.errors and not data.get(time_name):
                self.add_error(time_name, f"Enter {time_noun}")
            if data.get(time_name) and date_name not in self.errors and not data.get(date_name):
                self.add_error(date_name, f"Enter {self.fields[date_name].noun}")
        for n in range(1, self.baby_count + 1):
            extra = data.get(baby_field(n, "gestation_extra_days"))
            if extra is not None and not 0 <= extra <= 6:
                self.add_error(
                    baby_field(n, "gestation_extra_days"),
                    f"Baby {n}: the extra days of gestation must be from 0 to 6",
                )
        return data

    def labour_details(self) -> dict:
        data = self.cleaned_data
        details = {name: data[name] for name in ("onset_method", *_LABOUR_DETAILS)}
        for service_name, (date_name, time_name, _) in _MOMENTS.items():
            moment_date, moment_time = data.get(date_name), data.get(time_name)
            details[service_name] = (
                _moment(moment_date, moment_time) if moment_date and moment_time else None
            )
        return details

    def baby_details(self, n: int) -> dict:
        data = self.cleaned_data

        def value(name):
            return data.get(baby_field(n, name))

        return {
            "born_at": _moment(value("born_date"), value("born_time")),
            "outcome": value("outcome"),
            "delivery_method": value("delivery_method"),
            "presentation": value("presentation"),
            "gestation_days": value("gestation_weeks") * 7 + (value("gestation_extra_days") or 0),
            "place_of_birth": value("place_of_birth"),
            "apgar_5": value("apgar_5"),
            "birth_weight_g": value("birth_weight_g"),
            "first_feed": value("first_feed"),
            "neonatal_admission": value("neonatal_admission"),
        }

    def babies_details(self) -> list[dict]:
        """Each baby's details, the birth order being its place on the form."""
        return [{"birth_order": n, **self.baby_details(n)} for n in range(1, self.baby_count + 1)]


class EditBirthForm(BirthForm, VersionedForm):
    """The recorded birth, with the version of the labour and of each baby."""

    def __init__(self, *args, babies: int, **kwargs):
        super().__init__(*args, babies=babies, **kwargs)
        for n in range(1, babies + 1):
            self.fields[baby_field(n, "version")] = forms.IntegerField(
                widget=forms.HiddenInput, min_value=1
            )

    @classmethod
    def initial_for(cls, labour, babies) -> dict:
        initial = {name: getattr(labour, name) for name in ("onset_method", *_LABOUR_DETAILS)}
        initial["version"] = labour.version
        for service_name, (date_name, time_name, _) in _MOMENTS.items():
            moment = getattr(labour, service_name)
            if moment is not None:
                local = timezone.localtime(moment)
                initial[date_name], initial[time_name] = local.date(), local.time()
        for n, baby in enumerate(babies, start=1):
            local = timezone.localtime(baby.born_at)
            initial |= {
                baby_field(n, "born_date"): local.date(),
                baby_field(n, "born_time"): local.time(),
                baby_field(n, "version"): baby.version,
            }
            for name in (
                "outcome",
                "delivery_method",
                "presentation",
                "place_of_birth",
                "apgar_5",
                "birth_weight_g",
                "first_feed",
                "neonatal_admission",
            ):
                initial[baby_field(n, name)] = getattr(baby, name)
            if baby.gestation_days is not None:
                initial[baby_field(n, "gestation_weeks")] = baby.gestation_days // 7
                initial[baby_field(n, "gestation_extra_days")] = baby.gestation_days % 7
        return initial

    def baby_version(self, n: int) -> int:
        return self.cleaned_data[baby_field(n, "version")]


class HealthVisitorForm(VersionedForm):
    feeding_at_6_8_weeks = _choice(
        "How is the baby fed at the 6 to 8 week contact?",
        FeedingAt6To8Weeks.choices,
        noun="how the baby is fed",
    )
    readmitted_within_30_days = YesNoField(
        label="Was the baby readmitted to hospital within 30 days of birth?",
        question_noun="the baby was readmitted within 30 days",
        allow_unknown=True,
        required=False,
    )

    def details(self) -> dict:
        return self.values_for(("feeding_at_6_8_weeks", "readmitted_within_30_days"))
