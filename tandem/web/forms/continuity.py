"""The forms of continuity of carer: naming a woman's team, named midwife and buddy, and
setting up a team and its members.

They parse what was chosen; the rules (team size, members of the team, a buddy who is not
the named midwife, caseload limit) live in tandem.continuity.services.
"""

from django import forms
from django.conf import settings

from tandem.records.models import Practitioner, Profession, Team, TeamKind
from tandem.web.forms.fields import NhsDateField
from tandem.web.forms.records import ServiceForm, VersionedForm

CONFIRMED = "confirmed"


class _MidwifeChoice(forms.ModelChoiceField):
    def __init__(self, *, label: str, noun: str, labels: dict[int, str]):
        self.labels = labels
        super().__init__(
            label=label,
            queryset=None,
            empty_label=f"Choose {noun}",
            error_messages={
                "required": f"Choose {noun}",
                "invalid_choice": f"Choose {noun} from the list",
            },
        )

    def label_from_instance(self, obj) -> str:
        return self.labels.get(obj.pk, str(obj))


class CarersForm(VersionedForm):
    continuity_team = forms.ModelChoiceField(
        label="Continuity team",
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose her continuity team",
            "invalid_choice": "Choose a continuity team from the list",
        },
    )
    named_midwife = forms.Field()  # replaced in __init__ with the team members
    buddy = forms.Field()
    reason = forms.CharField(
        label="Why are her carers being named or changed?",
        help_text="For example, booked into the team, her midwife's caseload is full, or she "
        "moved house",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Say why her carers are being named or changed",
            "max_length": "Keep the reason to 500 characters or fewer",
        },
    )
    confirm_over_limit = forms.MultipleChoiceField(
        label="Caseload limit",
        required=False,
        choices=[
            (
                CONFIRMED,
                "Her team leader has agreed the named midwife may go over the caseload limit",
            )
        ],
        widget=forms.CheckboxSelectMultiple,
        help_text="Only tick this if Tandem has warned you the limit would be passed",
    )

    def __init__(self, *args, teams, members, labels: dict[int, str], **kwargs):
        """`members`: the midwives of `teams`; `labels`: how each is shown (her team and
        caseload)."""
        super().__init__(*args, **kwargs)
        self.fields["continuity_team"].queryset = teams
        for name, label, noun in (
            ("named_midwife", "Named midwife", "her named midwife"),
            ("buddy", "Buddy midwife", "her buddy midwife"),
        ):
            field = _MidwifeChoice(label=label, noun=noun, labels=labels)
            field.queryset = members
            self.fields[name] = field
        # The order of the page: team, then midwives, then why.
        self.order_fields(
            ["continuity_team", "named_midwife", "buddy", "reason", "confirm_over_limit"]
        )

    @property
    def over_limit_confirmed(self) -> bool:
        return CONFIRMED in self.cleaned_data.get("confirm_over_limit", [])


def _practitioners(label: str, noun: str, *, multiple: bool = False):
    field_class = forms.ModelMultipleChoiceField if multiple else forms.ModelChoiceField
    options = (
        {"widget": forms.CheckboxSelectMultiple} if multiple else {"empty_label": f"Choose {noun}"}
    )
    return field_class(
        label=label,
        queryset=Practitioner.objects.none(),
        error_messages={
            "required": f"Choose {noun}",
            "invalid_choice": f"Choose {noun} from the list",
            "invalid_pk_value": f"Choose {noun} from the list",
        },
        **options,
    )


def _staff(organisation, profession):
    return Practitioner.objects.filter(
        organisation=organisation, profession=profession, is_active=True
    ).order_by("family_name", "given_name")


class ContinuityTeamForm(ServiceForm):
    """Sets up a continuity team: one of the provider's continuity teams not yet set up,
    its obstetrician and its four to six midwives."""

    team = forms.ModelChoiceField(
        label="Team",
        queryset=Team.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the team",
            "invalid_choice": "Choose a team from the list",
        },
    )
    obstetrician = _practitioners("Named obstetrician", "the team's obstetrician")
    midwives = _practitioners("Midwives", "the team's midwives", multiple=True)
    joined_on = NhsDateField(label="Date the team starts", noun="the date the team starts")
    caseload_limit = forms.IntegerField(
        label="Caseload limit for each midwife (women a year)",
        required=False,
        min_value=1,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "width": 3}),
        error_messages={
            "invalid": "Enter the caseload limit as a number, like 35",
            "min_value": "The caseload limit must be at least 1 woman a year",
        },
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(
            organisation=organisation, kind=TeamKind.CONTINUITY, continuity__isnull=True
        )
        self.fields[
            "team"
        ].help_text = (
            "Continuity of carer teams are added in Administration by a system administrator"
        )
        self.fields["obstetrician"].queryset = _staff(organisation, Profession.OBSTETRICIAN)
        self.fields["midwives"].queryset = _staff(organisation, Profession.MIDWIFE)
        self.fields["midwives"].help_text = "Choose 4 to 6 midwives"
        self.fields["caseload_limit"].help_text = (
            "Leave empty for the LMNS default of "
            f"{settings.TANDEM_CONTINUITY_CASELOAD_LIMIT} women a year"
        )


class JoinTeamForm(ServiceForm):
    midwife = _practitioners("Midwife", "the midwife joining the team")
    joined_on = NhsDateField(label="Date she joins", noun="the date she joins")

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["midwife"].queryset = _staff(organisation, Profession.MIDWIFE)


class LeaveTeamForm(ServiceForm):
    left_on = NhsDateField(label="Date she leaves the team", noun="the date she leaves")
