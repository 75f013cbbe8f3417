"""Feedback after a joint visit (a parent's, entered on her behalf, or a practitioner's
own), and the summary per area for team leaders and analysts."""

from django.contrib import messages
from django.shortcuts import redirect, render

from tandem import access
from tandem.assessments.services import feedback, records
from tandem.core.roles import Permission
from tandem.web.forms.assessments import FeedbackForm
from tandem.web.presenters.assessments_feedback import feedback_tables
from tandem.web.presenters.forms import PresentedForm
from tandem.web.views.assessments import visit_form_page
from tandem.web.views.decorators import permission_required
from tandem.web.views.submit import submit


def _feedback_page(request, pk, *, give, question: str, heading: str, hint: str):
    user = request.user
    visit = access.visit_for(user, pk)
    form = FeedbackForm(request.POST or None, question=question)
    outcome = None
    if request.method == "POST":
        outcome = submit(
            form,
            lambda: give(
                by=user,
                visit=visit,
                rating=form.cleaned_data["rating"],
                comments=form.cleaned_data["comments"],
            ),
        )
        if outcome.ok:
            messages.success(request, "Thank you: the feedback has been saved")
            return redirect("web:visit-record", pk=visit.pk)
    else:
        records.visit_record_viewed(by=user, visit=visit, what="visit")
    form.fields["rating"].help_text = hint
    return visit_form_page(
        request,
        visit,
        PresentedForm(form, legend_size="m"),
        outcome,
        heading=heading,
        submit_text="Save feedback",
    )


@permission_required(Permission.GIVE_FEEDBACK)
def parent_feedback(request, pk):
    return _feedback_page(
        request,
        pk,
        give=feedback.give_parent_feedback,
        question="Overall, how was the joint visit for you?",
        heading="A parent's feedback on the joint visit",
        hint="Ask the parent and enter their answer in their words. They can say as much or "
        "as little as they like.",
    )


@permission_required(Permission.RECORD_VISITS)
def practitioner_feedback(request, pk):
    return _feedback_page(
        request,
        pk,
        give=feedback.give_practitioner_feedback,
        question="Overall, how well did the joint visit work?",
        heading="Your feedback on the joint visit",
        hint="Think about working together, the family's engagement and the tools you used.",
    )


@permission_required(Permission.VIEW_AGGREGATES)
def feedback_summary(request):
    user = request.user
    summaries = feedback.feedback_summary(
        by=user,
        exact_area_ids=set(
            access.visible_pregnancies(user).exclude(area=None).values_list("area_id", flat=True)
        ),
        comments_from=access.visible_visits(user),
    )
    return render(
        request,
        "web/assessments/feedback_summary.jinja",
        {
            "page_title": "Feedback after joint visits",
            "summary": feedback_tables(summaries),
            "exact_for_some": access.can_see_identifiers(user),
        },
    )
