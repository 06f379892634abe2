"""Photos uploaded by editors lose their metadata (GPS above all) before they are stored."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags, Image
from wagtail.models import Collection

from home.models import SiteImage
from home.photos import strip_image_metadata
from home.views import serve_media

pytestmark = pytest.mark.django_db

RIGA = {
    ExifTags.GPS.GPSLatitudeRef: "N",
    ExifTags.GPS.GPSLatitude: (56.0, 56.0, 49.0),
    ExifTags.GPS.GPSLongitudeRef: "E",
    ExifTags.GPS.GPSLongitude: (24.0, 6.0, 25.0),
}


def photo_with_gps(image_format="JPEG", size=(40, 30), orientation=None):
    """A small photo as a phone writes it: camera, GPS position and, maybe, a rotation."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Telefons"
    exif[ExifTags.Base.GPSInfo] = RIGA
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    picture = Image.new("RGB", size, (200, 30, 30))
    picture.putpixel((0, 0), (0, 0, 255))
    content = io.BytesIO()
    picture.save(content, image_format, exif=exif.tobytes())
    data = content.getvalue()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # sanity
    return data


def stored_picture(image):
    with image.open_file() as stored:
        return Image.open(io.BytesIO(stored.read()))


def assert_no_metadata(picture):
    exif = picture.getexif()
    assert not exif.get_ifd(ExifTags.IFD.GPSInfo)
    assert ExifTags.Base.Make not in exif
    assert "exif" not in picture.info
    assert "xmp" not in picture.info


def upload(client, data, name, description="Sarkans kvadrāts"):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Augšupielāde",
            "file": SimpleUploadedFile(name, data),
            "description": description,
            "credit": "Tests",
            "collection": Collection.get_first_root_node().id,
        },
    )


@pytest.fixture
def editor_client(client, coordinator):
    client.force_login(coordinator)
    return client


def test_jpeg_uploaded_in_the_admin_comes_back_without_gps(editor_client):
    response = upload(editor_client, photo_with_gps("JPEG"), "telefons.jpg")
    assert response.status_code == 302, response.content.decode()[:2000]

    image = SiteImage.objects.get(title="Augšupielāde")
    picture = stored_picture(image)
    assert picture.format == "JPEG"
    assert_no_metadata(picture)
    assert image.file_size == image.file.size
    assert image.description == "Sarkans kvadrāts"
    assert image.credit == "Tests"


def test_rotation_is_applied_before_the_exif_goes(editor_client):
    # Orientation 6: the camera was turned; the picture must stay upright.
    upload(editor_client, photo_with_gps("JPEG", size=(40, 30), orientation=6), "portrets.jpg")
    image = SiteImage.objects.get(title="Augšupielāde")
    assert (image.width, image.height) == (30, 40)
    assert stored_picture(image).size == (30, 40)


@pytest.mark.parametrize(
    ("image_format", "name", "stored_format"),
    [
        ("PNG", "zime.png", "PNG"),
        ("WEBP", "foto.webp", "WEBP"),
        ("AVIF", "foto.avif", "AVIF"),
        ("HEIF", "iphone.heic", "JPEG"),
    ],
)
def test_other_formats_lose_their_metadata(editor_client, image_format, name, stored_format):
    response = upload(editor_client, photo_with_gps(image_format), name)
    assert response.status_code == 302, response.content.decode()[:2000]
    image = SiteImage.objects.get(title="Augšupielāde")
    picture = stored_picture(image)
    assert picture.format == stored_format
    assert_no_metadata(picture)
    if stored_format == "JPEG":
        assert image.file.name.endswith(".jpg")  # iPhone photos become JPEG


def test_renditions_carry_no_metadata(editor_client):
    upload(editor_client, photo_with_gps("JPEG", size=(400, 300)), "telefons.jpg")
    rendition = SiteImage.objects.get(title="Augšupielāde").get_rendition("width-100")
    with rendition.file.open() as stored:
        assert_no_metadata(Image.open(io.BytesIO(stored.read())))


def test_multiple_upload_also_strips_gps(editor_client):
    """The drag-and-drop uploader stores the file first and asks for the alt text after."""
    response = editor_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("grupa.jpg", photo_with_gps("JPEG"))},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    payload = response.json()
    assert payload["success"], payload
    upload_id = payload["uploaded_file_id"]

    prefix = f"uploaded-image-{upload_id}"
    response = editor_client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=[upload_id]),
        {
            f"{prefix}-title": "Grupa",
            f"{prefix}-description": "Mazpulcēni pie galda",
            f"{prefix}-collection": Collection.get_first_root_node().id,
        },
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.json()["success"], response.json()
    image = SiteImage.objects.get(title="Grupa")
    assert_no_metadata(stored_picture(image))


def test_alt_text_is_required(editor_client):
    response = upload(editor_client, photo_with_gps("JPEG"), "telefons.jpg", description="")
    assert response.status_code == 200
    assert "Apraksti attēlu tiem, kas to nevar redzēt." in response.content.decode()
    assert not SiteImage.objects.filter(title="Augšupielāde").exists()


def test_a_file_that_is_not_a_picture_is_refused(editor_client):
    response = upload(editor_client, b"%PDF-1.4 not a picture", "foto.jpg")
    assert response.status_code == 200
    assert not SiteImage.objects.filter(title="Augšupielāde").exists()


def test_originals_are_not_served_only_renditions(rf, pages, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "original_images").mkdir()
    (tmp_path / "original_images" / "foto.jpg").write_bytes(b"original")
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "foto.width-100.jpg").write_bytes(b"rendition")

    with pytest.raises(Exception) as refused:
        serve_media(rf.get("/media/original_images/foto.jpg"), "original_images/foto.jpg")
    assert refused.typename == "Http404"
    with pytest.raises(Exception) as sneaky:
        serve_media(rf.get("/"), "images/../original_images/foto.jpg")
    assert sneaky.typename == "Http404"
    response = serve_media(rf.get("/media/images/foto.width-100.jpg"), "images/foto.width-100.jpg")
    assert b"".join(response.streaming_content) == b"rendition"


def test_a_16_bit_greyscale_scan_is_stored_as_8_bit_and_shows(editor_client, client, pages):
    scan = Image.new("I;16", (40, 30), 40000)
    content = io.BytesIO()
    scan.save(content, "PNG")
    upload(editor_client, content.getvalue(), "skenets.png")
    image = SiteImage.objects.get(title="Augšupielāde")
    picture = stored_picture(image)
    assert picture.mode == "L"
    assert 150 < picture.getpixel((0, 0)) < 160  # 40000/65535 of white, not clipped

    home = pages["home"]
    home.hero_image = image
    home.save_revision().publish()
    assert client.get("/").status_code == 200  # its JPEG and WebP renditions can be made


def animation(image_format, durations):
    frames = [Image.new("RGB", (20, 20), colour) for colour in ("red", "green", "blue")]
    content = io.BytesIO()
    frames[0].save(
        content, image_format, save_all=True, append_images=frames[1:], duration=durations, loop=0
    )
    return content.getvalue()


@pytest.mark.parametrize(
    ("image_format", "name"),
    [("GIF", "kustas.gif"), ("WEBP", "kustas.webp")],
)
def test_animations_keep_every_frame_and_its_timing(editor_client, image_format, name):
    response = upload(editor_client, animation(image_format, [100, 500, 1000]), name)
    assert response.status_code == 302, response.content.decode()[-3000:]
    picture = stored_picture(SiteImage.objects.get(title="Augšupielāde"))
    assert picture.format == image_format
    assert picture.n_frames == 3
    durations = []
    for index in range(3):
        picture.seek(index)
        picture.load()
        durations.append(picture.info["duration"])
    assert durations == [100, 500, 1000]


def test_an_animated_png_stays_animated():
    """(Django's upload form refuses APNG files; member uploads go through this too.)"""
    clean = strip_image_metadata(io.BytesIO(animation("PNG", [100, 500, 1000])), "kustas.png")
    picture = Image.open(clean.content)
    assert picture.n_frames == 3
    picture.seek(2)
    assert picture.info["duration"] == 1000


def png_header_only(width, height):
    """A tiny PNG file that claims to be width x height pixels (a "decompression bomb")."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def test_a_huge_picture_is_refused_with_a_message(editor_client):
    response = upload(editor_client, png_header_only(14_000, 14_000), "milzis.png")
    assert response.status_code == 200
    assert not SiteImage.objects.filter(title="Augšupielāde").exists()
    assert "Šis attēls ir pārāk liels" in response.content.decode()


def test_strip_refuses_too_many_pixels_itself():
    """Every stored picture is checked, whichever way it arrives (member uploads later)."""
    with pytest.raises(ValidationError) as error:
        strip_image_metadata(io.BytesIO(png_header_only(20_000, 20_000)), "milzis.png")
    assert error.value.code == "too_many_pixels"
