from __future__ import annotations

import pytest

from counselor_app.errors import InvalidInput
from counselor_app.roles import Permission, Role, allows, parse_role


def test_only_admins_manage_users() -> None:
    assert [r for r in Role if allows(r, Permission.MANAGE_USERS)] == [Role.ADMIN]


def test_everyone_may_verify() -> None:
    assert all(allows(r, Permission.VERIFY_VAULT) for r in Role)


def test_parse_role() -> None:
    assert parse_role(" Supervisor ") is Role.SUPERVISOR
    with pytest.raises(InvalidInput):
        parse_role("boss")


def test_only_admins_view_the_audit_trail() -> None:
    assert [r for r in Role if allows(r, Permission.VIEW_AUDIT)] == [Role.ADMIN]
