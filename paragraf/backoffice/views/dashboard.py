from django.shortcuts import render
from django.views.decorators.http import require_safe

from paragraf.accounts.permissions import Action, committees_for
from paragraf.backoffice.decorators import requires


@requires(Action.VIEW)
@require_safe
def dashboard(request):
    committees = committees_for(request.user)
    return render(
        request, "backoffice/dashboard.html", {"committees": committees, "nav": "dashboard"}
    )
