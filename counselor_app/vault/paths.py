"""Where a vault's two files live inside its data folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DATABASE_NAME = "vault.db"
KEYSLOTS_NAME = "keyslots.json"


@dataclass(frozen=True)
class VaultPaths:
    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @property
    def keyslots(self) -> Path:
        return self.data_dir / KEYSLOTS_NAME

    def anything_present(self) -> bool:
        """True when either file exists: the folder then holds a vault, whole or not."""
        return self.database.exists() or self.keyslots.exists()
