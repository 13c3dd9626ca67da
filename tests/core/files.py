"""Small real files for upload tests."""

import base64
import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

# A 1x1 PNG.
PNG_BYTES = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
# A Windows program header (MZ ... PE) as an .exe would start.
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00" + b"\x00" * 200
PDF_BYTES = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def png(name: str = "foto.png", extra: bytes = b"") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG_BYTES + extra, content_type="image/png")


def exe_as_jpg(name: str = "foto.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, EXE_BYTES, content_type="image/jpeg")


def pdf(name: str = "surat.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def docx(name: str = "kronologi.docx") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/octet-stream")
