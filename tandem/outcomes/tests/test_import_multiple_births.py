"""A labour's babies are its rows in file order, however far apart; its derived fields come
from all of them (births count, first birth date, Robson group)."""

import pytest

from tandem.outcomes.models import Baby, LabourDelivery, RobsonGroup
from tandem.outcomes.tests.test_import_support import (
    OTHER_NHS_NUMBERS,
    import_failing,
    import_file,
    maternity_provider,
    row,
    write_extract,
)

pytestmark = pytest.mark.django_db


def test_twins_in_rows_far_apart_make_one_labour_of_two_babies(tmp_path):
    maternity_provider()
    # The second twin (breech) is listed first in the file, born 20 minutes after the first
    # twin (cephalic), which is listed last.
    second_twin = row(PersonBirthDateBaby="2025-02-27T14:50", FetusPresentation="02")
    first_twin = row(PersonBirthDateBaby="2025-02-27T14:30")
    others = [
        row(UniqPregID=f"Q{index}", LabourDeliveryID=f"M{index}", NHSNumberMother=number)
        for index, number in enumerate(OTHER_NHS_NUMBERS)
    ]
    path = write_extract(tmp_path / "extract.csv", [second_twin, *others, first_twin])

    out, _ = import_file(path)

    assert "Babies: 5 created" in out
    labour = LabourDelivery.objects.get(msds_labour_id="L1")
    assert labour.births_count == 2
    assert labour.robson_group == RobsonGroup.G8  # a multiple pregnancy, whatever else
    assert str(labour.birth_date) == "2025-02-27"
    # Birth order is the order of the rows in the file
    assert list(labour.babies.values_list("birth_order", "presentation")) == [
        (1, "02"),
        (2, "01"),
    ]
    singles = LabourDelivery.objects.exclude(msds_labour_id="L1")
    assert set(singles.values_list("births_count", flat=True)) == {1}
    assert Baby.objects.count() == 5


def test_a_later_row_that_disagrees_about_the_labour_names_both_rows(tmp_path):
    maternity_provider()
    twins = [row(), row(BloodLossMl="900")]

    _, errors = import_failing(write_extract(tmp_path / "extract.csv", twins))

    assert errors == [
        "Row 2, UniqPregID: Not imported: row 3 of the same pregnancy has an error",
        "Row 3, BloodLossMl: Differs from row 2 of the same labour",
    ]


def test_a_later_row_that_disagrees_about_the_pregnancy_names_both_rows(tmp_path):
    maternity_provider()
    twins = [row(), row(PreviousLiveBirths="1")]

    _, errors = import_failing(write_extract(tmp_path / "extract.csv", twins))

    assert "Row 3, PreviousLiveBirths: Differs from row 2 of the same pregnancy" in errors


def test_one_labour_id_for_two_pregnancies_is_an_error_on_both_rows(tmp_path):
    maternity_provider()
    rows = [row(), row(UniqPregID="P2", NHSNumberMother=OTHER_NHS_NUMBERS[0])]

    _, errors = import_failing(write_extract(tmp_path / "extract.csv", rows))

    assert errors == [
        "Row 2, LabourDeliveryID: LabourDeliveryID L1 is given for a different pregnancy in row 3",
        "Row 3, LabourDeliveryID: LabourDeliveryID L1 is given for a different pregnancy in row 2",
    ]


def test_a_third_baby_in_a_later_extract_re_derives_the_labour(tmp_path):
    maternity_provider()
    twins = [row(), row(PersonBirthDateBaby="2025-02-27T14:40")]
    import_file(write_extract(tmp_path / "first.csv", twins))
    triplets = [*twins, row(PersonBirthDateBaby="2025-02-27T14:50")]

    out, _ = import_file(write_extract(tmp_path / "later.csv", triplets))

    assert "Babies: 1 created, 0 updated, 2 unchanged" in out
    assert "Labours: 0 created, 1 updated, 0 unchanged" in out
    labour = LabourDelivery.objects.get()
    assert (labour.births_count, labour.version) == (3, 2)
