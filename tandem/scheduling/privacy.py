"""Privacy classes of the scheduling app's person-level fields (see tandem.core.privacy)."""

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
    },
}
