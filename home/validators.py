"""Checks of what visitors type and upload, shared by the site's forms."""

import io
import os
import re
import zipfile
import zlib

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

phone_number = RegexValidator(
    r"^\+?[0-9 ()-]{6,25}$", _("Enter a phone number, e.g. +371 20000000.")
)


# PDF files -------------------------------------------------------------------------------------

PDF_SIGNATURE = b"%PDF-"
PDF_END = b"%%EOF"
# Names that make a PDF act when it is opened or clicked: scripts, programs started, files
# carried inside, Flash, XML forms (which carry scripts), forms sending or reading data.
PDF_ACTIVE_NAMES = {
    b"JavaScript",
    b"JS",
    b"Launch",
    b"EmbeddedFile",
    b"EmbeddedFiles",
    b"RichMedia",
    b"XFA",
    b"SubmitForm",
    b"ImportData",
}
PDF_NAME = re.compile(rb"/([^\s/<>\[\]()%{}]+)")
PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
# A PDF that a browser would also take for a web page (a "polyglot").
PDF_MARKUP = re.compile(rb"<\s*(?:script|html|body|iframe|!doctype\s+html)\b", re.IGNORECASE)
PDF_STREAM = re.compile(rb"\bstream\r?\n")
PDF_OBJECT_STREAM_LIMIT = 20 * 1024 * 1024  # unpacked, all object streams together


def looks_like_pdf(upload):
    """A PDF begins with its signature (after a byte-order mark or blank space at most) and
    ends with an end-of-file marker (followed by blank space or a little junk from mailers)."""
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(max(upload.size - 2048, 0))
    tail = upload.read(2048)
    upload.seek(0)
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(PDF_SIGNATURE) and PDF_END in tail


def pdf_names(text):
    """The names (/Type, /JS…) written in PDF syntax, #-escapes undone (/J#53 is /JS)."""
    return {
        PDF_NAME_ESCAPE.sub(lambda escape: bytes([int(escape[1], 16)]), name)
        for name in PDF_NAME.findall(text)
    }


def pdf_sections(content):
    """The PDF's own text, the data of its streams left out (pictures and page contents are
    binary, where any name may turn up by chance), and the unpacked text of every object
    stream (PDF 1.5+ packs objects, /JS among them, into compressed streams). The latter is
    None if an object stream cannot be unpacked here (another filter, encryption, more than
    the limit): such a PDF cannot be checked."""
    outside, packed, unpacked, position = [], [], 0, 0
    while found := PDF_STREAM.search(content, position):
        outside.append(content[position : found.end()])
        end = content.find(b"endstream", found.end())
        end = len(content) if end < 0 else end
        start = max(content.rfind(b"obj", position, found.start()), position)
        names = pdf_names(content[start : found.start()])
        if b"ObjStm" in names and packed is not None:
            text = unpack_object_stream(names, memoryview(content)[found.end() : end], unpacked)
            if text is None:
                packed = None
            else:
                unpacked += len(text)
                packed.append(text)
        position = end
    outside.append(content[position:])
    return b"".join(outside), packed


def unpack_object_stream(names, data, unpacked):
    if names & {b"DecodeParms", b"DP", b"Crypt"}:
        return None
    if b"Filter" not in names:
        return bytes(data)
    if b"FlateDecode" not in names or unpacked >= PDF_OBJECT_STREAM_LIMIT:
        return None
    unpacker = zlib.decompressobj()
    try:
        text = unpacker.decompress(data, PDF_OBJECT_STREAM_LIMIT - unpacked)
    except zlib.error:
        return None
    return text if unpacker.eof else None


def pdf_risks(upload):
    """What makes this PDF more than a document to read (an empty list: nothing)."""
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    risks = []
    if PDF_MARKUP.search(content):
        risks.append("markup")
    if zipfile.is_zipfile(io.BytesIO(content)):
        risks.append("zip")
    outside, packed = pdf_sections(content)
    if packed is None:
        risks.append("unreadable")
    names = pdf_names(outside).union(*(pdf_names(text) for text in packed or []))
    risks += sorted(name.decode() for name in names & PDF_ACTIVE_NAMES)
    return risks


def refuse_active_pdf(upload):
    """Refuse, with a message for the person uploading, a PDF that could act when opened."""
    if pdf_risks(upload):
        raise ValidationError(
            _(
                "“%(name)s” contains scripts, embedded files or parts that cannot be checked, "
                "which are not accepted. Print it to a new PDF (“Print” → “Save as PDF”) and "
                "upload that."
            )
            % {"name": os.path.basename(upload.name)},
            code="active_pdf",
        )
