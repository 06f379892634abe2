"""The 2021–2027 strategy's measurable targets, and coordinators keeping them in the admin.

Approved by the council of Latvijas Mazpulki on 11 November 2021 (shared/seed). Targets are
data from here on: coordinators edit them and add the next period's in the admin.
"""

from decimal import Decimal

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERIOD = {"name": "Latvijas Mazpulku stratēģija", "first_year": 2021, "last_year": 2027}

# (key, area, measure, target, unit, Latvian, English[, award kind's name])
TARGETS = [
    (
        "projects",
        "projects",
        "projects",
        500,
        "",
        "Ik gadu īstenoti 500 mazpulcēnu projekti",
        "500 members' projects a year",
    ),
    (
        "priority-themes",
        "projects",
        "priority_themes",
        3,
        "",
        "Ik gadu vismaz 3 prioritāro projektu tēmas (3 nolikumi)",
        "At least 3 priority project themes a year (3 sets of rules)",
    ),
    (
        "seminars-per-area",
        "seminars",
        "seminars_per_area",
        2,
        "",
        "Ik gadu vismaz 2 semināri katrā no gada prioritārajām jomām",
        "At least 2 seminars a year in each of the year's priority areas",
    ),
    (
        "members-growth",
        "members",
        "members_growth",
        5,
        "%",
        "Ik gadu biedru skaits palielinās par 5 %",
        "Members up by 5 % a year",
    ),
    (
        "new-club-per-region",
        "members",
        "new_clubs_per_region",
        1,
        "",
        "Katrā reģionā ik gadu nāk klāt viens mazpulks",
        "One new club a year in every region",
    ),
    (
        "recruitment-events",
        "members",
        "recruitment_events",
        2,
        "",
        "Ik gadu 2 pasākumi biedru piesaistei (festivāls ar darbnīcām plašākai publikai)",
        "2 events a year to recruit members (a festival with workshops for the public)",
    ),
    (
        "online-club",
        "remote",
        "online_club_members",
        1,
        "",
        "Tiešsaistes mazpulkā darbojas jaunieši, kuru dzīvesvietā nav mazpulka",
        "Youths with no club nearby take part in the online club",
    ),
    (
        "international-youths",
        "international",
        "international_youths",
        50,
        "",
        "Ik gadu vismaz 50 bērnu un jauniešu līdzdalība starptautiskajās aktivitātēs",
        "At least 50 children and youths in international activities a year",
    ),
    (
        "international-info-events",
        "international",
        "info_events",
        2,
        "",
        "Ik gadu vismaz 2 aktivitātes biedru informēšanai par jauniešu iespējām "
        "starptautiskā mērogā",
        "At least 2 activities a year telling members about international opportunities",
    ),
    (
        "volunteers-abroad",
        "international",
        "volunteers_abroad",
        15,
        "",
        "Ik gadu vismaz 15 jaunieši brīvprātīgajā darbā ārzemēs",
        "At least 15 youths volunteering abroad a year",
    ),
    (
        "council-online-meetings",
        "council",
        "council_online_meetings",
        6,
        "",
        "Ik gadu vismaz 6 attālinātas mazpulcēnu padomes tikšanās",
        "At least 6 online meetings of the youth council a year",
    ),
    (
        "council-training",
        "council",
        "council_trainings",
        1,
        "",
        "Ik gadu vismaz 1 mazpulcēnu padomes klātienes apmācības",
        "At least 1 in-person training of the youth council a year",
    ),
    (
        "council-youths",
        "council",
        "council_youths",
        30,
        "",
        "Mazpulcēnu padomē iesaistījušies 30 jaunieši",
        "30 youths on the youth council",
    ),
    (
        "council-proposals",
        "council",
        "council_proposals",
        5,
        "",
        "Mazpulcēnu padome ik gadu ierosinājusi 5 uzlabojumus organizācijas darbā",
        "5 improvements a year proposed by the youth council",
    ),
    (
        "council-surveys",
        "council",
        "council_surveys",
        3,
        "",
        "Ik gadu veiktas 3 jauniešu aptaujas",
        "3 youth surveys a year",
    ),
    (
        "local-initiatives",
        "local_initiatives",
        "local_initiatives",
        20,
        "",
        "Ik gadu īstenotas 20 vietējās iniciatīvas",
        "20 local initiatives a year",
    ),
    (
        "camp",
        "camp",
        "camp_participants",
        300,
        "",
        "Ik gadu viena Vislatvijas mazpulku nometne vismaz 300 dalībniekiem",
        "One all-Latvia camp a year for at least 300 participants",
    ),
    (
        "national-events",
        "events",
        "national_events",
        4,
        "",
        "Ik gadu vismaz 4 nacionāla mēroga mazpulku pasākumi",
        "At least 4 national events a year",
    ),
    (
        "regional-events",
        "events",
        "regional_events",
        3,
        "",
        "Ik gadu vismaz 3 reģionāla mēroga mazpulku pasākumi",
        "At least 3 regional events a year",
    ),
    (
        "new-volunteers",
        "volunteers",
        "new_volunteers",
        5,
        "",
        "Ik gadu brīvprātīgo komandai pievienojas vismaz 5 jauni aktīvi brīvprātīgie",
        "At least 5 new active volunteers join a year",
    ),
    (
        "award-izaususi-latvijai",
        "volunteers",
        "awards",
        5,
        "",
        "Ik gadu vismaz 5 brīvprātīgie saņem apbalvojumu „Izauguši Latvijai”",
        "At least 5 volunteers a year receive the “Izauguši Latvijai” award",
        "Izauguši Latvijai",
    ),
    (
        "motivation-prizes",
        "volunteers",
        "awards",
        20,
        "",
        "Motivācijas balvu ik gadu saņem vismaz 20 jaunieši",
        "At least 20 youths a year receive the motivation prize",
        "Motivācijas balva",
    ),
    (
        "new-leaders",
        "leaders",
        "new_leaders",
        5,
        "",
        "Ik gadu darbu uzsāk 5 jauni mazpulku vadītāji",
        "5 new club leaders start a year",
    ),
    (
        "leaders-seminars",
        "leaders",
        "leaders_seminars",
        4,
        "",
        "Ik gadu 4 profesionālās pilnveides semināri mazpulku vadītājiem",
        "4 professional development seminars a year for club leaders",
    ),
    (
        "leaders-trained",
        "leaders",
        "leaders_trained",
        100,
        "%",
        "Katrs mazpulku vadītājs gadā saņem kvalifikācijas celšanas apliecību 12 stundu apjomā",
        "Every club leader gets a 12-hour qualification certificate a year",
    ),
    (
        "library-materials",
        "leaders",
        "library_materials",
        1,
        "",
        "Metodiskie materiāli darbam ar bērniem un jauniešiem: jauni materiāli bibliotēkā",
        "Methodological materials for work with children and youths: new ones in the library",
    ),
    (
        "leaders-exchange-trips",
        "leaders",
        "entered",
        40,
        "",
        "Pieredzes apmaiņas braucienos iesaistīti 40 mazpulku vadītāji",
        "40 club leaders on experience-exchange trips",
    ),
    (
        "brandbook",
        "publicity",
        "brandbook",
        1,
        "",
        "Izstrādāta jauna Mazpulku zīmolgrāmata",
        "A new brandbook",
    ),
    (
        "news-every-month",
        "publicity",
        "news_months",
        12,
        "",
        "Regulāra publicitāte mazpulki.lv: jaunumi katru mēnesi",
        "Regular news on mazpulki.lv: every month",
    ),
    (
        "newspaper",
        "publicity",
        "newspaper_issues",
        3,
        "",
        "Izdota avīze „Mazpulks” 3 reizes gadā",
        "The newspaper “Mazpulks” three times a year",
    ),
    (
        "members-with-card",
        "governance",
        "members_with_card",
        100,
        "%",
        "Elektroniska biedru uzskaite: personalizēts QR kods katram biedram",
        "Electronic member records: a personal QR code for every member",
    ),
    (
        "qr-checkin",
        "governance",
        "qr_checkin_events",
        1,
        "",
        "QR kodu uzskaites sistēma pasākumos",
        "Attendance at events recorded by QR code",
    ),
    (
        "staff-training",
        "governance",
        "entered",
        30,
        "h",
        "Personāla apmācības vismaz 30 stundas gadā",
        "Staff training of at least 30 hours a year",
    ),
    (
        "funding-growth",
        "funding",
        "entered",
        20,
        "%",
        "Piesaistītais finansējums pieaudzis par 20 %",
        "Funding raised up by 20 %",
    ),
    (
        "non-project-funding",
        "funding",
        "entered",
        10,
        "p.p.",
        "Par 10 procentpunktiem palielināts neprojektu finansējums",
        "Non-project funding up by 10 percentage points",
    ),
]

PERMISSIONS = [
    ("dashboard", codename)
    for model in ("strategyperiod", "target", "enteredfigure")
    for codename in (f"add_{model}", f"change_{model}", f"delete_{model}", f"view_{model}")
]


def seed(apps, schema_editor):
    StrategyPeriod = apps.get_model("dashboard", "StrategyPeriod")
    Target = apps.get_model("dashboard", "Target")
    AwardKind = apps.get_model("volunteering", "AwardKind")

    period, _created = StrategyPeriod.objects.get_or_create(
        first_year=PERIOD["first_year"], last_year=PERIOD["last_year"], defaults=PERIOD
    )
    for order, (key, area, measure, target, unit, lv, en, *award) in enumerate(TARGETS):
        award_kind = None
        if award:
            award_kind = AwardKind.objects.filter(name=award[0]).first()
            if award_kind is None:  # renamed before this ran: a coordinator enters it
                measure = "entered"
        Target.objects.get_or_create(
            period=period,
            key=key,
            defaults={
                "area": area,
                "measure": measure,
                "target": Decimal(target),
                "unit": unit,
                "wording_lv": lv,
                "wording_en": en,
                "award_kind": award_kind,
                "order": (order + 1) * 10,
            },
        )

    # Permissions are normally made after all migrations; make them now to give them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Koordinatori")
    for app_label, codename in PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("dashboard", "0001_initial"),
        ("volunteering", "0002_award_kinds"),
        ("clubs", "0004_coordinators_manage_clubs"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
