"""Roles and the permissions each one carries.

Roles are what a person does; permissions are what the software lets them do. Which
records a permission reaches (caseload, team, area, referral) is decided in
`tandem.access`.
"""

from enum import StrEnum

from django.db import models


class Role(models.TextChoices):
    MIDWIFE = "midwife", "Midwife"
    HEALTH_VISITOR = "health_visitor", "Health visitor"
    SAFEGUARDING_REVIEWER = "safeguarding_reviewer", "Safeguarding reviewer"
    TEAM_LEADER = "team_leader", "Team leader"
    ADMINISTRATOR = "administrator", "Administrator"
    ANALYST = "analyst", "LMNS analyst"
    SYSTEM_ADMIN = "system_admin", "System administrator"
    WOMAN = "woman", "Woman (her own portal)"


class Permission(StrEnum):
    VIEW_PERSON_RECORDS = "view_person_records"
    EDIT_PERSON_RECORDS = "edit_person_records"
    BOOK_PREGNANCY = "book_pregnancy"
    RECORD_CONTACT = "record_contact"
    VIEW_AGGREGATES = "view_aggregates"
    VIEW_DATA_QUALITY = "view_data_quality"
    MANAGE_REFERENCE_DATA = "manage_reference_data"
    # The Enhanced Maternity Pathway
    REFER_TO_PATHWAY = "refer_to_pathway"
    REVIEW_REFERRALS = "review_referrals"
    BOOK_VISITS = "book_visits"
    RECORD_VISITS = "record_visits"
    KEEP_OWN_CALENDAR = "keep_own_calendar"
    GIVE_FEEDBACK = "give_feedback"
    VIEW_PROGRAMME = "view_programme"
    MANAGE_TRAINING = "manage_training"
    # Her personalised care and support plan: read, write sections, print.
    KEEP_CARE_PLANS = "keep_care_plans"
    # The postnatal handover to health visiting
    SEND_HANDOVER = "send_handover"
    ACKNOWLEDGE_HANDOVER = "acknowledge_handover"
    # The woman's own portal: her record and plan only, never anyone else's.
    VIEW_OWN_RECORD = "view_own_record"
    # Continuity of carer: continuity teams and naming a woman's midwife and buddy
    ASSIGN_CARERS = "assign_carers"


ROLE_DESCRIPTIONS: dict[str, str] = {
    Role.MIDWIFE: "Cares for women in her caseload, team and areas: books pregnancies, "
    "records contacts and refers families to the enhanced pathway.",
    Role.HEALTH_VISITOR: "Sees families in her team's areas for antenatal contacts and "
    "the postnatal handover.",
    Role.SAFEGUARDING_REVIEWER: "Reviews families referred to the enhanced pathway in her "
    "areas and decides what support they get.",
    Role.TEAM_LEADER: "Leads a team: sees its women and their care, and its figures.",
    Role.ADMINISTRATOR: "Enters data and books visits on behalf of practitioners in her areas.",
    Role.ANALYST: "Sees aggregate figures only, never a person's identifiers.",
    Role.SYSTEM_ADMIN: "Manages users, organisations, areas, teams and reference data; sees "
    "no person's record.",
    Role.WOMAN: "A pregnant woman using her own portal: sees her own plan, carers and "
    "appointments, writes her own sections; no staff page.",
}

_CLINICAL = {
    Permission.VIEW_PERSON_RECORDS,
    Permission.EDIT_PERSON_RECORDS,
    Permission.BOOK_PREGNANCY,
    Permission.RECORD_CONTACT,
    Permission.KEEP_CARE_PLANS,
}

_VISITING = {
    Permission.BOOK_VISITS,
    Permission.RECORD_VISITS,
    Permission.KEEP_OWN_CALENDAR,
    Permission.GIVE_FEEDBACK,
}

ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    Role.MIDWIFE: frozenset(
        _CLINICAL
        | _VISITING
        | {Permission.REFER_TO_PATHWAY, Permission.SEND_HANDOVER, Permission.ASSIGN_CARERS}
    ),
    Role.HEALTH_VISITOR: frozenset(
        {
            Permission.VIEW_PERSON_RECORDS,
            Permission.EDIT_PERSON_RECORDS,
            Permission.RECORD_CONTACT,
            Permission.ACKNOWLEDGE_HANDOVER,
        }
        | _VISITING
    ),
    Role.SAFEGUARDING_REVIEWER: frozenset(
        {Permission.VIEW_PERSON_RECORDS, Permission.REVIEW_REFERRALS}
    ),
    Role.TEAM_LEADER: frozenset(
        _CLINICAL
        | _VISITING
        | {
            Permission.REFER_TO_PATHWAY,
            Permission.VIEW_AGGREGATES,
            Permission.VIEW_DATA_QUALITY,
            Permission.VIEW_PROGRAMME,
            Permission.MANAGE_TRAINING,
            Permission.SEND_HANDOVER,
            Permission.ASSIGN_CARERS,
        }
    ),
    Role.ADMINISTRATOR: frozenset(
        _CLINICAL | {Permission.REFER_TO_PATHWAY, Permission.BOOK_VISITS, Permission.GIVE_FEEDBACK}
    ),
    Role.ANALYST: frozenset(
        {Permission.VIEW_AGGREGATES, Permission.VIEW_DATA_QUALITY, Permission.VIEW_PROGRAMME}
    ),
    Role.SYSTEM_ADMIN: frozenset({Permission.MANAGE_REFERENCE_DATA}),
    Role.WOMAN: frozenset({Permission.VIEW_OWN_RECORD}),
}


def role_has(role: str, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS.get(role, frozenset())
