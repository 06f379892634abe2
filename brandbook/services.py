"""The brandbook's rules: the palette's stylesheet, and how an order request is taken."""

import hashlib
import time

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

# The palette's stylesheet ------------------------------------------------------------------

STYLESHEET_CACHE_KEY = "brandbook:palette-stylesheet"
STYLESHEET_CACHE_SECONDS = 60 * 60  # also dropped whenever a colour changes (signals.py)


def palette_stylesheet():
    """(css, version) of the Latvian brand colours: the version changes with the colours."""
    found = cache.get(STYLESHEET_CACHE_KEY)
    if found is None:
        from brandbook.colours import stylesheet
        from brandbook.models import BrandColour

        css = stylesheet(
            BrandColour.objects.source().order_by("sort_order", "pk").values_list("css_name", "hex")
        )
        found = (css, hashlib.sha256(css.encode()).hexdigest()[:12])
        cache.set(STYLESHEET_CACHE_KEY, found, STYLESHEET_CACHE_SECONDS)
    return found


def forget_palette_stylesheet():
    cache.delete(STYLESHEET_CACHE_KEY)


# Spam protection -----------------------------------------------------------------------------

FORM_SIGNING_SALT = "brandbook.promo-order-form"
MIN_FILL_SECONDS = 3  # people take longer to choose items and type their name
MAX_FORM_AGE_SECONDS = 24 * 60 * 60


class FormTokenError(Exception):
    def __init__(self, kind):
        super().__init__(kind)
        self.kind = kind  # "invalid", "too_fast", "expired" or "used"


def form_token(page_id, now=None):
    """A signed note of when the form was shown, sent back with it."""
    moment = time.time() if now is None else now
    return signing.dumps({"page": page_id, "shown": round(moment, 3)}, salt=FORM_SIGNING_SALT)


def check_form_token(token, page_id, now=None):
    """Refuse a form sent by a program: too soon after it was shown, or a day later."""
    try:
        data = signing.loads(token or "", salt=FORM_SIGNING_SALT)
        shown = float(data["shown"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise FormTokenError("invalid") from error
    if data.get("page") != page_id:
        raise FormTokenError("invalid")
    age = (time.time() if now is None else now) - shown
    if age < MIN_FILL_SECONDS:
        raise FormTokenError("too_fast")
    if age > MAX_FORM_AGE_SECONDS:
        raise FormTokenError("expired")


def use_form_token(token):
    """Mark a form as sent: the same form (its token) is never accepted twice.

    Otherwise one page load would let a program send requests, and confirmation e-mails
    to any address, for a whole day.
    """
    digest = hashlib.sha256((token or "").encode()).hexdigest()
    if not cache.add(f"brandbook:used-form:{digest}", True, MAX_FORM_AGE_SECONDS):
        raise FormTokenError("used")


ORDERS_PER_HOUR = 5
RATE_LIMIT_MESSAGE = _(
    "We have received several requests from your network in the last hour. Please try "
    "again later, or write to us by e-mail."
)


def client_ip(request):
    """The visitor's address as every rate limit sees it (allauth's, behind trusted proxies)."""
    return get_adapter().get_client_ip(request)


def _rate_key(request):
    # Only a hash of the address is kept, and only in the cache, for an hour.
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client_ip(request)}".encode()).hexdigest()
    return f"brandbook:promo-orders:{digest[:32]}"


def rate_limited(request):
    return cache.get(_rate_key(request), 0) >= ORDERS_PER_HOUR


def count_order(request):
    key = _rate_key(request)
    if not cache.add(key, 1, 60 * 60):
        try:
            cache.incr(key)
        except ValueError:  # expired in between
            cache.add(key, 1, 60 * 60)


# Orders --------------------------------------------------------------------------------------

ORDER_LINK_SALT = "brandbook.promo-order-received"


def place_order(form, page, request):
    """Store a valid order request; the e-mails go out once it is saved."""
    from brandbook.models import PromoOrder, PromoOrderLine
    from brandbook.tasks import send_promo_order_emails

    data = form.cleaned_data
    with transaction.atomic():
        order = PromoOrder.objects.create(
            name=data["name"],
            organisation=data["organisation"],
            email=data["email"],
            phone=data["phone"],
            message=data["message"],
            language=page.locale.language_code,
            page=page,
            site=Site.find_for_request(request),
        )
        PromoOrderLine.objects.bulk_create(
            PromoOrderLine(
                order=order,
                item=item,
                item_name=item.name,
                unit_price=item.price,
                quantity=quantity,
            )
            for item, quantity in form.ordered_items()
        )
        transaction.on_commit(lambda: send_promo_order_emails.enqueue(order.pk))
    count_order(request)
    return order


def order_token(order):
    return signing.dumps(order.pk, salt=ORDER_LINK_SALT)


def order_from_token(token, page):
    """The order a thank-you page is about, for a day after it was sent; else None."""
    from brandbook.models import PromoOrder

    try:
        pk = signing.loads(token, salt=ORDER_LINK_SALT, max_age=MAX_FORM_AGE_SECONDS)
    except signing.BadSignature:
        return None
    return PromoOrder.objects.filter(pk=pk, page__translation_key=page.translation_key).first()


def office_address(site):
    """Where order requests go: the organisation's e-mail for the site, else the sender's."""
    from home.models import OrganisationSettings

    if site is not None:
        email = OrganisationSettings.for_site(site).email
        if email:
            return email
    return settings.DEFAULT_FROM_EMAIL


def name_lines_in(lines, locale_id):
    """Give each order line `.shown_name`: its item as named in one language (one query)."""
    from brandbook.models import PromoItem

    names = {}
    items = [line.item for line in lines if line.item is not None]
    if items and locale_id is not None:
        names = dict(
            PromoItem.objects.filter(
                locale_id=locale_id, translation_key__in=[item.translation_key for item in items]
            ).values_list("translation_key", "name")
        )
    for line in lines:
        line.shown_name = (
            names.get(line.item.translation_key, line.item_name) if line.item else line.item_name
        )
    return lines
