"""Privacy classes of the pathway app's person-level fields (see tandem.core.privacy).

The referral itself is classified in tandem.core.privacy with the records models. Free text
(details, rationales, questions, answers) can name anyone, so it is a direct identifier.
"""

from tandem.core.privacy import CLINICAL, DIRECT, OPERATIONAL, QUASI

FIELD_CLASSES = {
    "pathway.Screen": {
        "id": DIRECT,
        "pregnancy": DIRECT,
        "screened_by": OPERATIONAL,
        "screened_at": QUASI,
        "outcome": CLINICAL,
        "referral": DIRECT,
    },
    "pathway.ScreenAnswer": {
        "id": DIRECT,
        "screen": DIRECT,
        "criterion": CLINICAL,
        "met": CLINICAL,
        "detail": DIRECT,
    },
    "pathway.Decision": {
        "id": DIRECT,
        "referral": DIRECT,
        "outcome": CLINICAL,
        "rationale": DIRECT,
        "decided_by": OPERATIONAL,
        "decided_at": QUASI,
        "revises": DIRECT,
        "question": DIRECT,
    },
    "pathway.Answer": {
        "id": DIRECT,
        "decision": DIRECT,
        "text": DIRECT,
        "answered_by": OPERATIONAL,
        "answered_at": QUASI,
    },
    "pathway.ReferralEvent": {
        "id": DIRECT,
        "referral": DIRECT,
        "kind": CLINICAL,
        "at": QUASI,
        "by": OPERATIONAL,
        "status_after": CLINICAL,
        "note": DIRECT,
    },
}
