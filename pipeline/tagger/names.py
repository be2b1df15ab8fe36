"""What makes a string a place or organization name: word lists and small rules.

Shared by the tagger's spaCy patterns (NAME_SHAPES) and its cleanup of spans
(``clean_span``), so both judge a name by the same head words.
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..parser.countries import country_code
from ..parser.dates import MONTHS
from ..parser.overview import field_kind
from ..parser.text import CJK_OR_HANGUL, NAME_ENDING_ABBREVIATIONS
from ..record import EntityKind

# A name's kind by its words: asked again and again of the same names, within a text and
# across texts (a tenth of the tag stage's own time, uncached)
NAMES_REMEMBERED = 1 << 16

# The chains whose names name their hotels, before or after the town ("Hilton Namhae", "Sheraton
# Incheon", "Gyeongju Hilton"): facilities of no other kind
HOTEL_CHAINS = frozenset(
    {"hilton", "hyatt", "sheraton", "marriott", "westin", "novotel", "radisson", "shilla", "kempinski"}
    | {"intercontinental", "ritz-carlton", "swissotel", "mercure", "ibis"}
)
# What the head word of a name makes it. The head is the last word, or the word
# before an "of"/"for"/"on" tail ("Academy of Social Sciences", "Government of Irkutsk Region").
HEAD_WORDS = {
    "event": {
        "lecture",  # "Lecture of Tottori University": the talk, and the university giving it
        "night",  # a festival's evening: "Changbaishan Folk Culture Night"
        "syndrome",  # an outbreak, named by its disease: "Severe Acute Respiratory Syndrome"
        "conference",
        "conferences",
        "assembly",
        "assemblies",  # "the General Assemblies held since then in Toyama"
        "forum",
        "meeting",
        "meetings",
        "session",
        "declaration",
        "charter",
        "license",  # a work's terms: "Creative Commons Attribution-ShareAlike License"
        "licence",
        "day",
        "fair",
        "summit",
        "festival",
        "exhibition",
        "ceremony",
        "war",
        "incident",  # a battle or an accident by its place: "the Nomonhan Incident"
        "time",  # a time zone, named by its country: "14:00 (Korea Standard Time)"
        "games",
        "cup",  # "the 2002 FIFA World Cup"
        "expo",
        "symposium",
        "workshop",
        "visit",  # "NEAR Working Committee Field Visit": no oil field of the committee's
        "appeal",  # a document adopted: "the Yunotsu Appeal"
        "visits",
        "agreement",
        "deal",  # a policy: "European Green Deal"
        "round",  # trade negotiations: "the Uruguay Round", "the Doha Round"
        "treaty",
        "protocol",
        "convention",
        "memorandum",
        "accord",
        "earthquake",
        "earthquakes",
        "eruption",  # a volcano's: "the Millennium Eruption"
        "eruptions",
        "framework",
        "spill",
        "olympics",
        "tsunami",
        "campaign",
        "seminar",
        "seminars",
        "webinar",
        "camp",
        "list",  # a register, no body: "World Heritage List", "Red List"
        "goals",  # a programme's aims, no body: "Sustainable Development Goals"
        "statement",  # a document, as a declaration: "Joint Statement on Clean Seas"
        "agenda",  # a programme adopted, no body: "New Urban Agenda", "2030 Agenda"
        "proposal",  # a document: "the Shizuishan Proposal"
        "proposals",
        "recommendations",  # a document: "Cheongsong Recommendations"
        "conclusions",  # a document: "the Agreed Conclusions"
        "communique",
        "summary",  # a document: "Chair's Summary"
        "naadam",  # Mongolia's festival of the three games: "Tariat Naadam"
        "marathon",  # a race: "Toyama Marathon"
        "rally",  # "Mongol Rally"
        "cleanup",  # a campaign: "the International Coastal Cleanup of Ocean Conservancy"
        "crisis",  # "the Global Financial Crisis"
    },
    "administrative": {
        "city",
        "prefecture",
        "province",
        "territory",
        "region",
        "krai",
        "oblast",
        "county",
        "district",
        "ward",  # a Japanese city's: "Higashinada Ward", "Nada Ward"
        "metropolis",
        "republic",
        "onsen",  # a spa town: "Zao Onsen"
        "oncheon",  # ... as Korean names it: "Onyang Oncheon"
        "aimag",
        "okrug",
        "banner",  # Inner Mongolia's county: "Bairin Left Banner", "Hexigten Banner"
        "town",  # a Japanese town (machi), as its cities are "City": "Mikuni Town", "Izushi Town"
        "soum",  # a Mongolian aimag's district: "Batsumber Soum"
        "township",  # "Xinglong Township"
        "ulus",  # a district of the Sakha Republic: "Olekminsky Ulus"
        "kozhuun",  # a district of the Republic of Tyva: "Erzinsky Kozhuun"
        # a state of the steppe's past: "Uyghur Khaganate", "Kazan Khanate"
        "khaganate",
        "khanate",
    },
    "natural": {
        # "Gochang Tidal Flat", "Suncheon Bay Tidal Flats"
        "flat",
        "flats",
        "terraces",  # fields cut into a slope: "Ziquejie Terraces", "Hani Rice Terraces"
        # the sea floor's features: "Kuril-Kamchatka Trench", "Nankai Trough"
        "trench",
        "trough",
        # "Kubiki Oil Field", "Sinduri Coastal Sand Dune", "Tulukuevsky Open Pit"
        "field",
        "fields",
        "dune",
        "pit",
        "lake",
        "river",
        "beach",
        "beaches",
        "mountains",
        "mountain",
        "sea",
        "bay",
        "island",
        "islands",
        "peninsula",
        "pillars",
        "falls",
        "valley",
        "stream",  # "Namdaecheon Stream"
        "current",  # a sea's: "Tsushima Warm Current", "Kuroshio Current"
        "plateau",
        "kogen",  # Japanese for a plateau: "Myoko Kogen"
        "desert",
        "strait",
        "gulf",
        "basin",
        "spring",
        "springs",
        "ocean",
        "dunes",
        "sands",  # a field of dunes: "Chara Sands"
        "alatau",  # a range, in the Turkic languages of Siberia and Central Asia: "Kuznetsk Alatau"
        "mine",
        "mines",
        "deposit",
        "coalfield",
        "gasfield",
        "oilfield",
        "reserve",
        "lakes",
        "rivers",
        "coast",
        "kaigan",  # Japanese for a coast: "Hisui Kaigan"
        "rim",
        "channel",  # "Hii River Diversion Channel", "Tatar Channel"
        "rock",  # "Shaman Rock"
        "rocks",
        "delta",
        "aquifer",
        "upland",
        "uplands",
        "highlands",
        "ridge",
        "steppe",
        "lagoon",
        "wetland",
        "wetlands",
        "marsh",  # "Upo Marsh"
        "marshes",
        "swamp",
        "swamps",
        "mire",  # "Great Vasyugan Mire"
        "mires",
        "bog",
        "bogs",
        "peatland",
        "peatlands",
        "misaki",  # Japanese for a cape, written apart: "Ako Misaki"
        "gorge",
        "canyon",
        "glacier",
        "peak",  # "Khuiten Peak"
        "peaks",
        "nuur",  # Mongolian for lake: "Khövsgöl Nuur"
        "nur",  # the same, as Chinese maps write it: "Dalai Nur", "Dali Nur"
        "gol",  # Mongolian for river: "Egiin Gol"
        "uul",  # Mongolian for mountain: "Shiliin Bogd Uul"
        "els",  # Mongolian for sand dunes: "Moltsog Els", "Khongoryn Els"
        "tolgoi",  # Mongolian for hill, and a deposit under one: "Ovoot Tolgoi", "Oyu Tolgoi"
        "agui",  # Mongolian for cave: "Taliin Agui"
        "chuluu",  # Mongolian for rocks: "Ikh Gazryn Chuluu", "Baga Gazryn Chuluu"
        "cave",
        "caves",
        "range",  # "Tateyama Mountain Range"
        "plain",
        "plains",
        "hollow",  # "Ubsunur Hollow"
        "depression",  # a basin below its surroundings: "Great Lakes Depression", "Turpan Depression"
        "estuary",
        "liman",  # Russian for a river's estuary: "Amur Liman"
        "grassland",
        "grasslands",
        "waterfall",
        "waterfalls",
        "shan",  # Chinese for mountain(s), written apart: "Helan Shan", "Tian Shan"
        "ling",  # Chinese for a range, written apart: "Da Hinggan Ling", "Xiao Hinggan Ling"
        "zapovednik",  # Russian for a strict nature reserve: "Altaisky Zapovednik"
        "sanctuary",  # "Yonago Waterbird Sanctuary"
        "ecoregion",
        "geopark",
        "volcano",
        "fault",
        "pond",
        "ponds",
        "volcanoes",
        "sopka",  # Russian for a hill or volcano: "Klyuchevskaya Sopka"
        "reservoir",  # a dam's lake: "Bratsk Reservoir"
        "reservoirs",
        "hill",
        "hills",
        "cliffs",  # "Flaming Cliffs"
        "sanchi",  # Japanese for a mountain area: "Shirakami-Sanchi", "Chugoku Sanchi"
        "sanmyaku",  # ... and for a range: "Ou Sanmyaku"
        "cliff",
    },
    "facility": {
        # "Nanao Castle Ruins", "Kasugayama Castle Site", "Tianmen Mountain Cableway", "Cheollipo Arboretum"
        "ruins",
        "site",
        "cableway",
        "driveway",  # "Chirihama Nagisa Driveway"
        # a railway line, its head capitalised (TITLED_HEADS): "Hokuhoku Line", "JR Oga Line" (a shipping
        # company's "Lines" is a body's: "Mitsui O.S.K. Lines"; the gazetteer knows "NYK Line")
        "line",
        "transit",  # a city's railway, its head capitalised: "Busan–Gimhae Light Rail Transit"
        "arboretum",
        "trakt",  # Russian for a highway: "Chuysky Trakt"
        "kaido",  # Japanese for a highway: "Noto Satoyama Kaido", "Nakasendo Kaido"
        "hall",
        "hotel",
        # a hotel by its chain after its town ("Gyeongju Hilton", "Novosibirsk Marriott", "Grand Hyatt")
        *HOTEL_CHAINS,
        "ryokan",  # a Japanese inn: "Hoshi Ryokan"
        "steelworks",  # "Pohang Steelworks"
        "plaza",  # "Homigot Sunrise Plaza"
        "sowon",  # a Confucian academy (seowon) as McCune-Reischauer writes it: "Tosan Sowon"
        "center",
        "centre",
        "plant",
        "port",
        "shipyard",  # "Zvezda Shipyard"
        "shipyards",
        "airport",
        "station",
        "resort",
        "building",
        "stadium",
        "park",
        "planetarium",  # "Akashi Municipal Planetarium"
        "museum",
        "bridge",
        "daegyo",  # Korean for a great bridge: "Yeongdo Daegyo", "Yŏngdo Taegyo"
        "taegyo",
        "palace",
        "tower",
        "complex",
        "harbour",
        "harbor",
        "campus",
        "temple",
        "tomb",
        "birthplace",  # a house kept as a memorial: "Yun Dong-ju Birthplace"
        "cemetery",  # "Cemetery of Confucius"
        "mansion",  # "Kong Family Mansion"
        "manor",  # "Kang Baiwan Manor"
        "tombs",
        "tumuli",  # a field of burial mounds: "Malisan Tumuli"
        "tumulus",
        "petroglyphs",  # rock art, a heritage site: "Bangudae Petroglyphs"
        "monastery",
        "abbey",  # "Waegwan Abbey"
        "хийд",  # Mongolian for a monastery: "Амарбаясгалант хийд"
        "lamasery",  # a Tibetan Buddhist monastery: "Wudang Lamasery"
        "cathedral",
        "shrine",
        "castle",
        "gate",
        "wall",  # "Xi'an City Wall"
        "square",
        "zone",
        "innopolis",
        "technopolis",
        "technopark",
        "mainline",
        "railway",
        "terminal",
        "statue",
        "buddha",  # a great statue: "Nanshan Grand Buddha", "Takaoka Great Buddha"
        "gres",  # a state district power plant: "Primorskaya GRES", "Gusinoozersk GRES"
        "hub",  # "Qingtongxia Water Conservancy Hub"
        "mill",
        "fortress",
        "eupseong",  # a Korean walled town: "Haemi Eupseong", "Nagan Eupseong"
        "monument",
        "monuments",  # "the Khoshoo Tsaidam monuments"
        "datsan",
        "theatre",
        "theater",
        "pavilion",
        "pipeline",
        "dam",
        "barrage",  # a dam across an estuary: "Geum River Estuary Barrage", "Nakdong River Estuary Barrage"
        "weir",
        "seawall",
        "embankment",
        "breakwater",
        "causeway",
        "hippodrome",
        "cosmodrome",
        "spaceport",
        "route",
        "factory",
        "village",  # a village kept as a site: "Jeonju Hanok Village", "Naganeupseong Folk Village"
        "market",  # a market place: "Wajima Morning Market" (not "the Japanese market": TITLED_HEADS)
        "works",
        "memorial",
        "arena",
        "grottoes",
        "grotto",
        "caves",
        "seowon",
        "hyanggyo",  # a Confucian school of a county: "Naju Hyanggyo"
        "messe",  # a trade-fair hall: "Toki Messe"
        "marina",
        "street",  # "Wuzhong Morning Tea Street"
        # a city's wide streets: "Mira Avenue", "Nevsky Prospekt"
        "avenue",
        "prospekt",
        "boulevard",
        "road",  # a named road or route: "Mizuki Shigeru Road", "Great Tea Road" (a bare "road" is ROUTE_NOUNS')
        # a theme park: "Baekje Cultural Land", "Kinosaki Marine World"
        "land",
        "world",
        "lodge",
        "villa",
        "farm",
        "taisha",
        "jinja",
        "jingu",
        "shinkansen",
        "expressway",
        "highway",
        "tunnel",
        "canal",
        "chinatown",  # a town's quarter: "Incheon Chinatown"
        "waterway",  # a canal: "Gyeongin Ara Waterway"
        "pier",
        "wharf",
        "lighthouse",
        "aquarium",
        "oceanarium",  # "Primorsky Oceanarium"
        "zoo",
        "garden",
        "gardens",
        "pagoda",
        "terrace",  # a historic site: "Langya Terrace"
        "smelter",
        "refinery",
        "base",
        "observatory",
        "warehouse",
        "warehouses",
        "mausoleum",
        "church",  # "Tsuwano Catholic Church"
        "stele",  # "Gwanggaeto Stele"
        "stela",
        "trail",  # a walking route: "DMZ Peace Trail"
        "cluster",  # an industrial estate: "Iksan National Food Cluster"
        "landscape",  # a heritage site: "Orkhon Valley Cultural Landscape"
        "hpp",  # a hydroelectric power plant: "Bratsk HPP"
    },
    "organization": {
        # performers: "Pyongyang Circus", "Anseong Namsadang Baudeogi Troupe"
        "circus",
        "troupe",
        "ensemble",
        "orchestra",
        "philharmonic",  # "Vladivostok Philharmonic", "Seoul Philharmonic Orchestra"
        "forces",  # "Japan Self-Defense Forces", "Armed Forces"
        "army",  # "the Kwantung Army", whose garrison towns a county's history names
        "navy",
        "fleet",  # "the Pacific Fleet"
        "division",  # a company's unit: "Udachny Mining and Processing Division"
        # a research body: "Qingdao National Laboratory for Marine Science and Technology"
        "laboratory",
        "faculty",  # a university's unit: "Faculty of Life and Environmental Science"
        "petrochemical",  # a company: "Lotte Daesan Petrochemical", "Samsung Total Petrochemicals"
        "petrochemicals",
        "lines",  # a shipping company: "COSCO Shipping Lines", "Heung-A Lines"
        "brewery",  # a company: "Tsingtao Brewery"
        "breweries",
        "dairy",  # a company: "Heilongjiang Feihe Dairy", "Maeil Dairy"
        "dairies",
        "funds",  # "International Oil Pollution Compensation Funds"
        "centers",  # a body of many sites: "Korea Centers for Disease Control and Prevention"
        "centres",
        # legislatures of Russia's and Mongolia's regions: "Legislative Duma", "People's Khural"
        "duma",
        "khural",
        "hural",
        "government",
        "institute",
        "committee",
        "subcommittee",
        "secretariat",
        "network",
        "programme",
        "program",
        "organization",
        "organisation",
        "agency",
        "embassy",  # "Embassy of Mongolia in Tokyo"
        "consulate",
        "ferry",  # a ferry company, capitalised ("DBS Cruise Ferry"); the route is lower case
        "ferries",
        "express",  # a carrier: "Nippon Express", "Korea Express"
        "studio",  # a film company: "Changchun Film Studio"
        "studios",
        "office",
        "bank",
        "university",
        "college",  # "Heihe Teachers College", "Arita College of Ceramics"
        "company",
        "corporation",
        "association",
        "council",
        "administration",
        "ministry",
        "department",
        "foundation",
        "commission",
        "authority",
        "group",
        "academy",
        "federation",
        "union",
        "chamber",
        "initiative",
        "fund",
        "institution",
        "unit",
        "society",
        "societies",
        "corps",  # "Mercy Corps", "Peace Corps"
        "shimbun",  # a newspaper: "Nihonkai Shimbun"
        "ilbo",  # a Korean daily: "Kangwon Ilbo"
        # newspapers and broadcasters by the words they are named with: "Liaoning Daily", "Korea
        # Herald", "Gyeongnam Shinmun", "Niigata Nippo", "Vostochno-Sibirskaya Pravda", "Gubernskie
        # Vedomosti", "Rossiyskaya Gazeta", "Rodong Sinmun", "Yanbian Television", "Jilin TV"
        "daily",
        "herald",
        "times",
        "shinmun",
        "sinmun",
        "nippo",
        "shimpo",
        "pravda",
        "vedomosti",
        "gazeta",
        "television",
        "tv",
        "news",  # "Kyodo News"
        "maeil",  # a Korean daily: "Jungbu Maeil"
        "medee",  # Mongolian "news": "Dornogovi Medee"
        "unen",  # Mongolian "truth": "Buryaad Unen"
        "vremya",  # Russian "time": "Kamchatskoye Vremya"
        "rabochy",  # Russian "worker": "Zabaikalsky Rabochy"
        "broadcasting",  # "Cheongju Broadcasting", "Kitanihon Broadcasting"
        "avia",  # an airline: "Vladivostok Avia"
        "service",
        "headquarters",
        "guard",
        "bureau",
        "customs",  # a city's customs house, a body: "Harbin Customs"
        "branch",
        "services",
        "airlines",
        "airline",
        "air",  # an airline named after its home: "Jeju Air", "Aurora Air" (lower case, the word: "by air")
        "airways",
        "accelerator",
        "coalition",  # "Under2 Coalition"
        "alliance",
        "consortium",
        "club",
        "committees",
        "partnership",
        "cooperative",
        "trust",
        "press",
        "observatory",
        "llc",
        "jsc",
        "pjsc",
        "ojsc",
        "ltd",
        "inc",
        "corp",
        "kaisha",
        "shipping",  # a shipping company: "Hanjin Shipping", "COSCO Shipping"
        "kisen",  # a Japanese shipping company: "Sado Kisen", "Tokai Kisen"
        "kaiun",  # ... and a marine transport one: "Iino Kaiun"
        "industries",
        "steel",
        "pharmaceutical",  # a company by its trade: "Tonghua Dongbao Pharmaceutical", "Shaanxi Yanchang Petroleum"
        "pharmaceuticals",
        "petroleum",
        # ... or by what it makes: "CRRC Changchun Railway Vehicles", "Hyundai Motors" (not
        # "electronics": a field's word, "Electronics and Telecommunications Research Institute")
        "vehicles",
        "motors",
        "machinery",
    },
}
# (and Russian's, before a Cyrillic name: "река Партизанская", "сопка Сестра")
LEADING_NATURAL = {
    *("mount", "mt", "mt.", "peak", "lake", "cape"),
    *("река", "озеро", "гора", "пик", "сопка", "залив", "бухта", "остров"),
}
# Abbreviations whose dot is part of the name: "Mt. Zao"
ABBREVIATIONS = {
    *("mt.", "st.", "jsc.", "s.a.", "n.v.", "b.v.", "a.g."),
    *(f"{abbreviation.lower()}." for abbreviation in NAME_ENDING_ABBREVIATIONS),
}
# "Hotel Metropolitan Yamagata", "Hilton Namhae", "Ryokan Wakabaya"
LEADING_FACILITY = {"hotel", "ryokan", *HOTEL_CHAINS}
# Titles before a person's name: "Ms. Olga Ivanova" and "Mr. Nakamura Hiroshi" name people,
# not the towns Ivanova and Nakamura.
HONORIFICS = {"mr", "mrs", "ms", "miss", "mme", "dr", "prof", "professor", "sir", "madam"}
LEADING_EVENT = {"typhoon", "hurricane", "cyclone"}  # "Typhoon Lionrock"
LEADING_EVENTS = {"typhoons", "hurricanes", "cyclones"}  # ... and its plural before two: "typhoons Maysak and Haishen"
# ... and before its year: "Expo 2012 Yeosu Korea" (not "Expo Science Park", a place)
LEADING_EVENT_BEFORE_YEAR = {"expo"}
# A name followed by one of these lower-case nouns names a natural feature, whatever the
# model thought it was: "the Lunskoye gas field", "the Natalka gold deposit", "Three
# Brothers rocks", "the Selenga delta". Resource words may stand between.
# ... and these name a facility: "the Power of Siberia gas pipeline", "the Amur rail bridge"
FACILITY_FEATURE_NOUNS = {
    "pipeline",
    "pipelines",
    "railway",
    "railroad",
    "bridge",
    "tunnel",
    "highway",
    "canal",
    "dam",
    "dams",
}
# ... and in the plural after a list of names, each one's: "the Iya and Uda rivers" (not after one
# name: "Water and lakes of the Great Lakes Depression")
LISTED_FEATURE_NOUNS = frozenset({"rivers", "lakes", "islands", "mountains"})
NATURAL_FEATURE_NOUNS = {
    "pass",  # a mountain pass: "over the Laoling pass" (a capitalised "Pass" may be a ticket's: "NEAR Tour Pass")
    "pipe",  # a kimberlite pipe: "the Zarnitsa pipe", "the Udachnaya and Aikhal pipes"
    "pipes",
    "field",
    "fields",
    "deposit",
    "deposits",
    "mine",
    "mines",
    "rocks",
    "delta",
    "basin",
    "watershed",
    "aquifer",
    "coalfield",
    "oilfield",
    "gasfield",
    "shore",
    "coast",
    "valley",
    "forest",  # "the Maolangou forest valley", "the Ussuri forests"
    "forests",
    "sandbar",
    "spit",
    "beach",
    "lagoon",
    "wetland",
    "wetlands",
    "grassland",
    "grasslands",
    "lowland",  # "the Khanka lowland", "the Sanjiang plain"
    "lowlands",
    "plain",
    "plains",
}
# Legal forms written before a company's name, as Russian and Mongolian companies are:
# "OJSC Urgalugol", "JSC Russian Railways"; a state's or a town's unitary enterprise, "FSUE Atomflot"
LEADING_COMPANY_FORMS = frozenset(
    {"ojsc", "jsc", "pjsc", "cjsc", "oao", "zao", "pao", "ooo", "llc", "fsue", "fgup", "gup", "mup"}
)
# A name followed by one of these lower-case nouns names a town or district, whatever the
# model thought it was: "herders of Tsenkhermandal soum", "Hongsibu district". (Not "village"
# nor "town": "a Neolithic village", "a Nanai village".)
UNIT_NOUNS = {"soum", "sum", "county", "township", "district", "districts", "counties", "soums"}
RESOURCE_SITES = {"field", "fields", "deposit", "deposits", "mine", "mines"}
# A chain of places joined by hyphens before one of these lower-case nouns is a route between
# them, each a place of its own: "the Sokcho-Zarubino-Hunchun ferry", "the Suifenhe-Grodekovo
# rail crossing" (a name the hyphen makes stays whole: "Kyzyl-Tashtyg mine", "Fushiki-Toyama Port").
ROUTE_NOUNS = frozenset(
    {
        "route",
        "routes",
        "ferry",
        "ferries",
        "rail",
        "railway",
        "railroad",
        "road",
        "bridge",  # a bridge between two towns: "the Quanhe-Wonjong bridge"
        "bridges",
        "highway",
        "motorway",
        "corridor",
        "link",
        "links",
        "line",
        "lines",
        "flight",
        "flights",
        "crossing",
        "checkpoint",  # a border's: "the Kraskino-Hunchun checkpoint"
        "checkpoints",
        "border",  # "the Bulgan-Takashiken border crossing"
        "pipeline",
        "sea",
        "shipping",
        "container",
        "cargo",
        "air",
        "bus",
        "train",
        "trains",
        "service",
        "connection",
    }
)
# The adjectives of the member countries ("the Mongolian Ministry of ...")...
COUNTRY_ADJECTIVES = frozenset({"korean", "japanese", "chinese", "russian", "mongolian"})
# ... and of the region's peoples, and words of size and place: "Korean coal mines" names no mine
FAITH_ADJECTIVES = frozenset(
    {"buddhist", "confucian", "taoist", "daoist", "christian", "orthodox", "shamanist", "lamaist"}
    | {"catholic", "protestant", "benedictine", "franciscan", "jesuit"}
)
PEOPLES_ADJECTIVES = COUNTRY_ADJECTIVES | frozenset(
    {
        "soviet",
        "siberian",
        "asian",
        "european",
        "american",
        "buryat",
        "yakut",
        "khakass",
        "khakassian",  # "the Khakassian lakes"
        "altaian",
        "tuvinian",
        "yakutian",
        "kalmyk",
        "tuvan",
        "manchurian",
        "daurian",
    }
    # the region's peoples: "its Kazakh community"
    | {"kazakh", "kyrgyz", "uyghur", "uighur", "tatar", "evenk", "evenki", "nanai", "ainu", "chukchi", "koryak"}
    # ... and the Far East's small peoples: "the Koryak, Itelmen and Even communities"
    | {"itelmen", "even", "evens", "nivkh", "udege", "ulchi", "orochi"}
    # ... China's nationalities and Mongolia's reindeer herders: "the Miao and Tujia villages", "the Tsaatan"
    # (not the ones whose names are also syllables of places: Hui, Yi, Dong, Bai, Dai)
    | {"miao", "tujia", "zhuang", "naxi", "oroqen", "hezhe", "daur"}
    # ... and the steppe's peoples of old: "the Khoshoo Tsaidam monuments of the Turkic khaganate"
    | {"turkic", "khitan", "jurchen", "xiongnu", "xianbei", "uyghurs"}
    | {"tsaatan", "dukha", "udege", "udegei", "ulch", "ulchi", "nivkh", "shor", "altai-kizhi", "orochi", "negidal"}
    | {"itelmen", "dolgan", "nganasan", "tofalar", "soyot", "yukaghir", "kamchadal"}
    # the association's observers' ("Ukrainian delegates"), and other countries' ("the small British cemetery")
    | {"ukrainian", "vietnamese", "uzbek", "british", "english", "french", "german", "dutch", "italian", "spanish"}
    | {"portuguese", "indian", "australian", "canadian", "swiss", "swedish", "norwegian", "finnish", "danish"}
    | {"polish", "turkish", "thai", "indonesian", "malaysian", "filipino", "belarusian", "austrian", "belgian"}
    | {"inner", "outer", "northern", "southern", "eastern", "western", "new", "old", "state", "national", "local"}
    | {"regional", "major", "large", "small"}
    # and faiths: "Buddhist temples", "the Confucian academy"
    | FAITH_ADJECTIVES
    | {"cossack"}  # "a Cossack fort"
)
RESOURCE_WORDS = {
    "oil",
    "gas",
    "coal",
    "gold",
    "copper",
    "iron",
    "silver",
    "uranium",
    "tin",
    "zinc",
    "lead",
    "nickel",
    "diamond",
    "fluorspar",
    "mining",  # "the Bor-Undur mining field"
    "rare-earth",
    "rare",
    "earth",
    "open-pit",
    "and",
    "condensate",
    "polymetallic",
    "phosphorite",
    "lithium",
    "cobalt",
    "molybdenum",
    "tungsten",
    "manganese",
    "platinum",
    "potash",
}
HEAD_LABELS: dict[str, tuple[EntityKind, str]] = {
    "administrative": ("place", "GPE"),
    "natural": ("place", "LOC"),
    "facility": ("place", "FAC"),
    "organization": ("organization", "ORG"),
}
CONNECTORS = {"of", "for", "on"}
# Heads an "on" tail belongs to: "Subcommittee on Energy", but "Kyoto University" ends before
# "on the Kyoto Protocol".
# What a hotel's name joins to "Hotel" with "and": "Blue Sky Hotel and Tower", "Kensington Hotel & Resort"
HOTEL_PARTS = {"tower", "towers", "resort", "resorts", "spa", "suites", "residence", "residences", "casino"}
ON_TAIL_HEADS = {"subcommittee", "committee", "committees", "commission", "council", "group", "network"}
# Heads a body names its purpose after, with "for": "Foundation for the Preservation and
# Protection of the Przewalski Horse", "Centre for Research and Development of Arid Lands"
FOR_TAIL_HEADS = {
    "department",  # "Regional Department for Asia and the Pacific"
    "academy",
    "agency",
    "alliance",
    "association",
    "bank",  # "Japan Bank for International Cooperation"
    "centre",
    "center",
    "commission",
    "committee",
    "corporation",  # "Japan Finance Corporation for Small and Medium Enterprise"
    "council",
    "federation",
    "foundation",
    "fund",
    "institute",
    "laboratory",
    "office",
    "organization",
    "organisation",
    "partnership",
    "society",
    "station",  # "Dongting Lake Station for Wetland Ecosystem Research": a research station, a body
}

# The abbreviated kinds of Russian settlements and rivers before their names: "с. Амурзет" is
# the village Amurzet, "р. Амур" the river Amur
RUSSIAN_KIND_ABBREVIATIONS = frozenset({"с.", "р.", "г.", "пос.", "п.", "д.", "пгт", "ст."})
# (and a letter's salutation: "Dear Working Committee", and its label of those sent a copy: "Copy:
# Ministry of Food and Agriculture of Mongolia", "Cc: ...")
LEADING_WORDS = {
    *("the", "a", "an", "this", "these", "our", "its", "their", "of", "in", "at", "dear", "copy", "cc"),
    *RUSSIAN_KIND_ABBREVIATIONS,
}
TRAILING_WORDS = {"of", "in", "at", "and", "or", "for", "to", "on", "from", "with", "by", "the", "'s", "’s"}
# The verbs that open a resolution's operative paragraphs, capitalised before the body they
# name: "Asks Hunan University to host ...", "Merges the Subcommittee on Mining into ..."
OPERATIVE_VERBS = frozenset(
    {
        *("asks", "merges", "requests", "welcomes", "decides", "urges", "invites", "encourages", "approves"),
        *("adopts", "endorses", "recognizes", "recognises", "recommends", "supports", "reaffirms", "affirms"),
        *("confirms", "elects", "appoints", "establishes", "entrusts", "commends", "instructs", "authorizes"),
        *("authorises", "accepts", "designates", "resolves", "renames", "admits", "congratulates", "thanks"),
    }
)
# Plural or adjectival heads after a place: "the North East Asia Territories" names North East Asia.
TRAILING_COMMON_NOUNS = {
    "territories",
    "states",
    "governments",
    "government",
    "countries",
    "authorities",
    "regional",
    "peoples",
    "people",
    "nations",
    "representatives",
}
# Lower-case words that still belong to a name ("Tuv aimag", "Gyeongsangbuk-do").
# (and a Mongolian feature's head in Cyrillic: "Булган уул", "Хөх нуур", "Хэрлэн гол")
MONGOLIAN_FEATURE_HEADS = {"уул": "mountain", "нуур": "lake", "гол": "river", "хийд": "monastery"}
# The head words of a body's name in Mongolian, in the cases a sentence writes them: a ministry
# ("Байгаль орчны яам"), an office ("Засаг даргын Тамгын газар", after a genitive: "газар" alone is
# land or an area), a committee ("дэд хорооны"), a university or school, an institute, a service, a
# council, an association
MONGOLIAN_BODY_HEADS = frozenset(
    {
        *("яам", "яамны", "яаманд", "яамнаас"),
        *("газар", "газрын", "газарт", "газраас"),
        *("хороо", "хорооны", "хороонд", "хорооноос"),
        *("сургууль", "сургуулийн", "сургуульд", "сургуулиас"),
        *("хүрээлэн", "хүрээлэнгийн", "хүрээлэнд"),
        *("алба", "албаны", "албанд", "албанаас"),
        *("зөвлөл", "зөвлөлийн", "зөвлөлд"),
        *("холбоо", "холбооны", "холбоонд"),
    }
)
# ... of them, those that name a body only after a genitive ("Тамгын газар", "шинжилгээний газар")
MONGOLIAN_HEADS_AFTER_GENITIVE = frozenset({"газар", "газрын", "газарт", "газраас"})
MONGOLIAN_GENITIVE = re.compile(r"(?:ын|ийн|ны|ний|гийн)$")
# The endings of a street's name in romanised Korean and Japanese, after a hyphen
STREET_ENDINGS = frozenset({"daero", "ro", "gil", "dori", "dōri"})
# ... and a sum's or a city's, in their cases
# Mongolian's words of direction that open a region's name: "Өвөр" (inner, beyond), "Өмнөд", "Хойд"
MONGOLIAN_DIRECTION_WORDS = frozenset({"өвөр", "ар", "өмнөд", "хойд", "зүүн", "баруун"})
# (and a foreign region's, as Mongolian names a province or an oblast, "Амар муж", and a krai,
# "Өвөр Байгалийн хязгаар")
MONGOLIAN_UNIT_WORDS = frozenset(
    {
        *("сум", "сумын", "суманд", "сумд", "сумаас", "хот", "хотын", "хотод", "хотоос"),
        *("муж", "мужийн", "мужид", "мужаас", "хязгаар", "хязгаарын", "хязгаарт", "хязгаараас"),
        *("дүүрэг", "дүүргийн", "дүүрэгт", "дүүргээс"),  # a district: "Чилгок дүүрэгт"
    }
)
LOWERCASE_NAME_WORDS = {
    "aimag",
    "do",
    "oblast",
    "krai",
    "okrug",
    "de",
    "la",
    *MONGOLIAN_FEATURE_HEADS,
    *MONGOLIAN_UNIT_WORDS,
}
# The fields of the association's committees: "Economy and Trade Subcommittee" is one name.
FIELD_WORDS = {
    "investment",  # "study teams on Trade & Investment"
    "culture",
    "cultural",
    "tourism",
    "planning",  # "Planning and Development Department"
    "trade",
    "economy",
    "economic",
    "environment",
    "environmental",
    "energy",
    "science",
    "technology",
    "education",
    "research",
    "exchange",
    "cooperation",
    "development",
    # the association's other subcommittees: Disaster Prevention and Safety, Maritime and
    # Fishery, Mineral Resources and Energy, Women and Children, Life and Health, Sports
    "safety",
    "security",
    "prevention",
    "disaster",
    "maritime",
    "ocean",  # "Ocean and Fisheries Department"
    "oceans",
    "marine",
    "fishery",
    "fisheries",
    "mineral",
    "resources",
    "agriculture",
    "health",
    "life",
    "women",
    "children",
    "youth",
    "sports",
    "logistics",
    "border",  # "Subcommittee on Border Area Cooperation"
    "transport",
    "forestry",
    "industry",
    "industries",
    "green",
    "business",  # "Gyeonggi Business & Science Accelerator"
}
# ... and a company's business has these too: "Development and Investment Co., Ltd.", "Import
# and Export Corporation", "Development and Construction Co., Ltd."
COMPANY_FIELD_WORDS = FIELD_WORDS | {
    *("construction", "import", "export", "trading", "engineering", "manufacturing", "services"),
    *("shipping", "operation", "operations", "management", "finance", "financial", "aviation", "mining"),
}
# ... and a committee's topic has these words too, after its fields: "Subcommittee on Agriculture
# and Food Security", "on Energy and Climate Change" (not generic: "National Agriculture and Food
# Research Organization" is a name)
TOPIC_WORDS = FIELD_WORDS | {"food", "climate", "change"}
# What a meeting did, capitalised at the start of its contents' items ("Admission of Gansu
# Province as a new member"): alone no name, and before "of" no word of the name after it
MEETING_ACTS = frozenset({"admission", "election", "adoption", "approval", "appointment", "accession"})
# A web page's furniture around the record: "Posted: 2026-03-05 Views: 1,204", "Clicks: 1287", a
# document's running head ("NEAR Subcommittee on Environment   Minutes 2017   page 1 of 4"),
# "Address: No. 1 ...", "Home / Press / News",
# "問い合わせ先：兵庫県国際交流課 TEL 078-362-3024"; no name alone. Those of them that end no name
# either: "NEAR Subcommittee on Culture Exchange Posted", "Tottori Prefectural Government TEL" (but
# "Yonhap News", "Oxford University Press")
TRAILING_FURNITURE = frozenset({"views", "hits", "clicks", "posted", "tel", "fax", "minutes", "copyright"})
PAGE_FURNITURE = (
    TRAILING_FURNITURE
    | {"home", "news", "notice", "notices", "press", "address"}
    # (and a paper's section and photo labels: "ENVIRONMENT · INTERVIEW", "[Photo] Takhi in Hustai ...")
    | {"interview", "interviews", "photo", "photos"}
)
GENERIC_WORDS = FIELD_WORDS | {
    # a programme's words, capitalised at the start of its items: "27 Sep. Boat trip to ...", "Train to ..."
    # (and a heading's: "HOST CITY")
    "host",
    "boat",
    "train",
    "bus",
    "trip",
    "excursion",
    "check-in",
    "departure",
    "arrival",
    "lunch",
    "dinner",
    "annex",
    "plenary",
    "visitor",  # "Visitor Centre": a park's building, named by what it is
    "visitors",
    "krai",
    "kray",
    "oblast",
    "okrug",
    "aimag",
    "province",
    "provinces",
    "region",
    "regions",
    "prefecture",
    "prefectures",
    "territory",
    "city",
    "cities",
    "county",  # (and its head: "the County Executive of Yeonggwang")
    "counties",
    "conference",
    "forum",  # "Programme of the Forum" is the meeting's programme
    "secretariat",
    "permanent",  # "5. Permanent Secretariat": an agenda item's words, no body of a name
    # a booklet's front matter in its contents: "Foreword ........ 1"
    "foreword",
    "preface",
    "assembly",
    "committee",
    "government",
    "regional",
    "state",
    "organization",
    "organisation",
    "association",
    "council",
    "north",
    "east",
    "south",
    "west",
    "northeast",
    "local",
    "international",
    "member",
    "members",
    "republic",
    "area",
    "chair",
    "governor",
    "mayor",
    "secretary-general",
    "secretaries-general",
    "participants",
    "delegation",
    "administration",
    "provincial",
    "prefectural",
    "municipal",
    "metropolitan",
    "national",
    "people's",
    "people",
    "central",
    # the fields of the association's committees and the words of section headings and
    # labels, which alone are never names ("Subcommittee", "Culture", "RESULTS", "FORMAT")
    "subcommittee",
    "subcommittees",
    "committees",
    "theme",
    "format",
    "language",
    "agenda",
    "results",
    "programme",
    "program",
    "organizations",
    "organisations",
    "international organizations",
    # roles and words of programmes and lists, capitalised as labels ("Head", "Speakers")
    "head",
    "heads",
    "speaker",
    "speakers",
    "moderator",
    "relations",
    "future",
    "affairs",
    "foreign",
    "lecturer",
    "office",
    # a body's head words that alone are a common noun ("Ferry demonstration at Tsuruga Port")
    "ferry",
    "ferries",
    "embassy",
    "consulate",
    "laboratory",  # ("Head of Laboratory", "the Laboratories of TPU")
    "laboratories",
    # the words of a document's or an e-mail's subject: "Minutes - Education and Culture Subcommittee"
    "minutes",
    "record",
    "report",
    "summary",
    "fyi",
    # a document's and a meeting's parts: "Development Plan", "Welcome Speech"
    "plan",
    "plans",
    "strategy",
    "speech",
    "speeches",
    "communiqué",
    "communique",
    # words the model takes for a body when capitalised alone: "the Group", "Power", "Fellow"
    "group",
    "power",
    "fellow",
    # words the model takes for a body or a place when capitalised alone: "Olympic and world
    # champions", "Media contact: NEAR Secretariat"
    "olympic",
    "media",
    # a caption's label, run on into its credit: "Photo: Press service of the Government of Kuzbass"
    "photo",
    "photos",
    # a programme's and a page's labels: "Visa   Invitations are issued ...", "About us | Contact"
    # (and an OCR'd heading's first word: "4. AGREED P0INTS")
    "contact",
    "contacts",
    "visa",
    "agreed",
    # Inner Mongolia's unit, an aimag's peer: "Aimag / League" heads a table's column
    "league",
    "leagues",
    *PAGE_FURNITURE,
    *MEETING_ACTS,
    # (a page's date line: "THE UB POST | Monday, June 10, 2024")
    *(day.lower() for day in calendar.day_name),
}
# Formats, units and abbreviations that ner mistakes for names.
# A capacity's unit, before a plant's name and after its number: "the 50 MW Salkhit Wind Farm"
UNITS = frozenset({"mw", "kw", "gw", "mwh", "kwh"})
NOT_NAMES = {
    "mid",  # "the Mid Niigata Prefecture Earthquake": a part of a name, never one
    # a Russian document's closing words, capitalised at its line's start: "Принято в с. Чурапча 4 июля 2012 г."
    "принято",
    "утверждено",
    "подписано",
    # an approval stamp's word over the official's post, in a letterhead: "УТВЕРЖДАЮ / APPROVED"
    "утверждаю",
    "согласовано",
    "approved",
    # a protocol's labels, in capitals at a line's start: "5.1 HEARD: the report of ...", "DECIDED:"
    "heard",
    "decided",
    "resolved",
    # a role among NEAR's members, no place: "the Coordinating Region of the Subcommittee reported"
    "coordinating region",
    "coordinating regions",
    "contact us",  # a portal's menu item, kept with the page's head
    # a party to a memorandum or a treaty: 'referred to individually as a "Party"'
    *("party", "parties"),
    # time zones by their abbreviations, after a time: "last edited at 09:14 (UTC)" (not "JST",
    # the Japan Science and Technology Agency)
    *("utc", "gmt", "kst"),
    "ga",  # the General Assembly's short form in a note: "the 2021 GA list"
    "слушали",
    "постановили",
    "решили",
    "pdf",
    "usd",
    "eur",
    "jpy",
    "krw",
    "cny",
    "rub",
    "mnt",
    "world heritage",
    "roro",  # ro-ro ships, a kind of vessel: "RORO and container services"
    "hot spring",  # a lecture's words: "Hot Springs and Regional Revitalisation" ("Paegam Hot Spring" is a name)
    "hot springs",
    # words of a field or a programme that the model takes for a body when alone ("SESSION 3 -
    # RESEARCH AND FINANCE", "Director for Ports and Airports")
    "mining",
    "finance",
    "ports",
    "renewable energy",
    "coastal",
    "borders",
    *UNITS,
    # romanisation systems: "Ch'ongjin in the McCune-Reischauer spelling", "the Revised Romanization
    # replaces the McCune–Reischauer spellings"
    "mccune-reischauer",
    "mccune–reischauer",
    "mccune",
    "revised romanization",
    "hepburn",
    "pinyin",
    "wade-giles",
    "zip",  # "slides of KMI and NOWPAP (ZIP)": a file's format, no acronym
    "rar",
    "xls",
    "xlsx",
    "doc",
    "docx",
    "ppt",
    "pptx",
    "hwp",
    "jpg",
    "jpeg",
    "png",
    "mp4",
    "gb",
    "mb",
    "kb",
    "q&a",
    "url",
    "e-mail",
    "email",
    "tv",
    "covid",
    "covid-19",
    # the video-conference services an online meeting's venue names: "Online (Zoom)"
    "zoom",
    "webex",
    "skype",
    "microsoft teams",
    # the words that open a resolution's preamble, capitalised at the start of a sentence
    "aware",
    "recalling",
    "noting",
    "recognizing",
    "recognising",
    "welcoming",
    "considering",
    "desiring",
    "convinced",
    "acknowledging",
    "emphasizing",
    "emphasising",
    "reaffirming",
    "bearing",
    "mindful",
    "determined",
    # technical abbreviations written in capitals like organizations' acronyms
    "lng",
    "lpg",
    "co2",
    "gdp",
    "sdgs",
    "sdg",
    "ict",
    "iot",
    "r&d",
    "ai",
    "ev",
    "esg",
    # a document's or a meeting's abbreviation: "Signing of an MOU", "SG meeting 2021"
    "mou",
    "mous",
    "moa",
    "loi",
    "sg",
    "understanding",  # "Memoranda of Understanding": the document's last word
    "world natural heritage",  # a status: "a World Natural Heritage site"
    "world cultural heritage",
    "digital",  # "Digital campus:", a session's topic
    # how a meeting was held, bracketed after the host's name: "NEAR Secretariat (Online)"
    "online",
    "hybrid",
    "virtual",
    "offline",
    "in-person",
    # a faith's community: "the Old Believers of Tarbagatai"
    "old believers",
    # a cargo at a sentence's start: "Coal and iron ore made up most of the traffic"
    "coal",
    # a fax's cover-sheet labels: "PAGES : 4 (incl. this page)", "(Attn. Mr. Lee Jae-won)"
    "pages",
    "attn",
    # the era after a year: "in 278 BC"
    "bc",
    "bce",
    "ad",
}
EDGE_PUNCTUATION = "\"'“”‘’«»『』「」《》()[]<>,.;:!?·-–—& "


def _word_key(word: str) -> str:
    return word.lower().split("-")[-1].strip(EDGE_PUNCTUATION)


def head_word(name: str) -> str:
    words = name.split()
    for index, word in enumerate(words[1:], 1):
        if word.lower() in CONNECTORS:
            head = _word_key(words[index - 1])
            # "Republic of Korea Naval Academy", "Our Sea of East Asia Network": a country's or a
            # feature's name before a body's or a building's head
            if head in _NAMED_BEFORE_HEADS and (last := _word_key(words[-1])) in _BODY_OR_BUILDING_HEADS:
                return last
            return head
    return _word_key(words[-1]) if words else ""


# The sorts of feature a head word names, where a name's bracketed other name must be of the
# same sort ("the La Perouse Strait (Soya Strait)", "Mukden Palace (Shenyang Imperial Palace)");
# a feature of another sort in brackets says where the first is ("Olkhon Island (Lake Baikal)",
# "Peter the Great Bay (Sea of Japan)", "Mount Belukha (Altai Mountains)").
FEATURE_SORTS: dict[str, frozenset[str]] = {
    "sea": frozenset({"sea", "ocean"}),
    "bay": frozenset({"bay", "gulf"}),
    "strait": frozenset({"strait"}),
    "lake": frozenset({"lake", "nur", "nuur", "reservoir", "pond"}),
    "river": frozenset({"river", "gol", "stream"}),
    "estuary": frozenset({"estuary", "liman"}),
    "peak": frozenset({"mount", "mt", "peak", "mountain", "uul", "sopka", "volcano", "hill"}),
    "range": frozenset({"mountains", "range", "ridge", "highlands"}),
    "basin": frozenset({"basin", "hollow", "depression"}),
    "island": frozenset({"island", "isle"}),
    "protected area": frozenset({"reserve", "zapovednik", "sanctuary"}),
    "place of worship": frozenset(
        {"temple", "monastery", "abbey", "datsan", "lamasery", "shrine", "jinja", "jingu", "taisha"}
    ),
    "residence": frozenset({"palace", "castle", "mansion", "manor", "villa"}),
    "cave": frozenset({"cave", "caves", "grotto", "grottoes"}),
    "airport": frozenset({"airport"}),
    "port": frozenset({"port", "harbour", "harbor"}),
    "power plant": frozenset({"plant", "hpp", "station"}),
    "bridge": frozenset({"bridge"}),
    "museum": frozenset({"museum"}),
}
_SORT_OF_WORD = {word: sort for sort, words in FEATURE_SORTS.items() for word in words}


def feature_sort(name: str) -> str | None:
    """The sort of feature a name's head (or its leading "Mount", "Lake") says it is."""
    words = name.split()
    if len(words) > 1 and (sort := _SORT_OF_WORD.get(_word_key(words[0]).rstrip("."))) in ("peak", "lake"):
        return sort
    return _SORT_OF_WORD.get(head_word(name))


def glued_sort(name: str) -> str | None:
    """The sort of feature the head glued to a one-word name says it is (GLUED_ALONE):
    "Heilongjiang" (the "Black Dragon River") a river's, "Seoraksan" a mountain's."""
    if " " in name or (feature := unglued(name.lower(), GLUED_ALONE)) is None:
        return None
    return _SORT_OF_WORD.get(feature.split()[-1])


EVENT_VENUE_HEADS = {"center", "centre", "hall", "park", "plaza", "stadium"}  # "Uljin Expo Park"

# A centre is a building in "International Conference Center", a body in "Asian Disaster
# Reduction Center": these words make it a building.
# A building named after the body in it, the body's name with an of-tail before: "Pohang
# Chamber of Commerce Building", "Bank of Korea Tower"
BUILDING_TAILS = frozenset({"building", "tower"})
FACILITY_CENTRE_WORDS = frozenset(
    {"conference", "convention", "exhibition", "expo", "business", "trade", "shopping", "sports", "congress"}
    | {"culture", "cultural", "art", "arts", "community", "visitor", "visitors", "press", "media", "world"}
    | {"ski", "alpine", "jumping", "ice", "skating", "sliding", "biathlon", "aquatics", "swimming", "tennis"}
    | {"sailing", "rowing", "golf", "equestrian", "shooting", "cycling", "diving", "cinema", "film"}
    | {"hockey", "curling", "archery", "fencing", "judo", "wrestling", "gymnastics", "athletics"}
    | {"breeding"}  # a park of animals bred: "Hengdaohezi Feline Breeding Center"
)
# ... unless it names the body's purpose: "Gyeonggi Small and Medium Business Center" is an agency
ORGANIZATION_CENTRE_WORDS = frozenset({"medium", "support", "promotion"})


# Heads of two words, where the head word alone says nothing ("Horqin Sandy Land": a sandy
# steppe; "land" alone ends theme parks and names of regions alike), or another thing than
# with the word before ("Suwon City Hall" is the city's administration, a "hall" a building)
TWO_WORD_HEADS = {
    ("sandy", "land"): "natural",
    ("development", "area"): "facility",
    ("recreation", "area"): "facility",  # "Hwawon Recreation Area"
    ("recreation", "forest"): "facility",  # Korea's "Natural Recreation Forest": "Jwagusan Natural Recreation Forest"
    ("protected", "area"): "natural",  # "Uvs Lake Strictly Protected Area", Mongolia's reserves
    ("joint", "initiative"): "event",  # a document adopted: "Hengdaohezi Joint Initiative"
    # a board that is a body, not a company's ("Chairman of the Board of ... Group"): "GTI Tourism Board"
    ("tourism", "board"): "organization",
    ("transport", "board"): "organization",  # "GTI Transport Board"
    ("trade", "board"): "organization",
    ("energy", "board"): "organization",
    # a route of many means, no road or railway of its own: "Tumen Transport Corridor"
    ("transport", "corridor"): "facility",
    # a government's unit, not a part of a text or a line: "International Affairs Section"
    ("affairs", "section"): "organization",
    ("energy", "exchange"): "organization",  # a market: "Shanghai Environment and Energy Exchange"
    ("carbon", "exchange"): "organization",
    ("stock", "exchange"): "organization",
    ("commodity", "exchange"): "organization",  # "Dalian Commodity Exchange"
    ("futures", "exchange"): "organization",
    ("container", "depot"): "facility",  # a dry port: "Uiwang Inland Container Depot"
    ("relations", "section"): "organization",
    ("cooperation", "section"): "organization",
    ("exchange", "section"): "organization",
    ("investment", "board"): "organization",
    ("promotion", "board"): "organization",
    ("city", "hall"): "organization",
    # a scientific body that watches, not a lookout: "Alaska Volcano Observatory", "Kobe Marine Observatory"
    ("volcano", "observatory"): "organization",
    ("volcanological", "observatory"): "organization",
    ("marine", "observatory"): "organization",
    ("meteorological", "observatory"): "organization",
    ("recreational", "forest"): "natural",
    ("national", "forest"): "natural",
    ("experimental", "forest"): "natural",  # a university's forest: "Maoershan Experimental Forest"
    # a talk, no street's address: "Keynote Address", "Opening Address", "Welcoming Address"
    ("keynote", "address"): "event",
    ("opening", "address"): "event",
    ("welcoming", "address"): "event",
    ("welcome", "address"): "event",
    # a prefecture's research body, not a building: "Toyama Prefectural Fisheries Experimental Station"
    ("experimental", "station"): "organization",
    ("experiment", "station"): "organization",
    ("police", "station"): "organization",  # "Incheon Maritime Police Station"
    ("guard", "station"): "organization",  # "Oki Coast Guard Station"
    ("fire", "station"): "organization",
    ("consulate", "general"): "organization",  # "Consulate General of Japan in Vladivostok"
    ("government", "house"): "facility",  # the seat of an aimag's government: "Selenge Aimag Government House"
    ("guest", "house"): "facility",  # an inn: "Yunoshima Guest House"
    ("estuary", "bank"): "facility",  # a barrage across an estuary: "Geumgang Estuary Bank"
    ("mountain", "city"): "facility",  # a mountain fortress of Goguryeo: "Wandu Mountain City"
    ("toll", "road"): "facility",  # "Noto Toll Road"
    # a course to row, race or play on: "Misari Regatta Course", "Pinx Golf Course" (a course of study is none)
    ("regatta", "course"): "facility",
    ("rowing", "course"): "facility",
    ("golf", "course"): "facility",
    ("race", "course"): "facility",
    ("launch", "center"): "facility",  # a cosmodrome: "Jiuquan Satellite Launch Center"
    ("launch", "centre"): "facility",
    ("space", "center"): "facility",  # "Naro Space Center"
    ("space", "centre"): "facility",
    ("science", "town"): "facility",  # a planned research town: "Daedeok Science Town", "Tsukuba Science City"
    ("science", "city"): "facility",
    ("historic", "areas"): "facility",  # a heritage site: "Gyeongju Historic Areas"
    ("historic", "area"): "facility",
}
# An assembly is a meeting ("the 13th NEAR General Assembly"), but a legislature where a word
# of government comes before it: "Tottori Prefectural Assembly", "State Assembly of the
# Republic of Sakha (Yakutia)", "Legislative Assembly of Primorsky Krai".
LEGISLATURE_HEADS = frozenset({"assembly"})
LEGISLATURE_WORDS = frozenset(
    {"prefectural", "provincial", "legislative", "state", "municipal", "city", "metropolitan", "people's", "national"}
)
_BODY_OR_BUILDING_HEADS = HEAD_WORDS["organization"] | HEAD_WORDS["facility"]
_NAMED_BEFORE_HEADS = HEAD_WORDS["administrative"] | HEAD_WORDS["natural"]
# A head the word before takes away: a trade route of history, named by its goods or its
# land, is no road ("the Silk Road", "the Great Tea Road", "Steppe Road", "Northeast Asia
# Culture Road"): what it is, the model says (the gold sets list it as often as not).
NO_HEAD_AFTER = frozenset({("silk", "road"), ("tea", "road"), ("steppe", "road"), ("culture", "road")})
_HEADS_READ_WITH_THE_WORD_BEFORE = frozenset(head for _, head in [*TWO_WORD_HEADS, *NO_HEAD_AFTER]) | LEGISLATURE_HEADS


def _word_before_head(words: list[str]) -> str:
    """The word before a name's head word (the head: the last word, or the one before an of-tail),
    or the part before it in a word the head ends ("Consulate-General")."""
    index = next((index for index, word in enumerate(words[1:], 1) if word.lower() in CONNECTORS), len(words))
    parts = words[index - 1].strip(EDGE_PUNCTUATION).split("-") if index >= 1 else []
    if len(parts) > 1:
        return parts[-2]
    return words[index - 2] if index >= 2 else ""


# A body's head that, before an event's "of" tail, is that event's schedule, no body
SCHEDULE_HEADS = frozenset({"program", "programme"})


@lru_cache(maxsize=NAMES_REMEMBERED)
def head_kind(name: str) -> str | None:
    """'event', 'administrative', 'natural', 'facility', 'organization' or None."""
    words = name.split()
    if len(words) > 1 and _word_key(words[0]).rstrip(".") in LEADING_NATURAL:
        # (a body named after the feature is the body: "Lake Biwa Environmental Research Institute")
        return "organization" if head_word(name) in HEAD_WORDS["organization"] else "natural"
    if len(words) > 1 and _word_key(words[0]) in LEADING_EVENT:
        return "event"
    if len(words) > 1 and _word_key(words[0]) in LEADING_FACILITY:
        return "facility"
    if len(words) == 3 and words[:2] == ["State", "of"] and words[2][:1].isupper():
        return "administrative"  # a state of one name, "the State of Qi" (not "State of the Environment")
    if len(words) > 1 and words[0].isupper() and words[0].lower() in LEADING_COMPANY_FORMS:
        return "organization"  # "JSC Vostochny Port": the company that runs the port (not "Zao Onsen")
    head = head_word(name)
    if head in _HEADS_READ_WITH_THE_WORD_BEFORE:  # (the word before found only for these: a hot path)
        before_head = _word_key(_word_before_head(words))
        if (kind := TWO_WORD_HEADS.get((before_head, head))) is not None:
            return kind
        if (before_head, head) in NO_HEAD_AFTER:
            return None
        if head in LEGISLATURE_HEADS and before_head in LEGISLATURE_WORDS:
            return "organization"
    tail_head = _word_key(words[-1]) if words else ""
    if head in ("center", "centre"):
        if tail_head != head and tail_head in HEAD_WORDS["facility"] | HEAD_WORDS["natural"]:
            return "facility"  # "Centre of Asia Monument": the monument the centre's tail names
        # (the words before it: after it, "for" names a body's purpose, "Centre for Intangible
        # Cultural Heritage")
        keys = {_word_key(word) for word in itertools.takewhile(lambda word: _word_key(word) != head, words)}
        return "facility" if keys & FACILITY_CENTRE_WORDS and not keys & ORGANIZATION_CENTRE_WORDS else "organization"
    if tail_head != head and tail_head in BUILDING_TAILS:
        return "facility"  # "Pohang Chamber of Commerce Building": the body's building
    if head in SCHEDULE_HEADS and tail_head != head and tail_head in HEAD_WORDS["event"]:
        return "event"  # "Program of the Jindo Miracle Sea Road Festival": the event's schedule
    if head in STATIONS_FOR and (
        _purpose_after(words, head) or any(_word_key(word) in STATION_OWNERS for word in words)
    ):
        # "Dongting Lake Station for Wetland Ecosystem Research", "Toyama Prefectural Fisheries
        # Research Station": a body (but "Naiman Desertification Research Station" is a place)
        return "organization"
    return next((kind for kind, heads in HEAD_WORDS.items() if head in heads), None)


# A building's head that names a body when its purpose follows ("Station for ... Research")
STATIONS_FOR = frozenset({"station"})
# ... and one a prefecture or a province runs
STATION_OWNERS = frozenset({"prefectural", "provincial"})


def _purpose_after(words: list[str], head: str) -> bool:
    return any(_word_key(word) == head and after == "for" for word, after in itertools.pairwise(words))


# What kind of body a name is, written before it: "the Korean NGO Future Forest" is Future Forest
BODY_KIND_WORDS = frozenset({"NGO", "NPO", "NGOs"})


def _strip_edges(words: list[str]) -> list[str]:
    # (a ministry's country as its adjective is no word of its name: "the Mongolian Ministry of
    # Mineral Resources and Energy"; "Russian Academy of Sciences" is the name)
    article = False
    while words and (
        (words[0].lower() in LEADING_WORDS and not (article and words[0][:1].isupper()))
        or (len(words) > 1 and words[0].lower() in UNITS)
        or (len(words) > 2 and words[0].lower() in COUNTRY_ADJECTIVES and words[1].lower() == "ministry")
        or (len(words) > 1 and words[0] in BODY_KIND_WORDS)
        or (len(words) > 1 and words[0].lower() in OPERATIVE_VERBS)
        # (a faith's order before a place of worship: "the Benedictine Waegwan Abbey"; a body's
        # name may hold one, "Catholic University of Daegu")
        or (
            len(words) > 2
            and words[0].lower() in FAITH_ADJECTIVES
            and words[-1].lower() in FEATURE_SORTS["place of worship"]
        )
        or (len(words) > 2 and words[0].lower() in PEOPLES_ADJECTIVES and words[1] in BODY_KIND_WORDS)
    ):
        # (a capitalised word after the article is the name's own: "the Our Sea of East Asia Network")
        article = words[0].lower() in ("the", "a", "an")
        words = words[1:]
    while words and (
        words[-1].lower() in TRAILING_WORDS
        or (words[-1][:1].islower() and words[-1].lower() not in LOWERCASE_NAME_WORDS)
        or (words[-1].isupper() and words[-1].lower() in NOT_NAMES)  # "the Prigorodnoye LNG plant"
    ):
        words = words[:-1]
    return words


def _common_noun(word: str) -> bool:
    """A word in lower case English writes after a name and that is no word of it (not a unit:
    "Yeroo soum", "Khovd aimag"; not a native name's: "Еврейская автономная область")."""
    return word.isascii() and word.isalpha() and word.islower() and word not in LOWERCASE_NAME_WORDS | UNIT_NOUNS


def without_lower_case_tail(name: str) -> str:
    """A listed name without the common nouns in lower case after it ("Daursky Reserve visitor
    centre", "Uvs Lake Strictly Protected Area administration", "Erzin cluster office"): the name
    is its capitalised words (a region's lower-case unit stays: "Khovd aimag")."""
    words = name.split()
    end = len(words)
    while end > 1 and _common_noun(words[end - 1]):
        end -= 1
    return name if end == len(words) else " ".join(words[:end])


# Head words that go on with the name before them rather than start a new one after a place's
# head: "Pohang City Hall", and "Onsen Town", the spa town that was a town of its own
_HEADS_AFTER_A_PLACE = HEAD_WORDS["facility"] | HEAD_WORDS["organization"] | HEAD_WORDS["administrative"]


def split_glued(words: list[str]) -> list[list[str]]:
    """'Izushi City Hyogo Prefecture' -> two names: a new name starts after an
    administrative head word when a capitalised word follows; a body headed after it is one
    name with its place ("Tamatsukuri Onsen Ryokan Association", "Misasa Town Tourism Association")."""
    parts: list[list[str]] = [[]]
    for word in words:
        previous = parts[-1][-1] if parts[-1] else ""
        ends_name = _word_key(previous) in HEAD_WORDS["administrative"] or previous.lower().endswith("-do")
        headed = _word_key(word) in _HEADS_AFTER_A_PLACE
        if ends_name and word[:1].isupper() and previous[:1].isupper() and not headed:
            parts.append([])
        parts[-1].append(word)
    parts = [part for part in parts if part]
    # (but not "Kyoto Prefecture" + "Russian Federation", two names in a row)
    # (a centre too, where its words make a body of it: "Jeju Free International City Development Center")
    if len(parts) == 2 and head_kind(" ".join(parts[1])) == "organization" and country_code(" ".join(parts[1])) is None:
        return [words]
    # (and a building named after its town, by a word and its head: "Iwamuro Onsen Kanko Hotel",
    # "Mihonoseki Town Community Hall"; not "Toyama City Toyama Station", the town's own name again)
    if (
        len(parts) == 2
        and _word_key(parts[0][-1]) in LOCAL_UNIT_HEADS
        and len(parts[1]) == 2
        and parts[1][0] != parts[0][0]
        and head_kind(" ".join(parts[1])) == "facility"
    ):
        return [words]
    return parts


# The units below a region a building may be named after, its name then its own: a town, a
# village, a county, a spa town, a city
LOCAL_UNIT_HEADS = frozenset({"town", "village", "county", "city", "onsen", "oncheon"})


def _split_conjunctions(words: list[str], ampersand_joins: bool = False) -> list[list[str]]:
    """'Mount Tai & Qufu' is two names; 'Baikalsk Pulp and Paper Mill' one: words with no
    head of their own before "and" belong to the facility or body headed after it. With
    ``ampersand_joins`` (a body's name: "Daewoo Shipbuilding & Marine Engineering") "&" is
    a word of the name."""
    splitting = ("and",) if ampersand_joins else ("&", "and")
    parts: list[list[str]] = [[]]
    for word in words:
        if word in splitting:
            parts.append([])
        else:
            parts[-1].append(word)
    parts = [part for part in parts if part]
    # ... but "Niigata and Zarubino Port" are two: a single proper name before "and" is its own
    first = parts[0] if parts else []
    run_on = len(first) > 1 or (first and first[0].lower() in GENERIC_WORDS)
    if (
        len(parts) == 2
        and run_on
        and head_kind(" ".join(first)) is None
        and head_kind(" ".join(parts[1])) in _JOINED_HEADS
    ):
        return [words]
    if (  # "Taltsy Museum of Architecture and Ethnography": the "of" tail goes on, headless, after "and"
        len(parts) == 2
        and "of" in first
        and head_kind(" ".join(first)) in ("facility", "natural")
        and len(parts[1]) <= OF_TAIL_AFTER_AND
        and head_kind(" ".join(parts[1])) is None
    ):
        return [words]
    if (
        len(parts) == 2
        and parts[0][-1].lower() == "hotel"
        and len(parts[1]) == 1
        and parts[1][0].lower() in HOTEL_PARTS
    ):
        return [words]  # "Blue Sky Hotel and Tower": one hotel
    return parts


OF_TAIL_AFTER_AND = 2  # words of a feature's "of" tail after its "and"
_JOINED_HEADS = ("facility", "organization")


def named_organ(name: str) -> bool:
    """An organ named by its field: "Cultural Exchange Subcommittee", "Environment Subcommittee"
    (a name, though each of its words is a common one; a bare "Subcommittee" is not)."""
    return len(name.split()) > 1 and name[:1].isupper() and head_word(name) in ON_TAIL_HEADS


# "Government of the Krai" is as generic as its nouns ("Subcommittee on Maritime and Fisheries",
# named by its field, is a name).
_JOINING_WORDS = frozenset({"of", "the", "and", "&", "/"})  # "Maritime & Fisheries" is fields


# A place's head word alone is no name, though capitalised at a line's start ("Beach clean-up
# at ...", "Museum visit"); nor is a body's, which stands for a body named before it ("the
# Bank's president", "the Corporation already did so").
LONE_HEADS = HEAD_WORDS["natural"] | HEAD_WORDS["facility"] | HEAD_WORDS["organization"]


# An occasion's head, which makes a date of the words before it ("the Thirtieth Anniversary of
# the Association"), never a place or a body
OCCASION_HEADS = frozenset({"anniversary", "anniversaries", "jubilee"})


def is_name(name: str) -> bool:
    words = name.split()
    return (
        bool(words)
        and _word_key(words[-1]) not in OCCASION_HEADS
        and (name[0].isupper() or _lower_case_lead(words) or (bool(YEAR_WORD.match(words[0])) and year_named(name)))
        and not _all_generic(words)
        and not (len(words) == GENERIC_ROOM_WORDS and _generic_room(words))
        # "Lake Tourism" (a forum's field), not "Lake Baikal"
        and not (len(words) > 1 and words[0].lower() in LEADING_NATURAL and _all_generic(words[1:]))
        and name.lower() not in NOT_NAMES
        and field_kind(name) is None
        and not (
            len(words) == 1 and _word_key(words[0]) in LONE_HEADS | PEOPLES_ADJECTIVES and not _glued_name(words[0])
        )
        # (peoples listed: "the Koryak, Itelmen and Even communities")
        and not (len(words) > 1 and all(_word_key(word.strip(",")) in PEOPLES_ADJECTIVES for word in words))
    )


# The first parts of an adjective joined by a hyphen ("Sino-Russian", "Trans-Siberian", "Air-Sea
# Routes"), which name nothing
COMBINING_FORMS = frozenset(
    {"sino", "trans", "inter", "pan", "euro", "afro", "indo", "russo", "anti", "pro", "cross"}
    | {"air", "sea", "land", "rail", "road", "river"}
)


def _glued_name(word: str) -> bool:
    """A name glued by a hyphen to its head, both capitalised: "Shirakami-Sanchi" (the word is a
    name though its last part is a lone head's, as "Port" or "Mountains" alone is not)."""
    first, _, head = word.rpartition("-")
    return (
        first[:1].isupper()
        and head[:1].isupper()
        and first.lower() not in COMBINING_FORMS
        and _word_key(first) not in PEOPLES_ADJECTIVES
    )


# A building's or a room's head after a generic word names no place: "Conference Hall", "Visitor
# Centre" (a hall's longer name is its own: "International Conference Hall")
GENERIC_ROOMS = frozenset({"centre", "center", "hall", "room", "auditorium", "ballroom", "lobby"})
GENERIC_ROOM_WORDS = 2
# ... and so does one after the words that tell a building's rooms apart: "Main Auditorium", "Grand Ballroom"
ROOM_QUALIFIERS = frozenset({"main", "grand", "small", "large", "big", "banquet", "meeting"})


def _generic_room(words: list[str]) -> bool:
    return words[-1].lower() in GENERIC_ROOMS and words[0].lower() in GENERIC_WORDS | ROOM_QUALIFIERS


def _all_generic(words: list[str]) -> bool:
    return all(word.lower() in GENERIC_WORDS for word in words if word.lower() not in _JOINING_WORDS)


def _lower_case_lead(words: list[str]) -> bool:
    """ "река Партизанская", "бухта Нагаева": Russian writes a feature's common noun first,
    in lower case, before the capitalised name."""
    return len(words) > 1 and words[0] in LEADING_NATURAL and not words[0].isascii() and words[1][:1].isupper()


_INITIALS = re.compile(r"^(?:[A-Z]\.){2,4}[,;:]?$")


def _inner_plural_possessive(words: list[str], index: int) -> bool:
    """A plural's apostrophe before another word of the name is the name's: "Centre for Miners'
    Health Protection"."""
    word = words[index]
    return (
        word[-1:] in ("'", "’")
        and word[:-1].lower() in PLURAL_HOLDERS
        and word[:1].isupper()
        and index + 1 < len(words)
        and words[index + 1][:1].isupper()
    )


def _strip_word(word: str, keep_comma: bool = False) -> str:
    """A word without the punctuation around it, but an aside that is part of the name
    keeps its brackets ("Republic of Sakha (Yakutia)"); with ``keep_comma`` a word inside a
    name keeps the comma after it."""
    if word.lower() in ABBREVIATIONS or (keep_comma and word.lower().removesuffix(",") in ABBREVIATIONS):
        return word
    if _INITIALS.match(word):  # a person's initials keep their full stops: "T.F. Gorbachev Kuzbass State ..."
        return word.rstrip(",;:")
    if keep_comma and word.endswith(",") and word[:-1].strip(EDGE_PUNCTUATION) == word[:-1]:
        return word
    core = word.rstrip(".,;:!?")
    if core.startswith("(") and core.endswith(")") and core.count("(") == core.count(")") and len(core) > 2:
        return core
    if core.endswith(("s'", "s’")) and core[:-1].lower() in POSSESSIVE_OWNERS:
        return core  # "Citizens' Representative Khural": a plural owner's apostrophe is the name's
    return word.strip(EDGE_PUNCTUATION) or word


# Words after a body's name that make no name with it: "a UNESCO World Heritage site" names UNESCO
NOT_NAME_TAILS = ("world heritage",)


def _without_tail(name: str) -> str:
    for tail in NOT_NAME_TAILS:
        if name.lower().endswith(f" {tail}"):
            return name[: -len(tail) - 1]
    words = name.split()
    while len(words) > 1 and words[-1].lower() in TRAILING_FURNITURE and words[-1][:1].isupper():
        words.pop()
    return " ".join(words) if len(words) < len(name.split()) else name


def _strip_name(name: str) -> str:
    stripped = name.strip(EDGE_PUNCTUATION)
    if stripped and f"{stripped.split()[-1]}.".lower() in ABBREVIATIONS and name.startswith(f"{stripped}."):
        stripped += "."  # "Dongchun Ferry Co., Ltd.": the abbreviation's dot is the name's
    if stripped.count("(") > stripped.count(")") and name.rstrip(".,;:!? ").endswith(")"):
        stripped += ")"  # the closing bracket of an aside that is part of the name
    return stripped


# A person's office before "of" names no body: "Head of the Republic of Buryatia" gives the
# republic, "Governor of Gyeongsangbuk-do" the province.
# Posts of a list's delegates that end no body's name ("Programme Officer, TRADP")
DELEGATE_POSTS = frozenset(
    {"officer", "specialist", "counsellor", "adviser", "advisor", "economist", "researcher", "ecologist"}
)
ROLE_WORDS = {
    "head",
    "heads",
    # (a delegate's post in a list: "Programme Officer, UNEP", "Professor of Horticulture, ...")
    "professor",
    "officer",
    "specialist",
    "chief",
    "chiefs",
    "counsellor",
    "adviser",
    "advisor",
    "researcher",
    "economist",
    # (people of a body: "Engineers of Baotou Steel" are no name)
    "engineers",
    "experts",
    "officials",
    "researchers",
    "scientists",
    "delegates",
    "executive",  # a Korean county's head: "the County Executive of Yeonggwang"
    "coordinator",  # a programme's head: "the Coordinator of the Northwest Pacific Action Plan"
    "governor",
    "vice-governor",
    "mayor",
    "vice-mayor",
    "minister",
    "deputy",
    "chairman",
    "chairperson",
    "chair",
    "president",
    "vice-president",
    "director",
    "director-general",
    "secretary-general",
    "secretary",
    "ambassador",
    "consul",
    "consul-general",
    "rector",
    "dean",
    "magistrate",  # a Chinese county's head: "the Magistrate of Duolun County"
    "representative",
    "representatives",
    "delegation",
    "delegations",
    "member",
    "members",
}


# Words that make a post of a role word after them: "State Secretary", "Vice Minister", "First Deputy"
POST_MODIFIERS = frozenset(
    {"state", "vice", "first", "senior", "general", "permanent", "assistant", "acting", "party"}
)  # ("party": China's "Party Secretary of Meihekou City")


def _after_role(words: list[str]) -> list[str]:
    start = 1 if words and words[0].lower() in ("the", "a", "an") else 0
    for index in range(start, min(len(words), start + 3)):
        if words[index].lower() == "of" and index > start:
            post = [word.lower().strip(",") for word in words[start:index]]
            if post[-1] in ROLE_WORDS and all(word in ROLE_WORDS | POST_MODIFIERS for word in post):
                return words[index + 1 :]
            break
    return words


CAPITALS_HEADING_WORDS = 3  # "UCLG ASPAC" is a name in capitals; three words or more make a heading


def in_capitals(text: str) -> bool:
    """ "TAIYUAN INITIATIVE ON THE PROTECTION": a heading in capitals, not a name."""
    words = text.split()
    return len(words) >= CAPITALS_HEADING_WORDS and all(word.isupper() for word in words if word.isalpha())


_NUMBER_WORD = re.compile(r"^\W*\d[\d.,:/–-]*(?:st|nd|rd|th|s)?\W*$", re.IGNORECASE)
YEAR_WORD = re.compile(r"^(?:19|20)\d\d$")
# A treaty's conference or meeting of the parties by its number: "COP17", "COP 21" is written apart too
TREATY_MEETING = re.compile(r"^(?:COP|CMP|MOP|CMA)\d{1,2}$")
# Bodies named with the year of the event they hold or remember: "Gangwon 2024 Organizing
# Committee", "2018 PyeongChang Memorial Foundation", "Organizing Committee for Expo 2012 Yeosu Korea"
YEAR_NAMED_HEADS = frozenset({"committee", "foundation"})
# ... with a word naming the event or its place ("the 2019 Organizing Committee" is a committee of that year)
_EVENT_BODY_WORDS = frozenset({"organizing", "organising", "preparatory", "memorial"})


def year_named(text: str) -> bool:
    """Whether a name's years are its words: a body named after its event's year."""
    return (
        head_kind(text) == "organization"
        and head_word(text) in YEAR_NAMED_HEADS
        and any(
            word[:1].isupper() and _word_key(word) not in GENERIC_WORDS | _EVENT_BODY_WORDS | CONNECTORS
            for word in text.split()
        )
    )


def _bodies_listed(words: list[str]) -> list[list[str]]:
    """A body's words, or the bodies a comma lists when each part is one ("Ministry of
    International Cooperation, Government of Khabarovsk Krai"); a comma inside one name
    ("Ministry of Land, Transport and Maritime Affairs") leaves it whole."""
    parts: list[list[str]] = [[]]
    for word in words:
        parts[-1].append(word)
        if word.endswith(","):
            parts.append([])
    parts = [part for part in parts if part]
    if len(parts) > 1 and all(head_kind(" ".join(part).rstrip(",")) == "organization" for part in parts):
        return parts
    # "Nippon Express and DBS Cruise Ferry": an acronym after "and" opens a body of its own, and so
    # does a body's name after one (``and_opens_body``)
    for index, word in enumerate(words[1:-1], 1):
        after = " ".join(words[index + 1 :])
        acronym_opens = is_acronym_word(words[index + 1]) and head_kind(after) == "organization"
        if (word.lower() in ("and", "&") and acronym_opens) or (
            word.lower() in ("and", "&") and and_opens_body(" ".join(words[:index]), after)
        ):
            return [words[:index], words[index + 1 :]]
    return [words]


def and_opens_body(before: str, after: str) -> bool:
    """Whether the words after an "and" are a body's name of their own after a body's name,
    each of two words or more: "WHO Regional Office for the Western Pacific" and "Kangwon
    National University" (not "Subcommittee on Energy and Mineral Resources": no body's words
    after "and"; nor "... of the United Nations Economic and Social Commission for Asia and the
    Pacific": a field's word either side of "and" joins the words of one name)."""
    before_words, after_words = before.split(), after.split()
    return (
        len(before_words) > 1
        and len(after_words) > 1
        and _word_key(before_words[-1]) not in FIELD_WORDS | GENERIC_WORDS
        and _word_key(after_words[0]) not in FIELD_WORDS | GENERIC_WORDS
        and head_kind(after) == "organization"
        and head_kind(before) == "organization"
    )


def is_acronym_word(word: str) -> bool:
    return len(word) > 1 and word.isalpha() and word.isupper()


# A spaced dash parts what it stands between; no name holds one (a hyphen joins words of a
# name without spaces: "Zamyn-Uud")
# A middle dot between spaces lists names, as Korean and Japanese pages write lists
_LISTING_DOT = re.compile(r"(?<!\s)\s+[ㆍ·・]\s+")
_PATH_STEP = re.compile(r"(?<!\s)\s+[>›»/＞]\s+")
_SPACED_DASH = re.compile(r"(?<!\s)\s+[-–—]\s+")
# A label's colon inside a span, words after it: "Institute of Volcanology: Our Institute of ...", a
# transcript's speaker and the first words they said (a name holds no colon)
LABEL_COLON = re.compile(r"(?<=\w)[:：]\s+")


# Common words of a part of a place before its name: "the west coast of", "the upper reaches of the"
LOWER_CASE_LEAD_OF = re.compile(r"^(?:the\s+)?(?:[a-z][\w-]*\s+){1,3}of\s+(?:the\s+)?(?=[A-Z])")
# ... and people of a body, capitalised at a line's start: "Speakers of Jilin University"
PEOPLE_OF = frozenset(
    {"speakers", "representatives", "delegates", "experts", "members", "students", "researchers", "officials"}
    | {"participants", "scientists", "staff", "delegations", "engineers"}
)
PEOPLE_LEAD_OF = re.compile(
    rf"^(?:the\s+)?(?:{'|'.join(sorted(PEOPLE_OF))})\s+(?:of|from)\s+(?:the\s+)?(?=[A-Z])", re.IGNORECASE
)
# ... and what a meeting did (MEETING_ACTS), at the start of a contents' item: "Admission of Gansu
# Province as a new member" (the province is the name)
ACT_LEAD_OF = re.compile(rf"^(?:{'|'.join(sorted(MEETING_ACTS))})\s+of\s+(?:the\s+)?(?=[A-Z])", re.IGNORECASE)
# A facility's number after its head word: "Thermal Power Plant No. 4"
FACILITY_NUMBER = re.compile(r"(?<!\s)\s+No\.?\s*\d+$")
# A unit numbered by an ordinal before its name, which the ordinal is a word of: "8th Regional
# Maritime Safety Headquarters", "37th Infantry Division" (a meeting's ordinal is no word of
# its body's name: "the 5th NEAR Environment Subcommittee")
ORDINAL_WORD = re.compile(r"^\d{1,3}(?:st|nd|rd|th)$")
ORDINAL_UNIT_HEADS = frozenset(
    {"headquarters", "division", "brigade", "regiment", "fleet", "army", "corps", "squadron", "detachment"}
)
# ... and a body's or a facility's number among its name's words: "No. 214 Geological Team",
# "Dalad Banner No. 1 Middle School", "Aginskoye Secondary School No. 2"
UNIT_NUMBER = re.compile(r"(?:^|\s)(?:No\.?|№)\s*\d+(?:\s|$)")  # (Russian writes the number sign)


def _numbered_body(before: str, after: str) -> bool:
    """Whether a numbered unit's head is a body's ("School No. 1" of Zuunmod, not "Gate No. 3")."""
    words = [*before.split(), *after.split()]
    return bool(words) and _word_key(words[-1]) in NUMBERED_BODY_HEADS


def _numbered_unit(before: str, after: str) -> bool:
    """Whether the words around a "No. N" name a numbered body or facility: capitalised words,
    the last (its head) one that numbered bodies or facilities have."""
    words = [*before.split(), *after.split()]
    head = _word_key(words[-1]) if words else ""
    return (
        bool(words)
        and all(word[:1].isupper() for word in words)
        and (head in NUMBERED_BODY_HEADS or head in HEAD_WORDS["facility"])
    )


TOWNS_ON_ISLANDS = frozenset({"town", "city", "village"})  # the heads of a town "on" its island


# The head words of a country's mission abroad, which names its seat after "in"
MISSION_HEADS = frozenset({"embassy", "consulate", "consulate-general"})


def names_a_mission(words: list[str]) -> bool:
    """Whether words name a country's mission: "Embassy of Mongolia", "Consulate General of Japan"."""
    lead = [word.lower() for word in words[:3] if word.lower() != "the"]
    return bool(lead) and lead[0] in MISSION_HEADS and "of" in words


def _town_on_island(before: list[str], label: str) -> bool:
    """Whether the words before "on" name a town on its island: "Ama Town on Nakanoshima", "Ama on
    Nakanoshima" (a place's span, or a word of no body the model spanned as one: not "Subcommittee on")."""
    return before[-1].lower() in TOWNS_ON_ISLANDS or (
        (label == "GPE" or len(before) == 1) and head_kind(" ".join(before)) is None
    )


LOWER_CASE_NOUN_WORDS = 4  # "on the left bank" before "of": words in lower case between two names


def _at_lower_case_noun_of(words: list[str]) -> tuple[str, str] | None:
    """A span's capitalised name, then up to LOWER_CASE_NOUN_WORDS words in lower case ending
    in a common noun, "of" and another name: (the name, the other), else None."""
    for index, word in enumerate(words[1:-1], 1):
        if word != "of" or not _common_noun(words[index - 1]) or words[index - 1] in CONNECTORS:
            continue
        start = index - 1
        while start > 0 and index - start < LOWER_CASE_NOUN_WORDS and words[start - 1].islower():
            start -= 1
        other = words[index + 1 :]
        if other and other[0] == "the":
            other = other[1:]
        if start == 0 or not words[start - 1][:1].isupper() or not other or not other[0][:1].isupper():
            return None
        return " ".join(words[:start]), " ".join(other)
    return None


def clean_span(text: str, label: str) -> list[str]:
    """The names inside a span the model found; empty when it is junk."""
    if (number := FACILITY_NUMBER.search(text)) and head_kind(facility := text[: number.start()]) == "facility":
        return [text] if clean_span(facility, label) == [facility] else []
    if (words := text.split()) and ORDINAL_WORD.match(words[0]) and head_word(text) in ORDINAL_UNIT_HEADS:
        unit = " ".join(words[1:])
        return [text] if clean_span(unit, label) == [unit] else clean_span(unit, label)
    if number := UNIT_NUMBER.search(text):
        # (a numbered unit of a body is named apart from it: "No. 214 Geological Team" of "the
        # Hunan Nonferrous Geological Exploration Bureau"; of a place, its place is its name's)
        unit, of, parent = f" {text[number.end() :]}".partition(" of ")
        parent = parent.removeprefix("the ")
        if of and head_kind(parent) == "organization" and _numbered_unit(text[: number.start()], unit):
            return [" ".join([*text[: number.end()].split(), *unit.split()]), *clean_span(parent, label)]
        if _numbered_unit(text[: number.start()], unit) and (
            not of
            or (_numbered_body(text[: number.start()], unit) and all(word[:1].isupper() for word in parent.split()))
        ):
            return [text]
    # a number or a year makes no name ("2018 Forum", "the 21st"), a brand's digit does ("S7 Airlines")
    # (a body named after its event's year holds it, never last: "... Committee for the 2018" is cut short)
    words = text.split()
    if any(_NUMBER_WORD.match(word) for word in words) and not (
        all(YEAR_WORD.match(word) for word in words if _NUMBER_WORD.match(word))
        and not YEAR_WORD.match(words[-1])
        and year_named(text)
    ):
        return []
    title = next((index for index, word in enumerate(words[1:-1], 1) if word.lower().rstrip(".") in HONORIFICS), None)
    if title is not None and words[title + 1][:1].isupper():
        # "Lake Khuvsgul Ms. Irina Sokolova": lines of a programme joined, a person's title starts the next
        return clean_span(" ".join(words[:title]), label)
    if text.count("(") > text.count(")"):  # "Development and Cooperation (SDC": the span ends inside a bracket
        text = text[: text.rindex("(")].rstrip()
    # "the west coast of Sakhalin Island": the island; "Speakers of Jilin University": the university
    if lead := LOWER_CASE_LEAD_OF.match(text) or PEOPLE_LEAD_OF.match(text) or ACT_LEAD_OF.match(text):
        return clean_span(text[lead.end() :], label)
    if (parted := _at_lower_case_noun_of(text.split())) is not None:
        # "Uyghur Khaganate on the left bank of the Orkhon River": a name, then words in lower
        # case that say where on another: the name, and the other where its head names it
        name, other = parted
        return [*clean_span(name, label), *(clean_span(other, label) if head_kind(other) else [])]
    before_on, on, after_on = text.partition(" on ")
    if (
        on
        and head_kind(after_on) in ("facility", "natural", "administrative")
        and head_kind(before_on) == "organization"
        and head_word(before_on) not in ON_TAIL_HEADS
    ):
        # "the Ministry on Erdene Zuu Monastery": a body's talk on a place ("Subcommittee on Energy" is one name)
        return [*clean_span(before_on, label), *clean_span(after_on, label)]
    if len(listed := _LISTING_DOT.split(text)) > 1:  # "K-water ㆍ Gyeonggi Research Institute": two bodies
        return [name for part in listed for name in clean_span(part, label)]
    if len(listed := _PATH_STEP.split(text)) > 1:  # "Home > Notice & News > News": a page's path, steps apart
        return [name for part in listed for name in clean_span(part, label)]
    if len(titled := _SPACED_DASH.split(text)) > 1:  # "Minutes - Education and Culture Subcommittee"
        return [name for part in titled for name in clean_span(part, label)]
    if len(labelled := LABEL_COLON.split(text)) > 1 and not in_capitals(text):  # (a heading's: none)
        return [name for part in labelled for name in clean_span(part, label)]
    words = _after_role(text.split())
    if label == "ORG" and words and words[-1].lower() in DELEGATE_POSTS:
        return []  # "Programme Officer", "Natural Resources Economist", "Ecologist": a delegate's post, no body
    # (the body past a post the span grew into: "State Secretary of the Ministry of Food, Agriculture and
    # Light Industry" keeps the ministry's comma)
    body = head_kind(" ".join(words)) == "organization"
    # an event's words make no name, except in the hall it is held in ("Convention Center"), or
    # the park that remembers it ("Port of Kobe Earthquake Memorial Park", whose head is the port's)
    if (
        any(_word_key(word) in HEAD_WORDS["event"] for word in words)
        and head_word(text) not in EVENT_VENUE_HEADS
        and _word_key(words[-1]) not in EVENT_VENUE_HEADS
        and not body  # "Ramsar Convention Secretariat"
    ):
        return []
    if in_capitals(" ".join(words)):
        return []
    # "the Temple of Confucius in Qufu" is a name and where it is; so is "Ama Town on Nakanoshima"
    # (but a country's mission abroad is named with its seat: "Embassy of Mongolia in Seoul")
    located = next(
        (
            index
            for index, word in enumerate(words[1:-1], 1)
            if (word == "in" or (word == "on" and _town_on_island(words[:index], label)))
            and words[index + 1][:1].isupper()
        ),
        None,
    )
    if located is not None and names_a_mission(words[:located]):
        located = None
    if located is not None:
        return [*clean_span(" ".join(words[:located]), label), *clean_span(" ".join(words[located + 1 :]), "GPE")]
    # "the former coal mine at Sabuk as High1 Resort", "Mongolrostsvetmet at Bor-Undur": a place
    # and what it became, a body and where it is, are two names; "Hyogo Prefecture as coordinator
    # of the Subcommittee" is the prefecture
    joined = next((index for index, word in enumerate(words[1:-1], 1) if word in ("as", "at")), None)
    if joined is not None:
        after = " ".join(words[joined + 1 :])
        after_names = clean_span(after, label if words[joined] == "as" else "GPE") if after[:1].isupper() else []
        return [*clean_span(" ".join(words[:joined]), label), *after_names]
    if any(TREATY_MEETING.match(word) for word in words):  # "COP17": a meeting of a treaty's parties
        return []
    # "Mount Tai & Qufu" is two names; "Subcommittee on Energy and Mineral Resources" one.
    parts = _bodies_listed(words) if body else _split_conjunctions(words, ampersand_joins=label == "ORG")
    # a body's name keeps a comma between its words ("Ministry of Land, Transport and Maritime
    # Affairs"): the words are the source's, not a list
    inner_commas = body and len(parts) == 1
    names = []
    for part in parts:
        part = _strip_edges(
            [
                word if _inner_plural_possessive(part, index) else _strip_word(word, keep_comma=inner_commas)
                for index, word in enumerate(part)
            ]
        )
        if part:
            part[-1] = part[-1].rstrip(",")
        while part and part[-1].lower() in TRAILING_COMMON_NOUNS and label != "ORG":
            part = _strip_edges(part[:-1])
        for glued in split_glued(part):
            name = _without_tail(_strip_name(" ".join(glued)))
            if is_name(name) or (label == "ORG" and named_organ(name)):
                names.append(name)
    return names


# What kind of committee or group a word before its head says it is: "Working Group on ..."
COMMITTEE_KINDS = frozenset({"working", "expert", "steering", "organizing", "executive", "standing", "joint"})


def _shape(label: str, pattern: list[dict], name: str) -> dict:
    return {"label": label, "pattern": pattern, "id": f"shape:{name}"}


# "-" and "tech" join words of a name: "Shijiazhuang High-tech Industrial Development Zone"
# (a Korean place's lower-case ending after its hyphen is a word of the name: "Songsan-ri Tomb
# Complex", "Gangwon-do Provincial Office")
_CAPITALISED = {
    # ("Co-operation", "Co-ordination" in older English: "Korea International Co-operation Agency")
    "TEXT": {"REGEX": r"^(?:[A-Z][\w'’.-]*|-|tech|do|si|gun|eup|myeon|dong|ri|operatives?|operation|ordination)$"},
    "IS_STOP": False,
    "OP": "+",
}
# The endings Japanese writes a natural feature's name with, after a hyphen in romanised text
# ("Togo-ike": a pond; "Awaji-shima", "Sado-ga-shima": islands; "Tate-yama", "Asahi-dake":
# mountains; "Kiso-gawa": a river)
JAPANESE_FEATURE_ENDINGS = frozenset({"nada", "misaki", "hama", "ike", "shima", "jima", "yama", "dake", "gawa", "kawa"})
_NAME_WORDS = _CAPITALISED | {"OP": "{1,4}"}  # the words of a name before its head, at most four
# Words of spaCy's stop list that are also nouns of names, so _CAPITALISED takes them: the
# possessive "mine" is the "Mine" of "Korea Mine Reclamation Corporation".
NAME_NOUNS_AMONG_STOP_WORDS = ("mine",)

# Compass words before a country or Siberia name a part of it: "Northeast China" (a macro-region).
COMPASS_WORDS = {
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "northern",
    "southern",
    "eastern",
    "western",
}
COMPASS_REGIONS = {"china", "japan", "mongolia", "russia", "siberia"}  # not Korea: "South Korea" is a country
# Words before "Area" that make a zone of it: "Qinzhou Bonded Port Area", "Wulingyuan Scenic Area".
AREA_WORDS = {"port", "zone", "park", "scenic", "industrial", "development", "tourist", "economic", "protected", "new"}
# Lower-case endings of Korea's local units below a city: neighbourhood, village, town, township,
# district (and a township's and a county's in the older McCune-Reischauer spelling: "Onjong-myon")
KOREAN_UNIT_ENDINGS = {"dong", "ri", "eup", "myeon", "myon", "gu", "gun", "kun"}
# Endings that name a town itself, not a part of it or the county around it: a Korean town
# (eup), township (myeon), village (ri) or neighbourhood (dong), a city (si, shi) and the
# Japanese town and village (cho, machi, mura, son). "Jumunjin-eup" is Jumunjin; "Jung-gu" (a
# city's district) and "Yangyang-gun" (the county of Yangyang town) are not the bare name's.
SAME_TOWN_ENDINGS = frozenset({"eup", "myeon", "myon", "ri", "dong", "si", "shi", "cho", "machi", "mura", "son"})
# ... and a city's, town's, village's or ward's, as Japanese, Korean and Chinese romanise them:
# "Toyama-shi", "Ikuno-cho", "Muika-machi", "Pohang-si", "Laizhou-shi", "Chuo-ku"
TOWN_UNIT_ENDINGS = {"shi", "si", "cho", "machi", "mura", "son", "ku"}
# (a name in title case or two words run together, as Korean's are: "PyeongChang-gun")
_UNIT_NAME = {"TEXT": {"REGEX": r"^[A-Z][a-z]+(?:[A-Z][a-z]+)?$"}}
# The words before "Town" or "Village" that name a kind of one, not a town: "Old Town", "Folk Village"
TOWN_QUALIFIERS = frozenset(
    {"old", "new", "model", "folk", "olympic", "global", "smart", "eco", "ghost", "twin", "sister", "home", "down"}
    | {"china", "korea", "japan", "russia", "mongolia", "culture", "cultural", "tourist", "athletes", "media"}
    | {"ancient", "historic", "science", "techno", "innovation", "port", "resort", "film", "art", "arts", "water"}
)
# Lower-case ends of a Japanese temple's name: "Todai-ji", "Risshaku-ji Temple", "Byodo-in", a
# hermitage's "Unto-an Temple".
TEMPLE_SUFFIXES = {"ji", "dera", "in", "an", "sa"}  # (and Korean's: "Haein-sa", "Bulguk-sa")
# A capitalised word as McCune-Reischauer writes it, with the apostrophe of its aspirates:
# "Hapch'on", "P'ohang" (no title case to Python)
_MCCUNE_REISCHAUER_WORD = {"TEXT": {"REGEX": r"^[A-Z][a-z]*(?:['’][a-z]+)+$"}}
MCCUNE_REISCHAUER_TOWN = "korean town, aspirated"
# ... each apostrophe an aspirate's, after p, t, k or ch and before a vowel (not pinyin's
# "Chang'an", "San'in": the model reads those)
_ASPIRATED_WORD = {"TEXT": {"REGEX": r"^[A-Z][a-z]*(?:(?<=[ptkhPTK])['’](?=[aeiouwy])[a-z]+)+$"}}
# Shapes whose words name a place only where the gazetteer knows the name: a word with an
# apostrophe may be a person's name ("Ch'oe")
# A Korean province as McCune-Reischauer wrote it, aspirates' apostrophes and breves kept, its
# unit after a hyphen: "Ch'ungch'ongbuk-do", "Kyŏngsang-pukto", "P'yŏngan-namdo" (the gazetteer's
# keys fold them; its patterns, matched word by word, do not)
KOREAN_PROVINCE_ENDINGS = {"do", "pukto", "namdo", "bukto"}
_OLD_ROMANISED_WORD = {"TEXT": {"REGEX": r"^(?=.*['’ŏŭ])[A-Z][a-zŏŭ]*(?:['’][a-zŏŭ]+)*$"}}  # (others are patterns)
OLD_ROMANISED_PROVINCE = "korean province, old romanisation"
KNOWN_ONLY_SHAPES = frozenset({f"shape:{MCCUNE_REISCHAUER_TOWN}", f"shape:{OLD_ROMANISED_PROVINCE}"})


@dataclass(frozen=True)
class WordShape:
    """One word whose ending says what kind of place it names, wherever the gazetteer does
    not know it: no body's name is such a word, so the model's organization of that one word
    is the place too. (Or, labelled ORG, the company a word glued from a trade's word is.)"""

    name: str
    pattern: re.Pattern[str]
    endings: tuple[str, ...]  # (a cheap test before the pattern, for every word of the prose)
    label: str

    @property
    def kind(self) -> EntityKind:
        return "organization" if self.label == "ORG" else "place"


# The words Russian companies' names are glued from, in Latin and Cyrillic letters: "Amurenergo",
# "Bureyagesstroy", "Buryatzoloto", "Dalmoreprodukt", "Usolyekhimprom", "Усольехимпром"
_COMPANY_STEMS = (
    ("energo", "stroy", "stroi", "zoloto", "metall", "prom", "neft", "gaz", "ugol", "ryba", "produkt", "flot", "torg"),
    ("энерго", "строй", "золото", "металл", "пром", "нефть", "газ", "уголь", "рыба", "продукт", "флот", "торг"),
)


# A Korean syllable as the Revised Romanization writes it, or McCune-Reischauer without its marks:
# an initial, a vowel and a final ("Hae-in-sa", "Pop-chu-sa", "Ban-byeon-cheon")
_KOREAN_SYLLABLE = (
    r"(?:kk|tt|pp|ss|jj|ch|[gndrlmbsjktph])?"
    r"(?:yae|wae|yeo|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|[aeoui])"
    r"(?:ng|[kntlmpgb])?"
)


def _glued_korean(ending: str, syllables: int) -> re.Pattern[str]:
    """A capitalised word of ``syllables`` Korean syllables or more glued to ``ending``, seven letters at least."""
    return re.compile(rf"(?=[A-Z][a-z]{{6,}}$)(?i:{_KOREAN_SYLLABLE}){{{syllables},}}{ending}")


WORD_SHAPES = (
    # a Russian town by its "-sk": Zabaikalsk, Забайкальск, Lesozavodsk
    WordShape(
        "russian town",
        re.compile(r"[A-Z][a-z]{3,}(?:-[A-Z][a-z]+)*sk|[А-Я][а-я]{3,}(?:-[А-Я][а-я]+)*ск"),
        ("sk", "ск"),
        "GPE",
    ),
    # a Korean or Japanese mountain by its glued "-san" (Seoraksan, Hallasan, Koyasan); the
    # cities of that ending (Busan, Yangsan) are the gazetteer's
    WordShape("glued mountain", re.compile(r"[A-Z][a-z]{3,}san"), ("san",), "LOC"),
    # a Chinese mountain by its glued "-shan" (Songshan, Emeishan), where nothing else took the
    # word: the cities of that ending (Tangshan, Zhongshan) are the gazetteer's, or the model's
    WordShape("glued chinese mountain", re.compile(r"[A-Z][a-z]{2,}shan"), ("shan",), "LOC"),
    # a Japanese island by its glued "-shima" or "-jima" (Daikonshima, Sakurajima), where the
    # gazetteer knows no city of the name (Hiroshima, Fukushima)
    WordShape("glued japanese island", re.compile(r"[A-Z][a-z]{3,}(?:shima|jima)"), ("shima", "jima"), "LOC"),
    # a Korean Buddhist temple by its glued "-sa" (Haeinsa, Bulguksa, Popchusa): the model reads
    # most of them as bodies
    WordShape("glued korean temple", _glued_korean("sa", 2), ("sa",), "FAC"),
    # a Korean stream by its glued "-cheon" after two syllables or more (Banbyeoncheon, Mihocheon);
    # the towns of that ending are mostly of one (Incheon, Jecheon) and the gazetteer's
    WordShape("glued korean stream", _glued_korean("cheon", 2), ("cheon",), "LOC"),
    # a Korean island by its glued "-do" after two syllables or more (Anmyeondo, Wolmido, Hansando)
    WordShape("glued korean island", _glued_korean("do", 2), ("do",), "LOC"),
    # a Russian company by the trade its name is glued from (_COMPANY_STEMS): no place's name ends so
    WordShape(
        "russian company",
        re.compile(
            rf"[A-Z][a-z]{{2,}}(?:{'|'.join(_COMPANY_STEMS[0])})|[А-Я][а-я]{{2,}}(?:{'|'.join(_COMPANY_STEMS[1])})"
        ),
        _COMPANY_STEMS[0] + _COMPANY_STEMS[1],
        "ORG",
    ),
)


@lru_cache(maxsize=NAMES_REMEMBERED)
def word_shape(word: str) -> WordShape | None:
    return next(
        (shape for shape in WORD_SHAPES if word.endswith(shape.endings) and shape.pattern.fullmatch(word)), None
    )


@dataclass(frozen=True)
class NativeForm:
    """How a name written in another script says what kind of place it is, by its last
    characters (CJK, Hangul) or its first or last word (Cyrillic): "伊根町" is a town,
    "坝上草原" a grassland, "гостиница Тайга" a hotel. Given after a Latin name
    ("Ine (伊根町)"), it tells what that name is where the gazetteer does not know it.
    Regions are the gazetteer's, and endings that end bodies' names too are left out
    ("省" is a Japanese ministry, "사" a Korean company, "관" an agency)."""

    name: str
    endings: tuple[str, ...]  # (CJK and Hangul: the name's last characters)
    words: tuple[str, ...]  # (Cyrillic: the name's first or last word, in lower case)
    label: str


def _native(name: str, endings: str, words: str, label: str) -> NativeForm:
    return NativeForm(name, tuple(endings.split()), tuple(words.split()), label)


NATIVE_FORMS = (
    _native("cjk town", "市 町 村 县 縣 镇 鎮 郡 乡 鄉", "", "GPE"),
    # (not "군", a county: it ends "고분군" too, a group of tombs)
    _native("korean town", "시 읍 면", "", "GPE"),
    _native(
        "cjk natural feature",
        "山 岳 川 河 江 湖 島 岛 湾 灣 峡 峽 半島 半岛 草原 沙漠 瀑布 高原 山地 岬 海岸",
        "",
        "LOC",
    ),
    # (a cape, a coast, a rock and its columnar joints: "호미곶", "양남 주상절리")
    _native("korean natural feature", "산 강 호 섬 도 만 늪 해수욕장 폭포 계곡 곶 해안 바위 절리", "", "LOC"),
    # (and ruins and a site: "殷墟", "二里头遗址")
    _native("cjk facility", "寺 神社 宮 宫 城 門 门 陵 館 馆 港 駅 站 楼 樓 塔 廟 庙 橋 桥 墟 遗址 遺址", "", "FAC"),
    _native("korean facility", "항 역 궁 발전소 공원 다리 암각화", "", "FAC"),
    # (and in its cases: "Жаргалант суманд", in Jargalant soum; "Дархан хотоос", from Darkhan city)
    _native("mongolian unit", "", " ".join(sorted(MONGOLIAN_UNIT_WORDS)), "GPE"),
    _native("russian settlement", "", "город село деревня посёлок поселок", "GPE"),
    _native(
        "cyrillic natural feature", "", "озеро река гора остров залив бухта хребет водохранилище нуур уул гол", "LOC"
    ),
    # (ГРЭС and ТЭЦ: a state district power plant and a heat and power plant, "Приморская ГРЭС")
    _native("russian facility", "", "гостиница дворец музей собор монастырь вокзал аэропорт грэс тэц", "FAC"),
)


# The endings that make a body of a name in CJK script or Hangul, by kind of body: a government
# and its offices, a commission, a bank, a university or an institute, an agency, a company, an
# association. (Not a one-character ministry, "部": it ends "东北部", the north-east part.)
NATIVE_BODY_ENDINGS = (
    ("chinese government", ("人民政府", "政府", "办公室", "办事处", "委员会", "事务局", "秘书处", "局", "厅")),
    (
        "chinese institution",
        (
            "大学",
            "学院",
            "研究院",
            "研究所",
            "研究中心",
            "机构",
            "银行",
            "公司",
            "公社",
            "旅行社",
            "集团",
            "协会",
            "联合会",
            "分会",
        ),
    ),
    ("japanese body", ("県庁", "事務局", "機構", "銀行", "大學", "協会", "連合", "株式会社", "委員会", "会議所", "課")),
    ("korean body", ("도청", "시청", "사무국", "위원회", "연구원", "대학교", "협회", "공사", "재단", "은행")),
)
# A word all in CJK characters, kana or Hangul
CJK_OR_HANGUL_WORD = re.compile(rf"[{CJK_OR_HANGUL}]+")

# The endings a place's name in CJK characters or Hangul runs on into to name a facility of the
# place ("二连浩特口岸", Erenhot's port; "新庄駅", Shinjo's station): the place and the ending are
# one name, of the facility, by kind
NATIVE_FACILITY_ENDINGS = (
    ("chinese facility", ("口岸", "港口", "机场", "火车站", "遗址", "国家森林公园", "风景名胜区", "开发区")),
    ("japanese facility", ("駅", "空港", "港", "温泉")),
    ("korean facility", ("역", "공항", "항", "산성")),
    # (Japanese only: in Chinese "川" and "江" start the next name, "中国江苏省")
    ("japanese feature", ("川", "潟")),
    # (a bay, islands, a peninsula, in either script: "富山湾", "隠岐諸島", "山东半岛")
    ("cjk feature", ("湾", "灣", "諸島", "群岛", "半島", "半岛")),
)
_FACILITY_ENDINGS = sorted(
    ((ending, row) for row, endings in NATIVE_FACILITY_ENDINGS for ending in endings),
    key=lambda pair: len(pair[0]),
    reverse=True,
)


# Japanese prose parts its nouns with kana (particles, verbs' endings): a run of kanji between
# them that ends in a feature's or a temple's word names that feature ("八海山のふもと", "雲洞庵を
# 訪れ", "魚野川沿い"), two kanji of its own at least before the ending, by kind
KANJI_FEATURE_ENDINGS = (
    ("mountain", ("山", "岳")),
    ("river", ("川",)),
    ("lake", ("湖",)),
    ("temple", ("寺", "庵")),
    ("shrine", ("神社", "大社")),
)
# ... and the common nouns with those endings, no names ("活火山", "金鉱山", "一級河川", "山寺")
KANJI_FEATURE_NOUNS = (
    *("火山", "鉱山", "登山", "下山", "本山", "氷山", "河川", "寺院", "山寺", "古寺"),
    *("汽水湖", "淡水湖", "人造湖", "火口湖", "湖沼"),  # (a brackish, freshwater, man-made, crater lake)
)
_KANJI = "\u4e00-\u9fff\u3005"  # (with "々", the mark that repeats a kanji: "々")
_KANA = re.compile(r"[\u3040-\u30ff]")
_KANJI_FEATURE = re.compile(
    rf"(?<![{_KANJI}])[{_KANJI}]{{2,6}}?(?:"
    + "|".join(ending for _, endings in KANJI_FEATURE_ENDINGS for ending in sorted(endings, key=len, reverse=True))
    # (a noun's own kanji may follow it before its kana: "魚野川沿い", along the river)
    + rf")(?:(?![{_KANJI}])|(?=沿い))"
)
_FEATURE_ROWS = {ending: row for row, endings in KANJI_FEATURE_ENDINGS for ending in endings}
_FEATURE_ENDINGS_LONGEST_FIRST = sorted(_FEATURE_ROWS, key=len, reverse=True)


def japanese_features(text: str) -> list[tuple[str, str]]:
    """(the name, its row of KANJI_FEATURE_ENDINGS) of each feature a Japanese text names in
    a run of kanji of its own; none in a text without kana (Chinese runs a clause's kanji on)."""
    if _KANA.search(text) is None:
        return []
    found = []
    for match in _KANJI_FEATURE.finditer(text):
        name = match.group()
        if name.endswith(KANJI_FEATURE_NOUNS):
            continue
        ending = next(ending for ending in _FEATURE_ENDINGS_LONGEST_FIRST if name.endswith(ending))
        found.append((name, _FEATURE_ROWS[ending]))
    return found


def facility_ending(rest: str) -> tuple[str, str] | None:
    """(the ending, its row) of NATIVE_FACILITY_ENDINGS the rest of a word after a place's name
    starts with: "口岸建设" after 二连浩特 makes a port of it, "川の" after 阿賀野 a river."""
    return next(((ending, row) for ending, row in _FACILITY_ENDINGS if rest.startswith(ending)), None)


# Korean writes a word's particles on it ("경상북도는", "포항시에서"): what may follow a name in
# its word, by kind, one after another ("에서는")
KOREAN_PARTICLES = (
    ("topic", ("은", "는")),
    ("subject", ("이", "가", "께서")),
    ("object", ("을", "를")),
    ("possessive", ("의",)),
    ("place", ("에서", "에", "에게", "으로", "로")),
    ("company", ("와", "과", "하고", "이랑", "랑")),
    ("limit", ("까지", "부터", "도", "만")),
    ("copula", ("이다", "입니다", "이며")),
)
_PARTICLES = re.compile(
    "(?:" + "|".join(sorted((p for _, particles in KOREAN_PARTICLES for p in particles), key=len, reverse=True)) + ")*"
)


def korean_particles(rest: str) -> bool:
    """Whether the rest of a Korean word after a name is its particles alone ("에서는"), not more
    of a longer name ("산" after 금강 is Kumgangsan's)."""
    return _PARTICLES.fullmatch(rest) is not None


def without_korean_particles(word: str, names: Callable[[str], object]) -> str:
    """A word without the particles after the longest name in it that ``names`` says is one
    ("강원발전연구원은" -> "강원발전연구원"); the word itself where none is."""
    if names(word):
        return word
    return next(
        (word[:cut] for cut in range(len(word) - 1, 0, -1) if korean_particles(word[cut:]) and names(word[:cut])),
        word,
    )


# The endings of a province's or a city's name that open an address written in CJK characters
# or Hangul, its units from the largest, a space between them ("山东省 东营市 垦利县",
# "울산광역시 남구 장생포"): each unit is a name of its own. (Not a name of one place with a space
# in it, "반구대 암각화": its first word is no province nor city.)
NATIVE_ADDRESS_LEADS = (
    ("chinese province or city", ("省", "自治区", "自治區", "市")),
    ("japanese prefecture", ("県", "都", "府", "道")),
    ("korean province or city", ("도", "광역시", "특별시", "특별자치시", "특별자치도", "시")),
)


# An address in CJK characters with its units glued ("山形県最上郡最上町", "内蒙古自治区巴彦淖尔市乌拉特中旗"):
# each unit a name of two characters or more and the ending of a unit of government
# (and a Korean town's in hanja, "倭館邑")
_GLUED_UNIT = re.compile(r".{2,}?(?:自治区|自治區|省|県|府|都|道|市|郡|盟|町|村|区|區|县|縣|旗|镇|鎮|邑)")


def _glued_units(name: str) -> list[str]:
    """The units of an address glued without spaces, if they make the whole of it."""
    units = _GLUED_UNIT.findall(name)
    return units if "".join(units) == name else [name]


# The units below a place in an address run on in CJK prose ("鳥取県東伯郡東郷町において", "在吉林省长春市
# 南关区举行"): a name of two or three characters and a county's, a town's, a village's, a district's or a
# banner's ending, or a city's the gazetteer does not know ("黑龙江省伊春市嘉荫县": not a word that ends in
# one: "区域", a region; "町内", within a town; "市场", a market; nor a word of its kind, "各地区" each
# area, "新校区" a new campus, "园区" a park)
_UNIT_AFTER_PLACE = re.compile(
    r"(?![各全本该該])[\u3400-\u9fff]{2,3}?(?<![地校园園社景城市小山辖轄片新盟部])"
    r"(?:郡|町|村|区|區|县|縣|旗|镇|鎮|乡|邑|市(?![场場民长長政委]))(?![域内內間间])"
)


def units_after_place(rest: str) -> list[str]:
    """The units of an address that follow a place's name in the rest of its word, one after
    another from its start ("東伯郡東郷町において" -> 東伯郡, 東郷町); none where none starts it."""
    units = []
    while (unit := _UNIT_AFTER_PLACE.match(rest)) is not None:
        units.append(unit.group())
        rest = rest[unit.end() :]
    return units


# The units of a Korean address, each a word after its province or city ("전라남도 보성군 벌교읍",
# "경상북도 안동시 도담동"), and the endings of the building it may name after them ("태백산맥문학관에서")
KOREAN_ADDRESS_UNITS = ("시", "군", "구", "읍", "면", "동", "리")
KOREAN_BUILDING_ENDINGS = ("관", "호텔", "회관", "홀", "전당", "공원")
# (a unit's name is short: "해운대구"; not "지역협력기구", a regional body)
KOREAN_UNIT_SYLLABLES_MAX = 4


def native_address(name: str) -> tuple[str, list[str]] | None:
    """(the row of NATIVE_ADDRESS_LEADS, the units) of an address in CJK characters or Hangul;
    None for anything else."""
    # (its words' units glued or not: "黑龙江省牡丹江市宁安市东京城镇 渤海宾馆", the hotel after the town)
    units = [unit for word in name.split() for unit in _glued_units(word)]
    if len(units) < 2 or not all(CJK_OR_HANGUL_WORD.fullmatch(unit) for unit in units):
        return None
    lead = units[0]
    row = next((row for row, endings in NATIVE_ADDRESS_LEADS if lead.endswith(endings) and lead not in endings), None)
    return (row, units) if row else None


# Chinese and Japanese prose has no spaces, so a word of CJK characters can be a clause that ends
# with a body's name ("下午参观了巴彦淖尔市的引黄河灌区和包钢集团", "由庆华集团", "鳥取県東郷町において
# 北東アジア地域自治体連合"): the words that break a clause and are no word of an official name, by
# kind. The name is what follows the last.
CLAUSE_BREAKS = (
    ("aspect particle", tuple("了")),
    ("possessive", tuple("的")),
    ("preposition", tuple("由在把被将")),
    ("japanese case particle", ("において", "における", "にて", "として", "について")),
    # a clause's verb of a meeting or a visit: "...在黑龙江省伊春市嘉荫县召开年度会议" (the county held
    # a meeting, no meeting's name), "代表们参观了嘉荫口岸"
    ("verb", ("召开", "举行", "举办", "承办", "主办", "出席", "参观", "访问", "考察")),
)
# "和", "与", "及" join two bodies in a clause ("...和包钢集团"), and the words of one name too
# ("中国人民争取和平与裁军协会"): a break only in a word that has a break of CLAUSE_BREAKS.
CLAUSE_JOINERS = "和与及"
_CLAUSE_BREAK_WORDS = tuple(word for _, words in CLAUSE_BREAKS for word in words)
_CLAUSE_BREAK_CHARACTERS = "".join(word for word in _CLAUSE_BREAK_WORDS if len(word) == 1)


def clause_end(word: str) -> str:
    """The name a word of CJK characters ends with after the clause it is run on from
    (CLAUSE_BREAKS, then CLAUSE_JOINERS); the word itself where nothing breaks it."""
    start = max(word.rfind(breaker) + len(breaker) if breaker in word else -1 for breaker in _CLAUSE_BREAK_WORDS)
    if start < 0:
        return word
    return word[max(start, *(word.rfind(joiner) + 1 for joiner in CLAUSE_JOINERS)) :]


# The endings of a meeting's name in CJK characters or Hangul ("东北亚旅游论坛", "北東アジア地域自治体
# 会議"): a place named in it is no mention of its own, as in a body's name (NATIVE_BODY_ENDINGS)
NATIVE_EVENT_ENDINGS = (
    *("会議", "フォーラム"),
    *("会议", "會議", "论坛", "論壇", "大会", "博览会", "洽谈会", "研讨会"),
    *("회의", "포럼"),
)
# The endings that make a word of another kind of a country's name: its language ("日本語"), its
# people ("日本人")
NATIVE_WORD_ENDINGS = (("language", ("語", "语")), ("people", ("人",)))
# What ends the part of a word's rest that may belong to a longer name: a clause's break, or kana
# of Japanese grammar ("山形大学医学部の教授", "在二连浩特举办的")
_NAME_RUN_END = re.compile(
    "|".join([*(re.escape(word) for word in sorted(_CLAUSE_BREAK_WORDS, key=len, reverse=True)), "[\u3040-\u309f]"])
)


def after_joiners(text: str) -> str:
    """A clause's last name after the words CLAUSE_JOINERS join: "十四个地方政府以及大图们倡议秘书处" ->
    "大图们倡议秘书处"."""
    return text[max(0, *(text.rfind(joiner) + 1 for joiner in CLAUSE_JOINERS)) :]


def clause_pieces(word: str) -> list[str]:
    """A word of CJK characters parted at its clauses' breaks (CLAUSE_BREAKS, Japanese grammar's
    kana): "东北亚地区地方政府联合会边境合作分科委员会在黑龙江省..." -> the body, the place's clause."""
    return [piece for piece in _NAME_RUN_END.split(word) if piece]


def longer_name(rest: str) -> str | None:
    """What the rest of a word after a place's name makes of it, if it is part of something
    longer: a meeting's name ("旅游论坛开幕" after 东北亚: "event"), a body's ("大学医学部の" after
    山形: "body"), or a word of NATIVE_WORD_ENDINGS ("語" after 日本: "language")."""
    word = next((row for row, endings in NATIVE_WORD_ENDINGS if rest.startswith(endings)), None)
    if word is not None:
        return word
    name = _NAME_RUN_END.split(rest, maxsplit=1)[0]
    if any(ending in name for ending in NATIVE_EVENT_ENDINGS):
        return "event"
    if any(ending in name for _, endings in NATIVE_BODY_ENDINGS for ending in endings):
        return "body"
    return None


# Words that open no body's name, before its ending: "各成员地方政府" (each member's government), "等国际
# 机构" (and other international bodies), "本委员会" (this committee)
NATIVE_DETERMINERS = tuple("各等本该該其诸諸此")
# ... and what names no body before an ending that is a body's generic word: "分科委員会" (a subcommittee),
# "地方政府" (a local government), "事務局" (a secretariat)
NATIVE_GENERIC_STEMS = frozenset(
    {"分科", "地方", "国际", "國際", "国家", "國家", "成员", "成員", "事務", "事务"}
    | {"분과"}  # (Korean's "분과위원회", a subcommittee)
)


def native_body_named(name: str) -> bool:
    """Whether a name of CJK characters or Hangul names a body of its own, not only what kind it is:
    a body's ending (NATIVE_BODY_ENDINGS) after at least two characters of its own that are no
    determiner nor generic word ("山階鳥類研究所", not "事務局", "分科委員会", "各成员地方政府")."""
    stem = _native_stem(name)
    if stem is None or not CJK_OR_HANGUL_WORD.fullmatch(name):
        return False
    return len(stem) >= 2 and not stem.startswith(NATIVE_DETERMINERS) and stem not in NATIVE_GENERIC_STEMS


def _native_stem(name: str) -> str | None:
    """What stands before the longest body's ending (NATIVE_BODY_ENDINGS) a name ends with; None
    where it ends with none."""
    endings = [ending for _, row in NATIVE_BODY_ENDINGS for ending in row if name.endswith(ending)]
    return name[: -len(max(endings, key=len))] if endings else None


def native_generic_body(name: str) -> bool:
    """Whether a name of CJK characters or Hangul is a body's ending after a generic word alone: what
    kind of body, not which ("分科委員会", "분과위원회", a subcommittee; "地方政府", a local government)."""
    return _native_stem(name) in NATIVE_GENERIC_STEMS


def native_body(name: str) -> str | None:
    """The row of NATIVE_BODY_ENDINGS a name of CJK characters or Hangul ends with, if any: it
    names a body ("黄河水利委员会", "충남연구원"); the ending alone names none."""
    if not CJK_OR_HANGUL_WORD.fullmatch(name):
        return None
    return next(
        (row for row, endings in NATIVE_BODY_ENDINGS for ending in endings if name.endswith(ending) and name != ending),
        None,
    )


def native_form(name: str) -> NativeForm | None:
    """The row of NATIVE_FORMS a name in another script matches, if any."""
    words = name.lower().split()
    if not words:
        return None
    return next(
        (
            form
            for form in NATIVE_FORMS
            if (form.endings and name.endswith(form.endings)) or words[0] in form.words or words[-1] in form.words
        ),
        None,
    )


_ALL_HEAD_WORDS = frozenset(word for words in HEAD_WORDS.values() for word in words)


# Whose office or assembly a body is, written as a possessive that is a word of its name:
# "Governor's Office of Dornod Aimag", "Citizens' Representative Khural of Selenge Aimag"
POSSESSIVE_OWNERS = frozenset({"governor", "governors", "mayor", "citizens", "president"})
# People whose plural's apostrophe is a word of a body's name ("Centre for Miners' Health
# Protection", "Mongolian Students' Union"); a body's is not ("Samsung Electronics' Giheung Campus")
PLURAL_HOLDERS = frozenset(
    {"miners", "workers", "students", "farmers", "fishermen", "fishers", "teachers", "veterans", "women", "journalists"}
    | {"writers", "artists", "employers", "entrepreneurs", "peoples", "nations", "citizens", "governors", "pensioners"}
    | {"leaders", "mayors", "parents", "volunteers", "scientists", "doctors"}
)
# The people an organ is of, its name's last words: "Korean National Council of Women", "Union of Youth"
PEOPLE_AN_ORGAN_IS_OF = PLURAL_HOLDERS | {"youth", "children", "elders"}
# (not "people": "Erguna Municipal People's Government" is one name, which the model finds whole)
POSSESSIVE_ENDINGS = frozenset({"'s", "’s", "'", "’"})

# Name shapes the gazetteer cannot list: "<Capitalised words> Lake", "Mount <Name>",
# "<Capitalised words> Museum", "<Capitalised words> Agency".
# Heads that make a name only capitalised: "Jeonju Hanok Village", but "a Nanai village of Achan"
# ("an Aerospace cluster", "the Catholic church", "a Steppe trail" name nothing)
TITLED_HEADS = frozenset(
    {"village", "market", "line", "transit", "church", "stele", "stela", "trail", "cluster", "landscape", "road"}
    # (and a walled town's, written as a word of a longer name too: "Dongnae-eupseong Fortress")
    | {"eupseong"}
)
# A body's or a facility's number: "No. 6", "No 2"
_NUMBER: list[dict[str, Any]] = [{"ORTH": {"IN": ["No", "No.", "№"]}}, {"ORTH": ".", "OP": "?"}, {"LIKE_NUM": True}]
# ... after the words it numbers, where any words may come before it: "Shandong Provincial No. 6"
_NUMBERED: list[dict[str, Any]] = [_CAPITALISED | {"OP": "{0,3}"}, *_NUMBER]
NUMBERED_BODY_HEADS = HEAD_WORDS["organization"] | {"school", "team", "hospital", "brigade", "detachment"}


def _HEAD_IN(words: set[str] | frozenset[str]) -> dict[str, Any]:  # noqa: N802  # (read as a constant's name in the patterns)
    return {"LOWER": {"IN": sorted(words)}, "IS_TITLE": True}


# (with the capitalised words before its head: "Japan Society for the Promotion of Science")
_BODY_FOR: list[dict[str, Any]] = [
    _CAPITALISED | {"OP": "{0,3}"},
    {"LOWER": {"IN": sorted(FOR_TAIL_HEADS)}, "IS_TITLE": True},
    {"LOWER": "for"},
    {"LOWER": "the", "OP": "?"},
]
# (an "of" tail is left to the extension of a body's span: it may be another body's name,
# "Subregional Office for East and North-East Asia of the United Nations Economic and Social ...")
_BODY_FOR_TAILS: tuple[tuple[str, list[dict[str, Any]]], ...] = (
    ("body for", []),
    ("body for, and", [{"LOWER": "and"}, _NAME_WORDS]),
    # the United Nations' region: "Regional Support Office for Asia and the Pacific"
    ("body for, and the Pacific", [{"LOWER": "and"}, {"LOWER": "the"}, {"TEXT": "Pacific"}]),
)
# Words of a ticket before "Pass": "NEAR Tour Pass", "Free Pass"
TICKET_WORDS = frozenset({"tour", "travel", "rail", "bus", "boarding", "free", "day", "city", "tourist", "museum"})
# A name of one capitalised word and the word it ends in, that says what it is: (the shape's
# name, its label, the endings, the words that are no name before them)
_NAMED_BY_ENDING: tuple[tuple[str, str, list[str], frozenset[str]], ...] = (
    # a mountain pass, "Seminsky Pass", "Jiayuguan Pass" (not a ticket: "NEAR Tour Pass")
    ("mountain pass", "LOC", ["Pass"], frozenset(GENERIC_WORDS | TICKET_WORDS)),
    # a burial mound of the steppe by its name, "Salbyk Kurgan" (not the town Kurgan; a word of a
    # town's name after a hyphen, "Kani-Kurgan", is no head)
    ("burial mound", "FAC", ["Kurgan"], frozenset(GENERIC_WORDS)),
    # a Mongolian aimag's district, "Batsumber Soum", and the Sakha Republic's, "Olekminsky Ulus"
    ("soum", "GPE", ["Soum", "Sum", "Ulus"], frozenset(GENERIC_WORDS | _ALL_HEAD_WORDS)),
)
NAME_SHAPES = [
    _shape("LOC", [_CAPITALISED, {"LOWER": {"IN": sorted(HEAD_WORDS["natural"])}, "IS_TITLE": True}], "natural"),
    # a lower-case head after a people's adjective names no feature: "Russian mine engineers"
    _shape(
        "LOC",
        [
            # (nor after a company's leading form: "OJSC Urgalugol mines coal")
            {**_CAPITALISED, "LOWER": {"NOT_IN": sorted(PEOPLES_ADJECTIVES | LEADING_COMPANY_FORMS)}, "OP": "1"},
            _CAPITALISED | {"OP": "{0,3}"},
            {"LOWER": {"IN": sorted(HEAD_WORDS["natural"])}, "IS_LOWER": True},
        ],
        "natural, lower-case head",
    ),
    # (not a field after it: "Forum on Nomadic Heritage and Lake Tourism")
    _shape(
        "LOC",
        [
            # (not "its crater lake Tianchi"; Russian writes its common noun in lower case, "пик Черского")
            {"LOWER": {"IN": sorted(LEADING_NATURAL)}, "TEXT": {"REGEX": "^[^a-z]"}},
            {"IS_TITLE": True, "LOWER": {"NOT_IN": sorted(GENERIC_WORDS)}, "OP": "+"},
        ],
        "leading natural",
    ),
    # ... and a name as McCune-Reischauer writes it, its aspirate's apostrophe no title case to
    # Python: "Mt. T'aehwa"
    _shape(
        "LOC",
        [{"LOWER": {"IN": sorted(LEADING_NATURAL)}, "TEXT": {"REGEX": "^[^a-z]"}}, _MCCUNE_REISCHAUER_WORD],
        "leading natural, aspirated",
    ),
    # a mine or a field named before what it yields: "the Bor-Undur mining field", "Tsairt zinc mine"
    _shape(
        "LOC",
        [
            # (nor after a company's leading form: "OJSC Urgalugol mines coal")
            {**_CAPITALISED, "LOWER": {"NOT_IN": sorted(PEOPLES_ADJECTIVES | LEADING_COMPANY_FORMS)}, "OP": "1"},
            _CAPITALISED | {"OP": "{0,3}"},
            {"LOWER": {"IN": sorted(RESOURCE_WORDS - {"and"})}, "OP": "{1,3}"},
            {"LOWER": {"IN": sorted(RESOURCE_SITES)}},
        ],
        "resource site",
    ),
    _shape("FAC", [_CAPITALISED, {"LOWER": {"IN": sorted(HEAD_WORDS["facility"] - TITLED_HEADS)}}], "facility"),
    _shape(
        "FAC",
        [
            _CAPITALISED | {"OP": "*"},
            # (not a head the word before takes away: "the Silk Road" is the model's to read)
            {**_CAPITALISED, "OP": "1", "LOWER": {"NOT_IN": sorted(word for word, _ in NO_HEAD_AFTER)}},
            {"LOWER": {"IN": sorted(TITLED_HEADS)}, "IS_TITLE": True},
        ],
        "titled facility",
    ),
    # a facility's head of two words, the first a head of its own: "Wunu Mountain City" (not the
    # mountain "Wunu Mountain"), "Selenge Aimag Government House" (not a government). (A body's
    # last word, "Geumgang Estuary Bank", gives the whole span already: its kind is read from both.)
    *(
        _shape(
            "FAC",
            [_CAPITALISED, {"LOWER": first, "IS_TITLE": True}, {"LOWER": last, "IS_TITLE": True}],
            f"facility, {first} {last}",
        )
        for (first, last), kind in sorted(TWO_WORD_HEADS.items())
        # (or a last word that is no head alone: "Misari Regatta Course")
        if kind == "facility"
        and (first in _ALL_HEAD_WORDS or last not in _ALL_HEAD_WORDS)
        and last not in HEAD_WORDS["organization"]
    ),
    # its number is a word of a facility's name: "Thermal Power Plant No. 4"
    _shape(
        "FAC",
        [
            _CAPITALISED,
            {"LOWER": {"IN": sorted(HEAD_WORDS["facility"])}, "IS_TITLE": True},
            {"ORTH": {"IN": ["No", "No."]}},
            {"ORTH": ".", "OP": "?"},
            {"LIKE_NUM": True},
        ],
        "numbered facility",
    ),
    # ... or inside it, before the kind of facility: "Pingdingshan No. 1 Mine", "Kurobe River No. 2 Power Station"
    _shape(
        "FAC",
        [*_NUMBERED, _CAPITALISED | {"OP": "{0,2}"}, _HEAD_IN(HEAD_WORDS["facility"])],
        "facility, numbered inside",
    ),
    # a body numbered as one of its kind: "No. 214 Geological Team", "Dalad Banner No. 1 Middle
    # School", "Aginskoye Secondary School No. 2" (words that are no body's head alone)
    _shape("ORG", [*_NUMBERED, _CAPITALISED | {"OP": "{0,2}"}, _HEAD_IN(NUMBERED_BODY_HEADS)], "body, numbered inside"),
    _shape("ORG", [_CAPITALISED | {"OP": "{0,3}"}, _HEAD_IN(NUMBERED_BODY_HEADS), *_NUMBER], "numbered body"),
    _shape("FAC", [{"LOWER": {"IN": sorted(LEADING_FACILITY)}}, {"IS_TITLE": True, "OP": "+"}], "leading facility"),
    _shape(
        "FAC",
        [
            _NAME_WORDS,
            {"LOWER": "hotel", "IS_TITLE": True},
            {"LOWER": {"IN": ["and", "&"]}},
            {"LOWER": {"IN": sorted(HOTEL_PARTS)}, "IS_TITLE": True},
        ],
        "hotel and",
    ),
    # a town named "Port" and one word ("from Port Baikal to Listvyanka"), not "Port Authority"
    _shape(
        "GPE",
        [{"ORTH": "Port"}, {"IS_TITLE": True, "LOWER": {"NOT_IN": sorted(GENERIC_WORDS | _ALL_HEAD_WORDS)}}],
        "port town",
    ),
    # (bounded: a pattern that opens with _CAPITALISED's "+" is tried at every capitalised word)
    _shape("FAC", [_NAME_WORDS, {"LOWER": {"IN": sorted(AREA_WORDS)}}, {"TEXT": "Area"}], "area"),
    # China's national zones, each named after its city: "Yantai Economic and Technological
    # Development Area" (its "and" is the name's: no other shape goes over one)
    _shape(
        "FAC",
        [
            _NAME_WORDS,
            *({"LOWER": word} for word in ("economic", "and", "technological", "development")),
            {"LOWER": {"IN": ["zone", "area"]}},
        ],
        "development zone",
    ),
    # ... the pilot zones of the 2010s: "China (Heilongjiang) Pilot Free Trade Zone", one for each
    # province so named, and "Changjitu Development and Opening-up Pilot Zone"
    _shape(
        "FAC",
        [
            {"ORTH": "China"},
            {"ORTH": "("},
            {"IS_TITLE": True, "OP": "{1,2}"},
            {"ORTH": ")"},
            *({"LOWER": word} for word in ("pilot", "free", "trade", "zone")),
        ],
        "free trade pilot zone",
    ),
    _shape(
        "FAC",
        [
            _NAME_WORDS,
            *({"LOWER": word} for word in ("development", "and", "opening", "-", "up", "pilot")),
            {"LOWER": {"IN": ["zone", "area"]}},
        ],
        "opening-up pilot zone",
    ),
    _shape(
        "FAC",
        [{"IS_TITLE": True}, {"ORTH": "-"}, {"LOWER": {"IN": sorted(TEMPLE_SUFFIXES)}}, {"LOWER": "temple", "OP": "?"}],
        "temple",
    ),
    _shape("GPE", [_NAME_WORDS, {"LOWER": {"IN": ["oncheon", "onsen"]}}], "spa town"),
    # a Mongolian feature in Cyrillic, its head lower-case after the name: "Булган уул" (not the aimag Булган)
    _shape("LOC", [{"IS_TITLE": True}, {"LOWER": {"IN": sorted(MONGOLIAN_FEATURE_HEADS)}}], "mongolian feature"),
    # a Mongolian sum or city in Cyrillic, its unit lower-case after the name, in any case: "Жаргалант
    # суманд" (in Jargalant sum), "Дархан хотоос" (from Darkhan city)
    # (after a direction word of its name: "Өвөр Байгалийн хязгаар", the krai beyond Baikal)
    _shape(
        "GPE",
        [
            {"LOWER": {"IN": sorted(MONGOLIAN_DIRECTION_WORDS)}, "OP": "?"},
            {"IS_TITLE": True},
            {"LOWER": {"IN": sorted(MONGOLIAN_UNIT_WORDS)}},
        ],
        "mongolian unit",
    ),
    # a Japanese name joined by its lower-case particle "no": "Kehi no Matsubara", "Miho no Matsubara"
    _shape("LOC", [{"IS_TITLE": True}, {"ORTH": "no"}, {"IS_TITLE": True}], "japanese no"),
    # a Korean neighbourhood, township or village by its unit's ending: "Haenggung-dong", "Songsan-ri"
    _shape("GPE", [_UNIT_NAME, {"ORTH": "-"}, {"LOWER": {"IN": sorted(KOREAN_UNIT_ENDINGS)}}], "korean unit"),
    _shape("GPE", [_UNIT_NAME, {"ORTH": "-"}, {"LOWER": {"IN": sorted(TOWN_UNIT_ENDINGS)}}], "town unit"),
    # a Korean or Japanese street by its ending: "Docheong-daero", "Jigok-ro", "Shimoyamate-dori", and
    # with its quarter's name before it, "Nakamachi Komise-dori"
    _shape(
        "FAC",
        [
            {"IS_TITLE": True, "IS_STOP": False, "OP": "?"},
            _UNIT_NAME,
            {"ORTH": "-"},
            {"LOWER": {"IN": sorted(STREET_ENDINGS)}},
        ],
        "street",
    ),
    # ... and by its unit in English, capitalised: "Ama Town", "Nishinoshima Town" (not "Old Town")
    _shape(
        "GPE",
        [
            _UNIT_NAME | {"LOWER": {"NOT_IN": sorted(TOWN_QUALIFIERS | GENERIC_WORDS)}},
            {"ORTH": {"IN": ["Town", "Village"]}},
        ],
        "titled town",
    ),
    # ... a planned research town, whose qualifier is no town's name: "Daedeok Science Town", "Kansai Science City"
    _shape(
        "FAC",
        [
            _UNIT_NAME | {"LOWER": {"NOT_IN": sorted(TOWN_QUALIFIERS | GENERIC_WORDS)}},
            {"ORTH": "Science"},
            {"ORTH": {"IN": ["Town", "City"]}},
        ],
        "science town",
    ),
    # a Japanese agricultural cooperative by its mark before its name: "JA Shimane", "JA Zen-Noh Toyama"
    _shape(
        "ORG",
        [{"ORTH": "JA"}, {"IS_TITLE": True}, {"ORTH": "-", "OP": "?"}, {"IS_TITLE": True, "OP": "*"}],
        "ja cooperative",
    ),
    # a Korean island by its "-do" (島), where no province of that name is known: "Gyodong-do", "Daebu-do"
    _shape("LOC", [_UNIT_NAME, {"ORTH": "-"}, {"LOWER": "do"}], "korean island"),
    _shape(
        "GPE",
        [_MCCUNE_REISCHAUER_WORD, {"ORTH": "-"}, {"LOWER": {"IN": sorted(KOREAN_UNIT_ENDINGS)}}],
        "korean unit, aspirated",
    ),
    # a town or city so written, its romanisation's other spelling: "P'ohang", "Sokch'o" (the
    # gazetteer's Pohang and Sokcho, found without the apostrophes); kept only where the gazetteer
    # knows it (KNOWN_ONLY_SHAPES), "City" after it its own
    _shape("GPE", [_ASPIRATED_WORD, {"ORTH": "City", "OP": "?"}], MCCUNE_REISCHAUER_TOWN),
    _shape(
        "GPE",
        [_OLD_ROMANISED_WORD, {"ORTH": "-"}, {"LOWER": {"IN": sorted(KOREAN_PROVINCE_ENDINGS)}}],
        OLD_ROMANISED_PROVINCE,
    ),
    # a Korean mountain by its "-san" after a hyphen: "Kaya-san", "Chiri-san"
    _shape("LOC", [{"IS_TITLE": True}, {"ORTH": "-"}, {"LOWER": "san"}], "korean mountain"),
    # a Japanese sea, cape, beach or pond by its ending after a hyphen: "Harima-nada", "Ako-misaki",
    # "Kotohiki-hama", "Togo-ike"
    _shape(
        "LOC",
        [{"IS_TITLE": True}, {"ORTH": "-"}, {"LOWER": {"IN": sorted(JAPANESE_FEATURE_ENDINGS)}}],
        "japanese feature",
    ),
    # a sacred cairn and the hill it crowns, a word apart: "Altan Ovoo" (not the soum "Bayan-Ovoo")
    _shape("LOC", [{"TEXT": {"REGEX": r"^[A-Z][a-z]+$"}, "SPACY": True}, {"ORTH": "Ovoo"}], "ovoo"),
    *(
        _shape(
            label,
            [{"IS_TITLE": True, "IS_STOP": False, "LOWER": {"NOT_IN": sorted(not_before)}}, {"ORTH": {"IN": endings}}],
            name,
        )
        for name, label, endings, not_before in _NAMED_BY_ENDING
    ),
    # ... named after a lake or a mountain: "Ugii Nuur Sum", "Bayan Uul Soum" (not the lake "Ugii Nuur")
    _shape(
        "GPE",
        [
            {"IS_TITLE": True, "IS_STOP": False},
            {"LOWER": {"IN": sorted(HEAD_WORDS["natural"])}, "IS_TITLE": True},
            {"ORTH": {"IN": ["Soum", "Sum"]}},
        ],
        "soum named after a feature",
    ),
    _shape("LOC", [{"LOWER": {"IN": sorted(COMPASS_WORDS)}}, {"LOWER": {"IN": sorted(COMPASS_REGIONS)}}], "compass"),
    # a region larger than the place it is named after: "the Greater Altai", "the Greater Tumen region"
    _shape(
        "LOC",
        [{"ORTH": "Greater"}, {"IS_TITLE": True, "LOWER": {"NOT_IN": sorted(GENERIC_WORDS | _ALL_HEAD_WORDS)}}],
        "greater region",
    ),
    # a region named by a compass point and a country or a people: "East Kazakhstan Region"
    _shape(
        "GPE",
        [
            {"LOWER": {"IN": sorted(COMPASS_WORDS)}, "IS_TITLE": True},
            {"IS_TITLE": True, "OP": "{1,2}"},
            {"LOWER": {"IN": sorted(HEAD_WORDS["administrative"] - {"city", "onsen", "oncheon"})}, "IS_TITLE": True},
        ],
        "compass region",
    ),
    # a committee and its field: "Subcommittee on Mining", "Working Group on Agricultural Exchange"
    # (not a date: "the Subcommittee on November 24")
    _shape(
        "ORG",
        [
            {"LOWER": {"IN": sorted(COMMITTEE_KINDS)}, "IS_TITLE": True, "OP": "?"},
            {"LOWER": {"IN": sorted(ON_TAIL_HEADS)}, "IS_TITLE": True},
            {"LOWER": "on"},
            {"TEXT": _CAPITALISED["TEXT"], "IS_STOP": False, "LOWER": {"NOT_IN": sorted(MONTHS)}},
            _CAPITALISED | {"LOWER": {"NOT_IN": sorted(TRAILING_FURNITURE)}, "OP": "{0,3}"},
        ],
        "committee on",
    ),
    # a body and its purpose: "Fund for Peace", "Foundation for the Preservation and Protection
    # of the Przewalski Horse" (a shape for each way the purpose goes on: a pattern's tokens
    # cannot repeat a group; "and the" opens another name)
    *(_shape("ORG", [*_BODY_FOR, _NAME_WORDS, *tail], name) for name, tail in _BODY_FOR_TAILS),
    # an office named by its owner: "the Governor's Office of Tov Province" (its "of" tail is the
    # extension's, as for any body)
    _shape(
        "ORG",
        [
            {"LOWER": {"IN": sorted(POSSESSIVE_OWNERS)}, "IS_TITLE": True},
            {"LOWER": {"IN": sorted(POSSESSIVE_ENDINGS)}},
            _CAPITALISED | {"OP": "{0,2}"},
            {"LOWER": {"IN": sorted(HEAD_WORDS["organization"])}, "IS_TITLE": True},
        ],
        "owner's office",
    ),
    # an organization's head is capitalised: "the Yakutia branch of ..." is no name
    _shape(
        "ORG", [_CAPITALISED, {"LOWER": {"IN": sorted(HEAD_WORDS["organization"])}, "IS_TITLE": True}], "organization"
    ),
]


# --- one key for one feature's spellings --------------------------------------------

# A feature's head word as its own language writes it, and the English one: "Terkhiin
# Tsagaan Nuur" is "Terkhiin Tsagaan Lake", "Izumo Taisha" the "Izumo Grand Shrine".
HEAD_TRANSLATIONS = {
    "nuur": "lake",
    "nuur lake": "lake",
    "gol": "river",
    "uul": "mountain",
    "shan": "mountain",
    "mountains": "mountain",
    "zapovednik": "nature reserve",
    "taisha": "grand shrine",
    "reserve": "nature reserve",  # "Barguzin Reserve" is the Barguzin Nature Reserve
    "marsh": "wetland",  # "Upo Swamp" is "Upo Wetland"
    "swamp": "wetland",
    "nature reserve": "nature reserve",  # (itself: the longest tail is read first, not its "reserve")
    "national nature reserve": "nature reserve",  # "Momoge National Nature Reserve" is "Momoge Reserve"
    # a hydroelectric power plant by its abbreviation ("Bratsk HPP") or its other English words
    "hydroelectric power station": "hpp",
    "hydroelectric power plant": "hpp",
    "hydropower plant": "hpp",
    "hydropower station": "hpp",
    "hydro power plant": "hpp",
    **MONGOLIAN_FEATURE_HEADS,
}
# A name's first word that English also writes before it: "Lake Chao", "Saint Sophia".
LEADING_HEADS = {"lake": "lake", "mount": "mountain", "mt": "mountain", "mt.": "mountain", "peak": "peak"}
# ... and with "of" after it: "Port of Longkou" is "Longkou Port" (a name of one or two words;
# "Port of Tokyo Authority" is a body's)
LEADING_OF_HEADS = {"port": "port"}
ABBREVIATED_WORDS = {"st.": "saint", "st": "saint"}
# Pinyin heads glued to a name before the English one: "Chaohu Lake" is "Lake Chao".
GLUED_HEADS = {
    "lake": ("hu", "ho"),  # Korean "-ho": "Gyeongpoho Lake"
    "mountain": ("shan",),
    "river": ("jiang", "he", "gang", "kawa", "gawa"),  # Japanese "-kawa": "Kinokawa River"
    "bay": ("man",),  # Korean "-man": "Suncheonman Bay"
    # Korean "-sa", Japanese "-ji": "Haein-sa Temple" is Haein-sa (not "-in", which ends "Hand-in" too)
    "temple": tuple(f"-{suffix}" for suffix in sorted(TEMPLE_SUFFIXES - {"in"})),
}
# ... and glued to a name of one word: Korean "-san" is "mountain" ("Seoraksan" is Mount
# Seorak). A Chinese one is as often the city named after its mountain ("Huangshan").
GLUED_ALONE = {"san": "mountain", "gang": "river", "jiang": "river", **dict.fromkeys(GLUED_HEADS["temple"], "temple")}
# ... and glued heads that end cities' names as often ("Huangshan", "Tangshan", and Korean
# "Gyeongpoho", "Suncheonman", "Geojedo"): the feature's only where the record names the
# feature with its head ("Songshan" beside "Mount Song", "Geojedo" beside "Geoje Island").
# (and Japanese: "Daikonshima" beside "Daikon Island", "Togo-ike" beside "Lake Togo")
CONDITIONAL_GLUED = {
    "shima": "island",
    "jima": "island",
    "-ike": "lake",
    "-nada": "sea",
    "-hama": "beach",
    "-gawa": "river",  # "Kiso-gawa" beside "Kiso River"
    "-kawa": "river",
    "-yama": "mountain",  # "Tate-yama" beside "Mount Tate"
    "-dake": "mountain",
    "shan": "mountain",
    "ho": "lake",
    "man": "bay",
    "do": "island",
}


def unglued(word: str, heads: dict[str, str]) -> str | None:
    """A one-word name key as its stem and the English word of the head glued to it
    ("seoraksan" -> "seorak mountain" with GLUED_ALONE), or None where no head of ``heads``
    ends it after a stem of two letters or more."""
    glued = next((suffix for suffix in heads if word.endswith(suffix)), None)
    if glued is None or len(word) <= len(glued) + 1:
        return None
    return f"{word[: -len(glued)].rstrip('-')} {heads[glued]}"  # ("kaya-san" too: "kaya mountain")


def feature_key(key: str) -> str:
    """A lower-case name key with one spelling for a feature's head: its English head word,
    after the name ("lake chao" and "chaohu lake" are "chao lake")."""
    words = [ABBREVIATED_WORDS.get(word, word) for word in key.split()]
    if len(words) > 1 and words[0] in LEADING_HEADS:
        words = [*words[1:], LEADING_HEADS[words[0]]]
    elif 3 <= len(words) <= 4 and words[0] in LEADING_OF_HEADS and words[1] == "of":
        words = [*words[2:], LEADING_OF_HEADS[words[0]]]
    for length in (3, 2, 1):
        tail = " ".join(words[-length:])
        if len(words) > length and tail in HEAD_TRANSLATIONS:
            words = [*words[:-length], HEAD_TRANSLATIONS[tail]]
            break
    if len(words) == 1 and (feature := unglued(words[0], GLUED_ALONE)) is not None:
        words = feature.split()  # "seoraksan" is "Mount Seorak"
    head = words[-1]
    if len(words) > 1:
        for glued in GLUED_HEADS.get(head, ()):
            stem = words[-2]
            if stem.endswith(glued) and len(stem) > len(glued) + 1:
                words[-2] = stem[: -len(glued)]
                break
    return " ".join(words)
