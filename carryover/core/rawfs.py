"""Reading raw entries safely: whatever sits in the raw directory, reading it ends, with a reason.

A raw directory can hold more than files: a symbolic link loop, a link to nothing, a named pipe
(reading one blocks until someone writes), a socket, a device, a directory with a `.csv` name, a
file that cannot be opened, a file name that is not UTF-8. `read_regular` opens without blocking
and checks what it opened before reading, so each of these is an OSError with a plain reason,
never a hang; `shown_name` gives a name every string column (and terminal) can hold.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a directory"),
)


def what_is(mode: int) -> str | None:
    """What a non-regular entry is, from its stat mode; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


class NotRegularFile(OSError):
    """The entry is a pipe, socket, device or directory: it is not read."""


def read_regular(path: Path) -> bytes:
    """The bytes of a regular file; OSError (with a plain `strerror`) for anything else.

    The file is opened non-blocking, so a named pipe put in its place cannot stall the open, and
    what was opened is checked (fstat) before a byte is read.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        reason = entry_problem(path) if exc.errno in (errno.ELOOP, errno.ENOENT) else None
        if reason is None:
            raise
        raise OSError(exc.errno, reason) from exc
    try:
        kind = what_is(os.fstat(fd).st_mode)
        if kind is not None:
            raise NotRegularFile(errno.EINVAL, f"it is {kind}, not a regular file")
        os.set_blocking(fd, True)
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def entry_problem(path: Path) -> str | None:
    """Why an entry cannot be read as a file (a loop, a pipe, ...), or None if it may be read.

    Nothing is opened: the entry's type comes from stat.
    """
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "it is a symbolic link loop"
        if path.is_symlink():
            return "it is a symbolic link to nothing"
        return exc.strerror or type(exc).__name__
    kind = what_is(mode)
    return None if kind is None else f"it is {kind}, not a regular file"


def resolved(path: Path) -> Path | None:
    """The path with every link followed, or None when that cannot end (a link loop)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # Python 3.11 raises RuntimeError on a symlink loop
        return None


def shown_name(name: str) -> str:
    """A file name as text: a byte that is not UTF-8 is shown as a backslash escape (x and hex)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", errors="backslashreplace")
    return name


def name_bytes(name: str) -> bytes:
    """A file name's bytes as the file system holds them (for hashing any name)."""
    return os.fsencode(name)
