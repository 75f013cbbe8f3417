"""Privacy classes of the care plan's fields (see tandem.core.privacy)."""

from tandem.core.privacy import CLINICAL, DIRECT, OPERATIONAL, QUASI

FIELD_CLASSES = {
    "careplans.CarePlan": {
        "id": DIRECT,
        "pregnancy": DIRECT,
        "created_at": QUASI,
    },
    "careplans.SectionVersion": {
        "id": DIRECT,
        "plan": DIRECT,
        "section": CLINICAL,
        "number": OPERATIONAL,
        # Free text in her own words and her clinicians': may hold anything, names included.
        "content": DIRECT,
        "author": OPERATIONAL,
        "written_by": OPERATIONAL,
        "created_at": QUASI,
    },
}
