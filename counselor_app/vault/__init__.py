"""Keys, key slots and opening the encrypted database."""

from counselor_app.vault.paths import VaultPaths
from counselor_app.vault.session import Session, create_vault, open_vault, vault_exists

__all__ = ["Session", "VaultPaths", "create_vault", "open_vault", "vault_exists"]
