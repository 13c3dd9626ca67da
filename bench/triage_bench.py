"""Triage benchmark: accuracy on the labelled sets, then speed.

Run from the repository root:
python bench/triage_bench.py [--split dev|heldout|real_heldout|real_heldout_2 ... real_heldout_20|all|every]
Splits: ``dev`` (rules tuned on it), ``heldout`` (written for the set, not tuned on),
``real_heldout`` (real published cases in ``data/real_heldout.jsonl``, frozen before the
second round of rule changes and scored once at the end; now only a reference, it has been
seen), ``real_heldout_2`` (``data/real_heldout_2.jsonl``, 66 more real published cases
frozen before the third round of rule changes and scored once at its end; development data
since the fourth round), ``real_heldout_3`` (``data/real_heldout_3.jsonl``, 68 real
published cases frozen before the fourth round and scored once at its end; development data
since the fifth round), ``real_heldout_4`` (``data/real_heldout_4.jsonl``, 84 real published
cases collected and frozen by someone other than the rules' author before the fifth round,
scored once at its end; development data since the sixth round), ``real_heldout_5``
(``data/real_heldout_5.jsonl``, 80 real published cases collected and frozen by someone
other than the rules' author at the start of the sixth round, scored once mid-round, then
tuned and trained on), ``real_heldout_6`` (``data/real_heldout_6.jsonl``, 81 real published
cases collected and frozen by someone other than the rules' author during the sixth round,
scored once at its end, then added to the word model's training), ``real_heldout_7``
(``data/real_heldout_7.jsonl``, 83 real published cases from other regions than the two
training-only sets ``real_train_1``/``_2``, collected and frozen by someone other than the
rules' author, scored once, then added to the word model's training), ``real_heldout_8``
(``data/real_heldout_8.jsonl``, 84 real published cases from Sumatra, Kalimantan, Sulawesi and
national bodies, collected and frozen by someone other than the rules' author at the start
of the seventh round, scored once, then added to the word model's training), ``real_heldout_9``
(``data/real_heldout_9.jsonl``, 79 real published cases from Java, Bali and Nusa Tenggara, collected
and frozen the same way during the seventh round, scored once at its end, then trained on), ``real_heldout_10``
(``data/real_heldout_10.jsonl``, 78 real published cases from Sumatra, Kalimantan and national bodies,
collected and frozen the same way at the start of the eighth round, scored once at its end, then trained on),
``real_heldout_11`` (``data/real_heldout_11.jsonl``, 77 real published cases from Java, Bali, Nusa Tenggara and
Sulawesi, collected and frozen the same way at the end of the eighth round, scored once in the tenth round,
then trained on), ``real_heldout_12`` (``data/real_heldout_12.jsonl``, 71 real published cases from Sumatra,
Kalimantan, Maluku, Papua and national bodies, collected and frozen the same way in the tenth round, scored once
at its end, then trained on), ``real_heldout_13`` (``data/real_heldout_13.jsonl``, 76 real published cases from 25
provinces and national bodies, collected and frozen the same way at the end of the tenth round, scored once in
the eleventh round, then trained on), ``real_heldout_14`` (``data/real_heldout_14.jsonl``, 71 real published cases
from across Indonesia, collected and frozen the same way in the eleventh round, scored once at its end, then
trained on), ``real_heldout_15`` (``data/real_heldout_15.jsonl``, 72 real published cases from some 25 provinces,
collected and frozen the same way at the end of the eleventh round, scored once at the start of the twelfth,
then trained on), ``real_heldout_16`` (``data/real_heldout_16.jsonl``, 74 real published cases from 22 provinces,
collected and frozen the same way in the twelfth round, scored once at its end, then trained on),
``real_heldout_17`` (``data/real_heldout_17.jsonl``, 70 real published cases from 29 provinces and national
bodies, collected and frozen the same way in the thirteenth round, scored once at its start, then trained on),
``real_heldout_18`` (``data/real_heldout_18.jsonl``, 72 real published cases from 27 provinces, collected and
frozen the same way in the thirteenth round, scored once at its end, then trained on), ``real_heldout_19``
(``data/real_heldout_19.jsonl``, 74 real published cases from 23 provinces, collected and frozen the same way
in the fourteenth round, scored once mid-round, then trained on), ``real_heldout_20``
(``data/real_heldout_20.jsonl``, 81 real published cases from 24 provinces, collected and frozen the same way
at the start of the fifteenth round, scored once mid-round, then trained on).
Speed is reported as wall time and CPU time (the machine may be shared).
Numbers are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kawal.triage.engine import CATEGORIES, SUBJECTS, Triage, load_regions_csv  # noqa: E402
from kawal.triage.engine.evaluate import (  # noqa: E402
    DEVSET_PATH,
    accuracy,
    confusion,
    load_devset,
    macro_f1,
    pair_scores,
    per_class,
)
from kawal.triage.engine.wordmodel import CLOSE_CALL_PREFIX  # noqa: E402

REAL_SPLITS = (
    "real_heldout", "real_heldout_2", "real_heldout_3", "real_heldout_4", "real_heldout_5", "real_heldout_6",
    "real_heldout_7", "real_heldout_8", "real_heldout_9", "real_heldout_10", "real_heldout_11",
    "real_heldout_12", "real_heldout_13", "real_heldout_14",
    "real_heldout_15", "real_heldout_16", "real_heldout_17", "real_heldout_18", "real_heldout_19",
    "real_heldout_20",
)
# sets neither the rules' author nor the word model has seen (scored, not trained or tuned on)
UNSEEN_SPLITS: tuple[str, ...] = ()
REGIONS_CSV = ROOT / "kawal" / "regions" / "data" / "wilayah.csv"
ABBR = {
    "politik_uang": "uang",
    "netralitas": "netr",
    "penyalahgunaan_wewenang": "wwng",
    "kampanye": "kamp",
    "penyelenggara": "pnyl",
    "pemungutan_suara": "pmgt",
    "lainnya": "lain",
}


def regions() -> list[Any]:
    return load_regions_csv(REGIONS_CSV, ["35"])


def accuracy_report(t: Triage, items: list[dict[str, Any]], title: str, verbose: bool) -> None:
    texts = [it["text"] for it in items]
    sugg, groups = t.suggest_and_group(texts)
    gold_c = [it["category"] for it in items]
    pred_c = [s.category for s in sugg]
    gold_s = [it["subject"] for it in items]
    pred_s = [s.subject for s in sugg]
    print(f"\n=== {title}: {len(items)} items ===")
    print(f"{'category':<26}{'prec':>7}{'rec':>7}{'F1':>7}{'n':>5}")
    stats = per_class(gold_c, pred_c, CATEGORIES)
    for st in stats:
        print(f"{st.label:<26}{st.precision:>7.2f}{st.recall:>7.2f}{st.f1:>7.2f}{st.support:>5}")
    print(f"{'macro-F1':<26}{'':>14}{macro_f1(stats):>7.2f}")
    print(f"category accuracy {accuracy(gold_c, pred_c):.2f}")
    print("\nconfusion (rows gold, columns predicted)")
    print(" " * 6 + "".join(f"{ABBR[c]:>6}" for c in CATEGORIES))
    for c, row in zip(CATEGORIES, confusion(gold_c, pred_c, CATEGORIES), strict=True):
        print(f"{ABBR[c]:<6}" + "".join(f"{v:>6}" for v in row))
    print(f"\nsubject accuracy {accuracy(gold_s, pred_s):.2f}")
    sstats = per_class(gold_s, pred_s, SUBJECTS)
    print(f"{'subject':<18}{'prec':>7}{'rec':>7}{'F1':>7}{'n':>5}")
    for st in sstats:
        print(f"{st.label:<18}{st.precision:>7.2f}{st.recall:>7.2f}{st.f1:>7.2f}{st.support:>5}")
    p, r, f = pair_scores([it["group"] for it in items], groups)
    print(f"\nduplicate pairs: precision {p:.2f} recall {r:.2f} F1 {f:.2f}")
    if verbose:
        print("\nerrors:")
        for it, s in zip(items, sugg, strict=True):
            if s.category != it["category"] or s.subject != it["subject"]:
                print(f"  {it['id']}: gold {it['category']}/{it['subject']} "
                      f"pred {s.category}/{s.subject} :: {it['text'][:90]}")


_SENTENCES = [
    "Pada {date} sekitar pukul {hour}.00 WIB, {actor} di Desa {desa}, Kecamatan {kec}, diduga {act}.",
    "Menurut saksi bernama {name}, kejadian itu disaksikan banyak warga dan direkam dengan telepon genggam.",
    "{actor} juga disebut membagikan amplop berisi Rp{amount} kepada warga yang hadir.",
    "Pelapor {name} menyerahkan bukti foto, video dan tangkapan layar percakapan kepada Panwascam {kec}.",
    "Peristiwa tersebut terjadi di dekat TPS {tps} dan balai desa, beberapa hari sebelum pemungutan suara.",
    "Warga berharap Bawaslu segera menindaklanjuti laporan ini agar pilkada berjalan jujur dan adil.",
    "Selain itu, {actor} disebut pernah mengumpulkan warga untuk mendengarkan arahan dukungan kepada paslon.",
    "Pengawas desa mencatat kronologi, memeriksa lokasi dan meminta keterangan dari {name} serta dua saksi lain.",
]
_ACTORS = ["kepala desa", "seorang ASN", "tim sukses paslon", "anggota KPPS", "seorang warga",
           "perangkat desa", "Babinsa", "relawan paslon", "camat", "ketua RT"]
_ACTS = ["membagikan uang kepada pemilih", "ikut kampanye paslon", "memasang baliho di pohon",
         "mencoblos lebih dari sekali", "menggunakan mobil dinas untuk kampanye",
         "mengunggah dukungan di media sosial", "membagikan sembako"]
_SYL = ["ma", "ri", "so", "to", "wi", "da", "ni", "har", "sur", "yan", "ti", "no", "ko", "ra", "sa", "di"]


def synthetic_texts(n: int, t: Triage, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    desa = [(e.name, t.places.by_code[e.parent_code].name) for e in t.places.by_code.values()
            if e.level == "desa" and e.code.startswith("35.25.") and e.parent_code in t.places.by_code]
    months = ["Oktober", "November"]
    out = []
    for _ in range(n):
        d, k = rng.choice(desa)
        fill = dict(
            date=f"{rng.randint(1, 28)} {rng.choice(months)} 2024", hour=rng.randint(6, 22),
            actor=rng.choice(_ACTORS), desa=d, kec=k, act=rng.choice(_ACTS),
            name="".join(rng.choice(_SYL) for _ in range(3)).title(),
            amount=f"{rng.choice([20, 25, 50, 100, 150, 200])}.000", tps=rng.randint(1, 30),
        )
        sents = [s.format(**fill) for s in rng.sample(_SENTENCES, k=rng.randint(4, 8))]
        # pad to a typical ~300-word report
        while sum(len(s.split()) for s in sents) < 280:
            sents.append(rng.choice(_SENTENCES).format(**fill))
        out.append(" ".join(sents))
    return out


SUGGEST_SIZES = (50, 130, 300)  # words: the real sets' texts average ~50; a long report ~300


def suggest_report(t: Triage, runs: int = 3) -> None:
    """Single-text suggestions on one core, for short, medium and long texts (best CPU of ``runs``)."""
    long_texts = synthetic_texts(2000, t)
    for x in long_texts[:50]:
        t.suggest(x)  # warm the stem cache, as a long-running process would be
    print(f"suggest, one text at a time (best of {runs} runs; the machine is shared, so the least disturbed)")
    print(f"{'words/text':>10}{'texts':>7}{'wall s':>8}{'CPU s':>8}{'texts/s (CPU)':>15}")
    for size in SUGGEST_SIZES:
        texts = [" ".join(x.split()[:size]) for x in long_texts]
        words = sum(len(x.split()) for x in texts) / len(texts)
        best: tuple[float, float] | None = None
        for _ in range(runs):
            t0, c0 = time.perf_counter(), time.process_time()
            for x in texts:
                t.suggest(x)
            run = (time.process_time() - c0, time.perf_counter() - t0)
            best = run if best is None or run < best else best
        assert best is not None
        print(f"{f'~{words:.0f}':>10}{len(texts):>7}{best[1]:>8.2f}{best[0]:>8.2f}{len(texts) / best[0]:>15,.0f}")


def speed_report(t: Triage) -> None:
    print("\n=== speed (one core) ===")
    suggest_report(t)
    big = synthetic_texts(10_000, t, seed=11)
    t0, c0 = time.perf_counter(), time.process_time()
    groups = t.group(big)
    dt, dc = time.perf_counter() - t0, time.process_time() - c0
    grouped = sum(1 for g in groups if g is not None)
    print(f"group: 10,000 texts in {dt:.2f} s, CPU {dc:.2f} s ({grouped} texts placed in "
          f"{len({g for g in groups if g is not None})} groups)")
    t0 = time.perf_counter()
    Triage(regions(), home_code="35.25")
    print(f"build Triage (Jawa Timur regions + lexicon): {time.perf_counter() - t0:.2f} s")
    command_report(t)


def _run_command(source: str, target: str) -> tuple[float, float, int, str]:
    """Wall and CPU seconds of one ``manage.py triage`` run, lines written, last stderr line."""
    command = [sys.executable, str(ROOT / "manage.py"), "triage", "--input", source, "--output", target]
    t0, c0 = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    dt, c1 = time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (c1.ru_utime - c0.ru_utime) + (c1.ru_stime - c0.ru_stime)
    written = Path(target).read_text(encoding="utf-8").count("\n") if os.path.exists(target) else 0
    note = done.stderr.strip().splitlines()
    return dt, cpu, written, f"exit {done.returncode}; {note[-1] if note else ''}"


def command_report(t: Triage, lines: int = 1000, sizes: tuple[int, ...] = (50, 130, 300), runs: int = 3) -> None:
    """``manage.py triage`` on 1,000-line JSONL files of short, medium and long texts.

    Everything is included: interpreter and Django start-up, loading the regions,
    building the engine, reading, triaging, grouping and writing. A one-line file gives
    the fixed start-up cost. Each size runs ``runs`` times; the best run is shown (the
    machine is shared, so the best run is the least disturbed one) with the median CPU.
    """
    long_texts = synthetic_texts(lines, t, seed=5)
    print(f"\nmanage.py triage, {lines} lines (best of {runs} runs; wall and CPU seconds, CPU = user + system)")
    print(f"{'words/line':>10}{'wall':>8}{'CPU':>8}{'CPU med':>9}{'lines out':>11}  note")
    with tempfile.TemporaryDirectory() as tmp:
        cases: list[tuple[str, list[str]]] = [("1 line", long_texts[:1])]
        cases += [(f"~{size}", [" ".join(x.split()[:size]) for x in long_texts]) for size in sizes]
        for label, texts in cases:
            source, target = os.path.join(tmp, "in.jsonl"), os.path.join(tmp, "out.jsonl")
            with open(source, "w", encoding="utf-8") as fh:
                for n, text in enumerate(texts, start=1):
                    fh.write(json.dumps({"id": n, "text": text}, ensure_ascii=False) + "\n")
            results = sorted(_run_command(source, target) for _ in range(runs))
            cpus = sorted(r[1] for r in results)
            dt, cpu, written, note = results[0]
            print(f"{label:>10}{dt:>8.2f}{cpu:>8.2f}{cpus[len(cpus) // 2]:>9.2f}{written:>11}  {note}")


def evaluate(t: Triage, items: list[dict[str, Any]]) -> tuple[tuple[float, float, float, float], list[Any]]:
    """Category macro-F1, subject accuracy, duplicate-pair F1 and category accuracy of one engine on one set,
    and its suggestions."""
    sugg, groups = t.suggest_and_group([it["text"] for it in items])
    gold_c = [it["category"] for it in items]
    labels = [c for c in CATEGORIES if c in gold_c]
    macro = macro_f1(per_class(gold_c, [s.category for s in sugg], labels))
    subject = accuracy([it["subject"] for it in items], [s.subject for s in sugg])
    category = accuracy(gold_c, [s.category for s in sugg])
    return (macro, subject, pair_scores([it["group"] for it in items], groups)[2], category), sugg


def scores(t: Triage, items: list[dict[str, Any]]) -> tuple[float, float, float, float]:
    return evaluate(t, items)[0]


def _row(name: str, a: tuple[float, ...], b: tuple[float, ...], digits: int = 2) -> str:
    return (f"{name:<16}{a[0]:>17.{digits}f}{a[1]:>9.{digits}f}{a[2]:>10.{digits}f}"
            f"{b[0]:>17.{digits}f}{b[3]:>10.{digits}f}{b[1]:>9.{digits}f}{b[2]:>10.{digits}f}")


def close_call_marks(suggestions: list[Any], items: list[dict[str, Any]]) -> list[tuple[str, bool, bool]]:
    """Per text and field: the field, whether the choice was marked "belum pasti", whether it was right."""
    out = []
    for it, s in zip(items, suggestions, strict=True):
        marked = {e.field for e in s.explanation if e.rule.startswith(CLOSE_CALL_PREFIX)}
        out += [(f, f in marked, getattr(s, f) == it[f]) for f in ("category", "subject")]
    return out


def close_call_report(marks: list[tuple[str, bool, bool]], title: str) -> None:
    """How often a choice marked "belum pasti" was right, against the unmarked ones."""
    for field in ("category", "subject"):
        rows = [(m, ok) for f, m, ok in marks if f == field]
        marked = [ok for m, ok in rows if m]
        other = [ok for m, ok in rows if not m]
        if not rows or not marked or not other:
            continue
        print(f"close calls, {field}, {title}: {len(marked) / len(rows):.0%} of texts marked, right "
              f"{sum(marked) / len(marked):.2f}; unmarked right {sum(other) / len(other):.2f}")


def word_model_report(t: Triage, items: list[dict[str, Any]], unseen: list[str]) -> None:
    """Rules alone against rules + word model, the model trained without the set it is scored on.

    The shipped model was trained on the sets below, so its own numbers on them say
    nothing about unseen text; here each real set is left out of training in turn, and
    the mean over the sets is the number the data README quotes.
    """
    try:
        from kawal.triage.engine.wordmodel import word_model_from_dict
        from kawal.triage.training import TRAINING_FILES, train
    except ImportError:
        print("\n(word model: scikit-learn not installed, leave-one-set-out skipped)")
        return
    rules = Triage(regions(), home_code="35.25", word_model=False)
    print("\n=== word model: each real set left out of training in turn ===")
    print(f"{'set':<16}{'rules: macro-F1':>17}{'subject':>9}{'pairs F1':>10}"
          f"{'blend: macro-F1':>17}{'cat. acc':>10}{'subject':>9}{'pairs F1':>10}")
    # every real set collected by others: the held-out sets scored once, then the training-only sets
    left_out = [f.removesuffix(".jsonl") for f in TRAINING_FILES if f.startswith(("real_heldout_", "real_train_"))]
    rows: list[tuple[tuple[float, ...], tuple[float, ...]]] = []
    marks: list[tuple[str, bool, bool]] = []
    for name in left_out:
        sel = [it for it in items if it["split"] == name] or load_devset(DEVSET_PATH.with_name(f"{name}.jsonl"))
        files = tuple(f for f in TRAINING_FILES if f != f"{name}.jsonl")
        blended = Triage(regions(), home_code="35.25", word_model=False)
        blended.word_model = word_model_from_dict(train(rules, files))
        a, (b, suggestions) = scores(rules, sel), evaluate(blended, sel)
        rows.append((a, b))
        marks += close_call_marks(suggestions, sel)
        print(_row(name, a, b))
    if rows:
        mean_a = tuple(sum(a[k] for a, _b in rows) / len(rows) for k in range(4))
        mean_b = tuple(sum(b[k] for _a, b in rows) / len(rows) for k in range(4))
        print(_row(f"mean of {len(rows)}", mean_a, mean_b, digits=3))
    for name in unseen:
        sel = [it for it in items if it["split"] == name]
        b, suggestions = evaluate(t, sel)
        print(_row(name, scores(rules, sel), b) + "  (unseen: the shipped model)")
        close_call_report(close_call_marks(suggestions, sel), f"{name} (unseen)")
    close_call_report(marks, f"the {len(rows)} left-out sets")
    print("(the rules were tuned on real_heldout_2 to _5 after their first scoring and, less, on the later sets:"
          " the rules' own numbers there are optimistic; real_heldout_6 to _20 were scored once unseen,"
          " then trained on)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=["dev", "heldout", *REAL_SPLITS, "all", "both", "every"], default="every",
                    help="both = dev + heldout; every = dev, heldout and the real held-out sets already scored"
                    " (default); a set still unseen is scored only when named")
    ap.add_argument("--errors", action="store_true", help="list misclassified items")
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args()
    t = Triage(regions(), home_code="35.25")
    items = load_devset()
    for name in REAL_SPLITS:
        items += load_devset(DEVSET_PATH.with_name(f"{name}.jsonl"))
    scored = [name for name in REAL_SPLITS if name not in UNSEEN_SPLITS]
    splits = {"both": ["dev", "heldout"], "every": ["dev", "heldout", *scored], "all": ["all"]}.get(
        args.split, [args.split]
    )
    for sp in splits:
        sel = [it for it in items if it["split"] not in REAL_SPLITS] if sp == "all" else [
            it for it in items if it["split"] == sp
        ]
        trained = "" if sp in UNSEEN_SPLITS else " (the word model was trained on it: not a test)"
        accuracy_report(t, sel, f"split {sp}{trained}", args.errors)
    # an unseen set is spent once it is scored: only when asked for by name
    word_model_report(t, items, [name for name in UNSEEN_SPLITS if name in splits])
    if not args.no_speed:
        speed_report(t)


if __name__ == "__main__":
    main()
