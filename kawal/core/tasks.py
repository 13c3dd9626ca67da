"""Background jobs shared by the apps (huey)."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from django.core.mail import EmailMessage
from huey.contrib.djhuey import db_task

log = logging.getLogger(__name__)

Attachment = tuple[str, bytes | str, str]  # filename, content, MIME type


@db_task(retries=3, retry_delay=60)
def send_email(subject: str, body: str, to: Sequence[str], attachments: Sequence[Attachment] = ()) -> int:
    """Send one message; call it inside ``transaction.on_commit`` so a rolled-back write sends nothing."""
    recipients = [address for address in to if address]
    if not recipients:
        return 0
    message = EmailMessage(subject=subject, body=body, to=recipients)
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    sent = message.send()
    log.info("sent e-mail %r to %d recipient(s)", subject, len(recipients))  # no addresses in logs
    return sent
