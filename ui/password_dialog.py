"""Changing one's own password (the current one is asked again)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from counselor_app import accounts
from counselor_app.errors import AuthenticationFailed
from counselor_app.vault import Session
from ui.action_dialog import ActionDialog, check_same, password_hint
from ui.fields import add_row, password_field


class ChangePasswordDialog(ActionDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("change_password_dialog")
        self.setWindowTitle(self.tr("Change your password"))
        self._session = session
        self.current = password_field("current_password", self)
        self.password = password_field("password", self)
        self.password_again = password_field("password_again", self)
        add_row(self.form, self.tr("C&urrent password:"), self.current)
        add_row(self.form, self.tr("&New password:"), self.password)
        add_row(self.form, self.tr("Con&firm new password:"), self.password_again)
        self.add_hint(password_hint(session.settings.min_password_length), self.password)
        self.add_buttons(self.tr("Change &password"), self.tr("&Cancel"))
        self.set_tab_order()

    def perform(self) -> None:
        check_same(self.password, self.password_again)
        accounts.change_password(self._session, self.current.text(), self.password.text())
        for field in (self.current, self.password, self.password_again):
            field.clear()

    def message_for(self, exc: Exception) -> str:
        if isinstance(exc, AuthenticationFailed):
            return self.tr("The current password is not correct.")
        return super().message_for(exc)

    def after_refusal(self, error: Exception) -> QWidget | None:
        self.password.clear()
        self.password_again.clear()
        if isinstance(error, AuthenticationFailed):
            self.current.clear()
            return self.current
        return self.password
