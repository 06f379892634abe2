"""Who may read the leaders' library, and what in it is due for review.

Wagtail's privacy knows groups, not memberships: the group "Mazpulku vadītāji" is kept equal
to the active logins that lead a club this year. Memberships that change one by one move
their leader in or out at once (members_area.library.signals); the year boundary, which ends
last year's memberships without saving anything, is caught by `manage.py
sync_leaders_group`, run daily.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db.models import Exists, OuterRef, Q
from wagtail.documents import get_document_model
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from members_area.accounts.models import COORDINATORS_GROUP, User
from members_area.clubs.models import Membership
from members_area.library.models import (
    LEADERS_GROUP,
    LIBRARY_COLLECTION,
    LIBRARY_WORKFLOW,
    PUBLIC_COLLECTION,
    LibraryIndexPage,
    LibraryPage,
    is_due_for_review,
    is_library_keeper,
    is_private_to_leaders,
)

GROUPS = BaseViewRestriction.GROUPS


# The leaders' group ------------------------------------------------------------------------


def leaders_group():
    return Group.objects.get_or_create(name=LEADERS_GROUP)[0]


def library_groups():
    """The groups that may read the library: this year's leaders and the coordinators."""
    return [leaders_group(), coordinators_group()]


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


def coordinators_group():
    return Group.objects.get_or_create(name=COORDINATORS_GROUP)[0]


# What coordinators may do with a library index and everything under it.
KEEPER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
KEEPER_DOCUMENT_PERMISSIONS = ["add_document", "change_document", "choose_document"]
LIBRARY_APPROVAL_TASK = "Koordinatoru apstiprinājums"


def permissions(app_label, codenames):
    return Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)


def let_coordinators_keep(index_page):
    """Coordinators' rights on a library index, and the library's own approval workflow.

    Without its own workflow, a material submitted for moderation would go to the
    newspaper's chief editor, whom the site-wide workflow lets open the page.
    """
    group = coordinators_group()
    for permission in permissions("wagtailcore", KEEPER_PAGE_PERMISSIONS):
        GroupPagePermission.objects.get_or_create(
            group=group, page=index_page, permission=permission
        )
    # Only where there is none yet: a workflow the coordinators chose for it stays.
    WorkflowPage.objects.get_or_create(page=index_page, defaults={"workflow": library_workflow()})


def library_workflow():
    workflow, _created = Workflow.objects.get_or_create(name=LIBRARY_WORKFLOW)
    if not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.create(name=LIBRARY_APPROVAL_TASK)
        task.groups.set([coordinators_group()])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def public_collection():
    """The collection of the public site's pictures and documents: the editors' one."""
    return Collection.objects.filter(name=PUBLIC_COLLECTION).order_by(
        "path"
    ).first() or Collection.get_first_root_node().add_child(name=PUBLIC_COLLECTION)


def library_collection():
    """The library's private collection (created, with its restriction and the
    coordinators' rights, if missing)."""
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
    for permission in permissions("wagtaildocs", KEEPER_DOCUMENT_PERMISSIONS):
        GroupCollectionPermission.objects.get_or_create(
            group=coordinators_group(), collection=collection, permission=permission
        )
    return collection


def keep_everything_private():
    """Every library index and the collection restricted: what the daily command checks.

    Returns the number of library indexes whose restriction had to be restored.
    """
    library_collection()
    restored = 0
    for page in LibraryIndexPage.objects.all():
        restored += keep_library_private(page)
        let_coordinators_keep(page)
    return restored


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
    """Those who keep the library (coordinators) see what is due for review."""
    return user.is_authenticated and is_library_keeper(user)


def holds_library(page, with_subtree=False):
    """Whether a page is part of a library (or, `with_subtree`, has one under it)."""
    pages = Page.objects.type(LibraryIndexPage, LibraryPage)
    if with_subtree:
        return pages.descendant_of(page, inclusive=True).exists()
    return pages.filter(pk=page.pk).exists()
