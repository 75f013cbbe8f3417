"""Privacy classes of the continuity app's records about people (see tandem.core.privacy).

A carer assignment says who looks after a woman and from when: the key leads to her record,
the dates are events in her care, the reasons are free text.
"""

from tandem.core.privacy import DIRECT, OPERATIONAL, QUASI

FIELD_CLASSES = {
    "continuity.CarerAssignment": {
        "id": DIRECT,
        "pregnancy": DIRECT,
        "continuity_team": OPERATIONAL,
        "named_midwife": OPERATIONAL,
        "buddy": OPERATIONAL,
        "starts_on": QUASI,
        "ends_on": QUASI,
        "reason": DIRECT,
        "assigned_by": OPERATIONAL,
        "over_limit_confirmed": OPERATIONAL,
        "ended_by": OPERATIONAL,
        "end_reason": DIRECT,
        "created_at": OPERATIONAL,
    },
}
