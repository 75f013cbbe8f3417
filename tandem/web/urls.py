from django.urls import path

from tandem.web.routes import (
    assessments,
    careplans,
    continuity,
    handover,
    hubs,
    measures,
    outcomes,
    pathway,
    portal,
    programme,
    scheduling,
)
from tandem.web.views import auth, contacts, home, pregnancies, search, women

app_name = "web"

urlpatterns = [
    path("", home.home, name="home"),
    path("sign-in/", auth.sign_in, name="sign-in"),
    path("sign-out/", auth.sign_out, name="sign-out"),
    path("search/", search.search, name="search"),
    path("bookings/new/", women.booking_new, name="booking-new"),
    path("women/<int:pk>/", women.woman, name="woman"),
    path("women/<int:pk>/history/", women.woman_history, name="woman-history"),
    path("women/<int:pk>/edit/", women.woman_edit, name="woman-edit"),
    path("women/<int:pk>/pregnancies/new/", pregnancies.pregnancy_new, name="pregnancy-new"),
    path("pregnancies/<int:pk>/edit/", pregnancies.pregnancy_edit, name="pregnancy-edit"),
    path("pregnancies/<int:pk>/contacts/new/", contacts.contact_new, name="contact-new"),
    path("contacts/<int:pk>/edit/", contacts.contact_edit, name="contact-edit"),
]
urlpatterns += (
    pathway.urlpatterns
    + scheduling.urlpatterns
    + assessments.urlpatterns
    + programme.urlpatterns
    + outcomes.urlpatterns
    + measures.urlpatterns
    + careplans.urlpatterns
    + continuity.urlpatterns
    + hubs.urlpatterns
    + handover.urlpatterns
    + portal.urlpatterns
)
