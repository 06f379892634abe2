"""Backups: `backup_site` writes the demo site into one archive and `restore_site` puts it into
an empty database and an empty media folder with every table's rows and every file's bytes
unchanged; a damaged archive, a database with tables, a storage that has the files already
or another vendor's backup are refused before anything is written.

The backup is made once, before the tests' transactions begin (`demo_backup`): pg_dump, in
another process, sees only committed data (the demo is committed once for the session,
tests/conftest.py), and SQLite's backup cannot read a database while a write transaction is
open on it, as it is during a test. The restores go into a second database of their own.
"""

import dataclasses
import hashlib
import io
import json
import os
import re
import shutil
import tarfile
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connections

pytestmark = pytest.mark.django_db

TARGET = "restore_target"


@dataclasses.dataclass
class DemoBackup:
    archive: Path
    output: str  # what backup_site printed
    rows: dict  # every table's rows when it was made
    files: dict  # every media file's sha256 when it was made


def media_hashes(root):
    """Every file under `root` with its sha256, read from the disk (not through the code
    under test)."""
    root = Path(root)
    if not root.exists():
        return {}
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.rglob("*")
        if path.is_file()
    }


def all_rows(alias):
    """Every table's rows, ordered by the primary key (or by every column without one), and
    the sequences' positions."""
    connection = connections[alias]
    quote = connection.ops.quote_name
    tables = connection.introspection.table_names()
    if connection.vendor == "sqlite":
        tables.append("sqlite_sequence")  # the next ids; introspection leaves it out
    rows = {}
    with connection.cursor() as cursor:
        for table in tables:
            key = connection.introspection.get_primary_key_columns(cursor, table)
            if key:
                order = ", ".join(quote(column) for column in key)
            else:
                cursor.execute(f"SELECT * FROM {quote(table)} WHERE 1 = 0")  # noqa: S608
                order = ", ".join(str(n + 1) for n in range(len(cursor.description)))
            cursor.execute(f"SELECT * FROM {quote(table)} ORDER BY {order}")  # noqa: S608
            rows[table] = cursor.fetchall()
        if connection.vendor == "postgresql":
            cursor.execute("SELECT sequencename, last_value FROM pg_sequences ORDER BY 1")
            rows["(sequences)"] = cursor.fetchall()
    return rows


def back_up(path):
    output = io.StringIO()
    call_command("backup_site", str(path), stdout=output)
    return output.getvalue()


@pytest.fixture(scope="module")
def demo_backup(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo site backed up once, with a file of a Latvian name in a folder of its own
    beside the demo's pictures and PDFs."""
    if connections["default"].vendor == "postgresql" and not shutil.which("pg_dump"):
        message = "pg_dump not found (apt-get install postgresql-client)"
        if os.environ.get("CI"):
            pytest.fail(message)  # never skipped in CI
        pytest.skip(message)
    archive = tmp_path_factory.mktemp("backup") / "site.tar"
    with django_db_blocker.unblock():
        extra = default_storage.save("backup-test/ziņojums ā.txt", ContentFile(b"Sveiki!\n"))
        try:
            files = media_hashes(django_settings.MEDIA_ROOT)
            rows = all_rows("default")
            output = back_up(archive)
        finally:
            default_storage.delete(extra)
    assert len(rows["wagtailcore_page"]) > 40, "the demo site is not in the database"
    assert extra in files
    return DemoBackup(archive=archive, output=output, rows=rows, files=files)


def run_on_server(settings_dict, sql):
    """Run a statement that cannot run inside a transaction (CREATE/DROP DATABASE)."""
    parameters = {
        "host": settings_dict["HOST"],
        "port": settings_dict["PORT"],
        "user": settings_dict["USER"],
        "password": settings_dict["PASSWORD"],
    }
    with psycopg.connect(
        dbname="postgres", autocommit=True, **{k: v for k, v in parameters.items() if v}
    ) as server:
        server.execute(sql)


@pytest.fixture
def empty_database(db, tmp_path):
    """A second, empty database of the same vendor, reachable as the alias TARGET."""
    source = connections["default"].settings_dict
    postgres = connections["default"].vendor == "postgresql"
    if postgres:
        name = f"test_restore_{uuid.uuid4().hex[:12]}"
        run_on_server(source, f'CREATE DATABASE "{name}"')
    else:
        name = str(tmp_path / "restored.sqlite3")
    connections.settings[TARGET] = {**source, "NAME": name}
    try:
        # Opened here: the test case refuses to open connections to databases it was not
        # told about, and it cannot be told about one that did not exist when it started.
        connections[TARGET].connect()
        yield TARGET
    finally:
        connections[TARGET].close()
        del connections[TARGET]
        del connections.settings[TARGET]
        if postgres:
            run_on_server(source, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def empty_media(settings, tmp_path):
    """The media storage moved to an empty folder."""
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    return settings.MEDIA_ROOT


def read_manifest(archive):
    with tarfile.open(archive) as tar, tar.extractfile("manifest.json") as manifest:
        return json.load(manifest)


def rewrite_archive(source, target, change):
    """Copy an archive, passing each member's name and bytes through `change`."""
    with tarfile.open(source) as old, tarfile.open(target, "w") as new:
        for member in old:
            data = change(member.name, old.extractfile(member).read())
            member.size = len(data)
            new.addfile(member, io.BytesIO(data))


def test_the_archive_holds_the_database_and_every_media_file(demo_backup):
    # The demo's pictures and documents are there, so the round trip below carries files.
    assert any(name.startswith("original_images/") for name in demo_backup.files)
    assert any(name.startswith("documents/") for name in demo_backup.files)
    assert f"{len(demo_backup.files)} media files" in demo_backup.output
    assert demo_backup.archive.stat().st_mode & 0o777 == 0o600  # members' personal data

    manifest = read_manifest(demo_backup.archive)
    assert manifest["database"]["vendor"] == connections["default"].vendor
    assert {entry["name"]: entry["sha256"] for entry in manifest["media"]} == demo_backup.files
    assert "wagtailcore.0001_initial" in manifest["migrations"]
    with tarfile.open(demo_backup.archive) as tar:
        assert sorted(tar.getnames()) == sorted(
            [manifest["database"]["file"], "manifest.json"]
            + [f"media/{name}" for name in demo_backup.files]
        )


def test_a_backup_restores_every_row_and_every_file(demo_backup, empty_database, empty_media):
    output = io.StringIO()
    call_command("restore_site", str(demo_backup.archive), database=empty_database, stdout=output)
    assert "every file matched its sha256" in output.getvalue()
    assert "manage.py migrate" not in output.getvalue()  # the same code: nothing to migrate

    assert media_hashes(empty_media) == demo_backup.files
    restored = all_rows(empty_database)
    assert restored.keys() == demo_backup.rows.keys()
    for table, rows in demo_backup.rows.items():
        assert restored[table] == rows, table


def test_a_damaged_file_stops_the_restore_before_anything_is_written(
    demo_backup, empty_database, empty_media, tmp_path
):
    tampered = tmp_path / "tampered.tar"
    victim = "media/" + read_manifest(demo_backup.archive)["media"][0]["name"]
    rewrite_archive(
        demo_backup.archive, tampered, lambda name, data: data + b"\0" if name == victim else data
    )

    with pytest.raises(
        CommandError, match=re.escape(f"{victim} in the archive does not match its sha256")
    ):
        call_command("restore_site", str(tampered), database=empty_database)
    assert connections[empty_database].introspection.table_names() == []
    assert media_hashes(empty_media) == {}


def test_a_database_with_tables_is_refused(demo_backup, empty_media):
    with pytest.raises(CommandError, match=r"already has \d+ tables: restore only into an empty"):
        call_command("restore_site", str(demo_backup.archive))
    assert media_hashes(empty_media) == {}


def test_a_storage_holding_the_backups_files_is_refused(demo_backup, empty_database):
    # The media folder is still the one backed up.
    with pytest.raises(CommandError, match="media storage already holds"):
        call_command("restore_site", str(demo_backup.archive), database=empty_database)
    assert connections[empty_database].introspection.table_names() == []


def test_a_backup_of_another_vendor_is_refused(demo_backup, tmp_path):
    vendor = connections["default"].vendor
    other_vendor = "sqlite" if vendor == "postgresql" else "postgresql"

    def change_vendor(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["database"]["vendor"] = other_vendor
        return json.dumps(manifest).encode()

    other = tmp_path / "other.tar"
    rewrite_archive(demo_backup.archive, other, change_vendor)
    with pytest.raises(CommandError, match=f"backup of a {other_vendor} database; this site uses"):
        call_command("restore_site", str(other))


def test_an_archive_cannot_name_where_its_database_file_goes(
    demo_backup, empty_database, empty_media, tmp_path
):
    """A forged manifest pointing the dump outside the work folder is refused."""

    def point_elsewhere(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["database"]["file"] = "../../../tmp/mazpulki-forged"
        return json.dumps(manifest).encode()

    forged = tmp_path / "forged.tar"
    rewrite_archive(demo_backup.archive, forged, point_elsewhere)
    with pytest.raises(CommandError, match="names a database file backup_site never writes"):
        call_command("restore_site", str(forged), database=empty_database)
    assert connections[empty_database].introspection.table_names() == []


def test_a_backup_never_overwrites_a_file(tmp_path):
    existing = tmp_path / "site.tar"
    existing.write_bytes(b"yesterday's backup")
    with pytest.raises(CommandError, match="already exists"):
        back_up(existing)
    assert existing.read_bytes() == b"yesterday's backup"
    assert list(tmp_path.iterdir()) == [existing]  # nothing left behind
