"""What the woman's portal pages show, in her language: the header, her appointments and
referrals in plain words, and the languages she may choose."""

from datetime import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _

from tandem import access
from tandem.hubs.models import ServiceReferralStatus
from tandem.portal.services import Appointment
from tandem.records.models import ContactType
from tandem.scheduling.models import VisitKind
from tandem.web.presenters.navigation import SERVICE_NAME, sign_out_form

APPOINTMENT_NAMES = {
    ("contact", ContactType.BOOKING): gettext_lazy("Booking appointment"),
    ("contact", ContactType.ANTENATAL): gettext_lazy("Pregnancy check-up"),
    ("contact", ContactType.JOINT_VISIT): gettext_lazy(
        "Home visit from your midwife and health visitor"
    ),
    ("contact", ContactType.HEALTH_VISITOR_ANTENATAL): gettext_lazy(
        "Visit from your health visitor"
    ),
    ("contact", ContactType.POSTNATAL): gettext_lazy("Check-up after the birth"),
    ("contact", ContactType.TELEPHONE): gettext_lazy("Phone or video appointment"),
    ("visit", VisitKind.JOINT_VISIT): gettext_lazy(
        "Home visit from your midwife and health visitor"
    ),
    ("visit", VisitKind.HEALTH_VISITOR_28_WEEK): gettext_lazy("Visit from your health visitor"),
}

REFERRAL_STATUS_NAMES = {
    ServiceReferralStatus.SENT: gettext_lazy("Referral sent, waiting for the service"),
    ServiceReferralStatus.ACCEPTED: gettext_lazy("Accepted: the service will contact you"),
    ServiceReferralStatus.DECLINED: gettext_lazy("Not accepted by the service"),
    ServiceReferralStatus.FIRST_APPOINTMENT: gettext_lazy("First appointment made"),
    ServiceReferralStatus.CLOSED: gettext_lazy("Finished"),
}


def appointment_name(appointment: Appointment) -> str:
    name = APPOINTMENT_NAMES.get((appointment.kind, appointment.what))
    return str(name) if name is not None else _("Appointment")


def referral_status_name(status: str) -> str:
    name = REFERRAL_STATUS_NAMES.get(status)
    return str(name) if name is not None else status


def local_datetime(value: datetime) -> str:
    """A date and time in the active language: '2 December 2026, 14:30'."""
    return formats.date_format(timezone.localtime(value), "j F Y, H:i")


def language_name(code: str) -> str:
    """A language's name in that language, marked with its own lang and dir so that screen
    readers pronounce it right (WCAG 3.1.2)."""
    return format_html(
        '<span lang="{}" dir="{}">{}</span>',
        code,
        "rtl" if get_language_info(code)["bidi"] else "ltr",
        dict(settings.LANGUAGES)[code],
    )


def name_languages_in_their_own_language(presented_field) -> None:
    for item in presented_field.params["items"]:
        del item["text"]
        item["html"] = language_name(item["value"])


def portal_chrome(request) -> dict:
    """The NHS.UK header of her portal: her pages only, in her language."""
    home = reverse("web:portal-home")
    user = request.user
    pregnancy = access.current_own_pregnancy(user)
    items = [(_("Home"), home)]
    if pregnancy is not None:
        items.append((_("My plan"), reverse("web:portal-plan", args=[pregnancy.pk])))
    items += [
        (_("My appointments"), reverse("web:portal-appointments")),
        (_("Language"), reverse("web:portal-language")),
    ]
    navigation = [
        {
            "text": text,
            "href": href,
            "current": request.path == href or (href != home and request.path.startswith(href)),
        }
        for text, href in items
    ]
    return {
        "header": {
            "service": {"text": SERVICE_NAME, "href": home},
            "logo": {"href": home},
            "account": {
                "ariaLabel": _("Your account"),
                "items": [
                    {"text": user.get_full_name() or user.get_username(), "icon": True},
                    {"html": sign_out_form(request)},
                ],
            },
            "navigation": {
                "items": navigation,
                "ariaLabel": _("Main"),
                "toggleMenuText": _("More"),
                "toggleMenuVisuallyHiddenText": _("Browse"),
            },
        }
    }
