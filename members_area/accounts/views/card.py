"""The personal QR member card: the family's own card page, downloads, a printable card, a
replacement for a lost card, and the public page its code leads to (/k/<token>/).

The code carries only a random token (see MemberCard); who may learn whose card it is is
decided in services.may_see_holder, which the check-in app uses too.
"""

import io
from xml.etree import ElementTree as ET

import qrcode
import qrcode.constants
import qrcode.image.pil
import qrcode.image.svg
from allauth.core import ratelimit
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from members_area.accounts import services
from members_area.accounts.decorators import family_required
from members_area.accounts.models import (
    CardStatus,
    MemberCard,
    Person,
    RecordAccess,
    current_year,
)

# A quiet zone of four modules, as the QR standard asks: printed cards are scanned by old phones.
QR_BORDER = 4
PNG_BOX_SIZE = 12  # pixels per module: about 500 px, sharp on paper


def _private(response):
    """Card images and pages are one person's: no shared cache may keep them."""
    patch_cache_control(response, private=True, no_store=True)
    return response


def _family_person(request, person_id):
    """One of the people this login acts for, or 404 (staff use the staff views)."""
    return get_object_or_404(Person.objects.of_family(request.user).not_erased(), pk=person_id)


def _card_or_404(person):
    card = person.current_card()
    if card is None:
        raise Http404
    return card


def _qr(data, box_size=10):
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, border=QR_BORDER, box_size=box_size
    )
    code.add_data(data)
    code.make(fit=True)
    return code


def _svg_element(data):
    return _qr(data).make_image(image_factory=qrcode.image.svg.SvgPathFillImage).get_image()


def qr_svg_inline(data, label):
    """The QR code as <svg> markup to put in a page (the site's CSP allows no inline scripts or
    styles, and none are used): sized by CSS, announced to screen readers by its label."""
    svg = _svg_element(data)
    for attribute in ("width", "height"):
        svg.attrib.pop(attribute, None)
    svg.set("class", "member-card__qr")
    svg.set("role", "img")
    svg.set("aria-label", label)
    for path in svg.iter("path"):
        path.attrib.pop("id", None)  # "qr-path": ids must be unique in a page
    # ElementTree escapes text and attribute values, the label included.
    return mark_safe(ET.tostring(svg, encoding="unicode"))  # noqa: S308


def _download(person, content, content_type, extension):
    response = HttpResponse(content, content_type=content_type)
    name = f"mazpulki-karte-{person.member_number}" if person.member_number else "mazpulki-karte"
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    response["X-Robots-Tag"] = "noindex"
    return _private(response)


@family_required
def card(request, person_id):
    """The member card of someone in the family: name, club, number, year, photo and QR code."""
    person = _family_person(request, person_id)
    member_card = person.current_card()
    memberships = list(person.memberships.current().select_related("club"))
    context = {
        "person": person,
        "member_card": member_card,
        "memberships": memberships,
        "year": current_year(),
    }
    if member_card is not None:
        context["card_url"] = services.card_url(member_card)
        context["qr_svg"] = qr_svg_inline(
            context["card_url"], _("QR code of the member card of %(name)s") % {"name": person}
        )
    return _private(render(request, "accounts/card.html", context))


@family_required
def card_png(request, person_id):
    """The card's QR code as a PNG file, e.g. for a phone's wallet or a printed badge."""
    person = _family_person(request, person_id)
    member_card = _card_or_404(person)
    image = _qr(services.card_url(member_card), box_size=PNG_BOX_SIZE).make_image(
        image_factory=qrcode.image.pil.PilImage
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return _download(person, buffer.getvalue(), "image/png", "png")


@family_required
def card_svg(request, person_id):
    """The card's QR code as an SVG file, sharp at any size (for print shops)."""
    person = _family_person(request, person_id)
    member_card = _card_or_404(person)
    svg = ET.tostring(_svg_element(services.card_url(member_card)), encoding="UTF-8")
    return _download(person, svg, "image/svg+xml", "svg")


@family_required
def card_print(request, person_id):
    """The card at bank-card size (85.6 × 54 mm), for printing at home."""
    person = _family_person(request, person_id)
    member_card = _card_or_404(person)
    url = services.card_url(member_card)
    context = {
        "person": person,
        "member_card": member_card,
        "memberships": list(person.memberships.current().select_related("club")),
        "year": current_year(),
        "qr_svg": qr_svg_inline(
            url, _("QR code of the member card of %(name)s") % {"name": person}
        ),
    }
    return _private(render(request, "accounts/card_print.html", context))


@family_required
@require_http_methods(["GET", "POST"])
def card_lost(request, person_id):
    """A lost card is replaced by a new code; the old one stops working at once, so whoever
    finds it cannot pass for the member."""
    person = _family_person(request, person_id)
    if person.current_card() is None:
        messages.info(request, _("There is no card to replace yet."))
        return redirect("members:card", person_id=person.pk)
    if request.method == "POST":
        services.replace_lost_card(person)
        messages.success(
            request,
            _(
                "%(name)s has a new card. The old card's QR code no longer works: print or "
                "download the new one."
            )
            % {"name": person},
        )
        return redirect("members:card", person_id=person.pk)
    return _private(render(request, "accounts/card_lost.html", {"person": person}))


# Public: anyone may scan a card. Whose it is is shown only to whom services.may_see_holder allows.
def card_lookup(request, token):
    """Where a card's QR code leads: whether the card is valid, and for the holder's leaders and
    coordinators (with a second factor) whose card it is."""
    # Card tokens cannot be guessed; the limit keeps anyone from trying many anyway. Signed-in
    # leaders are counted by login, not with everyone else on a camp's or a school's network.
    signed_in = request.user.is_authenticated
    if too_many := ratelimit.consume_or_429(
        request,
        action="card_lookup_login" if signed_in else "card_lookup",
        user=request.user if signed_in else None,
        limit_get=True,
    ):
        return too_many
    lookup = MemberCard.objects.lookup(token)
    holder = services.card_holder(request.user, lookup)
    if holder is not None:
        services.record_access(request, RecordAccess.What.CARD, [holder.person])
    # /k/ has no language prefix, so LocaleMiddleware would always pick Latvian: answer in the
    # scanning phone's language (its language cookie, else Accept-Language) instead.
    with translation.override(translation.get_language_from_request(request)):
        response = render(
            request,
            "accounts/card_lookup.html",
            {"lookup": lookup, "holder": holder, "status": lookup.status},
            status=404 if lookup.status == CardStatus.UNKNOWN else 200,
        )
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    response["X-Robots-Tag"] = "noindex, nofollow"
    return _private(response)
