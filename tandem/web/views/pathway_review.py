"""The safeguarding review: the queue, a referral, the decision and its revision; and the
referrer's side: questions to answer, answering, withdrawing."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from tandem import access
from tandem.core.roles import Permission
from tandem.pathway import services
from tandem.pathway.models import ReferralStatus
from tandem.records.services import record_viewed
from tandem.web.forms.pathway import AnswerForm, DecisionForm, RevisionForm, WithdrawForm
from tandem.web.presenters import pathway as presenters
from tandem.web.presenters.forms import PresentedForm
from tandem.web.presenters.pagination import paginate
from tandem.web.views.decorators import permission_required
from tandem.web.views.submit import submit
from tandem.web.views.women import woman_caption


def _referral_link(referral) -> dict:
    return {
        "href": reverse("web:pathway-referral", args=[referral.pk]),
        "text": "Back to the referral",
    }


def _referral_viewed(user, referral) -> None:
    record_viewed(by=user, woman=referral.pregnancy.woman, what="referral", object_id=referral.pk)


@permission_required(Permission.REVIEW_REFERRALS)
def queue(request):
    user = request.user
    target = services.review_target_working_days()
    listing = paginate(request, services.review_queue(access.visible_referrals(user)), param="page")
    shown = list(listing.items)
    services.queue_viewed(by=user, referrals=shown, what="review_queue")
    entries = services.queue_entries(shown, today=timezone.localdate(), target=target)
    return render(
        request,
        "web/pathway/queue.jinja",
        {
            "page_title": "Referrals to review",
            "listing": listing,
            "target": target,
            "over_target": sum(entry.over_target for entry in entries),
            "rows_table": presenters.queue_table(entries, target),
        },
    )


@permission_required(Permission.VIEW_PERSON_RECORDS)
def referral(request, pk):
    user = request.user
    referral = access.referral_for(user, pk)
    _referral_viewed(user, referral)
    decisions = services.decisions_of(referral)
    events = list(referral.events.select_related("by__practitioner"))
    return render(
        request,
        "web/pathway/referral.jinja",
        {
            "page_title": f"Enhanced pathway referral of {referral.pregnancy.woman}",
            "caption": woman_caption(referral.pregnancy.woman),
            "summary": presenters.referral_summary(
                referral,
                target=services.review_target_working_days(),
                today=timezone.localdate(),
            ),
            "reasons": presenters.reason_rows(referral),
            "decisions": presenters.decisions_table(decisions) if decisions else None,
            "events": presenters.events_table(events) if events else None,
            "actions": presenters.referral_actions(user, referral),
            "back_link": {
                "href": reverse("web:woman", args=[referral.pregnancy.woman_id]),
                "text": f"Back to {referral.pregnancy.woman}'s record",
            },
        },
    )


def _form_page(request, referral, form, *, outcome, heading: str, submit_text: str, **extra):
    return render(
        request,
        "web/pathway/review_form.jinja",
        {
            "form": PresentedForm(form),
            "page_title": f"{heading}: {referral.pregnancy.woman}",
            "heading": heading,
            "caption": woman_caption(referral.pregnancy.woman),
            "summary": presenters.referral_summary(
                referral,
                target=services.review_target_working_days(),
                today=timezone.localdate(),
            ),
            "reasons": presenters.reason_rows(referral),
            "submit_text": submit_text,
            "back_link": _referral_link(referral),
            "cancel_href": reverse("web:pathway-referral", args=[referral.pk]),
            **extra,
        },
        status=outcome.status if outcome else 200,
    )


def _not_now(request, referral, message: str):
    messages.info(request, message)
    return redirect("web:pathway-referral", pk=referral.pk)


@permission_required(Permission.REVIEW_REFERRALS)
def decide(request, pk):
    user = request.user
    referral = access.referral_for(user, pk)
    outcome = None
    if request.method == "POST":
        form = DecisionForm(request.POST)
        outcome = submit(
            form,
            lambda: services.decide(
                by=user,
                referral=referral,
                outcome=form.cleaned_data["outcome"],
                rationale=form.cleaned_data["rationale"],
                question=form.cleaned_data["question"],
                seen_event_id=form.cleaned_data["seen_event"],
            ),
        )
        if outcome.ok:
            messages.success(
                request, f"Your decision has been saved: {outcome.saved.get_outcome_display()}"
            )
            return redirect("web:pathway-queue")
    else:
        if referral.status != ReferralStatus.AWAITING_REVIEW:
            return _not_now(request, referral, "This referral is not awaiting review.")
        _referral_viewed(user, referral)
        form = DecisionForm(initial={"seen_event": services.latest_event_id(referral)})
    return _form_page(
        request, referral, form, outcome=outcome, heading="Decide", submit_text="Save decision"
    )


@permission_required(Permission.REVIEW_REFERRALS)
def revise(request, pk):
    user = request.user
    referral = access.referral_for(user, pk)
    outcome = None
    decision = None
    if request.method == "POST":
        form = RevisionForm(request.POST)
        if form.is_valid():
            decision = referral.decisions.filter(pk=form.cleaned_data["revises"]).first()
            if decision is None:
                form.add_error(None, "The decision you were changing is not on this referral")
        outcome = submit(
            form,
            lambda: services.revise_decision(
                by=user,
                decision=decision,
                outcome=form.cleaned_data["outcome"],
                rationale=form.cleaned_data["rationale"],
            ),
        )
        if outcome.ok:
            messages.success(request, "The decision has been changed")
            return redirect("web:pathway-referral", pk=referral.pk)
    else:
        current = services.current_decision(referral)
        if referral.status != ReferralStatus.DECIDED or current is None:
            return _not_now(request, referral, "This referral has no decision to change.")
        _referral_viewed(user, referral)
        form = RevisionForm(initial={"revises": current.pk, "outcome": current.outcome})
    return _form_page(
        request,
        referral,
        form,
        outcome=outcome,
        heading="Change the decision",
        submit_text="Save the new decision",
    )


@permission_required(Permission.REFER_TO_PATHWAY)
def questions(request):
    user = request.user
    listing = paginate(request, services.open_questions_for(user, access.visible_referrals(user)))
    shown = list(listing.items)
    services.queue_viewed(
        by=user, referrals=[question.referral for question in shown], what="referral_questions"
    )
    return render(
        request,
        "web/pathway/questions.jinja",
        {
            "page_title": "Questions from the safeguarding team",
            "listing": listing,
            "rows_table": presenters.questions_table(shown),
        },
    )


@permission_required(Permission.REFER_TO_PATHWAY)
def answer(request, pk):
    user = request.user
    referral = access.referral_for(user, pk)
    question = services.open_question(referral)
    outcome = None
    if request.method == "POST":
        form = AnswerForm(request.POST)
        outcome = submit(
            form,
            lambda: services.answer_question(
                by=user, referral=referral, text=form.cleaned_data["answer"]
            ),
        )
        if outcome.ok:
            messages.success(
                request,
                "Your answer has been sent: the referral is back with the safeguarding team",
            )
            return redirect("web:pathway-questions")
    else:
        if question is None:
            return _not_now(request, referral, "There is no question waiting for an answer.")
        _referral_viewed(user, referral)
        form = AnswerForm()
    return _form_page(
        request,
        referral,
        form,
        outcome=outcome,
        heading="Answer the safeguarding team's question",
        submit_text="Send answer",
        question=presenters.question_rows(question) if question else None,
    )


@permission_required(Permission.REFER_TO_PATHWAY)
def withdraw(request, pk):
    user = request.user
    referral = access.referral_for(user, pk)
    outcome = None
    if request.method == "POST":
        form = WithdrawForm(request.POST)
        outcome = submit(
            form,
            lambda: services.withdraw_referral(
                by=user, referral=referral, reason=form.cleaned_data["reason"]
            ),
        )
        if outcome.ok:
            messages.success(request, "The referral has been withdrawn")
            return redirect("web:woman", pk=referral.pregnancy.woman_id)
    else:
        if not referral.is_open:
            return _not_now(request, referral, "Only an open referral can be withdrawn.")
        _referral_viewed(user, referral)
        form = WithdrawForm()
    return _form_page(
        request,
        referral,
        form,
        outcome=outcome,
        heading="Withdraw the referral",
        submit_text="Withdraw the referral",
    )
