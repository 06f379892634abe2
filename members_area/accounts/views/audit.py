from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from members_area.accounts.decorators import coordinator_required
from members_area.accounts.forms import RecordAccessFilterForm
from members_area.accounts.models import Person, RecordAccess

ACCESSES_PER_PAGE = 50


@coordinator_required
@never_cache
def record_accesses(request):
    """Coordinators: who opened or exported whose records, newest first."""
    form = RecordAccessFilterForm(request.GET or None)
    accesses = form.filter(RecordAccess.objects.all()).prefetch_related(
        Prefetch("people", queryset=Person.objects.only("first_name", "last_name", "member_number"))
    )
    page_obj = Paginator(accesses, ACCESSES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/record_accesses.html",
        {
            "filter_form": form,
            "filtered": form.is_filtered,
            "page_obj": page_obj,
            "accesses": page_obj.object_list,
        },
    )
