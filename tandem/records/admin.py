"""Reference data in Django's admin: organisations, areas, teams, practitioners and lookups.

Person-level records (women, pregnancies, contacts, referrals, outcomes) are deliberately
not here: they are read and changed only through Tandem's pages and services, which check
access and write the audit trail (tandem/web/tests/test_admin.py keeps it so).
"""

from django.contrib import admin

from tandem.records.models import Area, AreaLsoa, Lsoa, Organisation, Postcode, Practitioner, Team


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "ods_code", "kind", "lad_code")
    list_filter = ("kind",)
    search_fields = ("name", "ods_code")


class AreaLsoaInline(admin.TabularInline):
    model = AreaLsoa
    extra = 1


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ("name", "organisation", "pathway_live_from")
    list_filter = ("organisation",)
    list_select_related = ("organisation",)
    search_fields = ("name", "lsoas__lsoa_code")
    inlines = [AreaLsoaInline]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name", "organisation", "kind")
    list_filter = ("kind", "organisation")
    list_select_related = ("organisation",)
    search_fields = ("name",)
    filter_horizontal = ("areas",)


@admin.register(Practitioner)
class PractitionerAdmin(admin.ModelAdmin):
    list_display = ("family_name", "given_name", "profession", "organisation", "is_active")
    list_filter = ("profession", "organisation", "is_active")
    list_select_related = ("organisation",)
    search_fields = ("family_name", "given_name", "user__username")
    filter_horizontal = ("teams", "areas")
    raw_id_fields = ("user",)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Vendored public lookups: loaded by migration from reference_data/, never edited here."""

    show_full_result_count = False

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Lsoa)
class LsoaAdmin(ReadOnlyAdmin):
    list_display = ("code", "name", "lad_name", "imd_decile", "imd_rank")
    list_filter = ("imd_decile",)
    search_fields = ("code", "name", "lad_name")


@admin.register(Postcode)
class PostcodeAdmin(ReadOnlyAdmin):
    list_display = ("postcode", "lsoa11_code", "lsoa21_code", "lad_code")
    search_fields = ("postcode", "lsoa11_code")
