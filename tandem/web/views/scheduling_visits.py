"""Booking a visit for a referral, and the visit page with moving and cancelling it."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from tandem import access
from tandem.core.roles import Permission
from tandem.records import services as records
from tandem.records.models import Practitioner
from tandem.scheduling.services import booking, calendars, proposals
from tandem.scheduling.services.windows import KIND_OF_OUTCOME, WINDOWS, needs_midwife
from tandem.web.forms.scheduling import (
    BookVisitForm,
    CancelVisitForm,
    RescheduleVisitForm,
)
from tandem.web.presenters import scheduling as present
from tandem.web.presenters.assessments import visit_record_links
from tandem.web.presenters.forms import PresentedForm
from tandem.web.views.decorators import permission_required
from tandem.web.views.submit import render_form, submit
from tandem.web.views.women import record_link, woman_caption


@permission_required(Permission.BOOK_VISITS)
def visit_book(request, pk):
    user = request.user
    referral = access.referral_for(user, pk)
    pregnancy = referral.pregnancy
    woman = pregnancy.woman
    kind = KIND_OF_OUTCOME.get(referral.current_outcome)
    pending = proposals.pending_referrals(access.visible_referrals(user)).filter(pk=pk).exists()
    if not pending:
        records.record_viewed(by=user, woman=woman, what="referral", object_id=referral.pk)
        return render(
            request,
            "web/scheduling/nothing_to_book.jinja",
            {
                "page_title": f"No visit to book for {woman}",
                "caption": woman_caption(woman),
                "back_link": record_link(woman),
                "decided": kind is not None,
            },
        )
    offered = proposals.propose_slots([referral]).get(referral.pk, [])
    midwives, health_visitors = calendars.covering_practitioners(pregnancy.area_id)
    names = {
        person.pk: str(person)
        for person in Practitioner.objects.filter(
            pk__in={p.midwife_id for p in offered} | {p.health_visitor_id for p in offered}
        )
    }
    slots = [(p.key, present.slot_label(p, names, pregnancy.edd)) for p in offered]
    form = BookVisitForm(
        request.POST or None,
        slots=slots,
        midwives=midwives,
        health_visitors=health_visitors,
        needs_midwife=needs_midwife(kind),
    )
    if request.method == "POST":

        def save():
            if form.chose_other_time:
                form.service_field_names = {"starts_at": "date"}
                starts_at = form.other_time()
                midwife = form.cleaned_data.get("midwife")
                health_visitor = form.cleaned_data.get("health_visitor")
            else:
                form.service_field_names = {"starts_at": "slot"}
                starts_at, midwife_id, hv_id = proposals.parse_key(form.cleaned_data["slot"])
                midwife = midwives.filter(pk=midwife_id).first() if midwife_id else None
                health_visitor = health_visitors.filter(pk=hv_id).first()
            return booking.book_visit(
                by=user,
                referral=referral,
                starts_at=starts_at,
                midwife=midwife,
                health_visitor=health_visitor,
                outside_window_reason=form.cleaned_data.get("outside_window_reason", ""),
            )

        outcome = submit(form, save)
        if outcome.ok:
            messages.success(request, "The visit has been booked")
            return redirect("web:visit", pk=outcome.saved.pk)
    else:
        records.record_viewed(by=user, woman=woman, what="referral", object_id=referral.pk)
    return render_form(
        request,
        "web/scheduling/book.jinja",
        PresentedForm(form),
        page_title=f"Book a visit for {woman}",
        caption=woman_caption(woman),
        heading=f"Book the {referral.get_current_outcome_display().lower()}",
        window=WINDOWS[kind].describe(),
        has_proposals=bool(offered),
        back_link=record_link(woman),
        cancel_href=reverse("web:woman", args=[woman.pk]),
    )


@permission_required(Permission.VIEW_PERSON_RECORDS)
def visit(request, pk):
    user = request.user
    found = access.visit_for(user, pk)
    woman = found.pregnancy.woman
    records.record_viewed(by=user, woman=woman, what="visit", object_id=found.pk)
    return render(
        request,
        "web/scheduling/visit.jinja",
        {
            "page_title": f"{found.get_kind_display()} for {woman}",
            "caption": woman_caption(woman),
            "heading": found.get_kind_display(),
            "summary": present.visit_summary(found, booking.people_of(found)),
            "changes": present.changes_table(booking.changes_of(found)),
            "actions": present.visit_actions(
                found, may_book=access.can(user, Permission.BOOK_VISITS)
            )
            + visit_record_links(user, found),
            "back_link": record_link(woman),
        },
    )


def _visit_form_page(request, found, form, outcome, *, heading: str, submit_text: str):
    woman = found.pregnancy.woman
    return render_form(
        request,
        "web/forms/page.jinja",
        PresentedForm(form),
        status=outcome.status if outcome else 200,
        page_title=f"{heading} for {woman}",
        heading=heading,
        caption=f"{woman_caption(woman)}. "
        f"Booked for {present.time_range(found.starts_at, found.ends_at)}",
        submit_text=submit_text,
        back_link={"href": reverse("web:visit", args=[found.pk]), "text": "Back to the visit"},
        cancel_href=reverse("web:visit", args=[found.pk]),
    )


@permission_required(Permission.BOOK_VISITS)
def visit_reschedule(request, pk):
    user = request.user
    found = access.visit_for(user, pk)
    outcome = None
    if request.method == "POST":
        form = RescheduleVisitForm(request.POST)
        outcome = submit(
            form,
            lambda: booking.reschedule_visit(
                by=user,
                visit=found,
                expected_version=form.cleaned_data["version"],
                starts_at=form.starts_at(),
                reason=form.cleaned_data["reason"],
                outside_window_reason=form.cleaned_data["outside_window_reason"],
            ),
        )
        if outcome.ok:
            messages.success(request, "The visit has been moved")
            return redirect("web:visit", pk=found.pk)
    else:
        records.record_viewed(by=user, woman=found.pregnancy.woman, what="visit", object_id=pk)
        form = RescheduleVisitForm(initial={"version": found.version})
    return _visit_form_page(
        request, found, form, outcome, heading="Move the visit", submit_text="Move visit"
    )


@permission_required(Permission.BOOK_VISITS)
def visit_cancel(request, pk):
    user = request.user
    found = access.visit_for(user, pk)
    outcome = None
    if request.method == "POST":
        form = CancelVisitForm(request.POST)
        outcome = submit(
            form,
            lambda: booking.cancel_visit(
                by=user,
                visit=found,
                expected_version=form.cleaned_data["version"],
                reason=form.cleaned_data["reason"],
            ),
        )
        if outcome.ok:
            messages.success(request, "The visit has been cancelled")
            return redirect("web:visit", pk=found.pk)
    else:
        records.record_viewed(by=user, woman=found.pregnancy.woman, what="visit", object_id=pk)
        form = CancelVisitForm(initial={"version": found.version})
    return _visit_form_page(
        request, found, form, outcome, heading="Cancel the visit", submit_text="Cancel visit"
    )
