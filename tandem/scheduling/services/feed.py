"""Each practitioner's private iCalendar feed of her visits.

Why there are no patient identifiers in it: a feed is fetched by calendar apps and servers
outside Tandem (phones, Outlook, Google), cached there and shown on lock screens and in
shared calendars, where Tandem's access control and audit cannot follow. So each event
says only what kind of visit it is, when, the area's name, and a link to the visit page,
which asks her to sign in and is audited like any other read of the record.

The URL carries `<feed id>-<secret>`; the secret is 256 random bits, compared in constant
time, and can be regenerated (which stops the old URL working). A wrong or unknown token
answers 404, and every fetch is audited.
"""

import hmac
import secrets
from collections.abc import Callable
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from icalendar import Calendar, Event

from tandem.core.audit import record_event
from tandem.core.models import AuditAction
from tandem.records.models import Practitioner
from tandem.scheduling.models import CalendarFeed, Visit, VisitKind, VisitStatus

FEED_SUMMARIES = {
    VisitKind.JOINT_VISIT: "Joint visit (Tandem)",
    VisitKind.HEALTH_VISITOR_28_WEEK: "Health visitor antenatal contact (Tandem)",
}
PAST_DAYS = 90


def feed_token(feed: CalendarFeed) -> str:
    return f"{feed.pk}-{feed.secret}"


@transaction.atomic
def regenerate_feed(*, by, practitioner: Practitioner) -> CalendarFeed:
    """A new secret for her feed (creating the feed the first time): the old URL stops."""
    feed, created = CalendarFeed.objects.update_or_create(
        practitioner=practitioner,
        defaults={"secret": secrets.token_urlsafe(32), "created_at": timezone.now()},
    )
    record_event(
        by=by,
        action=AuditAction.CREATE if created else AuditAction.CHANGE,
        object_type="calendar_feed",
        object_id=feed.pk,
        detail={"practitioner": practitioner.pk, "regenerated": not created},
    )
    return feed


def feed_of(practitioner: Practitioner) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(practitioner=practitioner).first()


def feed_for_token(token: str) -> CalendarFeed | None:
    """The feed the token opens, or None; the secret is compared in constant time."""
    feed_id, _, secret = (token or "").partition("-")
    if not feed_id.isdigit() or not secret:
        return None
    feed = CalendarFeed.objects.select_related("practitioner__user").filter(pk=int(feed_id)).first()
    if feed is None or not hmac.compare_digest(feed.secret.encode(), secret.encode()):
        return None
    user = feed.practitioner.user
    if not (feed.practitioner.is_active and user is not None and user.is_active):
        return None
    return feed


def render_feed(feed: CalendarFeed, *, visit_url: Callable[[int], str]) -> bytes:
    """Her visits from 90 days ago on, as iCalendar; cancelled ones marked cancelled so
    calendar apps remove them. Audited as an export by her."""
    practitioner = feed.practitioner
    visits = list(
        Visit.objects.filter(
            attendees__practitioner=practitioner,
            starts_at__gte=timezone.now() - timedelta(days=PAST_DAYS),
        )
        .select_related("pregnancy__area")
        .order_by("starts_at")
    )
    calendar = Calendar()
    calendar.add("prodid", "-//Tandem//Visits//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Tandem visits")
    stamp = timezone.now()
    for visit in visits:
        event = Event()
        event.add("uid", f"visit-{visit.pk}@tandem")
        event.add("dtstamp", stamp)
        event.add("dtstart", visit.starts_at)
        event.add("dtend", visit.ends_at)
        event.add("sequence", visit.version)
        event.add("summary", FEED_SUMMARIES[visit.kind])
        area = visit.pregnancy.area
        if area is not None:
            event.add("location", area.name)
        link = visit_url(visit.pk)
        event.add("url", link)
        event.add("description", f"Open the visit in Tandem: {link}")
        event.add("status", "CANCELLED" if visit.status == VisitStatus.CANCELLED else "CONFIRMED")
        calendar.add_component(event)
    record_event(
        by=practitioner.user,
        action=AuditAction.EXPORT,
        object_type="calendar_feed",
        object_id=feed.pk,
        detail={"visits": [visit.pk for visit in visits]},
    )
    return calendar.to_ical()
