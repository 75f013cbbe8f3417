"""Demo sign-ins, one per role, all in Stockport; and accounts for referring midwives.

Every demo sign-in shares DEMO_PASSWORD, hashed once. The demo midwife, team leader and
health visitor work in Adswood (a pilot area), the safeguarding reviewer and administrator
across Stockport. The analyst, the system administrator and the demo woman are not
practitioners: the woman's own portal sign-in is linked to her record in tandem.demo.portal.

Practitioners who work the Enhanced Maternity Pathway where it is live (midwives and health
visitors of live areas, the safeguarding reviewers and administrators of a provider with a
live area) screen, refer, review, book and record, and each of those rows names a user, so
they get an account too; it has an unusable password (nobody signs in as them) and costs
no password hashing.
"""

import re
from dataclasses import dataclass
from datetime import datetime, time

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX, make_password

from tandem.core.models import User
from tandem.core.roles import Role
from tandem.demo.contacts import LONDON
from tandem.demo.lmns import PILOT_LIVE_FROM, STOCKPORT
from tandem.demo.organisations import ProviderStaff
from tandem.records.models import Practitioner

# Public on purpose: it only ever opens synthetic data.
DEMO_PASSWORD = "synthetic-demo-only"  # noqa: S105
DEMO_AREA = "Adswood"
DEMO_USERNAMES: dict[str, str] = {
    Role.MIDWIFE: "midwife",
    Role.HEALTH_VISITOR: "health.visitor",
    Role.SAFEGUARDING_REVIEWER: "safeguarding.reviewer",
    Role.TEAM_LEADER: "team.leader",
    Role.ADMINISTRATOR: "administrator",
    Role.ANALYST: "analyst",
    Role.SYSTEM_ADMIN: "system.admin",
    # Her own portal sign-in, linked to one of the demo midwife's women (tandem.demo.portal).
    Role.WOMAN: "woman",
}
NO_SIGN_IN_PASSWORD = f"{UNUSABLE_PASSWORD_PREFIX}synthetic-demo-referrer"
JOINED = datetime.combine(PILOT_LIVE_FROM, time(9), tzinfo=LONDON)


@dataclass(frozen=True)
class DemoAccounts:
    user_of_practitioner: dict[int, int]  # practitioner id -> user id
    demo_midwife: int  # practitioner ids
    demo_health_visitor: int
    demo_reviewer: int


def demo_practitioners(stockport: ProviderStaff) -> dict[str, int]:
    """Which Stockport practitioner each practitioner role signs in as."""
    adswood = stockport.areas[DEMO_AREA]
    return {
        Role.MIDWIFE: adswood.midwives[0],
        Role.TEAM_LEADER: adswood.midwives[1],
        Role.HEALTH_VISITOR: adswood.health_visitors[0],
        Role.SAFEGUARDING_REVIEWER: stockport.safeguarding[0],
        Role.ADMINISTRATOR: stockport.administrators[0],
    }


def create_accounts(providers: list[ProviderStaff]) -> DemoAccounts:
    stockport = next(staff for staff in providers if staff.spec is STOCKPORT)
    existing = set(User.objects.values_list("username", flat=True))
    taken = existing & set(DEMO_USERNAMES.values())
    if taken:
        raise ValueError(f"Demo user names already in use: {', '.join(sorted(taken))}")
    demo_hash = make_password(DEMO_PASSWORD)
    linked = demo_practitioners(stockport)
    users: list[tuple[User, int | None]] = []
    for role, username in DEMO_USERNAMES.items():
        practitioner = stockport.practitioners.get(linked[role]) if role in linked else None
        users.append(
            (
                User(
                    username=username,
                    role=role,
                    password=demo_hash,
                    first_name=practitioner.given_name if practitioner else "Demo",
                    last_name=practitioner.family_name if practitioner else _title(role),
                    is_staff=role == Role.SYSTEM_ADMIN,
                    date_joined=JOINED,
                ),
                practitioner.pk if practitioner else None,
            )
        )
    usernames = existing | set(DEMO_USERNAMES.values())
    for staff in providers:
        for practitioner_id, role in _pathway_workers(staff):
            if practitioner_id in linked.values():
                continue
            practitioner = staff.practitioners[practitioner_id]
            username = _unique(f"{practitioner.given_name}.{practitioner.family_name}", usernames)
            users.append(
                (
                    User(
                        username=username,
                        role=role,
                        password=NO_SIGN_IN_PASSWORD,
                        first_name=practitioner.given_name,
                        last_name=practitioner.family_name,
                        date_joined=JOINED,
                    ),
                    practitioner_id,
                )
            )
    created = User.objects.bulk_create([user for user, _ in users])
    user_of_practitioner = {
        practitioner_id: user.pk
        for user, (_, practitioner_id) in zip(created, users, strict=True)
        if practitioner_id is not None
    }
    practitioners = {
        pk: practitioner for staff in providers for pk, practitioner in staff.practitioners.items()
    }
    linked_practitioners = []
    for practitioner_id, user_id in user_of_practitioner.items():
        practitioner = practitioners[practitioner_id]
        practitioner.user_id = user_id
        linked_practitioners.append(practitioner)
    Practitioner.objects.bulk_update(linked_practitioners, ["user"])
    return DemoAccounts(
        user_of_practitioner=user_of_practitioner,
        demo_midwife=linked[Role.MIDWIFE],
        demo_health_visitor=linked[Role.HEALTH_VISITOR],
        demo_reviewer=linked[Role.SAFEGUARDING_REVIEWER],
    )


def _pathway_workers(staff: ProviderStaff) -> list[tuple[int, str]]:
    """The provider's practitioners who work the pathway where it is live, with the role
    their account has, in a fixed order."""
    live = [area for area in staff.areas.values() if area.live_from is not None]
    if not live:
        return []
    midwives = sorted({m for area in live for m in area.midwives + area.continuity_midwives})
    visitors = sorted({v for area in live for v in area.health_visitors})
    return (
        [(pk, Role.MIDWIFE) for pk in midwives]
        + [(pk, Role.HEALTH_VISITOR) for pk in visitors]
        + [(pk, Role.SAFEGUARDING_REVIEWER) for pk in staff.safeguarding]
        + [(pk, Role.ADMINISTRATOR) for pk in staff.administrators]
    )


def _unique(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9.]", "", name.lower())
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}{number}"
    taken.add(candidate)
    return candidate


def _title(role: str) -> str:
    return Role(role).label
