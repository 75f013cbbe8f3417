"""Recording a birth (labour, delivery and babies), changing it, and the health visitor's
6–8 week details for a baby."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from tandem import access
from tandem.core.roles import Permission
from tandem.outcomes import services
from tandem.records.services import record_viewed
from tandem.web.forms.outcomes import BabyCountForm, BirthForm, EditBirthForm, HealthVisitorForm
from tandem.web.presenters.forms import PresentedForm
from tandem.web.presenters.outcomes import (
    baby_caption,
    baby_count_form,
    birth_caption,
    has_birth,
)
from tandem.web.views.decorators import permission_required
from tandem.web.views.submit import render_form, submit
from tandem.web.views.women import record_link, woman_caption


@permission_required(Permission.RECORD_CONTACT)
def birth_new(request, pk):
    """First how many babies (`?babies=N`), then the labour and a group of fields per baby."""
    user = request.user
    pregnancy = access.pregnancy_for(user, pk)
    woman = pregnancy.woman
    if has_birth(pregnancy):
        messages.info(request, "A birth is already recorded for this pregnancy")
        return redirect("web:woman", pk=woman.pk)
    count = BabyCountForm(request.GET if "babies" in request.GET else None)
    if not count.is_valid():
        record_viewed(by=user, woman=woman, what="pregnancy", object_id=pregnancy.pk)
        return render(
            request,
            "web/outcomes/how_many.jinja",
            {
                "form": baby_count_form(count),
                "page_title": f"Record the birth for {woman}",
                "caption": woman_caption(woman),
                "back_link": record_link(woman),
            },
        )
    form = BirthForm(request.POST or None, babies=int(count.cleaned_data["babies"]))
    outcome = None
    if request.method == "POST":
        outcome = submit(
            form,
            lambda: services.record_birth(
                by=user,
                pregnancy=pregnancy,
                labour=form.labour_details(),
                babies=form.babies_details(),
            ),
        )
        if outcome.ok:
            messages.success(request, "The birth has been recorded")
            return redirect("web:woman", pk=woman.pk)
    else:
        record_viewed(by=user, woman=woman, what="pregnancy", object_id=pregnancy.pk)
    return render_form(
        request,
        "web/forms/page.jinja",
        PresentedForm(form, sections=form.sections),
        status=outcome.status if outcome else 200,
        page_title=f"Record the birth for {woman}",
        heading="Record the birth",
        caption=birth_caption(pregnancy),
        submit_text="Save the birth",
        back_link=record_link(woman),
        cancel_href=reverse("web:woman", args=[woman.pk]),
    )


@permission_required(Permission.EDIT_PERSON_RECORDS)
def birth_edit(request, pk):
    user = request.user
    labour = access.labour_for(user, pk)
    pregnancy = labour.pregnancy
    woman = pregnancy.woman
    babies = list(labour.babies.all())
    outcome = None
    if request.method == "POST":
        form = EditBirthForm(request.POST, babies=len(babies))
        outcome = submit(
            form,
            lambda: services.update_birth(
                by=user,
                labour=labour,
                expected_version=form.cleaned_data["version"],
                changes=form.labour_details(),
                baby_edits=[
                    services.BabyEdit(baby, form.baby_version(n), form.baby_details(n))
                    for n, baby in enumerate(babies, start=1)
                ],
            ),
        )
        if outcome.ok:
            messages.success(request, "The birth record has been saved")
            return redirect("web:woman", pk=woman.pk)
    else:
        record_viewed(by=user, woman=woman, what="labour_delivery", object_id=labour.pk)
        form = EditBirthForm(initial=EditBirthForm.initial_for(labour, babies), babies=len(babies))
    return render_form(
        request,
        "web/forms/page.jinja",
        PresentedForm(form, sections=form.sections),
        status=outcome.status if outcome else 200,
        page_title=f"Change the birth record for {woman}",
        heading="Change the birth record",
        caption=birth_caption(pregnancy),
        submit_text="Save the birth record",
        back_link=record_link(woman),
        cancel_href=reverse("web:woman", args=[woman.pk]),
    )


@permission_required(Permission.RECORD_CONTACT)
def baby_six_to_eight_weeks(request, pk):
    user = request.user
    baby = access.baby_for(user, pk)
    woman = baby.labour_delivery.pregnancy.woman
    outcome = None
    if request.method == "POST":
        form = HealthVisitorForm(request.POST)
        outcome = submit(
            form,
            lambda: services.record_health_visitor_details(
                by=user,
                baby=baby,
                expected_version=form.cleaned_data["version"],
                **form.details(),
            ),
        )
        if outcome.ok:
            messages.success(
                request, f"The 6 to 8 week details for baby {baby.birth_order} have been saved"
            )
            return redirect("web:woman", pk=woman.pk)
    else:
        record_viewed(by=user, woman=woman, what="baby", object_id=baby.pk)
        form = HealthVisitorForm(
            initial={
                "feeding_at_6_8_weeks": baby.feeding_at_6_8_weeks,
                "readmitted_within_30_days": baby.readmitted_within_30_days,
                "version": baby.version,
            }
        )
    return render_form(
        request,
        "web/forms/page.jinja",
        PresentedForm(form),
        status=outcome.status if outcome else 200,
        page_title=f"6 to 8 week details for baby {baby.birth_order} of {woman}",
        heading=f"6 to 8 week details for baby {baby.birth_order}",
        caption=baby_caption(baby),
        submit_text="Save 6 to 8 week details",
        back_link=record_link(woman),
        cancel_href=reverse("web:woman", args=[woman.pk]),
    )
