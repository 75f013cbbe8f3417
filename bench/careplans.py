"""Benchmark the care plan: its page, its history and its PDF for a plan of 50 versions,
against a plain page (her record) rendered in the same run.

    python bench/careplans.py [--versions 50] [--repeat 15] [--database PATH]

Builds the test personas and one plan written through `careplans.services.record_section`
(every section, rewritten until the plan holds `--versions` versions) in its own SQLite
file, or in DATABASE_URL when it is set (PostgreSQL); a database that already holds the
plan is reused. Then, in-process through Django's test client signed in as her midwife,
times as medians of --repeat runs the plan page, the history page, the PDF (standard print
in English, large print in Urdu) and her record page, and prints each with its ratio to the
record page and its SQL query count (which must not grow with the versions).
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.support import count_queries, median_seconds, migrated_database  # noqa: E402

WORDS = (
    "Calm, low lights and my own music. Być razem z moją mamą. "
    "I would like to be asked before any examination, and to have things explained simply."
)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--versions", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--database", default=str(ROOT / "bench" / "results" / "careplans.sqlite3"))
    return parser.parse_args()


def content_for(section, round_number: int) -> dict[str, str]:
    from tandem.careplans.sections import SPEC_OF, FieldKind

    content = {}
    for spec_field in SPEC_OF[section].fields:
        if spec_field.kind == FieldKind.CHOICE:
            values = spec_field.choices.values
            content[spec_field.name] = values[round_number % len(values)]
        elif spec_field.kind == FieldKind.DATE:
            content[spec_field.name] = "2026-01-15"
        else:
            content[spec_field.name] = f"{WORDS} (round {round_number + 1})"
    return content


def build_plan(versions: int):
    """The personas' pregnancy with a plan of `versions` versions (reused when present)."""
    from tandem.careplans import services
    from tandem.careplans.models import CarePlan, PlanSection
    from tandem.records.tests.personas import build_personas

    plan = CarePlan.objects.select_related("pregnancy__woman").first()
    if plan is not None and plan.versions.count() >= versions:
        return plan
    personas = build_personas()
    midwife = personas.midwife
    plan = services.plan_for(personas.pregnancy, by=midwife)
    sections = list(PlanSection)
    for n in range(versions):
        section = sections[n % len(sections)]
        round_number = n // len(sections)
        services.record_section(
            plan,
            section,
            content_for(section, round_number),
            by=midwife,
            based_on=round_number or None,
        )
    return plan


def main() -> None:
    args = parse_args()
    migrated_database(args.database)

    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    plan = build_plan(args.versions)
    pregnancy = plan.pregnancy
    midwife = pregnancy.named_midwife.user
    client = Client()
    client.force_login(midwife)

    def page(url: str, params: dict | None = None):
        def fetch() -> None:
            response = client.get(url, params or {})
            assert response.status_code == 200, (url, response.status_code)

        return fetch

    timed = {
        "her record page (plain page)": page(reverse("web:woman", args=[pregnancy.woman_id])),
        "care plan page": page(reverse("web:care-plan", args=[pregnancy.pk])),
        "care plan history": page(reverse("web:care-plan-history", args=[pregnancy.pk])),
        "PDF, English": page(
            reverse("web:care-plan-pdf", args=[pregnancy.pk]),
            {"language": "en-gb", "size": "standard"},
        ),
        "PDF, Urdu, large print": page(
            reverse("web:care-plan-pdf", args=[pregnancy.pk]),
            {"language": "ur", "size": "large"},
        ),
    }
    print(f"plan of {plan.versions.count()} versions, {connection.vendor}")
    results = {
        name: (median_seconds(action, args.repeat), count_queries(connection, action))
        for name, action in timed.items()
    }
    plain = results["her record page (plain page)"][0]
    for name, (seconds, queries) in results.items():
        print(
            f"{name:32} {seconds * 1000:9.1f} ms  {seconds / plain:6.1f} x plain page"
            f"  {queries:3} queries"
        )


if __name__ == "__main__":
    main()
