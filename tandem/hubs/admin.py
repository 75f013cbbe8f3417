"""The community hubs directory in the admin: hubs and their services, kept by system
administrators. Referrals, wellbeing checks and red-flag tasks are person-level and stay out."""

from django.contrib import admin

from tandem.hubs.models import Hub, Service


class ServiceInline(admin.TabularInline):
    model = Service
    extra = 0
    fields = ("name", "category", "contact_route", "response_days", "is_active")
    show_change_link = True


@admin.register(Hub)
class HubAdmin(admin.ModelAdmin):
    list_display = ("name", "is_active")
    list_filter = ("is_active", "areas")
    search_fields = ("name",)
    filter_horizontal = ("areas",)
    inlines = [ServiceInline]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # retire it instead: referrals already made name its services


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ("name", "hub", "category", "contact_route", "response_days", "is_active")
    list_filter = ("category", "contact_route", "is_active", "hub", "areas")
    search_fields = ("name", "hub__name", "referral_criteria")
    filter_horizontal = ("areas",)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # retire it instead: referrals already made name it
