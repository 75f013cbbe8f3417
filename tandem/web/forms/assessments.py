"""Forms for a visit: attendance, the visit record's sections, the family plan, feedback.

They parse what was typed; the rules live in tandem.assessments.services, whose errors,
keyed by the same field names, are attached with `add_service_errors`. Every form that
changes the record carries the record's version (0 before the first save) and, once the
record is complete, asks for the reason for the amendment.
"""

from django import forms

from tandem.assessments.models import (
    ActionStatus,
    AttendanceOutcome,
    PlanOwner,
    Rating,
    VisitRecordStatus,
)
from tandem.assessments.my_world import MatrixQuadrant, TriangleSide
from tandem.web.forms.fields import NhsDateField
from tandem.web.forms.records import ServiceForm, VersionedForm


def _text(label: str, *, help_text: str = "", rows: int = 3) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class AttendanceForm(VersionedForm):
    outcome = forms.ChoiceField(
        label="Did the family attend the visit?",
        choices=AttendanceOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether the family attended the visit",
            "invalid_choice": "Select whether the family attended the visit",
        },
    )


class RecordForm(ServiceForm):
    """A change to the visit record: its version, and a reason once it is complete."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, record=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.amending = record is not None and record.status == VisitRecordStatus.COMPLETE
        if self.amending:
            self.fields["reason"] = _text(
                "Reason for this amendment",
                help_text="The record has been completed. Say why it needs to change.",
            )

    @staticmethod
    def version_of(record) -> int:
        return record.version if record is not None else 0

    def reason(self) -> str:
        return self.cleaned_data.get("reason", "")


class TriangleSideForm(RecordForm):
    """Strengths and concerns for each domain of one side of the My World Triangle."""

    def __init__(self, *args, side: TriangleSide, **kwargs):
        super().__init__(*args, **kwargs)
        self.side = side
        reason = self.fields.pop("reason", None)
        for domain in side.domains:
            self.fields[f"{domain}_strengths"] = _text(f"Strengths: {domain.label}", rows=2)
            self.fields[f"{domain}_concerns"] = _text(f"Concerns: {domain.label}", rows=2)
        if reason is not None:
            self.fields["reason"] = reason

    def sections(self) -> list[tuple[str, list[str]]]:
        return [
            (str(domain.label), [f"{domain}_strengths", f"{domain}_concerns"])
            for domain in self.side.domains
        ] + [("", ["reason"])]

    def entries(self) -> dict[str, dict[str, str]]:
        return {
            str(domain): {
                "strengths": self.cleaned_data[f"{domain}_strengths"],
                "concerns": self.cleaned_data[f"{domain}_concerns"],
            }
            for domain in self.side.domains
        }

    @staticmethod
    def initial_for(record, side: TriangleSide) -> dict:
        entries = {e.domain: e for e in record.triangle.all()} if record else {}
        initial = {}
        for domain in side.domains:
            entry = entries.get(domain)
            initial[f"{domain}_strengths"] = entry.strengths if entry else ""
            initial[f"{domain}_concerns"] = entry.concerns if entry else ""
        return initial


class MatrixForm(RecordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        reason = self.fields.pop("reason", None)
        for quadrant in MatrixQuadrant:
            self.fields[quadrant.value] = _text(
                str(quadrant.label), help_text="Write one factor on each line", rows=4
            )
        self.fields["matrix_summary"] = _text(
            "Overall summary",
            help_text="What the matrix shows about the family's resilience and needs",
            rows=5,
        )
        if reason is not None:
            self.fields["reason"] = reason

    def factors(self) -> dict[str, list[str]]:
        return {q.value: self.cleaned_data[q.value].splitlines() for q in MatrixQuadrant}

    @staticmethod
    def initial_for(record) -> dict:
        initial = {q.value: "" for q in MatrixQuadrant}
        if record is None:
            return initial
        lines: dict[str, list[str]] = {}
        for factor in record.factors.all():
            lines.setdefault(factor.quadrant, []).append(factor.factor)
        initial.update({quadrant: "\n".join(items) for quadrant, items in lines.items()})
        initial["matrix_summary"] = record.matrix_summary
        return initial


class PrioritiesForm(RecordForm):
    parents_priorities = _text(
        "The parents' priorities",
        help_text="What matters most to them for their baby and family, in their words",
        rows=5,
    )
    baby_voice = _text(
        "The voice of the unborn baby",
        help_text="What the baby would ask of the people who will look after them",
        rows=5,
    )

    field_order = ["version", "parents_priorities", "baby_voice", "reason"]


def _goal_field() -> forms.CharField:
    return forms.CharField(
        label="Goal",
        help_text="What the family want to achieve, in their words where you can",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ActionFields(forms.Form):
    """The fields of an action; mixed into the forms that add or change one."""

    action = forms.CharField(
        label="Action", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    owner = forms.ChoiceField(
        label="Who will do this?",
        choices=PlanOwner.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Select who will do this"},
    )
    owner_service = forms.CharField(
        label="Name of the service (if a named service will do this)",
        required=False,
        max_length=200,
        error_messages={"max_length": "The name of the service must be 200 characters or fewer"},
    )
    due_date = NhsDateField(
        noun="the date this is due by",
        label="Due by",
        help_text="For example, 27 3 2027",
        required=False,
    )

    def action_values(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in ("action", "owner", "owner_service", "due_date", "status")
            if name in self.cleaned_data
        }


class GoalForm(ActionFields, RecordForm):
    goal = _goal_field()

    field_order = ["version", "goal", "action", "owner", "owner_service", "due_date", "reason"]


class GoalEditForm(RecordForm):
    goal = _goal_field()

    field_order = ["version", "goal", "reason"]


class ActionForm(ActionFields, RecordForm):
    status = forms.ChoiceField(
        label="Status",
        choices=ActionStatus.choices,
        initial=ActionStatus.NOT_STARTED,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the status of this action",
            "invalid_choice": "Select the status of this action",
        },
    )
    action_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    field_order = ["version", "action_version", "action", "owner", "owner_service", "due_date"]

    @staticmethod
    def initial_for(plan_action) -> dict:
        return {
            "action": plan_action.action,
            "owner": plan_action.owner,
            "owner_service": plan_action.owner_service,
            "due_date": plan_action.due_date,
            "status": plan_action.status,
            "action_version": plan_action.version,
        }


class ActionStatusForm(VersionedForm):
    status = forms.ChoiceField(
        label="Status",
        choices=ActionStatus.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the status of this action",
            "invalid_choice": "Select the status of this action",
        },
    )


class CompleteForm(RecordForm):
    """Completing the record: only the version it was checked at."""


class FeedbackForm(ServiceForm):
    rating = forms.TypedChoiceField(
        label="Overall, how was the visit?",
        choices=Rating.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select a rating from 1 to 5",
            "invalid_choice": "Select a rating from 1 to 5",
        },
    )
    comments = forms.CharField(
        label="Comments (optional)",
        help_text="What went well, and what could be better",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, question: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rating"].label = question
