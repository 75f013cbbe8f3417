"""Privacy classes of the portal's person-level fields (see tandem.core.privacy)."""

from tandem.core.privacy import DIRECT, OPERATIONAL, QUASI

FIELD_CLASSES = {
    "portal.WomanAccount": {
        "id": DIRECT,
        "user": DIRECT,  # her sign-in, which names her
        "woman": DIRECT,
        "language": QUASI,
        "created_at": OPERATIONAL,
    },
}
