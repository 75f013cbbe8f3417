"""The columns of every access row, in order."""

SIGN_IN = "sign-in"
PERSONAS = (
    "anonymous",
    "midwife",
    "health_visitor",
    "team_leader",
    "administrator",
    "reviewer",
    "outsider",
    "analyst",
    "system_admin",
    "woman",
)
