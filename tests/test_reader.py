from __future__ import annotations

import codecs

import pytest

from pipeline import InputError, read_bytes
from tests.conftest import SAMPLES

SEED_ASCII = SAMPLES[0].read_text(encoding="utf-8").encode("ascii", "replace").decode().replace("?", "*")

TEXT = "The 5th NEAR General Assembly\n· Overview\nVenue: Toyama (富山県) & “Harbin” – Хабаровск\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.replace("\n", "\r\n").encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.replace("\n", "\r\n").encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    ],
    ids=["utf-8", "utf-8-bom-crlf", "utf-16-le-bom", "utf-16-be-bom"],
)
def test_unicode_encodings_decode_to_the_same_lines(data, encoding):
    raw = read_bytes(data, "x.txt")
    assert raw.encoding == encoding
    assert raw.text == TEXT.rstrip("\n") + "\n"


def test_windows_1252():
    text = (
        "The 4th NEAR General Assembly\n[Overview]\n<Organizer>\n"
        "Heilongjiang Provincial People’s Government – “NEAR” • R&D\n"
    )
    raw = read_bytes(text.encode("cp1252"), "x.txt")
    assert raw.encoding == "windows-1252"
    assert raw.lines[3] == "Heilongjiang Provincial People’s Government – “NEAR” • R&D"


def test_utf16_without_bom_is_detected():
    text = "The 2nd NEAR General Assembly\n■ Overview\nPeriod: October 20(Tue.) - 22(Thu.), 1998\n" * 3
    assert read_bytes(text.encode("utf-16-le"), "x.txt").lines[0] == "The 2nd NEAR General Assembly"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("\tSep 10-12, 1996  \t", "Sep 10-12, 1996"),
        ("Shandong\u00a0Province", "Shandong Province"),
        ("Tomsk Region as a new member\u200b from", "Tomsk Region as a new member from"),
        ("a\t\tb   c", "a b c"),
        ("\t \t", ""),
        ("Cafe\u0301", "Café"),
        ("nul\x00 and escape\x1b[31m", "nul and escape[31m"),
        ("right\u202eleft", "rightleft"),
    ],
)
def test_whitespace_and_invisible_characters_are_normalised(line, expected):
    assert read_bytes(f"{line}\n".encode(), "x.txt").lines[0] == expected


def test_line_numbers_survive_crlf_and_blank_runs():
    raw = read_bytes(b"a\r\n\r\n\r\nb\r\n", "x.txt")
    assert raw.lines[3] == "b"


def test_undecodable_bytes_are_refused_with_file_and_line():
    """The line named is the first holding a byte no accepted encoding reads (byte 10 ends line 1)."""
    with pytest.raises(InputError) as caught:
        read_bytes(bytes(range(256)) * 20, "bad.txt")
    assert str(caught.value).startswith("bad.txt:2: cannot decode")


@pytest.mark.parametrize(
    ("codec", "name", "native"),
    [
        ("cp1251", "windows-1251", "Хабаровский край (Хабаровск) — администрация края"),
        # an abbreviation mixes cases, as no word of a CJK page read as Cyrillic does alone
        ("cp1251", "windows-1251", "Комсомольский-на-Амуре авиационный завод имени Гагарина (КнААЗ), Хабаровский край"),
        ("koi8_r", "koi8-r", "Хабаровский край (Хабаровск) - администрация края"),
        ("cp949", "cp949", "경상북도 (경주시) 국제회의, 강원도"),
        ("gb18030", "gb18030", "黑龙江省 (哈尔滨市) 国际会议, 吉林省"),
        ("big5", "big5", "黑龍江省 (哈爾濱市) 國際會議"),
        ("cp932", "cp932", "富山県 (富山市) 国際会議, 鳥取県"),
        # (full-width Latin letters in a word, as Japanese pages write an acronym)
        ("cp932", "cp932", "■ＮＥＡＲ防災分科委員会 雪害対策ワークショップ（津南町）を開催しました"),
        ("euc_jp", "euc-jp", "富山県 (富山市) 国際会議, 鳥取県"),
        ("cp1252", "windows-1252", "Société – “NEAR” R&D"),
    ],
)
def test_legacy_code_pages_of_the_member_countries(codec, name, native):
    """A mostly English record with native names, saved in a member country's code page."""
    text = SEED_ASCII + f"\n{native}\n"
    raw = read_bytes(text.encode(codec), "x.txt")
    assert (raw.encoding, raw.lines[-2]) == (name, native)


def test_a_reading_of_rare_characters_only_is_refused():
    """Bytes whose one plausible reading holds none of the code page's common characters are
    another code page's, which no reading accepted: refused, not read as nonsense (Shift_JIS
    with a character GB18030 reads but Shift_JIS does not, read as GB18030)."""
    japanese = "北東アジア地域自治体連合の防災分科委員会は、新潟県津南町で雪害対策ワークショップを開催しました。"
    data = (SEED_ASCII + f"\n{japanese}\n").encode("cp932") + b"\x85\x40\n"
    with pytest.raises(InputError, match="cannot decode"):
        read_bytes(data, "x.txt")


def test_cyrillic_read_as_latin_is_never_accepted():
    """Windows-1251 bytes decode as Windows-1252 without error; the guess is checked and refused."""
    raw = read_bytes((SEED_ASCII + "\nПриморский край\n").encode("cp1251"), "x.txt")
    assert raw.encoding == "windows-1251" and raw.lines[-2] == "Приморский край"


def test_mojibake_is_repaired_and_recorded():
    clean = "Khabarovsk – “Хабаровск” 경상북도 Société"
    garbled = clean.encode("utf-8").decode("cp1252", errors="ignore")  # what a wrong decoding saved
    raw = read_bytes(("Title\n" + clean.encode("utf-8").decode("latin-1")).encode("utf-8"), "x.txt")
    assert "mojibake" in raw.repairs and raw.lines[1] == clean
    assert garbled != clean


def test_sha256_is_of_the_raw_bytes():
    import hashlib

    data = codecs.BOM_UTF8 + b"x\r\n"
    assert read_bytes(data, "x.txt").sha256 == hashlib.sha256(data).hexdigest()


def test_a_tab_after_a_label_aligns_its_value_and_makes_no_table() -> None:
    raw = read_bytes(b"\tDates:\t24 September 2013\n\tVenue:\tTomsk, Russia\n", "x.txt")
    assert [line for line in raw.lines if line] == ["Dates: 24 September 2013", "Venue: Tomsk, Russia"]


def test_columns_aligned_with_spaces_are_a_table_and_prose_with_wide_gaps_is_not() -> None:
    table = (
        b"No.  Country              Member region       Delegation\n"
        b"1    Russia               Amur Oblast             3\n"
        b"2    Republic of Korea    Jeollanam-do            4\n"
    )
    prose = b"The meeting ended.  Delegates left.  All agreed.\nThe next one  is  in Toyama.\n"
    assert read_bytes(table, "x.txt").lines[:3] == (
        "No. | Country | Member region | Delegation",
        "1 | Russia | Amur Oblast | 3",
        "2 | Republic of Korea | Jeollanam-do | 4",
    )
    assert read_bytes(prose, "x.txt").lines[:2] == (
        "The meeting ended. Delegates left. All agreed.",
        "The next one is in Toyama.",
    )
    bars = (
        b"| 1 | Russia         | Amur Oblast   |\n"
        b"| 2 | Japan          | Toyama        |\n"
        b"| 3 | China          | Jilin         |\n"
    )
    assert read_bytes(bars, "x.txt").lines[0] == "| 1 | Russia | Amur Oblast |"


def test_a_table_drawn_with_box_drawing_characters_is_read_as_bars_and_rules() -> None:
    table = "┌────┬────┐\n│ Period │ 9-11 September 2008 │\n├────┼────┤\n╚════╝\n".encode()
    assert read_bytes(table, "x.txt").lines[:4] == (
        "+----+----+",
        "| Period | 9-11 September 2008 |",
        "+----+----+",
        "+----+",
    )


def test_box_drawing_of_any_weight_or_dash_is_read_as_a_bar_a_rule_or_a_crossing() -> None:
    # (a heavy crossing on a light rule, dashed lines, half lines and arcs: every character of the block)
    table = "━━━━━╂──────\n┆ Japan ┃ Hyogo ╎\n╭┄┄┄┄╮╶╴\n".encode()
    assert read_bytes(table, "x.txt").lines[:3] == ("-----+------", "| Japan | Hyogo |", "+----+--")


def test_a_programme_in_aligned_columns_keeps_its_lines() -> None:
    text = (
        "Program\n"
        "October 20 (Tue.)   Working Committee; welcome reception\n"
        "October 21 (Wed.)   Opening ceremony; plenary session\n"
        "October 22 (Thu.)   Visit to the port of Fushiki-Toyama\n"
    )
    lines = list(read_bytes(text.encode(), "program.txt").lines)
    assert lines[1] == "October 20 (Tue.) Working Committee; welcome reception"


def test_a_forwarded_page_wrapped_narrower_than_the_note_above_it_is_unwrapped() -> None:
    """The covering note runs to 90 columns, the page it quotes was wrapped at 60: the page's
    breaks are measured against its own width, and a name broken by one is read whole."""
    from pipeline import parse

    note = [
        "as agreed at the closing session, we forward the report of the forum for publication on the",
        "NEAR website. Photos will follow in a separate mail. Please tell us if the translations",
        "should be sent to you or directly to the member regions.",
    ]
    page = [
        "VISITS",
        "",
        "On 24 September the delegates flew by helicopter over the",
        "caldera to the Valley of Geysers and in the afternoon bathed",
        "in the hot springs of Paratunka, a resort village of the",
        "district. Students of Vitus Bering Kamchatka State",
        "University guided the group through the regional museum, and",
        "the delegations flew home from the airport via Incheon",
        "International Airport.",
    ]
    text = "\n".join(["NEAR FORUM ON VOLCANIC REGIONS", "", *note, "", *(f"> {line}" for line in page)]) + "\n"
    record = parse(read_bytes(text.encode(), "x.txt"))
    lines = [line for section in record.sections for line in section.lines]
    assert any("Vitus Bering Kamchatka State University" in line for line in lines)
    assert any("Incheon International Airport" in line for line in lines)


def test_the_rows_of_a_dot_leader_list_in_a_wrapped_text_keep_their_lines() -> None:
    """A fax wrapped at 72 columns ends with its distribution list, each row led by dots to the
    city; a row ending near the width is no line wrapped into the next."""
    from pipeline import parse

    prose = [
        "The delegations agreed that the record of the meeting would be printed in",
        "English, Japanese, Korean, Chinese and Russian and sent to every member",
        "region by the end of February, and that the secretariat would collect the",
        "comments of the regions on the draft programme before the next meeting.",
    ]
    rows = [
        "Kyoto Prefectural Government .................................. Kyoto",
        "Heilongjiang Provincial People's Government ................... Harbin",
        "Administration of the Primorsky Kray of Russia ................ Vladivostok",
    ]
    text = "\n".join(["The 5th NEAR Working Committee Meeting", "", *prose, "", "DISTRIBUTION", *rows]) + "\n"
    record = parse(read_bytes(text.encode(), "x.txt"))
    lines = [line for section in record.sections for line in section.lines]
    assert all(row in lines for row in rows)


def test_a_code_page_another_reads_nearly_as_well_is_noted_on_the_first_line_it_concerns():
    """Two Han names and one Russian one in GB18030: EUC-JP reads the same bytes into other
    characters nearly as well, so the record says the names in their own script need checking;
    a page with enough of its script is read without doubt."""
    from pipeline.parser.sections import parse

    doubtful = "The 4th NEAR Subcommittee on Trade\nOverview\nVenue: Puyang\n - Region (黄河)\n - Region (濮阳)\n"
    record = parse(read_bytes((doubtful + " - Oblast (Сахалинская область)\n").encode("gb18030"), "x.txt"))
    (note,) = [note for note in record.notes if note.code == "uncertain-encoding"]
    assert note.line == 4 and note.severity == "check"
    assert record.source.encoding in note.message
    # (its line is a field: the writers put "line 4:" before the message once)
    from pipeline.render.briefing import note_line

    assert note_line(note).count("line 4") == 1 and "Line" not in note_line(note)
    sure = doubtful + "".join(f" - City ({name})\n" for name in ("河南省", "黑龙江省", "吉林省", "辽宁省", "山东省"))
    assert read_bytes(sure.encode("gb18030"), "y.txt").rival_encoding is None
    assert read_bytes(sure.encode("utf-8"), "z.txt").rival_encoding is None
