"""Privacy classes of the handover app's person-level fields (see tandem.core.privacy)."""

from tandem.core.privacy import CLINICAL, DIRECT, OPERATIONAL, QUASI

FIELD_CLASSES = {
    "handover.Handover": {
        "id": DIRECT,
        "version": OPERATIONAL,
        "pregnancy": DIRECT,
        "sending_team": OPERATIONAL,
        "receiving_team": OPERATIONAL,
        "sent_by": OPERATIONAL,
        "sent_at": QUASI,
        "current_feeding": CLINICAL,
        "feeding_notes": DIRECT,  # free text
        "safeguarding_concerns": CLINICAL,
        "concerns": DIRECT,  # free text
        "snapshot": DIRECT,  # names her, her NHS number and free text
        "status": OPERATIONAL,
        "acknowledged_by": OPERATIONAL,
        "acknowledged_at": QUASI,
        "follow_up_questions": DIRECT,  # free text
        "withdrawn_by": OPERATIONAL,
        "withdrawn_at": QUASI,
        "withdrawal_reason": DIRECT,  # free text
    },
}
