"""One copy of the program at a time on a vault.

The window holds an exclusive lock on a small file beside the vault's folder
(``.<folder>.lock``) for as long as it runs; a second copy started on the same
vault is told so and stops, before anything is opened. Restoring a backup over
a vault takes the same lock. The lock is the operating system's: it goes away
with the process, even when the process is killed, so a crash never leaves the
vault locked.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from counselor_app.errors import CounselorError


class VaultInUse(CounselorError):
    def __init__(self, data_dir: Path) -> None:
        super().__init__(
            f"The vault in {data_dir} is already open in another copy of the program on "
            "this computer. Use that window, or close it first."
        )
        self.data_dir = data_dir


def lock_path(data_dir: Path) -> Path:
    data_dir = data_dir.resolve()
    return data_dir.with_name(f".{data_dir.name}.lock")


class InstanceLock:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.path = lock_path(data_dir)
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock, or raise VaultInUse at once (never wait)."""
        if self._fd is not None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            raise VaultInUse(self.data_dir) from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
