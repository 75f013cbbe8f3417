"""Privacy classes of the hubs app's person-level fields (see tandem.core.privacy).

Free text (reasons, notes, what she noticed) can name anyone, so it is a direct identifier.
"""

from tandem.core.privacy import CLINICAL, DIRECT, OPERATIONAL, QUASI

FIELD_CLASSES = {
    "hubs.ServiceReferral": {
        "id": DIRECT,
        "version": OPERATIONAL,
        "pregnancy": DIRECT,
        "contact": DIRECT,
        "service": CLINICAL,
        "reason": DIRECT,
        "urgency": CLINICAL,
        "consent": CLINICAL,
        "status": CLINICAL,
        "referred_by": OPERATIONAL,
        "sent_at": QUASI,
        "respond_by": QUASI,
        "recorded_by": OPERATIONAL,
    },
    "hubs.ServiceReferralEvent": {
        "id": DIRECT,
        "referral": DIRECT,
        "status": CLINICAL,
        "happened_on": QUASI,
        "note": DIRECT,
        "recorded_by": OPERATIONAL,
        "recorded_at": QUASI,
    },
    "hubs.WellbeingCheck": {
        "id": DIRECT,
        "contact": DIRECT,
        "feeling_down": CLINICAL,
        "little_interest": CLINICAL,
        "wants_help": CLINICAL,
        "nervous": CLINICAL,
        "worrying": CLINICAL,
        "red_flag_mental_state": CLINICAL,
        "red_flag_self_harm": CLINICAL,
        "red_flag_estrangement": CLINICAL,
        "red_flag_detail": DIRECT,
        "recorded_by": OPERATIONAL,
        "recorded_at": QUASI,
    },
    "hubs.RedFlagTask": {
        "id": DIRECT,
        "wellbeing_check": DIRECT,
        "pregnancy": DIRECT,
        "raised_by": OPERATIONAL,
        "raised_at": QUASI,
        "referral": DIRECT,
        "actioned_by": OPERATIONAL,
        "actioned_at": QUASI,
    },
}
