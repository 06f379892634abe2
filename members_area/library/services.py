"""Who may read the leaders' library, and what in it is due for review.

Wagtail's privacy knows groups, not memberships: the group "Mazpulku vadītāji" is kept equal
to the active logins that lead a club this year. Memberships that change one by one move
their leader in or out at once (members_area.library.signals); the year boundary, which ends
last year's memberships without saving anything, is caught by `manage.py
sync_leaders_group`, run daily.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef, Q
from wagtail.documents import get_document_model
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Locale,
    PageViewRestriction,
)

from members_area.accounts.models import COORDINATORS_GROUP, User
from members_area.clubs.models import Membership
from members_area.library.models import (
    LEADERS_GROUP,
    LIBRARY_COLLECTION,
    LibraryIndexPage,
    LibraryPage,
    is_due_for_review,
    is_private_to_leaders,
)

GROUPS = BaseViewRestriction.GROUPS


# The leaders' group ------------------------------------------------------------------------


def leaders_group():
    return Group.objects.get_or_create(name=LEADERS_GROUP)[0]


def library_groups():
    """The groups that may read the library: this year's leaders and the coordinators."""
    return [leaders_group(), Group.objects.get_or_create(name=COORDINATORS_GROUP)[0]]


def current_leader_logins():
    """Active logins with a leading membership (leader, assistant leader) this year."""
    return User.objects.filter(
        is_active=True,
        person__memberships__in=Membership.objects.current().leading(),
    ).distinct()


def sync_leaders_group(user_ids=None):
    """Make the leaders' group hold exactly this year's leaders (only `user_ids`, if given).

    Returns the logins added and removed, as two sets of ids.
    """
    group = leaders_group()
    wanted = current_leader_logins()
    members = group.user_set.all()
    if user_ids is not None:
        user_ids = {user_id for user_id in user_ids if user_id is not None}
        if not user_ids:
            return set(), set()
        wanted = wanted.filter(pk__in=user_ids)
        members = members.filter(pk__in=user_ids)
    wanted = set(wanted.values_list("pk", flat=True))
    present = set(members.values_list("pk", flat=True))
    added, removed = wanted - present, present - wanted
    if added:
        group.user_set.add(*added)
    if removed:
        group.user_set.remove(*removed)
    return added, removed


# Privacy -------------------------------------------------------------------------------------


def keep_library_private(index_page):
    """Give a library index the restriction to leaders and coordinators, if it lacks it.

    Groups an editor added to the restriction stay. Returns whether anything was missing.
    """
    restriction = PageViewRestriction.objects.filter(
        page=index_page, restriction_type=GROUPS
    ).first()
    if restriction is None:
        restriction = PageViewRestriction.objects.create(page=index_page, restriction_type=GROUPS)
    missing = [group for group in library_groups() if group not in restriction.groups.all()]
    restriction.groups.add(*missing)
    return bool(missing)


def library_collection():
    """The library's private collection (created, with its restriction, if missing)."""
    collection = (
        Collection.objects.filter(
            view_restrictions__restriction_type=GROUPS,
            view_restrictions__groups__name=LEADERS_GROUP,
        )
        .order_by("path")
        .first()
        or Collection.objects.filter(name=LIBRARY_COLLECTION).order_by("path").first()
        or Collection.get_first_root_node().add_child(name=LIBRARY_COLLECTION)
    )
    if not is_private_to_leaders(collection):
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=GROUPS
        )
        restriction.groups.add(*library_groups())
    return collection


def keep_everything_private():
    """Every library index and the collection restricted: what the daily command checks.

    Returns the number of library indexes whose restriction had to be restored.
    """
    library_collection()
    return sum(keep_library_private(page) for page in LibraryIndexPage.objects.all())


# Reviews -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DueMaterial:
    """A page or a page's document not reviewed for a year."""

    page: LibraryPage
    title: str
    last_reviewed: object  # a date, or None when never given
    document: object = None

    @property
    def sort_key(self):
        # Never reviewed first, then the oldest review.
        return (self.last_reviewed is not None, self.last_reviewed or datetime.date.min, self.title)


def reviewed_originals():
    """The library pages whose review is kept: each material once, in its original language.

    Translations take the Latvian page's review date (LibraryPage.fields_shared_with_
    translations); a page that exists only in another language counts on its own.
    """
    default = Locale.get_default()
    has_original = LibraryPage.objects.filter(
        translation_key=OuterRef("translation_key"), locale=default
    )
    return (
        LibraryPage.objects.live()
        .filter(alias_of=None)
        .exclude(Exists(has_original), ~Q(locale=default))
    )


def due_for_review(today=None):
    """Pages and their documents not reviewed for a year, never reviewed and oldest first."""
    pages = list(reviewed_originals().select_related("locale"))
    documents = get_document_model().objects.in_bulk(
        {item["document_id"] for page in pages for item in raw_documents(page)}
    )
    due = []
    for page in pages:
        if is_due_for_review(page.last_reviewed, today):
            due.append(DueMaterial(page=page, title=page.title, last_reviewed=page.last_reviewed))
        for item in raw_documents(page):
            document = documents.get(item["document_id"])
            if document is not None and is_due_for_review(item["last_reviewed"], today):
                due.append(
                    DueMaterial(
                        page=page,
                        title=item["title"] or document.title,
                        last_reviewed=item["last_reviewed"],
                        document=document,
                    )
                )
    return sorted(due, key=lambda material: material.sort_key)


def raw_documents(page):
    """A page's documents as stored (ids and dates), without loading each document."""
    items = []
    for block in page.documents.raw_data:
        value = block.get("value") or {}
        last_reviewed = value.get("last_reviewed")
        items.append(
            {
                "document_id": value.get("document"),
                "title": value.get("title") or "",
                "last_reviewed": (
                    datetime.date.fromisoformat(last_reviewed) if last_reviewed else None
                ),
            }
        )
    return items


def may_review_library(user):
    """Coordinators and the editors of pages see what is due for review."""
    from wagtail.permissions import page_permission_policy

    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_coordinator or page_permission_policy.user_has_any_permission(
        user, ["change", "publish"]
    )
