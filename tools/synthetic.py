"""Synthetic raw texts of the NEAR family, in every layout the parser knows.

Used by the property tests (render a known structure in a random style, parse it
back, compare) and by the benchmarks (many seed-sized texts). A text is a
``Spec`` (what it says) rendered in a ``Style`` (how it is written).
"""

from __future__ import annotations

import datetime
import random
import textwrap
from dataclasses import dataclass, field

SECTION_STYLES = ("middle dot", "square", "brackets", "numbered", "capitals", "rules", "roman", "symbol", "bare")
FIELD_LAYOUTS = ("label line", "inline", "reference mark", "angle brackets", "dot leader")
DATE_FORMATS = (
    "long tilde",
    "short month range",
    "day first",
    "dotted",
    "weekday",
    "iso",
    "cjk",
    "ordinal",
    "dotted day first",
)
VENUE_LAYOUTS = ("arrow", "trailing country", "country aside")
PARTICIPATION_LAYOUTS = (
    "country line",
    "inline groups",
    "bullets",
    "pipe table",
    "country after",
    "counted headings",
    "footnoted",
    "bilingual headings",
    "spanning table",
)
BULLETS = ("▷", "▶", "•", "○", "*", "circled", "➢", "✓", "★", "☞", "◇", "►", "‣", "◦", "o", "cjk")
# Country names as a Chinese page writes them before the English one: "中国 China (5)：A、B".
NATIVE_COUNTRY = {
    "China": "中国",
    "Japan": "日本",
    "Republic of Korea": "韩国",
    "Russian Federation": "俄罗斯",
    "Mongolia": "蒙古",
    "DPR Korea": "朝鲜",
}
NUMBERINGS = ("1.", "1)", "(1)", "①", "a)", "(a)", "Article 1")
# What transit does to a text, in the order it happens (a paste is decorated, a mail
# client wraps and quotes it, a wrong encoding garbles it); each is undone in reading.
DAMAGES = ("markup", "wrapped", "quoting", "mojibake")
WRAP_WIDTH = 72
LABELS = {
    "period": ("Periods", "Period", "Date", "Dates"),
    "venue": ("Venue", "Venue (Place", "Place", "Location"),
    "organizer": ("Organized by", "Organizer", "Host", "Hosted by"),
    "participation": ("Participation", "Participants"),
}
COUNTRY_SPELLINGS = {
    "China": ("China", "People's Republic of China"),
    "Japan": ("Japan",),
    "Republic of Korea": ("South Korea", "Republic of Korea", "Korea"),
    "Russian Federation": ("Russia", "Russian Federation"),
    "Mongolia": ("Mongolia",),
    "DPR Korea": ("DPR Korea",),
}
AUTHORITIES = {
    "China": [
        "Heilongjiang Province",
        "Jilin Province",
        "Liaoning Province",
        "Shandong Province",
        "Henan Province",
        "Hunan Province",
        "Ningxia Hui Autonomous Region",
        "Inner Mongolia Autonomous Region",
    ],
    "Japan": [
        "Aomori Prefecture",
        "Yamagata Prefecture",
        "Niigata Prefecture",
        "Toyama Prefecture",
        "Ishikawa Prefecture",
        "Fukui Prefecture",
        "Kyoto Prefecture",
        "Hyogo Prefecture",
        "Tottori Prefecture",
        "Shimane Prefecture",
        "Toyama Prefecture (富山県)",
    ],
    "Republic of Korea": [
        "Busan Metropolitan City",
        "Gangwon-do",
        "Chungcheongbuk-do",
        "Chungcheongnam-do",
        "Jeollabuk-do",
        "Jeollanam-do",
        "Gyeongsangbuk-do (경상북도)",
        "Gyeongsangnam-do",
        "Gyeonggi-do",
        "Ulsan Metropolitan City",
        "Daejeon Metropolitan City",
    ],
    "Russian Federation": [
        "Primorsky Territory",
        "Khabarovsk Territory",
        "Amur Region",
        "Sakhalin Region",
        "Irkutsk Region",
        "Sakha Republic",
        "Republic of Buryatia",
        "Zabaikalsky Territory",
        "Tomsk Region",
        "Kamchatka Region",
        "Irkutsk Region (Иркутская область)",
        "Jewish Autonomous Region",
    ],
    "Mongolia": ["Tov Province", "Dornod Province", "Dornogovi Province", "Khentii Province", "Selenge Province"],
    "DPR Korea": ["Hamgyongbuk-do", "Rason Special City"],
}
TOPICS = [
    "Report of the Chair region on the activities of NEAR and the Secretariat",
    "Partial revision of the Charter on the duties of the Working Committee & on membership fees",
    "Admission of {a} as a new member of the Association",
    "Decision to hold the next General Assembly in {a}",
    "Special lecture on the marine environment by a researcher of the United Nations Environment Programme",
    "Launch of the Subcommittee on Science and Technology to promote R&D cooperation among universities",
    "Exhibition of products and technologies of the member regions <Session 2>",
    "Election of the Governor of {a} as Chairperson for the next two years",
]
DETAILS = [
    "{a} accepted and will prepare the venue.",
    "Accounts approved without amendment.",
    "Q&A on the membership fee system and on online meetings.",
    "Pilot phase with universities in {a}.",
]
RESOLUTIONS = [
    "Member regions will share information on the prevention of infectious diseases.",
    "To carry out joint projects in the fields of the environment, culture and the economy through the subcommittees.",
    "To build an information network linking the member regional governments with the Secretariat.",
    "Member regions will support “Northeast Asia Day” events to raise public awareness of NEAR.",
    "To invite the regional governments of the region that share these purposes to join the Association.",
]
PREAMBLES = [
    "The representatives of the member regional governments met in {city} for the General Assembly, following "
    "the meetings held in {a} and in {b}, and exchanged views on the economy, culture, the environment and the "
    "exchange of people between the regions of North East Asia.",
    "The development of dialogue between the neighbouring regions became possible as a result of the relaxation "
    "of international tension, the growth of trade and investment, better transport and communication, and the "
    "growing interest of citizens in contact with their neighbours across the Sea of Japan.",
    "During the discussion the participants noted that the wide-ranging relations between the regions have made "
    "a valuable contribution to peace and stability in the Asia Pacific Region, and that interregional cooperation "
    "requires more coordination, which the Association and its Secretariat can ensure.",
    "Noting the entry of new members from {a} and the growing flow of goods across the region, the participants "
    "welcomed the work of the subcommittees and of the United Nations Environment Programme on the marine environment.",
    "The participants recalled that the Association was founded to promote exchange and cooperation among the "
    "regional governments of North East Asia on the basis of reciprocity and equality, and that its members have "
    "since carried out joint projects in culture, trade, tourism, disaster prevention, science and technology, "
    "and the protection of the environment of the Amur River basin and of the Tumen River area.",
    "Based on the past exchange of views and on the reports of the Working Committee, the participants considered "
    "that the economic crisis, the ageing of the population and climate change make cooperation between "
    "neighbouring regions more important than before, and that the experience of {a} and {b} in youth exchange, "
    "port development and green growth should be shared with all member regions.",
]
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass
class Group:
    country: str
    country_text: str
    role: str
    authorities: list[str]


@dataclass
class Spec:
    title: str
    start: datetime.date
    end: datetime.date
    venue_country: str
    venue_place: str
    organizer: str
    stated_authorities: int
    stated_countries: int
    groups: list[Group]
    contents: list[tuple[str, list[str]]]
    declaration_title: str | None
    preamble: list[str]
    resolutions: list[str]
    closing: list[str]
    extra_sections: list[tuple[str, list[str]]] = field(default_factory=list)


@dataclass
class Style:
    sections: str = "middle dot"
    fields: str = "label line"
    labels: tuple[str, str, str, str] = ("Periods", "Venue (Place", "Organized by", "Participation")
    dates: str = "long tilde"
    venue: str = "arrow"
    participation: str = "country line"
    bullet: str = "▷"
    numbering: str = "1."
    damage: tuple[str, ...] = ()


def random_spec(rng: random.Random, ordinal: int = 3) -> Spec:
    countries = rng.sample(sorted(AUTHORITIES), rng.randint(3, len(AUTHORITIES)))
    groups = [
        Group(
            country,
            rng.choice(COUNTRY_SPELLINGS[country]),
            "member",
            rng.sample(AUTHORITIES[country], rng.randint(1, min(9, len(AUTHORITIES[country])))),
        )
        for country in countries
    ]
    if rng.random() < 0.3:
        country = rng.choice(sorted(AUTHORITIES))
        groups.append(Group(country, COUNTRY_SPELLINGS[country][0], "observer", [rng.choice(AUTHORITIES[country])]))
    members = sum(len(g.authorities) for g in groups if g.role == "member")
    start = datetime.date(rng.randint(1993, 2030), rng.randint(1, 12), rng.randint(1, 25))
    end = start + datetime.timedelta(days=rng.randint(0, 3))
    host = groups[0]
    place = host.authorities[0]

    def fill(template: str) -> str:
        return template.format(a=rng.choice(rng.choice(groups).authorities))

    contents = [
        (fill(rng.choice(TOPICS)), [fill(rng.choice(DETAILS)) for _ in range(rng.choice((0, 0, 1, 2)))])
        for _ in range(rng.randint(3, 10))
    ]
    has_declaration = rng.random() < 0.85
    city = place.split()[0]
    return Spec(
        title=f"The {_ordinal(ordinal)} NEAR General Assembly",
        start=start,
        end=end,
        venue_country=host.country,
        venue_place=f"{place}, {city} International Conference Hall",
        organizer=f"{city} Provincial Government & NEAR Secretariat",
        stated_authorities=members + rng.choice((0, 0, 0, 2)),
        stated_countries=len({g.country for g in groups if g.role == "member"}),
        groups=groups,
        contents=contents,
        declaration_title=f"{city} Declaration" if has_declaration else None,
        preamble=[
            template.format(city=city, a=rng.choice(host.authorities), b=rng.choice(groups[-1].authorities))
            for template in rng.sample(PREAMBLES, rng.randint(3, len(PREAMBLES)))
        ],
        resolutions=rng.sample(RESOLUTIONS, rng.randint(1, len(RESOLUTIONS))) if has_declaration else [],
        closing=[f"Adopted at {city} on {start:%B} {start.day}, {start.year}"] if rng.random() < 0.7 else [],
        extra_sections=[("Program", [f"{start:%B} {start.day} Working Committee; welcome reception"])]
        if rng.random() < 0.3
        else [],
    )


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def random_style(rng: random.Random) -> Style:
    return Style(
        sections=rng.choice(SECTION_STYLES),
        fields=rng.choice(FIELD_LAYOUTS),
        labels=tuple(rng.choice(LABELS[kind]) for kind in ("period", "venue", "organizer", "participation")),
        dates=rng.choice(DATE_FORMATS),
        venue=rng.choice(VENUE_LAYOUTS),
        participation=rng.choice(PARTICIPATION_LAYOUTS),
        bullet=rng.choice(BULLETS),
        numbering=rng.choice(NUMBERINGS),
        damage=tuple(kind for kind in DAMAGES if rng.random() < 0.15),
    )


def render_period(start: datetime.date, end: datetime.date, style: str) -> str:
    if style == "long tilde":
        return f"{start:%B %d, %Y} ~ {end:%B %d, %Y}"
    if style == "short month range":
        return f"{start:%b} {start.day}, {start.year}-{end:%b} {end.day}, {end.year}"
    if style == "day first":
        return f"{start.day} {start:%B} {start.year} - {end.day} {end:%B} {end.year}"
    if style == "dotted":
        return f"{start:%Y.%m.%d} ~ {end:%m.%d}" if start.year == end.year else f"{start:%Y.%m.%d} ~ {end:%Y.%m.%d}"
    if style == "weekday":
        return f"{start:%B} {start.day}({start:%a}.) - {end:%B} {end.day}({end:%a}.), {end.year}"
    if style == "cjk":
        return f"{start.year}年{start.month}月{start.day}日～{end.year}年{end.month}月{end.day}日"
    if style == "ordinal":
        return f"{_ordinal(start.day)} {start:%B} {start.year} to {_ordinal(end.day)} {end:%B} {end.year}"
    if style == "dotted day first":
        return f"{start:%d.%m.%Y} - {end:%d.%m.%Y}"
    return f"{start.isoformat()} ~ {end.isoformat()}"


def _heading(text: str, number: int, style: str) -> str:
    return {
        "middle dot": f"· {text}",
        "square": f"■ {text}",
        "brackets": f"[{text}]",
        "numbered": f"{number}. {text}",
        "capitals": text.upper(),
        "rules": f"=== {text} ===",
        "roman": f"{ROMAN[number - 1]}. {text}",
        "symbol": f"◆ {text}",
        "bare": text,
    }[style]


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


def _field(label: str, values: list[str], layout: str) -> list[str]:
    if layout == "label line":
        return [f"\t{label}", *(f"\t{value}" for value in values), ""]
    if layout == "angle brackets":
        return [f"<{label}>", *values]
    if layout == "dot leader":
        return [f"{label} {'.' * max(4, 16 - len(label))} {values[0]}", *values[1:]]
    prefix = "※ " if layout == "reference mark" else ""
    return [f"{prefix}{label}: {values[0]}", *values[1:]]


def _participation(spec: Spec, layout: str) -> list[str]:
    summary = f"{spec.stated_authorities} regional authorities from {spec.stated_countries} countries"
    if layout == "inline groups":
        parts = []
        for group in spec.groups:
            part = f"{group.country_text} ({len(group.authorities)}; {', '.join(group.authorities)})"
            parts.append(part + (" (observer)" if group.role == "observer" else ""))
        return [f"{summary}, {', '.join(parts)}"]
    if layout == "pipe table":
        rows = ["| Country | Regional government | Role |", "|---|---|---|"]
        rows += [
            f"| {group.country_text} | {authority} | {'Observer' if group.role == 'observer' else 'Member'} |"
            for group in spec.groups
            for authority in group.authorities
        ]
        return [summary, *rows]
    if layout == "country after":
        return [summary] + [
            f"{number}. {authority} ({group.country_text})" + (" (observer)" if group.role == "observer" else "")
            for number, (group, authority) in enumerate(
                ((group, authority) for group in spec.groups for authority in group.authorities), 1
            )
        ]
    if layout == "footnoted":  # observers marked "*" and a legend under the list
        entries = [
            f"{number}. {authority} ({group.country_text})" + (" *" if group.role == "observer" else "")
            for number, (group, authority) in enumerate(
                ((group, authority) for group in spec.groups for authority in group.authorities), 1
            )
        ]
        return [summary, *entries, "* observer"]
    if layout == "spanning table":  # the country cell only on a group's first row, as pasted from a merged cell
        rows = ["Country | Regional government | Delegates | Remarks"]
        for group in spec.groups:
            remark = " | Observer" if group.role == "observer" else ""
            rows += [
                (f"{group.country_text} | " if index == 0 else "") + f"{authority} | {index + 2}{remark}"
                for index, authority in enumerate(group.authorities)
            ]
        return [summary, *rows]
    lines = [summary]
    for group in spec.groups:
        if layout == "bilingual headings":
            native = NATIVE_COUNTRY[group.country]
            observer = " (Observer)" if group.role == "observer" else f" ({len(group.authorities)})"
            lines.append(f"{native} {group.country_text}{observer}：{'、'.join(group.authorities)}")
            continue
        if layout == "counted headings":
            observer = " (observer)" if group.role == "observer" else ""
            lines.append(f"{group.country_text} ({len(group.authorities)}): {', '.join(group.authorities)}{observer}")
            continue
        lines.append(group.country_text)
        if layout == "bullets":
            suffix = " (observer)" if group.role == "observer" else ""
            lines += [f" - {authority}{suffix}" for authority in group.authorities]
        else:
            if group.role == "observer":
                lines[-1] = f"《※ Participated as observer》 {group.country_text}"
            lines.append(", ".join(group.authorities))
    return lines


def _venue(spec: Spec, layout: str) -> str:
    country = COUNTRY_SPELLINGS[spec.venue_country][0]
    if layout == "arrow":
        return f"{country} > {spec.venue_place}"
    if layout == "trailing country":
        return f"{spec.venue_place}, {country}"
    head, _, hall = spec.venue_place.partition(", ")
    return f"{head}, {country} ({hall})"


def _number_text(numbering: str, number: int) -> str:
    if numbering == "①":
        return CIRCLED[number - 1]
    if numbering == "Article 1":
        return f"Article {number}"
    if "a" in numbering:
        return numbering.replace("a", "abcdefghijklmnopqrstuvwxyz"[number - 1])
    return numbering.replace("1", str(number))


CJK_ORDINALS = "一二三四五六七八九十"


def _bullet(marker: str, index: int) -> str:
    if marker == "circled":
        return CIRCLED[index % len(CIRCLED)]
    if marker == "cjk":
        return f"{CJK_ORDINALS[index % len(CJK_ORDINALS)]}、"
    return marker


def _number(numbering: str, number: int) -> str:
    return _number_text(numbering, number)


def render(spec: Spec, style: Style) -> str:
    lines = [spec.title]
    number = 1
    lines.append(_heading("Overview", number, style.sections))
    period_label, venue_label, organizer_label, participation_label = style.labels
    lines += _field(period_label, [render_period(spec.start, spec.end, style.dates)], style.fields)
    lines += _field(venue_label, [_venue(spec, style.venue)], style.fields)
    lines += _field(organizer_label, [spec.organizer], style.fields)
    lines += _field(participation_label, _participation(spec, style.participation), style.fields)
    lines.append("")
    number += 1
    lines.append(_heading("Contents", number, style.sections))
    for index, (text, details) in enumerate(spec.contents):
        lines.append(f"{_bullet(style.bullet, index)} {text}")
        lines += [f"- {detail}" for detail in details]
    lines.append("")
    for heading, body in spec.extra_sections:
        number += 1
        lines += [_heading(heading, number, style.sections), *body, ""]
    if spec.declaration_title:
        number += 1
        lines.append(_heading(spec.declaration_title, number, style.sections))
        for paragraph in spec.preamble:
            lines += [paragraph, ""]
        lines += [f"{_number(style.numbering, n)} {text}" for n, text in enumerate(spec.resolutions, 1)]
        if spec.closing:
            lines += ["", *spec.closing]
    text = "\n".join(lines) + "\n"
    for kind in style.damage:
        text = DAMAGE[kind](text, style)
    return text


def _quote(text: str, style: Style) -> str:
    return "".join(f"> {line}".rstrip() + "\n" for line in text.splitlines())


def _decorate(text: str, style: Style) -> str:
    """Markdown and HTML a paste leaves: '## ' before headings, '---' rules, '&amp;' for '&'."""
    headings = {_heading(name, n, style.sections) for n in range(1, 9) for name in ("Overview", "Contents")}
    decorated = []
    for line in text.splitlines():
        if line in headings:
            decorated += ["---", f"## {line}"]
        else:
            decorated.append(line.replace(" & ", " &amp; "))
    return "\n".join(decorated) + "\n"


def _wrap(text: str, style: Style) -> str:
    """Hard-wrapped at a fixed width, as an e-mail client sends it; never inside a word."""
    wrapped = []
    for line in text.splitlines():
        if line.lstrip().startswith("|"):  # a table row is left whole: a wrapped one is a puzzle for anyone
            wrapped.append(line)
            continue
        wrapped += textwrap.wrap(
            line, WRAP_WIDTH, break_long_words=False, break_on_hyphens=False, expand_tabs=False
        ) or [""]
    return "\n".join(wrapped) + "\n"


def _mojibake(text: str, style: Style) -> str:
    """UTF-8 read as Windows-1252 (its five unused bytes as Latin-1) and saved again."""
    import ftfy.bad_codecs  # noqa: F401  (registers the sloppy code pages)

    return text.encode("utf-8").decode("sloppy-windows-1252")


DAMAGE = {"quoting": _quote, "markup": _decorate, "wrapped": _wrap, "mojibake": _mojibake}
