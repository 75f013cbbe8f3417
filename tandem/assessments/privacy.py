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
        "parents_priorities": DIRECT,  # free text
        "baby_voice": DIRECT,  # free text
        "matrix_summary": DIRECT,  # free text
    },
    "assessments.TriangleEntry": {
        "id": DIRECT,
        "record": DIRECT,
        "domain": CLINICAL,
        "strengths": DIRECT,  # free text
        "concerns": DIRECT,  # free text
    },
    "assessments.MatrixFactor": {
        "id": DIRECT,
        "record": DIRECT,
        "quadrant": CLINICAL,
        "factor": DIRECT,  # free text
        "position": OPERATIONAL,
    },
    "assessments.VisitRecordVersion": {
        "id": DIRECT,
        "record": DIRECT,
        "number": OPERATIONAL,
        "kind": OPERATIONAL,
        "reason": DIRECT,  # free text
        "content": DIRECT,  # the whole record as it read
        "made_by": OPERATIONAL,
        "made_at": QUASI,
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
    "assessments.AttendanceRecord": {
        "id": DIRECT,
        "visit": DIRECT,
        "outcome": CLINICAL,
        "recorded_by": OPERATIONAL,
        "recorded_at": QUASI,
    },
    "assessments.VisitFeedback": {
        "id": DIRECT,
        "visit": DIRECT,
        "respondent": OPERATIONAL,
        "rating": CLINICAL,
        "comments": DIRECT,  # free text
        "entered_by": OPERATIONAL,
        "entered_at": QUASI,
    },
}
