from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from members_area.accounts.decorators import coordinator_required
from members_area.accounts.forms import RecordAccessFilterForm
from members_area.accounts.models import RecordAccess

ACCESSES_PER_PAGE = 50
# An export of hundreds is shown as a count; a few people by name.
NAMES_SHOWN = 5


@coordinator_required
@never_cache
def record_accesses(request):
    """Coordinators: who opened or exported whose records, newest first."""
    form = RecordAccessFilterForm(request.GET or None)
    accesses = (
        form.filter(RecordAccess.objects.all())
        .annotate(people_count=Count("people"))
        .order_by("-at", "-pk")
    )
    page_obj = Paginator(accesses, ACCESSES_PER_PAGE).get_page(request.GET.get("page"))
    shown = list(page_obj.object_list)
    named = {access.pk: [] for access in shown if access.people_count <= NAMES_SHOWN}
    links = (
        RecordAccess.people.through.objects.filter(recordaccess_id__in=named)
        .select_related("person")
        .order_by("person__last_name", "person__first_name", "person_id")
    )
    for link in links:
        named[link.recordaccess_id].append(link.person)
    for access in shown:
        access.named_people = named.get(access.pk)
    return render(
        request,
        "accounts/record_accesses.html",
        {
            "filter_form": form,
            "filtered": form.is_filtered,
            "page_obj": page_obj,
            "accesses": shown,
        },
    )
