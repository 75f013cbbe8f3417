"""Users and the append-only audit trail."""

from django.contrib.auth.models import AbstractUser
from django.db import models

from tandem.core.roles import Permission, Role, role_has


class User(AbstractUser):
    role = models.CharField(max_length=32, choices=Role.choices, blank=True)

    def has_role_permission(self, permission: Permission) -> bool:
        return self.is_active and role_has(self.role, permission)


class AuditAction(models.TextChoices):
    VIEW = "view", "Viewed"
    SEARCH = "search", "Searched"
    CREATE = "create", "Created"
    CHANGE = "change", "Changed"
    EXPORT = "export", "Exported"
    DENIED = "denied", "Access denied"
    CONFLICT = "conflict", "Edit conflict"
    IMPORT = "import", "Imported"


class AuditEvent(models.Model):
    """One read or write touching a person's record.

    No foreign keys: the trail must outlive and never cascade from the live data. Rows are
    never updated or deleted: the model refuses it and database triggers enforce it (see
    migration 0002), so the trail stays trustworthy even against raw SQL.
    """

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor_id = models.BigIntegerField()
    actor_username = models.CharField(max_length=150)
    actor_role = models.CharField(max_length=32)
    action = models.CharField(max_length=16, choices=AuditAction.choices)
    object_type = models.CharField(max_length=64)
    object_id = models.CharField(max_length=64, blank=True)
    person_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=256, blank=True)
    path = models.CharField(max_length=512, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["actor_id", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_username} {self.action} {self.object_type}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Audit events are append-only and cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit events are append-only and cannot be deleted.")
