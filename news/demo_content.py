"""Demo news: what `manage.py load_demo_content` publishes in the news section.

Texts are T(latvian, english); the loader makes the Latvian articles and gives their English
translation to wagtail-localize. Taxonomy is referred to by slug (see home/migrations/0002).
"""

from dataclasses import dataclass, field

from home.demo_content import T


@dataclass(frozen=True)
class DemoTag:
    slug: str
    name: T


@dataclass
class DemoArticle:
    slug: T
    title: T
    date: str  # ISO date, YYYY-MM-DD
    lead: T
    paragraphs: list  # of T: plain-text paragraphs of the body
    priority_areas: list = field(default_factory=list)  # priority-area slugs
    tags: list = field(default_factory=list)  # slugs of TAGS
    region: str | None = None  # region slug
    author: str = ""
    image: str = "camp"  # key of a demo image: camp, garden, forum


TAGS = [
    DemoTag("nometne", T("nometne", "camp")),
    DemoTag("projektu-forums", T("projektu forums", "project forum")),
    DemoTag("brivpratigais-darbs", T("brīvprātīgais darbs", "volunteering")),
    DemoTag("starptautiski", T("starptautiski", "international")),
    DemoTag("darzkopiba", T("dārzkopība", "gardening")),
    DemoTag("apbalvojumi", T("apbalvojumi", "awards")),
    DemoTag("mazpulcenu-padome", T("mazpulcēnu padome", "youth council")),
    DemoTag("vaditaji", T("vadītāji", "leaders")),
    DemoTag("tiessaistes-mazpulks", T("tiešsaistes mazpulks", "online club")),
    DemoTag("seminari", T("semināri", "seminars")),
    DemoTag("vietejas-iniciativas", T("vietējās iniciatīvas", "local initiatives")),
    DemoTag("avize", T("avīze", "newspaper")),
]

ARTICLES = [
    DemoArticle(
        slug=T(
            "jaunie-vaditaji-macas-ziemas-seminara-jelgava",
            "new-leaders-learn-at-winter-seminar-in-jelgava",
        ),
        title=T(
            "Jaunie mazpulku vadītāji mācās ziemas seminārā Jelgavā",
            "New club leaders learn at a winter seminar in Jelgava",
        ),
        date="2024-01-15",
        lead=T(
            "Divu dienu seminārā 24 vadītāji no visas Latvijas apguva neformālās izglītības "
            "metodes darbam ar bērniem un jauniešiem ārā.",
            "At a two-day seminar, 24 leaders from all over Latvia learned non-formal education "
            "methods for working with children and young people outdoors.",
        ),
        paragraphs=[
            T(
                "Seminārā runāja par to, kā dabas vērojumus, spēles un pārgājienus pārvērst par "
                "nodarbībām, kas bērniem paliek atmiņā.",
                "The seminar looked at how nature observation, games and hikes can be turned into "
                "sessions that children remember.",
            ),
            T(
                "Katrs dalībnieks saņēma apliecību par astoņām mācību stundām, kas tiek "
                "ieskaitītas gada 12 stundu kvalifikācijas celšanas programmā.",
                "Each participant received a certificate for eight hours of training, which count "
                "towards the year's 12-hour professional development programme.",
            ),
            T(
                "Nākamais vadītāju seminārs notiks pavasarī Latgalē.",
                "The next leaders' seminar will take place in Latgale in spring.",
            ),
        ],
        priority_areas=["vides-izglitiba"],
        tags=["vaditaji", "seminari"],
        region="zemgale",
        author="Ilze Liepiņa",
        image="forum",
    ),
    DemoArticle(
        slug=T("mazpulcenu-padome-pulcejas-riga", "youth-council-gathers-in-riga"),
        title=T(
            "Mazpulcēnu padome pulcējas uz klātienes apmācībām Rīgā",
            "The youth council gathers in Riga for in-person training",
        ),
        date="2024-02-12",
        lead=T(
            "Padomē šogad darbojas 27 jaunieši vecumā no 14 līdz 25 gadiem; turpmāk viņi tiksies "
            "tiešsaistē reizi divos mēnešos.",
            "This year 27 young people aged 14 to 25 sit on the council; from now on they will "
            "meet online every two months.",
        ),
        paragraphs=[
            T(
                "Apmācību dienā jaunieši mācījās vadīt sanāksmes, sagatavot priekšlikumus un "
                "uzklausīt dažādus viedokļus.",
                "During the training day the young people learned how to chair meetings, draft "
                "proposals and listen to different points of view.",
            ),
            T(
                "Padome vienojās, ka šogad sagatavos trīs aptaujas, lai noskaidrotu, ko "
                "mazpulcēni sagaida no organizācijas.",
                "The council agreed that this year it will prepare three surveys to find out what "
                "members expect from the organisation.",
            ),
        ],
        priority_areas=["pilsoniska-lidzdaliba"],
        tags=["mazpulcenu-padome"],
        region="riga",
        author="Laura Zariņa",
        image="forum",
    ),
    DemoArticle(
        slug=T("iznacis-avizes-mazpulks-pavasara-numurs", "spring-issue-of-mazpulks-is-out"),
        title=T(
            "Iznācis avīzes „Mazpulks” pavasara numurs",
            "The spring issue of the newspaper “Mazpulks” is out",
        ),
        date="2024-03-08",
        lead=T(
            "Šī gada pirmajā numurā – stāsti par jauniešiem, kuri pēc studijām atgriežas laukos, "
            "un padomi projektu iesācējiem.",
            "The first issue of the year features stories of young people returning to the "
            "countryside after their studies and tips for first-time project makers.",
        ),
        paragraphs=[
            T(
                "Avīze iznāk trīs reizes gadā, un to saņem visi mazpulki, kā arī skolas un "
                "bibliotēkas, ar kurām mēs sadarbojamies.",
                "The newspaper comes out three times a year and is sent to every club as well as "
                "to the schools and libraries we work with.",
            ),
            T(
                "Visus numurus var lasīt arī avīzes arhīvā mūsu mājaslapā.",
                "All issues can also be read in the newspaper archive on our website.",
            ),
            T(
                "Rakstus, fotogrāfijas un zīmējumus nākamajam numuram gaidām līdz 1. maijam.",
                "We welcome articles, photos and drawings for the next issue until 1 May.",
            ),
        ],
        priority_areas=["lauku-attistiba"],
        tags=["avize"],
        region=None,
        author="Dace Pētersone",
        image="forum",
    ),
    DemoArticle(
        slug=T(
            "izaugusi-latvijai-sanem-septini-brivpratigie",
            "seven-volunteers-receive-izaugusi-latvijai-award",
        ),
        title=T(
            "Apbalvojumu „Izauguši Latvijai” saņem septiņi brīvprātīgie",
            "Seven volunteers receive the “Izauguši Latvijai” award",
        ),
        date="2024-04-18",
        lead=T(
            "Apbalvojumu pasniedza jauniešiem, kuri gada laikā Mazpulku pasākumos brīvprātīgi "
            "nostrādājuši vairāk nekā 100 stundas.",
            "The award went to young people who had each volunteered more than 100 hours at "
            "mazpulki events during the year.",
        ),
        paragraphs=[
            T(
                "Ceremonija notika Mazpulku birojā Rīgā, kur brīvprātīgos sveica valdes "
                "priekšsēdētāja un viņu mazpulku vadītāji.",
                "The ceremony took place at the mazpulki office in Riga, where the volunteers "
                "were congratulated by the chair of the board and their club leaders.",
            ),
            T(
                "Vēl 23 jaunieši saņēma motivācijas balvu – mazpulku T kreklu ar šī gada dizainu.",
                "Another 23 young people received a motivation prize: a mazpulki T-shirt with "
                "this year's design.",
            ),
        ],
        priority_areas=["pilsoniska-lidzdaliba"],
        tags=["apbalvojumi", "brivpratigais-darbs"],
        region="riga",
        author="Kristaps Vītols",
        image="forum",
    ),
    DemoArticle(
        slug=T(
            "rezeknes-novada-mazpulceni-iestada-projektu-dobes",
            "rezekne-area-members-plant-their-project-beds",
        ),
        title=T(
            "Rēzeknes novada mazpulcēni iestāda projektu dobes",
            "Members in the Rēzekne area plant their project beds",
        ),
        date="2024-05-14",
        lead=T(
            "Četrpadsmit bērni šopavasar audzē dārzeņus pārdošanai, lai rudenī savus ienākumus un "
            "izdevumus parādītu projektu forumā.",
            "This spring fourteen children are growing vegetables for sale so that in autumn they "
            "can present their income and expenses at the project forum.",
        ),
        paragraphs=[
            T(
                "Katram dalībniekam ir sava dobe, kurā aug burkāni, bietes, ķirbji vai zemenes, "
                "un savs projekta žurnāls.",
                "Each participant has a bed of their own, with carrots, beetroot, pumpkins or "
                "strawberries, and their own project journal.",
            ),
            T(
                "Stādus un sēklas palīdzēja sagādāt vietējā zemnieku saimniecība, bet mazpulka "
                "vadītāja bērniem māca plānot darbus katrai nedēļai.",
                "A local farm helped to provide the seedlings and seeds, and the club leader is "
                "teaching the children to plan their work for each week.",
            ),
            T(
                "Pirmo ražu bērni cer pārdot jau jūlijā Rēzeknes tirgū.",
                "The children hope to sell their first harvest at the Rēzekne market as early as "
                "July.",
            ),
        ],
        priority_areas=["uznemejdarbiba-laukos"],
        tags=["darzkopiba"],
        region="latgale",
        author="Sandra Rutkovska",
        image="garden",
    ),
    DemoArticle(
        slug=T("darbu-sak-tiessaistes-mazpulks", "the-online-mazpulks-opens"),
        title=T("Darbu sāk tiešsaistes mazpulks", "The online mazpulks opens"),
        date="2024-06-10",
        lead=T(
            "Jaunieši, kuru pagastā mazpulka nav, tagad var darboties organizācijā no mājām un "
            "tikties ar vienaudžiem tiešsaistē.",
            "Young people with no club in their parish can now take part in the organisation from "
            "home and meet their peers online.",
        ),
        paragraphs=[
            T(
                "Tiešsaistes mazpulks tiksies divas reizes mēnesī, un katrs dalībnieks varēs "
                "īstenot savu projektu tāpat kā jebkurā citā mazpulkā.",
                "The online mazpulks will meet twice a month, and every participant will be able "
                "to carry out a project of their own, just as in any other club.",
            ),
            T(
                "Pirmajā nedēļā pieteicās 18 jaunieši no 11 novadiem, arī divi no latviešu "
                "ģimenēm ārzemēs.",
                "In the first week 18 young people from 11 municipalities signed up, including "
                "two from Latvian families abroad.",
            ),
            T(
                "Vasarā tiešsaistes mazpulka dalībnieki varēs satikties klātienē Vislatvijas "
                "nometnē.",
                "In summer the online club's members will be able to meet in person at the "
                "all-Latvia camp.",
            ),
        ],
        priority_areas=["modernas-tehnologijas", "pilsoniska-lidzdaliba"],
        tags=["tiessaistes-mazpulks"],
        region=None,
        author="Elīna Jansone",
        image="forum",
    ),
    DemoArticle(
        slug=T("vislatvijas-nometne-kuldiga-2024", "all-latvia-camp-in-kuldiga-2024"),
        title=T(
            "Vislatvijas nometnē Kuldīgā – 320 dalībnieki un Ventas rumba",
            "The all-Latvia camp in Kuldīga: 320 participants and the Venta Rapid",
        ),
        date="2024-07-22",
        lead=T(
            "Šī gada nometne pulcēja mazpulcēnus no 96 mazpulkiem, un tās tēma bija ūdens – no "
            "tīrām upēm līdz dzeramajam ūdenim mājās.",
            "This year's camp brought together members from 96 clubs, and its theme was water, "
            "from clean rivers to drinking water at home.",
        ),
        paragraphs=[
            T(
                "Dalībnieki pētīja Ventas ūdens kvalitāti, mācījās atpazīt ūdens "
                "bezmugurkaulniekus un kopā ar vides gidiem sakopa upes krastus.",
                "Participants tested the water quality of the Venta, learned to identify "
                "freshwater invertebrates and cleaned up the riverbanks with environmental guides.",
            ),
            T(
                "Vakaros notika sporta spēles, talantu šovs un tradicionālā mazpulku ugunskura "
                "ceremonija.",
                "In the evenings there were sports games, a talent show and the traditional "
                "mazpulki campfire ceremony.",
            ),
            T("Nākamā gada nometne notiks Latgalē.", "Next year's camp will be held in Latgale."),
        ],
        priority_areas=["vides-izglitiba"],
        tags=["nometne"],
        region="kurzeme",
        author="Mārtiņš Kalniņš",
        image="camp",
    ),
    DemoArticle(
        slug=T(
            "valmieras-mazpulceni-jauniesu-apmaina-somija",
            "valmiera-members-on-youth-exchange-in-finland",
        ),
        title=T(
            "Valmieras mazpulcēni piedalās jauniešu apmaiņā Somijā",
            "Members from Valmiera take part in a youth exchange in Finland",
        ),
        date="2024-08-20",
        lead=T(
            "Desmit jaunieši nedēļu pavadīja Somijas laukos kopā ar vienaudžiem no Rural Youth "
            "Europe dalīborganizācijām.",
            "Ten young people spent a week in rural Finland with peers from Rural Youth Europe "
            "member organisations.",
        ),
        paragraphs=[
            T(
                "Apmaiņas tēma bija jauniešu iespējas palikt laukos: dalībnieki apmeklēja ģimenes "
                "saimniecības, kooperatīvu un lauku skolu.",
                "The exchange focused on young people's opportunities to stay in the countryside: "
                "participants visited family farms, a cooperative and a village school.",
            ),
            T(
                "Pēc atgriešanās jaunieši par savu pieredzi stāstīs rudens informatīvajā pasākumā "
                "par starptautiskajām iespējām.",
                "Back home, the young people will talk about their experience at the autumn "
                "information event on international opportunities.",
            ),
        ],
        priority_areas=["lauku-attistiba"],
        tags=["starptautiski"],
        region="vidzeme",
        author="Rūta Kļaviņa",
        image="camp",
    ),
    DemoArticle(
        slug=T("ludza-mazpulceni-macas-petit-ezerus", "in-ludza-members-learn-to-study-lakes"),
        title=T("Ludzā mazpulcēni mācās pētīt ezerus", "In Ludza, members learn to study lakes"),
        date="2024-09-16",
        lead=T(
            "Sabiedriskās zinātnes seminārā jaunieši apguva, kā mērīt ūdens caurredzamību un "
            "temperatūru un kā datus nodot pētniekiem.",
            "At a citizen science seminar, young people learned how to measure water clarity and "
            "temperature and how to pass their data on to researchers.",
        ),
        paragraphs=[
            T(
                "Praktiskā daļa notika pie Lielā Ludzas ezera, kur dalībnieki ar Seki disku "
                "mērīja, cik dziļi ūdenī var saskatīt.",
                "The practical part took place by Lake Lielais Ludzas, where participants used a "
                "Secchi disc to measure how deep they could see into the water.",
            ),
            T(
                "Līdz oktobra beigām četri Latgales mazpulki mērījumus atkārtos katru nedēļu, un "
                "rezultāti tiks apkopoti kopīgā kartē.",
                "Until the end of October four clubs in Latgale will repeat the measurements "
                "every week, and the results will be brought together on a shared map.",
            ),
        ],
        priority_areas=["sabiedriska-zinatne", "vides-izglitiba"],
        tags=["seminari"],
        region="latgale",
        author="Jānis Krūmiņš",
        image="garden",
    ),
    DemoArticle(
        slug=T("projektu-forums-2024-jelgava", "project-forum-2024-in-jelgava"),
        title=T(
            "Projektu forumā Jelgavā – 180 mazpulcēnu projekti",
            "180 members' projects at the project forum in Jelgava",
        ),
        date="2024-10-26",
        lead=T(
            "Mazpulcēni no visas Latvijas prezentēja šī gada darbus – no dārzeņu audzēšanas līdz "
            "pašu veidotām mobilajām lietotnēm.",
            "Members from all over Latvia presented this year's work, from growing vegetables to "
            "mobile apps they had made themselves.",
        ),
        paragraphs=[
            T(
                "Projektus vērtēja žūrija no Latvijas Biozinātņu un tehnoloģiju universitātes, "
                "pašvaldībām un uzņēmumiem.",
                "The projects were judged by a jury from the Latvia University of Life Sciences "
                "and Technologies, municipalities and businesses.",
            ),
            T(
                "Galveno balvu uzņēmējdarbības kategorijā saņēma mazpulcēns no Bauskas novada, "
                "kurš izaudzēja un pārdeva 400 kilogramus ķirbju.",
                "The main prize in the enterprise category went to a member from Bauska "
                "municipality who grew and sold 400 kilograms of pumpkins.",
            ),
            T(
                "Labāko projektu autori nākamvasar dosies pieredzes braucienā uz Lietuvu.",
                "The authors of the best projects will go on a study trip to Lithuania next "
                "summer.",
            ),
        ],
        priority_areas=["uznemejdarbiba-laukos"],
        tags=["projektu-forums", "apbalvojumi"],
        region="zemgale",
        author="Anna Bērziņa",
        image="forum",
    ),
    DemoArticle(
        slug=T("talsu-mazpulceni-izvieto-putnu-barotavas", "talsi-members-put-up-bird-feeders"),
        title=T(
            "Talsu mazpulcēni izvieto putnu barotavas pilsētas parkos",
            "Members in Talsi put up bird feeders in the town's parks",
        ),
        date="2024-11-25",
        lead=T(
            "Vietējās iniciatīvas laikā bērni izgatavoja 40 barotavas un vienojās ar pašvaldību, "
            "ka ziemā tās regulāri piepildīs.",
            "As a local initiative, the children made 40 feeders and agreed with the municipality "
            "that they would refill them regularly over the winter.",
        ),
        paragraphs=[
            T(
                "Dēļus iniciatīvai ziedoja vietējā kokapstrādes darbnīca, bet galdniecības "
                "pamatus bērniem ierādīja kāda mazpulcēna vectēvs.",
                "A local woodworking shop donated the boards, and one member's grandfather taught "
                "the children the basics of carpentry.",
            ),
            T(
                "Barotavas novietotas pie Talsu un Vilkmuižas ezera un skolu pagalmos.",
                "The feeders have been placed by Lake Talsi and Lake Vilkmuiža and in school "
                "yards.",
            ),
        ],
        priority_areas=["pilsoniska-lidzdaliba"],
        tags=["vietejas-iniciativas"],
        region="kurzeme",
        author="Toms Eglītis",
        image="garden",
    ),
    DemoArticle(
        slug=T(
            "madona-seminars-par-atbildigu-paterinu",
            "madona-seminar-on-responsible-consumption",
        ),
        title=T(
            "Madonā seminārs par atbildīgu patēriņu: apģērbam – otrā dzīve",
            "Responsible consumption seminar in Madona: a second life for clothes",
        ),
        date="2025-01-20",
        lead=T(
            "Trīsdesmit mazpulcēni mācījās labot, pārveidot un mainīt apģērbu, lai mazāk pirktu "
            "un mazāk izmestu.",
            "Thirty members learned to mend, remake and swap clothes so as to buy less and throw "
            "away less.",
        ),
        paragraphs=[
            T(
                "Darbnīcās jaunieši šuva iepirkumu maisiņus no vecām džinsu biksēm un uzzināja, "
                "cik daudz ūdens vajag viena T krekla ražošanai.",
                "In the workshops the young people sewed shopping bags from old jeans and found "
                "out how much water it takes to make a single T-shirt.",
            ),
            T(
                "Semināra noslēgumā notika apģērbu maiņas tirdziņš, un nepaņemtās drēbes tika "
                "nodotas Madonas labdarības veikalam.",
                "The seminar ended with a clothes swap, and the clothes nobody took were given to "
                "a charity shop in Madona.",
            ),
        ],
        priority_areas=["atbildigs-paterins"],
        tags=["seminari"],
        region="vidzeme",
        author="Liene Ābola",
        image="forum",
    ),
    DemoArticle(
        slug=T("aptauja-mazpulceni-velas-vairak-pargajienu", "survey-members-want-more-hikes"),
        title=T(
            "Aptauja: mazpulcēni vēlas vairāk pārgājienu un starptautisku tikšanos",
            "Survey: members want more hikes and international meetings",
        ),
        date="2025-02-17",
        lead=T(
            "Mazpulcēnu padomes aptaujā piedalījās 412 jaunieši, un tās rezultāti palīdzēs plānot "
            "šī gada pasākumus.",
            "A total of 412 young people took part in the youth council's survey, and its results "
            "will help to plan this year's events.",
        ),
        paragraphs=[
            T(
                "Gandrīz puse aptaujāto vēlas vairāk pasākumu brīvā dabā, bet katrs trešais "
                "gribētu piedalīties jauniešu apmaiņā ārzemēs.",
                "Almost half of those surveyed want more outdoor events, and one in three would "
                "like to take part in a youth exchange abroad.",
            ),
            T(
                "Padome rezultātus prezentēja valdei un ierosināja rīkot rudens pārgājienu katrā "
                "reģionā.",
                "The council presented the results to the board and proposed holding an autumn "
                "hike in every region.",
            ),
        ],
        priority_areas=["pilsoniska-lidzdaliba"],
        tags=["mazpulcenu-padome"],
        region=None,
        author="Laura Zariņa",
        image="forum",
    ),
    DemoArticle(
        slug=T(
            "daugavpili-sakas-jauno-zurnalistu-skola",
            "young-journalists-school-starts-in-daugavpils",
        ),
        title=T(
            "Daugavpilī sākas jauno žurnālistu skola avīzei „Mazpulks”",
            "A young journalists' school for the newspaper “Mazpulks” starts in Daugavpils",
        ),
        date="2025-03-17",
        lead=T(
            "Semināru ciklā jaunieši mācās rakstīt ziņas, intervēt un fotografēt ar telefonu, lai "
            "paši veidotu saturu avīzei un sociālajiem tīkliem.",
            "In a series of seminars young people are learning to write news, interview and take "
            "photos with a phone so that they can create content for the newspaper and social "
            "media themselves.",
        ),
        paragraphs=[
            T(
                "Pirmajā nodarbībā dalībnieki intervēja cits citu, bet otrajā mācījās apstrādāt "
                "fotogrāfijas un rakstīt tām parakstus.",
                "In the first session the participants interviewed one another, and in the second "
                "they learned to edit photos and write captions for them.",
            ),
            T(
                "Labākie skolas dalībnieku darbi tiks publicēti avīzes jūnija numurā.",
                "The best work by the school's participants will be published in the newspaper's "
                "June issue.",
            ),
        ],
        priority_areas=["modernas-tehnologijas"],
        tags=["avize", "seminari"],
        region="latgale",
        author="Ināra Kokina",
        image="forum",
    ),
    DemoArticle(
        slug=T(
            "izaugusi-latvijai-2025-apbalvoti-astoni-brivpratigie",
            "izaugusi-latvijai-2025-eight-volunteers-honoured",
        ),
        title=T(
            "„Izauguši Latvijai” 2025: apbalvoti astoņi brīvprātīgie",
            "“Izauguši Latvijai” 2025: eight volunteers honoured",
        ),
        date="2025-04-14",
        lead=T(
            "Šogad apbalvojumu saņēma arī divi jaunieši no tiešsaistes mazpulka, kuri palīdzēja "
            "organizēt attālinātās nodarbības.",
            "This year the award also went to two young people from the online mazpulks who "
            "helped to run its remote sessions.",
        ),
        paragraphs=[
            T(
                "Astoņi laureāti pagājušajā gadā kopā brīvprātīgi nostrādāja vairāk nekā 1100 "
                "stundas nometnēs, talkās un projektu forumā.",
                "Between them, last year the eight winners volunteered more than 1,100 hours at "
                "camps, clean-ups and the project forum.",
            ),
            T(
                "Pirmo reizi brīvprātīgā darba stundas tika uzskaitītas elektroniski, un vadītāji "
                "tās apstiprināja mazpulku platformā.",
                "For the first time volunteer hours were recorded electronically, and the leaders "
                "confirmed them on the mazpulki platform.",
            ),
        ],
        priority_areas=["pilsoniska-lidzdaliba"],
        tags=["apbalvojumi", "brivpratigais-darbs", "tiessaistes-mazpulks"],
        region="riga",
        author="Kristaps Vītols",
        image="forum",
    ),
    DemoArticle(
        slug=T(
            "bauskas-mazpulceni-tirgu-pardod-stadus",
            "bauska-members-sell-seedlings-at-the-market",
        ),
        title=T(
            "Bauskas mazpulcēni tirgū pārdod pašu audzētus stādus",
            "Members in Bauska sell seedlings they have grown at the market",
        ),
        date="2025-05-19",
        lead=T(
            "Pavasara tirgū jaunieši pārdeva vairāk nekā 600 tomātu, piparu un garšaugu stādu, un "
            "ienākumi paliek viņu projektu budžetā.",
            "At the spring market the young people sold more than 600 tomato, pepper and herb "
            "seedlings, and the income stays in their project budget.",
        ),
        paragraphs=[
            T(
                "Stādus bērni audzēja kopš marta skolas siltumnīcā un paši aprēķināja pašizmaksu "
                "un cenu.",
                "The children had been growing the seedlings in the school greenhouse since March "
                "and worked out the cost price and selling price themselves.",
            ),
            T(
                "Pircējiem viņi iedeva arī pašu sagatavotus padomus par stādu kopšanu.",
                "They also gave buyers care tips they had written themselves.",
            ),
        ],
        priority_areas=["uznemejdarbiba-laukos"],
        tags=["darzkopiba"],
        region="zemgale",
        author="Edgars Siliņš",
        image="garden",
    ),
    DemoArticle(
        slug=T("brivpratigo-nometne-carnikava", "volunteers-camp-in-carnikava"),
        title=T(
            "Brīvprātīgo nometnē Carnikavā – talka un komandas saliedēšana",
            "A clean-up and team building at the volunteers' camp in Carnikava",
        ),
        date="2025-06-16",
        lead=T(
            "Rīgas klubiņa brīvprātīgie trīs dienas gatavojās vasaras pasākumiem un sakopa Gaujas "
            "grīvas pludmali.",
            "For three days the Riga club's volunteers prepared for the summer events and cleaned "
            "up the beach at the mouth of the Gauja.",
        ),
        paragraphs=[
            T(
                "Talkā savāktos atkritumus jaunieši sašķiroja un saskaitīja: visvairāk bija "
                "plastmasas pudeļu un izsmēķu.",
                "The young people sorted and counted the rubbish collected during the clean-up: "
                "plastic bottles and cigarette butts were the most common.",
            ),
            T(
                "Nometnē komandai pievienojās septiņi jauni brīvprātīgie, kuri vasarā palīdzēs "
                "Vislatvijas nometnē.",
                "Seven new volunteers joined the team at the camp, and they will help at the "
                "all-Latvia camp in summer.",
            ),
        ],
        priority_areas=["atbildigs-paterins"],
        tags=["brivpratigais-darbs", "nometne"],
        region="riga",
        author="Elīna Jansone",
        image="camp",
    ),
    DemoArticle(
        slug=T(
            "vislatvijas-nometne-rezeknes-novada-2025",
            "all-latvia-camp-in-the-rezekne-area-2025",
        ),
        title=T(
            "Vislatvijas nometne Rēzeknes novadā iepazīstina ar Latgales laukiem",
            "The all-Latvia camp in the Rēzekne area introduces Latgale's countryside",
        ),
        date="2025-07-21",
        lead=T(
            "Nometnē pie Rāznas ezera piedalījās 340 mazpulcēni, vadītāji un brīvprātīgie no "
            "visiem pieciem reģioniem.",
            "A total of 340 members, leaders and volunteers from all five regions took part in "
            "the camp by Lake Rāzna.",
        ),
        paragraphs=[
            T(
                "Dalībnieki apmeklēja keramiķu darbnīcas un bioloģiskās saimniecības un uzzināja, "
                "kā Latgales jaunieši paši veido savus uzņēmumus.",
                "Participants visited potters' workshops and organic farms and learned how young "
                "people in Latgale are setting up businesses of their own.",
            ),
            T(
                "Vides darbnīcās jaunieši izgatavoja kukaiņu mājas un iestādīja ozolu aleju "
                "nometnes vietā.",
                "In the environmental workshops the young people built insect hotels and planted "
                "an avenue of oaks at the campsite.",
            ),
            T(
                "Pirmo reizi dalībnieku reģistrācija notika ar personīgajiem QR kodiem.",
                "For the first time participants were checked in with their personal QR codes.",
            ),
        ],
        priority_areas=["lauku-attistiba", "vides-izglitiba"],
        tags=["nometne"],
        region="latgale",
        author="Mārtiņš Kalniņš",
        image="camp",
    ),
    DemoArticle(
        slug=T("vaditaji-iepazist-igaunijas-4h-klubus", "leaders-get-to-know-estonias-4h-clubs"),
        title=T(
            "Mazpulku vadītāji pieredzes braucienā iepazīst Igaunijas 4-H klubus",
            "Club leaders get to know Estonia's 4-H clubs on a study trip",
        ),
        date="2025-08-25",
        lead=T(
            "Divdesmit vadītāji četras dienas viesojās pie Igaunijas kolēģiem un iepazina viņu "
            "darbu ar lauku jauniešiem.",
            "Twenty leaders spent four days with their Estonian colleagues, learning about their "
            "work with rural young people.",
        ),
        paragraphs=[
            T(
                "Vadītāji apmeklēja 4-H nometnes un klubus Tartu un Vīlandes apkārtnē, kur "
                "jaunieši paši vada savus projektus.",
                "The leaders visited 4-H camps and clubs around Tartu and Viljandi, where young "
                "people run their own projects.",
            ),
            T(
                "Kopā ar igauņu kolēģiem tika izstrādāta ideja kopīgai jauniešu apmaiņai 2026. "
                "gadā.",
                "Together with their Estonian colleagues, they worked out an idea for a joint "
                "youth exchange in 2026.",
            ),
        ],
        priority_areas=["lauku-attistiba"],
        tags=["vaditaji", "starptautiski"],
        region=None,
        author="Ilze Liepiņa",
        image="camp",
    ),
    DemoArticle(
        slug=T("projektu-forums-2025-valmiera", "project-forum-2025-in-valmiera"),
        title=T(
            "Projektu forumā Valmierā uzvar laikapstākļu stacija un bišu pētījums",
            "A weather station and a bee study win at the project forum in Valmiera",
        ),
        date="2025-10-25",
        lead=T(
            "Šī gada forumā savus darbus prezentēja 210 mazpulcēni, un pirmo reizi lielākā daļa "
            "projektu tika pieteikta un iesniegta tiešsaistē.",
            "At this year's forum 210 members presented their work, and for the first time most "
            "projects were applied for and submitted online.",
        ),
        paragraphs=[
            T(
                "Galveno balvu sabiedriskās zinātnes kategorijā saņēma Smiltenes mazpulks, kas "
                "visu gadu skaitīja savvaļas bites pļavās.",
                "The main prize in the citizen science category went to a club from Smiltene that "
                "counted wild bees in meadows throughout the year.",
            ),
            T(
                "Tehnoloģiju kategorijā uzvarēja trīs Valmieras jaunieši, kuri no "
                "mikrokontrolleriem uzbūvēja skolas laikapstākļu staciju.",
                "The technology category was won by three young people from Valmiera who built a "
                "weather station for their school from microcontrollers.",
            ),
        ],
        priority_areas=["sabiedriska-zinatne", "modernas-tehnologijas"],
        tags=["projektu-forums"],
        region="vidzeme",
        author="Anna Bērziņa",
        image="forum",
    ),
    DemoArticle(
        slug=T(
            "kuldigas-mazpulceni-stada-kokus-ventas-krasta",
            "kuldiga-members-plant-trees-by-the-venta",
        ),
        title=T(
            "Kuldīgas mazpulcēni stāda kokus Ventas krastā",
            "Members in Kuldīga plant trees on the banks of the Venta",
        ),
        date="2025-11-24",
        lead=T(
            "Vietējās iniciatīvas ietvaros jaunieši kopā ar vecākiem un pašvaldības dārzniekiem "
            "iestādīja 60 melnalkšņus un vītolus.",
            "As part of a local initiative, the young people planted 60 black alders and willows "
            "together with their parents and the municipality's gardeners.",
        ),
        paragraphs=[
            T(
                "Koki nostiprinās krastu vietā, kur upe pavasara palos ik gadu izskalo zemi.",
                "The trees will strengthen the bank at a spot where the river washes soil away in "
                "the spring floods every year.",
            ),
            T(
                "Iniciatīvas ideja radās pēc vasaras nometnes, kurā bērni mācījās par upju "
                "aizsardzību.",
                "The idea for the initiative came after the summer camp, where the children "
                "learned about protecting rivers.",
            ),
        ],
        priority_areas=["vides-izglitiba"],
        tags=["vietejas-iniciativas"],
        region="kurzeme",
        author="Toms Eglītis",
        image="garden",
    ),
    DemoArticle(
        slug=T(
            "vaditaju-seminars-cesis-sabiedriska-zinatne",
            "leaders-seminar-in-cesis-on-citizen-science",
        ),
        title=T(
            "Vadītāju seminārā Cēsīs – sabiedriskā zinātne un jaunā rokasgrāmata",
            "Citizen science and the new handbook at the leaders' seminar in Cēsis",
        ),
        date="2026-01-19",
        lead=T(
            "Trīsdesmit pieci mazpulku vadītāji mācījās, kā kopā ar bērniem iesaistīties īstos "
            "pētījumos, un iepazina jaunās rokasgrāmatas pirmās nodaļas.",
            "Thirty-five club leaders learned how to take part in real research together with "
            "children and looked at the first chapters of the new handbook.",
        ),
        paragraphs=[
            T(
                "Zinātnieki stāstīja par novērojumu projektiem, kuros bērnu savāktie dati par "
                "putniem, augiem un laikapstākļiem noder pētniekiem.",
                "Scientists talked about observation projects in which the data children collect "
                "on birds, plants and the weather is useful to researchers.",
            ),
            T(
                "Rokasgrāmatu plānots pabeigt līdz 2027. gadam, un vadītāji savus ieteikumus var "
                "iesūtīt līdz martam.",
                "The handbook is due to be finished by 2027, and leaders can send in their "
                "suggestions until March.",
            ),
            T(
                "Seminārs ilga divas dienas un tiek ieskaitīts vadītāju kvalifikācijas celšanas "
                "stundās.",
                "The seminar lasted two days and counts towards the leaders' professional "
                "development hours.",
            ),
        ],
        priority_areas=["sabiedriska-zinatne"],
        tags=["vaditaji", "seminari"],
        region="vidzeme",
        author="Dace Pētersone",
        image="forum",
    ),
    DemoArticle(
        slug=T(
            "informacijas-diena-par-starptautiskam-iespejam",
            "information-day-on-international-opportunities",
        ),
        title=T(
            "Informācijas dienā Rīgā – iespējas doties apmaiņā un brīvprātīgajā darbā ārzemēs",
            "Information day in Riga on exchanges and volunteering abroad",
        ),
        date="2026-02-16",
        lead=T(
            "Jaunieši uzzināja par Erasmus+ jauniešu apmaiņām, Eiropas Solidaritātes korpusu un "
            "Rural Youth Europe pasākumiem.",
            "Young people found out about Erasmus+ youth exchanges, the European Solidarity Corps "
            "and Rural Youth Europe events.",
        ),
        paragraphs=[
            T(
                "Savā pieredzē dalījās mazpulcēni, kuri pērn piedalījās apmaiņās Somijā, Igaunijā "
                "un Īrijā.",
                "Members who took part in exchanges in Finland, Estonia and Ireland last year "
                "shared their experience.",
            ),
            T(
                "Pasākumu varēja skatīties arī tiešraidē, un tā ieraksts ir pieejams mūsu "
                "mājaslapā.",
                "The event was also streamed live, and its recording is available on our website.",
            ),
            T(
                "Nākamā informācijas diena notiks rudenī Kurzemē.",
                "The next information day will be held in Kurzeme in autumn.",
            ),
        ],
        priority_areas=["pilsoniska-lidzdaliba"],
        tags=["starptautiski", "seminari"],
        region="riga",
        author="Rūta Kļaviņa",
        image="forum",
    ),
    DemoArticle(
        slug=T(
            "sakusies-pieteiksanas-vislatvijas-nometnei-2026",
            "registration-opens-for-all-latvia-camp-2026",
        ),
        title=T(
            "Sākusies pieteikšanās Vislatvijas nometnei Ērgļos",
            "Registration opens for the all-Latvia camp in Ērgļi",
        ),
        date="2026-03-16",
        lead=T(
            "Nometne notiks no 13. līdz 17. jūlijam, un mazpulki savus dalībniekus var pieteikt "
            "līdz 15. maijam.",
            "The camp will take place from 13 to 17 July, and clubs can register their "
            "participants until 15 May.",
        ),
        paragraphs=[
            T(
                "Šī gada nometnes tēma ir mežs: kopā ar mežziņiem dalībnieki pētīs Ērgļu "
                "apkārtnes mežus un mācīsies tos saudzēt.",
                "This year's camp theme is the forest: together with foresters, participants will "
                "explore the forests around Ērgļi and learn how to look after them.",
            ),
            T(
                "Dalības maksu ģimenēm palīdz segt pašvaldības un atbalstītāji, tāpēc neviens "
                "nepaliks malā naudas dēļ.",
                "Municipalities and supporters help families with the participation fee, so no "
                "one will be left out because of money.",
            ),
            T(
                "Pieteikšanās notiek mazpulku platformā, un katram dalībniekam būs vajadzīga "
                "personīgā QR karte.",
                "Registration is on the mazpulki platform, and each participant will need their "
                "personal QR card.",
            ),
        ],
        priority_areas=["vides-izglitiba"],
        tags=["nometne"],
        region="vidzeme",
        author="Anna Bērziņa",
        image="camp",
    ),
    DemoArticle(
        slug=T(
            "izaugusi-latvijai-apbalvojumi-pasniegti-jelgava",
            "izaugusi-latvijai-awards-presented-in-jelgava",
        ),
        title=T(
            "„Izauguši Latvijai” apbalvojumi šogad pasniegti Jelgavā",
            "This year's “Izauguši Latvijai” awards presented in Jelgava",
        ),
        date="2026-04-20",
        lead=T(
            "Apbalvojumu saņēma deviņi brīvprātīgie, bet motivācijas balvas – vēl 31 jaunietis no "
            "19 mazpulkiem.",
            "Nine volunteers received the award, and another 31 young people from 19 clubs "
            "received motivation prizes.",
        ),
        paragraphs=[
            T(
                "Ceremonija pirmo reizi notika ārpus Rīgas – Jelgavas pilī, kur brīvprātīgos "
                "sveica arī pašvaldības pārstāvji.",
                "For the first time the ceremony was held outside Riga, at Jelgava Palace, where "
                "representatives of the municipality also congratulated the volunteers.",
            ),
            T(
                "Vairāki laureāti ir bijušie mazpulcēni, kuri tagad paši vada nodarbības "
                "jaunākajiem.",
                "Several of the winners are former members who now run activities for younger "
                "children themselves.",
            ),
        ],
        priority_areas=["pilsoniska-lidzdaliba"],
        tags=["apbalvojumi", "brivpratigais-darbs"],
        region="zemgale",
        author="Kristaps Vītols",
        image="forum",
    ),
    DemoArticle(
        slug=T(
            "ludzas-mazpulceni-veido-savu-tejas-zimolu",
            "ludza-members-create-their-own-tea-brand",
        ),
        title=T(
            "Ludzas mazpulcēni audzē garšaugus un veido savu tējas zīmolu",
            "Members in Ludza grow herbs and create their own tea brand",
        ),
        date="2026-05-18",
        lead=T(
            "Piecu jauniešu komanda šopavasar iekopa garšaugu dārzu un rudenī plāno pārdot tējas "
            "maisījumus vietējos gadatirgos.",
            "This spring a team of five young people laid out a herb garden, and in autumn they "
            "plan to sell tea blends at local fairs.",
        ),
        paragraphs=[
            T(
                "Dārzā aug piparmētras, kumelītes, melisas un citi augi, ko jaunieši žāvēs pēc "
                "vecmāmiņu receptēm.",
                "The garden grows mint, camomile, lemon balm and other plants, which the young "
                "people will dry following their grandmothers' recipes.",
            ),
            T(
                "Iepakojuma dizainu komanda izstrādāja kopā ar Rēzeknes mākslas skolas audzēkņiem.",
                "The team designed the packaging together with students from an art school in "
                "Rēzekne.",
            ),
            T(
                "Ar šo projektu jaunieši piedalīsies rudens projektu forumā.",
                "The young people will present this project at the autumn project forum.",
            ),
        ],
        priority_areas=["uznemejdarbiba-laukos"],
        tags=["darzkopiba"],
        region="latgale",
        author="Sandra Rutkovska",
        image="garden",
    ),
    DemoArticle(
        slug=T("tiessaistes-mazpulka-jau-60-dalibnieki", "online-mazpulks-now-has-60-members"),
        title=T("Tiešsaistes mazpulkā jau 60 dalībnieki", "The online mazpulks now has 60 members"),
        date="2026-06-15",
        lead=T(
            "Divu gadu laikā tiešsaistes mazpulks kļuvis par mājvietu jauniešiem no attāliem "
            "pagastiem un latviešu ģimenēm ārzemēs.",
            "In two years the online mazpulks has become a home for young people from remote "
            "parishes and Latvian families abroad.",
        ),
        paragraphs=[
            T(
                "Viena no aktīvākajām dalībniecēm ir 15 gadus veca jauniete no Ventspils novada, "
                "kura tiešsaistes nodarbībās iemācījās programmēt un izveidoja lietotni sava "
                "pagasta bibliotēkai.",
                "One of the most active members is a 15-year-old from Ventspils municipality who "
                "learned to code in the online sessions and built an app for her parish library.",
            ),
            T(
                "Jūlijā daudzi tiešsaistes mazpulka dalībnieki pirmo reizi satiksies klātienē "
                "Vislatvijas nometnē Ērgļos.",
                "In July many of the online club's members will meet in person for the first time "
                "at the all-Latvia camp in Ērgļi.",
            ),
        ],
        priority_areas=["modernas-tehnologijas"],
        tags=["tiessaistes-mazpulks"],
        region="kurzeme",
        author="Elīna Jansone",
        image="forum",
    ),
    DemoArticle(
        slug=T("vislatvijas-nometne-pulcina-300-jauniesus", "all-latvia-camp-brings-together-300"),
        title=T(
            "Vislatvijas nometne pulcina 300 jauniešus",
            "The all-Latvia camp brings together 300 young people",
        ),
        date="2026-07-20",
        lead=T(
            "Piecas dienas Ērgļos mazpulcēni no visiem reģioniem mācījās, sportoja un iepazina "
            "viens otru.",
            "For five days in Ērgļi, members from every region learned, played sport and got to "
            "know each other.",
        ),
        paragraphs=[
            T(
                "Nometnes dienās jaunieši piedalījās darbnīcās par vidi, uzņēmējdarbību un "
                "tehnoloģijām.",
                "During the camp the young people took part in workshops on the environment, "
                "enterprise and technology.",
            ),
            T(
                "Šī gada tēma bija mežs: kopā ar mežziņiem dalībnieki stādīja kokus un mācījās "
                "atpazīt meža augus.",
                "This year's theme was the forest: together with foresters, the participants "
                "planted trees and learned to identify forest plants.",
            ),
            T(
                "Nometnes noslēgumā labākās komandas saņēma mazpulku diplomus, bet visi "
                "dalībnieki – nometnes nozīmītes.",
                "At the end of the camp the best teams received mazpulki diplomas, and every "
                "participant was given a camp badge.",
            ),
        ],
        priority_areas=["vides-izglitiba"],
        tags=["nometne"],
        region="vidzeme",
        author="Anna Bērziņa",
        image="camp",
    ),
    DemoArticle(
        slug=T(
            "nometnes-dalibnieki-saskaitija-58-putnu-sugas",
            "camp-participants-counted-58-bird-species",
        ),
        title=T(
            "Nometnes dalībnieki Ērgļos saskaitīja 58 putnu sugas",
            "Camp participants in Ērgļi counted 58 bird species",
        ),
        date="2026-08-10",
        lead=T(
            "Vislatvijas nometnes novērojumi nodoti ornitologiem un papildinās Latvijas putnu "
            "datubāzi.",
            "Observations from the all-Latvia camp have been handed over to ornithologists and "
            "will add to Latvia's bird database.",
        ),
        paragraphs=[
            T(
                "Piecu dienu laikā jaunieši agros rītos devās putnu vērošanas pārgājienos gar "
                "Ogres upi un reģistrēja katru novēroto sugu.",
                "Over five days the young people set out on early-morning birdwatching walks "
                "along the Ogre river and recorded every species they saw.",
            ),
            T(
                "Retākais atradums bija mazais ērglis, kas novērots virs pļavām netālu no "
                "nometnes.",
                "The rarest find was a lesser spotted eagle, seen over the meadows near the camp.",
            ),
            T(
                "Mazpulki aicināti līdzīgus novērojumus turpināt arī savos pagastos.",
                "Clubs are encouraged to continue similar observations in their own parishes.",
            ),
        ],
        priority_areas=["sabiedriska-zinatne", "vides-izglitiba"],
        tags=["nometne"],
        region="vidzeme",
        author="Jānis Krūmiņš",
        image="camp",
    ),
    DemoArticle(
        slug=T(
            "dobeles-mazpulceni-uzbuve-viedo-siltumnicu",
            "dobele-members-build-a-smart-greenhouse",
        ),
        title=T(
            "Dobeles mazpulcēni uzbūvē viedo siltumnīcu",
            "Members in Dobele build a smart greenhouse",
        ),
        date="2026-09-14",
        lead=T(
            "Sensori siltumnīcā mēra augsnes mitrumu un temperatūru, un laistīšana ieslēdzas "
            "tikai tad, kad augiem tiešām vajag ūdeni.",
            "Sensors in the greenhouse measure soil moisture and temperature, and the watering "
            "switches on only when the plants really need water.",
        ),
        paragraphs=[
            T(
                "Pirmajā vasarā siltumnīcas laistīšanai tika patērēts par trešdaļu mazāk ūdens "
                "nekā parasti, un tomātu raža bija tikpat liela.",
                "In its first summer a third less water than usual went on watering the "
                "greenhouse, and the tomato harvest was just as big.",
            ),
            T(
                "Sistēmu jaunieši programmēja paši, un tās aprakstu var izmantot arī citi "
                "mazpulki.",
                "The young people programmed the system themselves, and other clubs can use its "
                "description too.",
            ),
        ],
        priority_areas=["modernas-tehnologijas", "atbildigs-paterins"],
        tags=["darzkopiba"],
        region="zemgale",
        author="Edgars Siliņš",
        image="garden",
    ),
    DemoArticle(
        slug=T("projektu-forums-2026-rezekne", "project-forum-2026-in-rezekne"),
        title=T(
            "Projektu forums Rēzeknē: lauku uzņēmēji no piecu gadu vecuma",
            "Project forum in Rēzekne: rural entrepreneurs from the age of five",
        ),
        date="2026-10-24",
        lead=T(
            "Forumā savus projektus prezentēja 230 mazpulcēni, un vislielāko interesi izraisīja "
            "jaunāko dalībnieku mazie uzņēmumi.",
            "At the forum 230 members presented their projects, and the small businesses of the "
            "youngest participants attracted the most interest.",
        ),
        paragraphs=[
            T(
                "Sešus gadus veca mazpulcēne no Preiļu novada stāstīja, kā audzēja un pārdeva "
                "zirņus, bet Ludzas komanda piedāvāja nogaršot savas tējas.",
                "A six-year-old member from Preiļi municipality told how she grew and sold peas, "
                "while the team from Ludza offered tastings of their teas.",
            ),
            T(
                "Galveno balvu lauku attīstības kategorijā saņēma Balvu novada jaunieši, kuri "
                "atjaunoja pamestu ciema sporta laukumu.",
                "The main prize in the rural development category went to young people from Balvi "
                "municipality who restored an abandoned village sports ground.",
            ),
        ],
        priority_areas=["uznemejdarbiba-laukos", "lauku-attistiba"],
        tags=["projektu-forums", "apbalvojumi"],
        region="latgale",
        author="Anna Bērziņa",
        image="forum",
    ),
    DemoArticle(
        slug=T(
            "mazpulcenu-padome-iesniedz-piecus-priekslikumus",
            "youth-council-submits-five-proposals",
        ),
        title=T(
            "Mazpulcēnu padome iesniedz valdei piecus priekšlikumus",
            "The youth council submits five proposals to the board",
        ),
        date="2026-11-16",
        lead=T(
            "Pēc sešām tiešsaistes sanāksmēm un trim aptaujām padome aicina vairāk iesaistīt "
            "jauniešus pasākumu plānošanā.",
            "After six online meetings and three surveys, the council is calling for young people "
            "to be more involved in planning events.",
        ),
        paragraphs=[
            T(
                "Priekšlikumi paredz jauniešu pārstāvi katra pasākuma organizatoru komandā, "
                "rudens pārgājienu katrā reģionā, vienkāršāku projektu atskaites veidlapu, "
                "biežākas informācijas dienas par starptautiskajām iespējām un nozīmīti "
                "brīvprātīgajiem.",
                "The proposals call for a youth representative on every event's organising team, "
                "an autumn hike in every region, a simpler project report form, more frequent "
                "information days on international opportunities and a badge for volunteers.",
            ),
            T(
                "Valde priekšlikumus izskatīs decembra sēdē, un padome par lēmumiem informēs "
                "visus mazpulcēnus.",
                "The board will consider the proposals at its December meeting, and the council "
                "will inform all members of its decisions.",
            ),
        ],
        priority_areas=["pilsoniska-lidzdaliba"],
        tags=["mazpulcenu-padome"],
        region="riga",
        author="Laura Zariņa",
        image="forum",
    ),
]
