"""Benchmark the Enhanced Maternity Pathway: slot proposals for many referrals, and the
pathway's list pages, against a plain count(*) in the same run.

    python bench/pathway.py [--pregnancies 100000] [--seed 1] [--repeat 7] [--referrals 500]
                            [--practitioners 150] [--database PATH]

Generates the synthetic LMNS into its own SQLite file (or uses DATABASE_URL when it is set,
for PostgreSQL), gives 150 midwives' and health visitors' calendars working hours, busy
periods and booked visits, decides 500 referrals for a joint visit, then times
`propose_slots` for all 500 at once (median of --repeat runs, with its query count) and the
median server time of the review queue and worklist pages that exist (URL names from other
slices that are missing are skipped with a note). Times are printed as medians and as
ratios to one `SELECT count(*)` of the pregnancy table. The target for proposals is under
1 second for the 500 on both databases.
"""

import argparse
import random
import sys
from datetime import datetime, timedelta
from datetime import time as clock
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.support import count_queries, median_seconds, prepare_database  # noqa: E402

BENCH_REASON = "Benchmark referral (bench/pathway.py)"
PAGES = (
    ("review queue", "web:pathway-queue"),
    ("home with worklists", "web:home"),
    ("programme", "web:programme"),
    ("my calendar", "web:my-calendar"),
)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pregnancies", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--referrals", type=int, default=500)
    parser.add_argument("--practitioners", type=int, default=150)
    parser.add_argument("--database", default=str(ROOT / "bench" / "results" / "pathway.sqlite3"))
    return parser.parse_args()


def calendar_staff(limit: int):
    """Midwives and health visitors of whole areas, area by area, until `limit` of them."""
    from tandem.records.models import Area, Practitioner, Profession

    chosen: list[int] = []
    areas: list[int] = []
    for area in Area.objects.order_by("pk"):
        staff = list(
            Practitioner.objects.filter(
                areas=area,
                is_active=True,
                profession__in=[Profession.MIDWIFE, Profession.HEALTH_VISITOR],
            )
            .exclude(pk__in=chosen)
            .values_list("pk", flat=True)
        )
        if not staff:
            continue
        chosen += staff[: limit - len(chosen)]
        areas.append(area.pk)
        if len(chosen) == limit:
            break
    return chosen, areas


def load_calendars(rng: random.Random, practitioner_ids: list[int], today) -> None:
    """Weekday working hours for each, three busy periods a week for 30 weeks, and two
    booked visits a week with a colleague."""
    from django.db import transaction

    from tandem.core.audit import system_actor
    from tandem.records.models import Pregnancy, PregnancyStatus
    from tandem.scheduling.models import (
        BusyPeriod,
        Visit,
        VisitKind,
        VisitPractitioner,
        VisitRole,
        WorkingHours,
    )
    from tandem.scheduling.services.intervals import local_zone

    zone = local_zone()
    actor = system_actor()
    pregnancy_ids = list(
        Pregnancy.objects.filter(status=PregnancyStatus.ACTIVE).values_list("pk", flat=True)[:5000]
    )
    hours, busy, visits, attendees = [], [], [], []
    for practitioner_id in practitioner_ids:
        start = clock(8 + rng.randrange(2), 30 * rng.randrange(2))
        for weekday in range(5):
            hours.append(
                WorkingHours(
                    practitioner_id=practitioner_id,
                    weekday=weekday,
                    starts=start,
                    ends=clock(16 + rng.randrange(2), 30),
                    valid_from=today - timedelta(days=30),
                )
            )
        for week in range(30):
            monday = today + timedelta(days=7 * week - today.weekday())
            for _ in range(3):
                day = monday + timedelta(days=rng.randrange(5))
                begins = datetime.combine(day, clock(9 + rng.randrange(7)), tzinfo=zone)
                busy.append(
                    BusyPeriod(
                        practitioner_id=practitioner_id,
                        starts_at=begins,
                        ends_at=begins + timedelta(minutes=30 * rng.randrange(1, 7)),
                    )
                )
    with transaction.atomic():
        WorkingHours.objects.bulk_create(hours, batch_size=2000)
        BusyPeriod.objects.bulk_create(busy, batch_size=2000)
        for week in range(30):
            monday = today + timedelta(days=7 * week - today.weekday())
            for _practitioner in practitioner_ids[::2]:
                for _ in range(2):
                    day = monday + timedelta(days=rng.randrange(5))
                    begins = datetime.combine(day, clock(10 + rng.randrange(5)), tzinfo=zone)
                    visits.append(
                        Visit(
                            pregnancy_id=rng.choice(pregnancy_ids),
                            kind=VisitKind.JOINT_VISIT,
                            starts_at=begins,
                            ends_at=begins + timedelta(minutes=90),
                            booked_by=actor,
                        )
                    )
        Visit.objects.bulk_create(visits, batch_size=2000)
        visit_ids = list(Visit.objects.order_by("pk").values_list("pk", flat=True))
        pairs = practitioner_ids[::2]
        for index, visit_id in enumerate(visit_ids):
            mine = pairs[(index // 2) % len(pairs)]
            partner = practitioner_ids[(practitioner_ids.index(mine) + 1) % len(practitioner_ids)]
            attendees.append(
                VisitPractitioner(visit_id=visit_id, practitioner_id=mine, role=VisitRole.MIDWIFE)
            )
            attendees.append(
                VisitPractitioner(
                    visit_id=visit_id, practitioner_id=partner, role=VisitRole.HEALTH_VISITOR
                )
            )
        VisitPractitioner.objects.bulk_create(attendees, batch_size=2000)
    print(
        f"calendars: {len(practitioner_ids)} practitioners, {len(hours):,} working-hour rows, "
        f"{len(busy):,} busy periods, {len(visits):,} booked visits"
    )


def decide_referrals(count: int, area_ids: list[int], today) -> None:
    """`count` referrals decided for a joint visit, of active pregnancies in the calendar
    areas whose 20-week day falls in the next 20 weeks."""
    from django.utils import timezone

    from tandem.core.audit import system_actor
    from tandem.pathway.models import Referral, ReferralStatus, ReviewOutcome
    from tandem.records.models import Pregnancy, PregnancyStatus

    first_edd = today + timedelta(days=140 - 7)
    pregnancy_ids = list(
        Pregnancy.objects.filter(
            status=PregnancyStatus.ACTIVE,
            area_id__in=area_ids,
            edd__gte=first_edd,
            edd__lt=first_edd + timedelta(weeks=20),
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:count]
    )
    if len(pregnancy_ids) < count:
        raise SystemExit(f"only {len(pregnancy_ids)} pregnancies fit; generate more data")
    actor = system_actor()
    now = timezone.now()
    Referral.objects.bulk_create(
        Referral(
            pregnancy_id=pk,
            referred_by=actor,
            referred_at=now - timedelta(days=12),
            reason=BENCH_REASON,
            status=ReferralStatus.DECIDED,
            current_outcome=ReviewOutcome.JOINT_VISIT,
            decided_at=now - timedelta(days=5),
        )
        for pk in pregnancy_ids
    )


def main() -> None:
    args = parse_args()
    prepare_database(database=args.database, pregnancies=args.pregnancies, seed=args.seed)

    from django.db import connection
    from django.test import Client
    from django.urls import NoReverseMatch, reverse
    from django.utils import timezone

    from tandem.core.models import User
    from tandem.core.roles import Role
    from tandem.pathway.models import Referral
    from tandem.records.models import Pregnancy
    from tandem.scheduling.models import WorkingHours
    from tandem.scheduling.services.proposals import pending_referrals, propose_slots

    today = timezone.localdate()
    staff, areas = calendar_staff(args.practitioners)
    if not WorkingHours.objects.exists():
        load_calendars(random.Random(args.seed), staff, today)
    bench_referrals = Referral.objects.filter(reason=BENCH_REASON)
    if pending_referrals(bench_referrals).count() < args.referrals:
        bench_referrals.filter(visits__isnull=True).delete()
        decide_referrals(args.referrals, areas, today)
    total = Pregnancy.objects.count()

    def count_pregnancies() -> None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM records_pregnancy")
            cursor.fetchone()

    baseline = median_seconds(count_pregnancies, args.repeat)

    def propose() -> dict:
        referrals = list(
            pending_referrals(bench_referrals).select_related("pregnancy")[: args.referrals]
        )
        return propose_slots(referrals)

    found = propose()
    offered = sum(len(slots) for slots in found.values())
    queries = count_queries(connection, propose)
    seconds = median_seconds(propose, args.repeat)

    vendor = connection.vendor
    print(
        f"\n{vendor}: {total:,} pregnancies, {len(staff)} practitioners' calendars; "
        f"median of {args.repeat} runs each\n"
    )
    print(f"{'measure':<34}{'median ms':>11}{'x count(*)':>12}{'queries':>9}")
    print(f"{'SELECT count(*)':<34}{baseline * 1000:>11.2f}{1:>12.1f}{1:>9}")
    label = f"propose slots, {len(found)} referrals"
    print(f"{label:<34}{seconds * 1000:>11.2f}{seconds / baseline:>12.1f}{queries:>9}")
    print(f"  ({offered:,} slots offered; target under 1000 ms)")

    users = {
        "web:pathway-queue": User.objects.filter(role=Role.SAFEGUARDING_REVIEWER).first(),
        "web:my-calendar": User.objects.filter(
            role=Role.MIDWIFE, practitioner__pk__in=staff
        ).first(),
    }
    default_user = User.objects.filter(role=Role.TEAM_LEADER, practitioner__isnull=False).first()
    client = Client()
    for name, url_name in PAGES:
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            print(f"{name:<34}{'skipped: ' + url_name + ' does not exist yet':>40}")
            continue
        user = users.get(url_name) or default_user
        client.force_login(user)
        response = client.get(url)
        if response.status_code != 200:
            print(f"{name:<34}  skipped: {url} answered {response.status_code} for {user.role}")
            continue
        page_queries = count_queries(connection, lambda url=url: client.get(url))
        page_seconds = median_seconds(lambda url=url: client.get(url), args.repeat)
        print(
            f"{name:<34}{page_seconds * 1000:>11.2f}{page_seconds / baseline:>12.1f}"
            f"{page_queries:>9}"
        )


if __name__ == "__main__":
    main()
