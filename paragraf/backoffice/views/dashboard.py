from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_safe

from paragraf.accounts.permissions import committees_for


@login_required
@require_safe
def dashboard(request):
    committees = committees_for(request.user)
    return render(request, "backoffice/dashboard.html", {"committees": committees})
