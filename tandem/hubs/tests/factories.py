"""factory_boy factories for hubs, services, referrals and wellbeing checks. Synthetic only.

A referral is made with its "sent" status event, as `services.refer` writes it; by default it
was sent two days ago to a service that replies within ten, so it is not overdue.
"""

from datetime import timedelta

import factory
from django.utils import timezone

from tandem.hubs.models import (
    Consent,
    ContactRoute,
    Hub,
    RedFlagTask,
    Service,
    ServiceCategory,
    ServiceReferral,
    ServiceReferralEvent,
    ServiceReferralStatus,
    Urgency,
    WellbeingCheck,
)
from tandem.records.tests.factories import (
    CareContactFactory,
    PractitionerFactory,
    PregnancyFactory,
    UserFactory,
)


class HubFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Hub
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Synthetic Family Hub {n}")
    address = "1 Example Street"


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service
        skip_postgeneration_save = True

    hub = factory.SubFactory(HubFactory)
    name = factory.Sequence(lambda n: f"Synthetic service {n}")
    category = ServiceCategory.STOP_SMOKING
    referral_criteria = "Any pregnant woman who smokes"
    contact_route = ContactRoute.EMAIL
    contact_details = "referrals@example.nhs.uk"
    response_days = 10
    urgent_response_days = 1

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)


class ServiceReferralFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceReferral
        skip_postgeneration_save = True

    pregnancy = factory.SubFactory(PregnancyFactory)
    service = factory.SubFactory(ServiceFactory)
    reason = "Synthetic reason for the referral"
    urgency = Urgency.ROUTINE
    consent = Consent.GIVEN
    referred_by = factory.SubFactory(PractitionerFactory)
    sent_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=2))
    respond_by = factory.LazyAttribute(
        lambda o: o.sent_at + timedelta(days=o.service.response_days)
    )
    recorded_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def sent_event(self, create, extracted, **kwargs):
        if create:
            ServiceReferralEvent.objects.create(
                referral=self,
                status=ServiceReferralStatus.SENT,
                happened_on=timezone.localdate(self.sent_at),
                recorded_by=self.recorded_by,
                recorded_at=self.sent_at,
            )


class WellbeingCheckFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WellbeingCheck

    contact = factory.SubFactory(CareContactFactory)
    feeling_down = False
    little_interest = False
    nervous = 0
    worrying = 0
    recorded_by = factory.SubFactory(UserFactory)
    recorded_at = factory.LazyFunction(timezone.now)


class RedFlagTaskFactory(factory.django.DjangoModelFactory):
    """An open task raised by a self-harm red flag at a contact."""

    class Meta:
        model = RedFlagTask

    wellbeing_check = factory.SubFactory(
        WellbeingCheckFactory,
        red_flag_self_harm=True,
        red_flag_detail="Synthetic: she described new thoughts of harming herself",
    )
    pregnancy = factory.LazyAttribute(lambda o: o.wellbeing_check.contact.pregnancy)
    raised_by = factory.LazyAttribute(lambda o: o.wellbeing_check.recorded_by)
    raised_at = factory.LazyFunction(timezone.now)
