"""Roles and what each may do. Checked in the core, whatever the interface."""

from __future__ import annotations

from enum import Enum, StrEnum

from counselor_app.errors import InvalidInput


class Role(StrEnum):
    COUNSELOR = "counselor"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Permission(Enum):
    """Each value is the phrase used in the refusal message."""

    MANAGE_USERS = "manage user accounts"
    VERIFY_VAULT = "verify the vault"
    LOG_CALLS = "log calls"
    ALL_RECORDS = "see and change every counselor's records"
    DELETE_RECORDS = "delete records"
    VIEW_AUDIT = "view and export the audit trail"
    LEGAL_HOLD = "put records on legal hold or lift a hold"
    PURGE = "purge notes and records past their retention period"
    SEND_BUNDLES = "send record bundles to the organisation"
    IMPORT_BUNDLES = "import record bundles and accept workstations"


_EVERYONE = frozenset({Permission.VERIFY_VAULT, Permission.LOG_CALLS, Permission.SEND_BUNDLES})
_SUPERVISION = frozenset(
    {
        Permission.ALL_RECORDS,
        Permission.DELETE_RECORDS,
        Permission.LEGAL_HOLD,
        Permission.IMPORT_BUNDLES,
    }
)
_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.COUNSELOR: _EVERYONE,
    Role.SUPERVISOR: _EVERYONE | _SUPERVISION,
    Role.ADMIN: _EVERYONE
    | _SUPERVISION
    | {Permission.MANAGE_USERS, Permission.VIEW_AUDIT, Permission.PURGE},
}


def allows(role: Role, permission: Permission) -> bool:
    return permission in _GRANTS[role]


def parse_role(text: str) -> Role:
    try:
        return Role(text.strip().lower())
    except ValueError:
        names = ", ".join(r.value for r in Role)
        raise InvalidInput(
            f"Unknown role '{text}'; choose one of {names}.", "unknown_role"
        ) from None
