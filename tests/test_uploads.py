"""Every upload field of the site against one shared set of hostile files (issue 11).

HOSTILE is the set: files an attacker (or an unlucky phone) sends, made here with Pillow and
plain bytes, once per run. UPLOADS is every way a person can put a file on the site, by the
model field it fills ("app_label.Model.field"), each with a small adapter that submits a file
through the real view as the person who may upload there. Every path meets every file:

- a file the path may keep (by its content, and by its name where the path checks names) is
  stored safely: pictures re-encoded without EXIF/GPS and without anything appended, PDFs
  without scripts, SVGs only as documents and only as plain drawings;
- anything else is refused with a message in Latvian, and nothing is stored: no new row, no
  new file in the storage.

A new upload field fails `test_every_file_field_of_the_project_is_in_the_registry` until it is
added to UPLOADS, and then meets the whole set.
"""

import functools
import html
import io
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import reverse
from django.utils.translation import trans_real
from PIL import ExifTags, Image, PngImagePlugin
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, UploadedFile
from wagtail.users.models import UserProfile

from brandbook import demo_content
from brandbook.documents import document_to_store, svg_risks
from home.validators import pdf_risks
from members_area.accounts.models import Person
from members_area.online.models import Announcement, AnnouncementAttachment
from members_area.projects.models import ProjectFile
from tests.projects import make_project, make_theme, question
from tests.test_images import RIGA

pytestmark = pytest.mark.django_db

MARKER = b"mazpulki-attack"  # in every payload: a stored file must never contain it
MB = 1024 * 1024
PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[sdi]")


# The hostile files ------------------------------------------------------------------------------


def jpeg(size=(40, 30), exif=None, noise=False):
    picture = Image.effect_noise(size, 64).convert("RGB") if noise else Image.new("RGB", size)
    content = io.BytesIO()
    picture.save(content, "JPEG", **({"exif": exif.tobytes()} if exif else {}))
    return content.getvalue()


def phone_exif():
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Telefons"
    exif[ExifTags.Base.GPSInfo] = RIGA
    return exif


def jpeg_with_gps():
    data = jpeg(exif=phone_exif())
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # sanity
    return data


def png_with_gps():
    """A PNG carrying the place twice: an eXIf chunk and a text chunk."""
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", f"Rīga, 56.94 N 24.10 E {MARKER.decode()}")
    content = io.BytesIO()
    Image.new("RGB", (40, 30), (0, 120, 60)).save(
        content, "PNG", exif=phone_exif().tobytes(), pnginfo=text
    )
    return content.getvalue()


def jpeg_of_size(size):
    """A valid photo made big by comment segments, as some cameras' maker notes do."""
    photo = jpeg()
    segment = b"\xff\xfe" + struct.pack(">H", 0xFFFF) + b"\0" * 0xFFFD
    count = size // len(segment) + 1
    return photo[:2] + segment * count + photo[2:]


def build_pdf(*extra_objects, catalog=b"", header=b"", tail=b""):
    """A one-page PDF with a correct cross-reference table, extra objects from number 4 on."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        *extra_objects,
    ]
    out = bytearray(b"%PDF-1.7\n" + header + b"%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out) + tail


def pdf_with_hidden_script():
    """/OpenAction pointing at a JavaScript action that sits in a compressed object stream,
    its names written with #-escapes (/J#61vaScript is /JavaScript): nothing to see unpacked."""
    action = b"<< /S /J#61vaScript /J#53 (app.alert\\('" + MARKER + b"'\\)) >>"
    offsets = b"5 0 "
    packed = zlib.compress(offsets + action)
    stream = b"<< /Type /ObjStm /N 1 /First %d /Filter /FlateDecode /Length %d >>\nstream\n" % (
        len(offsets),
        len(packed),
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        stream + packed + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets_of = []
    for number, body in enumerate(objects, 1):
        offsets_of.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref_at = len(out)
    # A cross-reference stream (PDF 1.5): object 5 lives in object stream 4, at index 0.
    rows = [struct.pack(">BIH", 0, 0, 0xFFFF)]
    rows += [struct.pack(">BIH", 1, offset, 0) for offset in offsets_of]
    rows += [struct.pack(">BIH", 2, 4, 0), struct.pack(">BIH", 1, xref_at, 0)]
    table = zlib.compress(b"".join(rows))
    out += b"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode"
    out += b" /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (len(table), table)
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


def pdf_with_zip():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("index.html", b"<script>alert('" + MARKER + b"')</script>")
    return build_pdf() + archive.getvalue()


def png_bomb(side=30_000):
    """A real decompression bomb: 30000 x 30000 black-and-white pixels (900 megapixels, a
    gigabyte in memory once decoded) in a file of about 100 KB."""

    def chunk(kind, data):
        checksum = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", checksum)

    row = b"\0" * (1 + (side + 7) // 8)
    packer = zlib.compressobj(9)
    rows_at_once = 1000
    packed = b"".join(packer.compress(row * rows_at_once) for _ in range(side // rows_at_once))
    packed += packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", packed) + chunk(b"IEND", b"")
    )


def gif_javascript_polyglot():
    """A GIF that is also a script: `GIF89a/*…*/=1;alert(…);/*…*/` (its width is "/*")."""
    script = b"*/=1;alert('" + MARKER + b"');/*"
    return (
        b"GIF89a/*\x0a\x00\x80\x00\x00"  # 10799 x 10 pixels, a palette of two colours
        + b"\x00\x00\x00\xff\xff\xff"
        + b"\x21\xfe"
        + bytes([len(script)])
        + script
        + b"\x00"  # the script, as a GIF comment
        + b"\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00"  # one pixel
        + b";*/"  # the GIF ends; the comment that began in its header too
    )


def svg(body, prologue=b""):
    return (
        prologue + b'<svg xmlns="http://www.w3.org/2000/svg" '
        b'xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">' + body + b"</svg>"
    )


def half_of(data):
    return data[: len(data) // 2]


HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert('" + MARKER + b"')</script></body></html>"
WINDOWS_PROGRAM = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    + b"\0" * 48
    + b"This program cannot be run in DOS mode.\r\r\n$"
    + MARKER
    + b"PE\0\0"
)


@dataclass(frozen=True)
class Hostile:
    filename: str
    make: Callable[[], bytes]
    # What the content really is, when some field may keep it (after re-encoding, for
    # pictures): "jpeg", "png", "gif", "pdf", "svg"; None for a file no field may keep.
    kind: str | None = None


HOSTILE = {
    # What people legitimately upload, as controls (the first two with the place they were
    # taken, which must not be stored).
    "jpeg-with-gps": Hostile("telefons.jpg", jpeg_with_gps, "jpeg"),
    "png-with-gps-and-text": Hostile("zime.png", png_with_gps, "png"),
    "clean-pdf": Hostile("nolikums.pdf", build_pdf, "pdf"),
    "clean-svg": Hostile("logo.svg", demo_content.logo_svg, "svg"),
    # Size.
    "oversized-jpeg-21mb": Hostile("liela.jpg", lambda: jpeg_of_size(21 * MB)),
    "oversized-pdf-51mb": Hostile(
        "liels.pdf", lambda: build_pdf(b"<< /Length 0 >>\nstream\n" + b"0" * (51 * MB))
    ),
    "empty-file": Hostile("tukss.jpg", lambda: b""),
    # The name lies about the content.
    "html-named-jpg": Hostile("foto.jpg", lambda: HTML_PAGE),
    "html-named-pdf": Hostile("nolikums.pdf", lambda: HTML_PAGE),
    "exe-named-pdf": Hostile("nolikums.pdf", lambda: WINDOWS_PROGRAM),
    "svg-with-script-named-png": Hostile(
        "logo.png", lambda: svg(b"<script>alert('" + MARKER + b"')</script>")
    ),
    "jpeg-named-html": Hostile("foto.html", jpeg, "jpeg"),
    # Pictures that hurt the server.
    "decompression-bomb-png": Hostile("milzis.png", png_bomb),
    "truncated-jpeg": Hostile("puse.jpg", lambda: half_of(jpeg((400, 300), noise=True))),
    # Polyglots: a valid file that is something else too.
    "jpeg-with-html-appended": Hostile("foto.jpg", lambda: jpeg() + HTML_PAGE, "jpeg"),
    "gif-javascript-polyglot": Hostile("animacija.gif", gif_javascript_polyglot, "gif"),
    "pdf-with-zip-appended": Hostile("nolikums.pdf", pdf_with_zip),
    "pdf-that-is-html": Hostile("nolikums.pdf", lambda: build_pdf(header=b"%" + HTML_PAGE + b"\n")),
    # PDFs that act when opened.
    "pdf-openaction-javascript": Hostile(
        "nolikums.pdf",
        lambda: build_pdf(
            catalog=b"/OpenAction << /S /JavaScript /JS (app.alert\\('" + MARKER + b"'\\)) >>"
        ),
    ),
    "pdf-launch": Hostile(
        "nolikums.pdf",
        lambda: build_pdf(
            catalog=b"/OpenAction << /S /Launch /Win << /F (cmd.exe) /P (/c echo "
            + MARKER
            + b") >> >>"
        ),
    ),
    "pdf-hidden-javascript": Hostile("nolikums.pdf", pdf_with_hidden_script),
    # SVGs that act when opened.
    "svg-script": Hostile("logo.svg", lambda: svg(b"<script>alert('" + MARKER + b"')</script>")),
    "svg-onload": Hostile(
        "logo.svg",
        lambda: svg(b'<rect width="10" height="10" onload="alert(\'' + MARKER + b"')\"/>"),
    ),
    "svg-javascript-href": Hostile(
        "logo.svg",
        lambda: svg(b"<a xlink:href=\"javascript:alert('" + MARKER + b"')\"><rect/></a>"),
    ),
    "svg-foreign-object": Hostile(
        "logo.svg",
        lambda: svg(
            b'<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">'
            + MARKER
            + b"</div></foreignObject>"
        ),
    ),
    "svg-external-entity": Hostile(
        "logo.svg",
        lambda: svg(
            b"<text>&xxe;</text>",
            prologue=b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM '
            b'"file:///etc/passwd">]><!-- ' + MARKER + b" -->",
        ),
    ),
    "svg-external-image": Hostile(
        "logo.svg",
        lambda: svg(
            b'<image href="https://example.org/' + MARKER + b'.png" width="9" height="9"/>'
        ),
    ),
    "svg-external-css": Hostile(
        "logo.svg",
        lambda: svg(b'<style>@import url("https://example.org/' + MARKER + b'.css");</style>'),
    ),
}


@functools.cache
def content_of(name):
    """Each hostile file is made once per run."""
    return HOSTILE[name].make()


def test_the_hostile_files_are_what_they_claim():
    """The attacks are real: a reader finds the bomb's size, the GIF's script, the PDFs'
    actions (also the one in the compressed object stream)."""
    from pypdf import PdfReader

    bomb = content_of("decompression-bomb-png")
    assert struct.unpack(">II", bomb[16:24]) == (30_000, 30_000) and len(bomb) < 200_000
    unpacked = zlib.decompressobj()
    assert len(unpacked.decompress(bomb[41:-12], 10 * MB)) == 10 * MB  # and it goes on
    gif = Image.open(io.BytesIO(content_of("gif-javascript-polyglot")))
    assert gif.format == "GIF" and gif.size == (10799, 10)
    assert content_of("gif-javascript-polyglot").startswith(b"GIF89a/*")
    for name, action in [
        ("pdf-openaction-javascript", "/JavaScript"),
        ("pdf-launch", "/Launch"),
        ("pdf-hidden-javascript", "/JavaScript"),
    ]:
        reader = PdfReader(io.BytesIO(content_of(name)))
        assert reader.trailer["/Root"]["/OpenAction"]["/S"] == action, name
        assert len(reader.pages) == 1
    assert len(PdfReader(io.BytesIO(content_of("clean-pdf"))).pages) == 1
    assert zipfile.is_zipfile(io.BytesIO(content_of("pdf-with-zip-appended")))
    assert len(content_of("oversized-jpeg-21mb")) > 21 * MB
    assert Image.open(io.BytesIO(content_of("oversized-jpeg-21mb"))).format == "JPEG"
    truncated = Image.open(io.BytesIO(content_of("truncated-jpeg")))
    with pytest.raises(OSError):
        truncated.load()


# The upload paths ------------------------------------------------------------------------------


@dataclass
class Outcome:
    accepted: bool
    errors: list


def upload(name, data):
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def form_errors(response, *fields):
    if response.status_code in (301, 302):
        return Outcome(True, [])
    assert response.status_code == 200, response.status_code
    form = response.context["form"]
    messages = [str(m) for field in fields for m in form.errors.get(field, [])]
    messages += [str(m) for m in form.non_field_errors()]
    return Outcome(False, messages)


# Member photo (the family's page of a member).


def person_photo_state(ctx):
    return Person.objects.get(pk=ctx.world.child.pk).photo.name


def submit_person_photo(ctx, name, data):
    ctx.client.force_login(ctx.world.parent)
    child = ctx.world.child
    response = ctx.client.post(
        reverse("members:edit", args=[child.pk]),
        {
            "municipality": child.municipality_id,
            "phone": "",
            "photo_consent": child.photo_consent,
            "photo": upload(name, data),
        },
    )
    return form_errors(response, "photo")


# Project files: a report's photos and PDFs, an application's photo and file questions.


def project_in(state):
    """A project of the family's child, straight in the database in this state, on a theme
    asking for a photo and a file."""

    def prepare(ctx):
        theme = make_theme(
            "Augšupielādes",
            application_questions=[
                question("site", "photo", label="Dobes foto", required=False),
                question("budget", "file", label="Budžets", required=False),
            ],
        )
        ctx.project = make_project(
            theme, ctx.world.club, [ctx.world.child], created_by=ctx.world.parent, state=state
        )
        ctx.fields = {"title": "Bietes", "goal": "Bietes", "plan": "Sēt", "timeline": "Maijs"}

    return prepare


def project_files_state(ctx):
    return ProjectFile.objects.count()


def submit_report_file(field):
    def submit(ctx, name, data):
        ctx.client.force_login(ctx.world.parent)
        response = ctx.client.post(
            reverse("projects:report", args=[ctx.project.pk]),
            {"report_done": "Izaudzēju", field: [upload(name, data)], "action": "save"},
        )
        return form_errors(response, field)

    return submit


def submit_application_file(key):
    def submit(ctx, name, data):
        ctx.client.force_login(ctx.world.parent)
        response = ctx.client.post(
            reverse("projects:edit", args=[ctx.project.pk]),
            {**ctx.fields, f"answer_{key}": upload(name, data), "action": "save"},
        )
        return form_errors(response, f"answer_{key}")

    return submit


# The online club room: a leader's announcement with an attachment.


def announcement_state(ctx):
    return Announcement.objects.count(), AnnouncementAttachment.objects.count()


def submit_announcement(ctx, name, data):
    ctx.client.force_login(ctx.world.leader)
    response = ctx.client.post(
        reverse("online:announcement_new", args=[ctx.world.club.pk]),
        {"title": "Nolikums", "text": "Lūdzu izlasiet.", "attachment": upload(name, data)},
    )
    return form_errors(response, "attachment")


# Wagtail's images: one by one, and the drag-and-drop uploader (which keeps the file as an
# UploadedFile until the alt text is given).


def root_collection():
    return Collection.get_first_root_node().pk


def images_state(ctx):
    return get_image_model().objects.count(), UploadedFile.objects.count()


def submit_image(ctx, name, data):
    ctx.client.force_login(ctx.coordinator)
    response = ctx.client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Augšupielāde",
            "file": upload(name, data),
            "description": "Attēls",
            "collection": root_collection(),
        },
    )
    return form_errors(response, "file")


def submit_images_at_once(ctx, name, data):
    ctx.client.force_login(ctx.coordinator)
    ajax = {"x-requested-with": "XMLHttpRequest"}
    response = ctx.client.post(
        reverse("wagtailimages:add_multiple"), {"files[]": upload(name, data)}, headers=ajax
    )
    payload = response.json()
    if not payload["success"]:
        return Outcome(False, payload["error_message"].splitlines())
    upload_id = payload["uploaded_file_id"]
    prefix = f"uploaded-image-{upload_id}"
    response = ctx.client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=[upload_id]),
        {
            f"{prefix}-title": "Grupa",
            f"{prefix}-description": "Mazpulcēni",
            f"{prefix}-collection": root_collection(),
        },
        headers=ajax,
    )
    return Outcome(response.json()["success"], [])


# Wagtail's documents (the brandbook's logo files, the newspaper, the leaders' library).


def documents_state(ctx):
    return get_document_model().objects.count(), UploadedFile.objects.count()


def submit_document(ctx, name, data):
    ctx.client.force_login(ctx.coordinator)
    response = ctx.client.post(
        reverse("wagtaildocs:add"),
        {"title": "Fails", "file": upload(name, data), "collection": root_collection()},
    )
    return form_errors(response, "file")


def submit_documents_at_once(ctx, name, data):
    ctx.client.force_login(ctx.coordinator)
    response = ctx.client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": upload(name, data), "collection": root_collection()},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    payload = response.json()
    return Outcome(payload["success"], payload.get("error_message", "").splitlines())


# The admin's profile picture (Account → Profile picture).


def avatar_state(ctx):
    return UserProfile.get_for_user(ctx.coordinator).avatar.name


ACCOUNT_FORM = {}


def account_form(client):
    """What the account page sends for the demo coordinator (all its panels are one form),
    read from the page once."""
    if not ACCOUNT_FORM:
        page = client.get(reverse("wagtailadmin_account"))
        for panels in page.context["panels_by_tab"].values():
            for panel in panels:
                for field in panel.get_form():
                    value = field.value()
                    if value not in (None, False, ""):
                        ACCOUNT_FORM[field.html_name] = "on" if value is True else value
    return ACCOUNT_FORM


def submit_avatar(ctx, name, data):
    ctx.client.force_login(ctx.coordinator)
    sent = {**account_form(ctx.client), "avatar-avatar": upload(name, data)}
    response = ctx.client.post(reverse("wagtailadmin_account"), sent)
    if response.status_code == 302:
        return Outcome(True, [])
    page_html = response.content.decode()
    errors = re.findall(r'<p class="error-message">([^<]*)</p>', page_html)
    return Outcome(False, [html.unescape(error).strip() for error in errors])


@dataclass(frozen=True)
class UploadPath:
    field: str  # the model field the file is stored in: "app_label.Model.field"
    submit: Callable
    state: Callable  # what must not change when a file is refused
    accepts: frozenset  # the kinds of content it keeps
    checks_names: bool = False  # the file's extension must fit its content too
    prepare: Callable = lambda ctx: None


PHOTOS = frozenset({"jpeg", "png"})  # and HEIC: phones' photos (HEIC has tests of its own)
PICTURES = PHOTOS | {"gif"}
EXTENSIONS = {
    "jpeg": {"jpg", "jpeg"},
    "png": {"png"},
    "gif": {"gif"},
    "pdf": {"pdf"},
    "svg": {"svg"},
}

UPLOADS = {
    "member-photo": UploadPath(
        "accounts.Person.photo",
        submit_person_photo,
        person_photo_state,
        PICTURES,
        checks_names=True,
    ),
    "project-report-photos": UploadPath(
        "projects.ProjectFile.file",
        submit_report_file("photos"),
        project_files_state,
        PHOTOS,
        prepare=project_in("approved"),
    ),
    "project-report-attachments": UploadPath(
        "projects.ProjectFile.file",
        submit_report_file("attachments"),
        project_files_state,
        frozenset({"pdf"}),
        prepare=project_in("approved"),
    ),
    "project-application-photo-question": UploadPath(
        "projects.ProjectFile.file",
        submit_application_file("site"),
        project_files_state,
        PHOTOS,
        prepare=project_in("draft"),
    ),
    "project-application-file-question": UploadPath(
        "projects.ProjectFile.file",
        submit_application_file("budget"),
        project_files_state,
        frozenset({"pdf"}),
        prepare=project_in("draft"),
    ),
    "online-announcement-attachment": UploadPath(
        "online.AnnouncementAttachment.file",
        submit_announcement,
        announcement_state,
        PHOTOS | {"pdf"},
    ),
    "wagtail-image": UploadPath(
        "home.SiteImage.file", submit_image, images_state, PICTURES, checks_names=True
    ),
    "wagtail-images-at-once": UploadPath(
        "wagtailcore.UploadedFile.file",  # and then home.SiteImage.file
        submit_images_at_once,
        images_state,
        PICTURES,
        checks_names=True,
    ),
    "wagtail-document": UploadPath(
        "wagtaildocs.Document.file",
        submit_document,
        documents_state,
        frozenset({"pdf", "png", "svg"}),
        checks_names=True,
    ),
    "wagtail-documents-at-once": UploadPath(
        "wagtaildocs.Document.file",
        submit_documents_at_once,
        documents_state,
        frozenset({"pdf", "png", "svg"}),
        checks_names=True,
    ),
    "admin-profile-picture": UploadPath(
        "wagtailusers.UserProfile.avatar",
        submit_avatar,
        avatar_state,
        PICTURES,
        checks_names=True,
    ),
}

# File fields of the project's models that nobody uploads to, and why.
NOT_UPLOADED = {
    "home.SiteImageRendition.file": "made by Wagtail from a stored (already clean) SiteImage",
}


def expected_to_keep(path, hostile):
    if hostile.kind not in path.accepts:
        return False
    extension = os.path.splitext(hostile.filename)[1].lstrip(".").lower()
    return not path.checks_names or extension in EXTENSIONS[hostile.kind]


# The checks -------------------------------------------------------------------------------------


def stored_files():
    found = set()
    for folder, _subfolders, files in os.walk(settings.MEDIA_ROOT):
        found.update(os.path.join(folder, name) for name in files)
    return found


def assert_stored_safely(path_name, file_name):
    data = Path(file_name).read_bytes()
    assert MARKER not in data, f"{file_name} keeps the attacker's payload"
    extension = os.path.splitext(file_name)[1].lower()
    if extension == ".svg":
        assert path_name.startswith("wagtail-document"), "SVG files are only brandbook documents"
        assert not svg_risks(data)
        return
    if extension == ".pdf":
        assert data.startswith(b"%PDF-") and not zipfile.is_zipfile(io.BytesIO(data))
        for token in (b"/JavaScript", b"/JS", b"/Launch", b"<script"):
            assert token not in data, token
        return
    picture = Image.open(io.BytesIO(data))
    picture.load()
    exif = picture.getexif()
    assert not exif.get_ifd(ExifTags.IFD.GPSInfo), f"{file_name} keeps GPS"
    assert ExifTags.Base.Make not in exif
    assert not {"exif", "xmp", "comment", "Comment"} & set(picture.info), picture.info.keys()
    formats = {"JPEG": {".jpg", ".jpeg"}, "PNG": {".png"}, "GIF": {".gif"}, "WEBP": {".webp"}}
    assert extension in formats[picture.format], (file_name, picture.format)


@functools.cache
def latvian_messages():
    """Every Latvian text of the catalogues in use (the site's, Django's, Wagtail's…): the
    exact ones, and (pattern, length of its own words) for those with placeholders."""
    exact, patterns = set(), []
    for _msgid, text in trans_real.translation("lv")._catalog.items():
        if PLACEHOLDER.search(text):
            parts = PLACEHOLDER.split(text)
            pattern = re.compile(".*?".join(re.escape(part) for part in parts), re.DOTALL)
            patterns.append((pattern, len("".join(parts))))
        else:
            exact.add(text)
    return exact, patterns


def in_latvian(message, file_name):
    """Whether an error is a message of the Latvian catalogues (maybe after the file's name,
    as the report's photos are listed); one with words of its own, not just "%(name)s"."""
    message = message.removeprefix(f"{file_name}: ")
    exact, patterns = latvian_messages()
    return message in exact or any(
        words >= 20 and pattern.fullmatch(message) for pattern, words in patterns
    )


class Context:
    """What an adapter needs: the client, and (made only when asked for) the `world` of
    families and clubs or the demo coordinator."""

    def __init__(self, request, client):
        self.request, self.client = request, client

    @functools.cached_property
    def world(self):
        return self.request.getfixturevalue("world")

    @functools.cached_property
    def coordinator(self):
        return self.request.getfixturevalue("coordinator")


@pytest.fixture
def ctx(request, client):
    return Context(request, client)


@pytest.mark.parametrize("hostile_name", list(HOSTILE))
@pytest.mark.parametrize("path_name", list(UPLOADS))
def test_every_upload_path_keeps_only_what_is_safe(
    ctx, path_name, hostile_name, django_capture_on_commit_callbacks
):
    path, hostile = UPLOADS[path_name], HOSTILE[hostile_name]
    path.prepare(ctx)
    state, files = path.state(ctx), stored_files()

    with django_capture_on_commit_callbacks(execute=True):
        outcome = path.submit(ctx, hostile.filename, content_of(hostile_name))

    new_files = stored_files() - files
    if expected_to_keep(path, hostile):
        assert outcome.accepted, outcome.errors
        assert path.state(ctx) != state
        assert new_files
        for file_name in new_files:
            assert_stored_safely(path_name, file_name)
    else:
        assert not outcome.accepted, "accepted a file it should refuse"
        assert path.state(ctx) == state, "a refused file left a row behind"
        assert not new_files, f"a refused file left {new_files} in the storage"
        assert outcome.errors and all(outcome.errors), "refused without saying why"
        assert all(in_latvian(error, hostile.filename) for error in outcome.errors), outcome.errors


def test_every_file_field_of_the_project_is_in_the_registry():
    """A new FileField/ImageField fails here until it is added to UPLOADS (or NOT_UPLOADED)."""
    base = Path(settings.BASE_DIR).resolve()
    fields = set()
    for config in apps.get_app_configs():
        folder = Path(config.path).resolve()
        if not folder.is_relative_to(base) or ".venv" in folder.parts:
            continue
        for model in config.get_models():
            for field in model._meta.get_fields():
                if isinstance(field, models.FileField):
                    fields.add(f"{model._meta.label}.{field.name}")
    assert {"accounts.Person.photo", "projects.ProjectFile.file"} <= fields  # found at all
    registered = {path.field for path in UPLOADS.values()} | set(NOT_UPLOADED)
    assert fields - registered == set(), "add these upload fields to UPLOADS"
    # And Wagtail's own upload fields that people reach here.
    for model in (get_image_model(), get_document_model()):
        assert f"{model._meta.label}.file" in registered
    assert "wagtailusers.UserProfile.avatar" in registered


# The checks behind the fields -------------------------------------------------------------------


def office_document():
    content = io.BytesIO()
    with zipfile.ZipFile(content, "w") as zipped:
        zipped.writestr("[Content_Types].xml", "<Types/>")
    return content.getvalue()


@pytest.mark.parametrize(
    ("name", "make", "kept"),
    [
        ("vestule.docx", office_document, True),
        ("vestule.docx", lambda: HTML_PAGE, False),
        ("tabula.xlsx", lambda: WINDOWS_PROGRAM, False),
        ("piezimes.txt", lambda: "Sveiki, mazpulcēni!".encode(), True),
        ("piezimes.txt", lambda: "Sveiki!".encode("utf-16"), True),
        ("piezimes.txt", lambda: WINDOWS_PROGRAM, False),
        ("logo.svg", lambda: HTML_PAGE.replace(b"<script>", b"<b>"), False),
    ],
)
def test_a_document_must_be_what_its_name_says(name, make, kept):
    if kept:
        assert document_to_store(upload(name, make())).read() == make()
    else:
        with pytest.raises(ValidationError) as refused:
            document_to_store(upload(name, make()))
        assert refused.value.code == "content_does_not_match_name"


def test_pdf_checks_read_names_not_the_bytes_of_pictures():
    """A picture's or a page's data may hold "/JS" by chance; an object stream that cannot
    be unpacked (encrypted, or another filter) cannot be checked."""
    picture = b"<< /Length 9 /Filter /DCTDecode >>\nstream\n\xff/JS \x00\x01\nendstream"
    assert pdf_risks(upload("foto.pdf", build_pdf(picture))) == []
    hidden = b"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length 9 >>\nstream\n"
    assert pdf_risks(upload("x.pdf", build_pdf(hidden + b"\x00" * 9 + b"\nendstream"))) == [
        "unreadable"
    ]
