"""Practitioners' calendars in the admin, for system administrators: working hours and busy
periods hold no patient data. A calendar feed can be revoked here (its secret is never shown).
Visits and their changes are person-level and stay out (tandem/web/tests/test_admin.py)."""

from django.contrib import admin

from tandem.scheduling.models import BusyPeriod, CalendarFeed, WorkingHours


@admin.register(WorkingHours)
class WorkingHoursAdmin(admin.ModelAdmin):
    list_display = ("practitioner", "weekday", "starts", "ends", "valid_from", "valid_to")
    list_filter = ("weekday",)
    list_select_related = ("practitioner",)
    search_fields = ("practitioner__family_name", "practitioner__given_name")
    autocomplete_fields = ("practitioner",)


@admin.register(BusyPeriod)
class BusyPeriodAdmin(admin.ModelAdmin):
    list_display = ("practitioner", "starts_at", "ends_at", "source")
    list_filter = ("source",)
    list_select_related = ("practitioner",)
    search_fields = ("practitioner__family_name", "practitioner__given_name")
    autocomplete_fields = ("practitioner",)


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    """Revoking (deleting) a feed stops its URL working at once."""

    list_display = ("practitioner", "created_at")
    list_select_related = ("practitioner",)
    fields = ("practitioner", "created_at")
    readonly_fields = ("practitioner", "created_at")
    search_fields = ("practitioner__family_name", "practitioner__given_name")

    def has_add_permission(self, request):
        return False
