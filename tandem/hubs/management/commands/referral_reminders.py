"""Report what is overdue, for a nightly job: referrals to services with no reply within the
service's expected response time, and red flags still waiting for an urgent referral.

The report names the practitioners to remind and the services to chase, never a woman: it
goes to a job log. Each practitioner sees the women on her "Referrals with no reply" list.
Exits with status 0 whether or not anything is overdue.
"""

from django.core.management.base import BaseCommand

from tandem.hubs.services import reminders


class Command(BaseCommand):
    help = "Report referrals to services with no reply in time, and red flags not actioned."

    def handle(self, *args, **options):
        chase, open_red_flags = reminders()
        total = sum(line.count for line in chase)
        self.stdout.write(f"Referrals with no reply in time: {total}")
        for line in chase:
            days = "1 day" if line.most_days_overdue == 1 else f"{line.most_days_overdue} days"
            self.stdout.write(
                f"- {line.referred_by} ({line.teams}): {line.count} to {line.service}, "
                f"up to {days} overdue"
            )
        self.stdout.write(f"Red flags waiting for an urgent referral: {open_red_flags}")
