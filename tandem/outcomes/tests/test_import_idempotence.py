"""Importing the same file again changes nothing; a later extract updates only what changed."""

from datetime import date

import pytest

from tandem.outcomes.models import Baby, LabourDelivery
from tandem.outcomes.tests.test_import_support import (
    OTHER_NHS_NUMBERS,
    import_failing,
    import_file,
    maternity_provider,
    row,
    write_extract,
)
from tandem.records.models import Pregnancy, Woman
from tandem.records.tests.factories import WomanFactory

pytestmark = pytest.mark.django_db

MODELS = (Woman, Pregnancy, LabourDelivery, Baby)


def _twins_and_a_singleton():
    return [
        row(),
        row(UniqPregID="P2", NHSNumberMother=OTHER_NHS_NUMBERS[0], LabourDeliveryID="L2"),
        row(UniqPregID="P2", NHSNumberMother=OTHER_NHS_NUMBERS[0], LabourDeliveryID="L2"),
    ]


def _versions_and_history():
    return {
        model.__name__: (
            sorted(model.objects.values_list("pk", "version")),
            model.history.count(),
        )
        for model in MODELS
    }


def test_importing_the_same_file_twice_changes_nothing(tmp_path):
    maternity_provider()
    path = write_extract(tmp_path / "extract.csv", _twins_and_a_singleton())
    import_file(path)
    before = _versions_and_history()

    out, _ = import_file(path)

    assert "Pregnancies: 0 created, 0 updated, 2 unchanged" in out
    assert "Labours: 0 created, 0 updated, 2 unchanged" in out
    assert "Babies: 0 created, 0 updated, 3 unchanged" in out
    assert _versions_and_history() == before
    assert Baby.objects.count() == 3


def test_a_later_extract_updates_only_the_changed_baby(tmp_path):
    maternity_provider()
    first = _twins_and_a_singleton()
    first[2]["FeedingAt6To8Weeks"] = ""
    import_file(write_extract(tmp_path / "first.csv", first))
    later = _twins_and_a_singleton()

    out, _ = import_file(write_extract(tmp_path / "later.csv", later))

    assert "Babies: 0 created, 1 updated, 2 unchanged" in out
    assert "Pregnancies: 0 created, 0 updated, 2 unchanged" in out
    changed = Baby.objects.get(labour_delivery__msds_labour_id="L2", birth_order=2)
    assert (changed.feeding_at_6_8_weeks, changed.version) == ("breast", 2)
    assert changed.history.count() == 2
    assert changed.history.first().history_type == "~"
    untouched = Baby.objects.get(labour_delivery__msds_labour_id="L2", birth_order=1)
    assert (untouched.version, untouched.history.count()) == (1, 1)


def test_a_registered_woman_is_matched_by_nhs_number_and_keeps_her_details(tmp_path):
    maternity_provider()
    woman = WomanFactory(
        nhs_number="9434765919",
        date_of_birth=date(1990, 5, 1),
        given_name="Ada",
        ethnic_category="B",
    )

    import_file(write_extract(tmp_path / "extract.csv", [row(EthnicCategoryMother="")]))

    assert Woman.objects.get() == woman
    woman.refresh_from_db()
    # An empty value in the file never erases what Tandem holds
    assert (woman.given_name, woman.ethnic_category) == ("Ada", "B")
    assert Pregnancy.objects.get().woman == woman


def test_a_date_of_birth_that_differs_from_tandems_is_an_error(tmp_path):
    maternity_provider()
    WomanFactory(nhs_number="9434765919", date_of_birth=date(1991, 5, 1))

    message, errors = import_failing(write_extract(tmp_path / "extract.csv", [row()]))

    assert message.startswith("Nothing was imported")
    assert errors[0] == (
        "Row 2, PersonBirthDateMother: Does not match the date of birth Tandem holds for this "
        "NHS number"
    )
    assert not Pregnancy.objects.exists()


def test_a_pregnancy_tandem_holds_for_another_mother_is_an_error(tmp_path):
    maternity_provider()
    import_file(write_extract(tmp_path / "first.csv", [row()]))
    moved = row(NHSNumberMother=OTHER_NHS_NUMBERS[1])

    _, errors = import_failing(write_extract(tmp_path / "later.csv", [moved]))

    assert errors[0] == "Row 2, UniqPregID: Tandem holds this pregnancy for a different mother"
    assert Pregnancy.objects.get().woman.nhs_number == "9434765919"
    assert Woman.objects.count() == 1
