"""Forms of the postnatal handover: sending it, acknowledging it and withdrawing it. The
rules live in tandem.handover.services; these parse what was typed."""

from django import forms

from tandem.handover.services import receiving_teams
from tandem.outcomes.models import FeedingAt6To8Weeks
from tandem.records.models import Team, TeamKind
from tandem.web.forms.fields import YesNoField
from tandem.web.forms.records import ServiceForm, VersionedForm


def _text_area(label: str, *, help_text: str = "", rows: int = 4) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        help_text=help_text,
        strip=True,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class SendHandoverForm(ServiceForm):
    def __init__(self, *args, pregnancy, **kwargs):
        super().__init__(*args, **kwargs)
        teams = receiving_teams(pregnancy)
        field = forms.ModelChoiceField(
            label="Health-visiting team",
            help_text="The team covering the area where the family lives now",
            queryset=Team.objects.filter(kind=TeamKind.HEALTH_VISITING),
            required=False,
            empty_label=None,
            widget=forms.RadioSelect,
        )
        # The teams covering her area first, then the rest by name.
        field.choices = [
            (team.pk, f"{team} (covers her area)" if covers else str(team))
            for team, covers in teams
        ]
        field.error_messages["invalid_choice"] = "Choose a health-visiting team from the list"
        covering = [team.pk for team, covers in teams if covers]
        if len(covering) == 1:
            self.initial.setdefault("receiving_team", covering[0])
        self.fields = {"receiving_team": field, **self.fields}

    current_feeding = forms.ChoiceField(
        label="How is the baby fed now?",
        choices=FeedingAt6To8Weeks.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    feeding_notes = _text_area(
        "Feeding notes (optional)",
        help_text="For example, support she is getting, or difficulties with feeding",
    )
    safeguarding_concerns = YesNoField(
        label="Are there safeguarding concerns?",
        question_noun="there are safeguarding concerns",
        required=False,
    )
    concerns = _text_area(
        "Concerns for the health visitor",
        help_text="Anything the health visitor needs to know about mother or baby. "
        "Describe any safeguarding concern here.",
        rows=6,
    )

    def details(self) -> dict:
        return {
            "receiving_team": self.cleaned_data.get("receiving_team"),
            "current_feeding": self.cleaned_data.get("current_feeding") or "",
            "feeding_notes": self.cleaned_data.get("feeding_notes") or "",
            "safeguarding_concerns": self.cleaned_data.get("safeguarding_concerns"),
            "concerns": self.cleaned_data.get("concerns") or "",
        }


class AcknowledgeForm(VersionedForm):
    follow_up_questions = _text_area(
        "Follow-up questions for the midwife (optional)",
        help_text="Anything you need to ask the midwifery team about this family",
    )


class WithdrawForm(VersionedForm):
    reason = _text_area(
        "Why are you withdrawing this handover?",
        help_text="For example, it was sent to the wrong team, or something in it was wrong",
    )
