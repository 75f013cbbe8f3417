"""The two courses the Stockport implementation ran: the mandatory pathway training (which
counts as trained) and the reflective networking sessions."""

from django.db import migrations

DEFAULT_COURSES = (
    ("Enhanced Maternity Pathway mandatory training", True),
    ("Reflective networking session", False),
)


def add_courses(apps, schema_editor):
    course_model = apps.get_model("programme", "TrainingCourse")
    for name, counts_as_trained in DEFAULT_COURSES:
        course_model.objects.get_or_create(
            name=name, defaults={"counts_as_trained": counts_as_trained}
        )


class Migration(migrations.Migration):
    dependencies = [("programme", "0001_initial")]

    operations = [migrations.RunPython(add_courses, migrations.RunPython.noop)]
