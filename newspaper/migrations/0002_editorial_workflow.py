"""The editorial groups and the approval workflow every page is published through.

Editors ("Redaktori") write and submit; the chief editor ("Galvenais redaktors") approves and
publishes, or sends the page back with a comment. The workflow is set on the root page, so it
covers news, the newspaper and every other page in both languages.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Redaktori"
CHIEF_EDITOR = "Galvenais redaktors"
WORKFLOW = "Redakcijas apstiprinājums"
TASK = "Galvenā redaktora apstiprinājums"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "lock_page", "unlock_page"],
    CHIEF_EDITOR: ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
MODEL_PERMISSIONS = {
    EDITORS: [
        ("wagtailadmin", "access_admin"),
        ("news", "add_newstag"),
        ("news", "change_newstag"),
    ],
    # wagtail-localize can publish translations with this permission alone, past the
    # workflow: only the chief editor has it.
    CHIEF_EDITOR: [
        ("wagtailadmin", "access_admin"),
        ("wagtail_localize", "submit_translation"),
        ("news", "add_newstag"),
        ("news", "change_newstag"),
    ],
}
DEFAULT_WORKFLOW = "Moderators approval"  # what Wagtail's own migrations set on the root


def create_editorial_workflow(apps, schema_editor):
    # Permissions of models created in this run of migrate do not exist yet.
    for label in ("news", "wagtail_localize", "wagtailadmin"):
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    groups = {}
    for name, page_permissions in PAGE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(*(permission(*pair) for pair in MODEL_PERMISSIONS[name]))
        for codename in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permission("wagtailcore", codename)
            )
        for pair in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission(*pair)
            )

    task_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _created = GroupApprovalTask.objects.get_or_create(
        name=TASK, defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([groups[CHIEF_EDITOR]])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # One workflow per page. The root's is replaced only if it is still Wagtail's default:
    # a workflow someone chose stays (and pages in moderation stay in it).
    current = WorkflowPage.objects.filter(page=root_page).select_related("workflow").first()
    if current is None:
        WorkflowPage.objects.create(page=root_page, workflow=workflow)
    elif current.workflow.name == DEFAULT_WORKFLOW:
        current.workflow = workflow
        current.save()


class Migration(migrations.Migration):
    dependencies = [
        ("newspaper", "0001_initial"),
        ("news", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editorial_workflow, migrations.RunPython.noop)]
