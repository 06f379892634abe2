"""Certificates issued once for the same facts, and revoked by a coordinator found by their code."""

import datetime
import html
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from members_area.certificates import services
from members_area.certificates.models import Certificate
from members_area.volunteering.services import decide, log_hours, record_training
from tests.conftest import at_noon_on

pytestmark = pytest.mark.django_db

REASON = "Stundas ierakstītas kļūdaini"
# Mid-June, far from the new year: the tests run on this day, whatever day the suite runs.
TODAY = datetime.date(timezone.localdate().year, 6, 15)


@pytest.fixture(autouse=True)
def _mid_june():
    """Autouse, so the clock is set before `world` gives this year's memberships."""
    with at_noon_on(TODAY):
        yield


def days_ago(days):
    return TODAY - datetime.timedelta(days=days)


def approved_hours(world, day, amount):
    entry = log_hours(
        by=world.parent, person=world.child, club=world.club, date=day,
        hours=Decimal(amount), kind="event", description="Palīdzēja pasākumā",
    )  # fmt: skip
    decide(entry, by=world.leader, approve=True)
    return entry


def issue(world, language="lv"):
    return services.issue_volunteer_certificate(
        world.child, by=world.parent, date_from=days_ago(30), date_to=TODAY, language=language
    )


def lv(message):
    with translation.override("lv"):
        return html.escape(gettext(message))


@pytest.fixture
def certificate(world):
    approved_hours(world, days_ago(10), 3)
    return issue(world)


def revoke_page(code=""):
    url = reverse("certificates:revoke")
    return f"{url}?code={code}" if code else url


def revoke(client, code, reason=REASON, confirm=True, follow=False):
    data = {"code": code, "reason": reason}
    if confirm:
        data["confirm"] = "on"
    return client.post(reverse("certificates:revoke"), data, follow=follow)


# One certificate for the same facts -------------------------------------------------------


def test_issuing_the_same_facts_twice_gives_the_same_certificate(world, certificate):
    again = issue(world)
    assert again.pk == certificate.pk and again.code == certificate.code
    assert Certificate.objects.count() == 1
    # Another language is another certificate.
    assert issue(world, "en").pk != certificate.pk


def test_asking_twice_in_the_form_shows_the_same_code(client, world, certificate):
    client.force_login(world.parent)
    form = {
        "person": world.child.pk,
        "date_from": days_ago(30).isoformat(),
        "date_to": TODAY.isoformat(),
        "language": "lv",
    }
    response = client.post(reverse("certificates:volunteer_new"), form, follow=True)
    assert Certificate.objects.count() == 1
    body = response.content.decode()
    assert body.count(certificate.display_code) >= 2  # in the message and in the list


def test_more_approved_hours_in_the_period_give_a_new_certificate(world, certificate):
    approved_hours(world, days_ago(5), 2)
    newer = issue(world)
    assert newer.pk != certificate.pk
    assert (certificate.facts["total_hours"], newer.facts["total_hours"]) == ("3", "5")
    # The old one was true when issued: it stays valid.
    certificate.refresh_from_db()
    assert not certificate.is_revoked
    assert issue(world).pk == newer.pk


def test_a_revoked_certificate_is_not_given_again(world, certificate):
    services.revoke_certificate(certificate, by=world.coordinator, reason=REASON)
    fresh = issue(world)
    assert fresh.pk != certificate.pk and not fresh.is_revoked


def test_a_leaders_training_certificate_is_issued_again_only_for_new_training(client, world):
    leader = world.leader.person
    record_training(
        by=world.coordinator, person=leader, course="Pirmā palīdzība", provider="LSK",
        date=TODAY, hours=Decimal(12),
    )  # fmt: skip
    client.force_login(world.leader)
    url = reverse("certificates:training_new")
    client.post(url, {"person": leader.pk, "language": "lv"})
    first = Certificate.objects.get()
    response = client.post(url, {"person": leader.pk, "language": "lv"}, follow=True)
    assert Certificate.objects.count() == 1
    assert first.display_code in response.content.decode()
    client.post(url, {"person": leader.pk, "language": "en"})
    assert Certificate.objects.filter(language="en").count() == 1
    assert Certificate.objects.count() == 2

    # More training later in the year: a certificate stating it, the first one still valid.
    record_training(
        by=world.coordinator, person=leader, course="Projektu vadība", provider="LLKC",
        date=TODAY, hours=Decimal(4),
    )  # fmt: skip
    client.post(url, {"person": leader.pk, "language": "lv"})
    latest = Certificate.objects.filter(language="lv").latest("issued_at")
    assert latest.pk != first.pk and latest.facts["total_hours"] == "16"
    first.refresh_from_db()
    assert not first.is_revoked


# Revoking -----------------------------------------------------------------------------------


def test_a_coordinator_finds_a_certificate_by_its_code_and_revokes_it(client, world, certificate):
    client.force_login(world.coordinator)
    typed = certificate.code.lower()  # as someone types it from the paper
    page = client.get(revoke_page(typed)).content.decode()
    assert "Anna Ozola" in page and certificate.display_code in page
    response = revoke(client, typed)
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.is_revoked
    assert (certificate.revoked_reason, certificate.revoked_by) == (REASON, world.coordinator)
    assert REASON in client.get(response["Location"]).content.decode()

    # The public check says so, with the day.
    verify = client.get(reverse("certificate_verify", args=[certificate.code]))
    body = verify.content.decode()
    assert lv("This certificate has been revoked") in body
    with translation.override("lv"):
        assert date_format(timezone.localdate(certificate.revoked_at), "DATE_FORMAT") in body

    # The family sees it revoked, with the reason, and gets no more copies of it.
    client.force_login(world.parent)
    listing = client.get(reverse("certificates:list")).content.decode()
    revoked_on = timezone.localdate(certificate.revoked_at)
    with translation.override("lv"):
        day = date_format(revoked_on, "SHORT_DATE_FORMAT")
        assert html.escape(gettext("Revoked on %(day)s") % {"day": day}) in listing
    assert REASON in listing
    pdf_url = reverse("certificates:pdf", args=[certificate.pk])
    assert pdf_url not in listing
    download = client.get(pdf_url)
    assert download.status_code == 302 and download["Location"] == reverse("certificates:list")


def test_revoking_needs_a_reason_and_a_confirmation(client, world, certificate):
    client.force_login(world.coordinator)
    for reason, confirm in (("   ", True), (REASON, False)):
        response = revoke(client, certificate.display_code, reason=reason, confirm=confirm)
        assert response.status_code == 200
        assert response.context["revoke_form"].errors
    body = response.content.decode()
    assert lv("Confirm that the certificate is to be revoked.") in body
    certificate.refresh_from_db()
    assert not certificate.is_revoked


def test_revoking_twice_is_refused(client, world, certificate):
    client.force_login(world.coordinator)
    revoke(client, certificate.display_code)
    certificate.refresh_from_db()
    first = (certificate.revoked_at, certificate.revoked_reason)
    response = revoke(client, certificate.display_code, reason="Vēlreiz", follow=True)
    certificate.refresh_from_db()
    assert (certificate.revoked_at, certificate.revoked_reason) == first
    with translation.override("lv"):
        day = date_format(timezone.localdate(certificate.revoked_at), "SHORT_DATE_FORMAT")
        refused = gettext("This certificate was already revoked on %(day)s.") % {"day": day}
    assert refused in [str(message) for message in response.context["messages"]]
    # The page of a revoked certificate offers no second revoking.
    page = client.get(revoke_page(certificate.code)).content.decode()
    assert 'name="reason"' not in page


def test_an_unknown_code_says_there_is_no_such_certificate(client, world, certificate):
    client.force_login(world.coordinator)
    for typed in ("ABCD-EFGH-JKMN-PQRS-TWXY", "nav-kods"):
        body = client.get(revoke_page(typed)).content.decode()
        assert (
            lv(
                "No certificate has this verification code. Check that the whole code was "
                "typed as printed on the certificate."
            )
            in body
        )
        assert "Anna Ozola" not in body
    response = revoke(client, "ABCD-EFGH-JKMN-PQRS-TWXY")
    assert response.status_code == 200
    certificate.refresh_from_db()
    assert not certificate.is_revoked


@pytest.mark.parametrize("role", ["parent", "leader", "other_parent"])
def test_nobody_but_a_coordinator_revokes(client, world, certificate, role):
    client.force_login(getattr(world, role))
    assert revoke(client, certificate.code).status_code == 403
    certificate.refresh_from_db()
    assert not certificate.is_revoked


def test_anonymous_is_sent_to_sign_in(client, certificate):
    response = revoke(client, certificate.code)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    certificate.refresh_from_db()
    assert not certificate.is_revoked


def test_an_issued_certificate_changes_only_by_revoking(world, certificate):
    certificate.revoked_reason = REASON
    certificate.save(update_fields=["revoked_reason"])
    certificate.facts = {**certificate.facts, "total_hours": "30"}
    with pytest.raises(ValueError):
        certificate.save(update_fields=["facts", "revoked_at"])
