"""Every clock of DOMAIN.md §3 as a rule row (change the rows, not the code)."""

from django.db import migrations

DECISIONS = [
    "decide_administrative", "decide_crime", "decide_ethics", "decide_other_law", "decide_tsm",
    "decide_not_violation",
]
UU = "UU 1/2015 jo. UU 10/2016"
GAKKUMDU = "Perbawaslu 9/2024; Bawaslu statements on Sentra Gakkumdu, Aug 2024"

RULES = [
    # code, name, legal basis, amount, unit, start, stop, anchor, kinds
    ("filing", "Batas waktu penyampaian laporan", f"{UU} Pasal 134 ayat (4)", 7, "calendar_day",
     ["known"], [], "", ["laporan", "temuan"]),
    ("initial_review", "Kajian awal", "Perbawaslu 8/2020 jo. Perbawaslu 9/2024 (kajian awal 2 hari)", 2,
     "calendar_day", ["received", "mark_completed"],
     ["register", "not_register", "request_completeness", "mark_not_completed"], "", ["laporan", "temuan"]),
    ("completeness", "Kelengkapan laporan (2 x 24 jam)", "Perbawaslu 9/2024", 48, "hour",
     ["request_completeness"], ["mark_completed", "mark_not_completed"], "", ["laporan"]),
    ("handling", "Penanganan (3 hari)", f"{UU} Pasal 134 ayat (5)", 3, "calendar_day",
     ["register"], [*DECISIONS, "extend_handling"], "", []),
    ("handling_extended", "Penanganan diperpanjang (3 + 2 hari)", f"{UU} Pasal 134 ayat (6)", 5, "calendar_day",
     ["extend_handling"], DECISIONS, "register", []),
    ("kpu_follow_up", "Tindak lanjut rekomendasi oleh KPU", f"{UU} Pasal 139-140", 7, "calendar_day",
     ["refer_kpu"], ["record_follow_up"], "", []),
    ("investigation", "Penyidikan sampai berkas ke penuntut umum", GAKKUMDU, 14, "working_day",
     ["start_investigation"], ["file_to_prosecutor", "stop_gakkumdu"], "", []),
    ("prosecutor_review", "Penuntut umum mengembalikan berkas kurang lengkap", GAKKUMDU, 3, "calendar_day",
     ["file_to_prosecutor", "resubmit_file"], ["return_file", "file_to_court"], "", []),
    ("investigator_resubmit", "Penyidik menyampaikan kembali berkas", GAKKUMDU, 3, "calendar_day",
     ["return_file"], ["resubmit_file"], "", []),
    ("prosecutor_to_court", "Pelimpahan berkas ke pengadilan negeri", GAKKUMDU, 5, "calendar_day",
     ["file_to_prosecutor", "resubmit_file"], ["file_to_court", "return_file"], "", []),
    ("court_decision", "Putusan pengadilan negeri", GAKKUMDU, 7, "calendar_day",
     ["file_to_court"], ["record_court_decision"], "", []),
    ("appeal_filing", "Pengajuan banding", GAKKUMDU, 3, "calendar_day",
     ["record_court_decision"], ["file_appeal", "close"], "", []),
    ("appeal_decision", "Putusan pengadilan tinggi", GAKKUMDU, 7, "calendar_day",
     ["file_appeal"], ["record_appeal_decision"], "", []),
]


def seed(apps, schema_editor):
    ClockRule = apps.get_model("cases", "ClockRule")
    for code, name, basis, amount, unit, start, stop, anchor, kinds in RULES:
        ClockRule.objects.update_or_create(
            code=code,
            defaults={
                "name": name, "legal_basis": basis, "amount": amount, "unit": unit, "start_actions": start,
                "stop_actions": stop, "anchor_action": anchor, "kinds": kinds,
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("cases", "ClockRule").objects.filter(code__in=[r[0] for r in RULES]).delete()


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
