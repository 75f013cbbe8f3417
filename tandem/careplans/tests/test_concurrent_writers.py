"""Two people saving the same section from the same version at the same moment: exactly one
wins, the other is told of the conflict, and no version is lost or duplicated.

Every test here commits for real (transaction=True) so that two threads can race.
"""

import threading

import pytest
from django.db import connection

from tandem.careplans import services
from tandem.careplans.models import CarePlan, PlanSection, SectionVersion
from tandem.core.concurrency import EditConflictError

pytestmark = pytest.mark.django_db(transaction=True)


def _race(actions) -> dict[int, str]:
    ready = threading.Barrier(len(actions))
    outcomes: dict[int, str] = {}

    def run(index: int) -> None:
        try:
            ready.wait(timeout=10)
            actions[index]()
            outcomes[index] = "saved"
        except EditConflictError:
            outcomes[index] = "conflict"
        except Exception as error:  # any other failure is shown by the assertion
            outcomes[index] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(actions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def test_concurrent_first_versions_of_one_section_let_exactly_one_win(personas):
    plan = services.plan_for(personas.pregnancy, by=personas.midwife)
    writers = [personas.midwife, personas.team_leader]

    def write(index: int):
        def act():
            mine = CarePlan.objects.select_related("pregnancy").get(pk=plan.pk)
            services.record_section(
                mine,
                PlanSection.BIRTH_COMPANIONS,
                {"companions": f"Written by writer {index}"},
                by=writers[index],
                based_on=None,
            )

        return act

    result = _race([write(0), write(1)])

    assert sorted(result.values()) == ["conflict", "saved"], result
    winner = next(index for index, outcome in result.items() if outcome == "saved")
    saved = SectionVersion.objects.get(plan=plan)
    assert saved.number == 1
    assert saved.content["companions"] == f"Written by writer {winner}"
