"""`export_measures --publish` tells providers and the LMNS total as NHS Digital publishes
them (domain reference, sections 2.2 and 8): a provider failing its data-quality gate keeps
its rounded counts but has no rate, and the LMNS total sums the passing providers' rounded
counts.

Haemorrhage of 1,500 ml or more (per 1,000 women) in April 2025, three providers, each
expecting 365 deliveries a year (30 in April):
- Stockport and Tameside: 28 women each, one losing 1,600 ml, nine 600 ml, the rest
  300 ml. Every check passes on the rounded counts (30 of 30 expected; 10 of 30 at 500 ml
  or more; 5 of 30 at 1,500 ml or more, under 20%; a haemorrhage recorded).
- Oldham: 10 women, all losing 1,600 ml: more than 20% at 1,500 ml or more (DQ12) fails.
"""

import csv
from datetime import date

import pytest
from django.core.management import call_command

from tandem.measures.models import ExpectedDeliveries
from tandem.measures.tests.factories import give_birth
from tandem.records.tests.factories import OrganisationFactory, PregnancyFactory

pytestmark = pytest.mark.django_db

IN_APRIL = date(2025, 4, 10)


@pytest.fixture
def providers():
    made = {}
    for code, name in (("RWJ", "Stockport"), ("RMP", "Tameside"), ("RW6", "Oldham")):
        made[name] = OrganisationFactory(ods_code=code, name=name)
        ExpectedDeliveries.objects.create(provider=made[name], year=2025, deliveries=365)
    for name in ("Stockport", "Tameside"):
        for blood_loss, women in ((1600, 1), (600, 9), (300, 18)):
            _births(made[name], women, blood_loss)
    _births(made["Oldham"], 10, 1600)
    return made


def _births(provider, count: int, blood_loss_ml: int) -> None:
    for _ in range(count):
        give_birth(
            IN_APRIL, pregnancy=PregnancyFactory(provider=provider), blood_loss_ml=blood_loss_ml
        )


def _export(tmp_path, by: str, *publish: str) -> dict[str, dict]:
    out = tmp_path / "measures.csv"
    call_command(
        "export_measures", "--from", "2025-04", "--to", "2025-04", "--by", by, *publish,
        "--out", out,
    )  # fmt: skip
    with out.open(encoding="utf-8", newline="") as file:
        return {row["group"]: row for row in csv.DictReader(file) if row["measure"] == "pph_1500"}


def _told(row: dict) -> tuple[str, str, str]:
    return row["numerator"], row["denominator"], row["rate"]


def test_a_provider_failing_its_gate_keeps_its_rounded_counts_but_no_rate(providers, tmp_path):
    rows = _export(tmp_path, "provider", "--publish")

    assert _told(rows["Stockport"]) == ("5", "30", "167")
    assert _told(rows["Tameside"]) == ("5", "30", "167")
    assert _told(rows["Oldham"]) == ("10", "10", "")
    assert (rows["Oldham"]["lower_95"], rows["Oldham"]["upper_95"]) == ("", "")


def test_the_lmns_total_sums_the_passing_providers_rounded_counts(providers, tmp_path):
    # Rounding the exact passing total (2 of 56) would give 5 of 55; with Oldham, 10 of 65.
    (total,) = _export(tmp_path, "all", "--publish").values()

    assert (total["dimension"], total["group"]) == ("all", "all")
    assert _told(total) == ("10", "60", "167")


def test_the_internal_export_counts_every_provider_exactly(providers, tmp_path):
    (total,) = _export(tmp_path, "all").values()
    rows = _export(tmp_path, "provider")

    assert _told(total) == ("12", "66", "182")
    assert _told(rows["Oldham"]) == ("10", "10", "1000")


def test_no_passing_provider_leaves_the_month_out_of_the_published_total(providers, tmp_path):
    ExpectedDeliveries.objects.all().delete()  # coverage of HES deliveries fails everywhere

    assert _export(tmp_path, "all", "--publish") == {}
