from django.urls import path

from tandem.web.views import auth, home

app_name = "web"

urlpatterns = [
    path("", home.home, name="home"),
    path("sign-in/", auth.sign_in, name="sign-in"),
    path("sign-out/", auth.sign_out, name="sign-out"),
]
