"""The plaintext of every page of a SQLCipher 4 database file and of its write-ahead log.

For tests that must look at what the file holds, free space included, which SQL
cannot show and the encrypted bytes hide. The format (SQLCipher 4, raw key):

- each page ends with a reserved area: a random 16-byte IV, then an HMAC-SHA512 of
  the encrypted span, the IV and the page number (4 bytes, little-endian);
- the encrypted span, AES-256-CBC with the raw key itself, is the rest of the page,
  except on page 1, whose first 16 bytes are the plaintext salt (SQLite's
  ``SQLite format 3`` header string stands there once decrypted);
- the HMAC key is PBKDF2-HMAC-SHA512 of the key, with the salt XOR 0x3a, 2 rounds;
- the write-ahead log is a 32-byte plaintext header then frames, each a 24-byte
  plaintext header (the page number first, big-endian) and one page encrypted as
  in the main file.

Every page's HMAC is checked, so a page that decrypts is known to be decrypted
right. A page of zeros (never written) reads as zeros, as SQLCipher reads it.
"""

from __future__ import annotations

import hashlib
import hmac
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

SALT_BYTES = 16
IV_BYTES = 16
HMAC_BYTES = {"HMAC_SHA512": 64, "HMAC_SHA256": 32, "HMAC_SHA1": 20}
HMAC_SALT_MASK = 0x3A
HMAC_KDF_ROUNDS = 2
SQLITE_HEADER = b"SQLite format 3\x00"
WAL_HEADER_BYTES = 32
WAL_FRAME_HEADER_BYTES = 24
WAL_MAGIC = (0x377F0682, 0x377F0683)


class PageDamaged(Exception):
    """A page whose HMAC does not match: wrong key, wrong settings or a damaged file."""


@dataclass(frozen=True)
class CipherSettings:
    page_size: int = 4096
    hmac_algorithm: str = "HMAC_SHA512"

    @property
    def hmac_bytes(self) -> int:
        return HMAC_BYTES[self.hmac_algorithm]

    @property
    def reserve(self) -> int:
        """The bytes at the end of each page that SQLite leaves to the cipher."""
        return IV_BYTES + self.hmac_bytes

    @classmethod
    def from_connection(cls, conn: Any) -> CipherSettings:
        """The settings in force on an open, keyed connection."""

        def pragma(name: str) -> str:
            return str(conn.execute(f"PRAGMA {name}").fetchone()[0])

        if pragma("cipher_use_hmac") != "1" or pragma("cipher_plaintext_header_size") != "0":
            raise ValueError("only the SQLCipher 4 defaults (HMAC, no plaintext header) are read")
        return cls(int(pragma("cipher_page_size")), pragma("cipher_hmac_algorithm"))


@dataclass(frozen=True)
class Page:
    source: str  # "file" or "wal"
    number: int  # the page number (a frame's page, in the log)
    data: bytes  # the plaintext, reserved area left out; page 1 with SQLite's header string


class Decryptor:
    def __init__(self, key: bytes, salt: bytes, settings: CipherSettings) -> None:
        if len(key) != 32 or len(salt) != SALT_BYTES:
            raise ValueError("a 32-byte key and a 16-byte salt are needed")
        self.key = key
        self.settings = settings
        mask = bytes(b ^ HMAC_SALT_MASK for b in salt)
        self._hmac_key = hashlib.pbkdf2_hmac("sha512", key, mask, HMAC_KDF_ROUNDS, 32)
        self._digest = {"HMAC_SHA512": "sha512", "HMAC_SHA256": "sha256", "HMAC_SHA1": "sha1"}[
            settings.hmac_algorithm
        ]

    def page(self, raw: bytes, number: int) -> bytes:
        size, reserve = self.settings.page_size, self.settings.reserve
        if len(raw) != size:
            raise ValueError(f"page {number}: {len(raw)} bytes, not {size}")
        if not any(raw):
            return bytes(size - reserve)
        start = SALT_BYTES if number == 1 else 0
        encrypted = raw[start : size - reserve]
        iv = raw[size - reserve : size - reserve + IV_BYTES]
        mac = raw[size - reserve + IV_BYTES : size]
        expected = hmac.new(
            self._hmac_key, encrypted + iv + struct.pack("<I", number), self._digest
        ).digest()
        if not hmac.compare_digest(mac, expected):
            raise PageDamaged(f"page {number}: the HMAC does not match")
        decryptor = Cipher(algorithms.AES(self.key), modes.CBC(iv)).decryptor()
        plain = decryptor.update(encrypted) + decryptor.finalize()
        return (SQLITE_HEADER + plain) if number == 1 else plain


def _salt(database: Path) -> bytes:
    with database.open("rb") as file:
        salt = file.read(SALT_BYTES)
    if len(salt) != SALT_BYTES:
        raise ValueError(f"{database} is too short to be a SQLCipher database")
    return salt


def file_pages(database: Path, decryptor: Decryptor) -> list[Page]:
    data = database.read_bytes()
    size = decryptor.settings.page_size
    if len(data) % size:
        raise ValueError(f"{database}: {len(data)} bytes, not a whole number of pages")
    return [
        Page("file", index + 1, decryptor.page(data[offset : offset + size], index + 1))
        for index, offset in enumerate(range(0, len(data), size))
    ]


def wal_pages(wal: Path, decryptor: Decryptor) -> list[Page]:
    """Every whole frame of the log, the stale ones of earlier generations included:
    they hold older copies of pages all the same."""
    if not wal.exists():
        return []
    data = wal.read_bytes()
    if not data:
        return []
    magic, _, page_size = struct.unpack(">III", data[:12])
    if magic not in WAL_MAGIC or page_size != decryptor.settings.page_size:
        raise ValueError(
            f"{wal}: not a write-ahead log of {decryptor.settings.page_size}-byte pages"
        )
    frame = WAL_FRAME_HEADER_BYTES + page_size
    pages = []
    for offset in range(WAL_HEADER_BYTES, len(data) - frame + 1, frame):
        (number,) = struct.unpack(">I", data[offset : offset + 4])
        raw = data[offset + WAL_FRAME_HEADER_BYTES : offset + frame]
        pages.append(Page("wal", number, decryptor.page(raw, number)))
    return pages


def wal_path(database: Path) -> Path:
    return database.with_name(database.name + "-wal")


def all_pages(database: Path, key: bytes, settings: CipherSettings | None = None) -> list[Page]:
    """The pages of the file, then the frames of its log if it has one."""
    decryptor = Decryptor(key, _salt(database), settings or CipherSettings())
    return file_pages(database, decryptor) + wal_pages(wal_path(database), decryptor)


def holding(pages: list[Page], text: str) -> list[Page]:
    """The pages whose plaintext holds ``text`` in UTF-8."""
    needle = text.encode("utf-8")
    return [page for page in pages if needle in page.data]


def found(pages: list[Page], text: str) -> bool:
    """Whether ``text`` is in any page, or across the end of one page and the start of the
    next (in the order given)."""
    return text.encode("utf-8") in b"".join(page.data for page in pages)


def free_pages(pages: list[Page]) -> set[int]:
    """The numbers of the file's pages on SQLite's free list (trunk and leaf pages)."""
    by_number = {page.number: page.data for page in pages if page.source == "file"}
    header = by_number[1]
    trunk, count = struct.unpack(">II", header[32:40])
    free: set[int] = set()
    while trunk and trunk not in free:
        free.add(trunk)
        data = by_number[trunk]
        following, leaves = struct.unpack(">II", data[:8])
        free.update(struct.unpack(f">{leaves}I", data[8 : 8 + 4 * leaves]))
        trunk = following
    if len(free) != count:
        raise ValueError(f"the header counts {count} free pages, the list holds {len(free)}")
    return free
