"""Handlers read the engine's explanations in Indonesian.

The engine writes its rule texts in one fixed English form (they are also machine output of
``manage.py triage``); this module turns each known form into a sentence in the active
language for the screens. An unknown form is shown as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.utils.translation import gettext as _

from kawal.cases.models import PartyType
from kawal.triage.models import Category

Rewrite = Callable[[re.Match[str]], str]


def _category(code: str) -> str:
    return str(dict(Category.choices).get(code, code))


def _subject(code: str) -> str:
    return str(dict(PartyType.choices).get(code, code))


def _words(source: str) -> str:
    parts = [p.strip() for p in source.split("~")]
    if len(parts) == 2:
        return _("“%(a)s” near “%(b)s”") % {"a": parts[0], "b": parts[1]}
    return f"“{source.strip()}”"


def _note(note: str | None) -> str:
    """The context note of a hit ("actor context", "denied", ...) in the active language."""
    notes = {
        "actor context": _("in an actor's position"),
        "recipient/reporter context": _("in the position of a recipient, reporter or speaker"),
        "beneficiary context": _("in the position of the one who benefits (the act is someone else's)"),
        "denied": _("denied in the text"),
        "apposition": _("a person whose role is named right after: the role counts"),
        "hoax content": _("what a hoax claims (spreading the hoax is the incident)"),
    }
    return notes.get(note or "", note or "")


def _hit(m: re.Match[str]) -> str:
    kind = {
        "cat": _("keyword"),
        "subj": _("actor"),
        "facility": _("state facility"),
        "implied": _("implied by"),
        "forum": _("heard only against organisers by"),
        "unknown": _("unknown actor"),
        "anonymous": _("act of an unnamed doer"),
    }.get(m["kind"], m["kind"])
    note = _note(m["note"])
    weight = _("weight +%(w)s") % {"w": m["w"]}
    return f"{kind} {_words(m['source'])} ({weight}{', ' + note if note else ''})"


QUALIFIER = re.compile(r"parent named in text|inside home region [\d.]+|ambiguous: \d+ candidates, all suggested")


def _qualifier(text: str) -> str:
    if text == "parent named in text":
        return _("the region above it is named too")
    if home := re.fullmatch(r"inside home region ([\d.]+)", text):
        return _("inside the home region %(code)s") % {"code": home[1]}
    if many := re.fullmatch(r"ambiguous: (\d+) candidates, all suggested", text):
        return _("ambiguous: %(n)s candidates, all suggested") % {"n": many[1]}
    return text


def _place(m: re.Match[str]) -> str:
    how = _("after the word “%(marker)s”") % {"marker": m["marker"]} if m["marker"] else _("name without a marker")
    quals = [_qualifier(q) for q in QUALIFIER.findall(m["quals"] or "")]
    return ", ".join([how, *quals]) + f" → {m['level']} {m['code']}"


def _routed(m: re.Match[str]) -> str:
    if m["s"] == "none":
        text = _("partisan conduct %(words)s (weight +%(w)s) counted as %(c)s: no actor named") % {
            "words": _words(m["source"]),
            "w": m["w"],
            "c": _category(m["c"]),
        }
    else:
        text = _("partisan conduct %(words)s (weight +%(w)s) counted as %(c)s because the actor is %(s)s") % {
            "words": _words(m["source"]),
            "w": m["w"],
            "c": _category(m["c"]),
            "s": _subject(m["s"]),
        }
    note = _note(m["note"])
    return f"{text} ({note})" if note else text


def _label(code: str) -> str:
    """A category or a reported-party type, whichever ``code`` is."""
    return _category(code) if code in dict(Category.choices) else _subject(code)


def _close_call(m: re.Match[str]) -> str:
    values = {"label": _label(m["label"]), "lead": m["lead"], "second": _label(m["second"])}
    if m["second"] == PartyType.UNKNOWN:
        # "unknown" is not offered as a second choice: it is what rejecting the first leaves
        return _(
            "not sure: %(label)s is only %(lead)s ahead of “%(second)s”; if the text names no one who did it, "
            "reject this suggestion"
        ) % values
    return _("not sure: %(label)s is only %(lead)s ahead of the second choice, %(second)s; check both") % values


def _probability(m: re.Match[str]) -> str:
    """The model's probability, with the fixed prior the label was given, if any."""
    prior = m["prior"]
    return m["p"] + (_(", fixed prior %(prior)s") % {"prior": prior} if prior else "")


def _word_model(m: re.Match[str]) -> str:
    if m["label"] == m["rule"]:
        return _("the word model agrees with the rules: %(label)s (probability %(p)s)") % {
            "label": _label(m["label"]),
            "p": _probability(m),
        }
    return _(
        "the word model chose %(label)s (probability %(p)s) over the rules' %(rule)s (weight +%(w)s);"
        " words that weighed most:"
    ) % {"label": _label(m["label"]), "p": _probability(m), "rule": _label(m["rule"]), "w": m["w"]}


def _duplicate_label(m: re.Match[str]) -> str:
    labels = {
        "same place": _("the same place"),
        "same date": _("the same date"),
        "same amount": _("the same amount"),
        "same TPS number": _("the same TPS number"),
        "shared words": _("shared words"),
    }
    return labels[m["label"]]


PATTERNS: list[tuple[re.Pattern[str], Rewrite]] = [
    (
        re.compile(
            r"^partisan:(?P<source>.+?) \(\+(?P<w>[\d.]+)(?:, (?P<note>[^)]+))?\) routed to (?P<c>\w+)"
            r" by actor (?P<s>\w+)(?: \(x[\d.]+\))?$"
        ),
        _routed,
    ),
    (
        re.compile(r"^neutrality cues \((?P<w>[\d.]+)\) routed to (?P<c>\w+) by actor (?P<s>\w+)$"),
        lambda m: (
            _("signs of partisanship (%(w)s) counted as %(c)s because the actor is %(s)s")
            % {"w": m["w"], "c": _category(m["c"]), "s": _subject(m["s"])}
        ),
    ),
    (
        re.compile(r"^amount of money mentioned \(\+(?P<w>[\d.]+)\)$"),
        lambda m: _("an amount of money is mentioned (+%(w)s)") % {"w": m["w"]},
    ),
    (
        re.compile(
            r"^(?P<kind>cat|subj|forum|facility|implied|unknown|anonymous):(?P<source>.+?) \(\+(?P<w>[\d.]+)"
            r"(?:, (?P<note>[^)]+))?\)$"
        ),
        _hit,
    ),
    (
        re.compile(
            r"^facility:(?P<source>.+?) \(\+(?P<w>[\d.]+)(?:, (?P<note>[^)]+))?\) counted as (?P<c>\w+): "
            r"used by a participant, no official named$"
        ),
        lambda m: _(
            "state facility %(words)s (weight +%(w)s) counted as %(c)s: used by a participant, no official named"
        ) % {"words": _words(m["source"]), "w": m["w"], "c": _category(m["c"])}
        + (f" ({_note(m['note'])})" if m["note"] else ""),
    ),
    (
        re.compile(r"^runner-up (?P<c>\w+) scored (?P<a>[\d.]+) vs (?P<b>[\d.]+)$"),
        lambda m: _("next best: %(c)s, score %(a)s against %(b)s") % {"c": _category(m["c"]), "a": m["a"], "b": m["b"]},
    ),
    (
        re.compile(r"^first actor named \(\+(?P<w>[\d.]+)\)$"),
        lambda m: _("the first actor the text names (+%(w)s)") % {"w": m["w"]},
    ),
    (
        re.compile(r"^fits category (?P<c>\w+) \(\+(?P<w>[\d.]+)\)$"),
        lambda m: _("fits the category %(c)s (+%(w)s)") % {"c": _category(m["c"]), "w": m["w"]},
    ),
    (
        re.compile(r"^actor (?P<s>\w+) named \(\+(?P<w>[\d.]+)\)$"),
        lambda m: _("%(s)s named as actor (+%(w)s)") % {"s": _subject(m["s"]), "w": m["w"]},
    ),
    (
        re.compile(r"^no category reached (?P<t>[\d.]+) \(best (?P<c>\w+) (?P<s>[\d.]+)\): lainnya$"),
        lambda m: (
            _("no category reached %(t)s (highest: %(c)s, %(s)s), so: other")
            % {"t": m["t"], "c": _category(m["c"]), "s": m["s"]}
        ),
    ),
    (
        re.compile(r"^no actor named; implied by (?P<rest>.+)$"),
        lambda m: _("no actor named; implied by %(rest)s") % {"rest": describe(m["rest"])},
    ),
    (
        re.compile(r"^the actor is unknown: (?P<rest>.+)$"),
        lambda m: _("the text says nobody knows who did it: %(rest)s") % {"rest": describe(m["rest"])},
    ),
    (
        re.compile(r"^nobody is named as the doer of (?P<rest>.+)$"),
        lambda m: _("nobody is named as the one who did it: %(rest)s") % {"rest": describe(m["rest"])},
    ),
    (
        re.compile(r"^no actor named: default for (?P<c>\w+) is (?P<s>\w+)$"),
        lambda m: _("no actor named; usual for %(c)s: %(s)s") % {"c": _category(m["c"]), "s": _subject(m["s"])},
    ),
    (re.compile(r"^empty text: lainnya / tidak_diketahui$"), lambda m: _("empty text")),
    (
        re.compile(
            r"^word model: (?P<label>\w+) (?P<p>[\d.]+)(?: \(prior (?P<prior>[+-][\d.]+)\))?, "
            r"rules: (?P<rule>\w+) \(\+(?P<w>[\d.]+)\)$"
        ),
        _word_model,
    ),
    (
        re.compile(r"^close call: (?P<label>\w+) leads (?P<second>\w+) by (?P<lead>[\d.]+)$"),
        _close_call,
    ),
    (
        re.compile(r"^close call: (?P<c>\w+) with (?P<s>\w+) is rare \((?P<share>[\d.]+)\)$"),
        lambda m: _(
            "not sure: %(category)s with %(subject)s as the reported party is rare in the labelled cases "
            "(%(share)s of that category's texts): one of the two is probably wrong; check the second choices"
        )
        % {"category": _category(m["c"]), "subject": _subject(m["s"]), "share": f"{float(m['share']):.1%}"},
    ),
    (
        re.compile(r"^actor model: (?P<label>\w+) (?P<p>[\d.]+)$"),
        lambda m: _(
            "learnt from the words around each party named, the chance that %(label)s is the reported one: "
            "%(p)s; words for it:"
        ) % {"label": _label(m["label"]), "p": m["p"]},
    ),
    (
        re.compile(r"^second choice: (?P<label>\w+) (?P<p>[\d.]+), rules: (?P<rule>\w+) \(\+(?P<w>[\d.]+)\)$"),
        lambda m: _(
            "the next most likely, by the word model and the rules together: %(label)s "
            "(word model probability %(p)s; the rules chose %(rule)s)"
        ) % {"label": _label(m["label"]), "p": m["p"], "rule": _label(m["rule"])},
    ),
    (
        re.compile(
            r"^word model leaned to (?P<lean>\w+) (?P<q>[\d.]+), rules kept: (?P<label>\w+) (?P<p>[\d.]+)"
            r"(?: \(prior (?P<prior>[+-][\d.]+)\))? \(\+(?P<w>[\d.]+)\)$"
        ),
        lambda m: _(
            "the word model leaned to %(lean)s (probability %(q)s); the rules' %(label)s is kept "
            "(probability %(p)s, weight +%(w)s); words for it:"
        ) % {"lean": _label(m["lean"]), "q": m["q"], "label": _label(m["label"]), "p": _probability(m), "w": m["w"]},
    ),
    (
        re.compile(r"^outreach or reminder \((?P<w>[\d.]+)\), no incident cue: categories x(?P<f>[\d.]+)$"),
        lambda m: (
            _("outreach, a reminder or a meeting (%(w)s) and no reported incident: violation scores x%(f)s")
            % {"w": m["w"], "f": m["f"]}
        ),
    ),
    (
        re.compile(r"^report closed without a violation \((?P<w>[\d.]+)\): categories x(?P<f>[\d.]+)$"),
        lambda m: (
            _("the report was closed without a violation (%(w)s): violation scores x%(f)s")
            % {"w": m["w"], "f": m["f"]}
        ),
    ),
    (
        re.compile(r"^a tally of many cases of several kinds \((?P<w>[\d.]+)\): categories x(?P<f>[\d.]+)$"),
        lambda m: (
            _("a tally of many cases of several kinds (%(w)s): violation scores x%(f)s")
            % {"w": m["w"], "f": m["f"]}
        ),
    ),
    (
        re.compile(r"^a tally of many cases: no single reported party$"),
        lambda m: _("a tally of many cases: no single reported party"),
    ),
    (
        re.compile(r"^a statement of counted cases \((?P<n>\d+)\): no single reported party$"),
        lambda m: _("a statement that counts cases (%(n)s numbers of cases): no single reported party") % {"n": m["n"]},
    ),
    (
        re.compile(r"^similarity (?P<s>[\d.]+)$"),
        lambda m: _("same-incident score %(s)s") % {"s": m["s"]},
    ),
    (re.compile(r"^(?P<label>same place|same date|same amount|same TPS number|shared words)$"), _duplicate_label),
    (
        re.compile(
            r"^(?:marker '(?P<marker>[\w.]+)'|unmarked name)(?P<quals>[^>]*) -> (?P<level>\w+) (?P<code>[\d.]+)$"
        ),
        _place,
    ),
    (
        re.compile(r"^too ambiguous \((?P<n>\d+) places\), not suggested$"),
        lambda m: _("too ambiguous (%(n)s places), not suggested") % {"n": m["n"]},
    ),
]


def describe(rule: str) -> str:
    """The rule text in the active language, or as it is if its form is unknown."""
    for pattern, rewrite in PATTERNS:
        match = pattern.match(rule.strip())
        if match:
            return rewrite(match)
    return rule
