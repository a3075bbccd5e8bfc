"""A second copy of the program on the same vault is refused; a killed one leaves no lock."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from counselor_app.vault.instance import InstanceLock, VaultInUse, lock_path


def test_a_second_lock_on_the_same_vault_is_refused(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    with InstanceLock(vault):
        with pytest.raises(VaultInUse, match="already open"):
            InstanceLock(vault).acquire()
        InstanceLock(tmp_path / "another").acquire()  # another vault is free
    with InstanceLock(vault):  # released: free again
        pass
    assert not vault.exists()  # the lock sits beside the folder, never in it
    assert lock_path(vault).parent == tmp_path


def test_a_killed_process_leaves_the_vault_free(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; "
            "from counselor_app.vault.instance import InstanceLock; "
            f"InstanceLock(Path({str(vault)!r})).acquire(); print('held', flush=True); "
            "time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(VaultInUse):
            InstanceLock(vault).acquire()
    finally:
        holder.kill()
        holder.wait()
    with InstanceLock(vault):
        pass
