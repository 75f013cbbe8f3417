"""Helpers for the handover tests: sending through the page and reading a snapshot."""

from django.urls import reverse

from tandem.handover.models import Handover


def send_form(team, **overrides) -> dict:
    return {
        "receiving_team": str(team.pk),
        "current_feeding": "breast",
        "feeding_notes": "Latching well after support on day 3",
        "safeguarding_concerns": "no",
        "concerns": "Low mood on day 5; she has the perinatal mental health number.",
        **overrides,
    }


def send_through_page(client, user, pregnancy, team, **overrides):
    client.force_login(user)
    return client.post(
        reverse("web:handover-pregnancy", args=[pregnancy.pk]), send_form(team, **overrides)
    )


def sent_handover(pregnancy) -> Handover:
    return Handover.objects.get(pregnancy=pregnancy)


def section(snapshot: dict, key: str) -> dict:
    return next(s for s in snapshot["sections"] if s["key"] == key)


def value_of(snapshot: dict, key: str, label: str, title: str = ""):
    """The value of the row `label` in section `key` (in its group titled `title`)."""
    for group in section(snapshot, key)["groups"]:
        if group["title"] == title:
            for row_label, value, _kind in group["rows"]:
                if row_label == label:
                    return value
    raise KeyError(f"{key}/{title}/{label}")
