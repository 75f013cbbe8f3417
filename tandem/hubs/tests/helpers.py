"""Set-up shared by the hubs tests: a directory for the personas' areas, and form data."""

from datetime import timedelta

from django.utils import timezone

from tandem.hubs.models import ContactRoute, ServiceCategory
from tandem.hubs.tests.factories import HubFactory, ServiceFactory
from tandem.records.models import ContactOutcome, ContactType
from tandem.web.tests.conftest import date_fields


def adswood_services(personas) -> dict:
    """An Adswood hub with a stop smoking and a perinatal mental health service, and a
    Brinnington hub whose housing service does not take Adswood women."""
    adswood_hub = HubFactory(name="Adswood Family Hub")
    adswood_hub.areas.set([personas.adswood])
    brinnington_hub = HubFactory(name="Brinnington Family Hub")
    brinnington_hub.areas.set([personas.brinnington])
    return {
        "smoking": ServiceFactory(
            hub=adswood_hub,
            name="Smokefree Pregnancy Stockport",
            category=ServiceCategory.STOP_SMOKING,
            response_days=5,
            areas=[personas.adswood, personas.brinnington],
        ),
        "mental_health": ServiceFactory(
            hub=adswood_hub,
            name="Perinatal Mental Health Team",
            category=ServiceCategory.PERINATAL_MENTAL_HEALTH,
            contact_route=ContactRoute.PHONE,
            contact_details="0161 000 0000",
            response_days=14,
            urgent_response_days=1,
            areas=[personas.adswood],
        ),
        "housing": ServiceFactory(
            hub=brinnington_hub,
            name="Brinnington Housing Advice",
            category=ServiceCategory.HOUSING,
            areas=[personas.brinnington],
        ),
    }


def contact_data(personas, **changes) -> dict:
    """A contact yesterday at which the midwife asked the wellbeing questions."""
    local = timezone.localtime(timezone.now() - timedelta(days=1))
    data = {
        **date_fields("contact_date", local.date()),
        "contact_time": local.strftime("%H:%M"),
        "contact_type": ContactType.ANTENATAL,
        "practitioners": [str(personas.midwife.practitioner.pk)],
        "outcome": ContactOutcome.ATTENDED,
        "wellbeing_asked": "yes",
        "feeling_down": "no",
        "little_interest": "no",
        "nervous": "0",
        "worrying": "1",
        "notes": "",
    }
    return {**data, **changes}
