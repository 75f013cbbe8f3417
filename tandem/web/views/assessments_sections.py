"""The sections of a visit record: each side of the My World Triangle, the Risk and
Resilience Matrix, and the parents' priorities with the voice of the unborn baby.

Each page saves a draft (partial is fine) or, once the record is complete, an amendment
with its reason. A save over someone else's newer save is refused with 409.
"""

from django.contrib import messages
from django.shortcuts import redirect

from tandem import access
from tandem.assessments.my_world import SIDE_BY_SLUG
from tandem.assessments.services import records
from tandem.core.roles import Permission
from tandem.web.forms.assessments import MatrixForm, PrioritiesForm, RecordForm, TriangleSideForm
from tandem.web.presenters import assessments as present
from tandem.web.presenters.forms import PresentedForm
from tandem.web.views.assessments import visit_form_page
from tandem.web.views.decorators import permission_required
from tandem.web.views.submit import submit


def record_form_page(request, visit, form, save, *, heading: str, sections=None):
    """Shows or saves one form that changes the visit record. `save` is called with what
    every change names: the actor (`by`), the version the form was loaded at
    (`expected_version`) and the reason for an amendment (`reason`)."""
    outcome = None
    if request.method == "POST":
        outcome = submit(
            form,
            lambda: save(
                by=request.user,
                expected_version=form.cleaned_data["version"],
                reason=form.reason(),
            ),
        )
        if outcome.ok:
            done = "Amendment saved" if form.amending else "Draft saved"
            # The heading is a proper name (Risk and Resilience Matrix, My World Triangle):
            # keep its capitals.
            messages.success(request, f"{done}: {heading}")
            return redirect("web:visit-record", pk=visit.pk)
    else:
        records.visit_record_viewed(by=request.user, visit=visit)
    return visit_form_page(
        request,
        visit,
        PresentedForm(form, sections=sections),
        outcome,
        heading=heading,
        submit_text="Save amendment" if form.amending else "Save draft",
    )


def bound(request, form_class: type[RecordForm], record, initial: dict, **kwargs):
    if request.method == "POST":
        return form_class(request.POST, record=record, **kwargs)
    return form_class(
        initial={**initial, "version": form_class.version_of(record)}, record=record, **kwargs
    )


@permission_required(Permission.RECORD_VISITS)
def triangle_side(request, pk, side):
    visit = access.visit_for(request.user, pk)
    record = present.load_record(visit)
    chosen = SIDE_BY_SLUG[side]
    form = bound(
        request, TriangleSideForm, record, TriangleSideForm.initial_for(record, chosen), side=chosen
    )
    return record_form_page(
        request,
        visit,
        form,
        lambda **change: records.save_triangle_side(
            visit=visit,
            side=side,
            entries=form.entries(),
            **change,
        ),
        heading=f"My World Triangle: {chosen.title}",
        sections=form.sections(),
    )


@permission_required(Permission.RECORD_VISITS)
def matrix(request, pk):
    visit = access.visit_for(request.user, pk)
    record = present.load_record(visit)
    form = bound(request, MatrixForm, record, MatrixForm.initial_for(record))
    return record_form_page(
        request,
        visit,
        form,
        lambda **change: records.save_matrix(
            visit=visit,
            factors=form.factors(),
            summary=form.cleaned_data["matrix_summary"],
            **change,
        ),
        heading="Risk and Resilience Matrix",
    )


@permission_required(Permission.RECORD_VISITS)
def priorities(request, pk):
    visit = access.visit_for(request.user, pk)
    record = records.record_of(visit)
    initial = {
        "parents_priorities": record.parents_priorities if record else "",
        "baby_voice": record.baby_voice if record else "",
    }
    form = bound(request, PrioritiesForm, record, initial)
    return record_form_page(
        request,
        visit,
        form,
        lambda **change: records.save_priorities(
            visit=visit,
            parents_priorities=form.cleaned_data["parents_priorities"],
            baby_voice=form.cleaned_data["baby_voice"],
            **change,
        ),
        heading="What matters to the family",
    )
