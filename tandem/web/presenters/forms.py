"""Turns bound Django form fields into the params of the NHS.UK component macros.

Templates never write field markup: `web/macros/fields.jinja` renders a `PresentedField` by
its kind with the matching NHS.UK macro, and `error_summary` lists every error with a link
to the field it belongs to (the first input of a date or a group of radios).
"""

from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext as _

from tandem.web.forms.fields import DATE_PARTS, DateInputWidget

_INPUT_OPTIONS = ("autocomplete", "inputmode", "spellcheck", "pattern", "width", "classes")


@dataclass
class PresentedField:
    kind: str  # input, date, textarea, radios, checkboxes, select, hidden
    name: str
    anchor: str  # the id the error summary links to
    params: dict = field(default_factory=dict)
    hidden_html: str = ""


def _kind(widget: forms.Widget) -> str:
    if isinstance(widget, forms.HiddenInput):
        return "hidden"
    if isinstance(widget, DateInputWidget):
        return "date"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.Select):
        return "select"
    return "input"


def _text(value) -> str:
    return "" if value is None else str(value)


def _options(bound_field, *, with_empty: bool) -> list[tuple[str, str]]:
    options = []
    for value, label in bound_field.field.choices:
        value = _text(value)
        if value == "" and not with_empty:
            continue
        options.append((value, str(label)))
    return options


def present_field(bound_field, *, legend_size: str = "s") -> PresentedField:
    widget = bound_field.field.widget
    kind = _kind(widget)
    name = bound_field.html_name
    if kind == "hidden":
        return PresentedField(kind, name, name, hidden_html=bound_field.as_hidden())

    params: dict = {}
    if bound_field.help_text:
        params["hint"] = {"text": str(bound_field.help_text)}
    if bound_field.errors:
        params["errorMessage"] = {"text": " ".join(bound_field.errors)}
    value = bound_field.value()
    label = {"text": str(bound_field.label), "size": legend_size}
    anchor = name

    if kind == "date":
        parts = value if isinstance(value, list | tuple) else [None, None, None]
        prefix = widget.attrs.get("autocomplete")
        params["fieldset"] = {"legend": label}
        params["id"] = name
        params["items"] = [
            {
                "id": f"{name}_{part}",
                "name": f"{name}_{part}",
                "label": part.capitalize(),
                "value": _text(part_value),
                "width": 4 if part == "year" else 2,
                **({"autocomplete": f"{prefix}-{part}"} if prefix else {}),
            }
            for part, part_value in zip(DATE_PARTS, parts, strict=True)
        ]
        anchor = f"{name}_day"
    elif kind in ("radios", "checkboxes"):
        chosen = {_text(v) for v in value or []} if kind == "checkboxes" else {_text(value)}
        params["fieldset"] = {"legend": label}
        params["idPrefix"] = name
        params["name"] = name
        params["items"] = [
            {"value": option, "text": text, "checked": option in chosen}
            for option, text in _options(bound_field, with_empty=False)
        ]
        if kind == "radios" and len(params["items"]) <= 2:
            params["inline"] = True
    elif kind == "select":
        params.update({"id": name, "name": name, "label": label})
        params["items"] = [
            {"value": option, "text": text, "selected": option == _text(value)}
            for option, text in _options(bound_field, with_empty=True)
        ]
    elif kind == "textarea":
        params.update({"id": name, "name": name, "label": label, "value": _text(value)})
        params["rows"] = int(widget.attrs.get("rows", 4))
    else:
        params.update({"id": name, "name": name, "label": label, "value": _text(value)})
        params["type"] = "password" if isinstance(widget, forms.PasswordInput) else "text"
        if isinstance(widget, forms.PasswordInput) and not widget.render_value:
            params["value"] = ""
        params.update({key: widget.attrs[key] for key in _INPUT_OPTIONS if key in widget.attrs})
    return PresentedField(kind, name, anchor, params)


@dataclass
class FormSection:
    heading: str
    fields: list[PresentedField]


class PresentedForm:
    """A form ready for the page: its fields by name and in order, grouped in sections
    (heading, field names) when given, and its error summary."""

    def __init__(
        self,
        form: forms.Form,
        *,
        sections: list[tuple[str, list[str]]] | None = None,
        legend_size: str = "s",
    ):
        self.form = form
        self.fields = {
            bound_field.name: present_field(bound_field, legend_size=legend_size)
            for bound_field in form
        }
        self._sections = sections

    @property
    def sections(self) -> list[FormSection]:
        if not self._sections:
            return [FormSection("", self.visible)]
        return [
            FormSection(heading, [self.fields[name] for name in names if name in self.fields])
            for heading, names in self._sections
        ]

    def __getitem__(self, name: str) -> PresentedField:
        return self.fields[name]

    def __iter__(self):
        return iter(self.fields.values())

    @property
    def hidden(self) -> list[PresentedField]:
        return [f for f in self.fields.values() if f.kind == "hidden"]

    @property
    def visible(self) -> list[PresentedField]:
        return [f for f in self.fields.values() if f.kind != "hidden"]

    @property
    def error_list(self) -> list[dict]:
        """Every error, in the order of the fields, each linking to its field."""
        items = [{"text": str(message)} for message in self.form.non_field_errors()]
        for name, presented in self.fields.items():
            for message in self.form.errors.get(name, []):
                items.append({"text": str(message), "href": f"#{presented.anchor}"})
        return items

    @property
    def error_summary(self) -> dict | None:
        """The params of the NHS.UK error summary, or None when there is nothing wrong."""
        if not self.form.is_bound or not self.form.errors:
            return None
        return {"heading": _("There is a problem"), "errorList": self.error_list}
