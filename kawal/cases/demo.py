"""About 30 fictional cases across Gresik's kecamatan, in every workflow state.

The mix follows DOMAIN.md §8 (kepala desa, ASN and perangkat desa neutrality, ad hoc
ethics, money politics, campaign props). Every reported person and every reporter is
fictional: names carry "(fiktif)". Times are relative to the moment of loading so the
clocks on open cases are live. Idempotent: each demo case has a fixed tracking code.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kawal.accounts.models import User
from kawal.core.demo import DemoContext
from kawal.regions.models import Level, Region

from . import services
from .models import Case, Channel, PartyType, ReporterStatus
from .workflow import Action, Kind

A = Action
REVIEW = [A.START_REVIEW]
REG = [*REVIEW, A.REGISTER]
ASSESS = [*REG, A.START_CLARIFICATION, A.START_ASSESSMENT]
CRIME = [*ASSESS, A.DECIDE_CRIME, A.REFER_GAKKUMDU]
TRIAL = [*CRIME, A.GAKKUMDU_SECOND, A.START_INVESTIGATION, A.GAKKUMDU_THIRD, A.FILE_TO_PROSECUTOR, A.FILE_TO_COURT]
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


@dataclass(frozen=True)
class DemoCase:
    kecamatan: str  # name as in the Kemendagri file
    kind: str
    party_type: str
    reported: str
    title: str
    path: list[Action]
    days_ago: int  # when it was received


CASES: list[DemoCase] = [
    DemoCase("KEBOMAS", Kind.REPORT, PartyType.VILLAGE_HEAD, "Kepala Desa Sukamaju (fiktif)",
             "Kepala desa mengarahkan warga memilih paslon saat pengajian", [], 0),
    DemoCase("DUKUN", Kind.REPORT, PartyType.ASN, "Guru ASN Hadi Contoh (fiktif)",
             "ASN mengunggah dukungan paslon di media sosial", REVIEW, 1),
    DemoCase("MENGANTI", Kind.REPORT, PartyType.VILLAGE_OFFICIAL, "Kasun Slamet Contoh (fiktif)",
             "Perangkat desa membagikan stiker paslon", [*REVIEW, A.REQUEST_COMPLETENESS], 1),
    DemoCase("CERME", Kind.REPORT, PartyType.PARTICIPANT, "Tim kampanye Kecamatan (fiktif)",
             "APK dipasang di pohon perindang dan tiang listrik", REG, 2),
    DemoCase("DRIYOREJO", Kind.REPORT, PartyType.CITIZEN, "Warga tak dikenal (fiktif)",
             "Laporan tanpa uraian peristiwa yang jelas", [*REVIEW, A.NOT_REGISTER], 9),
    DemoCase("BENJENG", Kind.REPORT, PartyType.VILLAGE_HEAD, "Kepala Desa Mekarsari (fiktif)",
             "Kepala desa hadir memakai atribut paslon dalam kampanye",
             [*REVIEW, A.REQUEST_COMPLETENESS, A.MARK_NOT_COMPLETED], 8),
    DemoCase("BALONGPANGGANG", Kind.FINDING, PartyType.ORGANISER, "Anggota KPPS TPS 004 (fiktif)",
             "Anggota KPPS mengunggah ajakan memilih paslon", [*REG, A.START_CLARIFICATION], 3),
    DemoCase("WRINGINANOM", Kind.REPORT, PartyType.ASN, "Kepala sekolah ASN Rini Contoh (fiktif)",
             "Kepala sekolah mengumpulkan guru untuk mendukung paslon", [*REG, A.START_ASSESSMENT], 2),
    DemoCase("KEDAMEAN", Kind.REPORT, PartyType.PARTICIPANT, "Tim kampanye desa (fiktif)",
             "APK dipasang di area sekolah", [*ASSESS, A.DECIDE_ADMINISTRATIVE], 4),
    DemoCase("MANYAR", Kind.REPORT, PartyType.CITIZEN, "Sdr. Joko Contoh (fiktif)",
             "Pembagian uang kepada pemilih menjelang pemungutan suara", [*ASSESS, A.DECIDE_CRIME], 3),
    DemoCase("BUNGAH", Kind.FINDING, PartyType.ORGANISER, "Ketua PPS Desa Karangsari (fiktif)",
             "Ketua PPS menghadiri deklarasi relawan paslon", [*ASSESS, A.DECIDE_ETHICS], 5),
    DemoCase("SIDAYU", Kind.REPORT, PartyType.ASN, "Camat Dummy Prasetyo (fiktif)",
             "Pejabat ASN memberi sambutan bernada dukungan pada paslon", [*ASSESS, A.DECIDE_OTHER_LAW], 4),
    DemoCase("DUDUKSAMPEYAN", Kind.REPORT, PartyType.OFFICIAL, "Pejabat daerah (fiktif)",
             "Program bantuan dibagikan dengan atribut paslon di banyak kecamatan", [*ASSESS, A.DECIDE_TSM], 6),
    DemoCase("UJUNGPANGKAH", Kind.REPORT, PartyType.CITIZEN, "Warga Bambang Contoh (fiktif)",
             "Dugaan kampanye di tempat ibadah ternyata kegiatan rutin", [*ASSESS, A.DECIDE_NOT_VIOLATION], 7),
    DemoCase("PANCENG", Kind.REPORT, PartyType.VILLAGE_HEAD, "Kepala Desa Sumberjati (fiktif)",
             "Kepala desa mengumpulkan RT/RW untuk memenangkan paslon",
             [*ASSESS, A.DECIDE_OTHER_LAW, A.REFER_BUPATI], 10),
    DemoCase("GRESIK", Kind.REPORT, PartyType.ASN, "Staf dinas Ahmad Contoh (fiktif)",
             "ASN ikut kampanye terbuka memakai seragam", [*ASSESS, A.DECIDE_OTHER_LAW, A.REFER_BKN], 9),
    DemoCase("KEBOMAS", Kind.FINDING, PartyType.VILLAGE_OFFICIAL, "Sekdes Desa Randu (fiktif)",
             "Perangkat desa menjadi admin grup relawan paslon",
             [*ASSESS, A.DECIDE_OTHER_LAW, A.REFER_BUPATI, A.RECORD_FOLLOW_UP], 14),
    DemoCase("CERME", Kind.REPORT, PartyType.PARTICIPANT, "Tim kampanye (fiktif)",
             "APK di jalan protokol tidak diturunkan saat masa tenang",
             [*ASSESS, A.DECIDE_ADMINISTRATIVE, A.REFER_KPU], 5),
    DemoCase("MENGANTI", Kind.FINDING, PartyType.ORGANISER, "Anggota KPPS TPS 011 (fiktif)",
             "KPPS membantu pemilih tanpa pendamping yang sah", [*ASSESS, A.DECIDE_ETHICS, A.REFER_KPU], 6),
    DemoCase("MANYAR", Kind.REPORT, PartyType.CITIZEN, "Sdr. Yusuf Contoh (fiktif)",
             "Serangan fajar: amplop berisi uang dibagikan pagi hari", CRIME, 4),
    DemoCase("DRIYOREJO", Kind.FINDING, PartyType.PARTICIPANT, "Relawan paslon (fiktif)",
             "Pembagian sembako disertai ajakan memilih", [*CRIME, A.GAKKUMDU_SECOND], 7),
    DemoCase("KEDAMEAN", Kind.REPORT, PartyType.CITIZEN, "Sdr. Rahmat Contoh (fiktif)",
             "Pemberian uang transport kepada peserta kampanye",
             [*CRIME, A.GAKKUMDU_SECOND, A.START_INVESTIGATION], 9),
    DemoCase("BENJENG", Kind.REPORT, PartyType.VILLAGE_HEAD, "Kepala Desa Tanjungrejo (fiktif)",
             "Kepala desa membuat keputusan menguntungkan paslon",
             [*CRIME, A.GAKKUMDU_SECOND, A.START_INVESTIGATION, A.GAKKUMDU_THIRD], 12),
    DemoCase("BUNGAH", Kind.REPORT, PartyType.CITIZEN, "Sdr. Hasan Contoh (fiktif)",
             "Politik uang oleh koordinator relawan", [*TRIAL[:-1]], 15),
    DemoCase("SIDAYU", Kind.REPORT, PartyType.CITIZEN, "Sdr. Imam Contoh (fiktif)",
             "Pembagian voucher belanja kepada pemilih", [*TRIAL[:-1], A.RETURN_FILE], 16),
    DemoCase("GRESIK", Kind.REPORT, PartyType.CITIZEN, "Sdr. Wahyu Contoh (fiktif)",
             "Intimidasi terhadap pemilih agar memilih paslon", TRIAL, 20),
    DemoCase("WRINGINANOM", Kind.REPORT, PartyType.CITIZEN, "Sdr. Agus Contoh (fiktif)",
             "Politik uang di sekitar TPS", [*TRIAL, A.RECORD_COURT_DECISION], 24),
    DemoCase("DUKUN", Kind.REPORT, PartyType.CITIZEN, "Sdr. Eko Contoh (fiktif)",
             "Pemberian uang kepada pemilih lansia", [*TRIAL, A.RECORD_COURT_DECISION, A.FILE_APPEAL], 28),
    DemoCase("PANCENG", Kind.REPORT, PartyType.CITIZEN, "Sdr. Dedi Contoh (fiktif)",
             "Politik uang oleh tim sukses desa",
             [*TRIAL, A.RECORD_COURT_DECISION, A.FILE_APPEAL, A.RECORD_APPEAL_DECISION], 35),
    DemoCase("UJUNGPANGKAH", Kind.REPORT, PartyType.CITIZEN, "Warga (fiktif)",
             "Dugaan pemasangan APK di rumah ibadah", [*ASSESS, A.DECIDE_NOT_VIOLATION, A.CLOSE], 12),
    DemoCase("SANGKAPURA", Kind.INFORMATION, PartyType.UNKNOWN, "Tidak diketahui",
             "Info: ada pengumpulan KTP warga oleh orang tak dikenal", [], 1),
    DemoCase("TAMBAK", Kind.INFORMATION, PartyType.VILLAGE_OFFICIAL, "Perangkat desa (fiktif)",
             "Info: perangkat desa membagikan kalender paslon", [A.CONVERT_TO_FINDING], 3),
]


def demo_code(index: int) -> str:
    rng = random.Random(f"kawal-demo-case-{index}")
    return "KWL-" + "-".join("".join(rng.choice(CODE_ALPHABET) for _ in range(4)) for _ in range(3))


def _place(kecamatan: str, index: int) -> Region | None:
    kec = Region.objects.filter(level=Level.KECAMATAN, code__startswith="35.25.", name__iexact=kecamatan).first()
    if kec is None:
        return None
    desa = list(Region.objects.filter(parent=kec, level=Level.DESA).order_by("code"))
    return desa[index % len(desa)] if desa else kec


def _where(place: Region) -> str:
    """The place as a report names it ("Desa Sawo, Kecamatan Dukun"), so that triage can read it."""
    if place.level != Level.DESA or place.parent is None:
        return f"Kecamatan {place.name}"
    # Kemendagri numbers a kelurahan 1xxx and a desa 2xxx
    kind = "Kelurahan" if place.code.rsplit(".", 1)[-1].startswith("1") else "Desa"
    return f"{kind} {place.name}, Kecamatan {place.parent.name}"


def _reporter(index: int) -> dict[str, str]:
    return {
        "reporter_status": [ReporterStatus.VOTER, ReporterStatus.MONITOR, ReporterStatus.PARTICIPANT][index % 3],
        "reporter_name": f"Pelapor Contoh {index:02d} (fiktif)",
        "reporter_nik": f"35259900000000{index:02d}",
        "reporter_birth_place": "Gresik",
        "reporter_birth_date": f"19{70 + index % 25}-0{1 + index % 9}-1{index % 9}",
        "reporter_sex": "L" if index % 2 else "P",
        "reporter_occupation": "Wiraswasta",
        "reporter_citizenship": "WNI",
        "reporter_address": f"Jl. Contoh No. {index}, Gresik",
        "reporter_phone": f"08000000{index:04d}",
        "reporter_email": "",
    }


def _photo(index: int) -> SimpleUploadedFile:
    """A synthetic picture standing in for a photo of the event (clearly marked as demo)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (480, 320), (40 + index * 5 % 200, 90, 140))
    ImageDraw.Draw(image).text((20, 20), f"Contoh bukti demo #{index}\n(bukan foto asli)", fill="white")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG")
    return SimpleUploadedFile(f"bukti-demo-{index:02d}.jpg", buffer.getvalue(), content_type="image/jpeg")


def load(ctx: DemoContext) -> None:
    member = User.objects.filter(username="anggota").first()
    staff = User.objects.filter(username="staf").first()
    if member is None or staff is None:
        return
    now = timezone.now()
    added = 0
    for index, spec in enumerate(CASES, start=1):
        code = demo_code(index)
        if Case.objects.filter(tracking_code=code).exists():
            continue
        place = _place(spec.kecamatan, index)
        if place is None:
            continue
        received = now - dt.timedelta(days=spec.days_ago, hours=3 + index % 5)
        fields = {
            "title": spec.title, "reported_name": spec.reported, "reported_type": spec.party_type,
            "reported_position": "", "region": place, "tps": None, "place_detail": "",
            "happened_on": (received - dt.timedelta(days=2)).date(),
            "known_on": (received - dt.timedelta(days=1)).date(),
            "narrative": f"{spec.title} di {_where(place)}. Contoh kasus untuk demo Kawal; semua nama fiktif.",
            "witnesses": "Saksi contoh (fiktif)",
        }
        evidence = [_photo(index)] if index % 3 == 0 else []
        if spec.kind == Kind.REPORT:
            case = services.file_report({**fields, **_reporter(index)}, channel=Channel.ONLINE, at=received,
                                        evidence=evidence)
        elif spec.kind == Kind.FINDING:
            case = services.record_finding(fields, by=member, at=received, evidence=evidence)
        else:
            case = services.record_information(fields, at=received, evidence=evidence)
        Case.objects.filter(pk=case.pk).update(tracking_code=code)
        case.tracking_code = code
        step_at = received
        for action in spec.path:
            step_at = min(step_at + dt.timedelta(hours=10), now)
            actor = staff if action in (A.START_REVIEW, A.REQUEST_COMPLETENESS) else member
            services.transition(case, action, by=actor, reason="Contoh alasan (demo)", at=step_at)
        added += 1
    if added:
        ctx.say(f"Cases (fictional): {added} added.\n")
