"""The extract's GenitalTractTraumaticLesion carries either a tear or an episiotomy (an MSDS
procedure code), and LabourOnsetMethod may say 8 or 9: each lands on the right field, and a
later extract that names only a tear leaves a recorded episiotomy answer as it was."""

import pytest

from tandem.outcomes.models import GenitalTractTrauma, LabourDelivery
from tandem.outcomes.tests.test_import_support import (
    import_file,
    maternity_provider,
    row,
    write_extract,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def provider():
    return maternity_provider()


def _imported(tmp_path, **changes) -> LabourDelivery:
    import_file(write_extract(tmp_path / "extract.csv", [row(**changes)]))
    return LabourDelivery.objects.get()


@pytest.mark.parametrize("code", ["85548006", "288194000", "63407004"])
def test_an_episiotomy_code_records_an_episiotomy_and_no_tear(tmp_path, code):
    labour = _imported(tmp_path, GenitalTractTraumaticLesion=code)

    assert (labour.episiotomy, labour.genital_tract_trauma) == (True, "")


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("249221003", "Labial tear"),
        ("262935001", "Vaginal tear"),
        ("199972004", "Cervical tear"),
        ("237329006", "Urethral tear"),
        ("1105801000000107", "Clitoral tear"),
        ("10217006", "Third degree perineal tear"),
    ],
)
def test_a_tear_code_records_the_tear_and_says_nothing_of_an_episiotomy(tmp_path, code, label):
    labour = _imported(tmp_path, GenitalTractTraumaticLesion=code)

    assert labour.genital_tract_trauma == code
    assert labour.get_genital_tract_trauma_display() == label
    assert labour.episiotomy is None


def test_a_later_extract_with_a_tear_keeps_the_episiotomy_a_midwife_recorded(tmp_path):
    labour = _imported(tmp_path, GenitalTractTraumaticLesion="6234006")
    LabourDelivery.objects.filter(pk=labour.pk).update(episiotomy=False)

    again = _imported(tmp_path, GenitalTractTraumaticLesion=GenitalTractTrauma.THIRD_DEGREE)

    assert (again.genital_tract_trauma, again.episiotomy) == ("10217006", False)


@pytest.mark.parametrize("code", ["8", "9"])
def test_onset_not_applicable_or_not_known_is_stored_as_not_recorded(tmp_path, code):
    labour = _imported(
        tmp_path,
        LabourOnsetMethod=code,
        LabourOnsetDate="",
        CaesareanDate="",
    )

    assert labour.onset_method == ""
