"""The newspaper's editors lose their reach into the library's collection; coordinators keep it.

Wagtail's collection rights are inherited down the tree, and the editors had theirs on the
root collection, under which the library's private collection lies: they could open its
documents in the admin and move them to a public collection. The public site's pictures and
documents move to a collection of their own ("Publiskās datnes", a sibling of the library's),
and the editors' rights move to it and to every other collection beside the library's. Files
keep their addresses: only the collection changes. The coordinators are given the library's
documents, the pages under each library index, and the library's own approval workflow
(also done when an index is saved, see LibraryIndexPage.save); library pages waiting in the
editorial workflow are taken out of it, as the chief editor could open them there.
"""

from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations

# Wagtail's real Collection model is used to add the collection, as in 0002.
from wagtail.models import Collection

PUBLIC_COLLECTION = "Publiskās datnes"
LIBRARY_COLLECTION = "Vadītāju bibliotēka"
LIBRARY_WORKFLOW = "Bibliotēkas apstiprinājums"
LIBRARY_APPROVAL_TASK = "Koordinatoru apstiprinājums"
# The newspaper's groups, and Wagtail's own default ones, which have the same rights on the
# root collection.
EDITORIAL_GROUPS = ["Redaktori", "Galvenais redaktors", "Editors", "Moderators"]
COORDINATORS_GROUP = "Koordinatori"
DOCUMENT_PERMISSIONS = ["add_document", "change_document", "choose_document"]
IMAGE_PERMISSIONS = ["add_image", "choose_image"]
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


def move_public_files(apps, schema_editor):
    for label in ("wagtaildocs", "wagtailimages", "wagtailcore"):
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    LibraryIndexPage = apps.get_model("library", "LibraryIndexPage")
    Document = apps.get_model(
        *getattr(settings, "WAGTAILDOCS_DOCUMENT_MODEL", "wagtaildocs.Document").split(".")
    )
    Image = apps.get_model(*settings.WAGTAILIMAGES_IMAGE_MODEL.split("."))

    root = Collection.get_first_root_node()
    public = Collection.objects.filter(name=PUBLIC_COLLECTION, depth=2).first()
    if public is None:
        public = root.add_child(name=PUBLIC_COLLECTION)
    Document.objects.filter(collection_id=root.pk).update(collection_id=public.pk)
    Image.objects.filter(collection_id=root.pk).update(collection_id=public.pk)
    library = Collection.objects.filter(name=LIBRARY_COLLECTION, depth=2).first()
    root_grants = GroupCollectionPermission.objects.filter(
        group__name__in=EDITORIAL_GROUPS, collection_id=root.pk
    )
    beside_library = [
        collection
        for collection in root.get_children()
        if library is None or collection.pk != library.pk
    ]
    for grant in root_grants:
        for collection in beside_library:
            GroupCollectionPermission.objects.get_or_create(
                group_id=grant.group_id,
                collection_id=collection.pk,
                permission_id=grant.permission_id,
            )
    root_grants.delete()

    coordinators, _created = Group.objects.get_or_create(name=COORDINATORS_GROUP)
    grants = [
        (library, "wagtaildocs", DOCUMENT_PERMISSIONS),
        (public, "wagtailimages", IMAGE_PERMISSIONS),
    ]
    for collection, app_label, codenames in grants:
        if collection is None:
            continue
        for permission in Permission.objects.filter(
            content_type__app_label=app_label, codename__in=codenames
        ):
            GroupCollectionPermission.objects.get_or_create(
                group=coordinators, collection_id=collection.pk, permission=permission
            )
    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS
    )
    workflow = library_workflow(apps, coordinators)
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    for index in LibraryIndexPage.objects.all():
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=coordinators, page_id=index.pk, permission=permission
            )
        WorkflowPage.objects.get_or_create(page_id=index.pk, defaults={"workflow": workflow})
    take_library_out_of_other_workflows(apps, workflow)


def library_workflow(apps, coordinators):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")
    workflow, _created = Workflow.objects.get_or_create(
        name=LIBRARY_WORKFLOW, defaults={"active": True}
    )
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task_type, _created = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=LIBRARY_APPROVAL_TASK, content_type=task_type, active=True
        )
        task.groups.set([coordinators])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def take_library_out_of_other_workflows(apps, workflow):
    """Cancel library pages' unfinished runs of another workflow (a coordinator resubmits)."""
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    ContentType = apps.get_model("contenttypes", "ContentType")
    library_types = ContentType.objects.filter(
        app_label="library", model__in=["libraryindexpage", "librarypage"]
    )
    Page = apps.get_model("wagtailcore", "Page")
    page_ids = [
        str(pk)
        for pk in Page.objects.filter(content_type__in=library_types).values_list("pk", flat=True)
    ]
    states = WorkflowState.objects.filter(
        base_content_type__app_label="wagtailcore",
        base_content_type__model="page",
        object_id__in=page_ids,
        status__in=["in_progress", "needs_changes"],
    ).exclude(workflow=workflow)
    TaskState.objects.filter(workflow_state__in=states, status="in_progress").update(
        status="cancelled"
    )
    states.update(status="cancelled", current_task_state=None)


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0002_leaders_group_and_collection"),
        ("newspaper", "0002_editorial_workflow"),
        ("home", "0004_seed_municipalities"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(move_public_files, migrations.RunPython.noop)]
