"""Dates and money amounts written the Indonesian way."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from .types import Evidence

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2,
    "maret": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6,
    "juli": 7, "jul": 7, "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agust": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11, "desember": 12, "des": 12, "dec": 12,
}
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_WORDS = re.compile(
    rf"\b(\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?\s+({_MONTH_ALT})\b\.?(?:\s*,?\s*(\d{{4}}))?"
)
_DATE_NUM = re.compile(r"(?<![\d.,])(\d{1,2})\s*([/-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?![\d/])")
_DATE_DOTS = re.compile(r"(?<![\d.,])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])")
_DIGIT = re.compile(r"\d")
# cheap scans (they start with a digit) that must match before the costlier patterns can
_HAS_NUM_DATE = re.compile(r"\d\s*[/-]\s*\d")
_HAS_DOT_DATE = re.compile(r"\d\.\d{1,2}\.\d{4}")
_DATE_SHORT = re.compile(r"\(\s*(\d{1,2})\s*/\s*(\d{1,2})\s*\)")

_NUM = r"\d{1,3}(?:[.,]\d{3})+(?:,\d{1,2})?|\d+(?:[.,]\d+)?"
_MULT = r"ribu|rb|juta|jt|miliar|milyar"
_MULTIPLIERS = {"ribu": 1_000, "rb": 1_000, "juta": 1_000_000, "jt": 1_000_000,
                "miliar": 1_000_000_000, "milyar": 1_000_000_000}
_RP = re.compile(rf"\brp\.?\s*({_NUM})(?:\s*({_MULT})\b)?")
_BARE = re.compile(rf"(?<![\w.,])({_NUM})\s*(?:({_MULT})\b\s*(rupiah\b)?|(rupiah)\b)")
_NUMBER_WORDS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100,
}
_WORD_ALT = "satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|ratus|puluh|belas"
_WORDS = re.compile(
    rf"\b((?:(?:{_WORD_ALT})\s+)*)(seribu|sejuta|ribu|juta)\b(\s+rupiah\b)?"
)
_MONEY_CONTEXT = re.compile(
    r"(uang|amplop|sebesar|senilai|berisi|nominal|dibayar|bayaran|diberi|diberikan|imbalan|upah|"
    r"masing-masing|per orang|per kepala|per kk|sejumlah|isi|tunai|dana|duit|transfer|ditransfer)"
    r"[^.;]{0,25}$"
)


_DIGIT_RUN = re.compile(r"\d+")


def _scan(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that can only match at one of ``starts``.

    The date and amount patterns begin with ``\\b`` or a look-behind, which keeps the
    regex engine from skipping ahead: on long texts trying them at every character costs
    more than all the rest of the analysis. They can only start at a digit run (or at
    ``rp``), so they are tried there; ``match`` at a position still sees the character
    before it, so the boundaries behave as in ``finditer``.
    """
    end = 0
    for start in starts:
        if start < end:
            continue
        mt = pattern.match(text, start)
        if mt is not None:
            end = mt.end()
            yield mt


def _run_starts(text: str) -> list[int]:
    return [mt.start() for mt in _DIGIT_RUN.finditer(text)]


def _word_starts(text: str, word: str) -> list[int]:
    out: list[int] = []
    i = text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def find_dates(text: str, default_year: int) -> tuple[list[str], list[Evidence]]:
    """``text`` is normalised (lower case). Returns ISO dates in order of appearance."""
    found: list[tuple[int, str, str]] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, y: int, m: int, d: int, rule: str, ev: str) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        if y < 100:
            y += 2000
        try:
            iso = dt.date(y, m, d).isoformat()
        except ValueError:
            return
        taken.append((start, end))
        found.append((start, iso, f"{rule}|{ev}"))

    if not _DIGIT.search(text):
        return [], []
    runs = _run_starts(text)
    for mt in _scan(_DATE_WORDS, text, runs):
        year = int(mt.group(3)) if mt.group(3) else default_year
        add(mt.start(), mt.end(), year, MONTHS[mt.group(2)], int(mt.group(1)),
            "day month year" if mt.group(3) else f"day month, year assumed {default_year}", mt.group(0))
    for mt in _DATE_NUM.finditer(text) if _HAS_NUM_DATE.search(text) else ():
        add(mt.start(), mt.end(), int(mt.group(4)), int(mt.group(3)), int(mt.group(1)),
            "dd/mm/yyyy", mt.group(0))
    for mt in _DATE_DOTS.finditer(text) if _HAS_DOT_DATE.search(text) else ():
        add(mt.start(), mt.end(), int(mt.group(3)), int(mt.group(2)), int(mt.group(1)),
            "dd.mm.yyyy", mt.group(0))
    for mt in _DATE_SHORT.finditer(text):
        add(mt.start(), mt.end(), default_year, int(mt.group(2)), int(mt.group(1)),
            f"(dd/mm), year assumed {default_year}", mt.group(0))
    found.sort()
    dates: list[str] = []
    expl: list[Evidence] = []
    for _start, iso, info in found:
        if iso not in dates:
            dates.append(iso)
            rule, ev = info.split("|", 1)
            expl.append(Evidence("dates", f"{rule} -> {iso}", ev.strip()))
    return dates, expl


def _parse_number(num: str, mult: str | None) -> float:
    if mult:
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", num):
            return float(num.replace(".", ""))
        return float(num.replace(".", "").replace(",", ".")) if num.count(",") == 1 and "." in num \
            else float(num.replace(",", "."))
    # no multiplier: dots (and commas in 3-digit groups) separate thousands
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?", num):
        return float(num.split(",")[0].replace(".", ""))
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", num):
        return float(num.replace(",", ""))
    return float(num.replace(",", "."))


def _words_value(words: str, mult: str) -> int | None:
    total = 0
    group = 0
    for w in words.split():
        if w in ("puluh", "ratus", "belas"):
            if group == 0:
                return None
            if w == "puluh":
                total += group * 10
            elif w == "ratus":
                total += group * 100
            else:
                total += group + 10
            group = 0
        else:
            val = _NUMBER_WORDS.get(w)
            if val is None:
                return None
            if val >= 10:
                total += val
            else:
                if group:
                    return None
                group = val
    total += group
    if mult == "seribu":
        return 1_000 if total == 0 else None
    if mult == "sejuta":
        return 1_000_000 if total == 0 else None
    if total == 0:
        return None
    return total * _MULTIPLIERS[mult]


def find_amounts(text: str) -> tuple[list[int], list[Evidence]]:
    """``text`` is normalised. Returns whole-rupiah amounts in order of appearance."""
    found: list[tuple[int, int, str, str]] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, value: float, rule: str, ev: str) -> None:
        if value < 1 or any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        found.append((start, round(value), rule, ev))

    for mt in _scan(_RP, text, _word_starts(text, "rp")):
        mult = mt.group(2)
        value = _parse_number(mt.group(1), mult) * (_MULTIPLIERS[mult] if mult else 1)
        add(mt.start(), mt.end(), value, "Rp prefix", mt.group(0))
    for mt in _scan(_BARE, text, _run_starts(text)):
        mult = mt.group(2)
        rupiah = bool(mt.group(3) or mt.group(4))
        if not rupiah and not _MONEY_CONTEXT.search(text, max(0, mt.start() - 40), mt.start()):
            continue
        value = _parse_number(mt.group(1), mult) * (_MULTIPLIERS[mult] if mult else 1)
        add(mt.start(), mt.end(), value, "number + 'rupiah'" if rupiah else "number in money context", mt.group(0))
    word_matches = _WORDS.finditer(text) if ("ribu" in text or "juta" in text) else iter(())
    for mt in word_matches:
        words = mt.group(1).strip()
        mult = mt.group(2)
        if not words and mult in ("ribu", "juta"):
            continue
        rupiah = bool(mt.group(3))
        if not rupiah and not _MONEY_CONTEXT.search(text, max(0, mt.start() - 40), mt.start()):
            continue
        val = _words_value(words, mult)
        if val is not None:
            add(mt.start(), mt.end(), val, "amount in words", mt.group(0).strip())
    found.sort()
    amounts: list[int] = []
    expl: list[Evidence] = []
    for _s, value, rule, ev in found:
        if value not in amounts:
            amounts.append(value)
            expl.append(Evidence("amounts", f"{rule} -> {value}", ev.strip()))
    return amounts, expl
