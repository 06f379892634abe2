"""Fill an empty installation with a realistic Latvian site and its English translation.

Creates only what is missing: running it again changes nothing, and pages an editor has
already changed are left alone.
"""

import datetime
import io
import math
import os
import random
import secrets
import unicodedata
import uuid
from collections import Counter
from decimal import Decimal
from html import escape
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue, extract_strings
from wagtail_localize.synctree import synchronize_tree

from brandbook import demo_content as brandbook_demo
from events.demo_content import EVENTS
from home import demo_content
from home.demo_content import DemoPage, DocumentRef, ImageRef, PageRef, T, TermRef
from home.models import HomePage, Municipality, OrganisationSettings, SiteImage
from members_area.clubs import demo_content as clubs_demo
from members_area.clubs.models import Club
from members_area.library import demo_content as library_demo
from members_area.library.services import library_collection, public_collection
from members_area.projects import demo_content as projects_demo
from news.demo_content import ARTICLES, TAGS
from news.models import NewsTag
from newspaper.demo_content import ISSUES
from opportunities.demo_content import PAGES as OPPORTUNITY_PAGES

DEFAULT_ADMIN_EMAIL = "koordinators@mazpulki.example"
NEWS_INDEX = "jaunumi"
NEWSPAPER_INDEX = "avize-mazpulks"
EVENTS_INDEX = "pasakumi"
RIGA = ZoneInfo("Europe/Riga")

# The home page's call to join leads to the club finder.
HOME = {
    **demo_content.HOME,
    "join_link_label": T("Atrodi savu mazpulku", "Find your club"),
    "join_page": PageRef(clubs_demo.CLUB_FINDER),
}


class Command(BaseCommand):
    help = "Load the demo site (Latvian with English translations). Safe to run again."

    def handle(self, *args, **options):
        self.created = Counter()
        with transaction.atomic():
            self.latvian = Locale.objects.get(language_code="lv")
            self.english = Locale.objects.get(language_code="en")
            self.coordinator = self.ensure_coordinator()
            self.images = {image.key: self.ensure_image(image) for image in demo_content.IMAGES}
            self.images.update({cover_key(issue): self.ensure_cover(issue) for issue in ISSUES})
            self.documents = {issue_key(issue): self.ensure_issue_pdf(issue) for issue in ISSUES}
            for key, (title, alt, filename, make) in brandbook_demo.DEMO_IMAGES.items():
                self.images[key] = self.ensure_generated_image(title, alt, filename, make)
            for key, (title, filename, make) in brandbook_demo.DEMO_DOCUMENTS.items():
                self.documents[key] = self.ensure_generated_document(title, filename, make)
            for key, (title, filename, make) in projects_demo.DEMO_DOCUMENTS.items():
                self.documents[key] = self.ensure_generated_document(title, filename, make)
            # The leaders' library's documents go to its private collection.
            for key, (title, filename, make) in library_demo.DEMO_DOCUMENTS.items():
                self.documents[key] = self.ensure_generated_document(
                    title, filename, make, collection=library_collection()
                )
            brandbook_demo.ensure_promo_items(self.latvian, self.english, self.images)
            self.ensure_organisation_settings()
            self.ensure_news_tags()
            self.ensure_clubs()

            home = self.ensure_home()
            pages = {None: home}
            new_pages = []
            all_pages = demo_pages()
            for demo_page in all_pages:
                page, created = self.ensure_page(demo_page, pages[demo_page.parent])
                pages[demo_page.slug.lv] = page
                if created:
                    new_pages.append((page, demo_page))
            # Pages link to each other, so their content is filled once all of them exist.
            for page, demo_page in new_pages:
                self.set_fields(page, self.demo_fields(demo_page))
                self.publish(page)
            if home.latest_revision_id is None:  # never edited, by the loader or a person
                self.set_fields(home, HOME)
                self.publish(home)
                self.created["home page"] += 1

            self.ensure_translation(home, HOME)
            for demo_page in all_pages:
                self.ensure_translation(pages[demo_page.slug.lv], self.demo_fields(demo_page))
            # Anything else in Latvian appears in English as an alias until translated.
            synchronize_tree(self.latvian, self.english)
        if self.created:
            summary = ", ".join(f"{what}: {count}" for what, count in self.created.items())
            self.stdout.write(f"Demo content loaded ({summary}).")
        else:
            self.stdout.write("Demo content is already there; nothing changed.")

    # People --------------------------------------------------------------------------------

    def ensure_coordinator(self):
        User = get_user_model()
        email = os.environ.get("DEMO_ADMIN_EMAIL", DEFAULT_ADMIN_EMAIL).strip().lower()
        user = User.objects.filter(email=email).first()
        if user is not None:
            return user
        password = os.environ.get("DEMO_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        user = User.objects.create_superuser(
            email=email, password=password, first_name="Demo", last_name="Koordinators"
        )
        # With mandatory e-mail verification nobody signs in without a verified address.
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        self.created["demo coordinator"] += 1
        if os.environ.get("DEMO_ADMIN_PASSWORD"):
            shown = "(from DEMO_ADMIN_PASSWORD)"
        else:
            shown = f"{password}   <- shown only now; keep it"
        self.stdout.write(
            self.style.SUCCESS(
                "\nDemo coordinator for the admin at /admin/:\n"
                f"  e-mail:   {email}\n"
                f"  password: {shown}\n"
            )
        )
        return user

    # Images --------------------------------------------------------------------------------

    def ensure_image(self, demo_image):
        image = SiteImage.objects.filter(title=demo_image.title.lv).first()
        if image is not None:
            return image
        content = io.BytesIO()
        draw_landscape(demo_image).save(content, "JPEG", quality=88)
        image = SiteImage(
            title=demo_image.title.lv,
            description=demo_image.alt.lv,
            credit=demo_content.CREDIT,
            uploaded_by_user=self.coordinator,
            collection=public_collection(),
        )
        image.file = ImageFile(content, name=f"demo-{demo_image.key}.jpg")
        image.save()
        self.created["images"] += 1
        return image

    def ensure_generated_image(self, title, alt, filename, make):
        """An image by its title; `make()` gives the file's bytes when it must be created."""
        image = SiteImage.objects.filter(title=title).first()
        if image is None:
            image = SiteImage(
                title=title,
                description=alt,
                credit=demo_content.CREDIT,
                uploaded_by_user=self.coordinator,
                collection=public_collection(),
            )
            image.file = ImageFile(io.BytesIO(make()), name=filename)
            image.save()
            self.created["images"] += 1
        return image

    def ensure_generated_document(self, title, filename, make, collection=None):
        """A document by its title; `make()` gives the file's bytes when it must be created.

        Documents go to the public site's collection unless another is given."""
        Document = get_document_model()
        document = Document.objects.filter(title=title).first()
        if document is None:
            document = Document(
                title=title,
                uploaded_by_user=self.coordinator,
                collection=collection or public_collection(),
            )
            document.file.save(filename, ContentFile(make()), save=False)
            document._set_document_file_metadata()
            document.save()
            self.created["documents"] += 1
        return document

    def ensure_cover(self, issue):
        return self.ensure_generated_image(
            f"„Mazpulks” Nr. {issue.number}, {issue.year} – vāks",
            f"Avīzes „Mazpulks” {issue.year}. gada {issue.number}. numura vāks",
            f"demo-mazpulks-{issue.year}-{issue.number}.jpg",
            lambda: encoded(draw_cover(issue), "JPEG", quality=85),
        )

    def ensure_issue_pdf(self, issue):
        def make():
            cover, *pages = draw_issue_pages(issue)
            return encoded(cover, "PDF", save_all=True, append_images=pages, resolution=100)

        return self.ensure_generated_document(
            f"„Mazpulks” Nr. {issue.number}, {issue.year} (PDF)",
            f"mazpulks-{issue.year}-{issue.number}.pdf",
            make,
        )

    # Taxonomy ------------------------------------------------------------------------------

    def ensure_news_tags(self):
        for demo_tag in TAGS:
            tag = NewsTag.objects.filter(locale=self.latvian, slug=demo_tag.slug).first()
            if tag is None:
                tag = NewsTag.objects.create(
                    locale=self.latvian, slug=demo_tag.slug, name=demo_tag.name.lv
                )
                self.created["news tags"] += 1
            if not NewsTag.objects.filter(
                locale=self.english, translation_key=tag.translation_key
            ).exists():
                english = tag.copy_for_translation(self.english)
                english.name = demo_tag.name.en
                english.save()

    # Clubs ---------------------------------------------------------------------------------

    def ensure_clubs(self):
        """The demo clubs, by number: a club changed in the admin keeps its changes."""
        municipalities = {m.slug: m for m in Municipality.objects.all()}
        for demo_club in clubs_demo.CLUBS:
            _club, created = Club.objects.get_or_create(
                number=demo_club.number,
                defaults={
                    "name": demo_club.name,
                    "kind": Club.Kind.LOCAL,
                    "municipality": municipalities[demo_club.municipality],
                    "meeting_place": demo_club.meeting_place,
                    "meeting_time": demo_club.meeting_time,
                    "contact_name": demo_club.contact_name,
                    "contact_email": demo_club.contact_email,
                    "contact_phone": demo_club.contact_phone,
                    "active": demo_club.active,
                },
            )
            if created:
                self.created["clubs"] += 1

    # Settings ------------------------------------------------------------------------------

    def ensure_organisation_settings(self):
        site = Site.objects.get(is_default_site=True)
        organisation = OrganisationSettings.for_site(site)
        if organisation.email:
            return
        for name, value in demo_content.ORGANISATION.items():
            setattr(organisation, name, value)
        organisation.save()
        self.created["organisation details"] += 1

    # Pages ---------------------------------------------------------------------------------

    def ensure_home(self):
        site = Site.objects.get(is_default_site=True)
        home = site.root_page.specific
        if not isinstance(home, HomePage):
            raise CommandError("The default site's root is not a HomePage: is the database new?")
        return home

    def demo_fields(self, demo_page):
        return {"title": demo_page.title, "slug": demo_page.slug, **demo_page.fields}

    def ensure_page(self, demo_page, parent):
        existing = parent.get_children().filter(slug=demo_page.slug.lv).first()
        if existing is not None:
            return existing.specific, False
        page = apps.get_model(demo_page.model)(
            title=demo_page.title.lv,
            slug=demo_page.slug.lv,
            locale=self.latvian,
            show_in_menus=demo_page.show_in_menus,
            owner=self.coordinator,
            live=False,  # a draft until its content is filled in and published
        )
        # What does not link to other pages is set now (some fields may not be empty).
        self.set_fields(
            page,
            {name: value for name, value in demo_page.fields.items() if not links_to_pages(value)},
        )
        parent.add_child(instance=page)
        self.created["pages"] += 1
        return page, True

    def set_fields(self, page, fields):
        for name, value in fields.items():
            setattr(page, name, self.resolve(value, "lv"))

    def publish(self, page):
        page.save_revision(user=self.coordinator, log_action=True).publish(user=self.coordinator)

    def ensure_translation(self, page, fields):
        existing = page.get_translation_or_none(self.english)
        if existing is not None and existing.alias_of_id is None:
            return
        source, _created = TranslationSource.get_or_create_from_instance(page)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=self.english
        )
        english_strings = english_string_map(fields)
        for segment in StringSegment.objects.filter(source=source).select_related("string"):
            english = english_strings.get(segment.string.data)
            if english is not None:
                StringTranslation.objects.get_or_create(
                    translation_of=segment.string,
                    locale=self.english,
                    context_id=segment.context_id,
                    defaults={"data": english, "translation_type": "manual"},
                )
        translation.save_target(user=self.coordinator, publish=False)
        # Published here, not by wagtail-localize's on-commit hook: that hook saves the page
        # object as it was before its children were translated and resets the tree's count
        # of children, hiding them.
        translated = page.get_translation(self.english)
        Revision.objects.get(pk=translated.latest_revision_id).publish(user=self.coordinator)
        self.created["English translations"] += 1

    # Values --------------------------------------------------------------------------------

    def resolve(self, value, language):
        """Turn a demo value into what the model field takes, in one language."""
        if isinstance(value, T):
            return getattr(value, language)
        if isinstance(value, ImageRef):
            return self.images[value.key]
        if isinstance(value, DocumentRef):
            return self.documents[value.key]
        if isinstance(value, PageRef):
            return Page.objects.get(locale=self.latvian, slug=value.slug)
        if isinstance(value, TermRef):
            return apps.get_model(value.model).objects.get(locale=self.latvian, slug=value.slug)
        if isinstance(value, dict):
            return {key: self.resolve_block(item, language) for key, item in value.items()}
        if isinstance(value, list):
            items = [self.resolve_block(item, language) for item in value]
            if items and all(isinstance(item, dict) and "type" not in item for item in items):
                # A ListBlock's children, in Wagtail's current format: with ids that
                # wagtail-localize follows from the Latvian page to its translation.
                return [{"type": "item", "value": item, "id": str(uuid.uuid4())} for item in items]
            return items
        return value

    def resolve_block(self, value, language):
        """Inside StreamField data, images and pages are stored by id."""
        if isinstance(value, ImageRef | PageRef | DocumentRef):
            return self.resolve(value, language).pk
        return self.resolve(value, language)


def demo_pages():
    """Every demo page, parents first: the site's pages, the news, the newspaper's issues."""
    pages = list(demo_content.PAGES)
    for article in ARTICLES:
        pages.append(
            DemoPage(
                slug=article.slug,
                title=article.title,
                model="news.NewsPage",
                parent=NEWS_INDEX,
                fields={
                    "date": datetime.date.fromisoformat(article.date),
                    "lead": article.lead,
                    "main_image": ImageRef(article.image),
                    "author_name": article.author,
                    "body": paragraphs(article.paragraphs),
                    "priority_areas": [
                        TermRef("home.PriorityArea", slug) for slug in article.priority_areas
                    ],
                    "tags": [TermRef("news.NewsTag", slug) for slug in article.tags],
                    "region": TermRef("home.Region", article.region) if article.region else None,
                },
            )
        )
    for event in EVENTS:
        pages.append(
            DemoPage(
                slug=event.slug,
                title=event.title,
                model="events.EventPage",
                parent=EVENTS_INDEX,
                fields={
                    "start": local_time(event.start),
                    "end": local_time(event.end),
                    "kind": event.kind,
                    "scale": event.scale,
                    "lead": event.lead,
                    "online": event.online,
                    "venue": event.venue or "",
                    "address": event.address,
                    "municipality": event.municipality,
                    "region": TermRef("home.Region", event.region) if event.region else None,
                    "priority_areas": [
                        TermRef("home.PriorityArea", slug) for slug in event.priority_areas
                    ],
                    "capacity": event.capacity,
                    "registration_info": event.registration or "",
                    "training_hours": (
                        Decimal(event.training_hours) if event.training_hours else None
                    ),
                    "main_image": ImageRef(event.image),
                    "body": paragraphs(event.paragraphs),
                },
            )
        )
    for issue in ISSUES:
        pages.append(
            DemoPage(
                slug=T(f"{issue.year}-nr-{issue.number}", f"{issue.year}-no-{issue.number}"),
                title=T(
                    f"„Mazpulks” Nr. {issue.number}, {issue.year}",
                    f"“Mazpulks” No. {issue.number}, {issue.year}",
                ),
                model="newspaper.NewspaperIssuePage",
                parent=NEWSPAPER_INDEX,
                fields={
                    "year": issue.year,
                    "number": issue.number,
                    "publication_date": datetime.date.fromisoformat(issue.date),
                    "theme": issue.theme,
                    "cover_image": ImageRef(cover_key(issue)),
                    "pdf": DocumentRef(issue_key(issue)),
                    "contents": [
                        {
                            "type": "article",
                            "value": {
                                "title": entry.title,
                                "page": entry.page,
                                "summary": entry.summary,
                                "article": PageRef(entry.article) if entry.article else None,
                            },
                        }
                        for entry in issue.contents
                    ],
                },
            )
        )
    pages.extend(OPPORTUNITY_PAGES)
    pages.extend(brandbook_demo.PAGES)
    pages.extend(clubs_demo.PAGES)
    pages.extend(projects_demo.PAGES)
    pages.extend(library_demo.PAGES)
    return pages


def paragraphs(texts):
    """Plain-text paragraphs as the body's text blocks."""
    return [
        {"type": "paragraph", "value": T(f"<p>{escape(text.lv)}</p>", f"<p>{escape(text.en)}</p>")}
        for text in texts
    ]


def local_time(text):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=RIGA)


def links_to_pages(value):
    if isinstance(value, PageRef):
        return True
    if isinstance(value, dict):
        return any(links_to_pages(item) for item in value.values())
    if isinstance(value, list):
        return any(links_to_pages(item) for item in value)
    return False


def issue_key(issue):
    return f"{issue.year}-{issue.number}"


def cover_key(issue):
    return f"cover-{issue_key(issue)}"


def english_string_map(value, mapping=None):
    """Latvian source string -> English string, for every T() in a demo value.

    Keys and values are in wagtail-localize's segment format; rich text is split into the
    same segments wagtail-localize extracts, paired in order.
    """
    mapping = {} if mapping is None else mapping
    if isinstance(value, T):
        if value.lv.lstrip().startswith("<"):
            latvian = extract_strings(value.lv)[1]
            english = extract_strings(value.en)[1]
            if len(latvian) != len(english):
                raise ValueError(f"Rich text differs in structure: {value.lv!r}")
            for (lv_string, _attrs), (en_string, _en_attrs) in zip(latvian, english, strict=True):
                mapping[lv_string.data] = en_string.data
        else:
            mapping[StringValue.from_plaintext(value.lv).data] = StringValue.from_plaintext(
                value.en
            ).data
    elif isinstance(value, str) and not value.startswith(("http://", "https://", "mailto:")):
        # Not a T(): the same in both languages (a year, a name). Addresses are never
        # offered for translation.
        plain = StringValue.from_plaintext(value).data
        mapping.setdefault(plain, plain)
    elif isinstance(value, dict):
        for item in value.values():
            english_string_map(item, mapping)
    elif isinstance(value, list | tuple):
        for item in value:
            english_string_map(item, mapping)
    return mapping


def draw_landscape(demo_image, size=(1920, 1080)):
    """A cheerful countryside picture, the same every time for the same seed."""
    rng = random.Random(demo_image.seed)
    sky_top, sky_bottom, grass, shade = demo_image.palette
    width, height = size
    picture = Image.new("RGB", size, sky_top)
    draw = ImageDraw.Draw(picture)
    horizon = int(height * 0.55)
    for y in range(horizon):
        mix = y / horizon
        colour = tuple(int(a + (b - a) * mix) for a, b in zip(sky_top, sky_bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    draw.ellipse(
        [width * 0.72, height * 0.08, width * 0.72 + 180, height * 0.08 + 180], fill=(255, 236, 150)
    )
    for layer in range(4):
        base = horizon + layer * height * 0.1
        amplitude = 40 + rng.randint(0, 50)
        phase = rng.random() * math.pi * 2
        colour = tuple(max(0, int(c * (1 - layer * 0.12))) for c in grass)
        points = [(0, height)]
        for x in range(0, width + 40, 40):
            points.append((x, base + amplitude * math.sin(x / (220 + layer * 60) + phase)))
        points.append((width, height))
        draw.polygon(points, fill=colour)
    for _ in range(90):
        x, y = rng.randint(0, width), rng.randint(horizon, height)
        radius = rng.randint(4, 12)
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=(255, 255, 255))
    centre_x, centre_y, leaf = width * 0.3, height * 0.62, 110
    for dx, dy in ((-1, -1), (1, -1), (-1, 1), (1, 1)):
        cx, cy = centre_x + dx * leaf * 0.72, centre_y + dy * leaf * 0.72
        draw.ellipse([cx - leaf, cy - leaf, cx + leaf, cy + leaf], fill=shade)
    draw.line([(centre_x, centre_y), (centre_x + 60, centre_y + 330)], fill=shade, width=22)
    return picture.filter(ImageFilter.SMOOTH)


def encoded(picture, file_format, **options):
    content = io.BytesIO()
    picture.save(content, file_format, **options)
    return content.getvalue()


def demo_font(size):
    """A font with the Latvian letters where the system has one (DejaVu), else Pillow's own."""
    try:
        return ImageFont.truetype("DejaVuSans-Bold.ttf", size), True
    except OSError:
        return ImageFont.load_default(size=size), False


def drawable(text, has_latvian_letters):
    if has_latvian_letters:
        return text
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


PAGE_SIZE = (827, 1169)  # A4 at 100 dots per inch
CLOVER_GREEN = (23, 96, 46)


def draw_cover(issue):
    """The front page of an issue: the masthead, the number and a landscape."""
    width, height = PAGE_SIZE
    cover = Image.new("RGB", PAGE_SIZE, (255, 251, 240))
    seed = issue.year * 10 + issue.number
    palette = demo_content.IMAGES[seed % len(demo_content.IMAGES)].palette
    landscape = draw_landscape(
        demo_content.DemoImage("cover", issue.theme, issue.theme, palette, seed), (width, 640)
    )
    cover.paste(landscape, (0, height - 640))
    draw = ImageDraw.Draw(cover)
    draw.rectangle([0, 0, width, 200], fill=CLOVER_GREEN)
    masthead, latvian = demo_font(120)
    draw.text((50, 40), "MAZPULKS", font=masthead, fill=(255, 255, 255))
    line, latvian = demo_font(40)
    draw.text((50, 240), f"Nr. {issue.number} · {issue.year}", font=line, fill=CLOVER_GREEN)
    theme, latvian = demo_font(44)
    draw.multiline_text(
        (50, 320), drawable(wrap(issue.theme.lv, 30), latvian), font=theme, fill=(30, 30, 30)
    )
    return cover


def draw_issue_pages(issue):
    """The cover and a contents page: enough of a newspaper to read in the demo."""
    contents = Image.new("RGB", PAGE_SIZE, (255, 255, 255))
    draw = ImageDraw.Draw(contents)
    heading, latvian = demo_font(48)
    draw.text((60, 60), drawable("Šajā numurā", latvian), font=heading, fill=CLOVER_GREEN)
    entry_font, latvian = demo_font(26)
    y = 160
    for entry in issue.contents:
        text = drawable(f"{entry.page}. lpp.  {entry.title.lv}", latvian)
        draw.multiline_text((60, y), wrap(text, 48), font=entry_font, fill=(30, 30, 30))
        y += 110
    return [draw_cover(issue), contents]


def wrap(text, width):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines)
