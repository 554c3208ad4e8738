"""Back the database up while the server runs, and restore a backup.

SQLite: the library's online backup, in one step, so the copy is the database as one
transaction saw it while writers go on (WAL lets them); it is written beside the target and
renamed into place, so a backup that failed half-way never bears the name. PostgreSQL:
``pg_dump`` (a consistent snapshot) in its custom format, and ``pg_restore`` in one
transaction. The password goes to the tools in their environment, never on a command line.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import URL, make_url

SQLITE_HEADER = b"SQLite format 3\x00"
PG_DUMP_HEADER = b"PGDMP"
_BUSY_MS = 30_000


class BackupFailed(RuntimeError):
    """A backup or restore did not happen; the message says why. Nothing was changed."""


def _is_sqlite(url: URL) -> bool:
    return url.get_backend_name() == "sqlite"


def _sqlite_path(url: URL) -> Path:
    if not url.database or url.database == ":memory:":
        raise BackupFailed("An in-memory database cannot be backed up or restored.")
    return Path(url.database)


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute(f"PRAGMA busy_timeout={_BUSY_MS}")
    return connection


def _libpq(url: URL) -> tuple[str, dict[str, str]]:
    address = url.set(drivername="postgresql", password=None)
    env = dict(os.environ)
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
    return address.render_as_string(hide_password=False), env


def _tool(*args: str, env: dict[str, str]) -> None:
    if shutil.which(args[0]) is None:
        raise BackupFailed(
            f"{args[0]} is not installed: install PostgreSQL's client tools "
            "(Debian: postgresql-client) of the server's major version."
        )
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        said = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "no message"
        raise BackupFailed(f"{args[0]} failed ({said}).")


def backup(database_url: str, file: Path) -> int:
    """Copy the database at ``database_url`` to ``file`` (which must not exist); its size."""
    if file.exists():
        raise BackupFailed(f"{file} exists already: name a new file, so no backup is lost.")
    url = make_url(database_url)
    partial = file.with_name(f".{file.name}.partial")
    try:
        if _is_sqlite(url):
            source, target = _connect(_sqlite_path(url)), _connect(partial)
            try:
                source.backup(target)
                if target.execute("PRAGMA quick_check").fetchone() != ("ok",):
                    raise BackupFailed("The copy did not pass SQLite's check; try again.")
            finally:
                target.close()
                source.close()
        else:
            address, env = _libpq(url)
            _tool(
                "pg_dump", "--format=custom", "--file", str(partial), "--dbname", address, env=env
            )
        partial.rename(file)
    finally:
        partial.unlink(missing_ok=True)
    return file.stat().st_size


def _header(file: Path) -> bytes:
    try:
        with file.open("rb") as f:
            return f.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise BackupFailed(f"{file} cannot be read ({exc.strerror}).") from None


def _check_sqlite_backup(file: Path) -> None:
    damaged = BackupFailed(f"{file} is damaged: SQLite's integrity check fails on it.")
    connection = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
    try:
        if connection.execute("PRAGMA integrity_check").fetchone() != ("ok",):
            raise damaged
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError:
        raise damaged from None
    finally:
        connection.close()
    if "alembic_version" not in tables:
        raise BackupFailed(f"{file} is an SQLite file but not an SCR Workbench database.")


def restore(database_url: str, file: Path) -> None:
    """Replace the database at ``database_url`` with the backup in ``file``, whole.

    The file is checked first (a backup of this engine, whole, of this application); a file
    that fails is refused and the database is left as it was.
    """
    url = make_url(database_url)
    header = _header(file)
    if _is_sqlite(url):
        if header != SQLITE_HEADER:
            raise BackupFailed(f"{file} is not an SQLite backup made by `scr db backup`.")
        _check_sqlite_backup(file)
        source, target = _connect(file), _connect(_sqlite_path(url))
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        return
    if not header.startswith(PG_DUMP_HEADER):
        raise BackupFailed(f"{file} is not a PostgreSQL backup made by `scr db backup`.")
    address, env = _libpq(url)
    _tool(
        "pg_restore",
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        "--dbname",
        address,
        str(file),
        env=env,
    )
