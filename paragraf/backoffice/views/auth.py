from django.contrib.auth import views as auth_views

from paragraf.accounts.forms import RateLimitedLoginForm


def login(request):
    return auth_views.LoginView.as_view(
        template_name="backoffice/login.html",
        authentication_form=RateLimitedLoginForm,
        redirect_authenticated_user=True,
    )(request)


logout = auth_views.LogoutView.as_view()
