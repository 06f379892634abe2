"""Certificates: the family asks for them and downloads them; anyone checks a code.

The family's certificates are fetched only through `Certificate.objects.of_family(user)`:
another family's are a 404. The public check (/verify/<code>/) shows what a certificate states
and nothing more: no entries, no descriptions, nothing about the person beyond his name.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from home.forms import attach_errors
from members_area.accounts.decorators import family_required
from members_area.accounts.models import Person
from members_area.certificates import services
from members_area.certificates.forms import VolunteerCertificateForm
from members_area.certificates.models import Certificate


def _private(response):
    """Certificates are one person's: no shared cache may keep them."""
    patch_cache_control(response, private=True, no_store=True)
    return response


@family_required
@never_cache
def certificate_list(request):
    """The family's certificates, newest first, with their downloads."""
    certificates = Certificate.objects.of_family(request.user).select_related("person")
    return render(
        request,
        "certificates/list.html",
        {
            "certificates": certificates,
            "may_ask": services.certifiable_people(request.user).exists(),
        },
    )


@family_required
@never_cache
def volunteer_new(request):
    """Ask for a certificate of volunteer work: whose, for which period, in which language."""
    people = services.certifiable_people(request.user)
    form = VolunteerCertificateForm(request.POST or None, people=people)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            certificate = services.issue_volunteer_certificate(
                data["person"],
                by=request.user,
                date_from=data["date_from"],
                date_to=data["date_to"],
                language=data["language"],
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request,
                _("The certificate of %(name)s is ready: download it below.")
                % {"name": certificate.facts["holder"]},
            )
            return redirect("certificates:list")
    return render(
        request, "certificates/volunteer_new.html", {"form": form, "has_people": people.exists()}
    )


@family_required
@require_POST
def training_new(request):
    """A leader takes the certificate of this year's training once it reaches 12 hours."""
    person = get_object_or_404(
        Person.objects.of_family(request.user), pk=request.POST.get("person") or 0
    )
    language = (
        request.POST.get("language") if request.POST.get("language") in ("lv", "en") else "lv"
    )
    try:
        certificate = services.issue_training_certificate(
            person, by=request.user, year=timezone.localdate().year, language=language
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("volunteering:mine")
    messages.success(
        request,
        _("The certificate of %(name)s is ready: download it below.")
        % {"name": certificate.facts["holder"]},
    )
    return redirect("certificates:list")


@family_required
def certificate_pdf(request, pk):
    certificate = get_object_or_404(Certificate.objects.of_family(request.user).valid(), pk=pk)
    response = HttpResponse(services.render_pdf(certificate), content_type="application/pdf")
    filename = f"mazpulki-apliecinajums-{certificate.display_code}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex"
    return _private(response)


# Public: anyone holding a certificate may check it. Rate limits: issue 11.
def verify(request, code):
    """Whether a certificate with this code was issued, and what it states."""
    certificate = Certificate.objects.by_code(code)
    # /verify/ has no language prefix, so LocaleMiddleware would always pick Latvian: answer in
    # the visitor's language (its language cookie, else Accept-Language) instead.
    with translation.override(translation.get_language_from_request(request)):
        response = render(
            request,
            "certificates/verify.html",
            {
                "certificate": certificate,
                "facts": services.verifiable_facts(certificate) if certificate else None,
            },
            status=200 if certificate else 404,
        )
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    response["X-Robots-Tag"] = "noindex, nofollow"
    return _private(response)
