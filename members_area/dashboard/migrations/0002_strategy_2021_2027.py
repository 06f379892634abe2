"""The 2021–2027 strategy's measurable targets, and coordinators keeping them in the admin.

Approved by the council of Latvijas Mazpulki on 11 November 2021 (shared/seed). Targets are
data from here on: coordinators edit them and add the next period's in the admin.
"""

from decimal import Decimal

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERIOD = {"name": "Latvijas Mazpulku stratēģija", "first_year": 2021, "last_year": 2027}

# Counted by hand where the site holds no data. Pro-rated (PRO_RATED) only counts that build
# up over the year; a one-off, a level or a share is open until met or the year is over.
ENTERED = "entered"
PRO_RATED, WHOLE = True, False

# (key, area, measure, target, unit, pro-rated, Latvian, English[, award kind's name])
# The Latvian wording is the strategy's, its obvious slips of case mended.
TARGETS = [
    # Iespējas mazpulcēniem
    (
        "projects",
        "projects",
        "projects",
        500,
        "",
        PRO_RATED,
        "Ik gadu īstenoti 500 projekti",
        "500 projects carried out every year",
    ),
    (
        "priority-themes",
        "projects",
        "priority_themes",
        3,
        "",
        WHOLE,
        "Ik gadu nodrošināt vismaz 3 prioritāro projektu tēmas (3 nolikumi)",
        "At least 3 priority project themes every year (3 sets of rules)",
    ),
    (
        "seminars-per-area",
        "seminars",
        "seminars_per_area",
        2,
        "",
        PRO_RATED,
        "Ik gadu nodrošināt vismaz 2 seminārus katrā no attiecīgā gada prioritārajām jomām",
        "At least 2 seminars every year in each of that year's priority areas",
    ),
    (
        "members-growth",
        "members",
        "members_growth",
        5,
        "%",
        WHOLE,
        "Ik gadu palielināt biedru skaitu par 5 %",
        "Increase the number of members by 5 % every year",
    ),
    (
        "new-club-per-region",
        "members",
        "new_clubs_per_region",
        1,
        "",
        WHOLE,
        "Katrā reģionā ik gadu nāk klāt viens mazpulks",
        "One new club in every region every year",
    ),
    (
        "recruitment-events",
        "members",
        "recruitment_events",
        2,
        "",
        PRO_RATED,
        "Ik gadus organizēt 2 pasākumus biedru piesaistei (festivāls ar darbnīcām, "
        "plašākai publikai)",
        "Organise 2 events every year to recruit members (a festival with workshops, "
        "for the wider public)",
    ),
    (
        "online-club",
        "remote",
        "online_club_members",
        1,
        "",
        WHOLE,
        "Rast iespēju jauniešiem, kuru dzīvesvietā nedarbojas mazpulks, darboties Mazpulku "
        "organizācijā (tiešsaistes mazpulks)",
        "Give youths with no club where they live the chance to take part in the "
        "organisation (the online club)",
    ),
    (
        "international-youths",
        "international",
        "international_youths",
        50,
        "",
        PRO_RATED,
        "Ik gadu nodrošināt vismaz 50 bērnu un jauniešu līdzdalību starptautiskajās "
        "aktivitātēs",
        "At least 50 children and youths take part in international activities every year",
    ),
    (
        "international-info-events",
        "international",
        "info_events",
        2,
        "",
        PRO_RATED,
        "Ik gadu organizēt vismaz 2 aktivitātes biedru informēšanai par jauniešu iespējām "
        "starptautiskā mērogā",
        "At least 2 activities every year to tell members about youth opportunities abroad",
    ),
    (
        "council-online-meetings",
        "council",
        "council_online_meetings",
        6,
        "",
        PRO_RATED,
        "Ik gadu vismaz 6 attālinātas mazpulcēnu padomes tikšanās",
        "At least 6 online meetings of the youth council every year",
    ),
    (
        "council-training",
        "council",
        "council_trainings",
        1,
        "",
        WHOLE,
        "Ik gadu vismaz 1 mazpulcēnu padomes klātienes apmācības",
        "At least 1 in-person training of the youth council every year",
    ),
    (
        "council-youths",
        "council",
        "council_youths",
        30,
        "",
        WHOLE,
        "Mazpulcēnu padomē iesaistījušies 30 jaunieši",
        "30 youths involved in the youth council",
    ),
    (
        "council-proposals",
        "council",
        "council_proposals",
        5,
        "",
        PRO_RATED,
        "Mazpulcēnu padome ierosinājusi ik gadus 5 uzlabojumus organizācijas darbā",
        "The youth council proposes 5 improvements to the organisation's work every year",
    ),
    (
        "council-surveys",
        "council",
        "council_surveys",
        3,
        "",
        WHOLE,
        "Veiktas 3 jauniešu aptaujas",
        "3 youth surveys carried out",
    ),
    (
        "local-initiatives",
        "local_initiatives",
        "local_initiatives",
        20,
        "",
        PRO_RATED,
        "Ik gadus īstenotas 20 vietējās iniciatīvas",
        "20 local initiatives carried out every year",
    ),
    (
        "camp",
        "camp",
        "camp_participants",
        300,
        "",
        WHOLE,
        "Ik gadu noorganizēta viena Vislatvijas mazpulku nometne vismaz 300 dalībniekiem",
        "One all-Latvia camp organised every year for at least 300 participants",
    ),
    (
        "national-events",
        "events",
        "national_events",
        4,
        "",
        PRO_RATED,
        "Ik gadu noorganizēti vismaz 4 nacionāla mēroga mazpulku pasākumi",
        "At least 4 national events organised every year",
    ),
    (
        "regional-events",
        "events",
        "regional_events",
        3,
        "",
        PRO_RATED,
        "Ik gadu noorganizēti vismaz 3 reģionāla mēroga mazpulku pasākumi",
        "At least 3 regional events organised every year",
    ),
    # Iespējas brīvprātīgajiem jauniešiem
    (
        "new-volunteers",
        "volunteers",
        "new_volunteers",
        5,
        "",
        PRO_RATED,
        "Ik gadus brīvprātīgo komandai pievienojas vismaz 5 aktīvi jauni brīvprātīgie",
        "At least 5 new active volunteers join the volunteer team every year",
    ),
    (
        "volunteer-growth-seminars",
        "volunteers",
        ENTERED,
        2,
        "",
        WHOLE,
        "Ik gadu organizēti vismaz 2 izaugsmes semināri (Izauguši Latvijai, brīvprātīgo "
        "nometne)",
        "At least 2 growth seminars every year (Izauguši Latvijai, the volunteers' camp)",
    ),
    (
        "volunteer-outdoor-activities",
        "volunteers",
        ENTERED,
        3,
        "",
        WHOLE,
        "Vismaz 3 āra vides komandas saliedēšanas aktivitātes (laivu brauciens, pārgājiens, "
        "virvju trase)",
        "At least 3 outdoor team-building activities (a boat trip, a hike, a rope course)",
    ),
    (
        "volunteers-trained",
        "volunteers",
        ENTERED,
        20,
        "",
        WHOLE,
        "Apmācīti vismaz 20 brīvprātīgie jaunieši",
        "At least 20 volunteer youths trained",
    ),
    (
        "award-izaugusi-latvijai",
        "volunteers",
        "awards",
        5,
        "",
        WHOLE,
        "Ik gadu vismaz 5 brīvprātīgie saņem apbalvojumu “Izauguši Latvijai”",
        "At least 5 volunteers receive the “Izauguši Latvijai” award every year",
        "Izauguši Latvijai",
    ),
    (
        "motivation-prizes",
        "volunteers",
        "awards",
        20,
        "",
        WHOLE,
        "Motivācijas balvu saņem ik gadu vismaz 20 jaunieši",
        "At least 20 youths receive the motivation prize every year",
        "Motivācijas balva",
    ),
    (
        "youth-council-of-latvia",
        "volunteers",
        ENTERED,
        2,
        "",
        WHOLE,
        "Latvijas Jaunatnes padomes rīkotajās diskusijās regulāri piedalās vismaz 2 jaunieši",
        "At least 2 youths regularly take part in the discussions held by the Latvian "
        "Youth Council",
    ),
    (
        "youths-on-the-board",
        "volunteers",
        ENTERED,
        2,
        "",
        WHOLE,
        "Mazpulku padomē darbojas vismaz 2 jaunieši",
        "At least 2 youths serve on the Mazpulki board",
    ),
    (
        "international-volunteer-youths",
        "international",
        "international_volunteer_youths",
        15,
        "",
        PRO_RATED,
        "Ik gadu nodrošināt vismaz 15 jauniešu līdzdalību starptautiskos jauniešu pasākumos",
        "At least 15 youths take part in international youth events every year",
    ),
    # Iespējas mazpulku vadītājam
    (
        "new-leaders",
        "leaders",
        "new_leaders",
        5,
        "",
        PRO_RATED,
        "Ik gadu darbu uzsāk 5 jauni mazpulku vadītāji",
        "5 new club leaders start every year",
    ),
    (
        "new-leaders-seminar",
        "leaders",
        ENTERED,
        1,
        "",
        WHOLE,
        "Ik gadu organizēts vismaz viens jauno vadītāju seminārs",
        "At least one seminar for new leaders every year",
    ),
    (
        "leaders-seminars",
        "leaders",
        "leaders_seminars",
        4,
        "",
        PRO_RATED,
        "Ik gadu nodrošināti 4 profesionālās pilnveides semināri",
        "4 professional development seminars every year",
    ),
    (
        "exchange-trip-latvia",
        "leaders",
        ENTERED,
        1,
        "",
        WHOLE,
        "Ik gadu nodrošināts viens pieredzes apmaiņas brauciens Latvijā",
        "One experience-exchange trip in Latvia every year",
    ),
    (
        "exchange-trip-abroad",
        "leaders",
        ENTERED,
        1,
        "",
        WHOLE,
        "Ik gadu nodrošināts viens starptautisks pieredzes brauciens",
        "One international experience trip every year",
    ),
    (
        "leaders-exchange-trips",
        "leaders",
        ENTERED,
        40,
        "",
        WHOLE,
        "Pieredzes apmaiņas braucienos iesaistīti 40 mazpulku vadītāji",
        "40 club leaders involved in experience-exchange trips",
    ),
    (
        "leaders-trained",
        "leaders",
        "leaders_trained",
        100,
        "%",
        WHOLE,
        "Nodrošināt iespēju katram mazpulku vadītājam gadā saņemt kvalifikācijas celšanas "
        "kursu apliecību 12 stundu apjomā kopā",
        "Give every club leader the opportunity to get a certificate of qualification "
        "courses of 12 hours in all every year",
    ),
    (
        "methodology-training",
        "leaders",
        ENTERED,
        1,
        "",
        WHOLE,
        "Ik gadu nodrošināt vienas mācības par pieejamajiem metodiskajiem materiāliem",
        "One training every year on the methodological materials available",
    ),
    # Attīstīts Mazpulku darbs nacionālā mērogā
    (
        "funding-growth",
        "funding",
        ENTERED,
        20,
        "%",
        WHOLE,
        "Piesaistītais finansējums pieaudzis par 20 %",
        "Funding raised up by 20 %",
    ),
    (
        "non-project-funding",
        "funding",
        ENTERED,
        10,
        "p.p.",
        WHOLE,
        "Par 10 procentpunktiem palielināts neprojektu finansējums",
        "Non-project funding up by 10 percentage points",
    ),
    (
        "brandbook",
        "publicity",
        "brandbook",
        1,
        "",
        WHOLE,
        "Izstrādāta jauna Mazpulku zīmolgrāmata",
        "A new Mazpulki brandbook developed",
    ),
    (
        "news-every-month",
        "publicity",
        "news_months",
        12,
        "",
        PRO_RATED,
        "Nodrošināta regulāra publicitāte: www.mazpulki.lv",
        "Regular publicity: www.mazpulki.lv",
    ),
    (
        "newspaper",
        "publicity",
        "newspaper_issues",
        3,
        "",
        PRO_RATED,
        "Izdota avīze “Mazpulks” 3x gadā",
        "The newspaper “Mazpulks” published 3 times a year",
    ),
    (
        "digital-tools",
        "governance",
        ENTERED,
        5,
        "",
        WHOLE,
        "Ieviest 5 jaunus digitālus rīkus darbu efektivizēšanai un kvalitātes uzlabošanai",
        "Introduce 5 new digital tools to make work more efficient and improve quality",
    ),
    (
        "staff-training",
        "governance",
        ENTERED,
        30,
        "h",
        WHOLE,
        "Nodrošināt personāla apmācības vismaz 30 stundas gadā",
        "Staff training of at least 30 hours a year",
    ),
    (
        "members-with-card",
        "governance",
        "members_with_card",
        100,
        "%",
        WHOLE,
        "Ieviest elektronisku biedru uzskaites sistēmu: personalizēta QR kodu izveide",
        "Introduce electronic member records: a personal QR code",
    ),
    (
        "qr-checkin",
        "governance",
        "qr_checkin_events",
        1,
        "",
        WHOLE,
        "QR kodu uzskaites sistēma pasākumos",
        "Attendance at events recorded by QR code",
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
    for order, (key, area, measure, target, unit, pro_rated, lv, en, *award) in enumerate(
        TARGETS
    ):
        award_kind = None
        if award:
            award_kind = AwardKind.objects.filter(name=award[0]).first()
            if award_kind is None:  # renamed before this ran: a coordinator enters it
                measure = ENTERED
        Target.objects.get_or_create(
            period=period,
            key=key,
            defaults={
                "area": area,
                "measure": measure,
                "target": Decimal(target),
                "unit": unit,
                "pro_rated": pro_rated,
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
