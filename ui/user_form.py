"""The forms the Users dialog opens: add a user, change a role, reset a password.

Each runs its operation in the core when confirmed. Afterwards ``username`` is the
account it changed and ``outcome`` a translated sentence saying what was done.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from counselor_app import accounts
from counselor_app.errors import InvalidInput, PasswordTooShort, UserExists
from counselor_app.roles import Role
from counselor_app.store.users import User
from counselor_app.vault import Session
from ui.action_dialog import ActionDialog, check_same, password_hint
from ui.fields import add_row, password_field, text_field
from ui.roles import ORDER, role_name


def role_box(current: Role, parent: QWidget) -> QComboBox:
    box = QComboBox(parent)
    box.setObjectName("role")
    for role in ORDER:
        box.addItem(role_name(role), role.value)
    box.setCurrentIndex(ORDER.index(current))
    return box


def chosen_role(box: QComboBox) -> Role:
    return Role(str(box.currentData()))


def name_view(box: QComboBox) -> None:
    """Give the combo box's pop-up list the box's own accessible name."""
    box.view().setAccessibleName(box.accessibleName())


class UserForm(ActionDialog):
    """A form about one account: ``username`` and, once done, ``outcome``."""

    def __init__(self, session: Session, username: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._session = session
        self.username = username
        self.outcome = ""


class AddUserDialog(UserForm):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, "", parent)
        self.setObjectName("add_user_dialog")
        self.setWindowTitle(self.tr("Add a user"))
        self.name = text_field("username", self)
        self.role = role_box(Role.COUNSELOR, self)
        self.password = password_field("password", self)
        self.password_again = password_field("password_again", self)
        add_row(self.form, self.tr("User &name:"), self.name)
        add_row(self.form, self.tr("&Role:"), self.role)
        name_view(self.role)
        add_row(self.form, self.tr("&Password:"), self.password)
        add_row(self.form, self.tr("Con&firm password:"), self.password_again)
        self.add_hint(password_hint(session.settings.min_password_length), self.password)
        self.add_buttons(self.tr("&Add"), self.tr("&Cancel"))
        self.set_tab_order()

    def perform(self) -> None:
        check_same(self.password, self.password_again)
        user = accounts.add_user(
            self._session, self.name.text(), chosen_role(self.role), self.password.text()
        )
        self.password.clear()
        self.password_again.clear()
        self.username = user.username
        self.outcome = self.tr("The account “{name}” was added with the role {role}.").format(
            name=user.username, role=role_name(user.role)
        )

    def after_refusal(self, error: Exception) -> QWidget | None:
        if isinstance(error, UserExists) or (
            isinstance(error, InvalidInput) and not isinstance(error, PasswordTooShort)
        ):
            return self.name
        self.password.clear()
        self.password_again.clear()
        return self.password


class RoleDialog(UserForm):
    def __init__(self, session: Session, user: User, parent: QWidget | None = None) -> None:
        super().__init__(session, user.username, parent)
        self.setObjectName("role_dialog")
        self.setWindowTitle(self.tr("Change role"))
        self.set_intro(self.tr("Choose the role of “{name}”.").format(name=user.username))
        self.role = role_box(user.role, self)
        add_row(self.form, self.tr("&Role:"), self.role)
        name_view(self.role)
        self.add_buttons(self.tr("&Apply"), self.tr("&Cancel"))
        self.set_tab_order()

    def perform(self) -> None:
        user = accounts.set_role(self._session, self.username, chosen_role(self.role))
        self.outcome = self.tr("The account “{name}” now has the role {role}.").format(
            name=user.username, role=role_name(user.role)
        )

    def after_refusal(self, error: Exception) -> QWidget | None:
        return self.role


class ResetPasswordDialog(UserForm):
    def __init__(self, session: Session, user: User, parent: QWidget | None = None) -> None:
        super().__init__(session, user.username, parent)
        self.setObjectName("reset_password_dialog")
        self.setWindowTitle(self.tr("Reset a password"))
        self.set_intro(
            self.tr(
                "Choose a new password for “{name}”. Give it to the person directly; "
                "they can change it from the Account menu once logged in."
            ).format(name=user.username)
        )
        self.password = password_field("password", self)
        self.password_again = password_field("password_again", self)
        add_row(self.form, self.tr("&New password:"), self.password)
        add_row(self.form, self.tr("Con&firm password:"), self.password_again)
        self.add_hint(password_hint(session.settings.min_password_length), self.password)
        self.add_buttons(self.tr("&Reset password"), self.tr("&Cancel"))
        self.set_tab_order()

    def perform(self) -> None:
        check_same(self.password, self.password_again)
        accounts.reset_password(self._session, self.username, self.password.text())
        self.password.clear()
        self.password_again.clear()
        self.outcome = self.tr("The password of “{name}” was reset.").format(name=self.username)

    def after_refusal(self, error: Exception) -> QWidget | None:
        self.password.clear()
        self.password_again.clear()
        return self.password
