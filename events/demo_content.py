"""Demo events: what `manage.py load_demo_content` publishes in the events section.

Texts are T(latvian, english). Times are local (Europe/Riga), written as "YYYY-MM-DD HH:MM".
Taxonomy is referred to by slug (see home/migrations/0002).
"""

from dataclasses import dataclass, field

from home.demo_content import T


@dataclass
class DemoEvent:
    slug: T
    title: T
    start: str  # local time, "YYYY-MM-DD HH:MM"
    end: str  # local time, "YYYY-MM-DD HH:MM"
    kind: str  # camp, seminar, project_forum, conference, sports_games, hike, festival,
    # training, council_meeting, other
    scale: str  # national, regional, club, international
    lead: T
    paragraphs: list  # of T: plain-text paragraphs of the description
    venue: T | None = None  # place name; None for an online event
    address: str = ""  # street address, the same in both languages
    municipality: str = ""  # e.g. "Ērgļu novads", "Rīga"
    region: str | None = None  # region slug
    online: bool = False
    priority_areas: list = field(default_factory=list)  # priority-area slugs
    capacity: int | None = None
    registration: T | None = None  # how to register, plain text
    training_hours: str | None = None  # hours credited to leaders who attend, e.g. "6" or "1.5"
    image: str = "camp"  # key of a demo image: camp, garden, forum


EVENTS = [
    DemoEvent(
        slug=T("seminars-no-darza-lidz-tirgum-2025", "seminar-from-garden-to-market-2025"),
        title=T("Seminārs „No dārza līdz tirgum”", "Seminar “From the garden to the market”"),
        start="2025-12-06 10:00",
        end="2025-12-06 16:00",
        kind="seminar",
        scale="regional",
        lead=T(
            "Zemgales mazpulcēni mācās, kā no pašu izaudzētiem dārzeņiem un ogām radīt "
            "mājražotāja produktu un piedāvāt to pircējiem.",
            "Members from Zemgale learn how to turn vegetables and berries they have grown "
            "themselves into a home-made product and offer it to customers.",
        ),
        paragraphs=[
            T(
                "Seminārā mājražotāji no Jelgavas apkaimes stāsta par savu pieredzi, bet "
                "dalībnieki paši izstrādā produkta ideju, aprēķina cenu un sagatavo etiķeti.",
                "At the seminar, home producers from around Jelgava share their experience, while "
                "participants develop a product idea of their own, work out its price and design "
                "a label.",
            ),
            T(
                "Seminārs noderēs ikvienam, kurš nākamajā gadā plāno mazpulcēnu projektu "
                "uzņēmējdarbībā laukos.",
                "The seminar will be useful to anyone planning a members' project in rural "
                "entrepreneurship next year.",
            ),
        ],
        venue=T("Bērnu un jauniešu centrs „Junda”", "“Junda” Children and Youth Centre"),
        address="Skolas iela 2, Jelgava",
        municipality="Jelgavas valstspilsēta",
        region="zemgale",
        priority_areas=["uznemejdarbiba-laukos"],
        capacity=40,
        registration=T(
            "Pieteikšanās pie sava mazpulka vadītāja līdz 1. decembrim.",
            "Register with your club leader by 1 December.",
        ),
        image="garden",
    ),
    DemoEvent(
        slug=T("padomes-sanaksme-2026-janvaris", "youth-council-meeting-january-2026"),
        title=T(
            "Mazpulcēnu padomes tiešsaistes sanāksme: gada darba plāns",
            "Youth council online meeting: the plan for the year",
        ),
        start="2026-01-21 18:00",
        end="2026-01-21 19:30",
        kind="council_meeting",
        scale="national",
        lead=T(
            "Mazpulcēnu padome vienojas par 2026. gada darba plānu un izvēlas tēmas trim jauniešu "
            "aptaujām.",
            "The youth council agrees on its work plan for 2026 and chooses the topics of three "
            "youth surveys.",
        ),
        paragraphs=[
            T(
                "Sanāksmē piedalās padomes locekļi no visiem reģioniem, un ikviens mazpulcēns var "
                "jau iepriekš iesūtīt savu ierosinājumu organizācijas darba uzlabošanai.",
                "Council members from every region take part, and any member may send in a "
                "proposal for improving the organisation's work in advance.",
            ),
        ],
        venue=None,
        address="",
        municipality="",
        region=None,
        online=True,
        priority_areas=["pilsoniska-lidzdaliba"],
        capacity=30,
        registration=T(
            "Padomes locekļi saiti uz sanāksmi saņems e-pastā; ierosinājumus var iesūtīt līdz 19. "
            "janvārim.",
            "Council members will receive the meeting link by email; proposals may be sent in "
            "until 19 January.",
        ),
        image="forum",
    ),
    DemoEvent(
        slug=T("starptautisko-iespeju-diena-2026", "international-opportunities-day-2026"),
        title=T("Starptautisko iespēju diena 2026", "International opportunities day 2026"),
        start="2026-02-14 11:00",
        end="2026-02-14 15:00",
        kind="other",
        scale="international",
        lead=T(
            "Jaunieši, kas piedalījušies apmaiņās un brīvprātīgajā darbā ārzemēs, stāsta par savu "
            "pieredzi, bet partneri no Eiropas lauku jauniešu organizācijām iepazīstina ar jaunām "
            "iespējām.",
            "Young people who have taken part in exchanges and volunteering abroad share their "
            "experience, and partners from European rural youth organisations present new "
            "opportunities.",
        ),
        paragraphs=[
            T(
                "Uzzināsi, kā pieteikties jauniešu apmaiņām, Eiropas Solidaritātes korpusa "
                "brīvprātīgajam darbam un Rural Youth Europe pasākumiem un kā uzrakstīt "
                "motivācijas vēstuli.",
                "You will find out how to apply for youth exchanges, European Solidarity Corps "
                "volunteering and Rural Youth Europe events, and how to write a letter of "
                "motivation.",
            ),
            T(
                "Daļa programmas notiek angļu valodā, tāpēc tā ir arī laba iespēja izmēģināt "
                "savas valodas prasmes.",
                "Part of the programme is in English, so it is also a good chance to try out your "
                "language skills.",
            ),
        ],
        venue=T("Rīgas Centrālā bibliotēka", "Riga Central Library"),
        address="Brīvības iela 49/53, Rīga",
        municipality="Rīga",
        region="riga",
        priority_areas=["pilsoniska-lidzdaliba"],
        capacity=80,
        registration=T(
            "Pieteikšanās tīmekļa vietnē līdz 10. februārim; dalība ir bez maksas.",
            "Register on the website by 10 February; taking part is free of charge.",
        ),
        image="forum",
    ),
    DemoEvent(
        slug=T(
            "vaditaju-macibas-neformalas-izglitibas-metodes",
            "leader-training-non-formal-education-methods",
        ),
        title=T(
            "Vadītāju kvalifikācijas mācības: neformālās izglītības metodes",
            "Leader qualification training: non-formal education methods",
        ),
        start="2026-03-07 10:00",
        end="2026-03-07 16:30",
        kind="training",
        scale="national",
        lead=T(
            "Praktiskas mācības mazpulku vadītājiem par spēlēm, diskusiju metodēm un refleksiju "
            "darbā ar dažāda vecuma bērniem un jauniešiem.",
            "Hands-on training for club leaders in games, discussion methods and reflection when "
            "working with children and young people of different ages.",
        ),
        paragraphs=[
            T(
                "Mācību dalībnieki saņem apliecību par sešām kvalifikācijas celšanas stundām, kas "
                "tiek ieskaitītas gada 12 stundu apjomā.",
                "Participants receive a certificate for six hours of professional development, "
                "which count towards the annual 12 hours.",
            ),
            T(
                "Mācības vada neformālās izglītības treneri ar ilgu pieredzi jaunatnes darbā.",
                "The training is led by non-formal education trainers with long experience in "
                "youth work.",
            ),
        ],
        venue=T("Cēsu Valsts ģimnāzija", "Cēsis State Gymnasium"),
        address="Leona Paegles iela 1, Cēsis",
        municipality="Cēsu novads",
        region="vidzeme",
        priority_areas=["pilsoniska-lidzdaliba"],
        capacity=35,
        registration=T(
            "Pieteikšanās Latvijas Mazpulku birojā līdz 27. februārim.",
            "Register with the Latvijas Mazpulki office by 27 February.",
        ),
        training_hours="6",
        image="forum",
    ),
    DemoEvent(
        slug=T("seminars-roboti-un-programmesana-ludza", "seminar-robots-and-programming-ludza"),
        title=T(
            "Seminārs „Roboti un programmēšana lauku skolā”",
            "Seminar “Robots and programming at a rural school”",
        ),
        start="2026-03-21 10:00",
        end="2026-03-21 15:00",
        kind="seminar",
        scale="regional",
        lead=T(
            "Latgales mazpulcēni saliek un programmē vienkāršus robotus un izdomā, kā tie varētu "
            "palīdzēt saimniecībā.",
            "Members from Latgale build and program simple robots and work out how they could "
            "help on a farm.",
        ),
        paragraphs=[
            T(
                "Dalībnieki strādā komandās ar mikrokontrolleriem un sensoriem; iepriekšēja "
                "pieredze nav nepieciešama.",
                "Participants work in teams with microcontrollers and sensors; no previous "
                "experience is needed.",
            ),
            T(
                "Labākās idejas var kļūt par mazpulcēnu projektiem moderno tehnoloģiju jomā.",
                "The best ideas can become members' projects in the field of modern technologies.",
            ),
        ],
        venue=T("Ludzas pilsētas ģimnāzija", "Ludza City Gymnasium"),
        address="Raiņa iela 42, Ludza",
        municipality="Ludzas novads",
        region="latgale",
        priority_areas=["modernas-tehnologijas"],
        capacity=30,
        registration=T(
            "Pieteikšanās pie mazpulka vadītāja līdz 16. martam; vietu skaits ir ierobežots.",
            "Register with your club leader by 16 March; places are limited.",
        ),
        image="forum",
    ),
    DemoEvent(
        slug=T("pavasara-festivals-nac-mazpulkos-2026", "spring-festival-join-mazpulki-2026"),
        title=T("Pavasara festivāls „Nāc mazpulkos!”", "Spring festival “Join the mazpulki!”"),
        start="2026-04-18 11:00",
        end="2026-04-18 17:00",
        kind="festival",
        scale="regional",
        lead=T(
            "Atvērts festivāls ģimenēm ar darbnīcām, spēlēm un mazpulcēnu projektu izstādi – "
            "iespēja uzzināt, kā darbojas mazpulki, un pievienoties tuvākajam.",
            "An open festival for families with workshops, games and an exhibition of members' "
            "projects: a chance to find out how the clubs work and to join the nearest one.",
        ),
        paragraphs=[
            T(
                "Darbnīcās var iestādīt savu pirmo stādu, izgatavot putnu būrīti un izmēģināt "
                "mazpulcēnu iecienītākās spēles.",
                "In the workshops you can plant your first seedling, build a nest box and try the "
                "members' favourite games.",
            ),
            T(
                "Mazpulku vadītāji no visas Vidzemes būs uz vietas, lai atbildētu uz vecāku "
                "jautājumiem un palīdzētu aizpildīt pieteikumu.",
                "Club leaders from all over Vidzeme will be there to answer parents' questions "
                "and help fill in the application.",
            ),
        ],
        venue=T("Valmieras Kultūras centrs", "Valmiera Culture Centre"),
        address="Lāčplēša iela 2, Valmiera",
        municipality="Valmieras novads",
        region="vidzeme",
        priority_areas=["lauku-attistiba"],
        capacity=None,
        registration=None,
        image="camp",
    ),
    DemoEvent(
        slug=T("seminars-putnu-uzskaite-pie-ventas", "seminar-bird-count-by-the-venta"),
        title=T(
            "Sabiedriskās zinātnes seminārs: putnu uzskaite pie Ventas",
            "Citizen science seminar: counting birds by the Venta",
        ),
        start="2026-05-09 07:00",
        end="2026-05-09 13:00",
        kind="seminar",
        scale="regional",
        lead=T(
            "Agrā rītā kopā ar ornitologu mazpulcēni mācās atpazīt putnus pēc balsīm un ierakstīt "
            "novērojumus datubāzē, ko izmanto pētnieki.",
            "Early in the morning, together with an ornithologist, members learn to recognise "
            "birds by their songs and to record their observations in a database used by "
            "researchers.",
        ),
        paragraphs=[
            T(
                "Pēc novērojumiem dalībnieki apspriež, kā pašu vāktie dati palīdz sargāt putnu "
                "dzīvotnes Ventas ielejā.",
                "After the observations, participants discuss how the data they have collected "
                "helps to protect bird habitats in the Venta valley.",
            ),
            T(
                "Līdzi jāņem silts apģērbs, ūdensnecaurlaidīgi apavi un, ja ir, binoklis.",
                "Bring warm clothes, waterproof footwear and, if you have them, binoculars.",
            ),
        ],
        venue=T(
            "Kuldīgas novada Bērnu un jauniešu centrs",
            "Kuldīga Municipality Children and Youth Centre",
        ),
        address="Liepājas iela 31, Kuldīga",
        municipality="Kuldīgas novads",
        region="kurzeme",
        priority_areas=["sabiedriska-zinatne", "vides-izglitiba"],
        capacity=25,
        registration=T(
            "Pieteikšanās pie mazpulka vadītāja līdz 4. maijam.",
            "Register with your club leader by 4 May.",
        ),
        image="garden",
    ),
    DemoEvent(
        slug=T("mazpulku-sporta-speles-2026", "mazpulki-sports-games-2026"),
        title=T("Mazpulku sporta spēles 2026", "Mazpulki sports games 2026"),
        start="2026-06-06 10:00",
        end="2026-06-06 17:00",
        kind="sports_games",
        scale="national",
        lead=T(
            "Mazpulku komandas no visiem reģioniem sacenšas stafetēs, virves vilkšanā, volejbolā "
            "un lauku sētas spēka disciplīnās.",
            "Club teams from every region compete in relays, tug of war, volleyball and farmyard "
            "strength events.",
        ),
        paragraphs=[
            T(
                "Katrā komandā ir dažāda vecuma mazpulcēni, jo sporta spēlēs svarīgāka par uzvaru "
                "ir sadarbība un veselība – ceturtā āboliņa lapiņa.",
                "Each team brings together members of different ages, because at the sports games "
                "teamwork and health, the fourth leaf of the clover, matter more than winning.",
            ),
            T(
                "Dienas noslēgumā apbalvo ne tikai uzvarētājus, bet arī komandu ar vislabāko "
                "komandas garu.",
                "At the end of the day, prizes go not only to the winners but also to the team "
                "with the best team spirit.",
            ),
        ],
        venue=T("Bauskas pilsētas stadions", "Bauska town stadium"),
        address="Uzvaras iela 10, Bauska",
        municipality="Bauskas novads",
        region="zemgale",
        priority_areas=["lauku-attistiba"],
        capacity=250,
        registration=T(
            "Komandas piesaka mazpulku vadītāji līdz 25. maijam; komandā ir 6–8 dalībnieki.",
            "Club leaders enter teams by 25 May; each team has 6–8 members.",
        ),
        image="camp",
    ),
    DemoEvent(
        slug=T("vislatvijas-mazpulku-nometne-2026", "all-latvia-camp-2026"),
        title=T("Vislatvijas mazpulku nometne 2026", "All-Latvia mazpulki camp 2026"),
        start="2026-07-13 10:00",
        end="2026-07-17 14:00",
        kind="camp",
        scale="national",
        lead=T(
            "Piecas dienas Talsos: darbnīcas, pārgājieni pa Talsu pauguriem, talka un vakara "
            "koncerti vairāk nekā 300 mazpulcēniem no visas Latvijas.",
            "Five days in Talsi: workshops, hikes in the Talsi hills, a clean-up and evening "
            "concerts for more than 300 members from all over Latvia.",
        ),
        paragraphs=[
            T(
                "Nometnes tēma ir „Gudri saimniekot”: darbnīcās mazpulcēni mācās samazināt "
                "pārtikas atkritumus, labot apģērbu un kompostēt.",
                "The camp's theme is “Managing wisely”: in the workshops, members learn to cut "
                "food waste, mend clothes and make compost.",
            ),
            T(
                "Dalībnieki dzīvo skolā, un par viņu drošību rūpējas mazpulku vadītāji un "
                "brīvprātīgie jaunieši.",
                "Participants stay at the school, and club leaders and young volunteers look "
                "after their safety.",
            ),
        ],
        venue=T("Talsu Valsts ģimnāzija", "Talsi State Gymnasium"),
        address="Kr. Valdemāra iela 19, Talsi",
        municipality="Talsu novads",
        region="kurzeme",
        priority_areas=["vides-izglitiba", "atbildigs-paterins"],
        capacity=320,
        registration=T(
            "Pieteikšanās caur mazpulka vadītāju līdz 29. maijam.",
            "Register through your club leader by 29 May.",
        ),
        image="camp",
    ),
    DemoEvent(
        slug=T("seminars-otra-elpa-lietam-daugavpils", "seminar-second-life-for-things-daugavpils"),
        title=T(
            "Atbildīga patēriņa seminārs „Otrā elpa lietām”",
            "Responsible consumption seminar “A second life for things”",
        ),
        start="2026-08-22 10:00",
        end="2026-08-22 15:00",
        kind="seminar",
        scale="club",
        lead=T(
            "Daugavpils mazpulks aicina uz semināru par to, kā lietas salabot, pārveidot un "
            "apmainīt, nevis izmest.",
            "The Daugavpils club invites you to a seminar on how to repair, remake and swap "
            "things instead of throwing them away.",
        ),
        paragraphs=[
            T(
                "Programmā ir apģērbu apmaiņas tirdziņš, velosipēdu labošanas darbnīca un saruna "
                "par to, cik daudz resursu prasa viena jauna T krekla ražošana.",
                "The programme includes a clothes swap, a bicycle repair workshop and a talk on "
                "how many resources it takes to make a single new T-shirt.",
            ),
        ],
        venue=T(
            "Daugavpils Bērnu un jauniešu centrs „Jaunība”",
            "“Jaunība” Children and Youth Centre, Daugavpils",
        ),
        address="Saules iela 7, Daugavpils",
        municipality="Daugavpils valstspilsēta",
        region="latgale",
        priority_areas=["atbildigs-paterins"],
        capacity=40,
        registration=T(
            "Pieteikšanās pie Daugavpils mazpulka vadītājas līdz 19. augustam; laipni aicināti "
            "arī draugi.",
            "Register with the leader of the Daugavpils club by 19 August; friends are welcome "
            "too.",
        ),
        image="garden",
    ),
    DemoEvent(
        slug=T("rudens-pargajiens-daugavas-lokos-2026", "autumn-hike-daugava-bends-2026"),
        title=T("Rudens pārgājiens Daugavas lokos", "Autumn hike in the Daugava bends"),
        start="2026-09-26 09:00",
        end="2026-09-26 17:00",
        kind="hike",
        scale="regional",
        lead=T(
            "Aptuveni 15 kilometru pārgājiens pa Daugavas senlejas takām ar skatu punktiem, dabas "
            "uzdevumiem un zupu pie ugunskura.",
            "A hike of about 15 kilometres along the trails of the ancient Daugava valley, with "
            "viewpoints, nature tasks and soup by the campfire.",
        ),
        paragraphs=[
            T(
                "Pārgājienu vada dabas parka „Daugavas loki” gids, kurš stāsta par ielejas "
                "augiem, putniem un senajiem pilskalniem.",
                "The hike is led by a guide from the “Daugavas loki” nature park, who talks about "
                "the valley's plants, birds and ancient hillforts.",
            ),
            T(
                "Pa ceļam mazpulcēni arī savāc atkritumus; cimdus un maisus nodrošina "
                "organizatori.",
                "Along the way, members also pick up litter; the organisers provide gloves and "
                "bags.",
            ),
        ],
        venue=T(
            "Dabas parka „Daugavas loki” apmeklētāju centrs",
            "“Daugavas loki” nature park visitor centre",
        ),
        address="Skolas iela 12, Naujene",
        municipality="Augšdaugavas novads",
        region="latgale",
        priority_areas=["vides-izglitiba"],
        capacity=60,
        registration=T(
            "Pieteikšanās pie mazpulka vadītāja līdz 21. septembrim; bērni līdz 10 gadu vecumam "
            "piedalās kopā ar pieaugušo.",
            "Register with your club leader by 21 September; children under 10 take part with an "
            "adult.",
        ),
        image="camp",
    ),
    DemoEvent(
        slug=T("mazpulku-projektu-forums-2026", "mazpulki-project-forum-2026"),
        title=T("Mazpulku projektu forums 2026", "Mazpulki project forum 2026"),
        start="2026-10-16 10:00",
        end="2026-10-17 15:00",
        kind="project_forum",
        scale="national",
        lead=T(
            "Divas dienas, kurās mazpulcēni no visas Latvijas aizstāv savus gada projektus "
            "žūrijas priekšā un iepazīst citu paveikto.",
            "Two days in which members from all over Latvia defend their projects of the year "
            "before a jury and discover what others have achieved.",
        ),
        paragraphs=[
            T(
                "Projektus vērtē žūrija no universitātes, pašvaldībām un uzņēmumiem; labākie "
                "saņem balvas un iespēju piedalīties starptautiskos jauniešu pasākumos.",
                "The projects are assessed by a jury from the university, municipalities and "
                "businesses; the best receive prizes and a chance to take part in international "
                "youth events.",
            ),
            T(
                "Forumā darbojas arī projektu tirdziņš, kurā mazpulcēni piedāvā pašu audzētus un "
                "gatavotus produktus.",
                "The forum also has a project fair, where members offer produce they have grown "
                "and made themselves.",
            ),
        ],
        venue=T(
            "Latvijas Biozinātņu un tehnoloģiju universitāte",
            "Latvia University of Life Sciences and Technologies",
        ),
        address="Lielā iela 2, Jelgava",
        municipality="Jelgavas valstspilsēta",
        region="zemgale",
        priority_areas=["uznemejdarbiba-laukos", "sabiedriska-zinatne"],
        capacity=200,
        registration=T(
            "Projektus forumam piesaka mazpulku vadītāji līdz 25. septembrim.",
            "Club leaders enter projects for the forum by 25 September.",
        ),
        image="forum",
    ),
    DemoEvent(
        slug=T("mazpulku-vaditaju-ziemas-seminars-2026", "club-leaders-winter-seminar-2026"),
        title=T("Mazpulku vadītāju ziemas seminārs 2026", "Club leaders' winter seminar 2026"),
        start="2026-11-25 10:00",
        end="2026-11-27 15:00",
        kind="seminar",
        scale="national",
        lead=T(
            "Trīs dienas Smiltenē mazpulku vadītājiem: pieredzes apmaiņa, jaunā digitālā projektu "
            "platforma un nākamā gada plāni.",
            "Three days in Smiltene for club leaders: sharing experience, the new digital project "
            "platform and plans for next year.",
        ),
        paragraphs=[
            T(
                "Vadītāji izmēģina, kā mazpulcēni iesniegs projektu pieteikumus un atskaites "
                "tiešsaistē, un kopīgi pārskata mazpulku vadītāja rokasgrāmatas jaunās nodaļas.",
                "Leaders try out how members will submit project applications and reports online, "
                "and review together the new chapters of the club leader's handbook.",
            ),
            T(
                "Semināra dalībnieki saņem apliecību par desmit kvalifikācijas celšanas stundām.",
                "Participants receive a certificate for ten hours of professional development.",
            ),
        ],
        venue=T("Smiltenes tehnikums", "Smiltene Technical School"),
        address="Dārza iela 11, Smiltene",
        municipality="Smiltenes novads",
        region="vidzeme",
        priority_areas=["pilsoniska-lidzdaliba", "modernas-tehnologijas"],
        capacity=60,
        registration=T(
            "Pieteikšanās noslēdzās 13. novembrī.",
            "Registration closed on 13 November.",
        ),
        training_hours="10",
        image="forum",
    ),
    DemoEvent(
        slug=T("seminars-davanas-bez-atkritumiem-ventspils", "seminar-zero-waste-gifts-ventspils"),
        title=T(
            "Seminārs „Dāvanas bez atkritumiem” Ventspilī",
            "Seminar “Zero-waste gifts” in Ventspils",
        ),
        start="2026-12-05 11:00",
        end="2026-12-05 15:00",
        kind="seminar",
        scale="club",
        lead=T(
            "Ventspils mazpulks aicina pirms svētkiem padomāt, ko dāvināt, lai prieks paliktu, "
            "bet atkritumi nerastos.",
            "Before the holidays, the Ventspils club invites you to think about what to give so "
            "that the joy stays and no rubbish is left behind.",
        ),
        paragraphs=[
            T(
                "Dalībnieki iesaiņo dāvanas auduma lakatos, lej sveces no bišu vaska un cep "
                "piparkūkas, ko iepako atkārtoti lietojamos traukos.",
                "Participants wrap presents in fabric, make beeswax candles and bake gingerbread "
                "to pack in reusable containers.",
            ),
        ],
        venue=T("Ventspils Jauniešu māja", "Ventspils Youth House"),
        address="Kuldīgas iela 4, Ventspils",
        municipality="Ventspils valstspilsēta",
        region="kurzeme",
        priority_areas=["atbildigs-paterins"],
        capacity=25,
        registration=T(
            "Pieteikšanās pie Ventspils mazpulka vadītāja līdz 2. decembrim.",
            "Register with the leader of the Ventspils club by 2 December.",
        ),
        image="garden",
    ),
    DemoEvent(
        slug=T("padomes-sanaksme-2026-decembris", "youth-council-meeting-december-2026"),
        title=T(
            "Mazpulcēnu padomes tiešsaistes sanāksme: aptaujas rezultāti",
            "Youth council online meeting: survey results",
        ),
        start="2026-12-09 18:00",
        end="2026-12-09 19:30",
        kind="council_meeting",
        scale="national",
        lead=T(
            "Padome apspriež rudens jauniešu aptaujas rezultātus un sagatavo ierosinājumus, kā "
            "uzlabot mazpulku darbu nākamajā gadā.",
            "The council discusses the results of the autumn youth survey and prepares proposals "
            "for improving the work of the clubs next year.",
        ),
        paragraphs=[
            T(
                "Sanāksme notiek tiešsaistē, lai tajā varētu piedalīties jaunieši no visas "
                "Latvijas, arī no tiešsaistes mazpulka.",
                "The meeting is held online so that young people from all over Latvia can take "
                "part, including members of the online club.",
            ),
        ],
        venue=None,
        address="",
        municipality="",
        region=None,
        online=True,
        priority_areas=["pilsoniska-lidzdaliba"],
        capacity=30,
        registration=T(
            "Saite uz sanāksmi tiks nosūtīta padomes locekļiem e-pastā dienu iepriekš.",
            "The meeting link will be emailed to council members the day before.",
        ),
        image="forum",
    ),
    DemoEvent(
        slug=T("izaugusi-latvijai-apbalvosana-2026", "izaugusi-latvijai-awards-2026"),
        title=T(
            "Gada noslēguma pasākums un apbalvojuma „Izauguši Latvijai” pasniegšana",
            "End-of-year celebration and the “Izauguši Latvijai” awards",
        ),
        start="2026-12-12 14:00",
        end="2026-12-12 17:00",
        kind="other",
        scale="national",
        lead=T(
            "Sakām paldies brīvprātīgajiem, vadītājiem un atbalstītājiem un pasniedzam "
            "apbalvojumu „Izauguši Latvijai” jauniešiem, kuri visvairāk devuši savai kopienai.",
            "We thank volunteers, leaders and supporters and present the “Izauguši Latvijai” "
            "award to the young people who have given most to their communities.",
        ),
        paragraphs=[
            T(
                "Pasākumā tiek pasniegtas arī motivācijas balvas brīvprātīgajiem, kuri gada laikā "
                "nostrādājuši visvairāk stundu, un noslēgumā notiek koncerts.",
                "Motivation prizes are also presented to the volunteers who have put in the most "
                "hours during the year, and the afternoon ends with a concert.",
            ),
        ],
        venue=T("Latvijas Nacionālā bibliotēka", "National Library of Latvia"),
        address="Mūkusalas iela 3, Rīga",
        municipality="Rīga",
        region="riga",
        priority_areas=["pilsoniska-lidzdaliba"],
        capacity=150,
        registration=T(
            "Dalība pēc ielūguma; mazpulku vadītāji ielūgumus saņems līdz 1. decembrim.",
            "Attendance is by invitation; club leaders will receive the invitations by 1 December.",
        ),
        image="forum",
    ),
    DemoEvent(
        slug=T("padomes-sanaksme-2027-februaris", "youth-council-meeting-february-2027"),
        title=T(
            "Mazpulcēnu padomes tiešsaistes sanāksme: priekšlikumi valdei",
            "Youth council online meeting: proposals to the board",
        ),
        start="2027-02-10 18:00",
        end="2027-02-10 19:30",
        kind="council_meeting",
        scale="national",
        lead=T(
            "Padome galīgi noformulē šī gada ierosinājumus organizācijas darba uzlabošanai un "
            "izvēlas, kurš tos prezentēs valdes sēdē.",
            "The council finalises this year's proposals for improving the organisation's work "
            "and chooses who will present them at the board meeting.",
        ),
        paragraphs=[
            T(
                "Pirms sanāksmes padomes locekļi aicināti apspriest ierosinājumus savos "
                "mazpulkos, lai izskanētu pēc iespējas vairāk jauniešu balsu.",
                "Before the meeting, council members are asked to discuss the proposals in their "
                "clubs so that as many young people's voices as possible are heard.",
            ),
        ],
        venue=None,
        address="",
        municipality="",
        region=None,
        online=True,
        priority_areas=["pilsoniska-lidzdaliba"],
        capacity=30,
        registration=None,
        image="forum",
    ),
    DemoEvent(
        slug=T("vaditaju-macibas-projektu-metode-2027", "leader-training-project-method-2027"),
        title=T(
            "Vadītāju kvalifikācijas mācības: projektu metode digitālajā platformā",
            "Leader qualification training: the project method on the digital platform",
        ),
        start="2027-03-13 09:30",
        end="2027-03-13 17:30",
        kind="training",
        scale="national",
        lead=T(
            "Mācības mazpulku vadītājiem par to, kā palīdzēt mazpulcēniem izvēlēties projekta "
            "tēmu, plānot darbu un iesniegt pieteikumu un atskaiti tiešsaistē.",
            "Training for club leaders on how to help members choose a project topic, plan the "
            "work and submit the application and report online.",
        ),
        paragraphs=[
            T(
                "Pēcpusdienā vadītāji praktiski izmēģina, kā platformā izskatīt pieteikumus, "
                "sniegt atgriezenisko saiti un apstiprināt brīvprātīgā darba stundas.",
                "In the afternoon, leaders practise reviewing applications, giving feedback and "
                "confirming volunteer hours on the platform.",
            ),
            T(
                "Dalībnieki saņem apliecību par astoņām kvalifikācijas celšanas stundām; līdzi "
                "jāņem klēpjdators.",
                "Participants receive a certificate for eight hours of professional development; "
                "please bring a laptop.",
            ),
        ],
        venue=T(
            "Latvijas Universitātes Akadēmiskais centrs",
            "University of Latvia Academic Centre",
        ),
        address="Jelgavas iela 1, Rīga",
        municipality="Rīga",
        region="riga",
        priority_areas=["modernas-tehnologijas"],
        capacity=40,
        registration=T(
            "Pieteikšanās Latvijas Mazpulku birojā līdz 5. martam.",
            "Register with the Latvijas Mazpulki office by 5 March.",
        ),
        training_hours="8",
        image="forum",
    ),
    DemoEvent(
        slug=T(
            "konference-jauniesi-laukiem-2027",
            "conference-young-people-for-the-countryside-2027",
        ),
        title=T("Konference „Jaunieši laukiem”", "Conference “Young people for the countryside”"),
        start="2027-04-10 10:00",
        end="2027-04-10 16:00",
        kind="conference",
        scale="national",
        lead=T(
            "Jaunieši, pašvaldību pārstāvji un lauku uzņēmēji spriež, kas vajadzīgs, lai jaunieši "
            "gribētu palikt laukos vai atgriezties tajos.",
            "Young people, municipal representatives and rural entrepreneurs discuss what it "
            "takes for young people to want to stay in the countryside or come back to it.",
        ),
        paragraphs=[
            T(
                "Konferencē mazpulcēni prezentē savus lauku attīstības un uzņēmējdarbības "
                "projektus, bet paneļdiskusijā piedalās jaunie lauksaimnieki no Latgales.",
                "At the conference, members present their rural development and entrepreneurship "
                "projects, and young farmers from Latgale take part in a panel discussion.",
            ),
            T(
                "Konferences secinājumi tiks nosūtīti pašvaldībām un Izglītības un zinātnes "
                "ministrijas Jaunatnes konsultatīvajai komisijai.",
                "The conference's conclusions will be sent to municipalities and to the Youth "
                "Advisory Commission of the Ministry of Education and Science.",
            ),
        ],
        venue=T("Latgales vēstniecība „Gors”", "“Gors”, the Embassy of Latgale"),
        address="Pils iela 4, Rēzekne",
        municipality="Rēzeknes valstspilsēta",
        region="latgale",
        priority_areas=["lauku-attistiba", "uznemejdarbiba-laukos"],
        capacity=150,
        registration=T(
            "Pieteikšanās tīmekļa vietnē līdz 1. aprīlim.",
            "Register on the website by 1 April.",
        ),
        image="forum",
    ),
    DemoEvent(
        slug=T("seminars-vieda-lauksaimnieciba-dobele", "seminar-smart-farming-dobele"),
        title=T(
            "Seminārs „Viedā lauksaimniecība: sensori siltumnīcā”",
            "Seminar “Smart farming: sensors in the greenhouse”",
        ),
        start="2027-05-15 10:00",
        end="2027-05-15 15:00",
        kind="seminar",
        scale="regional",
        lead=T(
            "Zemgales mazpulcēni uzstāda siltumnīcā mitruma un temperatūras sensorus un mācās no "
            "iegūtajiem datiem saprast, kad augiem vajag ūdeni.",
            "Members from Zemgale install humidity and temperature sensors in a greenhouse and "
            "learn to tell from the data when the plants need water.",
        ),
        paragraphs=[
            T(
                "Seminārs notiek sadarbībā ar dārzkopības pētniekiem, un mazpulcēnu vasarā "
                "savāktie mērījumi tiks izmantoti pētījumā par ūdens taupīšanu.",
                "The seminar is run together with horticultural researchers, and the measurements "
                "members collect over the summer will be used in a study on saving water.",
            ),
        ],
        venue=T("Dārzkopības institūts", "Institute of Horticulture"),
        address="Graudu iela 1, Dobele",
        municipality="Dobeles novads",
        region="zemgale",
        priority_areas=["modernas-tehnologijas", "sabiedriska-zinatne"],
        capacity=30,
        registration=T(
            "Pieteikšanās pie mazpulka vadītāja līdz 10. maijam.",
            "Register with your club leader by 10 May.",
        ),
        image="garden",
    ),
    DemoEvent(
        slug=T(
            "mazpulku-festivals-labo-padarit-vel-labaku-2027",
            "mazpulki-festival-make-the-best-better-2027",
        ),
        title=T(
            "Mazpulku festivāls „Labo padarīt vēl labāku”",
            "Mazpulki festival “To make the best better”",
        ),
        start="2027-05-29 11:00",
        end="2027-05-29 18:00",
        kind="festival",
        scale="regional",
        lead=T(
            "Festivāls visai ģimenei Liepājā ar mūziku, mazpulcēnu projektu tirdziņu un "
            "darbnīcām, kas veltītas četrām āboliņa lapiņām: galvai, sirdij, rokām un veselībai.",
            "A festival for the whole family in Liepāja with music, a fair of members' projects "
            "and workshops devoted to the four leaves of the clover: head, heart, hands and "
            "health.",
        ),
        paragraphs=[
            T(
                "Festivāls ir viens no diviem gada pasākumiem jaunu biedru piesaistei: bērni un "
                "jaunieši, kuri vēl nav mazpulkos, var izmēģināt darbnīcas un uzreiz pieteikties "
                "tuvākajā mazpulkā.",
                "The festival is one of the year's two recruitment events: children and young "
                "people who are not yet members can try the workshops and sign up for their "
                "nearest club on the spot.",
            ),
            T("Ieeja ir bez maksas.", "Admission is free."),
        ],
        venue=T("Liepājas Jūrmalas parks", "Liepāja Seaside Park"),
        address="Peldu iela 57, Liepāja",
        municipality="Liepājas valstspilsēta",
        region="kurzeme",
        priority_areas=["lauku-attistiba", "vides-izglitiba"],
        capacity=None,
        registration=None,
        image="camp",
    ),
    DemoEvent(
        slug=T("vislatvijas-mazpulku-nometne-2027", "all-latvia-camp-2027"),
        title=T("Vislatvijas mazpulku nometne 2027", "All-Latvia mazpulki camp 2027"),
        start="2027-07-12 10:00",
        end="2027-07-16 14:00",
        kind="camp",
        scale="national",
        lead=T(
            "Piecas dienas Ērgļos: darbnīcas, sports, talka un vakara ugunskurs 300 "
            "mazpulcēniem no visas Latvijas.",
            "Five days in Ērgļi: workshops, sport, a clean-up and evening campfires for 300 "
            "members from all over Latvia.",
        ),
        paragraphs=[
            T(
                "Nometnē darbosies septiņas darbnīcas – pa vienai katrā prioritārajā jomā.",
                "The camp has seven workshops, one for each priority area.",
            ),
        ],
        venue=T("Ērgļu vidusskola", "Ērgļi Secondary School"),
        address="Skolas iela 3, Ērgļi",
        municipality="Madonas novads",
        region="vidzeme",
        priority_areas=["vides-izglitiba", "pilsoniska-lidzdaliba"],
        capacity=300,
        registration=T(
            "Pieteikšanās caur mazpulka vadītāju līdz 1. jūnijam.",
            "Register through your club leader by 1 June.",
        ),
        training_hours="12",
        image="camp",
    ),
    DemoEvent(
        slug=T("rural-youth-europe-salidojums-2027", "rural-youth-europe-rally-2027"),
        title=T(
            "Rural Youth Europe Eiropas salidojums 2027 Latvijā",
            "Rural Youth Europe European Rally 2027 in Latvia",
        ),
        start="2027-08-01 15:00",
        end="2027-08-07 11:00",
        kind="other",
        scale="international",
        lead=T(
            "2027. gada vasarā Latvijas Mazpulki uzņem Rural Youth Europe ikgadējo salidojumu: "
            "nedēļu Latgalē pavadīs ap 150 lauku jauniešu no vairāk nekā 15 Eiropas valstīm.",
            "In summer 2027 Latvijas Mazpulki hosts Rural Youth Europe's annual rally: about 150 "
            "rural young people from more than 15 European countries will spend a week in "
            "Latgale.",
        ),
        paragraphs=[
            T(
                "Salidojuma tēma ir „Dzīvi lauki jauniešu rokās”; programmā ir darbnīcas, "
                "ekskursijas uz lauku saimniecībām, kultūras vakars un diskusijas par Eiropas "
                "jaunatnes politiku.",
                "The rally's theme is “A living countryside in young hands”; the programme "
                "includes workshops, visits to farms, a cultural evening and discussions on "
                "European youth policy.",
            ),
            T(
                "Latvijas dalībnieki piedalās arī kā brīvprātīgie organizatori; darba valoda ir "
                "angļu.",
                "Latvian participants also take part as volunteer organisers; the working "
                "language is English.",
            ),
        ],
        venue=T("Lūznavas muiža", "Lūznava Manor"),
        address="Pils iela 2, Lūznava",
        municipality="Rēzeknes novads",
        region="latgale",
        priority_areas=["pilsoniska-lidzdaliba", "lauku-attistiba"],
        capacity=150,
        registration=T(
            "Latvijas delegācijā var pieteikties mazpulcēni no 18 gadu vecuma, līdz 15. aprīlim "
            "rakstot Latvijas Mazpulku birojam.",
            "Members aged 18 and over can apply to join the Latvian delegation by writing to the "
            "Latvijas Mazpulki office by 15 April.",
        ),
        image="camp",
    ),
    DemoEvent(
        slug=T("mazpulku-projektu-forums-2027", "mazpulki-project-forum-2027"),
        title=T("Mazpulku projektu forums 2027", "Mazpulki project forum 2027"),
        start="2027-10-15 10:00",
        end="2027-10-16 15:00",
        kind="project_forum",
        scale="national",
        lead=T(
            "Mazpulcēni no visas Latvijas pulcējas Valmierā, lai žūrijas priekšā aizstāvētu savus "
            "2027. gada projektus un dalītos pieredzē.",
            "Members from all over Latvia gather in Valmiera to defend their 2027 projects before "
            "a jury and share their experience.",
        ),
        paragraphs=[
            T(
                "Projektus vērtē pa prioritārajām jomām, tāpēc žūrijā ir gan uzņēmēji, gan "
                "pētnieki un pašvaldību speciālisti.",
                "Projects are assessed by priority area, so the jury includes entrepreneurs as "
                "well as researchers and municipal specialists.",
            ),
            T(
                "Forumā apbalvo arī labākās vietējās iniciatīvas un to vadītājus.",
                "The forum also honours the best local initiatives and the people who led them.",
            ),
        ],
        venue=T("Vidzemes Augstskola", "Vidzeme University of Applied Sciences"),
        address="Cēsu iela 4, Valmiera",
        municipality="Valmieras novads",
        region="vidzeme",
        priority_areas=["uznemejdarbiba-laukos", "lauku-attistiba"],
        capacity=220,
        registration=T(
            "Projektus forumam mazpulku vadītāji piesaka tiešsaistes platformā līdz 24. "
            "septembrim.",
            "Club leaders enter projects for the forum on the online platform by 24 September.",
        ),
        image="forum",
    ),
]
