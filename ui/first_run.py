"""Creating the vault with its first admin account, the first time the program runs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from counselor_app.config import Settings
from counselor_app.errors import InvalidInput, PasswordTooShort
from counselor_app.logins import record_login
from counselor_app.vault import Session, create_vault
from ui.action_dialog import ActionDialog, check_same, password_hint
from ui.fields import add_row, password_field, text_field


class FirstRunDialog(ActionDialog):
    """Emits ``created(Session)`` (the new admin's open session) and closes."""

    created = Signal(object)

    def __init__(self, data_dir: Path, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_run_dialog")
        self.setWindowTitle(self.tr("Create the vault"))
        self.set_intro(
            self.tr(
                "No vault was found in {folder}. Create it now with the first admin account. "
                "Keep the password safe: without it, or another admin's, "
                "the records cannot be opened."
            ).format(folder=data_dir)
        )
        self._data_dir = data_dir
        self._settings = settings
        self._session: Session | None = None
        self.username = text_field("username", self)
        self.password = password_field("password", self)
        self.password_again = password_field("password_again", self)
        add_row(self.form, self.tr("User &name:"), self.username)
        add_row(self.form, self.tr("&Password:"), self.password)
        add_row(self.form, self.tr("Con&firm password:"), self.password_again)
        self.add_hint(password_hint(settings.min_password_length), self.password)
        self.add_buttons(self.tr("&Create vault"), self.tr("&Quit"))
        self.set_tab_order()

    def perform(self) -> None:
        check_same(self.password, self.password_again)
        session = create_vault(
            self._data_dir, self.username.text(), self.password.text(), self._settings
        )
        try:
            record_login(session, "window")
        except BaseException:
            session.close()
            raise
        self._session = session
        self.password.clear()
        self.password_again.clear()

    def after_success(self) -> None:
        session, self._session = self._session, None
        self.created.emit(session)

    def after_refusal(self, error: Exception) -> QWidget | None:
        if isinstance(error, InvalidInput) and not isinstance(error, PasswordTooShort):
            return self.username
        self.password.clear()
        self.password_again.clear()
        return self.password
