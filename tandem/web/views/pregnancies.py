"""Booking a new pregnancy for a registered woman, and changing a pregnancy's details."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from tandem import access
from tandem.core.roles import Permission
from tandem.records import services
from tandem.web.forms.records import BookPregnancyForm, EditPregnancyForm
from tandem.web.presenters import display
from tandem.web.presenters.forms import PresentedForm
from tandem.web.views.decorators import permission_required
from tandem.web.views.submit import render_form, submit
from tandem.web.views.women import PREGNANCY_SECTIONS, record_link, woman_caption

EDIT_SECTIONS = [
    ("Status", ["status", "ended_on"]),
    *((heading, [n for n in names if n != "provider"]) for heading, names in PREGNANCY_SECTIONS),
]


@permission_required(Permission.BOOK_PREGNANCY)
def pregnancy_new(request, pk):
    user = request.user
    woman = access.woman_for(user, pk)
    form = BookPregnancyForm(request.POST or None, user=user)
    outcome = None
    if request.method == "POST":
        outcome = submit(
            form,
            lambda: services.book_pregnancy(
                by=user,
                woman=woman,
                provider=form.cleaned_data["provider"],
                **form.pregnancy_details(),
            ),
        )
        if outcome.ok:
            messages.success(request, f"A new pregnancy is booked for {woman}")
            return redirect("web:woman", pk=woman.pk)
    # The page shows who she is, after a failed save as well as on first opening.
    services.record_viewed(by=user, woman=woman)
    return render_form(
        request,
        "web/forms/page.jinja",
        PresentedForm(form, sections=PREGNANCY_SECTIONS),
        status=outcome.status if outcome else 200,
        page_title=f"Book a new pregnancy for {woman}",
        heading="Book a new pregnancy",
        caption=woman_caption(woman),
        submit_text="Save booking",
        back_link=record_link(woman),
        cancel_href=reverse("web:woman", args=[woman.pk]),
    )


@permission_required(Permission.EDIT_PERSON_RECORDS)
def pregnancy_edit(request, pk):
    user = request.user
    pregnancy = access.pregnancy_for(user, pk)
    woman = pregnancy.woman
    outcome = None
    if request.method == "POST":
        form = EditPregnancyForm(request.POST, user=user, pregnancy=pregnancy)
        outcome = submit(
            form,
            lambda: services.update_pregnancy(
                by=user,
                pregnancy=pregnancy,
                expected_version=form.cleaned_data["version"],
                **form.pregnancy_details(),
            ),
        )
        if outcome.ok:
            messages.success(request, "The pregnancy details have been saved")
            return redirect("web:woman", pk=woman.pk)
    else:
        initial = {name: getattr(pregnancy, name) for name in services.PREGNANCY_FIELDS}
        form = EditPregnancyForm(
            initial={**initial, "version": pregnancy.version}, user=user, pregnancy=pregnancy
        )
    # The page shows who she is, after a failed save as well as on first opening.
    services.record_viewed(by=user, woman=woman, what="pregnancy", object_id=pregnancy.pk)
    return render_form(
        request,
        "web/forms/page.jinja",
        PresentedForm(form, sections=EDIT_SECTIONS),
        status=outcome.status if outcome else 200,
        page_title=f"Change the pregnancy due {display.nhs_date(pregnancy.edd)}",
        heading=f"Change the pregnancy due {display.nhs_date(pregnancy.edd)}",
        caption=woman_caption(woman),
        submit_text="Save pregnancy details",
        back_link=record_link(woman),
        cancel_href=reverse("web:woman", args=[woman.pk]),
    )
