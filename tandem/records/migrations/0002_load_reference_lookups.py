from django.db import migrations

from tandem.records.reference import load_lookups


def load(apps, schema_editor):
    load_lookups(apps.get_model("records", "Lsoa"), apps.get_model("records", "Postcode"))


def unload(apps, schema_editor):
    apps.get_model("records", "Postcode").objects.all().delete()
    apps.get_model("records", "Lsoa").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("records", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
