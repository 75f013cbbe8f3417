"""The measures' reference data in the admin: recorded process changes (where an SPC chart
starts new limits) and each provider's expected deliveries (the HES baseline)."""

from django import forms
from django.contrib import admin

from tandem.measures.definitions import all_measures
from tandem.measures.models import ExpectedDeliveries, ProcessChange


class ProcessChangeForm(forms.ModelForm):
    # A choice of the measures that exist, so a mistyped id cannot rebase nothing.
    measure_id = forms.ChoiceField(label="Measure", choices=())

    class Meta:
        model = ProcessChange
        fields = ("measure_id", "changed_on", "description")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure_id"].choices = [
            (measure.id, measure.title) for measure in all_measures().values()
        ]

    def clean_changed_on(self):
        changed_on = self.cleaned_data["changed_on"]
        if changed_on.day != 1:
            raise forms.ValidationError(
                "Enter the first day of the month: charts start new limits from a whole month"
            )
        return changed_on


@admin.register(ProcessChange)
class ProcessChangeAdmin(admin.ModelAdmin):
    form = ProcessChangeForm
    list_display = ("measure_id", "changed_on", "description", "recorded_by", "recorded_at")
    list_filter = ("measure_id",)
    list_select_related = ("recorded_by",)
    search_fields = ("measure_id", "description")

    def save_model(self, request, obj, form, change):
        obj.recorded_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(ExpectedDeliveries)
class ExpectedDeliveriesAdmin(admin.ModelAdmin):
    list_display = ("provider", "year", "deliveries")
    list_filter = ("provider",)
    list_select_related = ("provider",)
