"""The site every installation starts with, demo content or not.

- the English locale, kept in sync with the Latvian tree by wagtail-localize (new Latvian
  pages appear in English as aliases until they are translated);
- the seven priority areas and five planning regions of the strategy, in both languages;
- a home page in place of Wagtail's "Welcome" page, as the default site's root.
"""

import uuid

from django.db import migrations

PRIORITY_AREAS = [
    (
        "uznemejdarbiba-laukos",
        "Uzņēmējdarbība laukos",
        "Rural entrepreneurship",
        "Jaunieši izmēģina savu biznesa ideju: no dārzeņiem tirgū līdz mājražotāja produktam.",
        "Young people try out a business idea of their own, from vegetables at the market to "
        "a home-made product.",
    ),
    (
        "lauku-attistiba",
        "Lauku attīstība",
        "Rural development",
        "Dzīvi un darbspējīgi lauki, kuros jaunieši grib palikt un atgriezties.",
        "Living countryside where young people want to stay and come back to.",
    ),
    (
        "sabiedriska-zinatne",
        "Sabiedriskā zinātne",
        "Citizen science",
        "Pētījumi, kuros bērni vāc datus par dabu, laikapstākļiem un savu apkārtni.",
        "Research in which children collect data on nature, weather and their surroundings.",
    ),
    (
        "vides-izglitiba",
        "Vides izglītība",
        "Environmental education",
        "Zināšanas un ieradumi, kas sargā dabu – mežā, upē un savā pagalmā.",
        "Knowledge and habits that protect nature: in the forest, the river and the back yard.",
    ),
    (
        "pilsoniska-lidzdaliba",
        "Pilsoniskā līdzdalība",
        "Civic participation",
        "Jauniešu balss pašvaldībā un valstī, vietējās iniciatīvas savai kopienai.",
        "Young people's voice in the municipality and the state; local initiatives for the "
        "community.",
    ),
    (
        "atbildigs-paterins",
        "Atbildīgs patēriņš",
        "Responsible consumption",
        "Gudra saimniekošana: mazāk atkritumu, vairāk atkārtotas izmantošanas.",
        "Thrifty housekeeping: less waste, more reuse.",
    ),
    (
        "modernas-tehnologijas",
        "Modernās tehnoloģijas",
        "Modern technologies",
        "Roboti, programmēšana un viedā lauksaimniecība mazpulcēnu projektos.",
        "Robots, programming and smart farming in members' projects.",
    ),
]

REGIONS = [
    ("riga", "Rīga", "Riga"),
    ("vidzeme", "Vidzeme", "Vidzeme"),
    ("kurzeme", "Kurzeme", "Kurzeme"),
    ("zemgale", "Zemgale", "Zemgale"),
    ("latgale", "Latgale", "Latgale"),
]


def seed(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    PriorityArea = apps.get_model("home", "PriorityArea")
    Region = apps.get_model("home", "Region")

    latvian, _ = Locale.objects.get_or_create(language_code="lv")
    english, _ = Locale.objects.get_or_create(language_code="en")
    LocaleSynchronization.objects.get_or_create(locale=english, defaults={"sync_from": latvian})

    for order, (slug, name_lv, name_en, text_lv, text_en) in enumerate(PRIORITY_AREAS):
        latvian_area, _ = PriorityArea.objects.get_or_create(
            locale=latvian,
            slug=slug,
            defaults={"name": name_lv, "description": text_lv, "sort_order": order,
                      "translation_key": uuid.uuid4()},
        )
        PriorityArea.objects.get_or_create(
            locale=english,
            slug=slug,
            defaults={"name": name_en, "description": text_en, "sort_order": order,
                      "translation_key": latvian_area.translation_key},
        )

    for order, (slug, name_lv, name_en) in enumerate(REGIONS):
        latvian_region, _ = Region.objects.get_or_create(
            locale=latvian,
            slug=slug,
            defaults={"name": name_lv, "sort_order": order, "translation_key": uuid.uuid4()},
        )
        Region.objects.get_or_create(
            locale=english,
            slug=slug,
            defaults={"name": name_en, "sort_order": order,
                      "translation_key": latvian_region.translation_key},
        )

    _replace_welcome_page(apps, latvian)


def _replace_welcome_page(apps, latvian):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("home", "HomePage")

    page_type = ContentType.objects.get_for_model(Page)
    welcome = Page.objects.filter(depth=2, slug="home", content_type=page_type, numchild=0).first()
    if welcome is None or HomePage.objects.exists():
        return
    path = welcome.path
    welcome.delete()

    home = HomePage.objects.create(
        title="Latvijas Mazpulki",
        draft_title="Latvijas Mazpulki",
        slug="home",
        content_type=ContentType.objects.get_for_model(HomePage),
        path=path,
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=latvian,
        translation_key=uuid.uuid4(),
        live=True,
        hero_heading="Latvijas Mazpulki",
        body=[],
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home,
                  "site_name": "Latvijas Mazpulki"},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
