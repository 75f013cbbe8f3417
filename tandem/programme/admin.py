"""The programme's reference data in the admin: training courses and visit targets.

Training records themselves are kept by team leaders through Tandem's pages (audited), not
here.
"""

from django.contrib import admin

from tandem.programme.models import TrainingCourse, VisitTarget


@admin.register(TrainingCourse)
class TrainingCourseAdmin(admin.ModelAdmin):
    list_display = ("name", "counts_as_trained", "is_active")
    list_filter = ("counts_as_trained", "is_active")
    search_fields = ("name",)


@admin.register(VisitTarget)
class VisitTargetAdmin(admin.ModelAdmin):
    list_display = ("__str__", "area", "period_start", "period_end", "target_visits")
    list_filter = ("area",)
    list_select_related = ("area",)
