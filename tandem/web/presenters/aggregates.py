"""Counts for the analyst's home page: no names, NHS numbers, dates, postcodes or links to a
person, only organisations, areas and statuses with the number of pregnancies or women,
each disclosure-controlled (tandem.core.disclosure), since only an analyst sees them.

Each table is one grouped query, whatever the number of rows.
"""

from django.db.models import Count, Q

from tandem import access
from tandem.core.disclosure import SUPPRESSED_FOR_ANALYSTS
from tandem.core.roles import Permission
from tandem.records.models import Pregnancy, PregnancyStatus


def _aggregate_source(user):
    """The pregnancies an aggregate may count: the whole LMNS for a role that sees figures
    only, never a person (analysts); nothing for anyone else."""
    if access.can(user, Permission.VIEW_AGGREGATES) and not access.can_see_identifiers(user):
        return Pregnancy.objects.all()
    return Pregnancy.objects.none()


def _number(value: int) -> dict:
    return {"text": SUPPRESSED_FOR_ANALYSTS.count(value), "format": "numeric"}


def _status_table(caption: str, groups: list[str], labels: dict[str, str], rows: list[dict]):
    statuses = PregnancyStatus.choices
    table_rows = []
    for row in rows:
        table_rows.append(
            [
                *(row[group] or "Not known" for group in groups),
                *(_number(row[status]) for status, _ in statuses),
                _number(row["total"]),
            ]
        )
    return {
        "caption": caption,
        "captionClasses": "nhsuk-u-visually-hidden",
        "head": [
            *({"text": labels[group]} for group in groups),
            *({"text": label, "format": "numeric"} for _, label in statuses),
            {"text": "Total", "format": "numeric"},
        ],
        "rows": table_rows,
        "responsive": True,
    }


def _by_status(pregnancies, *groups: str) -> list[dict]:
    counts = {status: Count("pk", filter=Q(status=status)) for status in PregnancyStatus.values}
    return list(pregnancies.values(*groups).annotate(total=Count("pk"), **counts).order_by(*groups))


def analyst_tables(user) -> list[dict]:
    pregnancies = _aggregate_source(user)
    labels = {"provider__name": "Provider", "area__name": "Area"}
    no_lsoa = (
        pregnancies.values("provider__name")
        .annotate(
            women=Count("woman", distinct=True),
            no_lsoa=Count("woman", distinct=True, filter=Q(woman__lsoa_code="")),
            no_ethnicity=Count(
                "woman", distinct=True, filter=Q(woman__ethnic_category__in=("", "99"))
            ),
        )
        .order_by("provider__name")
    )
    return [
        _status_table(
            "Pregnancies by provider and status",
            ["provider__name"],
            labels,
            _by_status(pregnancies, "provider__name"),
        ),
        _status_table(
            "Pregnancies by area and status",
            ["provider__name", "area__name"],
            labels,
            _by_status(pregnancies, "provider__name", "area__name"),
        ),
        {
            "caption": "Data quality: women by provider",
            "captionClasses": "nhsuk-u-visually-hidden",
            "head": [
                {"text": "Provider"},
                {"text": "Women", "format": "numeric"},
                {"text": "Postcode not found (no LSOA)", "format": "numeric"},
                {"text": "Ethnic category not recorded", "format": "numeric"},
            ],
            "rows": [
                [
                    row["provider__name"],
                    _number(row["women"]),
                    _number(row["no_lsoa"]),
                    _number(row["no_ethnicity"]),
                ]
                for row in no_lsoa
            ],
            "responsive": True,
        },
    ]
