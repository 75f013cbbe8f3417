"""A woman's own sign-in to her portal, and the language she reads it in."""

from django.conf import settings
from django.db import models


class WomanAccount(models.Model):
    """Links one user account to one woman's record.

    The user's role is Role.WOMAN, which carries no staff permission: everything she may
    open is decided by the portal rules in tandem.access, from this link alone.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="woman_account"
    )
    woman = models.OneToOneField(
        "records.Woman", on_delete=models.PROTECT, related_name="portal_account"
    )
    # One of settings.LANGUAGES; the portal is shown and her plan printed in it.
    language = models.CharField(max_length=8, default="en-gb")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "woman's portal account"

    def __str__(self) -> str:
        return f"Portal account of {self.woman}"
