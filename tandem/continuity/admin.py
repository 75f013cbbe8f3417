"""Continuity teams and their members in the admin, to read only: a team is set up, and
midwives join or leave it, through tandem.continuity.services (which keep a team at four to
six midwives and refuse to leave a woman without her midwife), never by editing rows here."""

from django.contrib import admin

from tandem.continuity.models import ContinuityTeam, TeamMembership


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class MembershipInline(admin.TabularInline):
    model = TeamMembership
    fields = ("midwife", "joined_on", "left_on")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ContinuityTeam)
class ContinuityTeamAdmin(ReadOnlyAdmin):
    list_display = ("team", "obstetrician", "caseload_limit")
    list_select_related = ("team", "obstetrician")
    inlines = [MembershipInline]


@admin.register(TeamMembership)
class TeamMembershipAdmin(ReadOnlyAdmin):
    list_display = ("midwife", "continuity_team", "joined_on", "left_on")
    list_select_related = ("midwife", "continuity_team__team")
