"""Evidence files: type checked by content, size-limited, stored once under their SHA-256.

The type is decided from the file's first bytes (``filetype``), never from its name, so
a program renamed ``foto.jpg`` is refused. Files are written through Django's storage
API (local folder or S3-compatible storage) and never changed or deleted by the app;
every download is audited.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from kawal.core import audit
from kawal.core.models import EvidenceFile, EvidenceKind

ACCEPTED: dict[str, EvidenceKind] = {
    **dict.fromkeys(
        ["image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/tiff", "image/bmp", "image/avif"],
        EvidenceKind.IMAGE,
    ),
    **dict.fromkeys(
        [
            "video/mp4",
            "video/quicktime",
            "video/3gpp",
            "video/x-matroska",
            "video/webm",
            "video/x-msvideo",
            "video/mpeg",
            "video/x-m4v",
        ],
        EvidenceKind.VIDEO,
    ),
    **dict.fromkeys(
        ["audio/mpeg", "audio/mp4", "audio/ogg", "audio/x-wav", "audio/amr", "audio/aac", "audio/x-flac"],
        EvidenceKind.AUDIO,
    ),
    "application/pdf": EvidenceKind.PDF,
    **dict.fromkeys(
        [
            "application/msword",
            "application/vnd.ms-excel",
            "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation",
            "application/rtf",
        ],
        EvidenceKind.DOCUMENT,
    ),
}
PROGRAMS = {
    "application/x-msdownload",
    "application/x-executable",
    "application/x-deb",
    "application/x-rpm",
    "application/wasm",
    "application/x-shockwave-flash",
    "application/x-google-chrome-extension",
    "application/vnd.ms-cab-compressed",
}
ALL_KINDS = frozenset(EvidenceKind)
HEADER_BYTES = 8192


class EvidenceRejected(ValidationError):
    """The upload is not acceptable evidence; the message says why, in the user's language."""


def _kind_names(kinds: frozenset[str]) -> str:
    return ", ".join(str(EvidenceKind(k).label).lower() for k in sorted(kinds))


def _safe_name(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return re.sub(r"[^\w.\- ]", "_", base)[:200]


def inspect(upload: UploadedFile, kinds: frozenset[str] = ALL_KINDS) -> tuple[str, EvidenceKind]:
    """Return (content type, kind) judged from the content, or raise EvidenceRejected."""
    name = upload.name or _("the file")
    if not upload.size:
        raise EvidenceRejected(_("%(name)s is empty.") % {"name": name}, code="empty")
    upload.seek(0)
    header = upload.read(HEADER_BYTES)
    upload.seek(0)
    guess = filetype.guess(header)
    mime = guess.mime if guess else ""
    if mime in PROGRAMS or header[:2] == b"MZ" or header[:4] == b"\x7fELF" or header[:2] == b"#!":
        raise EvidenceRejected(
            _("%(name)s is a program, not a photo, video, recording or document. It was refused.") % {"name": name},
            code="program",
        )
    kind = ACCEPTED.get(mime)
    if kind is None or kind not in kinds:
        raise EvidenceRejected(
            _("The content of %(name)s is not an accepted type (accepted: %(kinds)s).")
            % {"name": name, "kinds": _kind_names(kinds)},
            code="type",
        )
    limit = settings.KAWAL_EVIDENCE_MAX_BYTES[kind]
    if upload.size > limit:
        raise EvidenceRejected(
            _("%(name)s is %(size)s; the limit for this kind of file is %(limit)s.")
            % {"name": name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="size",
        )
    return mime, kind


def sha256_of(upload: File) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def store_evidence(
    upload: UploadedFile, *, by: Any = None, region_code: str = "", kinds: frozenset[str] = ALL_KINDS
) -> EvidenceFile:
    """Check and store one upload; the same content uploaded twice is stored once."""
    mime, kind = inspect(upload, kinds)
    sha = sha256_of(upload)
    existing = EvidenceFile.objects.filter(sha256=sha).first()
    if existing is not None:
        return existing
    path = f"evidence/{sha[:2]}/{sha[2:4]}/{sha}"
    if not default_storage.exists(path):
        saved = default_storage.save(path, upload)
        if saved != path:  # the storage renamed it: another process wrote the same content meanwhile
            default_storage.delete(saved)
    user = by if getattr(by, "is_authenticated", False) else None
    try:
        with transaction.atomic():
            evidence = EvidenceFile.objects.create(
                sha256=sha,
                size=upload.size or 0,
                content_type=mime,
                kind=kind,
                original_name=_safe_name(upload.name or ""),
                file=path,
                uploaded_by=user,
            )
            audit.record(
                "evidence.stored",
                actor=by,
                target=evidence,
                region_code=region_code,
                data={"sha256": sha, "kind": kind, "size": evidence.size},
            )
    except IntegrityError:
        return EvidenceFile.objects.get(sha256=sha)
    return evidence


def evidence_response(evidence: EvidenceFile, *, by: Any, region_code: str = "", inline: bool = False) -> FileResponse:
    """Serve a stored file and audit who downloaded it. Check scope before calling this."""
    audit.record(
        "evidence.downloaded", actor=by, target=evidence, region_code=region_code, data={"sha256": evidence.sha256}
    )
    handle = default_storage.open(evidence.file.name, "rb")
    response = FileResponse(
        handle,
        content_type=evidence.content_type,
        as_attachment=not inline,
        filename=evidence.original_name or evidence.sha256,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
