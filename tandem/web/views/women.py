"""A woman's record: viewing it, its history, a new booking and changing her details."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from tandem import access
from tandem.core.roles import Permission
from tandem.records import services
from tandem.web.forms.records import EditWomanForm, NewBookingForm
from tandem.web.presenters import display
from tandem.web.presenters.forms import PresentedForm
from tandem.web.presenters.history import history_tables
from tandem.web.presenters.records import record_view, visible_pregnancies_of
from tandem.web.views.decorators import permission_required
from tandem.web.views.submit import render_form, submit

WOMAN_SECTIONS = [("", list(services.WOMAN_FIELDS))]
PREGNANCY_SECTIONS = [
    ("Her pregnancy", ["provider", "lmp", "edd_scan", "booking_date"]),
    (
        "Previous pregnancies",
        ["previous_live_births", "previous_stillbirths", "previous_caesareans"],
    ),
    ("Her care", ["smoking_status_booking", "named_midwife", "team", "area"]),
]


def woman_caption(woman) -> str:
    """Who a page is about, with the two identifiers that tell her apart from namesakes."""
    born = display.nhs_date(woman.date_of_birth)
    return f"{woman}, born {born}, NHS number {woman.nhs_number_display}"


def record_link(woman) -> dict:
    return {"href": reverse("web:woman", args=[woman.pk]), "text": f"Back to {woman}'s record"}


@permission_required(Permission.VIEW_PERSON_RECORDS)
def woman(request, pk):
    woman = access.woman_for(request.user, pk)
    services.record_viewed(by=request.user, woman=woman)
    return render(
        request,
        "web/women/record.jinja",
        {"page_title": str(woman), "record": record_view(request.user, woman)},
    )


@permission_required(Permission.VIEW_PERSON_RECORDS)
def woman_history(request, pk):
    woman = access.woman_for(request.user, pk)
    services.record_viewed(by=request.user, woman=woman, what="woman_history")
    pregnancies = list(visible_pregnancies_of(request.user, woman, with_contacts=False))
    return render(
        request,
        "web/women/history.jinja",
        {
            "page_title": f"Earlier versions of {woman}'s record",
            "caption": woman_caption(woman),
            "tables": history_tables(woman, pregnancies),
            "back_link": record_link(woman),
        },
    )


@permission_required(Permission.BOOK_PREGNANCY)
def booking_new(request):
    user = request.user
    form = NewBookingForm(request.POST or None, user=user)
    outcome = None
    if request.method == "POST":
        outcome = submit(
            form,
            lambda: services.register_and_book(
                by=user,
                woman_details=form.woman_details(),
                provider=form.cleaned_data["provider"],
                **form.pregnancy_details(),
            ),
        )
        if outcome.ok:
            woman, pregnancy = outcome.saved
            if access.visible_pregnancies(user).filter(pk=pregnancy.pk).exists():
                messages.success(request, f"{woman} is registered and her pregnancy is booked")
                return redirect("web:woman", pk=woman.pk)
            messages.success(
                request,
                f"{woman} is registered and her pregnancy is booked. She is cared for outside "
                "your teams and areas, so her record is not shown to you.",
            )
            return redirect("web:home")
    return render_form(
        request,
        "web/forms/page.jinja",
        PresentedForm(form, sections=[("About her", WOMAN_SECTIONS[0][1]), *PREGNANCY_SECTIONS]),
        status=outcome.status if outcome else 200,
        page_title="New booking",
        heading="Register a woman and book her pregnancy",
        submit_text="Save booking",
        cancel_href=reverse("web:home"),
    )


@permission_required(Permission.EDIT_PERSON_RECORDS)
def woman_edit(request, pk):
    user = request.user
    woman = access.woman_for(user, pk)
    outcome = None
    if request.method == "POST":
        form = EditWomanForm(request.POST)
        outcome = submit(
            form,
            lambda: services.update_woman(
                by=user,
                woman=woman,
                expected_version=form.cleaned_data["version"],
                **form.woman_details(),
            ),
        )
        if outcome.ok:
            messages.success(request, f"{woman}'s details have been saved")
            return redirect("web:woman", pk=woman.pk)
    else:
        initial = {name: getattr(woman, name) for name in services.WOMAN_FIELDS}
        form = EditWomanForm(initial={**initial, "version": woman.version})
    # The page shows who she is, after a failed save as well as on first opening.
    services.record_viewed(by=user, woman=woman)
    return render_form(
        request,
        "web/forms/page.jinja",
        PresentedForm(form, sections=WOMAN_SECTIONS),
        status=outcome.status if outcome else 200,
        page_title=f"Change {woman}'s details",
        heading="Change her details",
        caption=woman_caption(woman),
        submit_text="Save her details",
        back_link=record_link(woman),
        cancel_href=reverse("web:woman", args=[woman.pk]),
    )
