"""What a brand file is, by its content: SVG logos that could run scripts are refused, and
every document must be what its name says (PDFs without scripts, PNGs without metadata).

An SVG is a web page in disguise: opened directly from this site, a `<script>` in it would
run with the site's cookies. The site never lets it (documents are served as downloads
with `Content-Security-Policy: default-src 'none'`, and previews use `<img>`, where SVG
scripts never run), and this check keeps such files out of the library in the first place.
"""

import codecs
import html
import os
import re
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from home.photos import strip_image_metadata
from home.validators import looks_like_pdf, refuse_active_pdf

SVG_SNIFF_BYTES = 64 * 1024  # "<svg" may come after a long comment or metadata
SVG_MAX_BYTES = 5 * 1024 * 1024

# Anything that makes an SVG active: scripts, event handlers, script URLs, embedded HTML,
# entity declarations (which can hide all of these), and links other than to a part of
# the same drawing or to an embedded raster picture.
SVG_RISKS = [
    # Namespace prefixes are XML names: letters, digits, "-", "_" and ".".
    (re.compile(r"<\s*(?:[\w.-]+:)?script\b", re.IGNORECASE), "script"),
    (re.compile(r"[\s\"'/]on[a-z]+\s*=", re.IGNORECASE), "event handler"),
    (re.compile(r"(?:java|vb)script\s*:", re.IGNORECASE), "script URL"),
    (
        re.compile(r"<\s*(?:[\w.-]+:)?(?:foreignObject|iframe|embed|object)\b", re.IGNORECASE),
        "HTML",
    ),
    (re.compile(r"<!ENTITY", re.IGNORECASE), "entity"),
    (
        re.compile(
            r"""\bhref\s*=\s*["']\s*(?!#|data:image/(?:png|jpeg|gif|webp)[;,])""", re.IGNORECASE
        ),
        "link",
    ),
    # Style sheets fetch other files too: url(…) other than a part of the drawing, @import.
    (
        re.compile(r"""url\s*\(\s*["']?\s*(?!#|data:image/(?:png|jpeg|gif|webp)[;,])""", re.I),
        "link",
    ),
    (re.compile(r"@import\b", re.IGNORECASE), "link"),
]


def read_head(file, size):
    """The first bytes of a file (or a Django File or upload), leaving it where it was."""
    position = file.tell() if hasattr(file, "tell") else None
    try:
        file.seek(0)
        return file.read(size)
    finally:
        if position is not None:
            file.seek(position)


def decode(content):
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if content.startswith(bom):
            return content.decode(encoding, errors="replace")
    return content.decode("utf-8", errors="replace")


def looks_like_svg(name, head):
    text = decode(head).lower()
    return (name or "").lower().endswith(".svg") or "<svg" in text


def svg_risks(content):
    """The kinds of active content found in an SVG's text (an empty list: a plain drawing).

    Checked as written and with character references decoded (`&#106;avascript:`). A file
    that is not UTF-8 (or UTF-16 with its byte-order mark) is refused: in another encoding
    the patterns would not see what a browser reads.
    """
    has_bom = content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not has_bom:
        try:
            content.decode("utf-8")
        except UnicodeDecodeError:
            return ["encoding"]
        if b"\x00" in content:
            return ["encoding"]
    text = decode(content)
    texts = (text, html.unescape(text))
    return [
        kind for pattern, kind in SVG_RISKS if any(pattern.search(version) for version in texts)
    ]


def check_svg_upload(file, name=None):
    """Raise a ValidationError, for the editor, if the file is an SVG that could run code."""
    name = name or getattr(file, "name", "")
    if not looks_like_svg(name, read_head(file, SVG_SNIFF_BYTES)):
        return
    content = read_head(file, SVG_MAX_BYTES + 1)
    if len(content) > SVG_MAX_BYTES:
        raise ValidationError(_("An SVG logo may be at most 5 MB."), code="svg_too_large")
    if svg_risks(content):
        raise ValidationError(
            _(
                "This SVG file contains scripts, event handlers or links, which are not "
                "allowed in logo files. Export the logo again as a plain drawing (in "
                "Inkscape: “Plain SVG”; in Illustrator: without scripts or interactivity)."
            ),
            code="svg_active_content",
        )


ZIP_EXTENSIONS = {"docx", "xlsx", "pptx", "odt", "ods", "odp", "zip"}
CHECKED_EXTENSIONS = {"pdf", "png", "svg", "txt", *ZIP_EXTENSIONS}


def document_to_store(file):
    """The file to store for an uploaded document, refused (a ValidationError for the
    editor) unless its content is what its extension says: a PDF without scripts or embedded
    files, a PNG (stored again without its metadata: logos are PNGs, and so are screenshots
    and photos), an SVG drawing (checked by check_svg_upload), an office document or archive
    (ZIP), a text. Other extensions are left to WAGTAILDOCS_EXTENSIONS."""
    name = os.path.basename(file.name)
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    if extension not in CHECKED_EXTENSIONS:
        return file
    matches = content_is(file, extension)
    file.seek(0)
    if not matches:
        raise ValidationError(
            _(
                "The content of “%(name)s” is not a %(kind)s file, as its name says. Save it "
                "again as %(kind)s and upload it."
            )
            % {"name": name, "kind": extension.upper()},
            code="content_does_not_match_name",
        )
    if extension == "pdf":
        refuse_active_pdf(file)
    if extension == "png":
        return strip_image_metadata(file, name, formats={"PNG"}).content
    return file


def content_is(file, extension):
    """Whether the file's content is of the kind its extension (one of CHECKED_EXTENSIONS)
    says."""
    head = read_head(file, SVG_SNIFF_BYTES)
    if extension == "pdf":
        return looks_like_pdf(file)
    if extension == "png":
        return head.startswith(SIGNATURES["png"])
    if extension == "svg":
        return "<svg" in decode(head).lower()
    if extension == "txt":
        return is_text(file)
    return zipfile.is_zipfile(file)


def is_text(file):
    """Text has no zero bytes (a program or a picture has), unless it is UTF-16."""
    content = read_head(file, file.size)
    return content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\0" not in content


SIGNATURES = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}


def has_format(document, kind):
    """Whether a stored document really is a PDF, a PNG or a (plain) SVG, by its content."""
    try:
        with document.file.open("rb") as file:
            head = file.read(SVG_SNIFF_BYTES)
            if kind == "svg":
                file.seek(0)
                return looks_like_svg("", head) and not svg_risks(file.read(SVG_MAX_BYTES))
    except (OSError, ValueError):
        return False
    return head.startswith(SIGNATURES[kind])
