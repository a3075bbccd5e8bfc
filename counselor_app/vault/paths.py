"""Where a vault's two files, and the file of failed logins, live inside its data folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DATABASE_NAME = "vault.db"
KEYSLOTS_NAME = "keyslots.json"
LOGIN_FAILURES_NAME = "login-failures.json"


@dataclass(frozen=True)
class VaultPaths:
    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @property
    def keyslots(self) -> Path:
        return self.data_dir / KEYSLOTS_NAME

    @property
    def login_failures(self) -> Path:
        """Failed logins not yet in the audit trail (see ``vault.failures``); not part of
        the vault: a folder holding only this file holds no vault."""
        return self.data_dir / LOGIN_FAILURES_NAME

    def anything_present(self) -> bool:
        """True when either file exists: the folder then holds a vault, whole or not."""
        return self.database.exists() or self.keyslots.exists()
