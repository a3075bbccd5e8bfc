"""Writing a report's file whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

# Called once the file is on disk, just before it takes its name; may raise to stop.
Written = Callable[[], None]


def write_whole(path: Path, data: bytes, written: Written | None = None) -> None:
    """Write ``data`` to ``path``, replacing any file there, or leave everything as it was.

    The data goes to a new temporary file beside ``path`` (``.<name>.<random>.tmp``,
    made by ``mkstemp``: readable by its owner only, never an existing file or link),
    is flushed to disk, then renamed over ``path``. ``written()`` is called just before
    the rename. On any error, theirs or its own, the temporary file is removed and the
    error raised again.
    """
    path = path.resolve()
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if written is not None:
            written()
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
