from django.contrib.auth import views as auth_views

from paragraf.accounts.forms import RateLimitedLoginForm
from paragraf.backoffice.decorators import public

login = public(
    auth_views.LoginView.as_view(
        template_name="backoffice/login.html",
        authentication_form=RateLimitedLoginForm,
        redirect_authenticated_user=True,
    )
)
logout = public(auth_views.LogoutView.as_view())
