"""Measure definition files: every one loads, the required ones exist, and a broken file's
error names the file and the field."""

from pathlib import Path

import pytest

from tandem.measures.definitions import (
    DEFINITIONS_DIR,
    Category,
    DefinitionError,
    all_measures,
    parse,
)
from tandem.measures.quality import CHECKS

CQIMS = (
    "smoking_booking", "smoking_delivery", "breastfeeding_initiation", "pph_1500",
    "tears_3_4", "apgar_lt7_term", "preterm", "vbac", "robson_01_cs", "robson_02_cs",
    "robson_05_cs", "bwoi",
)  # fmt: skip
TANDEM_BIRTH_MEASURES = ("term_neonatal_admission", "readmission_30d", "breastfeeding_6_8w")


def test_definitions_every_file_loads():
    files = sorted(DEFINITIONS_DIR.glob("*.toml"))

    assert [parse(path).id for path in files] == [path.stem for path in files]


def test_definitions_include_the_12_cqims_and_tandems_own_birth_measures():
    measures = all_measures()

    assert {measures[id].category for id in CQIMS} == {Category.CQIM}
    assert {measures[id].category for id in TANDEM_BIRTH_MEASURES} == {Category.TANDEM}


@pytest.mark.parametrize("measure_id", CQIMS + TANDEM_BIRTH_MEASURES)
def test_definitions_of_birth_measures_are_signed_and_dated(measure_id):
    definition = all_measures()[measure_id]

    assert definition.author == "Tandem measures team"
    assert "clinical safety officer" in definition.checker
    assert definition.review_date.year >= 2026
    assert definition.source
    assert definition.description


@pytest.mark.parametrize(
    ("measure_id", "components"),
    [
        ("smoking_booking", {"03", "04", "05"}),
        ("smoking_delivery", {"02", "06", "07"}),
        ("breastfeeding_initiation", {"08", "09"}),
        ("pph_1500", {"10", "11", "12", "13"}),
        ("preterm", {"09", "22", "23"}),
        ("apgar_lt7_term", {"14", "15", "16", "24"}),
        ("tears_3_4", {"14", "15", "16", "18", "20", "21"}),
        ("vbac", {"14", "15", "16", "26", "18", "27", "28"}),
        # Tandem adds T1 (episiotomy and anaesthetic recorded): docs/measures.md.
        ("bwoi", {"09", "15", "16", "29", "18", "25", "T1"}),
        ("robson_01_cs", {"30", "31", "32", "33", "34", "36", "37", "38", "39"}),
        ("robson_02_cs", {"30", "31", "32", "33", "34", "36", "37", "38", "39"}),
        ("robson_05_cs", {"30", "31", "32", "33", "34", "36", "37", "38", "39"}),
    ],
)
def test_definitions_gate_each_cqim_on_its_data_quality_components(measure_id, components):
    assert set(all_measures()[measure_id].data_quality) == components


GOOD = (DEFINITIONS_DIR / "pph_1500.toml").read_text(encoding="utf-8")


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    assert old in GOOD
    path = tmp_path / "pph_1500.toml"
    path.write_text(GOOD.replace(old, new), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('unit = "per_1000"', 'unit = "per_100"', "pph_1500.toml: unit: must be one of"),
        ('direction = "lower"', 'direction = "down"', "pph_1500.toml: direction: must be one"),
        ('category = "cqim"', 'category = "nhs"', "pph_1500.toml: category: must be one of"),
        ('unit = "per_1000"\n', "", "pph_1500.toml: missing unit"),
        ('["blood_loss_1500_or_more"]', '["blood_loss_1000"]', "pph_1500.toml: numerator: "),
        ('["birth"]', '["born"]', "pph_1500.toml: denominator: women_giving_birth has no"),
        ('"women_giving_birth"', '"mothers"', "pph_1500.toml: population: no population"),
        ("review_date = 2027-06-01", 'review_date = "soon"', "pph_1500.toml: review_date: "),
        ('["blood_loss_1500_or_more"]', "[]", "pph_1500.toml: numerator: needs at least"),
        ('id = "pph_1500"', 'id = "pph"', "pph_1500.toml: id 'pph' does not match"),
        ('unit = "per_1000"', "unit = per_1000", "pph_1500.toml: not valid TOML"),
        ("data_quality =", "data_qualty =", "pph_1500.toml: data_qualty: not a definition key"),
    ],
)
def test_definitions_broken_file_error_names_the_file_and_field(tmp_path, old, new, message):
    with pytest.raises(DefinitionError) as error:
        parse(_broken(tmp_path, old, new))

    assert str(error.value).startswith(message)


def test_definitions_name_only_data_quality_checks_that_exist():
    named = {check for measure in all_measures().values() for check in measure.data_quality}
    assert named <= set(CHECKS)
