"""Certificates: the family asks for them and downloads them; anyone checks a code.

The family's certificates are fetched only through `Certificate.objects.of_family(user)`:
another family's are a 404. The public check (/verify/<code>/) shows what a certificate states
and nothing more: no entries, no descriptions, nothing about the person beyond his name.
Coordinators revoke a certificate found by its code; the family never does.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from home.forms import attach_errors
from members_area.accounts.decorators import coordinator_required, family_required
from members_area.accounts.models import Person
from members_area.certificates import services
from members_area.certificates.forms import (
    CertificateCodeForm,
    RevokeForm,
    VolunteerCertificateForm,
)
from members_area.certificates.models import Certificate


def _private(response):
    """Certificates are one person's: no shared cache may keep them."""
    patch_cache_control(response, private=True, no_store=True)
    return response


def _ready_message(request, certificate, asked_at):
    """Issued now, or already issued with the same facts (and so the same code)."""
    if certificate.issued_at < asked_at:
        messages.info(
            request,
            _("%(name)s already has this certificate, with the code %(code)s: download it below.")
            % {"name": certificate.facts["holder"], "code": certificate.display_code},
        )
    else:
        messages.success(
            request,
            _("The certificate of %(name)s is ready: download it below.")
            % {"name": certificate.facts["holder"]},
        )


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
        asked_at = timezone.now()
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
            _ready_message(request, certificate, asked_at)
            return redirect("certificates:list")
    return render(
        request, "certificates/volunteer_new.html", {"form": form, "has_people": people.exists()}
    )


def posted_id(request, name):
    """The id a form sent in `name`, or 0 (no such record) when it is not a whole number."""
    value = request.POST.get(name, "")
    return int(value) if value.isascii() and value.isdigit() else 0


@family_required
@require_POST
def training_new(request):
    """A leader takes the certificate of this year's training once it reaches 12 hours."""
    person = get_object_or_404(
        Person.objects.of_family(request.user), pk=posted_id(request, "person")
    )
    language = (
        request.POST.get("language") if request.POST.get("language") in ("lv", "en") else "lv"
    )
    asked_at = timezone.now()
    try:
        certificate = services.issue_training_certificate(
            person, by=request.user, year=timezone.localdate().year, language=language
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("volunteering:mine")
    _ready_message(request, certificate, asked_at)
    return redirect("certificates:list")


@family_required
def certificate_pdf(request, pk):
    certificate = get_object_or_404(Certificate.objects.of_family(request.user), pk=pk)
    if certificate.is_revoked:
        # A revoked certificate certifies nothing: no fresh copy of it goes out.
        messages.error(
            request,
            _("This certificate was revoked on %(day)s: it can no longer be downloaded.")
            % {"day": services.day_text(timezone.localdate(certificate.revoked_at))},
        )
        return redirect("certificates:list")
    response = HttpResponse(services.render_pdf(certificate), content_type="application/pdf")
    filename = f"mazpulki-apliecinajums-{certificate.display_code}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex"
    return _private(response)


@coordinator_required
@never_cache
def revoke(request):
    """Coordinators: find a certificate by the code printed on it, see what it states, and
    revoke it with a reason (POST only, after confirming)."""
    asked = request.POST if request.method == "POST" else request.GET
    lookup = CertificateCodeForm(asked if "code" in asked else None)
    certificate = (
        Certificate.objects.select_related("revoked_by").by_code(lookup.cleaned_data["code"])
        if lookup.is_valid()
        else None
    )
    revoke_form = RevokeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and certificate is not None and revoke_form.is_valid():
        try:
            services.revoke_certificate(
                certificate, by=request.user, reason=revoke_form.cleaned_data["reason"]
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                attach_errors(revoke_form, error)
            else:
                for message in error.messages:
                    messages.error(request, message)
                return redirect(_revoke_page(certificate))
        else:
            messages.success(
                request,
                _("The certificate %(code)s of %(name)s is revoked: its code now shows so.")
                % {
                    "code": certificate.display_code,
                    "name": certificate.facts.get("holder", ""),
                },
            )
            return redirect(_revoke_page(certificate))
    return _private(
        render(
            request,
            "certificates/revoke.html",
            {
                "lookup": lookup,
                "certificate": certificate,
                "facts": services.verifiable_facts(certificate) if certificate else None,
                "not_found": lookup.is_valid() and certificate is None,
                "revoke_form": revoke_form,
            },
        )
    )


def _revoke_page(certificate):
    return f"{reverse('certificates:revoke')}?code={certificate.display_code}"


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
