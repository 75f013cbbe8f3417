"""For the PostgreSQL tests where two sessions race on one birth."""

import threading
import time

from django.db import connection

from tandem.outcomes import services


def until_waiting_on_a_lock(other: threading.Thread) -> None:
    """Returns once another session of this database waits on a lock, or the other thread
    has finished (which a test's assertions then show), or after 15 seconds."""
    deadline = time.monotonic() + 15
    while other.is_alive() and time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE wait_event_type = 'Lock' AND datname = current_database()"
            )
            if cursor.fetchone()[0]:
                return
        time.sleep(0.05)


class BirthEditPause:
    """Holds a birth edit once it has saved a baby (so it holds the birth's locks) until
    `carry_on` is set; `saved_a_baby` is set when it gets there."""

    def __init__(self, monkeypatch):
        self.saved_a_baby, self.carry_on = threading.Event(), threading.Event()
        apply_edit = services._apply_edit

        def applying_then_waiting_after_a_baby(record, *args, **kwargs):
            apply_edit(record, *args, **kwargs)
            if kwargs["object_type"] == "baby":
                self.saved_a_baby.set()
                self.carry_on.wait(timeout=30)

        monkeypatch.setattr(services, "_apply_edit", applying_then_waiting_after_a_baby)
