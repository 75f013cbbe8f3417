"""Form fields become NHS.UK macro params; every error links to its field."""

from datetime import date, time

import pytest
from django import forms

from tandem.web.forms.fields import NhsDateField, TimeField, YesNoField, parse_time
from tandem.web.forms.records import ServiceForm
from tandem.web.presenters.forms import PresentedForm


class ExampleForm(ServiceForm):
    name = forms.CharField(label="Name", help_text="As on her letters")
    born = NhsDateField(noun="her date of birth", label="Date of birth")
    kind = forms.ChoiceField(
        label="Kind", choices=[("a", "A"), ("b", "B"), ("c", "C")], widget=forms.RadioSelect
    )
    colours = forms.MultipleChoiceField(
        label="Colours",
        choices=[("r", "Red"), ("g", "Green")],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    place = forms.ChoiceField(label="Place", choices=[("", "Choose"), ("x", "X")])
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)
    ok = YesNoField(label="OK?", question_noun="it is OK")
    version = forms.IntegerField(widget=forms.HiddenInput)


def _bound(**data) -> ExampleForm:
    base = {
        "name": "Ada",
        "born_day": "1",
        "born_month": "2",
        "born_year": "1990",
        "kind": "b",
        "colours": ["g"],
        "place": "x",
        "notes": "",
        "ok": "yes",
        "version": "1",
    }
    return ExampleForm({**base, **data})


def test_presenter_gives_each_widget_its_nhs_component():
    presented = PresentedForm(_bound())
    kinds = {f.name: f.kind for f in presented}
    assert kinds == {
        "name": "input",
        "born": "date",
        "kind": "radios",
        "colours": "checkboxes",
        "place": "select",
        "notes": "textarea",
        "ok": "radios",
        "version": "hidden",
    }


def test_presenter_keeps_typed_values_and_choices():
    presented = PresentedForm(_bound())
    assert presented["name"].params["value"] == "Ada"
    assert presented["name"].params["hint"] == {"text": "As on her letters"}
    assert [i["value"] for i in presented["born"].params["items"]] == ["1", "2", "1990"]
    assert [i["checked"] for i in presented["kind"].params["items"]] == [False, True, False]
    assert [i["checked"] for i in presented["colours"].params["items"]] == [False, True]
    assert [i["selected"] for i in presented["place"].params["items"]] == [False, True]
    assert presented["ok"].params["inline"] is True
    assert 'name="version"' in presented["version"].hidden_html


def test_presenter_unbound_date_decomposes_initial_value():
    form = ExampleForm(initial={"born": date(1990, 2, 1)})
    assert [i["value"] for i in PresentedForm(form)["born"].params["items"]] == ["1", "2", "1990"]


def test_error_summary_links_each_error_to_its_field():
    form = _bound(name="", born_day="", born_month="", born_year="", kind="")
    form.is_valid()
    form.add_error(None, "Something else went wrong")
    presented = PresentedForm(form)
    summary = presented.error_summary
    assert summary["heading"] == "There is a problem"
    assert summary["errorList"] == [
        {"text": "Something else went wrong"},
        {"text": "This field is required.", "href": "#name"},
        {"text": "Enter her date of birth", "href": "#born_day"},
        {"text": "This field is required.", "href": "#kind"},
    ]
    assert presented["born"].params["errorMessage"] == {"text": "Enter her date of birth"}


def test_no_error_summary_when_all_is_well():
    assert PresentedForm(_bound()).error_summary is None
    assert PresentedForm(ExampleForm()).error_summary is None


def test_service_errors_attach_to_fields_or_to_the_form():
    from django.core.exceptions import ValidationError

    form = _bound()
    assert form.is_valid()
    form.add_service_errors(ValidationError({"name": "Too short", "unknown": "Elsewhere"}))
    assert form.errors["name"] == ["Too short"]
    assert form.non_field_errors() == ["Elsewhere"]


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (("", "2", "1990"), "Date of birth must include a day"),
        (("1", "", ""), "Date of birth must include a month and a year"),
        (("31", "2", "1990"), "Date of birth must be a real date"),
        (("x", "2", "1990"), "Date of birth must be a real date"),
        (("1", "2", "90"), "The year of date of birth must have 4 numbers, like 1995"),
    ],
)
def test_date_field_says_which_part_is_wrong(parts, message):
    field = NhsDateField(noun="her date of birth")
    with pytest.raises(forms.ValidationError) as error:
        field.clean(list(parts))
    assert error.value.messages == [message]


def test_date_field_parses_three_numbers():
    assert NhsDateField(noun="the date").clean(["7", "3", "2026"]) == date(2026, 3, 7)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14:30", time(14, 30)),
        ("2:30pm", time(14, 30)),
        ("9am", time(9, 0)),
        ("12am", time(0, 0)),
        ("0930", time(9, 30)),
        ("9.15", time(9, 15)),
        ("25:00", None),
        ("13pm", None),
        ("soon", None),
    ],
)
def test_parse_time(text, expected):
    assert parse_time(text) == expected


def test_time_field_message_names_the_format():
    with pytest.raises(forms.ValidationError) as error:
        TimeField(noun="the time").clean("later")
    assert error.value.messages == ["Enter the time as hours and minutes, like 14:30"]
