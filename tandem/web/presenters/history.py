"""Earlier versions of a woman's record and her pregnancies (django-simple-history), as
tables of who changed what and when, newest first, in a fixed number of queries."""

from datetime import date

from django.db import models

from tandem.records.models import Area, Organisation, Practitioner, Pregnancy, Team, Woman
from tandem.web.presenters import display

_NOT_SHOWN = {"id", "version", "created_at"}
_NAMES_OF = {Practitioner: "practitioners", Team: "teams", Area: "areas", Organisation: "orgs"}


def _tracked_fields(model) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if f.name not in _NOT_SHOWN]


def _who(version) -> str:
    user = version.history_user
    if user is None:
        return "Not recorded"
    practitioner = getattr(user, "practitioner", None)
    return str(practitioner) if practitioner else (user.get_full_name() or user.get_username())


class _Names:
    """Names of the practitioners, teams, areas and organisations the versions point at."""

    def __init__(self, versions, fields):
        self.names: dict = {}
        for f in fields:
            if f.is_relation and f.related_model in _NAMES_OF:
                ids = {getattr(v, f.attname) for v in versions} - {None}
                found = f.related_model.objects.in_bulk(ids) if ids else {}
                self.names[f.attname] = {pk: str(obj) for pk, obj in found.items()}

    def of(self, f: models.Field, value) -> str:
        if value is None or value == "":
            return "none"
        if f.attname in self.names:
            return self.names[f.attname].get(value, f"#{value}")
        if f.choices:
            return str(dict(f.flatchoices).get(value, value))
        if isinstance(value, bool):
            return display.yes_no(value)
        if isinstance(value, date):
            return display.nhs_date(value)
        return str(value)


def _shown_fields(model) -> list[models.Field]:
    return [f for f in _tracked_fields(model) if not (f.is_relation and f.name == "woman")]


def _change_rows(versions, fields, names: _Names) -> list[list]:
    rows = []
    previous_of: dict = {}
    for version in versions:  # oldest first, so each is compared with the one before
        before = previous_of.get(version.id)
        if before is None or version.history_type == "+":
            what = "Created"
        else:
            changes = [
                f"{f.verbose_name.capitalize()}: {names.of(f, getattr(before, f.attname))} "
                f"→ {names.of(f, getattr(version, f.attname))}"
                for f in fields
                if getattr(before, f.attname) != getattr(version, f.attname)
            ]
            what = "; ".join(changes) or "Saved with no change"
        previous_of[version.id] = version
        rows.append(
            [
                display.nhs_datetime(version.history_date),
                _who(version),
                f"Version {version.version}: {what}",
            ]
        )
    rows.reverse()
    return rows


def _table(caption: str, rows: list[list]) -> dict:
    return {
        "caption": caption,
        "captionSize": "s",
        "head": [{"text": "When"}, {"text": "Who"}, {"text": "What changed"}],
        "rows": rows,
        "responsive": True,
    }


def history_tables(woman: Woman, pregnancies: list[Pregnancy]) -> list[dict]:
    woman_versions = list(
        woman.history.select_related("history_user__practitioner").order_by(
            "history_date", "history_id"
        )
    )
    woman_fields = _shown_fields(Woman)
    tables = [
        _table(
            "Her details",
            _change_rows(woman_versions, woman_fields, _Names(woman_versions, woman_fields)),
        )
    ]
    pregnancy_versions = list(
        Pregnancy.history.filter(id__in=[p.pk for p in pregnancies])
        .select_related("history_user__practitioner")
        .order_by("history_date", "history_id")
    )
    fields = _shown_fields(Pregnancy)
    names = _Names(pregnancy_versions, fields)
    for pregnancy in pregnancies:
        mine = [v for v in pregnancy_versions if v.id == pregnancy.pk]
        tables.append(
            _table(
                f"Pregnancy due {display.nhs_date(pregnancy.edd)}",
                _change_rows(mine, fields, names),
            )
        )
    return tables
