"""A version, once written, can never be changed or deleted: not by the model, not in bulk,
not by raw SQL (database triggers)."""

import pytest
from django.db import DatabaseError, connection, transaction

from tandem.careplans.models import SectionVersion
from tandem.careplans.tests.factories import SectionVersionFactory

pytestmark = pytest.mark.django_db


def test_saving_a_version_again_is_refused():
    version = SectionVersionFactory()
    version.content = {"text": "rewritten"}
    with pytest.raises(TypeError):
        version.save()
    version.refresh_from_db()
    assert version.content["text"] != "rewritten"


def test_deleting_a_version_is_refused():
    version = SectionVersionFactory()
    with pytest.raises(TypeError):
        version.delete()
    assert SectionVersion.objects.filter(pk=version.pk).exists()


def test_bulk_update_and_delete_are_refused():
    version = SectionVersionFactory()
    with pytest.raises(TypeError):
        SectionVersion.objects.filter(pk=version.pk).update(content={"text": "rewritten"})
    with pytest.raises(TypeError):
        SectionVersion.objects.filter(pk=version.pk).delete()
    version.refresh_from_db()
    assert version.content["text"] != "rewritten"


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE careplans_sectionversion SET content = '{}' WHERE id = %s",
        "DELETE FROM careplans_sectionversion WHERE id = %s",
    ],
)
def test_raw_sql_cannot_change_or_delete_a_version(statement):
    version = SectionVersionFactory()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, [version.pk])
    assert SectionVersion.objects.get(pk=version.pk).content == version.content
