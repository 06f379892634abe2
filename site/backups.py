"""Backups of the whole site in one file: the database and every uploaded file.

A backup is a plain tar archive (`manage.py backup_site`):

    database.pgdump or database.sqlite3   the database at one instant
    media/<name>                          every file of the default storage, as stored
    manifest.json                         what the archive holds, with each file's sha256

The database is copied consistently while the site keeps running: PostgreSQL's `pg_dump`
reads everything in one snapshot, SQLite's backup API copies the file under a read lock.
The files are read afterwards through Django's storage API, so a backup works the same with
media on disk or in S3-compatible object storage; a file uploaded meanwhile is merely extra.

`manage.py restore_site` puts a backup back into an empty server: it refuses a database that
already has tables, a storage that already holds one of the archive's files and a backup of
another database vendor, and checks every file against the manifest before it writes
anything. The hashes detect damage, not forgery: whoever can rewrite the archive can
rewrite the manifest too, so keep backups where only the operators can write.
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

import django
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

FORMAT = "mazpulki-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"
DATABASE_FILES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup cannot be made or restored; the message tells the operator why."""


class HashingReader:
    """Hands a file's bytes to tarfile or a storage while computing their sha256, so each
    file is read only once."""

    def __init__(self, file):
        self.file = file
        self.hash = hashlib.sha256()

    def read(self, size=-1):
        data = self.file.read(size)
        self.hash.update(data)
        return data

    def hexdigest(self):
        return self.hash.hexdigest()


def sha256_of(file):
    digest = hashlib.sha256()
    while chunk := file.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


# Making a backup ----------------------------------------------------------------------


def create_backup(path, *, using=DEFAULT_DB_ALIAS, storage=None):
    """Write the database and every media file into a new archive at `path`.

    The archive appears under its name only when complete (it is written beside it and
    renamed), and is readable by its owner only: it holds members' personal data.
    Returns the manifest.
    """
    storage = storage or default_storage
    connection = connections[using]
    database_file = database_file_name(connection.vendor)
    path = Path(path).absolute()
    if path.exists():
        raise BackupError(f"{path} already exists: give each backup a new name (e.g. the date).")
    if not path.parent.is_dir():
        raise BackupError(f"The folder {path.parent} does not exist.")
    manifest = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "created": datetime.datetime.now(datetime.UTC).isoformat(),
        "django": django.get_version(),
        "database": {"vendor": connection.vendor, "file": database_file},
    }
    # The dump waits beside the archive, not in /tmp: the disk chosen for backups has room.
    with tempfile.TemporaryDirectory(prefix=".backup-", dir=path.parent) as workdir:
        dump = Path(workdir) / database_file
        dump_database(connection, dump)
        manifest["migrations"] = applied_migrations(connection)
        partial = path.with_name(f".{path.name}.partial")
        try:
            descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise BackupError(
                f"{partial} exists: another backup to this name is running, or one was "
                "interrupted (then delete it)."
            ) from None
        try:
            with os.fdopen(descriptor, "wb") as output:
                write_archive(output, dump, storage, manifest)
                output.flush()
                os.fsync(output.fileno())
            os.replace(partial, path)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return manifest


def write_archive(output, dump, storage, manifest):
    """The database first, then the media files, then the manifest with their hashes."""
    with tarfile.open(fileobj=output, mode="w", format=tarfile.PAX_FORMAT) as archive:
        with dump.open("rb") as source:
            manifest["database"] |= add_file(
                archive, manifest["database"]["file"], source, dump.stat().st_size
            )
        manifest["media"] = [
            archive_media_file(archive, storage, name) for name in list_media_files(storage)
        ]
        text = json.dumps(manifest, indent=1, ensure_ascii=False).encode()
        add_file(archive, MANIFEST, io.BytesIO(text), len(text))


def database_file_name(vendor):
    try:
        return DATABASE_FILES[vendor]
    except KeyError:
        raise BackupError(
            f"Backups support PostgreSQL and SQLite, not this site's database ({vendor})."
        ) from None


def dump_database(connection, target):
    """Copy the database into the file `target` at one instant, while the site runs."""
    if connection.vendor == "postgresql":
        run_postgres_tool(connection, "pg_dump", ["--format=custom", f"--file={target}"])
    else:
        # SQLite's backup waits forever on a connection that holds a write transaction.
        if connection.in_atomic_block:
            raise BackupError("The database is inside a transaction: back up outside of one.")
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            # pages=-1 (the default) copies every page in one step, under one read lock.
            connection.connection.backup(copy)
            # A file without a -wal beside it: the archive holds one self-contained file.
            copy.execute("PRAGMA journal_mode=DELETE")
        except sqlite3.Error as error:
            raise BackupError(f"SQLite could not copy the database: {error}") from error
        finally:
            copy.close()


def run_postgres_tool(connection, program, arguments):
    """Run pg_dump or pg_restore against the connection's database: its settings become
    options, the password and SSL settings environment variables (as Django's `dbshell`
    passes them), so no password appears in the process list. Never asks for a password."""
    if shutil.which(program) is None:
        raise BackupError(f"{program} was not found: install PostgreSQL's client tools.")
    settings_dict = connection.settings_dict
    connection_options = ["--no-password"]
    for option, key in (
        ("--host", "HOST"),
        ("--port", "PORT"),
        ("--username", "USER"),
        ("--dbname", "NAME"),
    ):
        if settings_dict.get(key):
            connection_options.append(f"{option}={settings_dict[key]}")
    _, variables = connection.client.settings_to_cmd_args_env(settings_dict, [])
    result = subprocess.run(  # noqa: S603 - a fixed program, arguments from the settings
        [program, *connection_options, *arguments],
        env={**os.environ, **(variables or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"{program} failed:\n{result.stderr.strip()}")


def applied_migrations(connection):
    """The migrations the database has, for the operator who restores it under other code."""
    recorder = MigrationRecorder(connection)
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def list_media_files(storage):
    """Every file's name in the storage, through the storage API (disk or object storage)."""
    names = []
    folders = [""]
    while folders:
        folder = folders.pop()
        try:
            subfolders, files = storage.listdir(folder)
        except FileNotFoundError:
            if folder:
                raise
            return []  # MEDIA_ROOT not made yet: nothing was ever uploaded
        prefix = f"{folder}/" if folder else ""
        folders.extend(prefix + subfolder for subfolder in subfolders)
        names.extend(prefix + name for name in files)
    return sorted(names)


def archive_media_file(archive, storage, name):
    with storage.open(name, "rb") as source:
        entry = add_file(archive, MEDIA_PREFIX + name, source, storage.size(name))
        if source.read(1):
            raise BackupError(f"The file {name} grew while it was being backed up; run again.")
    return {"name": name} | entry


def add_file(archive, member_name, source, size):
    """Add `size` bytes of `source` to the archive; their size and sha256 for the manifest."""
    reader = HashingReader(source)
    info = tarfile.TarInfo(member_name)
    info.size = size
    info.mode = 0o600
    info.mtime = int(datetime.datetime.now(datetime.UTC).timestamp())
    archive.addfile(info, reader)  # fails if the file is shorter than its stated size
    return {"size": size, "sha256": reader.hexdigest()}


# Restoring a backup -------------------------------------------------------------------


def restore_backup(path, *, using=DEFAULT_DB_ALIAS, storage=None):
    """Put the backup at `path` into the empty database `using` and the storage.

    Everything that can be checked is checked before anything is written: the archive is
    a backup of this database vendor, the database has no tables, the storage holds none of
    its files, and every file's bytes match the manifest. Returns the manifest and the
    migration state of the restored database next to this code.
    """
    storage = storage or default_storage
    connection = connections[using]
    with open_archive(path) as archive:
        manifest = read_manifest(archive)
        check_same_vendor(manifest, connection)
        check_database_is_empty(connection)
        check_storage_lacks(storage, [entry["name"] for entry in manifest["media"]])
        verify_archive(archive, manifest)
        # The dump's name in the archive is the vendor's, never a path the archive chose.
        member = DATABASE_FILES[manifest["database"]["vendor"]]
        with tempfile.TemporaryDirectory(prefix="mazpulki-restore-") as workdir:
            dump = Path(workdir) / member
            source = archive.extractfile(member)
            with source, dump.open("wb") as target:
                shutil.copyfileobj(source, target, CHUNK)
            restore_database(connection, dump)
        for entry in manifest["media"]:
            restore_media_file(archive, storage, entry)
    return {"manifest": manifest} | migration_state(connection, manifest["migrations"])


def open_archive(path):
    try:
        return tarfile.open(path, mode="r:")
    except FileNotFoundError:
        raise BackupError(f"{path} does not exist.") from None
    except tarfile.TarError as error:
        raise BackupError(
            f"{path} is not an uncompressed tar archive made by backup_site ({error}); "
            "decompress it first if it was compressed."
        ) from None


def read_manifest(archive):
    try:
        with archive.extractfile(MANIFEST) as file:
            manifest = json.load(file)
    except (KeyError, ValueError):
        raise BackupError(f"The archive has no readable {MANIFEST}: not a backup.") from None
    if manifest.get("format") != FORMAT or manifest.get("version") != FORMAT_VERSION:
        raise BackupError(
            f"The archive is not a backup of format {FORMAT} {FORMAT_VERSION} "
            f"(it says {manifest.get('format')} {manifest.get('version')})."
        )
    for entry in manifest["media"]:
        check_media_name(entry["name"])
    return manifest


def check_media_name(name):
    """A name from the archive stays inside the storage."""
    parts = PurePosixPath(name).parts
    if not parts or name.startswith("/") or ".." in parts or "\\" in name:
        raise BackupError(f"The archive names a file outside the media folder: {name!r}.")


def check_same_vendor(manifest, connection):
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(
            f"This is a backup of a {vendor} database; this site uses {connection.vendor}. "
            "Restore it into a site with the same kind of database."
        )
    if manifest["database"].get("file") != DATABASE_FILES.get(vendor):
        raise BackupError("The manifest names a database file backup_site never writes.")


def check_database_is_empty(connection):
    tables = connection.introspection.table_names()
    if tables:
        raise BackupError(
            f"The database {connection.settings_dict['NAME']} already has {len(tables)} "
            "tables: restore only into an empty database (create a new one, or drop and "
            "re-create this one, and do not run migrate before restoring)."
        )


def check_storage_lacks(storage, names):
    present = sorted(set(names).intersection(list_media_files(storage)))
    if present:
        shown = ", ".join(present[:5]) + (", …" if len(present) > 5 else "")
        raise BackupError(
            f"The media storage already holds {len(present)} of the backup's files "
            f"({shown}): restore into an empty storage."
        )


def verify_archive(archive, manifest):
    """Read every file of the archive once and compare it with the manifest."""
    database = manifest["database"]
    expected = {database["file"]: database["sha256"]}
    expected.update({MEDIA_PREFIX + entry["name"]: entry["sha256"] for entry in manifest["media"]})
    seen = set()
    for member in archive:
        if member.name == MANIFEST:
            continue
        if member.name not in expected or not member.isfile():
            raise BackupError(f"The archive holds {member.name}, which its manifest does not list.")
        with archive.extractfile(member) as file:
            if sha256_of(file) != expected[member.name]:
                raise BackupError(
                    f"{member.name} in the archive does not match its sha256 in the manifest: "
                    "the backup is damaged or was altered. Nothing was restored."
                )
        seen.add(member.name)
    missing = sorted(expected.keys() - seen)
    if missing:
        raise BackupError(f"The archive lacks {len(missing)} listed files: {', '.join(missing)}.")


def restore_database(connection, dump):
    if connection.vendor == "postgresql":
        # One transaction: a restore that fails leaves the database as empty as it was.
        # Owners and grants are those of the server the backup came from: left out.
        run_postgres_tool(
            connection,
            "pg_restore",
            ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", dump],
        )
    else:
        # Through SQLite itself rather than by copying the file: the database's -wal and
        # -shm files stay coherent, and the site's connection settings are kept.
        if connection.in_atomic_block:
            raise BackupError("The database is inside a transaction: restore outside of one.")
        connection.ensure_connection()
        source = sqlite3.connect(dump)
        try:
            source.backup(connection.connection)
        except sqlite3.Error as error:
            raise BackupError(f"SQLite could not restore the database: {error}") from error
        finally:
            source.close()


def restore_media_file(archive, storage, entry):
    name = entry["name"]
    with archive.extractfile(MEDIA_PREFIX + name) as source:
        saved = storage.save(name, File(source, name=name))
    if saved != name:
        raise BackupError(f"The storage saved {name} as {saved}; the database refers to {name}.")


def migration_state(connection, backed_up):
    """Migrations this code has that the restored database lacks (run `migrate`), and the
    backup's migrations this code does not know (it came from a newer release)."""
    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    known = {f"{app}.{name}" for app, name in executor.loader.disk_migrations}
    return {
        "pending_migrations": [f"{m.app_label}.{m.name}" for m, _ in pending],
        "unknown_migrations": sorted(set(backed_up) - known),
    }
