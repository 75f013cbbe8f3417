"""A definition may declare a target, in the measure's unit and never without its source;
the SPC chart's assurance is read against it."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tandem.measures.definitions import DEFINITIONS_DIR, DefinitionError, measure, parse
from tandem.measures.services import Month
from tandem.measures.spc import AssuranceIcon, measure_chart
from tandem.measures.tests.factories import give_birth

GOOD = (DEFINITIONS_DIR / "pph_1500.toml").read_text(encoding="utf-8")
SOURCE = 'target_source = "A local ambition agreed by the LMNS board"\n'


def _with(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "pph_1500.toml"
    path.write_text(GOOD + extra, encoding="utf-8")
    return path


def test_a_target_is_read_in_the_measure_s_unit_with_its_source(tmp_path):
    pph = parse(_with(tmp_path, "target = 25\n" + SOURCE))

    assert (pph.target, pph.target_source) == (25.0, "A local ambition agreed by the LMNS board")


def test_without_a_target_there_is_none():
    assert measure("pph_1500").target is None


def test_smoking_at_delivery_carries_the_national_ambition():
    smoking = measure("smoking_delivery")

    assert smoking.target == 6.0
    assert "6% or less" in smoking.target_source


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("target = 25\n", "pph_1500.toml: target_source: say where the target comes from"),
        (SOURCE, "pph_1500.toml: target_source: given without a target"),
        ('target = "low"\n' + SOURCE, "pph_1500.toml: target: must be a number in per 1,000"),
        ("target = true\n" + SOURCE, "pph_1500.toml: target: must be a number in per 1,000"),
        (
            "target = 1001\n" + SOURCE,
            "pph_1500.toml: target: must be between 0 and 1000 (per 1,000)",
        ),
        ("target = -1\n" + SOURCE, "pph_1500.toml: target: must be between 0 and 1000 (per 1,000)"),
    ],
)
def test_a_bad_target_is_refused_naming_the_file_and_field(tmp_path, extra, message):
    with pytest.raises(DefinitionError) as error:
        parse(_with(tmp_path, extra))

    assert str(error.value) == message


@pytest.mark.django_db
def test_the_chart_s_assurance_is_read_against_the_declared_target():
    # One woman of two loses 1,500 ml or more in each of January to March: 500 per 1,000
    # every month, so the process limits close on 500.
    for month in (1, 2, 3):
        give_birth(date(2025, month, 10), blood_loss_ml=1600)
        give_birth(date(2025, month, 12), blood_loss_ml=300)
    pph = measure("pph_1500")

    def assurance(target: float | None) -> AssuranceIcon | None:
        chart = measure_chart(
            replace(pph, target=target, target_source="test"),
            first=Month(2025, 1),
            last=Month(2025, 3),
            publish=False,
        )
        return chart.assurance

    assert assurance(None) is None
    assert assurance(600.0) is AssuranceIcon.CONSISTENTLY_PASS  # lower is better
    assert assurance(400.0) is AssuranceIcon.CONSISTENTLY_FAIL
