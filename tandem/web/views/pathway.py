"""The enhanced-pathway screen a midwife completes at booking, and its result."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from tandem import access
from tandem.core.roles import Permission
from tandem.pathway import services
from tandem.records.services import record_viewed
from tandem.web.forms.pathway import ScreenForm
from tandem.web.presenters import display
from tandem.web.presenters import pathway as presenters
from tandem.web.presenters.forms import PresentedForm
from tandem.web.views.decorators import permission_required
from tandem.web.views.submit import submit
from tandem.web.views.women import record_link, woman_caption


@permission_required(Permission.REFER_TO_PATHWAY)
def screen_new(request, pk):
    user = request.user
    pregnancy = access.pregnancy_for(user, pk)
    woman = pregnancy.woman
    form = ScreenForm(request.POST or None, criteria=services.active_criteria())
    outcome = None
    if request.method == "POST":
        outcome = submit(
            form,
            lambda: services.record_screen(by=user, pregnancy=pregnancy, answers=form.answers()),
        )
        if outcome.ok:
            return redirect("web:pathway-screen-result", pk=outcome.saved.pk)
    else:
        record_viewed(by=user, woman=woman, what="pregnancy", object_id=pregnancy.pk)
    existing = services.open_referral(pregnancy)
    return render(
        request,
        "web/pathway/screen_form.jinja",
        {
            "form": PresentedForm(form),
            "page_title": f"Enhanced pathway screen for {woman}",
            "caption": f"{woman_caption(woman)}, pregnancy due {display.nhs_date(pregnancy.edd)}",
            "gestation": display.gestation(pregnancy.gestation_on(timezone.localdate())),
            "open_referral": presenters.open_referral_note(existing) if existing else "",
            "back_link": record_link(woman),
            "cancel_href": reverse("web:woman", args=[woman.pk]),
        },
        status=outcome.status if outcome else 200,
    )


@permission_required(Permission.VIEW_PERSON_RECORDS)
def screen_result(request, pk):
    user = request.user
    screen = access.screen_for(user, pk)
    woman = screen.pregnancy.woman
    services.screen_viewed(by=user, screen=screen)
    referral_href = (
        reverse("web:pathway-referral", args=[screen.referral_id])
        if screen.referral_id
        and access.visible_referrals(user).filter(pk=screen.referral_id).exists()
        else ""
    )
    return render(
        request,
        "web/pathway/screen.jinja",
        {
            "page_title": f"Enhanced pathway screen for {woman}",
            "caption": woman_caption(woman),
            "banner": presenters.screen_banner(screen),
            "answers": presenters.screen_answers(screen),
            "referral_href": referral_href,
            "back_link": record_link(woman),
        },
    )
