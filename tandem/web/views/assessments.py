"""A visit's attendance and its record: the record page, completing it, its versions.

Visits come through tandem.access (visit_for: 404 outside her caseload, teams and areas);
every page that shows the record audits the read, every save goes through the services.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from tandem import access
from tandem.assessments.models import AttendanceOutcome, VisitRecordStatus
from tandem.assessments.services import attendance, records
from tandem.core.roles import Permission
from tandem.scheduling.models import VisitStatus
from tandem.web.forms.assessments import AttendanceForm, CompleteForm
from tandem.web.presenters import assessments as present
from tandem.web.presenters import assessments_versions
from tandem.web.presenters.forms import PresentedForm
from tandem.web.views.decorators import permission_required
from tandem.web.views.submit import render_form, submit

_OUTCOME_OF = {
    VisitStatus.ATTENDED: AttendanceOutcome.ATTENDED,
    VisitStatus.DID_NOT_ATTEND: AttendanceOutcome.DID_NOT_ATTEND,
}


def visit_form_page(
    request,
    visit,
    presented: PresentedForm,
    outcome,
    *,
    heading: str,
    page_title: str = "",
    template: str = "web/forms/page.jinja",
    **context,
):
    """A form page about one visit: its caption, the way back to the visit record, and the
    status of a failed save (409 for a conflict)."""
    return render_form(
        request,
        template,
        presented,
        status=outcome.status if outcome else 200,
        page_title=page_title or f"{heading} – {present.visit_title(visit)}",
        heading=heading,
        caption=present.visit_caption(visit),
        back_link=present.record_back_link(visit),
        cancel_href=reverse("web:visit-record", args=[visit.pk]),
        **context,
    )


@permission_required(Permission.RECORD_VISITS)
def visit_attendance(request, pk):
    user = request.user
    visit = access.visit_for(user, pk)
    outcome = None
    if request.method == "POST":
        form = AttendanceForm(request.POST)
        outcome = submit(
            form,
            lambda: attendance.record_attendance(
                by=user,
                visit=visit,
                expected_version=form.cleaned_data["version"],
                outcome=form.cleaned_data["outcome"],
            ),
        )
        if outcome.ok:
            if visit.status == VisitStatus.ATTENDED:
                messages.success(request, "Attendance recorded: the family attended")
            else:
                messages.success(
                    request,
                    "Recorded that the family did not attend. The visit stays on the "
                    "worklist until it is rebooked.",
                )
            return redirect("web:visit-record", pk=visit.pk)
    else:
        records.visit_record_viewed(by=user, visit=visit, what="visit")
        form = AttendanceForm(
            initial={"version": visit.version, "outcome": _OUTCOME_OF.get(visit.status)}
        )
    heading = f"Attendance at the {present.visit_title(visit).lower()}"
    return visit_form_page(
        request,
        visit,
        PresentedForm(form, legend_size="m"),
        outcome,
        heading=heading,
        page_title=heading,
        submit_text="Save attendance",
    )


@permission_required(Permission.VIEW_PERSON_RECORDS)
def visit_record(request, pk):
    visit = access.visit_for(request.user, pk)
    records.visit_record_viewed(by=request.user, visit=visit)
    woman = visit.pregnancy.woman
    return render(
        request,
        "web/assessments/record.jinja",
        {
            "page_title": f"{present.visit_title(visit)} with {woman}",
            "caption": present.visit_caption(visit),
            "heading": present.visit_title(visit),
            "page": present.record_page(request.user, visit),
            "back_link": {
                "href": reverse("web:woman", args=[woman.pk]),
                "text": f"Back to {woman}'s record",
            },
        },
    )


@permission_required(Permission.RECORD_VISITS)
def record_complete(request, pk):
    user = request.user
    visit = access.visit_for(user, pk)
    record = records.record_of(visit)
    outcome = None
    if request.method == "POST":
        form = CompleteForm(request.POST)
        outcome = submit(
            form,
            lambda: records.complete_record(
                by=user, visit=visit, expected_version=form.cleaned_data["version"]
            ),
        )
        if outcome.ok:
            messages.success(request, "The visit record is complete")
            return redirect("web:visit-record", pk=visit.pk)
    else:
        records.visit_record_viewed(by=user, visit=visit)
        form = CompleteForm(initial={"version": CompleteForm.version_of(record)})
    complete = record is not None and record.status == VisitRecordStatus.COMPLETE
    return visit_form_page(
        request,
        visit,
        PresentedForm(form),
        outcome,
        template="web/assessments/complete.jinja",
        heading="Complete the visit record",
        page_title="Complete the visit record",
        already_complete=complete,
        problems=list(records.completion_problems(record).values()) if record else [],
        has_record=record is not None,
    )


@permission_required(Permission.VIEW_PERSON_RECORDS)
def record_versions(request, pk):
    visit = access.visit_for(request.user, pk)
    records.visit_record_viewed(by=request.user, visit=visit, what="visit_record_history")
    record = records.record_of(visit)
    return render(
        request,
        "web/assessments/versions.jinja",
        {
            "page_title": f"Versions of the record of the {present.visit_title(visit).lower()}",
            "caption": present.visit_caption(visit),
            "versions": assessments_versions.version_views(record) if record else [],
            "tables": assessments_versions.change_tables(record) if record else [],
            "back_link": present.record_back_link(visit),
        },
    )
