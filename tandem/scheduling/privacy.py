"""Privacy classes of the scheduling app's person-level fields (see tandem.core.privacy).

Working hours, busy periods and calendar feeds are about staff, never about a family, so they
are reference data (in the admin), not person-level.
"""

from tandem.core.privacy import CLINICAL, DIRECT, OPERATIONAL, QUASI

FIELD_CLASSES = {
    "scheduling.Visit": {
        "id": DIRECT,
        "version": OPERATIONAL,
        "pregnancy": DIRECT,
        "referral": DIRECT,
        "kind": CLINICAL,
        "starts_at": QUASI,
        "ends_at": QUASI,
        "status": CLINICAL,
        "booked_by": OPERATIONAL,
        "booked_at": OPERATIONAL,
        "outside_window_reason": DIRECT,  # free text
    },
    "scheduling.VisitPractitioner": {
        "id": OPERATIONAL,
        "visit": DIRECT,
        "practitioner": OPERATIONAL,
        "role": OPERATIONAL,
    },
    "scheduling.SlotReservation": {
        "id": OPERATIONAL,
        "practitioner": OPERATIONAL,
        "slot_start": QUASI,
        "visit": DIRECT,
    },
    "scheduling.VisitChange": {
        "id": OPERATIONAL,
        "visit": DIRECT,
        "kind": CLINICAL,
        "by": OPERATIONAL,
        "at": OPERATIONAL,
        "reason": DIRECT,  # free text
        "starts_at": QUASI,
        "previous_starts_at": QUASI,
        "outside_window_reason": DIRECT,  # free text
    },
}
