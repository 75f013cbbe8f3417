"""Privacy classes of the assessments app's person-level fields (see tandem.core.privacy)."""

from tandem.core.privacy import CLINICAL, DIRECT, OPERATIONAL, QUASI

FIELD_CLASSES = {
    "assessments.VisitRecord": {
        "id": DIRECT,
        "version": OPERATIONAL,
        "visit": DIRECT,
        "status": OPERATIONAL,
        "completed_at": QUASI,
        "completed_by": OPERATIONAL,
    },
    "assessments.FamilyPlanGoal": {
        "id": DIRECT,
        "version": OPERATIONAL,
        "record": DIRECT,
        "goal": DIRECT,  # free text
        "position": OPERATIONAL,
    },
    "assessments.FamilyPlanAction": {
        "id": DIRECT,
        "version": OPERATIONAL,
        "goal": DIRECT,
        "action": DIRECT,  # free text
        "owner": CLINICAL,
        "owner_service": CLINICAL,
        "due_date": QUASI,
        "status": CLINICAL,
    },
}
