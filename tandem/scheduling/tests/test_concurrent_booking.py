"""Two bookings submitted at the same moment for the same practitioners: exactly one wins.

The tests commit for real (transaction=True) so two threads race on real transactions,
on SQLite (file database, IMMEDIATE transactions) and PostgreSQL alike.
"""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from tandem.records.tests.factories import PregnancyFactory
from tandem.records.tests.personas import build_personas
from tandem.scheduling.models import SlotReservation, Visit
from tandem.scheduling.services.booking import book_visit
from tandem.scheduling.services.intervals import local_date, to_minutes
from tandem.scheduling.tests.factories import at, decided_referral, edd_for, works_every_day

pytestmark = pytest.mark.django_db(transaction=True)


def test_concurrent_bookings_of_the_same_practitioners_let_exactly_one_win():
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("needs a file SQLite test database to honour the busy timeout")
    personas = build_personas()
    midwife = personas.midwife.practitioner
    health_visitor = personas.health_visitor.practitioner
    works_every_day(midwife)
    works_every_day(health_visitor)
    day = local_date(to_minutes(timezone.now())) + timedelta(days=3)
    referrals = [
        decided_referral(
            PregnancyFactory(
                provider=personas.provider, area=personas.adswood, edd=edd_for(day, 22, 0)
            ),
            by=personas.reviewer,
        )
        for _ in range(2)
    ]
    bookers = [personas.administrator, personas.midwife]
    ready = threading.Barrier(2)
    outcomes: dict[int, str] = {}

    def book(index: int) -> None:
        try:
            ready.wait(timeout=10)
            book_visit(
                by=bookers[index],
                referral=referrals[index],
                # Overlapping, not identical: 10:00-11:30 and 10:45-12:15.
                starts_at=at(day, 10, 45 * index),
                midwife=midwife,
                health_visitor=health_visitor,
            )
            outcomes[index] = "booked"
        except ValidationError as error:
            outcomes[index] = " ".join(error.messages)
        except Exception as error:  # any other failure is shown by the assertion below
            outcomes[index] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=(index,)) for index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert list(outcomes.values()).count("booked") == 1, outcomes
    refused = [text for text in outcomes.values() if text != "booked"]
    assert len(refused) == 1, outcomes
    assert "no longer free" in refused[0] or "is not free at that time" in refused[0], outcomes
    assert Visit.objects.count() == 1
    assert SlotReservation.objects.count() == 12


def test_reservation_constraint_refuses_a_second_hold_of_the_same_slot():
    """The database itself refuses the clash, whatever the service checked before."""
    personas = build_personas()
    midwife = personas.midwife.practitioner
    health_visitor = personas.health_visitor.practitioner
    works_every_day(midwife)
    works_every_day(health_visitor)
    day = local_date(to_minutes(timezone.now())) + timedelta(days=3)
    first = book_visit(
        by=personas.administrator,
        referral=decided_referral(
            PregnancyFactory(
                provider=personas.provider, area=personas.adswood, edd=edd_for(day, 22, 0)
            ),
            by=personas.reviewer,
        ),
        starts_at=at(day, 10),
        midwife=midwife,
        health_visitor=health_visitor,
    )
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        SlotReservation.objects.create(
            practitioner=midwife, slot_start=at(day, 10, 15), visit=first
        )
