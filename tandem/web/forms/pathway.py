"""Forms for the enhanced-pathway screen and the safeguarding review.

They parse what was typed; the rules (detail needed when a criterion is met, a rationale
for every decision, a question with "more information needed") are checked by
tandem.pathway.services, whose errors are keyed by these forms' field names.
"""

from django import forms

from tandem.pathway.models import FINAL_OUTCOMES, EligibilityCriterion, ReviewOutcome
from tandem.pathway.services import CriterionAnswer, detail_field, met_field
from tandem.pathway.services.review import MAX_TEXT_LENGTH
from tandem.pathway.services.screening import MAX_DETAIL_LENGTH
from tandem.web.forms.fields import YesNoField
from tandem.web.forms.records import ServiceForm


def _text_area(label: str, *, help_text: str = "", required: bool, missing: str, limit: int):
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=limit,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": missing,
            "max_length": f"This must be {limit} characters or fewer",
        },
    )


class ScreenForm(ServiceForm):
    """One yes or no question per active criterion, each with a box for the detail."""

    def __init__(self, *args, criteria: list[EligibilityCriterion], **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[met_field(criterion)] = YesNoField(
                label=criterion.label,
                help_text=criterion.hint,
                question_noun=f"'{criterion.label}' applies",
            )
            self.fields[detail_field(criterion)] = _text_area(
                f"{criterion.label}: details (needed if yes)",
                required=False,
                missing="",
                limit=MAX_DETAIL_LENGTH,
            )

    def answers(self) -> dict[str, CriterionAnswer]:
        return {
            criterion.code: CriterionAnswer(
                met=self.cleaned_data[met_field(criterion)],
                detail=self.cleaned_data[detail_field(criterion)],
            )
            for criterion in self.criteria
        }


class DecisionForm(ServiceForm):
    outcome = forms.ChoiceField(
        label="Your decision",
        choices=ReviewOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose your decision",
            "invalid_choice": "Choose your decision from the list",
        },
    )
    rationale = _text_area(
        "Reasons for your decision",
        help_text="What you weighed up. The referrer and her team will see this.",
        required=True,
        missing="Enter the reasons for your decision",
        limit=MAX_TEXT_LENGTH,
    )
    question = _text_area(
        "Your question for the referrer (if you need more information)",
        help_text="The referral goes back to the midwife who made it; it returns to your "
        "queue when she answers.",
        required=False,
        missing="",
        limit=MAX_TEXT_LENGTH,
    )
    # The latest event of the referral when the page was opened: a decision made on a
    # referral that has moved on since (an answer arrived) is refused.
    seen_event = forms.IntegerField(widget=forms.HiddenInput, required=False)


class RevisionForm(ServiceForm):
    outcome = forms.ChoiceField(
        label="Your new decision",
        choices=[
            (value, label) for value, label in ReviewOutcome.choices if value in FINAL_OUTCOMES
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose your new decision",
            "invalid_choice": "Choose your new decision from the list",
        },
    )
    rationale = _text_area(
        "Reasons for changing the decision",
        help_text="The earlier decision and its reasons stay on the record.",
        required=True,
        missing="Enter the reasons for changing the decision",
        limit=MAX_TEXT_LENGTH,
    )
    revises = forms.IntegerField(widget=forms.HiddenInput)


class AnswerForm(ServiceForm):
    answer = _text_area(
        "Your answer",
        required=True,
        missing="Enter your answer for the safeguarding team",
        limit=MAX_TEXT_LENGTH,
    )


class WithdrawForm(ServiceForm):
    reason = _text_area(
        "Why is the referral being withdrawn?",
        help_text="For example, she has moved out of the area, or the pregnancy has ended.",
        required=True,
        missing="Enter why the referral is withdrawn",
        limit=MAX_TEXT_LENGTH,
    )
