"""The woman's own portal: her carers and referrals, her plan (writing her own sections),
her appointments, her language and her plan as a PDF.

Every page needs the VIEW_OWN_RECORD permission, which only the woman's role carries (staff
get 403), and reaches her records through tandem.access's own_* rules (anyone else's
pregnancy answers 404). Every page she opens is audited.
"""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from tandem import access
from tandem.careplans import services as careplans
from tandem.careplans.sections import SPEC_OF, WOMAN_SECTIONS
from tandem.core.roles import Permission
from tandem.portal import services
from tandem.records.services import record_viewed
from tandem.web.forms.careplans import SectionForm
from tandem.web.forms.portal import LanguageForm
from tandem.web.presenters.careplans import local_date, plan_sections_view
from tandem.web.presenters.forms import PresentedForm
from tandem.web.presenters.portal import (
    appointment_name,
    local_datetime,
    name_languages_in_their_own_language,
    referral_status_name,
)
from tandem.web.views.decorators import permission_required
from tandem.web.views.submit import render_form, submit

own_record_required = permission_required(Permission.VIEW_OWN_RECORD)


def _account(request):
    account = services.account_of(request.user)
    if account is None:
        # Her role without a linked record: nothing of anyone's to show.
        raise Http404("No record is linked to this sign-in")
    return account


def _appointments(user, limit: int | None = None) -> list[dict]:
    upcoming = services.upcoming_appointments(access.own_contacts(user), access.own_visits(user))
    return [
        {
            "when": local_datetime(appointment.starts_at),
            "name": appointment_name(appointment),
            "with_whom": ", ".join(appointment.with_whom),
        }
        for appointment in upcoming[:limit]
    ]


@own_record_required
def portal_home(request):
    user = request.user
    account = _account(request)
    woman = account.woman
    pregnancy = access.current_own_pregnancy(user)
    context = {"page_title": _("Your maternity care"), "woman": woman, "pregnancy": pregnancy}
    if pregnancy is not None:
        context.update(
            carers=services.carers_of(pregnancy),
            appointments=_appointments(user, limit=3),
            referrals=[
                {
                    "service": referral.service.name,
                    "hub": referral.service.hub.name,
                    "status": referral_status_name(referral.status),
                    "sent_on": local_date(referral.sent_at),
                }
                for referral in services.referrals_shown_to_her(pregnancy)
            ],
            due_date=local_date(pregnancy.edd),
        )
    record_viewed(by=user, woman=woman, what="portal_home")
    return render(request, "web/portal/home.jinja", context)


@own_record_required
def portal_appointments(request):
    user = request.user
    account = _account(request)
    record_viewed(by=user, woman=account.woman, what="portal_appointments")
    return render(
        request,
        "web/portal/appointments.jinja",
        {"page_title": _("Your appointments"), "appointments": _appointments(user)},
    )


@own_record_required
def portal_plan(request, pk):
    user = request.user
    pregnancy = access.own_pregnancy_for(user, pk)
    plan = careplans.plan_for(pregnancy, by=user)
    write_href = reverse("web:portal-section", args=[pregnancy.pk])
    stages = plan_sections_view(
        careplans.current_sections(plan, for_woman=True),
        edit_href=lambda section: (
            f"{write_href}?section={section.value}" if section in WOMAN_SECTIONS else ""
        ),
    )
    return render(
        request,
        "web/portal/plan.jinja",
        {"page_title": _("Your care plan"), "pregnancy": pregnancy, "plan_stages": stages},
    )


def _own_section(request):
    try:
        section = careplans.PlanSection(request.GET.get("section", "what_matters"))
    except ValueError:
        raise Http404("No such section") from None
    if section not in WOMAN_SECTIONS:
        # Health needs and decisions are recorded with her clinicians, not here.
        raise Http404("She does not write this section")
    return section


@own_record_required
def portal_section(request, pk):
    """Writing one of her own sections: a new version, based on the one she read."""
    user = request.user
    pregnancy = access.own_pregnancy_for(user, pk)
    section = _own_section(request)
    plan = careplans.plan_for(pregnancy, by=user)
    current = careplans.current_sections(plan, for_woman=True)[section]
    form = SectionForm(
        request.POST or None, initial=SectionForm.initial_for(current), section=section
    )
    status = 200
    if request.method == "POST":
        outcome = submit(
            form,
            lambda: careplans.record_section(
                plan,
                section,
                form.content(),
                by=user,
                based_on=form.cleaned_data["based_on"],
            ),
        )
        if outcome.ok:
            messages.success(request, _("Your changes have been saved"))
            return redirect("web:portal-plan", pk=pregnancy.pk)
        status = outcome.status
        if status != 200:
            # Show her the version saved meanwhile, so she can make her changes again.
            current = careplans.current_sections(plan, for_woman=True)[section]
            form.data = form.data.copy()
            form.data["based_on"] = current.number if current else ""
    presented = PresentedForm(form, legend_size="m")
    for field in presented.visible:
        # Her sections ask one question: shown as the hint of her one text box.
        field.params.setdefault("hint", {"text": str(SPEC_OF[section].hint)})
    return render_form(
        request,
        "web/portal/section.jinja",
        presented,
        status=status,
        page_title=section.label,
        section=section,
        current=current,
        conflict=status != 200,
        back_link={
            "href": reverse("web:portal-plan", args=[pregnancy.pk]),
            "text": _("Back to your care plan"),
        },
    )


@own_record_required
def portal_plan_pdf(request, pk):
    """Her plan as a PDF in her language; `?large_print=1` for large print."""
    user = request.user
    account = _account(request)
    pregnancy = access.own_pregnancy_for(user, pk)
    plan = careplans.plan_for(pregnancy, by=user)
    large_print = request.GET.get("large_print") == "1"
    document = careplans.plan_pdf(plan, language=account.language, large_print=large_print, by=user)
    response = HttpResponse(document, content_type="application/pdf")
    suffix = "-large-print" if large_print else ""
    response["Content-Disposition"] = f'attachment; filename="my-care-plan{suffix}.pdf"'
    return response


@own_record_required
def portal_language(request):
    user = request.user
    account = _account(request)
    form = LanguageForm(request.POST or None, initial={"language": account.language})
    if request.method == "POST":
        outcome = submit(
            form, lambda: services.choose_language(account, form.cleaned_data["language"], by=user)
        )
        if outcome.ok:
            return redirect("web:portal-home")
    presented = PresentedForm(form, legend_size="l")
    name_languages_in_their_own_language(presented["language"])
    presented["language"].params["fieldset"]["legend"]["isPageHeading"] = True
    return render_form(
        request, "web/portal/language.jinja", presented, page_title=_("Choose your language")
    )
