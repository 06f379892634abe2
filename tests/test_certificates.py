"""Certificates of volunteer work: approved hours of a period, a PDF with real Latvian text, and
a verification code anyone can check at /verify/<code>/ (which states the facts, nothing more)."""

import datetime
import html
import io
import math
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from pypdf import PdfReader

from members_area.accounts.services import erase_person
from members_area.certificates import services
from members_area.certificates.models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    Certificate,
)
from members_area.volunteering.services import decide, log_hours, record_training
from tests.conftest import at_noon_on
from tests.members import add_guardian, make_member, make_person, years_ago

pytestmark = pytest.mark.django_db

LATVIAN_LETTERS = "āčēģīķļņšūž"
NAME = "Ģirts Ķēniņš-Žūriņa"
DESCRIPTION = "Ļoti čakli šūpoja mazos: āķīgs ģērbs, žigla ļaužu kustība"
# Mid-June, far from the new year: the tests run on this day, whatever day the suite runs.
TODAY = datetime.date(timezone.localdate().year, 6, 15)


@pytest.fixture(autouse=True)
def _mid_june():
    """Autouse, so the clock is set before `world` gives this year's memberships."""
    with at_noon_on(TODAY):
        yield


def days_ago(days):
    return TODAY - datetime.timedelta(days=days)


def hours(world, person, day, amount, *, approve=True, description="Palīdzēja pasākumā"):
    """Hours logged by the family and, unless `approve` is None, decided by the leader."""
    entry = log_hours(
        by=world.parent, person=person, club=world.club, date=day, hours=Decimal(str(amount)),
        kind="event", description=description,
    )  # fmt: skip
    if approve is not None:
        decide(entry, by=world.leader, approve=approve, reason="" if approve else "Nebija")
    return entry


@pytest.fixture
def girts(world):
    """A volunteer of the family whose name has Latvian letters, with hours of every kind."""
    person = make_person("Ģirts", "Ķēniņš-Žūriņa", years_ago(14))
    add_guardian(person, world.parent)
    make_member(person, world.club)
    hours(world, person, days_ago(20), 3, description=DESCRIPTION)
    hours(world, person, days_ago(10), "2.5", description="Sakopa parku")
    hours(world, person, days_ago(15), 4, approve=False, description="Noraidītais darbs")
    hours(world, person, days_ago(12), 5, approve=None, description="Gaidošais darbs")
    hours(world, person, days_ago(40), 6, description="Pirms perioda")
    hours(world, person, days_ago(2), 7, description="Pēc perioda")
    return person


def issue(world, person, language="lv", date_from=None, date_to=None):
    return services.issue_volunteer_certificate(
        person,
        by=world.parent,
        date_from=date_from or days_ago(30),
        date_to=date_to or days_ago(5),
        language=language,
    )


def pdf_text(certificate):
    reader = PdfReader(io.BytesIO(services.render_pdf(certificate)))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.mark.parametrize("language", ["lv", "en"])
def test_the_pdf_has_the_latvian_letters_as_text(world, girts, language):
    certificate = issue(world, girts, language)
    text = pdf_text(certificate)
    assert NAME in text
    assert DESCRIPTION in text
    for letter in LATVIAN_LETTERS + LATVIAN_LETTERS.upper():
        if letter in NAME + DESCRIPTION:
            assert letter in text, letter
    assert set(LATVIAN_LETTERS) <= set((NAME + DESCRIPTION).lower())
    assert "Cēsu mazpulks" in text
    with translation.override(language):
        assert gettext("Certificate of volunteer work") in text
    # The organisation's details, the code and the address to check it.
    assert "Latvijas Mazpulki" in text
    assert certificate.display_code in text
    assert f"{settings.SITE_BASE_URL}/verify/{certificate.display_code}/" in text
    # Dates as people write them in the certificate's language.
    start = days_ago(30)
    if language == "lv":
        assert f"{start:%d.%m.%Y}." in text
    else:
        assert f"{start.day} {start:%b} {start.year}" in text


def test_the_pdf_is_a4_with_a_qr_code(world, girts):
    reader = PdfReader(io.BytesIO(services.render_pdf(issue(world, girts))))
    page = reader.pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    assert len(page.images) == 1  # the QR code of the verification address


def test_only_approved_hours_of_the_period_are_listed_and_totalled(world, girts):
    certificate = issue(world, girts)
    facts = certificate.facts
    assert facts["holder"] == NAME
    assert facts["period"] == {"from": days_ago(30).isoformat(), "to": days_ago(5).isoformat()}
    assert facts["total_hours"] == "5.5"
    assert [(entry["date"], entry["hours"]) for entry in facts["entries"]] == [
        (days_ago(20).isoformat(), "3"),
        (days_ago(10).isoformat(), "2.5"),
    ]
    assert facts["issued_on"] == TODAY.isoformat()
    text = pdf_text(certificate)
    assert "5,5" in text
    for left_out in ("Noraidītais", "Gaidošais", "Pirms perioda", "Pēc perioda"):
        assert left_out not in text


def test_a_period_with_no_approved_hours_is_refused_with_a_message(client, world, girts):
    with pytest.raises(ValidationError) as refused:
        issue(world, girts, date_from=days_ago(16), date_to=days_ago(11))  # declined, waiting
    assert refused.value.code == "no_hours"
    client.force_login(world.parent)
    response = client.post(
        reverse("certificates:volunteer_new"),
        {
            "person": girts.pk,
            "date_from": days_ago(16).isoformat(),
            "date_to": days_ago(11).isoformat(),
            "language": "lv",
        },
    )
    assert response.status_code == 200
    (message,) = response.context["form"].non_field_errors()
    assert NAME in message and html.escape(message) in response.content.decode()
    assert not Certificate.objects.exists()


@pytest.mark.parametrize(
    ("date_from", "date_to", "code"),
    [
        (days_ago(5), days_ago(30), "reversed"),
        (days_ago(30), TODAY + datetime.timedelta(days=1), "future"),
        (TODAY + datetime.timedelta(days=1), TODAY + datetime.timedelta(days=30), "future"),
    ],
)
def test_a_reversed_or_future_period_is_refused(world, girts, date_from, date_to, code):
    with pytest.raises(ValidationError) as refused:
        issue(world, girts, date_from=date_from, date_to=date_to)
    (problem,) = refused.value.error_dict["date_to"]
    assert problem.code == code
    assert not Certificate.objects.exists()


def test_only_the_family_gets_a_certificate(world, girts):
    for outsider in (world.other_parent, world.leader, world.coordinator):
        with pytest.raises(PermissionDenied):
            services.issue_volunteer_certificate(
                girts, by=outsider, date_from=days_ago(30), date_to=TODAY, language="lv"
            )


def test_codes_are_random_long_and_readable(world, girts):
    assert CODE_LENGTH * math.log2(len(CODE_ALPHABET)) >= 80
    assert not set("01ILOUV") & set(CODE_ALPHABET)
    first, second = issue(world, girts, "lv"), issue(world, girts, "en")
    assert first.code != second.code
    groups = first.display_code.split("-")
    assert [len(group) for group in groups] == [4] * 5 and "".join(groups) == first.code


def test_the_verify_page_states_the_facts_and_not_the_entries(client, world, girts):
    certificate = issue(world, girts)
    response = client.get(reverse("certificate_verify", args=[certificate.display_code]))
    assert response.status_code == 200
    body = response.content.decode()
    assert NAME in body
    assert "5,5" in body  # the total, in Latvian
    assert "Latvijas Mazpulki" in body
    for private in (DESCRIPTION, "Sakopa parku", "Cēsu mazpulks", girts.member_number):
        assert private not in body
    assert str(girts.date_of_birth.year) not in body
    assert "noindex" in response["X-Robots-Tag"]
    assert "no-store" in response["Cache-Control"]


def test_the_verify_page_speaks_the_visitors_language(client, world, girts):
    certificate = issue(world, girts)
    url = reverse("certificate_verify", args=[certificate.display_code])
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    body = response.content.decode()
    assert NAME in body and "5.5" in body
    with translation.override("en"):
        assert gettext("This certificate is genuine") in body


@pytest.mark.parametrize("code", ["ABCD-EFGH-JKMN-PQRS-TWXY", "not-a-code", "A" * 21, "0000"])
def test_a_code_never_issued_is_not_found(client, world, girts, code):
    issue(world, girts)
    response = client.get(reverse("certificate_verify", args=[code]))
    assert response.status_code == 404
    assert NAME not in response.content.decode()
    with translation.override("lv"):
        assert gettext("No such certificate was issued") in response.content.decode()


def test_a_code_typed_in_lower_case_without_dashes_or_with_spaces_works(client, world, girts):
    certificate = issue(world, girts)
    for typed in (certificate.code.lower(), " ".join(certificate.display_code.split("-"))):
        response = client.get(reverse("certificate_verify", args=[typed]))
        assert response.status_code == 200, typed
        assert NAME in response.content.decode()


def test_a_revoked_certificate_says_so(client, world, girts):
    certificate = issue(world, girts)
    certificate.revoked_at = timezone.now()
    certificate.save(update_fields=["revoked_at"])
    response = client.get(reverse("certificate_verify", args=[certificate.display_code]))
    assert response.status_code == 200
    body = response.content.decode()
    with translation.override("lv"):
        assert gettext("This certificate has been revoked") in body
        assert gettext("This certificate is genuine") not in body


def test_an_issued_certificate_states_what_was_true_then(client, world, girts):
    certificate = issue(world, girts)
    hours(world, girts, days_ago(8), 1)
    girts.first_name = "Gints"
    girts.save()
    certificate.refresh_from_db()
    assert certificate.facts["total_hours"] == "5.5" and certificate.facts["holder"] == NAME
    body = client.get(reverse("certificate_verify", args=[certificate.code])).content.decode()
    assert NAME in body
    with pytest.raises(ValueError):
        certificate.save()


def test_erasure_revokes_the_certificate_and_forgets_the_holder(client, world, girts):
    certificate = issue(world, girts)
    erase_person(girts)
    certificate.refresh_from_db()
    assert certificate.is_revoked
    assert "holder" not in certificate.facts and "entries" not in certificate.facts
    body = client.get(reverse("certificate_verify", args=[certificate.code])).content.decode()
    assert "Ķēniņš" not in body


def test_the_family_issues_lists_and_downloads(client, world, girts):
    client.force_login(world.parent)
    page = client.get(reverse("certificates:volunteer_new")).content.decode()
    assert NAME in page and "Anna" not in page  # only people with approved hours
    assert f'value="{datetime.date(TODAY.year, 1, 1).isoformat()}"' in page
    response = client.post(
        reverse("certificates:volunteer_new"),
        {
            "person": girts.pk,
            "date_from": days_ago(30).isoformat(),
            "date_to": days_ago(5).isoformat(),
            "language": "en",
        },
    )
    assert response.status_code == 302 and response["Location"] == reverse("certificates:list")
    certificate = Certificate.objects.get()
    assert (certificate.person, certificate.language, certificate.issued_by) == (
        girts,
        "en",
        world.parent,
    )
    listing = client.get(reverse("certificates:list")).content.decode()
    assert certificate.display_code in listing
    assert reverse("certificates:pdf", args=[certificate.pk]) in listing
    download = client.get(reverse("certificates:pdf", args=[certificate.pk]))
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert "private" in download["Cache-Control"] and "no-store" in download["Cache-Control"]
    assert download.content.startswith(b"%PDF")


def test_the_hours_page_links_to_certificates(client, world):
    client.force_login(world.parent)
    body = client.get(reverse("volunteering:mine")).content.decode()
    assert reverse("certificates:list") in body


def test_another_family_sees_none_and_anonymous_signs_in(client, world, girts):
    certificate = issue(world, girts)
    pdf_url = reverse("certificates:pdf", args=[certificate.pk])
    for name, args in (("certificates:list", []), ("certificates:pdf", [certificate.pk])):
        response = client.get(reverse(name, args=args))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    for outsider in (world.other_parent, world.leader, world.coordinator):
        client.force_login(outsider)
        assert client.get(pdf_url).status_code == 404
        listing = client.get(reverse("certificates:list")).content.decode()
        assert NAME not in listing and certificate.display_code not in listing


def test_query_budgets_do_not_grow_with_certificates(client, world, girts):
    def queries(url, user=None):
        client.logout()
        if user is not None:
            client.force_login(user)
        client.get(url)  # caches warmed: the site, its menu, its settings
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    certificate = issue(world, girts)
    listing, verify = (
        reverse("certificates:list"),
        reverse("certificate_verify", args=[certificate.code]),
    )
    before = (queries(listing, world.parent), queries(verify))
    for days in range(5):
        issue(world, girts, date_from=days_ago(31 + days))
    after = (queries(listing, world.parent), queries(verify))
    assert after <= before
    assert before[0] <= 16 and before[1] <= 10


def test_a_leader_gets_the_training_certificate_at_twelve_hours(client, world):
    leader = world.leader.person
    record_training(
        by=world.coordinator, person=leader, course="Pirmā palīdzība bērniem",
        provider="Sarkanais Krusts", date=TODAY, hours=Decimal(8),
    )  # fmt: skip
    client.force_login(world.leader)
    url = reverse("certificates:training_new")
    response = client.post(url, {"person": leader.pk, "language": "lv"})
    assert response.status_code == 302 and not Certificate.objects.exists()  # 8 of 12
    record_training(
        by=world.coordinator, person=leader, course="Projektu metodika", provider="LM",
        date=TODAY, hours=Decimal(4),
    )  # fmt: skip
    client.post(url, {"person": leader.pk, "language": "lv"})
    certificate = Certificate.objects.get()
    assert certificate.kind == Certificate.Kind.LEADER_TRAINING
    assert certificate.facts["total_hours"] == "12"
    pdf = client.get(reverse("certificates:pdf", args=[certificate.pk]))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Pirmā palīdzība bērniem" in text and "Vita Vadītāja" in text
    # Nobody takes a certificate for someone outside his family.
    client.force_login(world.other_leader)
    assert client.post(url, {"person": leader.pk}).status_code == 404
