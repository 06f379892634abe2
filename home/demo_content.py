"""The demo site: what `manage.py load_demo_content` puts in an empty installation.

Every text is given in both languages at once as T(latvian, english); the loader builds the
Latvian pages from the first and gives wagtail-localize the second as their translation, so
editors see the English pages as ordinary, synchronised translations.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class T:
    lv: str
    en: str


@dataclass(frozen=True)
class PageRef:
    """A link to another demo page, by its Latvian slug (resolved when the page exists)."""

    slug: str


@dataclass(frozen=True)
class ImageRef:
    key: str


@dataclass(frozen=True)
class DocumentRef:
    key: str


@dataclass(frozen=True)
class TermRef:
    """A taxonomy term (priority area, region, news tag) by its model and slug."""

    model: str
    slug: str


@dataclass
class DemoImage:
    key: str
    title: T
    alt: T
    palette: tuple
    seed: int


@dataclass
class DemoPage:
    slug: T
    title: T
    model: str
    parent: str | None  # Latvian slug of the parent; None: the home page
    fields: dict = field(default_factory=dict)
    show_in_menus: bool = False


CREDIT = "Latvijas Mazpulki"

IMAGES = [
    DemoImage(
        key="camp",
        title=T("Vislatvijas mazpulku nometne", "All-Latvia mazpulki camp"),
        alt=T(
            "Saulains lauks ar zaļiem pakalniem un lielu četrlapu āboliņu vidū",
            "A sunny field with green hills and a large four-leaf clover in the middle",
        ),
        palette=((250, 214, 120), (126, 190, 224), (46, 125, 50), (23, 96, 46)),
        seed=1928,
    ),
    DemoImage(
        key="garden",
        title=T("Projektu dobes", "Project garden beds"),
        alt=T(
            "Dārza dobes rindās ar dažādu krāsu stādiem",
            "Garden beds in rows with seedlings of different colours",
        ),
        palette=((240, 228, 200), (200, 226, 240), (104, 159, 56), (121, 85, 72)),
        seed=1991,
    ),
    DemoImage(
        key="forum",
        title=T("Projektu forums", "Project forum"),
        alt=T(
            "Krāsaini apļi kā jaunieši, kas sapulcējušies ap kopīgu galdu",
            "Colourful circles like young people gathered around a shared table",
        ),
        palette=((255, 243, 208), (244, 197, 66), (23, 96, 46), (26, 86, 219)),
        seed=2021,
    ),
]

STRATEGY_TARGETS = {
    "data": [
        [T("Joma", "Area"), T("Mērķis ik gadu", "Yearly target")],
        [T("Projekti", "Projects"), T("500 mazpulcēnu projekti", "500 members' projects")],
        [
            T("Biedri", "Members"),
            T(
                "+5 % biedru, viens jauns mazpulks katrā reģionā",
                "+5 % members, a new club in every region",
            ),
        ],
        [
            T("Starptautiskā sadarbība", "International cooperation"),
            T(
                "Vismaz 50 jaunieši starptautiskās aktivitātēs",
                "At least 50 youths in international activities",
            ),
        ],
        [
            T("Vietējās iniciatīvas", "Local initiatives"),
            T("20 iniciatīvas savai kopienai", "20 initiatives for the community"),
        ],
        [
            T("Nometne", "Camp"),
            T(
                "Vislatvijas nometne vismaz 300 dalībniekiem",
                "An all-Latvia camp for at least 300 participants",
            ),
        ],
        [
            T("Avīze „Mazpulks”", "Newspaper “Mazpulks”"),
            T("Trīs numuri gadā", "Three issues a year"),
        ],
    ],
    "first_row_is_table_header": True,
    "first_col_is_header": True,
    "table_header_choice": "both",
    "table_caption": T("Stratēģijas galvenie mērķi", "The strategy's main targets"),
}

HOME = {
    "title": T("Latvijas Mazpulki", "Latvijas Mazpulki"),
    "slug": T("home", "home"),
    "search_description": T(
        "Latvijas Mazpulki – bērnu un jauniešu organizācija, kurā 5–25 gadus veci jaunieši "
        "īsteno savus projektus un stiprina savu kopienu.",
        "Latvijas Mazpulki is the Latvian 4-H youth organisation: young people aged 5 to 25 "
        "run their own projects and strengthen their communities.",
    ),
    "hero_heading": T("Labo padarīt vēl labāku", "Making the good even better"),
    "hero_text": T(
        "Vairāk nekā 140 mazpulkos visā Latvijā bērni un jaunieši no 5 līdz 25 gadiem mācās "
        "darot: audzē, pēta, rada un palīdz savai kopienai.",
        "In more than 140 clubs all over Latvia, children and young people aged 5 to 25 learn "
        "by doing: they grow, explore, create and help their communities.",
    ),
    "hero_image": ImageRef("camp"),
    "intro": T(
        "<p>Latvijas Mazpulki ir <b>lielākā un spēcīgākā bērnu un jauniešu organizācija "
        "Latvijā</b>. Mēs veicinām jauniešu radošumu, sadarbību un uzņēmību un stiprinām "
        "vietējās kopienas.</p>",
        "<p>Latvijas Mazpulki is <b>the largest and strongest children's and youth "
        "organisation in Latvia</b>. We foster young people's creativity, cooperation and "
        "enterprise, and strengthen local communities.</p>",
    ),
    "join_heading": T("Pievienojies mazpulkam!", "Join a club!"),
    "join_text": T(
        "Mazpulkā var darboties ikviens no 5 līdz 25 gadiem. Ja tavā pagastā mazpulka nav, "
        "vari pievienoties tiešsaistes mazpulkam.",
        "Anyone aged 5 to 25 can take part. If there is no club in your parish, you can join "
        "the online club.",
    ),
    "join_link_label": T("Kā iestāties", "How to join"),
    "join_page": PageRef("ka-iestaties"),
    "priority_areas_heading": T("Mūsu prioritārās jomas", "Our priority areas"),
    "priority_areas_intro": T(
        "Mazpulcēnu projekti un semināri aptver septiņas jomas, ko nosaka organizācijas "
        "stratēģija 2021.–2027. gadam.",
        "Members' projects and seminars cover seven areas set by the organisation's strategy "
        "for 2021–2027.",
    ),
}

PAGES = [
    DemoPage(
        slug=T("jaunumi", "news"),
        title=T("Jaunumi", "News"),
        model="news.NewsIndexPage",
        parent=None,
        show_in_menus=True,
        fields={
            "search_description": T(
                "Jaunumi no mazpulkiem visā Latvijā.",
                "News from the clubs all over Latvia.",
            ),
            "intro": T(
                "Ko mazpulcēni dara, audzē, pēta un svin visā Latvijā.",
                "What members do, grow, explore and celebrate all over Latvia.",
            ),
        },
    ),
    DemoPage(
        slug=T("pasakumi", "events"),
        title=T("Pasākumi", "Events"),
        model="events.EventIndexPage",
        parent=None,
        show_in_menus=True,
        fields={
            "search_description": T(
                "Mazpulku nometnes, projektu forumi, semināri un citi pasākumi visā Latvijā.",
                "Camps, project forums, seminars and other events of the clubs all over Latvia.",
            ),
            "intro": T(
                "Nometnes, forumi, semināri un talkas: pievienojies!",
                "Camps, forums, seminars and clean-ups: join in!",
            ),
        },
    ),
    DemoPage(
        slug=T("avize-mazpulks", "newspaper-mazpulks"),
        title=T("Avīze „Mazpulks”", "The newspaper “Mazpulks”"),
        model="newspaper.NewspaperIndexPage",
        parent=None,
        show_in_menus=True,
        fields={
            "search_description": T(
                "Mazpulku avīzes „Mazpulks” arhīvs: visi numuri PDF formātā.",
                "The archive of the newspaper “Mazpulks”: every issue as a PDF.",
            ),
            "intro": T(
                "„Mazpulks” iznāk trīs reizes gadā: stāsti par projektiem, nometnēm un cilvēkiem.",
                "“Mazpulks” comes out three times a year: stories of projects, camps and people.",
            ),
        },
    ),
    DemoPage(
        slug=T("par-mums", "about-us"),
        title=T("Par mums", "About us"),
        model="home.ContentPage",
        parent=None,
        show_in_menus=True,
        fields={
            "search_description": T(
                "Kas ir mazpulki, mūsu vīzija, misija un vērtības.",
                "Who the mazpulki are: our vision, mission and values.",
            ),
            "intro": T(
                "Mazpulki ir Latvijas 4-H organizācija: galva, sirds, rokas un veselība.",
                "Mazpulki is Latvia's 4-H organisation: head, heart, hands and health.",
            ),
            "body": [
                {"type": "heading", "value": {"text": T("Vīzija", "Vision"), "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": T(
                        "<p>Latvijas Mazpulki ir lielākā un spēcīgākā bērnu un jauniešu "
                        "organizācija Latvijā.</p>",
                        "<p>Latvijas Mazpulki is the largest and strongest children's and "
                        "youth organisation in Latvia.</p>",
                    ),
                },
                {"type": "heading", "value": {"text": T("Misija", "Mission"), "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": T(
                        "<p>Veicināt un pilnveidot bērnu un jauniešu radošumu, sadarbību un "
                        "uzņēmību, stiprināt vietējās kopienas, labo padarīt vēl labāku.</p>",
                        "<p>To foster and develop the creativity, cooperation and enterprise of "
                        "children and young people, to strengthen local communities, and to make "
                        "the good even better.</p>",
                    ),
                },
                {
                    "type": "image",
                    "value": {
                        "image": {
                            "image": ImageRef("garden"),
                            "decorative": False,
                            "alt_text": T(
                                "Mazpulcēnu projektu dobes pavasarī",
                                "Members' project garden beds in spring",
                            ),
                        },
                        "caption": T(
                            "Projekts sākas ar vienu dobi un lielu apņemšanos.",
                            "A project starts with a single garden bed and a big commitment.",
                        ),
                        "credit": "",
                    },
                },
                {
                    "type": "quote",
                    "value": {
                        "text": T(
                            "Galvu – skaidrai domāšanai, sirdi – lielākai uzticībai, rokas – "
                            "lielākam darbam, veselību – labākai dzīvei.",
                            "My head to clearer thinking, my heart to greater loyalty, my hands "
                            "to larger service, my health to better living.",
                        ),
                        "attribution": T("Mazpulku solījums", "The 4-H pledge"),
                    },
                },
                {
                    "type": "call_to_action",
                    "value": {
                        "heading": T("Gribi darboties?", "Want to take part?"),
                        "text": T(
                            "Uzzini, kā pievienoties mazpulkam savā novadā vai tiešsaistē.",
                            "Find out how to join a club in your municipality or online.",
                        ),
                        "button_label": T("Kā iestāties", "How to join"),
                        "page": PageRef("ka-iestaties"),
                        "url": "",
                    },
                },
            ],
        },
    ),
    DemoPage(
        slug=T("vesture", "history"),
        title=T("Vēsture", "History"),
        model="home.ContentPage",
        parent="par-mums",
        fields={
            "intro": T(
                "Mazpulku kustība Latvijā sākās 1928. gadā un atjaunota 1991. gadā.",
                "The mazpulki movement began in Latvia in 1928 and was restored in 1991.",
            ),
            "body": [
                {
                    "type": "paragraph",
                    "value": T(
                        "<p>Pirmie mazpulki tika dibināti pēc Amerikas 4-H klubu parauga, lai "
                        "lauku jaunieši mācītos saimniekot darot.</p><p>Pēc neatkarības "
                        "atjaunošanas mazpulki atsāka darbu un šodien darbojas visos Latvijas "
                        "reģionos.</p>",
                        "<p>The first clubs were founded on the model of the American 4-H clubs, "
                        "so that rural youths would learn farming by doing.</p><p>After "
                        "independence was restored, the clubs started again and today work in "
                        "every region of Latvia.</p>",
                    ),
                },
                {
                    "type": "table",
                    "value": {
                        "data": [
                            [T("Gads", "Year"), T("Notikums", "Event")],
                            ["1928", T("Dibināti pirmie mazpulki", "The first clubs are founded")],
                            [
                                "1940",
                                T(
                                    "Okupācijas vara aizliedz organizāciju",
                                    "The occupying power bans the organisation",
                                ),
                            ],
                            ["1991", T("Mazpulki atjaunoti", "The clubs are restored")],
                            [
                                "2021",
                                T(
                                    "Pieņemta stratēģija 2021.–2027. gadam",
                                    "The 2021–2027 strategy is adopted",
                                ),
                            ],
                        ],
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_header_choice": "row",
                        "table_caption": T("Svarīgākie gadi", "Milestones"),
                    },
                },
            ],
        },
    ),
    DemoPage(
        slug=T("strategija", "strategy"),
        title=T("Stratēģija 2021–2027", "Strategy 2021–2027"),
        model="home.ContentPage",
        parent="par-mums",
        fields={
            "intro": T(
                "Ko mazpulki apņēmušies paveikt līdz 2027. gadam.",
                "What the mazpulki have committed to achieve by 2027.",
            ),
            "body": [
                {"type": "table", "value": STRATEGY_TARGETS},
                {
                    "type": "accordion",
                    "value": {
                        "heading": T("Stratēģiskie virzieni", "Strategic directions"),
                        "entries": [
                            {
                                "title": T("Iespējas mazpulcēniem", "Opportunities for members"),
                                "body": T(
                                    "<p>Projekti katram bērnam un jaunietim no 5 līdz 25 "
                                    "gadiem, semināri prioritārajās jomās, tiešsaistes "
                                    "mazpulks un mazpulcēnu padome.</p>",
                                    "<p>Projects for every child and young person aged 5 to "
                                    "25, seminars in the priority areas, the online club and "
                                    "the youth council.</p>",
                                ),
                            },
                            {
                                "title": T(
                                    "Iespējas brīvprātīgajiem", "Opportunities for volunteers"
                                ),
                                "body": T(
                                    "<p>Brīvprātīgā darba uzskaite, apbalvojums „Izauguši "
                                    "Latvijai” un motivācijas balvas.</p>",
                                    "<p>Volunteer-hour records, the “Izauguši Latvijai” award "
                                    "and motivation prizes.</p>",
                                ),
                            },
                            {
                                "title": T(
                                    "Iespējas mazpulku vadītājiem", "Opportunities for club leaders"
                                ),
                                "body": T(
                                    "<p>Profesionālās pilnveides semināri, pieredzes apmaiņa un "
                                    "12 stundu kvalifikācijas apliecība ik gadu.</p>",
                                    "<p>Professional development seminars, exchange of "
                                    "experience and a 12-hour qualification certificate every "
                                    "year.</p>",
                                ),
                            },
                        ],
                    },
                },
            ],
        },
    ),
    DemoPage(
        slug=T("kontakti", "contacts"),
        title=T("Kontakti", "Contacts"),
        model="home.ContentPage",
        parent="par-mums",
        fields={
            "intro": T(
                "Raksti vai zvani mazpulku birojam Rīgā.",
                "Write to or call the mazpulki office in Riga.",
            ),
            "body": [
                {
                    "type": "paragraph",
                    "value": T(
                        "<p>Jautājumos par iestāšanos, projektiem un pasākumiem raksti uz "
                        '<a href="mailto:info@mazpulki.lv">info@mazpulki.lv</a>.</p>',
                        "<p>For questions about joining, projects and events, write to "
                        '<a href="mailto:info@mazpulki.lv">info@mazpulki.lv</a>.</p>',
                    ),
                },
            ],
        },
    ),
    DemoPage(
        slug=T("ka-iestaties", "how-to-join"),
        title=T("Kā iestāties", "How to join"),
        model="home.ContentPage",
        parent=None,
        show_in_menus=True,
        fields={
            "search_description": T(
                "Kā bērnam vai jaunietim kļūt par mazpulcēnu.",
                "How a child or young person becomes a member.",
            ),
            "intro": T(
                "Mazpulcēns var kļūt ikviens bērns vai jaunietis no 5 līdz 25 gadiem.",
                "Any child or young person aged 5 to 25 can become a member.",
            ),
            "body": [
                {
                    "type": "paragraph",
                    "value": T(
                        "<ol><li>Atrodi mazpulku savā novadā.</li><li>Sazinies ar mazpulka "
                        "vadītāju.</li><li>Aizpildi pieteikumu kopā ar vecākiem.</li></ol>",
                        "<ol><li>Find a club in your municipality.</li><li>Contact the club's "
                        "leader.</li><li>Fill in the application together with your "
                        "parents.</li></ol>",
                    ),
                },
                {
                    "type": "accordion",
                    "value": {
                        "heading": T("Biežāk uzdotie jautājumi", "Frequently asked questions"),
                        "entries": [
                            {
                                "title": T("Vai dalība maksā?", "Does membership cost anything?"),
                                "body": T(
                                    "<p>Biedra nauda ir neliela, un par to var vienoties ar "
                                    "mazpulka vadītāju.</p>",
                                    "<p>The membership fee is small and can be agreed with the "
                                    "club's leader.</p>",
                                ),
                            },
                            {
                                "title": T(
                                    "Manā pagastā nav mazpulka. Ko darīt?",
                                    "There is no club in my parish. What can I do?",
                                ),
                                "body": T(
                                    "<p>Pievienojies tiešsaistes mazpulkam un piedalies "
                                    "nodarbībās no mājām.</p>",
                                    "<p>Join the online club and take part from home.</p>",
                                ),
                            },
                        ],
                    },
                },
                {
                    "type": "call_to_action",
                    "value": {
                        "heading": T("Jautājumi?", "Questions?"),
                        "text": T(
                            "Mazpulku birojs palīdzēs atrast tuvāko mazpulku.",
                            "The office will help you find the nearest club.",
                        ),
                        "button_label": T("Sazināties", "Contact us"),
                        "page": PageRef("kontakti"),
                        "url": "",
                    },
                },
            ],
        },
    ),
]

ORGANISATION = {
    "organisation_name": "Biedrība „Latvijas Mazpulki”",
    "address": "Rīga, Latvija",
    "email": "info@mazpulki.lv",
    "facebook_url": "https://www.facebook.com/mazpulki",
    "instagram_url": "https://www.instagram.com/mazpulki/",
}
