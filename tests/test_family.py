"""A family keeps its members' details up to date: place, phone, photo and photo consent."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

from members_area.accounts.models import Consent
from tests.test_images import photo_with_gps

pytestmark = pytest.mark.django_db


def edit_url(person):
    return f"/biedri/{person.pk}/labot/"


def details(world, **changes):
    data = {
        "municipality": world.child.municipality_id,
        "phone": "",
        "photo_consent": world.child.photo_consent,
    }
    data.update(changes)
    return data


def test_a_parent_uploads_a_photo_which_loses_its_location(client, world):
    client.force_login(world.parent)
    upload = SimpleUploadedFile("anna.jpg", photo_with_gps(), content_type="image/jpeg")
    response = client.post(edit_url(world.child), details(world, photo=upload))
    assert response.status_code == 302
    world.child.refresh_from_db()
    with world.child.photo.open() as stored:
        picture = Image.open(io.BytesIO(stored.read()))
    assert not picture.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert ExifTags.Base.Make not in picture.getexif()
    # The file's name says nothing about the child.
    assert re.fullmatch(r"people/[0-9a-f]{32}\.jpg", world.child.photo.name)
    card = client.get(f"/biedri/{world.child.pk}/karte/").content.decode()
    assert f"/biedri/{world.child.pk}/foto/" in card


def test_a_replaced_photo_is_removed_from_storage(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.parent)
    for name in ("first.jpg", "second.jpg"):
        upload = SimpleUploadedFile(name, photo_with_gps(), content_type="image/jpeg")
        with django_capture_on_commit_callbacks(execute=True):
            client.post(edit_url(world.child), details(world, photo=upload))
        world.child.refresh_from_db()
        if name == "first.jpg":
            first = world.child.photo.name
    storage = world.child.photo.storage
    assert storage.exists(world.child.photo.name)
    assert not storage.exists(first)


def test_a_file_that_is_not_a_picture_is_refused(client, world):
    client.force_login(world.parent)
    fake = SimpleUploadedFile("anna.jpg", b"%PDF-1.4 not a photo", content_type="image/jpeg")
    response = client.post(edit_url(world.child), details(world, photo=fake))
    assert response.status_code == 200
    assert "photo" in response.context["form"].errors
    world.child.refresh_from_db()
    assert not world.child.photo


def test_changing_the_photo_consent_is_recorded_as_a_new_consent(client, world):
    client.force_login(world.parent)
    client.post(edit_url(world.child), details(world, photo_consent="public"))
    world.child.refresh_from_db()
    assert world.child.photo_consent == "public"
    consent = world.child.consents.filter(kind=Consent.Kind.PHOTOS).latest("given_at")
    assert (consent.level, consent.given_by) == ("public", world.parent)


def test_names_and_birth_dates_are_not_changed_here(client, world):
    client.force_login(world.parent)
    born = world.child.date_of_birth
    client.post(
        edit_url(world.child),
        details(world, first_name="Cits", date_of_birth="2000-01-01"),
    )
    world.child.refresh_from_db()
    assert (world.child.first_name, world.child.date_of_birth) == ("Anna", born)


def test_the_family_page_has_a_query_budget(client, world, django_assert_max_num_queries):
    client.force_login(world.parent)
    client.get("/biedri/")
    with django_assert_max_num_queries(17):
        response = client.get("/biedri/")
    html = response.content.decode()
    assert "Anna Ozola" in html and "Jānis Ozols" in html
    assert "Līga" not in html


def test_a_photo_is_served_only_to_those_who_may_see_it(client, world):
    client.force_login(world.parent)
    upload = SimpleUploadedFile("anna.jpg", photo_with_gps(), content_type="image/jpeg")
    client.post(edit_url(world.child), details(world, photo=upload, photo_consent="internal"))
    photo = f"/biedri/{world.child.pk}/foto/"
    response = client.get(photo)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    world.child.refresh_from_db()
    # The file itself is not public, even by its random name.
    client.logout()
    assert client.get("/media/" + world.child.photo.name).status_code == 404
    assert client.get(photo).status_code == 404
    for who, status in [
        (world.other_parent, 404),
        (world.other_leader, 404),
        (world.leader, 200),
        (world.coordinator, 200),
    ]:
        client.force_login(who)
        assert client.get(photo).status_code == status, who
    # Without consent to photos, staff do not see it; the family does.
    client.force_login(world.parent)
    client.post(edit_url(world.child), details(world, photo_consent="none"))
    client.force_login(world.leader)
    assert client.get(photo).status_code == 404
    client.force_login(world.parent)
    assert client.get(photo).status_code == 200
