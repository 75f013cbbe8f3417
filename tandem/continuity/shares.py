"""How much of one woman's care came from her named midwife and from her team, by stage.

A contact counts when it was attended. It counts for her named midwife when the midwife
named for her on the day of the contact was one of its practitioners, and for her team when
any practitioner was then a member of the continuity team she was assigned to (her named
midwife included). Contacts before she had carers, or with another team, count in the total
and not for either: that is continuity she did not get.

- antenatal: booking, antenatal and joint visits, and telephone or video contacts before
  the birth;
- postnatal: postnatal contacts, and telephone or video contacts on or after the birth;
- intrapartum: not recorded. Tandem's birth record (tandem.outcomes) does not name who
  attended the labour, so there is no source; the share is shown as "not recorded" rather
  than guessed.

The health visitor's antenatal contact is not a midwifery contact and is left out.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from tandem.continuity.models import CarerAssignment, TeamMembership
from tandem.records.models import ContactOutcome, ContactType, Pregnancy, PregnancyStatus

ANTENATAL, INTRAPARTUM, POSTNATAL = "antenatal", "intrapartum", "postnatal"
STAGES = (ANTENATAL, INTRAPARTUM, POSTNATAL)
_ANTENATAL_TYPES = {ContactType.BOOKING, ContactType.ANTENATAL, ContactType.JOINT_VISIT}


@dataclass(frozen=True)
class StageShare:
    stage: str
    recorded: bool  # False when Tandem holds no source for this stage
    contacts: int = 0
    by_named_midwife: int = 0
    by_team: int = 0

    def share(self, count: int) -> float | None:
        return count / self.contacts if self.recorded and self.contacts else None


def _birth_day(pregnancy: Pregnancy) -> date | None:
    labour = getattr(pregnancy, "labour_delivery", None)
    if labour is not None and labour.birth_date:
        return labour.birth_date
    return pregnancy.ended_on if pregnancy.status == PregnancyStatus.DELIVERED else None


def _stage(contact_type: str, day: date, birth_day: date | None) -> str | None:
    if contact_type in _ANTENATAL_TYPES:
        return ANTENATAL
    if contact_type == ContactType.POSTNATAL:
        return POSTNATAL
    if contact_type == ContactType.TELEPHONE:
        return POSTNATAL if birth_day is not None and day >= birth_day else ANTENATAL
    return None


def _assignment_on(assignments: list[CarerAssignment], day: date) -> CarerAssignment | None:
    for assignment in assignments:
        if assignment.starts_on <= day and (assignment.ends_on is None or day < assignment.ends_on):
            return assignment
    return None


def _members_on(memberships: list[TeamMembership], team_id: int, day: date) -> set[int]:
    return {
        membership.midwife_id
        for membership in memberships
        if membership.continuity_team_id == team_id
        and membership.joined_on <= day
        and (membership.left_on is None or day < membership.left_on)
    }


def continuity_shares(pregnancy: Pregnancy) -> list[StageShare]:
    """Antenatal, intrapartum and postnatal shares, in that order."""
    assignments = list(CarerAssignment.objects.filter(pregnancy=pregnancy))
    memberships = list(
        TeamMembership.objects.filter(
            continuity_team__in={assignment.continuity_team_id for assignment in assignments}
        )
    )
    birth_day = _birth_day(pregnancy)
    tallies = {stage: [0, 0, 0] for stage in (ANTENATAL, POSTNATAL)}
    contacts = pregnancy.contacts.filter(outcome=ContactOutcome.ATTENDED).prefetch_related(
        "practitioners"
    )
    for contact in contacts:
        day = timezone.localdate(contact.starts_at)
        stage = _stage(contact.contact_type, day, birth_day)
        if stage is None:
            continue
        tally = tallies[stage]
        tally[0] += 1
        assignment = _assignment_on(assignments, day)
        if assignment is None:
            continue
        seen_by = {practitioner.pk for practitioner in contact.practitioners.all()}
        if assignment.named_midwife_id in seen_by:
            tally[1] += 1
        team = _members_on(memberships, assignment.continuity_team_id, day)
        if seen_by & (team | {assignment.named_midwife_id}):
            tally[2] += 1
    return [
        StageShare(ANTENATAL, True, *tallies[ANTENATAL]),
        StageShare(INTRAPARTUM, False),
        StageShare(POSTNATAL, True, *tallies[POSTNATAL]),
    ]
