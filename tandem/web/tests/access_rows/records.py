"""Access rows for the records pages (see tandem/web/tests/test_access_matrix.py)."""

from tandem.web.tests.access_rows.personas import SIGN_IN

# url name: (the object its id names, the method, the answer for each persona above)
#                                       anon     mw   hv   tl   adm  rev  out  ana  sys  wom
ROWS = {
    "web:home": (None, "get", (SIGN_IN, 200, 200, 200, 200, 200, 200, 200, 200, 302)),
    "web:sign-in": (None, "get", (200, 302, 302, 302, 302, 302, 302, 302, 302, 302)),
    "web:sign-out": (None, "post", (SIGN_IN,) * 10),
    "web:search": (None, "get", (SIGN_IN, 200, 200, 200, 200, 200, 200, 403, 403, 403)),
    "web:booking-new": (None, "get", (SIGN_IN, 200, 403, 200, 200, 403, 200, 403, 403, 403)),
    "web:woman": ("woman", "get", (SIGN_IN, 200, 200, 200, 200, 200, 404, 403, 403, 403)),
    "web:woman-history": ("woman", "get", (SIGN_IN, 200, 200, 200, 200, 200, 404, 403, 403, 403)),
    "web:woman-edit": ("woman", "get", (SIGN_IN, 200, 200, 200, 200, 403, 404, 403, 403, 403)),
    "web:pregnancy-new": ("woman", "get", (SIGN_IN, 200, 403, 200, 200, 403, 404, 403, 403, 403)),
    "web:pregnancy-edit": (
        "pregnancy",
        "get",
        (SIGN_IN, 200, 200, 200, 200, 403, 404, 403, 403, 403),
    ),
    "web:contact-new": ("pregnancy", "get", (SIGN_IN, 200, 200, 200, 200, 403, 404, 403, 403, 403)),
    "web:contact-edit": ("contact", "get", (SIGN_IN, 200, 200, 200, 200, 403, 404, 403, 403, 403)),
    # The admin counts as one page: its own URLs all pass through the same site check.
    "admin:index": (None, "get", (SIGN_IN, 403, 403, 403, 403, 403, 403, 403, 200, 403)),
}


# How to find the object a row's id names, from the test's context.
OBJECTS = {
    "woman": lambda context: context.personas.woman,
    "pregnancy": lambda context: context.personas.pregnancy,
    "contact": lambda context: context.contact,
}
