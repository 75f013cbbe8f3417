"""Sign in and sign out."""

from django.contrib.auth import views as auth_views
from django.views.decorators.http import require_POST

from tandem.web.forms.auth import SignInForm

sign_in = auth_views.LoginView.as_view(
    template_name="web/sign_in.jinja",
    authentication_form=SignInForm,
    redirect_authenticated_user=True,
)

sign_out = require_POST(auth_views.LogoutView.as_view())
