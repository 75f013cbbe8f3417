"""Team leaders record the pathway training of the practitioners in their teams."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from tandem.core.roles import Permission
from tandem.programme import training
from tandem.web.forms.programme import TrainingRecordForm
from tandem.web.presenters.forms import PresentedForm
from tandem.web.presenters.programme import team_training_table
from tandem.web.views.decorators import permission_required
from tandem.web.views.submit import render_form, submit


@permission_required(Permission.MANAGE_TRAINING)
def training_list(request):
    return render(
        request,
        "web/programme/training.jinja",
        {"page_title": "Training of your teams", "table": team_training_table(request.user)},
    )


@permission_required(Permission.MANAGE_TRAINING)
def training_new(request):
    user = request.user
    form = TrainingRecordForm(request.POST or None, user=user)
    outcome = None
    if request.method == "POST":
        outcome = submit(
            form,
            lambda: training.record_training(
                by=user,
                practitioner=form.cleaned_data["practitioner"],
                course=form.cleaned_data["course"],
                completed_on=form.cleaned_data["completed_on"],
            ),
        )
        if outcome.ok:
            record = outcome.saved
            messages.success(
                request, f"{record.practitioner}'s {record.course} on the pathway is recorded"
            )
            return redirect("web:training")
    return render_form(
        request,
        "web/forms/page.jinja",
        PresentedForm(form),
        status=outcome.status if outcome else 200,
        page_title="Record training",
        heading="Record a practitioner's training",
        submit_text="Save training record",
        cancel_href=reverse("web:training"),
        back_link={"href": reverse("web:training"), "text": "Back to your teams' training"},
    )
