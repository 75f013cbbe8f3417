"""The community hubs directory, onward referrals to its services, the reminders of
referrals with no reply, and the urgent referrals red flags call for."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse

from tandem import access
from tandem.core.roles import Permission
from tandem.hubs import services
from tandem.records.services import list_viewed, record_viewed
from tandem.web.forms.hubs import (
    DirectoryFilterForm,
    RedFlagActionForm,
    ServiceReferralForm,
    StatusForm,
)
from tandem.web.presenters import display, hubs
from tandem.web.presenters.forms import PresentedForm
from tandem.web.presenters.pagination import paginate
from tandem.web.views.decorators import permission_required
from tandem.web.views.submit import render_form, submit
from tandem.web.views.women import record_link, woman_caption


def _referrals_link(pregnancy_pk: int) -> dict:
    return {
        "href": reverse("web:service-referrals", args=[pregnancy_pk]),
        "text": "Her referrals to services",
    }


@permission_required(Permission.VIEW_PERSON_RECORDS)
def directory(request):
    if not access.can_browse_directory(request.user):
        raise PermissionDenied("The directory is for practitioners.")
    form = DirectoryFilterForm(request.GET or None)
    area = category = None
    if form.is_valid():
        area, category = form.cleaned_data["area"], form.cleaned_data["category"]
    found = services.directory(area=area, category=category or "")
    listing = paginate(request, found, label="Services: pages")
    return render(
        request,
        "web/hubs/directory.jinja",
        {
            "page_title": "Community hubs and services",
            "form": PresentedForm(form),
            "listing": listing,
            "cards": [hubs.service_card(service) for service in listing.items],
        },
    )


@permission_required(Permission.VIEW_PERSON_RECORDS)
def pregnancy_referrals(request, pk):
    user = request.user
    pregnancy = access.pregnancy_for(user, pk)
    woman = pregnancy.woman
    record_viewed(by=user, woman=woman, what="service_referrals", object_id=pregnancy.pk)
    actions = []
    if access.can(user, Permission.RECORD_CONTACT):
        actions.append(
            {
                "text": "Refer her to a service",
                "href": reverse("web:service-referral-new", args=[pregnancy.pk]),
            }
        )
    return render(
        request,
        "web/hubs/referrals.jinja",
        {
            "page_title": f"Referrals to services for {woman}",
            "caption": f"{woman_caption(woman)}, pregnancy due {display.nhs_date(pregnancy.edd)}",
            "table": hubs.referrals_table(services.referrals_for(pregnancy)),
            "actions": actions,
            "back_link": record_link(woman),
        },
    )


@permission_required(Permission.RECORD_CONTACT)
def referral_new(request, pk):
    user = request.user
    pregnancy = access.pregnancy_for(user, pk)
    woman = pregnancy.woman
    form = ServiceReferralForm(
        request.POST or None,
        pregnancy=pregnancy,
        initial={"contact": request.GET.get("contact")},
    )
    outcome = None
    if request.method == "POST":
        outcome = submit(
            form,
            lambda: services.refer(by=user, pregnancy=pregnancy, **form.referral_details()),
        )
        if outcome.ok:
            messages.success(request, "The referral has been recorded")
            return redirect("web:service-referral", pk=outcome.saved.pk)
    record_viewed(by=user, woman=woman, what="pregnancy", object_id=pregnancy.pk)
    return render_form(
        request,
        "web/forms/page.jinja",
        PresentedForm(form),
        status=outcome.status if outcome else 200,
        page_title=f"Refer {woman} to a service",
        heading="Refer her to a service",
        caption=woman_caption(woman),
        submit_text="Record the referral",
        back_link=_referrals_link(pregnancy.pk),
        cancel_href=reverse("web:service-referrals", args=[pregnancy.pk]),
    )


@permission_required(Permission.VIEW_PERSON_RECORDS)
def referral(request, pk):
    """A referral and its history; those who record contacts record the service's reply."""
    user = request.user
    item = access.service_referral_for(user, pk)
    may_record = access.can(user, Permission.RECORD_CONTACT)
    if request.method == "POST" and not may_record:
        raise PermissionDenied("Your role does not allow this (record_contact).")
    form = None
    outcome = None
    if may_record:
        form = StatusForm(
            request.POST if request.method == "POST" else None,
            referral=item,
            initial={"version": item.version},
        )
        if request.method == "POST":
            outcome = submit(
                form,
                lambda: services.record_status(
                    by=user,
                    referral=item,
                    status=form.cleaned_data["status"],
                    happened_on=form.cleaned_data["happened_on"],
                    note=form.cleaned_data["note"],
                    expected_version=form.cleaned_data["version"],
                ),
            )
            if outcome.ok:
                messages.success(request, "The referral's status has been recorded")
                return redirect("web:service-referral", pk=item.pk)
    record_viewed(by=user, woman=item.pregnancy.woman, what="service_referral", object_id=item.pk)
    # A declined or closed referral offers no further status, but a stale page's attempt
    # still shows why it was refused.
    presented = PresentedForm(form) if form is not None else None
    return render(
        request,
        "web/hubs/referral.jinja",
        {
            "page_title": f"Referral to {item.service.name}",
            "caption": hubs.referral_caption(item),
            "heading": f"Referral to {item.service.name}",
            "summary": hubs.referral_summary(item),
            "events": hubs.referral_events(item),
            "form": presented,
            "show_form": form is not None and bool(form.fields["status"].choices),
            "back_link": _referrals_link(item.pregnancy_id),
        },
        status=outcome.status if outcome else 200,
    )


def _worklist(request, *, title, description, items, head, rows, empty, what):
    listing = paginate(request, items, label=f"{title}: pages")
    list_viewed(
        by=request.user,
        what="worklist",
        object_id=what,
        woman_ids=[item.pregnancy.woman_id for item in listing.items],
    )
    return render(
        request,
        "web/hubs/worklist.jinja",
        {
            "page_title": title,
            "title": title,
            "description": description,
            "listing": listing,
            "empty": empty,
            "table": hubs.table(title, head, rows(listing.items)),
        },
    )


@permission_required(Permission.RECORD_CONTACT)
def overdue_referrals(request):
    items = services.overdue(access.referrals_to_chase(request.user)).select_related(
        "pregnancy__woman", "service__hub", "referred_by"
    )
    return _worklist(
        request,
        title=hubs.OVERDUE_TITLE,
        description=hubs.OVERDUE_DESCRIPTION,
        items=items,
        head=hubs.OVERDUE_HEAD,
        rows=hubs.overdue_rows,
        empty="Every referral has had a reply in time.",
        what="service-referrals-overdue",
    )


@permission_required(Permission.RECORD_CONTACT)
def red_flag_tasks(request):
    items = services.open_tasks(access.red_flag_tasks_to_action(request.user)).select_related(
        "pregnancy__woman", "wellbeing_check"
    )
    return _worklist(
        request,
        title=hubs.RED_FLAG_TITLE,
        description=hubs.RED_FLAG_DESCRIPTION,
        items=items,
        head=hubs.TASK_HEAD,
        rows=hubs.task_rows,
        empty="No red flag is waiting for an urgent referral.",
        what="red-flag-tasks",
    )


@permission_required(Permission.RECORD_CONTACT)
def red_flag_task(request, pk):
    """A red flag and the urgent referral that actions it (the only way to close it)."""
    user = request.user
    task = access.red_flag_task_for(user, pk)
    pregnancy = task.pregnancy
    form = None
    outcome = None
    if task.is_open:
        form = RedFlagActionForm(request.POST or None, pregnancy=pregnancy)
        if request.method == "POST":
            outcome = submit(
                form,
                lambda: services.action_red_flag(
                    by=user,
                    task=task,
                    service=form.cleaned_data["service"],
                    reason=form.cleaned_data["reason"],
                    consent=form.cleaned_data["consent"],
                ),
            )
            if outcome.ok:
                messages.success(request, "The urgent referral has been recorded")
                return redirect("web:service-referral", pk=outcome.saved.pk)
    elif request.method == "POST":
        messages.info(request, "This red flag has already been actioned")
        return redirect("web:red-flag-task", pk=task.pk)
    record_viewed(by=user, woman=pregnancy.woman, what="red_flag_task", object_id=task.pk)
    return render(
        request,
        "web/hubs/red_flag_task.jinja",
        {
            "page_title": f"Urgent mental health referral for {pregnancy.woman}",
            "caption": woman_caption(pregnancy.woman),
            "summary": hubs.wellbeing_summary(task.wellbeing_check),
            "outcome": hubs.task_outcome(task),
            "form": PresentedForm(form) if form is not None else None,
            "back_link": {"href": reverse("web:red-flag-tasks"), "text": hubs.RED_FLAG_TITLE},
        },
        status=outcome.status if outcome else 200,
    )
