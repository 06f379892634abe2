"""E-mails about an order request, sent outside the request that stored it."""

from decimal import Decimal

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task

from brandbook import services


@task()
def send_promo_order_emails(order_id):
    """The request to the office (in Latvian), and its confirmation to the requester."""
    from brandbook.models import PromoOrder

    order = PromoOrder.objects.select_related("page", "site").filter(pk=order_id).first()
    if order is None:
        return
    lines = list(order.lines.select_related("item"))
    total = sum((line.total for line in lines), Decimal("0"))
    office = services.office_address(order.site)
    with translation.override(settings.LANGUAGE_CODE):
        EmailMessage(
            subject=gettext("Promotional materials order %(reference)s")
            % {"reference": order.reference},
            body=render_to_string(
                "brandbook/emails/order_office.txt",
                {"order": order, "lines": lines, "total": total},
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[office],
            reply_to=[order.email],
        ).send()

    with translation.override(order.language):
        services.name_lines_in(lines, order.page.locale_id if order.page else None)
        EmailMessage(
            subject=gettext("We have received your order request %(reference)s")
            % {"reference": order.reference},
            body=render_to_string(
                "brandbook/emails/order_confirmation.txt",
                {
                    "order": order,
                    "lines": lines,
                    "total": total,
                    "next_steps": order.page.get_next_steps() if order.page else "",
                    "office": office,
                },
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[order.email],
            reply_to=[office],
        ).send()
