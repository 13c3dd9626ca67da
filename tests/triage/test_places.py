from __future__ import annotations

from kawal.triage.engine import RegionEntry, Triage


def codes(t: Triage, text: str) -> list[str]:
    return [p.code for p in t.suggest(text).places]


def test_marked_kecamatan_forms(triage: Triage) -> None:
    for text in ("di Kecamatan Kebomas", "di Kec. Kebomas", "di kec kebomas", "KECAMATAN KEBOMAS."):
        assert "35.25.14" in codes(triage, text), text


def test_marked_desa_forms(triage: Triage) -> None:
    for text in ("Desa Sawo, Kecamatan Dukun", "Ds. Sawo Kec. Dukun", "DESA SAWO - KEC.DUKUN"):
        got = codes(triage, text)
        assert "35.25.01.2001" in got, text
        assert "35.25.01" in got, text


def test_place_entries_carry_name_and_level(triage: Triage) -> None:
    places = triage.suggest("Kejadian di Desa Sawo, Kecamatan Dukun").to_dict()["places"]
    assert {"code": "35.25.01.2001", "name": "Sawo", "level": "desa"} in places
    assert {"code": "35.25.01", "name": "Dukun", "level": "kecamatan"} in places


def test_ambiguous_desa_resolved_by_named_kecamatan(triage: Triage) -> None:
    # Sidomukti is a desa in Bungah (35.25.12) and in Kebomas (35.25.14)
    bungah = codes(triage, "Desa Sidomukti, Kecamatan Bungah")
    kebomas = codes(triage, "Desa Sidomukti, Kecamatan Kebomas")
    assert [c for c in bungah if c.count(".") == 3] == ["35.25.12.2001"]
    assert [c for c in kebomas if c.count(".") == 3 and c.startswith("35.25.14.")] == [
        c for c in kebomas if c.count(".") == 3
    ]
    assert len([c for c in kebomas if c.count(".") == 3]) == 1


def test_ambiguous_desa_without_kecamatan_returns_all_candidates(triage: Triage) -> None:
    s = triage.suggest("Terjadi di Desa Sidomukti.")
    desa = [p for p in s.places if p.level == "desa"]
    assert len(desa) >= 2
    assert all(p.code.startswith("35.25.") for p in desa)  # home region preferred
    assert any("ambiguous" in e.rule for e in s.explanation if e.field == "places")


def test_home_region_breaks_ties(triage: Triage, triage_no_home: Triage) -> None:
    # "Sawo" as a desa exists in Gresik and elsewhere in Jawa Timur
    with_home = codes(triage, "Desa Sawo")
    assert with_home == ["35.25.01.2001"]
    # five desa are called Sawo in Jawa Timur: too many to suggest without a home region
    s = triage_no_home.suggest("Desa Sawo")
    assert s.places == []
    assert any("too ambiguous" in e.rule for e in s.explanation)
    # ... but naming the kecamatan resolves it
    assert "35.25.01.2001" in codes(triage_no_home, "Desa Sawo, Kecamatan Dukun")


def test_unmarked_desa_needs_its_kecamatan(triage: Triage) -> None:
    assert "35.25.12.2010" not in codes(triage, "Kades Sukowati ikut kampanye")
    assert "35.25.12.2010" in codes(triage, "Kades Sukowati, Bungah, ikut kampanye")


def test_common_words_are_not_places(triage: Triage) -> None:
    # "tambak" (fishpond) and "dukun" (healer) are kecamatan names only when marked
    assert codes(triage, "Ia bekerja di tambak dan berobat ke dukun.") == []
    assert "35.25.18" in codes(triage, "Kecamatan Tambak di Pulau Bawean")


def test_regency_name(triage: Triage) -> None:
    assert "35.25" in codes(triage, "Bawaslu Kabupaten Gresik")
    assert "35.25" in codes(triage, "Bawaslu Kab. Gresik")


def test_small_custom_region_table() -> None:
    regions = [
        RegionEntry("35.25", "KAB. GRESIK", "kabupaten", "35"),
        RegionEntry("35.25.01", "Dukun", "kecamatan", "35.25"),
        RegionEntry("35.25.01.2001", "Sawo", "desa", "35.25.01"),
    ]
    t = Triage(regions)
    assert [p.code for p in t.suggest("di ds. sawo kec. dukun").places] == [
        "35.25.01.2001",
        "35.25.01",
    ]
