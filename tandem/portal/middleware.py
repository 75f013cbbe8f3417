"""Every page in the language its reader should see.

A woman signed in to her portal reads it in the language saved on her account. Everyone
else reads English, whatever their browser asks for: staff pages are in the language of
the clinical record, and pages for signed-out visitors (the sign-in page) are not
translated, so a browser's choice would only mislabel English text with another `lang`.
"""

from django.conf import settings
from django.utils import translation

from tandem.portal.services import account_of


class PortalLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        account = account_of(getattr(request, "user", None))
        translation.activate(account.language if account is not None else settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
