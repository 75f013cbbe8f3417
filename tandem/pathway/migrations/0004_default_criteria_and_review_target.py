"""The default eligibility criteria of the Enhanced Maternity Pathway and the LMNS's review
target. Frozen here as data: later changes are made in the admin (retire, reword, add)."""

from django.db import migrations

DEFAULT_REVIEW_TARGET_WORKING_DAYS = 5  # tandem.pathway.rules.REVIEW_TARGET_WORKING_DAYS

# code, label, hint
DEFAULT_CRITERIA = [
    (
        "safeguarding-concern",
        "Safeguarding concern",
        "A current concern about the safety of the unborn baby, other children or an adult "
        "in the household",
    ),
    (
        "domestic-abuse",
        "Domestic abuse",
        "Current or past domestic abuse, disclosed or suspected, including coercive control",
    ),
    (
        "perinatal-mental-health",
        "Perinatal mental health",
        "A current or past mental health condition, or concerns about her emotional wellbeing",
    ),
    (
        "substance-alcohol-use",
        "Substance or alcohol use",
        "Drug or alcohol use by her or her partner that may affect the baby or the family",
    ),
    (
        "parent-under-20",
        "Parent under 20",
        "She or the baby's other parent will be under 20 when the baby is born",
    ),
    (
        "housing-financial-insecurity",
        "Housing or financial insecurity",
        "Homelessness, temporary or unsafe housing, debt, or not enough money for essentials",
    ),
    (
        "learning-disability",
        "Learning disability",
        "A learning disability or difficulty that may affect how she takes in information "
        "or cares for the baby",
    ),
    (
        "care-experienced-parent",
        "Care-experienced parent",
        "She or the baby's other parent has been looked after by a local authority",
    ),
    (
        "previous-social-care",
        "Previous children's social care involvement",
        "Children's social care has been involved with this family before, including "
        "children not in her care",
    ),
    (
        "limited-support-network",
        "Limited support network",
        "Few family members or friends she can rely on, or recently moved to the area",
    ),
    (
        "language-barrier",
        "Language barrier",
        "She would find it hard to use services in English, with or without an interpreter",
    ),
    (
        "professional-judgement",
        "Professional judgement",
        "Anything else that, in your judgement, means this family would benefit from the "
        "enhanced pathway",
    ),
]


def load_defaults(apps, schema_editor):
    criterion_model = apps.get_model("pathway", "EligibilityCriterion")
    for order, (code, label, hint) in enumerate(DEFAULT_CRITERIA, start=1):
        criterion_model.objects.update_or_create(
            code=code, defaults={"label": label, "hint": hint, "display_order": order * 10}
        )
    target_model = apps.get_model("pathway", "ReviewTarget")
    if not target_model.objects.exists():
        target_model.objects.create(working_days=DEFAULT_REVIEW_TARGET_WORKING_DAYS)


class Migration(migrations.Migration):
    dependencies = [("pathway", "0003_screens_reviews_and_decisions")]

    operations = [migrations.RunPython(load_defaults, migrations.RunPython.noop)]
