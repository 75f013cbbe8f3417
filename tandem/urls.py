from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("tandem.web.urls")),
]

# NHS.UK-style error pages (used when DEBUG is off, as in production and the tests).
handler403 = "tandem.web.views.errors.permission_denied"
handler404 = "tandem.web.views.errors.not_found"
handler500 = "tandem.web.views.errors.server_error"
