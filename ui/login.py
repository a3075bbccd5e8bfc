"""Unlocking the vault: user name and password."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from counselor_app.config import Settings
from counselor_app.errors import AuthenticationFailed
from counselor_app.logins import log_in
from counselor_app.vault import Session
from ui.action_dialog import ActionDialog, Refusal
from ui.fields import add_row, password_field, text_field


class LoginDialog(ActionDialog):
    """Emits ``unlocked(Session)`` and closes once the vault is open and the login recorded.

    ``returning`` is the id of the user who locked the window, if it was locked: her
    coming back is recorded as an unlock, anyone else's as a login.
    """

    unlocked = Signal(object)

    def __init__(
        self,
        data_dir: Path,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        returning: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._returning = returning
        self.setWindowTitle(self.tr("Unlock counselor-app"))
        self.set_intro(self.tr("Enter your user name and password to open the call log."))
        self.setObjectName("login_dialog")
        self._data_dir = data_dir
        self._settings = settings
        self._session: Session | None = None
        self.username = text_field("username", self)
        self.password = password_field("password", self)
        add_row(self.form, self.tr("User &name:"), self.username)
        add_row(self.form, self.tr("&Password:"), self.password)
        self.add_buttons(self.tr("&Unlock"), self.tr("&Quit"))
        self.set_tab_order()

    def perform(self) -> None:
        if not self.username.text().strip():
            raise Refusal(self.tr("Enter your user name."), self.username)
        self._session = log_in(
            self._data_dir,
            self.username.text(),
            self.password.text(),
            self._settings,
            how="window",
            returning=self._returning,
        )
        self.password.clear()

    def after_success(self) -> None:
        session, self._session = self._session, None
        self.unlocked.emit(session)

    def after_refusal(self, error: Exception) -> QWidget | None:
        self.password.clear()
        if isinstance(error, AuthenticationFailed):
            return self.password
        return self.password if self.username.text().strip() else self.username
