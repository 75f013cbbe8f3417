"""The personalised care and support plan, for her clinicians: read it, write one section
at a time, see who changed what and when, and print it for her."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from tandem import access
from tandem.careplans import services
from tandem.careplans.models import PlanSection
from tandem.core.roles import Permission
from tandem.web.forms.careplans import PdfForm, SectionForm
from tandem.web.presenters.careplans import history_view, plan_sections_view, section_view
from tandem.web.presenters.forms import PresentedForm
from tandem.web.views.decorators import permission_required
from tandem.web.views.submit import CONFLICT_STATUS, render_form, submit
from tandem.web.views.women import record_link, woman_caption


def _plan(request, pk):
    pregnancy = access.care_plan_pregnancy_for(request.user, pk)
    return pregnancy, services.plan_for(pregnancy, by=request.user)


def section_href(pregnancy_pk: int, section: PlanSection) -> str:
    return (
        f"{reverse('web:care-plan-section', args=[pregnancy_pk])}?{urlencode({'section': section})}"
    )


def _section(value: str | None) -> PlanSection | None:
    try:
        return PlanSection(value)
    except ValueError:
        return None


def _pdf_form(pregnancy, data=None) -> PdfForm:
    main_language = (pregnancy.woman.main_language or "").lower()
    codes = [code for code, _name in settings.LANGUAGES]
    default = next((c for c in codes if main_language.startswith(c[:2])), codes[0])
    return PdfForm(
        data, languages=settings.LANGUAGES, initial={"language": default, "size": "standard"}
    )


@permission_required(Permission.KEEP_CARE_PLANS)
def care_plan(request, pk):
    pregnancy, plan = _plan(request, pk)
    woman = pregnancy.woman
    stages = plan_sections_view(
        services.current_sections(plan, for_woman=False),
        edit_href=lambda section: section_href(pregnancy.pk, section),
    )
    return render(
        request,
        "web/careplans/plan.jinja",
        {
            "page_title": _("Personalised care and support plan for %(name)s") % {"name": woman},
            "caption": woman_caption(woman),
            "back_link": record_link(woman),
            "plan_stages": stages,
            "pdf_form": PresentedForm(_pdf_form(pregnancy)),
            "pdf_action": reverse("web:care-plan-pdf", args=[pregnancy.pk]),
            "history_href": reverse("web:care-plan-history", args=[pregnancy.pk]),
        },
    )


@permission_required(Permission.KEEP_CARE_PLANS)
def care_plan_section(request, pk):
    pregnancy = access.care_plan_pregnancy_for(request.user, pk)
    section = _section(request.GET.get("section"))
    if section is None:
        return redirect("web:care-plan", pk=pregnancy.pk)
    plan = services.plan_for(pregnancy, by=request.user)
    woman = pregnancy.woman
    plan_href = reverse("web:care-plan", args=[pregnancy.pk])
    current = services.current_sections(plan, for_woman=False)[section]
    outcome = None
    if request.method == "POST":
        form = SectionForm(request.POST, section=section)
        outcome = submit(
            form,
            lambda: services.record_section(
                plan,
                section,
                form.content(),
                by=request.user,
                based_on=form.cleaned_data["based_on"],
            ),
        )
        if outcome.ok:
            messages.success(request, _("%(section)s has been saved") % {"section": section.label})
            return redirect(f"{plan_href}#section-{section.value}")
        if outcome.status == CONFLICT_STATUS:
            # Someone saved a newer version: show it, and let her save hers over it knowingly.
            current = services.current_sections(plan, for_woman=False)[section]
            data = request.POST.copy()
            data["based_on"] = current.number if current else ""
            form = SectionForm(data, section=section)
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Someone else changed this section while you were editing it. "
                    "Your changes have not been saved. Read their version below, "
                    "then save yours again if it is still right."
                ),
            )
    else:
        form = SectionForm(initial=SectionForm.initial_for(current), section=section)
    return render_form(
        request,
        "web/careplans/section.jinja",
        PresentedForm(form),
        status=outcome.status if outcome else 200,
        page_title=_("%(section)s: care plan for %(name)s")
        % {
            "section": section.label,
            "name": woman,
        },
        heading=section.label,
        hint=form.spec.hint,
        caption=woman_caption(woman),
        back_link={"href": plan_href, "text": _("Back to the care plan")},
        newer=section_view(section, current)
        if outcome and outcome.status == CONFLICT_STATUS
        else None,
        submit_text=_("Save this section"),
        cancel_href=plan_href,
    )


@permission_required(Permission.KEEP_CARE_PLANS)
def care_plan_history(request, pk):
    pregnancy, plan = _plan(request, pk)
    woman = pregnancy.woman
    return render(
        request,
        "web/careplans/history.jinja",
        {
            "page_title": _("Changes to the care plan for %(name)s") % {"name": woman},
            "caption": woman_caption(woman),
            "back_link": {
                "href": reverse("web:care-plan", args=[pregnancy.pk]),
                "text": _("Back to the care plan"),
            },
            "entries": history_view(services.section_history(plan)),
        },
    )


@permission_required(Permission.KEEP_CARE_PLANS)
def care_plan_pdf(request, pk):
    pregnancy = access.care_plan_pregnancy_for(request.user, pk)
    form = _pdf_form(pregnancy, request.GET or None)
    if not form.is_valid():
        return redirect("web:care-plan", pk=pregnancy.pk)
    plan = services.plan_for(pregnancy, by=request.user)
    language = form.cleaned_data["language"]
    large_print = form.large_print
    document = services.plan_pdf(plan, language=language, large_print=large_print, by=request.user)
    response = HttpResponse(document, content_type="application/pdf")
    size = "-large-print" if large_print else ""
    response["Content-Disposition"] = (
        f'attachment; filename="care-plan-{pregnancy.pk}-{language}{size}.pdf"'
    )
    return response
