"""Sign in and sign out."""

from django.contrib.auth import views as auth_views
from django.views.decorators.http import require_POST

from tandem.web.forms.auth import SignInForm
from tandem.web.presenters.forms import PresentedForm


class SignInView(auth_views.LoginView):
    template_name = "web/sign_in.jinja"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = PresentedForm(context["form"])
        context["page_title"] = "Sign in"
        return context


sign_in = SignInView.as_view()

sign_out = require_POST(auth_views.LogoutView.as_view())
