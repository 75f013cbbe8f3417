"""The demo woman's own portal sign-in: one of the demo midwife's women, booked and with
appointments to come, so that the portal has her carers, appointments and plan to show.

Her account is created with the staff sign-ins (tandem.demo.accounts, the same password);
here it is linked to her record, named after her, and her plan gets her first words.
"""

from datetime import date

from django.db.models import Exists, OuterRef

from tandem.careplans.models import PlanSection
from tandem.careplans.services import plan_for, record_section
from tandem.core.models import User
from tandem.core.roles import Role
from tandem.demo.accounts import DEMO_USERNAMES, DemoAccounts
from tandem.portal.models import WomanAccount
from tandem.records.models import CareContact, ContactOutcome, Pregnancy, PregnancyStatus

WHAT_MATTERS = (
    "I would like my partner with me the whole time. I am nervous about needles, so please "
    "explain before any injection. I hope to breastfeed."
)


def link_demo_woman(accounts: DemoAccounts, today: date) -> int:
    """Links the demo woman's sign-in to a pregnancy of the demo midwife; 1 when linked."""
    user = User.objects.get(username=DEMO_USERNAMES[Role.WOMAN])
    upcoming = CareContact.objects.filter(
        pregnancy=OuterRef("pk"), outcome=ContactOutcome.BOOKED, starts_at__date__gte=today
    )
    pregnancy = (
        Pregnancy.objects.filter(
            named_midwife_id=accounts.demo_midwife,
            status=PregnancyStatus.ACTIVE,
            booking_date__isnull=False,
        )
        .filter(Exists(upcoming))
        .select_related("woman")
        .order_by("edd", "pk")
        .first()
    )
    if pregnancy is None:
        return 0
    woman = pregnancy.woman
    user.first_name, user.last_name = woman.given_name, woman.family_name
    user.save(update_fields=["first_name", "last_name"])
    WomanAccount.objects.create(user=user, woman=woman)
    plan = plan_for(pregnancy, by=user)
    record_section(plan, PlanSection.WHAT_MATTERS, {"text": WHAT_MATTERS}, by=user, based_on=None)
    return 1
