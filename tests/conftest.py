"""Shared fixtures: isolated settings folders and fast key slots for every test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from counselor_app.config import Settings
from counselor_app.vault import Session, create_vault
from counselor_app.vault.kdf import KdfParams, set_default_params

ADMIN = "alice"
ADMIN_PASSWORD = "correct horse battery"
# The cheapest parameters the slot format accepts (64 MiB, one pass); real
# vaults calibrate to at least 0.3 s, which would make the suite slow.
FAST_KDF = KdfParams(iterations=1)


@pytest.fixture(autouse=True)
def isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(home / "site"))
    monkeypatch.setenv("XDG_DATA_DIRS", str(home / "site-data"))
    set_default_params(FAST_KDF)


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def admin_session(vault_dir: Path, settings: Settings) -> Iterator[Session]:
    session = create_vault(vault_dir, ADMIN, ADMIN_PASSWORD, settings)
    yield session
    session.close()
