"""python manage.py generate_demo --pregnancies N --seed S: the synthetic LMNS."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from tandem.core.audit import system_actor
from tandem.demo.accounts import DEMO_PASSWORD
from tandem.demo.generate import (
    DEFAULT_PREGNANCIES,
    DEFAULT_SEED,
    DemoConflictError,
    generate_demo,
)


class Command(BaseCommand):
    help = (
        "Generate a synthetic Greater Manchester-like LMNS (organisations, areas, teams, "
        "practitioners, demo sign-ins, women, pregnancies, contacts, births, and the Enhanced "
        "Maternity Pathway: screens, referrals and reviews, calendars, visits, visit records, "
        "feedback, training and targets). "
        "The same --pregnancies, --seed and --today give the same data; running it again "
        "changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--pregnancies", type=int, default=DEFAULT_PREGNANCIES)
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            default=None,
            help="The day the data is generated as of (YYYY-MM-DD); defaults to today",
        )

    def handle(self, *args, pregnancies, seed, today, **options):
        try:
            result = generate_demo(
                pregnancies=pregnancies, seed=seed, today=today, by=system_actor()
            )
        except (DemoConflictError, ValueError) as error:
            raise CommandError(str(error)) from error
        if not result.created:
            self.stdout.write(
                f"The demo for seed {seed} with {pregnancies:,} pregnancies is already "
                f"loaded (generated as of {result.today:%d %B %Y}); nothing changed."
            )
            return
        counts = result.counts
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated the synthetic LMNS (seed {seed}, as of {result.today:%d %B %Y}): "
                f"{counts['women']:,} women, {counts['pregnancies']:,} pregnancies, "
                f"{counts['care_contacts']:,} care contacts, {counts['babies']:,} babies, "
                f"{counts['screens']:,} pathway screens, {counts['referrals']:,} referrals, "
                f"{counts['visits']:,} pathway visits."
            )
        )
        self.stdout.write(
            f"Demo sign-ins share the password {DEMO_PASSWORD!r}: run "
            "`python manage.py demo_sign_ins` to list them. The demo midwife looks after "
            f"{counts['demo_midwife_caseload']} active pregnancies in Adswood."
        )
