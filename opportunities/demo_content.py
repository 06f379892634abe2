"""Demo international opportunities: what `manage.py load_demo_content` publishes.

Loaded on 2026-11-26, seven are open (deadlines December 2026 – April 2027) and four are past
their deadline (2025–2026), so the open list, the archive and the home page all have content.
Texts are T(latvian, english); dates, ages and addresses are the same in both languages.
"""

import datetime

from home.demo_content import DemoPage, ImageRef, T, TermRef

INDEX = "starptautiskas-iespejas"

OFFICE_EMAIL = "info@mazpulki.lv"
RURAL_YOUTH_EUROPE = "https://www.ruralyoutheurope.com/"
SOLIDARITY_CORPS = "https://youth.europa.eu/solidarity_en"
TRAINING_CALENDAR = "https://www.salto-youth.net/tools/european-training-calendar/"


def area(slug):
    return TermRef("home.PriorityArea", slug)


def text(*paragraphs):
    """A description of plain paragraphs, each T(latvian, english)."""
    return [
        {"type": "paragraph", "value": T(f"<p>{p.lv}</p>", f"<p>{p.en}</p>")} for p in paragraphs
    ]


def opportunity(slug, title, lead, body, image=None, **facts):
    fields = {"lead": lead, "body": body, **facts}
    if image:
        fields["main_image"] = ImageRef(image)
    return DemoPage(
        slug=slug,
        title=title,
        model="opportunities.OpportunityPage",
        parent=INDEX,
        fields=fields,
    )


def day(value):
    return datetime.date.fromisoformat(value)


PAGES = [
    DemoPage(
        slug=T(INDEX, "international-opportunities"),
        title=T("Starptautiskās iespējas", "International opportunities"),
        model="opportunities.OpportunityIndexPage",
        parent=None,
        show_in_menus=True,
        fields={
            "intro": T(
                "Jauniešu apmaiņas, mācību kursi, brīvprātīgais darbs un nometnes ārvalstīs: "
                "iespējas mazpulcēniem un vadītājiem mācīties, satikt draugus no visas Eiropas "
                "un atvest mājās jaunas idejas.",
                "Youth exchanges, training courses, volunteering and camps abroad: chances for "
                "members and leaders to learn, make friends from all over Europe and bring new "
                "ideas home.",
            ),
        },
    ),
    # Open on 2026-11-26 ---------------------------------------------------------------------
    opportunity(
        slug=T(
            "brivpratigais-darbs-lauku-skola-bavarija",
            "volunteering-at-a-farm-school-in-bavaria",
        ),
        title=T(
            "Brīvprātīgais darbs lauku skolā Bavārijā",
            "Volunteering at a farm school in Bavaria",
        ),
        lead=T(
            "Sešus mēnešus palīdzi lauku skolā, kur pilsētu bērni mācās par dzīvniekiem, "
            "dārzu un pārtiku. Eiropas Solidaritātes korpuss sedz visus izdevumus.",
            "Spend six months helping at a farm school where city children learn about "
            "animals, gardens and food. The European Solidarity Corps covers all costs.",
        ),
        body=text(
            T(
                "Brīvprātīgais strādās kopā ar skolas pedagogiem: vadīs nodarbības bērniem, "
                "kops dzīvniekus un dārzu, palīdzēs sagatavot sezonas svētkus.",
                "The volunteer will work alongside the school's teachers: running sessions for "
                "children, caring for the animals and the garden, and helping prepare the "
                "seasonal festivals.",
            ),
            T(
                "Projekts sedz ceļu, dzīvošanu, ēdināšanu, apdrošināšanu un vācu valodas kursu; "
                "brīvprātīgais saņem arī kabatas naudu. Vācu valodas zināšanas nav obligātas.",
                "The project covers travel, accommodation, meals, insurance and a German course; "
                "the volunteer also gets pocket money. German is not required.",
            ),
        ),
        image="garden",
        opportunity_type="volunteering",
        country="DE",
        start_date=day("2027-03-01"),
        end_date=day("2027-08-31"),
        application_deadline=day("2026-12-20"),
        min_age=18,
        max_age=30,
        covers_travel=True,
        covers_stay=True,
        covers_fee=True,
        covered_note=T(
            "Arī apdrošināšana, valodas kurss un kabatas nauda.",
            "Insurance, a language course and pocket money too.",
        ),
        partner_name="Bauernhofschule Allgäu e.V.",
        apply_url=SOLIDARITY_CORPS,
        apply_email=OFFICE_EMAIL,
        priority_areas=[area("vides-izglitiba"), area("lauku-attistiba")],
    ),
    opportunity(
        slug=T(
            "macibu-kurss-neformala-izglitiba-laukos-lietuva",
            "training-course-non-formal-learning-in-rural-areas-lithuania",
        ),
        title=T(
            "Mācību kurss „Neformālā izglītība laukos” Lietuvā",
            "Training course “Non-formal learning in rural areas” in Lithuania",
        ),
        lead=T(
            "Piecu dienu kurss jauniešu darbiniekiem un mazpulku vadītājiem par to, kā "
            "lauku vidē vadīt nodarbības, kas māca darot.",
            "A five-day course for youth workers and club leaders on running learning-by-doing "
            "sessions in rural settings.",
        ),
        body=text(
            T(
                "Dalībnieki no sešām valstīm apgūs metodes darbam ar jauniešiem ārā, dalīsies "
                "pieredzē un kopā izstrādās nodarbību plānus, ko izmantot savos klubos.",
                "Participants from six countries will learn methods for working with young "
                "people outdoors, share experience and write session plans together to use in "
                "their own clubs.",
            ),
            T(
                "Kurss tiek ieskaitīts vadītāju 12 stundu kvalifikācijas programmā.",
                "The course counts towards the leaders' 12-hour qualification programme.",
            ),
        ),
        image="forum",
        opportunity_type="training-course",
        country="LT",
        start_date=day("2027-02-15"),
        end_date=day("2027-02-20"),
        application_deadline=day("2026-12-10"),
        min_age=18,
        max_age=None,
        covers_travel=True,
        covers_stay=True,
        covers_fee=True,
        partner_name="Lietuvos jaunųjų ūkininkų ir jaunimo sąjunga",
        apply_url=TRAINING_CALENDAR,
        priority_areas=[area("lauku-attistiba"), area("pilsoniska-lidzdaliba")],
    ),
    opportunity(
        slug=T(
            "jaunatnes-konference-par-lauku-nakotni-brisele",
            "youth-conference-on-the-future-of-rural-areas-brussels",
        ),
        title=T(
            "Jauniešu konference par lauku nākotni Briselē",
            "Youth conference on the future of rural areas in Brussels",
        ),
        lead=T(
            "Trīs dienas Briselē kopā ar jauniešiem no visas Eiropas: diskusijas ar "
            "Eiropas Parlamenta deputātiem par to, kā laukos dzīvot, mācīties un strādāt.",
            "Three days in Brussels with young people from all over Europe: discussions with "
            "Members of the European Parliament about living, learning and working in the "
            "countryside.",
        ),
        body=text(
            T(
                "Latvijas Mazpulki var nosūtīt divus delegātus. Meklējam jauniešus, kuri ir "
                "gatavi pastāstīt par savu projektu un pēc tam dalīties iespaidos ar citiem "
                "mazpulcēniem.",
                "Latvijas Mazpulki can send two delegates. We are looking for young people ready "
                "to present their project and share what they learned with other members "
                "afterwards.",
            ),
            T(
                "Konferences darba valoda ir angļu valoda.",
                "The conference's working language is English.",
            ),
        ),
        opportunity_type="conference",
        country="BE",
        start_date=day("2027-03-23"),
        end_date=day("2027-03-25"),
        application_deadline=day("2027-01-10"),
        min_age=18,
        max_age=30,
        covers_travel=True,
        covers_stay=True,
        covers_fee=True,
        partner_name="Rural Youth Europe",
        partner_url=RURAL_YOUTH_EUROPE,
        apply_email=OFFICE_EMAIL,
        priority_areas=[area("pilsoniska-lidzdaliba")],
    ),
    opportunity(
        slug=T(
            "jauniesu-apmaina-seklu-glabataji-slovenija",
            "youth-exchange-seed-keepers-slovenia",
        ),
        title=T(
            "Jauniešu apmaiņa „Sēklu glabātāji” Slovēnijā",
            "Youth exchange “Seed keepers” in Slovenia",
        ),
        lead=T(
            "Erasmus+ jauniešu apmaiņa par vietējām šķirnēm un sēklu saglabāšanu: nedēļa "
            "Slovēnijas laukos kopā ar jauniešiem no piecām valstīm.",
            "An Erasmus+ youth exchange on local varieties and saving seeds: a week in the "
            "Slovenian countryside with young people from five countries.",
        ),
        body=text(
            T(
                "Dalībnieki apmeklēs sēklu banku un ģimenes saimniecības, paši ievāks un "
                "sagatavos sēklas un izveidos kopīgu sēklu maiņas punktu.",
                "Participants will visit a seed bank and family farms, collect and prepare "
                "seeds themselves and set up a shared seed swap.",
            ),
            T(
                "No Latvijas brauks pieci jaunieši un viens vadītājs.",
                "Five young people and one leader will travel from Latvia.",
            ),
        ),
        image="garden",
        opportunity_type="youth-exchange",
        country="SI",
        start_date=day("2027-04-12"),
        end_date=day("2027-04-20"),
        application_deadline=day("2027-01-31"),
        min_age=14,
        max_age=19,
        covers_travel=True,
        covers_stay=True,
        covers_fee=True,
        covered_note=T(
            "Ceļa izdevumus atmaksā pēc Erasmus+ attāluma joslām (līdz 275 EUR).",
            "Travel is reimbursed by the Erasmus+ distance bands (up to 275 EUR).",
        ),
        partner_name="Zveza podeželske mladine Slovenije",
        apply_email=OFFICE_EMAIL,
        priority_areas=[area("vides-izglitiba"), area("atbildigs-paterins")],
    ),
    opportunity(
        slug=T(
            "jauniesu-apmaina-digitalais-ciems-igaunija",
            "youth-exchange-digital-village-estonia",
        ),
        title=T(
            "Jauniešu apmaiņa „Digitālais ciems” Igaunijā",
            "Youth exchange “Digital village” in Estonia",
        ),
        lead=T(
            "Kā tehnoloģijas var palīdzēt mazam ciemam? Nedēļa Igaunijā, lai kopā ar igauņu un "
            "somu jauniešiem izstrādātu idejas savam pagastam.",
            "How can technology help a small village? A week in Estonia designing ideas for "
            "your own parish with Estonian and Finnish young people.",
        ),
        body=text(
            T(
                "Programmā ir darbnīcas par sensoriem dārzā, kartēm un mobilajām lietotnēm, kā "
                "arī tikšanās ar vietējiem uzņēmējiem.",
                "The programme includes workshops on sensors in the garden, maps and mobile apps, "
                "and meetings with local entrepreneurs.",
            ),
        ),
        image="forum",
        opportunity_type="youth-exchange",
        country="EE",
        start_date=day("2027-05-03"),
        end_date=day("2027-05-10"),
        application_deadline=day("2027-02-28"),
        min_age=16,
        max_age=22,
        covers_travel=True,
        covers_stay=True,
        covers_fee=True,
        partner_name="Eesti 4H",
        apply_email=OFFICE_EMAIL,
        priority_areas=[area("modernas-tehnologijas"), area("uznemejdarbiba-laukos")],
    ),
    opportunity(
        slug=T("4h-vasaras-nometne-somija", "4h-summer-camp-in-finland"),
        title=T("4H vasaras nometne Somijā", "4H summer camp in Finland"),
        lead=T(
            "Nedēļa pie Somijas ezeriem kopā ar 4H jauniešiem no Ziemeļvalstīm un Baltijas: "
            "laivošana, pārgājieni un amatu darbnīcas.",
            "A week by the Finnish lakes with 4H youths from the Nordic and Baltic countries: "
            "canoeing, hiking and craft workshops.",
        ),
        body=text(
            T(
                "Nometnē dzīvo teltīs un mājiņās; dienas beidzas pie ugunskura. Dalībnieki "
                "brauc kopā ar mazpulka vadītāju.",
                "Campers stay in tents and cabins; the days end around the campfire. "
                "Participants travel with a club leader.",
            ),
        ),
        image="camp",
        opportunity_type="camp",
        country="FI",
        start_date=day("2027-07-05"),
        end_date=day("2027-07-12"),
        application_deadline=day("2027-03-31"),
        min_age=13,
        max_age=17,
        covers_travel=False,
        covers_stay=True,
        covers_fee=True,
        covered_note=T(
            "Ceļu uz Helsinkiem sedz dalībnieks; Latvijas Mazpulki var piešķirt atbalstu.",
            "Participants pay their way to Helsinki; Latvijas Mazpulki can help with grants.",
        ),
        partner_name="Suomen 4H-liitto",
        apply_email=OFFICE_EMAIL,
        priority_areas=[area("vides-izglitiba")],
    ),
    opportunity(
        slug=T(
            "eiropas-lauku-jaunatnes-salidojums-2027-irija",
            "european-rural-youth-rally-2027-ireland",
        ),
        title=T(
            "Eiropas lauku jaunatnes salidojums 2027 Īrijā",
            "European Rural Youth Rally 2027 in Ireland",
        ),
        lead=T(
            "Rural Youth Europe ikgadējais salidojums: nedēļa ar 150 jauniešiem no visas "
            "Eiropas, semināri, ekskursijas un starptautiskais vakars.",
            "Rural Youth Europe's yearly rally: a week with 150 young people from all over "
            "Europe, seminars, excursions and an international evening.",
        ),
        body=text(
            T(
                "Šī gada tēma ir jauniešu uzņēmējdarbība laukos. Latvijas delegācija sagatavos "
                "prezentāciju par mazpulcēnu projektiem.",
                "This year's theme is young people's rural entrepreneurship. The Latvian "
                "delegation will prepare a presentation of members' projects.",
            ),
            T(
                "Dalības maksa ir 350 EUR; mazpulcēniem, kuri aktīvi darbojas, Latvijas "
                "Mazpulki sedz pusi.",
                "The fee is 350 EUR; Latvijas Mazpulki pays half for active members.",
            ),
        ),
        image="camp",
        opportunity_type="camp",
        country="IE",
        start_date=day("2027-07-24"),
        end_date=day("2027-07-31"),
        application_deadline=day("2027-04-15"),
        min_age=18,
        max_age=30,
        covers_travel=False,
        covers_stay=True,
        covers_fee=False,
        covered_note=T(
            "Dalības maksa 350 EUR, no tās pusi sedz Latvijas Mazpulki.",
            "Fee 350 EUR, half of it paid by Latvijas Mazpulki.",
        ),
        partner_name="Rural Youth Europe",
        partner_url=RURAL_YOUTH_EUROPE,
        apply_url=RURAL_YOUTH_EUROPE,
        apply_email=OFFICE_EMAIL,
        priority_areas=[area("uznemejdarbiba-laukos"), area("pilsoniska-lidzdaliba")],
    ),
    # Past their deadline on 2026-11-26: the archive -----------------------------------------
    opportunity(
        slug=T(
            "macibu-kurss-jauniesu-lidzdaliba-gruzija",
            "training-course-youth-participation-georgia",
        ),
        title=T(
            "Mācību kurss „Jauniešu līdzdalība kopienā” Gruzijā",
            "Training course “Youth participation in the community” in Georgia",
        ),
        lead=T(
            "Nedēļas kurss Kahetijā jauniešu līderiem par to, kā iesaistīt vienaudžus "
            "vietējās kopienas lēmumos.",
            "A week-long course in Kakheti for young leaders on involving their peers in "
            "local decisions.",
        ),
        body=text(
            T(
                "Kursā piedalījās divi Latvijas Mazpulku pārstāvji; viņu pieredze noderēja "
                "mazpulcēnu padomes darbā.",
                "Two representatives of Latvijas Mazpulki took part; what they learned helped "
                "the youth council's work.",
            ),
        ),
        opportunity_type="training-course",
        country="GE",
        start_date=day("2026-10-05"),
        end_date=day("2026-10-11"),
        application_deadline=day("2026-08-20"),
        min_age=18,
        max_age=None,
        covers_travel=True,
        covers_stay=True,
        covers_fee=True,
        apply_url=TRAINING_CALENDAR,
        priority_areas=[area("pilsoniska-lidzdaliba")],
    ),
    opportunity(
        slug=T(
            "eiropas-lauku-jaunatnes-salidojums-2026-austrija",
            "european-rural-youth-rally-2026-austria",
        ),
        title=T(
            "Eiropas lauku jaunatnes salidojums 2026 Austrijā",
            "European Rural Youth Rally 2026 in Austria",
        ),
        lead=T(
            "Rural Youth Europe salidojums Alpu pakājē par tēmu „Klimats un lauksaimniecība”.",
            "The Rural Youth Europe rally in the foothills of the Alps on “Climate and farming”.",
        ),
        body=text(
            T(
                "Latvijas delegācijā bija seši jaunieši; viņi vadīja darbnīcu par dārzkopības "
                "projektiem.",
                "The Latvian delegation of six young people ran a workshop on gardening projects.",
            ),
        ),
        image="camp",
        opportunity_type="camp",
        country="AT",
        start_date=day("2026-07-20"),
        end_date=day("2026-07-27"),
        application_deadline=day("2026-04-30"),
        min_age=18,
        max_age=30,
        covers_travel=False,
        covers_stay=True,
        covers_fee=False,
        partner_name="Rural Youth Europe",
        partner_url=RURAL_YOUTH_EUROPE,
        apply_url=RURAL_YOUTH_EUROPE,
        priority_areas=[area("vides-izglitiba"), area("uznemejdarbiba-laukos")],
    ),
    opportunity(
        slug=T(
            "brivpratigais-darbs-ekologiska-saimnieciba-spanija",
            "volunteering-on-an-organic-farm-in-spain",
        ),
        title=T(
            "Brīvprātīgais darbs ekoloģiskā saimniecībā Spānijā",
            "Volunteering on an organic farm in Spain",
        ),
        lead=T(
            "Piecu mēnešu Eiropas Solidaritātes korpusa projekts Galisijā: ekoloģiskā "
            "lauksaimniecība un darbs ar vietējiem bērniem.",
            "A five-month European Solidarity Corps project in Galicia: organic farming and "
            "work with local children.",
        ),
        body=text(
            T(
                "Projekts noslēdzās 2026. gada jūlijā; brīvprātīgās stāsts lasāms mūsu ziņās.",
                "The project ended in July 2026; the volunteer's story is in our news.",
            ),
        ),
        image="garden",
        opportunity_type="volunteering",
        country="ES",
        start_date=day("2026-02-01"),
        end_date=day("2026-06-30"),
        application_deadline=day("2025-11-30"),
        min_age=18,
        max_age=30,
        covers_travel=True,
        covers_stay=True,
        covers_fee=True,
        apply_url=SOLIDARITY_CORPS,
        priority_areas=[area("atbildigs-paterins")],
    ),
    opportunity(
        slug=T(
            "jauniesu-apmaina-maize-un-tradicijas-polija",
            "youth-exchange-bread-and-traditions-poland",
        ),
        title=T(
            "Jauniešu apmaiņa „Maize un tradīcijas” Polijā",
            "Youth exchange “Bread and traditions” in Poland",
        ),
        lead=T(
            "Desmit dienas Polijas ciemā: maizes cepšana, vietējās tradīcijas un jauni draugi "
            "no Polijas, Čehijas un Slovākijas.",
            "Ten days in a Polish village: baking bread, local traditions and new friends from "
            "Poland, Czechia and Slovakia.",
        ),
        body=text(
            T(
                "Apmaiņā piedalījās seši mazpulcēni no Zemgales un Latgales.",
                "Six members from Zemgale and Latgale took part in the exchange.",
            ),
        ),
        opportunity_type="youth-exchange",
        country="PL",
        start_date=day("2025-10-06"),
        end_date=day("2025-10-15"),
        application_deadline=day("2025-08-31"),
        min_age=15,
        max_age=19,
        covers_travel=True,
        covers_stay=True,
        covers_fee=True,
        apply_email=OFFICE_EMAIL,
        priority_areas=[area("lauku-attistiba"), area("atbildigs-paterins")],
    ),
]
