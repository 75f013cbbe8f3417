"""Privacy classes of the programme app's records about people (see tandem.core.privacy).

A training record is about a member of staff, not a family: every field is operational.
"""

from tandem.core.privacy import OPERATIONAL

FIELD_CLASSES = {
    "programme.TrainingRecord": {
        "id": OPERATIONAL,
        "practitioner": OPERATIONAL,
        "course": OPERATIONAL,
        "completed_on": OPERATIONAL,
        "recorded_by": OPERATIONAL,
        "recorded_at": OPERATIONAL,
    },
}
