"""Portal sign-ins for tests, opened through the service as in use. Synthetic data only."""

from tandem.core.audit import system_actor
from tandem.portal.services import open_account
from tandem.records.models import Woman
from tandem.records.tests.factories import PregnancyFactory


def woman_user(woman: Woman | None = None, *, language: str = "en-gb"):
    """A woman's portal sign-in (for a new woman with one pregnancy unless given)."""
    woman = woman or PregnancyFactory().woman
    account = open_account(woman, username=f"woman-{woman.pk}", password=None, by=system_actor())
    if language != account.language:
        account.language = language
        account.save(update_fields=["language"])
    return account.user
