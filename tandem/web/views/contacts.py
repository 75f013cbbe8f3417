"""Recording a care contact for a pregnancy, and changing one."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from tandem import access
from tandem.core.roles import Permission
from tandem.hubs import services as hubs_services
from tandem.records import services
from tandem.web.forms.hubs import ContactWellbeingForm
from tandem.web.forms.records import ContactForm, EditContactForm
from tandem.web.presenters import display
from tandem.web.presenters.forms import PresentedForm
from tandem.web.views.decorators import permission_required
from tandem.web.views.submit import render_form, submit
from tandem.web.views.women import record_link, woman_caption


@permission_required(Permission.RECORD_CONTACT)
def contact_new(request, pk):
    user = request.user
    pregnancy = access.pregnancy_for(user, pk)
    woman = pregnancy.woman
    me = access.practitioner_of(user)
    form = ContactWellbeingForm(
        request.POST or None, user=user, initial={"practitioners": [me.pk] if me else []}
    )
    outcome = None
    if request.method == "POST":
        # The wellbeing questions and red flags are saved with the contact, or not at all.
        outcome = submit(
            form,
            lambda: hubs_services.record_contact_with_wellbeing(
                by=user,
                pregnancy=pregnancy,
                practitioners=list(form.cleaned_data["practitioners"]),
                details=form.contact_details(),
                wellbeing=form.wellbeing(),
            ),
        )
        if outcome.ok:
            task = hubs_services.red_flag_task_of(outcome.saved)
            if task is not None:
                messages.warning(request, "A red flag needs an urgent referral: make it now")
                return redirect("web:red-flag-task", pk=task.pk)
            messages.success(request, "The contact has been recorded")
            return redirect("web:woman", pk=woman.pk)
    # The page shows who she is, after a failed save as well as on first opening.
    services.record_viewed(by=user, woman=woman, what="pregnancy", object_id=pregnancy.pk)
    return render_form(
        request,
        "web/forms/page.jinja",
        PresentedForm(form, sections=form.sections),
        status=outcome.status if outcome else 200,
        page_title=f"Record a contact with {woman}",
        heading="Record a contact",
        caption=f"{woman_caption(woman)}, pregnancy due {display.nhs_date(pregnancy.edd)}",
        submit_text="Save contact",
        back_link=record_link(woman),
        cancel_href=reverse("web:woman", args=[woman.pk]),
    )


@permission_required(Permission.RECORD_CONTACT)
def contact_edit(request, pk):
    user = request.user
    contact = access.contact_for(user, pk)
    woman = contact.pregnancy.woman
    outcome = None
    if request.method == "POST":
        form = EditContactForm(request.POST, user=user, contact=contact)
        outcome = submit(
            form,
            # Through hubs, so the contact stays consistent with its wellbeing answers.
            lambda: hubs_services.update_contact(
                by=user,
                contact=contact,
                expected_version=form.cleaned_data["version"],
                practitioners=list(form.cleaned_data["practitioners"]),
                **form.contact_details(),
            ),
        )
        if outcome.ok:
            messages.success(request, "The contact has been saved")
            return redirect("web:woman", pk=woman.pk)
    else:
        form = EditContactForm(initial=ContactForm.initial_for(contact), user=user, contact=contact)
    # The page shows who she is, after a failed save as well as on first opening.
    services.record_viewed(by=user, woman=woman, what="care_contact", object_id=contact.pk)
    return render_form(
        request,
        "web/forms/page.jinja",
        PresentedForm(form),
        status=outcome.status if outcome else 200,
        page_title=f"Change the contact of {display.nhs_date(contact.starts_at)}",
        heading=f"Change the contact of {display.nhs_date(contact.starts_at)}",
        caption=woman_caption(woman),
        submit_text="Save contact",
        back_link=record_link(woman),
        cancel_href=reverse("web:woman", args=[woman.pk]),
    )
