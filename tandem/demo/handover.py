"""Postnatal handovers for the demo: most recent births handed over by the named midwife to
the health-visiting team covering the family's area, most acknowledged within a few days,
some still awaiting and a few overdue, so the worklists have something to show.

The snapshot is built by the real builder from the generated records; rows are written in
bulk without history, like the rest of the generated data. Only births in the last
RECENT_BIRTH_DAYS are handed over, which keeps generation fast (a few hundred births).
"""

from datetime import date, datetime, time, timedelta
from random import Random

from django.conf import settings
from django.utils import timezone

from tandem.demo.accounts import DemoAccounts
from tandem.demo.sampling import Categorical, chance, pick
from tandem.handover.models import Handover, HandoverStatus
from tandem.handover.snapshot import build_snapshot
from tandem.outcomes.models import FeedingAt6To8Weeks, LabourDelivery, PregnancyOutcome
from tandem.records.models import Practitioner, Profession, Team, TeamKind

RECENT_BIRTH_DAYS = 60
SENT_ON_DAY = (7, 14)  # after the birth: the midwife's care ends around day 10
HANDED_OVER = 0.9  # the rest: not yet sent, or the family moved out of the LMNS
ACKNOWLEDGED_IN_TIME = 0.85  # of those whose acknowledgement is due; the rest are overdue
FEEDING = Categorical(
    {
        FeedingAt6To8Weeks.BREAST: 0.45,
        FeedingAt6To8Weeks.MIXED: 0.25,
        FeedingAt6To8Weeks.FORMULA: 0.30,
    }
)
CONCERNS = (
    "",
    "",
    "",
    "Low mood on day 5; she knows how to reach the perinatal mental health team.",
    "Baby slow to regain birth weight; weighed again on day 10, now gaining.",
    "Partner works away; her mother is staying for the first month.",
    "Jaundice treated with phototherapy on the postnatal ward; resolved.",
)


def _at(day: date, rng: Random) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(rng.randint(9, 16), rng.randint(0, 59))))


def _health_visitors(accounts: DemoAccounts) -> dict[int, list[int]]:
    """Users of the health visitors in each health-visiting team."""
    by_team: dict[int, list[int]] = {}
    for practitioner in Practitioner.objects.filter(
        profession=Profession.HEALTH_VISITOR, pk__in=list(accounts.user_of_practitioner)
    ).prefetch_related("teams"):
        for team in practitioner.teams.all():
            by_team.setdefault(team.pk, []).append(accounts.user_of_practitioner[practitioner.pk])
    return by_team


def add_handovers(rng: Random, accounts: DemoAccounts, today: date) -> int:
    visiting = {
        area_id: team_id
        for team_id, area_id in Team.objects.filter(kind=TeamKind.HEALTH_VISITING).values_list(
            "pk", "areas"
        )
        if area_id is not None
    }
    visitors = _health_visitors(accounts)
    labours = (
        LabourDelivery.objects.filter(birth_date__gte=today - timedelta(days=RECENT_BIRTH_DAYS))
        .select_related(
            "pregnancy__woman", "pregnancy__area", "pregnancy__team", "pregnancy__named_midwife"
        )
        .prefetch_related("babies")
        .order_by("pk")
    )
    due_days = settings.TANDEM_HANDOVER_ACKNOWLEDGE_DAYS
    handovers = []
    for labour in labours:
        pregnancy = labour.pregnancy
        receiving = visiting.get(pregnancy.area_id)
        sender = accounts.user_of_practitioner.get(pregnancy.named_midwife_id)
        sent_on = labour.birth_date + timedelta(days=rng.randint(*SENT_ON_DAY))
        if (
            receiving is None
            or sender is None
            or pregnancy.team_id is None
            or sent_on > today
            or not chance(rng, HANDED_OVER)
        ):
            continue
        live = any(baby.outcome == PregnancyOutcome.LIVE_BIRTH for baby in labour.babies.all())
        concerns = pick(rng, CONCERNS)
        values = {
            "current_feeding": FEEDING.draw(rng) if live else "",
            "feeding_notes": "",
            "safeguarding_concerns": False,
            "concerns": concerns,
        }
        sent_at = min(_at(sent_on, rng), timezone.now())  # never later than now
        snapshot = build_snapshot(pregnancy, labour, **values) | {"built_at": sent_at.isoformat()}
        handover = Handover(
            pregnancy=pregnancy,
            sending_team_id=pregnancy.team_id,
            receiving_team_id=receiving,
            sent_by_id=sender,
            sent_at=sent_at,
            snapshot=snapshot,
            **values,
        )
        acknowledge_by = sent_on + timedelta(days=due_days)
        if visitors.get(receiving) and (
            acknowledge_by < today and chance(rng, ACKNOWLEDGED_IN_TIME)
        ):
            handover.status = HandoverStatus.ACKNOWLEDGED
            handover.acknowledged_by_id = pick(rng, visitors[receiving])
            handover.acknowledged_at = _at(sent_on + timedelta(days=rng.randint(0, due_days)), rng)
        handovers.append(handover)
    Handover.objects.bulk_create(handovers)
    return len(handovers)
