"""Demo issues of the newspaper "Mazpulks" for `manage.py load_demo_content`."""

from dataclasses import dataclass, field

from home.demo_content import T


@dataclass(frozen=True)
class DemoContentsEntry:
    title: T
    page: int
    summary: T
    article: str | None = (
        None  # Latvian slug of a demo news article (news/demo_content.py), optional
    )


@dataclass
class DemoIssue:
    year: int
    number: int
    date: str  # ISO publication date
    theme: T  # the issue's main theme, shown as its subtitle
    contents: list = field(default_factory=list)  # of DemoContentsEntry


ISSUES = [
    DemoIssue(
        year=2024,
        number=1,
        date="2024-03-06",
        theme=T("Atgriešanās laukos", "Coming back to the countryside"),
        contents=[
            DemoContentsEntry(
                title=T(
                    "Jaunieši, kuri izvēlējās laukus",
                    "Young people who chose the countryside",
                ),
                page=1,
                summary=T(
                    "Trīs bijušie mazpulcēni stāsta, kāpēc pēc studijām atgriezās savā pagastā.",
                    "Three former members explain why they returned to their home parish after "
                    "their studies.",
                ),
            ),
            DemoContentsEntry(
                title=T("Padomi projektu iesācējiem", "Tips for first-time project makers"),
                page=4,
                summary=T(
                    "Kā izvēlēties tēmu, plānot darbu un vest projekta žurnālu jau no pirmās "
                    "dienas.",
                    "How to choose a topic, plan the work and keep a project journal from day one.",
                ),
            ),
            DemoContentsEntry(
                title=T("Mazpulcēnu padome sāk darbu", "The youth council gets to work"),
                page=7,
                summary=T(
                    "Padomes locekļi stāsta, ko apguva apmācībās Rīgā un kādas aptaujas gatavo "
                    "šogad.",
                    "Council members describe what they learned at the training in Riga and the "
                    "surveys they are preparing this year.",
                ),
                article="mazpulcenu-padome-pulcejas-riga",
            ),
            DemoContentsEntry(
                title=T("Vadītāji mācās ārā", "Leaders learn outdoors"),
                page=10,
                summary=T(
                    "Atskats uz ziemas semināru Jelgavā un idejas nodarbībām brīvā dabā.",
                    "A look back at the winter seminar in Jelgava, with ideas for outdoor "
                    "sessions.",
                ),
                article="jaunie-vaditaji-macas-ziemas-seminara-jelgava",
            ),
            DemoContentsEntry(
                title=T("Mazpulku kalendārs pavasarim", "The mazpulki calendar for spring"),
                page=14,
                summary=T(
                    "Semināri, talkas un pieteikšanās termiņi no marta līdz jūnijam.",
                    "Seminars, clean-ups and application deadlines from March to June.",
                ),
            ),
            DemoContentsEntry(
                title=T(
                    "Mīklas un krāsojamā lapa jaunākajiem",
                    "Puzzles and a colouring page for the youngest",
                ),
                page=16,
                summary=T(
                    "Četrlapu āboliņa mīklas un zīmējums, ko izkrāsot kopā ar draugiem.",
                    "Four-leaf clover puzzles and a picture to colour in with friends.",
                ),
            ),
        ],
    ),
    DemoIssue(
        year=2024,
        number=2,
        date="2024-06-14",
        theme=T("Vasara kopā", "A summer together"),
        contents=[
            DemoContentsEntry(
                title=T("Tiešsaistes mazpulks atver durvis", "The online mazpulks opens its doors"),
                page=1,
                summary=T(
                    "Kā pieteikties un darboties mazpulkā, ja tavā pagastā tāda nav.",
                    "How to sign up and take part in a club if there is none in your parish.",
                ),
                article="darbu-sak-tiessaistes-mazpulks",
            ),
            DemoContentsEntry(
                title=T("„Izauguši Latvijai” laureāti", "The “Izauguši Latvijai” winners"),
                page=3,
                summary=T(
                    "Iepazīstinām ar septiņiem brīvprātīgajiem, kuri šogad saņēma apbalvojumu.",
                    "Meet the seven volunteers who received the award this year.",
                ),
                article="izaugusi-latvijai-sanem-septini-brivpratigie",
            ),
            DemoContentsEntry(
                title=T("Ko ņemt līdzi uz nometni Kuldīgā", "What to pack for the camp in Kuldīga"),
                page=6,
                summary=T(
                    "Saraksts un padomi tiem, kuri uz nometni brauc pirmo reizi.",
                    "A checklist and tips for those going to camp for the first time.",
                ),
            ),
            DemoContentsEntry(
                title=T("Dobes Rēzeknes novadā", "Garden beds in the Rēzekne area"),
                page=9,
                summary=T(
                    "Kā mazpulcēni plāno savu pirmo ražu un tās pārdošanu tirgū.",
                    "How members are planning their first harvest and selling it at the market.",
                ),
            ),
            DemoContentsEntry(
                title=T("Vasaras projektu idejas", "Summer project ideas"),
                page=12,
                summary=T(
                    "Desmit vienkārši projekti, ko var sākt jūnijā un pabeigt līdz projektu "
                    "forumam.",
                    "Ten simple projects that can be started in June and finished in time for the "
                    "project forum.",
                ),
            ),
        ],
    ),
    DemoIssue(
        year=2024,
        number=3,
        date="2024-11-15",
        theme=T("Projektu gada raža", "The harvest of the project year"),
        contents=[
            DemoContentsEntry(
                title=T("Projektu forums Jelgavā", "The project forum in Jelgava"),
                page=1,
                summary=T(
                    "Uzvarētāji, žūrijas vērtējumi un 180 projektu kopaina.",
                    "The winners, the jury's verdicts and an overview of 180 projects.",
                ),
                article="projektu-forums-2024-jelgava",
            ),
            DemoContentsEntry(
                title=T("Nometne pie Ventas", "The camp by the Venta"),
                page=4,
                summary=T(
                    "Fotomirkļi un dalībnieku atmiņas no Vislatvijas nometnes Kuldīgā.",
                    "Photos and participants' memories from the all-Latvia camp in Kuldīga.",
                ),
                article="vislatvijas-nometne-kuldiga-2024",
            ),
            DemoContentsEntry(
                title=T("Somijas lauki jauniešu acīm", "Rural Finland through young people's eyes"),
                page=8,
                summary=T(
                    "Valmieras mazpulcēni stāsta par jauniešu apmaiņu un to, ko no tās iemācījās.",
                    "Members from Valmiera talk about the youth exchange and what they learned "
                    "from it.",
                ),
            ),
            DemoContentsEntry(
                title=T("Ezeru pētnieki Latgalē", "Lake researchers in Latgale"),
                page=11,
                summary=T(
                    "Ko parādīja četru Latgales mazpulku rudens ūdens mērījumi.",
                    "What the autumn water measurements by four clubs in Latgale revealed.",
                ),
            ),
            DemoContentsEntry(
                title=T("Ziemas darbi mazpulkā", "Winter activities in the club"),
                page=15,
                summary=T(
                    "Idejas nodarbībām telpās, kad dārzs jau atpūšas.",
                    "Ideas for indoor sessions once the garden is resting.",
                ),
            ),
        ],
    ),
    DemoIssue(
        year=2025,
        number=1,
        date="2025-03-14",
        theme=T("Mazāk, bet gudrāk", "Less, but wiser"),
        contents=[
            DemoContentsEntry(
                title=T("Apģērbam – otrā dzīve", "A second life for clothes"),
                page=1,
                summary=T(
                    "Ko mazpulcēni iemācījās Madonas seminārā par atbildīgu patēriņu.",
                    "What members learned at the seminar on responsible consumption in Madona.",
                ),
                article="madona-seminars-par-atbildigu-paterinu",
            ),
            DemoContentsEntry(
                title=T(
                    "Ko mazpulcēni sagaida no organizācijas",
                    "What members expect from the organisation",
                ),
                page=4,
                summary=T(
                    "Mazpulcēnu padomes aptaujas rezultāti un priekšlikumi valdei.",
                    "The results of the youth council's survey and its proposals to the board.",
                ),
                article="aptauja-mazpulceni-velas-vairak-pargajienu",
            ),
            DemoContentsEntry(
                title=T("Remontdarbnīca mājās", "A repair workshop at home"),
                page=7,
                summary=T(
                    "Kā salabot velosipēdu, rāvējslēdzēju un krēslu, nevis pirkt jaunu.",
                    "How to fix a bicycle, a zip or a chair instead of buying a new one.",
                ),
            ),
            DemoContentsEntry(
                title=T("Jauno žurnālistu skola", "The young journalists' school"),
                page=10,
                summary=T(
                    "Aicinām pieteikties semināru ciklam, kurā mācīsimies rakstīt un fotografēt "
                    "avīzei.",
                    "Sign up for a series of seminars where we will learn to write and take "
                    "photos for the newspaper.",
                ),
            ),
            DemoContentsEntry(
                title=T("Projektu tēmas 2025. gadam", "Project themes for 2025"),
                page=13,
                summary=T(
                    "Trīs šī gada prioritārās projektu tēmas un to nolikumu galvenie noteikumi.",
                    "This year's three priority project themes and the main rules for each.",
                ),
            ),
        ],
    ),
    DemoIssue(
        year=2025,
        number=2,
        date="2025-06-13",
        theme=T("Paši savi saimnieki", "Running things ourselves"),
        contents=[
            DemoContentsEntry(
                title=T("Stādu tirgus Bauskā", "The seedling market in Bauska"),
                page=1,
                summary=T(
                    "Kā mazpulcēni aprēķināja cenas un pārdeva vairāk nekā 600 stādu.",
                    "How members worked out their prices and sold more than 600 seedlings.",
                ),
                article="bauskas-mazpulceni-tirgu-pardod-stadus",
            ),
            DemoContentsEntry(
                title=T("Astoņi „Izauguši Latvijai” laureāti", "Eight “Izauguši Latvijai” winners"),
                page=3,
                summary=T(
                    "Brīvprātīgie, kuri kopā nostrādāja vairāk nekā 1100 stundas, stāsta par savu "
                    "pieredzi.",
                    "The volunteers, who between them put in more than 1,100 hours, talk about "
                    "their experience.",
                ),
                article="izaugusi-latvijai-2025-apbalvoti-astoni-brivpratigie",
            ),
            DemoContentsEntry(
                title=T("Jauno žurnālistu darbi", "Work by the young journalists"),
                page=6,
                summary=T(
                    "Daugavpils jauno žurnālistu skolas labākās intervijas un fotogrāfijas.",
                    "The best interviews and photos from the young journalists' school in "
                    "Daugavpils.",
                ),
            ),
            DemoContentsEntry(
                title=T("Nometne Latgalē tuvojas", "The camp in Latgale is coming"),
                page=10,
                summary=T(
                    "Programma, ceļš līdz Rāznas ezeram un padomi, ko ņemt līdzi.",
                    "The programme, how to get to Lake Rāzna and tips on what to bring.",
                ),
            ),
            DemoContentsEntry(
                title=T("Kā sākt mazo biznesu", "How to start a small business"),
                page=14,
                summary=T(
                    "Jaunas uzņēmējas padomi par pirmo produktu, cenu un pircējiem.",
                    "A young entrepreneur's advice on a first product, pricing and customers.",
                ),
            ),
        ],
    ),
    DemoIssue(
        year=2025,
        number=3,
        date="2025-11-14",
        theme=T("Pētnieki un izgudrotāji", "Researchers and inventors"),
        contents=[
            DemoContentsEntry(
                title=T(
                    "Forums Valmierā: pētnieki un izgudrotāji",
                    "The forum in Valmiera: researchers and inventors",
                ),
                page=1,
                summary=T(
                    "Bišu pētījums, laikapstākļu stacija un citi šī gada labākie projekti.",
                    "A bee study, a weather station and the other best projects of the year.",
                ),
                article="projektu-forums-2025-valmiera",
            ),
            DemoContentsEntry(
                title=T("Nometne pie Rāznas ezera", "The camp by Lake Rāzna"),
                page=5,
                summary=T(
                    "Ozolu aleja, kukaiņu mājas un pirmā reģistrācija ar QR kodiem.",
                    "An avenue of oaks, insect hotels and the first check-in with QR codes.",
                ),
                article="vislatvijas-nometne-rezeknes-novada-2025",
            ),
            DemoContentsEntry(
                title=T("Pieredze no Igaunijas", "Lessons from Estonia"),
                page=8,
                summary=T(
                    "Ko mazpulku vadītāji aizguva no Igaunijas 4-H klubu darba.",
                    "What club leaders took from the work of Estonia's 4-H clubs.",
                ),
            ),
            DemoContentsEntry(
                title=T("Brīvprātīgo nometne Carnikavā", "The volunteers' camp in Carnikava"),
                page=11,
                summary=T(
                    "Rīgas klubiņa jaunie brīvprātīgie un talkas rezultāti Gaujas grīvā.",
                    "The Riga club's new volunteers and the results of the clean-up at the mouth "
                    "of the Gauja.",
                ),
            ),
            DemoContentsEntry(
                title=T("Rudens pārgājienu maršruti", "Autumn hike routes"),
                page=15,
                summary=T(
                    "Pa vienam maršrutam katrā reģionā, ko iesaka mazpulcēnu padome.",
                    "One route in every region, as recommended by the youth council.",
                ),
            ),
        ],
    ),
    DemoIssue(
        year=2026,
        number=1,
        date="2026-03-13",
        theme=T("Pasaule ir tuvāk", "The world is closer"),
        contents=[
            DemoContentsEntry(
                title=T("Ceļš uz jauniešu apmaiņu", "The road to a youth exchange"),
                page=1,
                summary=T(
                    "Kā pieteikties Erasmus+ apmaiņām un ko stāsta tie, kuri tajās jau "
                    "piedalījušies.",
                    "How to apply for Erasmus+ exchanges, and what those who have already taken "
                    "part say.",
                ),
                article="informacijas-diena-par-starptautiskam-iespejam",
            ),
            DemoContentsEntry(
                title=T("Rokasgrāmata top kopā", "Writing the handbook together"),
                page=4,
                summary=T(
                    "Vadītāju seminārs Cēsīs un aicinājums iesūtīt ieteikumus jaunajai "
                    "rokasgrāmatai.",
                    "The leaders' seminar in Cēsis and a call for suggestions for the new "
                    "handbook.",
                ),
                article="vaditaju-seminars-cesis-sabiedriska-zinatne",
            ),
            DemoContentsEntry(
                title=T("Sveiciens no Igaunijas", "Greetings from Estonia"),
                page=7,
                summary=T(
                    "Igaunijas 4-H jaunieši iepazīstina ar sevi pirms kopīgās apmaiņas šovasar.",
                    "Young people from Estonia's 4-H introduce themselves ahead of this summer's "
                    "joint exchange.",
                ),
            ),
            DemoContentsEntry(
                title=T("Nometne Ērgļos: pirmās ziņas", "The camp in Ērgļi: first news"),
                page=10,
                summary=T(
                    "Vislatvijas nometnes tēma, datumi un pieteikšanās kārtība.",
                    "The theme and dates of the all-Latvia camp and how to register.",
                ),
            ),
            DemoContentsEntry(
                title=T("Tiešsaistes mazpulka stāsti", "Stories from the online mazpulks"),
                page=13,
                summary=T(
                    "Jaunieši Latvijā un ārzemēs stāsta, kā darboties mazpulkā no mājām.",
                    "Young people in Latvia and abroad describe taking part in a club from home.",
                ),
            ),
        ],
    ),
    DemoIssue(
        year=2026,
        number=2,
        date="2026-06-12",
        theme=T("Mežs un dārzs", "Forest and garden"),
        contents=[
            DemoContentsEntry(
                title=T("Tējas zīmols no Ludzas", "A tea brand from Ludza"),
                page=1,
                summary=T(
                    "Kā piecu jauniešu komanda no garšaugu dārza veido savu uzņēmumu.",
                    "How a team of five young people is turning a herb garden into a business.",
                ),
                article="ludzas-mazpulceni-veido-savu-tejas-zimolu",
            ),
            DemoContentsEntry(
                title=T(
                    "„Izauguši Latvijai” Jelgavas pilī",
                    "“Izauguši Latvijai” at Jelgava Palace",
                ),
                page=3,
                summary=T(
                    "Iepazīstinām ar deviņiem laureātiem un stāstām, kā ceremonija pirmo reizi "
                    "notika ārpus Rīgas.",
                    "Meet the nine winners and read how the ceremony was held outside Riga for "
                    "the first time.",
                ),
                article="izaugusi-latvijai-apbalvojumi-pasniegti-jelgava",
            ),
            DemoContentsEntry(
                title=T("Mežs – nometnes tēma", "The forest as the camp's theme"),
                page=6,
                summary=T(
                    "Ko dalībnieki kopā ar mežziņiem darīs Ērgļos un kā sagatavoties nometnei.",
                    "What participants will do with the foresters in Ērgļi and how to get ready "
                    "for the camp.",
                ),
            ),
            DemoContentsEntry(
                title=T("Viedais dārzs", "The smart garden"),
                page=9,
                summary=T(
                    "Kā ar vienkāršiem sensoriem uzzināt, kad augiem tiešām vajag ūdeni.",
                    "How simple sensors can tell you when plants really need water.",
                ),
            ),
            DemoContentsEntry(
                title=T("Tiešsaistes mazpulks aug", "The online mazpulks is growing"),
                page=12,
                summary=T(
                    "Divos gados dalībnieku skaits pieaudzis no 18 līdz 60, un jūlijā viņi "
                    "tiksies klātienē.",
                    "In two years membership has grown from 18 to 60, and in July the members "
                    "will meet in person.",
                ),
            ),
            DemoContentsEntry(
                title=T("Vasaras mīklas", "Summer puzzles"),
                page=15,
                summary=T(
                    "Krustvārdu mīkla par mežu un tā iemītniekiem jaunākajiem mazpulcēniem.",
                    "A crossword about the forest and its inhabitants for the youngest members.",
                ),
            ),
        ],
    ),
]
