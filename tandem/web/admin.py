"""Users in Django's admin, with their Tandem role (until the core app registers its own)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from tandem.core.models import User


class TandemUserAdmin(UserAdmin):
    list_display = ("username", "first_name", "last_name", "role", "is_active", "is_staff")
    list_filter = ("role", "is_active", "is_staff")
    fieldsets = (
        *UserAdmin.fieldsets,
        ("Tandem", {"fields": ("role",)}),
    )
    add_fieldsets = (
        *UserAdmin.add_fieldsets,
        ("Tandem", {"fields": ("role",)}),
    )


if not admin.site.is_registered(User):
    admin.site.register(User, TandemUserAdmin)
