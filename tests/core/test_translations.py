"""Every visible string ships translated to Indonesian."""

from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2] / "kawal"


def catalogues() -> list[Path]:
    return sorted(ROOT.rglob("locale/id/LC_MESSAGES/django.po"))


def test_there_is_an_indonesian_catalogue() -> None:
    assert catalogues()


def test_every_message_is_translated_and_none_is_fuzzy() -> None:
    missing = []
    for path in catalogues():
        for entry in polib.pofile(str(path)):
            if entry.obsolete:
                continue
            if not entry.translated() or "fuzzy" in entry.flags:
                missing.append(f"{path.relative_to(ROOT)}: {entry.msgid!r}")
    assert not missing, "\n".join(missing[:40])
