"""The postnatal handover to health visiting: previewing and sending it from the birth,
the handover as sent with its acknowledgement, withdrawing it, and each team's lists."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from tandem import access
from tandem.core.roles import Permission
from tandem.handover import services
from tandem.handover.models import HandoverStatus
from tandem.records.services import list_viewed, record_viewed
from tandem.web.forms.handover import AcknowledgeForm, SendHandoverForm, WithdrawForm
from tandem.web.forms.records import VersionedForm
from tandem.web.presenters.caseload import women_listed
from tandem.web.presenters.forms import PresentedForm
from tandem.web.presenters.handover import (
    handover_caption,
    handover_summary,
    snapshot_sections,
    team_links,
    team_sections,
)
from tandem.web.views.decorators import permission_required
from tandem.web.views.submit import render_form, submit
from tandem.web.views.women import record_link

SEND_SECTIONS = [
    ("Who takes the family on", ["receiving_team"]),
    ("Feeding", ["current_feeding", "feeding_notes"]),
    ("Concerns", ["safeguarding_concerns", "concerns"]),
]


def _preview(pregnancy, form: SendHandoverForm):
    """What the handover will say: the record as it is now, with what she has entered."""
    details = form.details() if hasattr(form, "cleaned_data") else {}
    try:
        return snapshot_sections(
            services.build_handover(
                pregnancy,
                current_feeding=details.get("current_feeding", ""),
                feeding_notes=details.get("feeding_notes", ""),
                safeguarding_concerns=details.get("safeguarding_concerns"),
                concerns=details.get("concerns", ""),
            )
        )
    except ValidationError:
        return None  # no birth recorded yet


@permission_required(Permission.SEND_HANDOVER)
def handover_pregnancy(request, pk):
    """Preview the handover of this pregnancy's mother and babies, add concerns, choose the
    team and send it; or see the one already sent."""
    user = request.user
    pregnancy = access.pregnancy_for(user, pk)
    woman = pregnancy.woman
    current = services.in_force(pregnancy)
    form = SendHandoverForm(request.POST or None, pregnancy=pregnancy)
    outcome = None
    if request.method == "POST":
        outcome = submit(
            form, lambda: services.send_handover(by=user, pregnancy=pregnancy, **form.details())
        )
        if outcome.ok:
            messages.success(
                request, f"The handover has been sent to {outcome.saved.receiving_team}"
            )
            return redirect("web:handover", pk=outcome.saved.pk)
        current = services.in_force(pregnancy)  # perhaps sent by someone else meanwhile
    else:
        record_viewed(by=user, woman=woman, what="handover_preview", object_id=pregnancy.pk)
    earlier = access.visible_handovers(user).filter(pregnancy=pregnancy)
    return render(
        request,
        "web/handover/send.jinja",
        {
            "page_title": f"Hand over {woman} to health visiting",
            "caption": handover_caption(pregnancy),
            "back_link": record_link(woman),
            "form": PresentedForm(form, sections=SEND_SECTIONS),
            "preview": None if current else _preview(pregnancy, form),
            "current": current,
            "current_visible": current is not None and earlier.filter(pk=current.pk).exists(),
            "earlier": [h for h in earlier.select_related("receiving_team") if h != current],
            "birth_new_href": reverse("web:birth-new", args=[pregnancy.pk]),
            "cancel_href": reverse("web:woman", args=[woman.pk]),
        },
        status=outcome.status if outcome else 200,
    )


@permission_required(Permission.VIEW_PERSON_RECORDS)
def handover(request, pk):
    """The handover as sent, where it stands, and what she may do with it."""
    user = request.user
    handover = access.handover_for(user, pk)
    pregnancy = handover.pregnancy
    record_viewed(by=user, woman=pregnancy.woman, what="handover", object_id=handover.pk)
    actions = []
    if handover.status == HandoverStatus.SENT:
        if services.may_acknowledge(user, handover):
            actions.append(
                {
                    "text": "Acknowledge this handover",
                    "href": reverse("web:handover-acknowledge", args=[handover.pk]),
                }
            )
        if services.may_withdraw(user, handover):
            actions.append(
                {
                    "text": "Withdraw this handover",
                    "href": reverse("web:handover-withdraw", args=[handover.pk]),
                }
            )
    live = access.visible_pregnancies(user).filter(pk=pregnancy.pk).exists()
    return render(
        request,
        "web/handover/handover.jinja",
        {
            "page_title": f"Handover of {pregnancy.woman} to health visiting",
            "caption": handover_caption(pregnancy),
            "summary": handover_summary(handover),
            "actions": actions,
            "record_href": reverse("web:woman", args=[pregnancy.woman_id]) if live else None,
            "birth_changed": services.birth_changed_since_sent(handover),
            "sections": snapshot_sections(handover.snapshot),
            "back_link": {"href": reverse("web:handovers"), "text": "Back to handovers"},
        },
    )


def _sent_handover(request, pk, may):
    """The handover for an acknowledge or withdraw page: hers to act on, and still sent."""
    handover = access.handover_for(request.user, pk)
    if not may(request.user, handover):
        raise PermissionDenied("You cannot do this for this handover.")
    return handover


def _already_settled(request, handover):
    messages.info(request, f"This handover is already {handover.get_status_display().lower()}")
    return redirect("web:handover", pk=handover.pk)


@dataclass(frozen=True)
class _Settling:
    """One way of settling a sent handover (acknowledging or withdrawing it)."""

    may: Callable
    form_class: type[VersionedForm]
    settle: Callable  # takes by, handover, expected_version and the form's other fields
    verb: str  # "Acknowledge", "Withdraw"
    done_message: str
    done_url: Callable  # handover -> where to go once settled


def _settle_page(request, pk, settling: _Settling):
    user = request.user
    handover = _sent_handover(request, pk, settling.may)
    if handover.status != HandoverStatus.SENT and request.method != "POST":
        return _already_settled(request, handover)
    outcome = None
    if request.method == "POST":
        form = settling.form_class(request.POST)
        outcome = submit(
            form,
            lambda: settling.settle(
                by=user,
                handover=handover,
                expected_version=form.cleaned_data["version"],
                **{name: value for name, value in form.cleaned_data.items() if name != "version"},
            ),
        )
        if outcome.ok:
            messages.success(request, settling.done_message)
            return redirect(settling.done_url(handover))
    else:
        form = settling.form_class(initial={"version": handover.version})
    handover_href = reverse("web:handover", args=[handover.pk])
    return render_form(
        request,
        "web/forms/page.jinja",
        PresentedForm(form),
        status=outcome.status if outcome else 200,
        page_title=f"{settling.verb} the handover of {handover.pregnancy.woman}",
        heading=f"{settling.verb} the handover",
        caption=handover_caption(handover.pregnancy),
        submit_text=f"{settling.verb} the handover",
        back_link={"href": handover_href, "text": "Back"},
        cancel_href=handover_href,
    )


_ACKNOWLEDGING = _Settling(
    may=services.may_acknowledge,
    form_class=AcknowledgeForm,
    settle=services.acknowledge_handover,
    verb="Acknowledge",
    done_message="You have acknowledged the handover",
    done_url=lambda handover: reverse("web:handover", args=[handover.pk]),
)
_WITHDRAWING = _Settling(
    may=services.may_withdraw,
    form_class=WithdrawForm,
    settle=services.withdraw_handover,
    verb="Withdraw",
    done_message="The handover has been withdrawn",
    done_url=lambda handover: reverse("web:handover-pregnancy", args=[handover.pregnancy_id]),
)


@permission_required(Permission.ACKNOWLEDGE_HANDOVER)
def handover_acknowledge(request, pk):
    return _settle_page(request, pk, _ACKNOWLEDGING)


@permission_required(Permission.SEND_HANDOVER)
def handover_withdraw(request, pk):
    return _settle_page(request, pk, _WITHDRAWING)


@permission_required(Permission.VIEW_PERSON_RECORDS)
def handovers(request):
    """Her teams, each with its handovers not acknowledged in time."""
    return render(
        request,
        "web/handover/teams.jinja",
        {"page_title": "Postnatal handovers", "teams": team_links(request.user)},
    )


@permission_required(Permission.VIEW_PERSON_RECORDS)
def handover_team(request, pk):
    team = access.handover_team_for(request.user, pk)
    sections = team_sections(request, team)
    list_viewed(
        by=request.user,
        what="handover_list",
        object_id=str(team.pk),
        woman_ids=women_listed(sections),
    )
    return render(
        request,
        "web/handover/team.jinja",
        {
            "page_title": f"Postnatal handovers of {team}",
            "team": team,
            "sections": sections,
            "back_link": {"href": reverse("web:handovers"), "text": "Back to handovers"},
        },
    )
