"""python manage.py demo_sign_ins: who to sign in as in the demo, and with what password."""

from django.core.management.base import BaseCommand

from tandem.core.models import User
from tandem.core.roles import ROLE_DESCRIPTIONS, Role
from tandem.demo.accounts import DEMO_PASSWORD, DEMO_USERNAMES
from tandem.portal.services import woman_of


class Command(BaseCommand):
    help = "List the demo sign-ins the generate_demo command created, one per role."

    def handle(self, *args, **options):
        users = {
            user.username: user
            for user in User.objects.filter(username__in=DEMO_USERNAMES.values()).select_related(
                "practitioner"
            )
        }
        if not users:
            self.stdout.write("No demo sign-ins yet: run `python manage.py generate_demo`.")
            return
        self.stdout.write(f"Demo sign-ins (synthetic data only), password: {DEMO_PASSWORD}")
        for role, username in DEMO_USERNAMES.items():
            user = users.get(username)
            if user is None:
                continue
            practitioner = getattr(user, "practitioner", None)
            where = ""
            if practitioner is not None:
                areas = ", ".join(area.name for area in practitioner.areas.all())
                where = f" ({practitioner}, {practitioner.organisation.name}; {areas})"
            elif (woman := woman_of(user)) is not None:
                where = f" ({woman}, NHS number {woman.nhs_number_display})"
            self.stdout.write(f"  {username:<22} {Role(role).label}{where}")
            self.stdout.write(f"  {'':<22} {ROLE_DESCRIPTIONS[role]}")
