"""A practitioner's own calendar: working hours, busy periods, .ics import and her feed.

The feed is the one page that works without signing in: its URL carries an unguessable
token instead (see tandem.scheduling.services.feed); a bad token answers 404.
"""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from tandem import access
from tandem.core.roles import Permission
from tandem.scheduling.services import booking, calendars, feed, ics_import
from tandem.web.forms.scheduling import (
    BusyPeriodForm,
    CalendarImportForm,
    WorkingHoursForm,
    clean_upload,
)
from tandem.web.presenters import display
from tandem.web.presenters import scheduling as present
from tandem.web.presenters.forms import PresentedForm
from tandem.web.views.decorators import permission_required
from tandem.web.views.submit import render_form, submit

CALENDAR_BACK = {"text": "Back to my calendar"}


def _me(request):
    practitioner = access.practitioner_of(request.user)
    if practitioner is None:
        raise Http404("You have no calendar: you are not set up as a practitioner")
    return practitioner


def _back() -> dict:
    return {**CALENDAR_BACK, "href": reverse("web:my-calendar")}


@permission_required(Permission.KEEP_OWN_CALENDAR)
def my_calendar(request):
    me = _me(request)
    csrf_input = present.csrf_hidden(request)
    own_feed = feed.feed_of(me)
    feed_url = (
        request.build_absolute_uri(reverse("web:calendar-feed", args=[feed.feed_token(own_feed)]))
        if own_feed
        else None
    )
    return render(
        request,
        "web/scheduling/calendar.jinja",
        {
            "page_title": "My calendar",
            "hours": present.hours_table(calendars.current_working_hours(me), csrf_input),
            "busy": present.busy_table(calendars.upcoming_busy_periods(me), csrf_input),
            "visits": present.visits_table(booking.upcoming_visits_of(me)),
            "feed_url": feed_url,
        },
    )


@permission_required(Permission.KEEP_OWN_CALENDAR)
def working_hours_new(request):
    me = _me(request)
    form = WorkingHoursForm(request.POST or None)
    if request.method == "POST":
        outcome = submit(
            form,
            lambda: calendars.add_working_hours(
                by=request.user, practitioner=me, **form.values_for(form.fields)
            ),
        )
        if outcome.ok:
            messages.success(request, "Your working hours have been added")
            return redirect("web:my-calendar")
    return render_form(
        request,
        "web/forms/page.jinja",
        PresentedForm(form),
        page_title="Add working hours",
        heading="Add working hours",
        caption=str(me),
        submit_text="Add hours",
        back_link=_back(),
        cancel_href=reverse("web:my-calendar"),
    )


@permission_required(Permission.KEEP_OWN_CALENDAR)
def busy_period_new(request):
    me = _me(request)
    form = BusyPeriodForm(request.POST or None)
    if request.method == "POST":

        def save():
            starts_at, ends_at = form.period()
            return calendars.add_busy_period(
                by=request.user, practitioner=me, starts_at=starts_at, ends_at=ends_at
            )

        if submit(form, save).ok:
            messages.success(request, "The busy period has been added")
            return redirect("web:my-calendar")
    return render_form(
        request,
        "web/forms/page.jinja",
        PresentedForm(form),
        page_title="Add a busy period",
        heading="Add a busy period",
        caption=f"{me}. Enter only the time: no patient's name or details.",
        submit_text="Add busy period",
        back_link=_back(),
        cancel_href=reverse("web:my-calendar"),
    )


@require_POST
@permission_required(Permission.KEEP_OWN_CALENDAR)
def working_hours_remove(request, pk):
    hours = calendars.own_working_hours(_me(request), pk)
    if hours is None:
        raise Http404("No such working hours")
    calendars.remove_working_hours(by=request.user, hours=hours)
    messages.success(request, "Those working hours have been removed")
    return redirect("web:my-calendar")


@require_POST
@permission_required(Permission.KEEP_OWN_CALENDAR)
def busy_period_remove(request, pk):
    period = calendars.own_busy_period(_me(request), pk)
    if period is None:
        raise Http404("No such busy period")
    calendars.remove_busy_period(by=request.user, period=period)
    messages.success(request, "The busy period has been removed")
    return redirect("web:my-calendar")


@permission_required(Permission.KEEP_OWN_CALENDAR)
def calendar_import(request):
    me = _me(request)
    form = CalendarImportForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        outcome = submit(
            form,
            lambda: ics_import.import_ics(
                by=request.user,
                practitioner=me,
                content=clean_upload(form.cleaned_data["ics_file"]),
            ),
        )
        if outcome.ok:
            result = outcome.saved
            messages.success(
                request,
                f"Imported {display.count(result.events, 'event')} as "
                f"{display.count(result.busy_periods, 'busy period')}",
            )
            return redirect("web:my-calendar")
        status = outcome.status
    return render_form(
        request,
        "web/scheduling/import.jinja",
        present.upload_form(form),
        status=status,
        page_title="Import busy times from a calendar file",
        back_link=_back(),
    )


@require_POST
@permission_required(Permission.KEEP_OWN_CALENDAR)
def calendar_feed_regenerate(request):
    feed.regenerate_feed(by=request.user, practitioner=_me(request))
    messages.success(
        request, "Your calendar feed has a new address. The old address no longer works."
    )
    return redirect("web:my-calendar")


@require_GET
def calendar_feed(request, token):
    found = feed.feed_for_token(token)
    if found is None:
        raise Http404("No such calendar feed")
    body = feed.render_feed(
        found, visit_url=lambda pk: request.build_absolute_uri(reverse("web:visit", args=[pk]))
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    response["Content-Disposition"] = 'inline; filename="tandem-visits.ics"'
    return response
