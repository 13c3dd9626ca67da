"""Demo coordination: the seed meeting of 25 Sep 2024 and the pre-quiet-period meeting of 23 Nov 2024.

Institutions are real; every attendee and contact name is fictional. The only statements put
in real people's mouths are those the seed article reports (Rozikin's opening and Robbah
Khunaifih's remarks), paraphrased. The commitments are demo examples derived from the
meeting's stated purpose and the campaign rules, and say so in the minutes.

The article dates the meeting "Kamis (25/09/24)"; 25 September 2024 was a Wednesday. The date
is kept as the article and the domain guide give it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from kawal.accounts.models import User
from kawal.coordination import attendance, services
from kawal.coordination import commitments as c_services
from kawal.coordination.models import Commitment, Meeting, Stakeholder, StakeholderKind
from kawal.core.demo import DemoContext
from kawal.elections.models import Stage

GRESIK = "35.25"
WIB = ZoneInfo("Asia/Jakarta")
SEED_TITLE = "Rapat Koordinasi bersama Stakeholder"
QUIET_TITLE = "Rapat Koordinasi Persiapan Masa Tenang Pilkada 2024"


def at(month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2024, month, day, hour, minute, tzinfo=WIB)


# key, name, kind, fictional contact (name, position)
STAKEHOLDERS = [
    (
        "bakesbangpol",
        "Bakesbangpol Kabupaten Gresik",
        StakeholderKind.BAKESBANGPOL,
        ("Hendra Kusuma", "Kabid Politik Dalam Negeri"),
    ),
    ("polres", "Polres Gresik", StakeholderKind.POLICE, ("Agus Prasetyo", "Kasat Intelkam")),
    ("kejaksaan", "Kejaksaan Negeri Gresik", StakeholderKind.PROSECUTOR, ("Dian Lestari", "Kasi Intelijen")),
    ("dishub", "Dinas Perhubungan Kabupaten Gresik", StakeholderKind.DISHUB, ("Bambang Sutrisno", "Kabid Lalu Lintas")),
    (
        "kominfo",
        "Dinas Komunikasi dan Informatika Kabupaten Gresik",
        StakeholderKind.KOMINFO,
        ("Rina Wulandari", "Kabid Informasi Publik"),
    ),
    ("satpol", "Satpol PP Kabupaten Gresik", StakeholderKind.SATPOL_PP, ("Joko Santoso", "Kabid Penegakan Perda")),
    ("dlh", "Dinas Lingkungan Hidup Kabupaten Gresik", StakeholderKind.DLH, ("Sri Handayani", "Kabid Pertamanan")),
    ("media", "Awak media Gresik", StakeholderKind.MEDIA, ("Fajar Nugroho", "Wartawan")),
    (
        "parties",
        "Partai politik pengusung paslon Bupati Gresik (perwakilan)",
        StakeholderKind.PARTY,
        ("Yusuf Hakim", "Sekretaris DPC"),
    ),
    (
        "campaign",
        "Tim Kampanye Paslon Bupati dan Wakil Bupati Gresik Nomor Urut 1",
        StakeholderKind.CAMPAIGN_TEAM,
        ("Ahmad Fauzi", "Sekretaris tim"),
    ),
    (
        "monitors",
        "Pemantau pemilihan terakreditasi di Gresik (perwakilan)",
        StakeholderKind.MONITOR,
        ("Lina Marlina", "Koordinator"),
    ),
]

# Fictional attendees of the seed meeting: stakeholder key, name, position, check-in time.
SEED_ATTENDEES = [
    ("bakesbangpol", "Hendra Kusuma", "Kabid Politik Dalam Negeri", (8, 31)),
    ("polres", "Agus Prasetyo", "Kasat Intelkam", (8, 35)),
    ("kejaksaan", "Dian Lestari", "Kasi Intelijen", (8, 38)),
    ("dishub", "Bambang Sutrisno", "Kabid Lalu Lintas", (8, 40)),
    ("kominfo", "Rina Wulandari", "Kabid Informasi Publik", (8, 44)),
    ("satpol", "Joko Santoso", "Kabid Penegakan Perda", (8, 47)),
    ("dlh", "Sri Handayani", "Kabid Pertamanan", (8, 52)),
    ("media", "Fajar Nugroho", "Wartawan", (8, 55)),
    ("media", "Maya Sari", "Jurnalis", (9, 2)),
]

SEED_STATEMENTS = [
    (
        "Rozikin",
        "Kordiv Penanganan Pelanggaran dan Data Informasi Bawaslu Gresik (pembukaan)",
        "Berterima kasih atas kehadiran peserta; rakor ini pertemuan pertama dengan stakeholder pada Pilkada 2024. "
        "Pemilihan Serentak 2024 menjadi tantangan, terutama dalam pengawasan dan pencegahan pelanggaran, sehingga "
        "rakor digelar untuk mendorong partisipasi stakeholder bersama-sama mengidentifikasi potensi masalah dan "
        "tantangan yang mungkin timbul selama proses pemilihan. Bawaslu Gresik membutuhkan partisipasi semua "
        "stakeholder untuk terlibat aktif dalam pengawasan tahapan Pilkada 2024 di Kabupaten Gresik. Koordinasi "
        "dengan stakeholder dipandang perlu sebagai upaya pencegahan agar tidak terlibat dalam kegiatan politik "
        "selama pelaksanaan Pemilihan di Kabupaten Gresik.",
    ),
    (
        "Robbah Khunaifih",
        "Kordiv SDM Bawaslu Gresik",
        "Mengingatkan agar ASN menjaga integritas dan netralitas selama Pemilihan 2024 dan berharap tidak ada laporan "
        "masyarakat tentang ketidaknetralan ASN. Netralitas ASN merupakan kunci penting dalam menjaga kredibilitas "
        "dan kepercayaan masyarakat terhadap penyelenggaraan Pemilihan. Selain ASN, pejabat negara, pejabat daerah, "
        "TNI/POLRI dan Kepala Desa harus mampu bersikap netral serta tidak membuat keputusan maupun tindakan yang "
        "menguntungkan atau merugikan salah satu pasangan calon, agar proses demokrasi berjalan baik dan sesuai "
        "aturan yang berlaku.",
    ),
]

DEMO_NOTE = (
    "Catatan demo: daftar hadir memakai nama fiktif; komitmen di bawah ini adalah contoh yang diturunkan dari "
    "tujuan rapat dan aturan kampanye, bukan kutipan berita."
)

# owner key, description, due (month, day), risk, outcome: ("done", (m, d, h)) | ("missed",) | ("progress",) | ("open",)
SEED_COMMITMENTS = [
    (
        "bakesbangpol",
        "Mengedarkan imbauan netralitas ASN, pejabat daerah dan kepala desa kepada perangkat daerah "
        "melalui Pemerintah Kabupaten Gresik.",
        (10, 4),
        "Ketidaknetralan ASN dan kepala desa",
        ("done", (10, 2, 14)),
    ),
    (
        "polres",
        "Meneruskan kepada Bawaslu informasi dugaan keterlibatan ASN, anggota POLRI atau kepala desa dalam "
        "kegiatan kampanye yang diterima selama masa kampanye.",
        (11, 23),
        "Ketidaknetralan ASN/TNI/POLRI",
        ("done", (11, 22, 16)),
    ),
    (
        "satpol",
        "Menertibkan alat peraga kampanye (APK) yang terpasang di tempat terlarang, berkoordinasi dengan "
        "Bawaslu dan KPU Gresik.",
        (10, 15),
        "APK di tempat terlarang",
        ("done", (10, 18, 10)),
    ),
    (
        "dlh",
        "Mendata dan melaporkan APK yang dipasang di pohon, taman dan ruang terbuka hijau.",
        (10, 15),
        "APK di tempat terlarang",
        ("done", (10, 14, 9)),
    ),
    (
        "dishub",
        "Mendata APK yang terpasang pada sarana perhubungan (halte, rambu, lampu lalu lintas) dan "
        "menyampaikannya kepada Satpol PP dan Bawaslu.",
        (10, 15),
        "APK di tempat terlarang",
        ("missed",),
    ),
    (
        "kominfo",
        "Memastikan akun media sosial resmi Pemerintah Kabupaten Gresik tidak dipakai untuk kampanye dan "
        "melaporkan konten yang melanggar.",
        (11, 23),
        "Penyalahgunaan program/fasilitas pemerintah",
        ("progress",),
    ),
    (
        "kejaksaan",
        "Menyiapkan jaksa Sentra Gakkumdu untuk pendampingan penanganan dugaan tindak pidana pemilihan.",
        (10, 1),
        "Tindak pidana pemilihan",
        ("done", (9, 30, 11)),
    ),
    (
        "media",
        "Menyebarluaskan informasi pengawasan partisipatif dan kanal pelaporan dugaan pelanggaran.",
        (10, 31),
        "Partisipasi masyarakat",
        ("done", (10, 10, 15)),
    ),
]

QUIET_COMMITMENTS = [
    (
        "campaign",
        "Menurunkan APK paslon secara mandiri sebelum masa tenang dimulai (24 November 2024 pukul 00.00).",
        (11, 24),
        "APK pada masa tenang",
        ("done", (11, 24, 6)),
    ),
    (
        "satpol",
        "Menertibkan APK yang tersisa pada masa tenang bersama Panwascam.",
        (11, 26),
        "APK pada masa tenang",
        ("done", (11, 25, 17)),
    ),
    (
        "polres",
        "Patroli bersama Panwascam pada masa tenang di wilayah rawan; dugaan 'serangan fajar' ditangani kepolisian.",
        (11, 26),
        "Politik uang",
        ("done", (11, 26, 22)),
    ),
    (
        "monitors",
        "Melaporkan kepada Bawaslu temuan dugaan politik uang selama masa tenang dan hari pemungutan suara.",
        (11, 27),
        "Politik uang",
        ("open",),
    ),
    (
        "parties",
        "Mengingatkan kader dan simpatisan agar tidak berkampanye pada masa tenang.",
        (11, 24),
        "Kampanye pada masa tenang",
        ("done", (11, 23, 20)),
    ),
]


def _stakeholders(by: User) -> dict[str, Stakeholder]:
    liaison = User.objects.filter(username="mitra.polres").first()
    found: dict[str, Stakeholder] = {}
    for key, name, kind, (contact, position) in STAKEHOLDERS:
        stakeholder = Stakeholder.objects.filter(name=name, region_id=GRESIK).first()
        if stakeholder is None:
            stakeholder = services.create_stakeholder(
                by=by, name=name, kind=kind, region_code=GRESIK, liaison=liaison if key == "polres" else None
            )
            services.add_contact(stakeholder, by=by, name=contact, position=position)
        found[key] = stakeholder
    return found


def _commitments(
    meeting: Meeting, rows: list[tuple[Any, ...]], found: dict[str, Stakeholder], stage: Stage | None, by: User
) -> None:
    for key, description, (month, day), risk, outcome in rows:
        data = c_services.CommitmentData(
            owner_id=found[key].pk,
            description=description,
            due_date=dt.date(2024, month, day),
            stage=stage,
            area_code=GRESIK,
            risk=risk,
        )
        commitment: Commitment = c_services.add_commitment(meeting, data, by=by)
        if outcome[0] == "done":
            m, d, h = outcome[1]
            c_services.complete_commitment(
                commitment, by=by, note="Laporan pelaksanaan diterima (demo).", completed_at=at(m, d, h)
            )
        elif outcome[0] == "missed":
            c_services.mark_missed(commitment, by=by)
        elif outcome[0] == "progress":
            c_services.start_commitment(commitment, by=by)


def _seed_meeting(found: dict[str, Stakeholder], by: User) -> None:
    campaign = Stage.objects.filter(code="kampanye").first()
    meeting = services.create_meeting(
        services.MeetingData(
            title=SEED_TITLE,
            purpose=(
                "Membahas pelaksanaan Pemilihan Gubernur dan Wakil Gubernur serta Bupati dan Wakil Bupati 2024: "
                "mendorong partisipasi semua stakeholder dalam pengawasan tahapan, mengidentifikasi bersama potensi "
                "masalah, mencegah keterlibatan dalam kegiatan politik, dan menjaga netralitas ASN, pejabat, "
                "TNI/POLRI dan kepala desa."
            ),
            starts_at=at(9, 25, 9),
            ends_at=at(9, 25, 12),
            venue="Hotel Khas Gresik",
            region_code=GRESIK,
            stage=campaign,
            agenda=[
                "Pembukaan oleh Kordiv Penanganan Pelanggaran dan Data Informasi",
                "Netralitas ASN, pejabat, TNI/POLRI dan kepala desa (Kordiv SDM)",
                "Identifikasi potensi masalah bersama stakeholder",
                "Kesepakatan tindak lanjut",
            ],
        ),
        by=by,
    )
    keys = ["bakesbangpol", "polres", "kejaksaan", "dishub", "kominfo", "satpol", "dlh", "media"]
    services.invite(meeting, [found[k].pk for k in keys], by=by, at=at(9, 20, 10))
    for key, name, position, (hour, minute) in SEED_ATTENDEES:
        attendance.staff_check_in(
            meeting,
            attendance.CheckInData(name=name, position=position, stakeholder_id=found[key].pk),
            by=by,
            at=at(9, 25, hour, minute),
        )
    attendance.set_checkin(meeting, by=by, open_=False)
    services.save_minutes(
        meeting,
        by=by,
        summary=(
            "Rakor stakeholder pertama Bawaslu Gresik pada Pilkada 2024, pada hari pertama masa kampanye. "
            'Sumber: berita Bawaslu Gresik "Bersinergi Kawal Pilkada Tahun 2024". ' + DEMO_NOTE
        ),
        decisions="",
        statements=[services.StatementData(speaker=s, speaker_role=r, content=c) for s, r, c in SEED_STATEMENTS],
    )
    _commitments(meeting, SEED_COMMITMENTS, found, campaign, by)


def _quiet_meeting(found: dict[str, Stakeholder], by: User) -> None:
    campaign = Stage.objects.filter(code="kampanye").first()
    quiet = Stage.objects.filter(code="masa-tenang").first()
    meeting = services.create_meeting(
        services.MeetingData(
            title=QUIET_TITLE,
            purpose=(
                "Persiapan pengawasan masa tenang 24-26 November 2024 dan pemungutan suara 27 November 2024 "
                "bersama partai politik, tim kampanye dan pemantau pemilihan. (Tempat dan jam: data demo.)"
            ),
            starts_at=at(11, 23, 9),
            ends_at=at(11, 23, 12),
            venue="Kantor Bawaslu Kabupaten Gresik",
            region_code=GRESIK,
            stage=campaign,
            agenda=[
                "Larangan kampanye dan penurunan APK pada masa tenang",
                "Patroli pengawasan masa tenang dan pencegahan politik uang",
                "Kesepakatan tindak lanjut",
            ],
        ),
        by=by,
    )
    services.invite(meeting, [s.pk for s in found.values()], by=by, at=at(11, 19, 10))
    attendees = [
        ("satpol", "Joko Santoso", "Kabid Penegakan Perda", (8, 40)),
        ("polres", "Agus Prasetyo", "Kasat Intelkam", (8, 42)),
        ("bakesbangpol", "Hendra Kusuma", "Kabid Politik Dalam Negeri", (8, 45)),
        ("parties", "Yusuf Hakim", "Sekretaris DPC", (8, 50)),
        ("campaign", "Ahmad Fauzi", "Sekretaris tim", (8, 52)),
        ("monitors", "Lina Marlina", "Koordinator", (8, 58)),
        ("media", "Fajar Nugroho", "Wartawan", (9, 5)),
    ]
    for key, name, position, (hour, minute) in attendees:
        attendance.staff_check_in(
            meeting,
            attendance.CheckInData(name=name, position=position, stakeholder_id=found[key].pk),
            by=by,
            at=at(11, 23, hour, minute),
        )
    attendance.set_checkin(meeting, by=by, open_=False)
    services.save_minutes(
        meeting,
        by=by,
        summary="Rakor menjelang masa tenang; peserta ditambah partai politik, tim kampanye dan pemantau. " + DEMO_NOTE,
        decisions="Penurunan APK mulai 24 November 2024 pukul 00.00\nPatroli masa tenang bersama aparat keamanan",
        statements=[
            services.StatementData(
                speaker="Anggota Demo",
                speaker_role="Anggota Bawaslu Gresik (persona demo)",
                content="Menjelaskan larangan kampanye pada masa tenang dan jadwal penurunan APK.",
            )
        ],
    )
    _commitments(meeting, QUIET_COMMITMENTS, found, quiet, by)


def load(ctx: DemoContext) -> None:
    by = User.objects.filter(username="staf").first()
    if by is None:
        return
    found = _stakeholders(by)
    if not Meeting.objects.filter(title=SEED_TITLE, starts_at=at(9, 25, 9)).exists():
        _seed_meeting(found, by)
        ctx.say("Coordination: seed meeting of 25 Sep 2024 at Hotel Khas Gresik.\n")
    if not Meeting.objects.filter(title=QUIET_TITLE, starts_at=at(11, 23, 9)).exists():
        _quiet_meeting(found, by)
        ctx.say("Coordination: pre-quiet-period meeting of 23 Nov 2024.\n")
