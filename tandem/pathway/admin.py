"""The pathway's reference data in the admin: eligibility criteria and the review target.

Screens, referrals and decisions are person-level and stay out of the admin."""

from django.contrib import admin

from tandem.pathway.models import EligibilityCriterion, ReviewTarget


@admin.register(EligibilityCriterion)
class EligibilityCriterionAdmin(admin.ModelAdmin):
    list_display = ("label", "code", "display_order", "is_active")
    list_filter = ("is_active",)
    list_editable = ("display_order", "is_active")
    search_fields = ("label", "code")

    def get_readonly_fields(self, request, obj=None):
        # The code names the criterion in answers already given and in measures.
        return ("code",) if obj is not None else ()

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # retire it instead: answers already given refer to it


@admin.register(ReviewTarget)
class ReviewTargetAdmin(admin.ModelAdmin):
    list_display = ("__str__", "changed_at")

    def has_add_permission(self, request) -> bool:
        return not ReviewTarget.objects.exists()  # one target for the LMNS

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
