"""The admin's list of accounts, with add, change role, reset password and remove."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counselor_app import accounts
from counselor_app.roles import Permission, allows
from counselor_app.store.users import User
from counselor_app.vault import Session
from ui import confirm
from ui.action_dialog import busy
from ui.errors import FAILURES, describe_failure
from ui.fields import button, chain_tab_order
from ui.notice import Notice
from ui.roles import role_name
from ui.user_form import AddUserDialog, ResetPasswordDialog, RoleDialog, UserForm

FormT = TypeVar("FormT", bound=UserForm)

MIN_WIDTH = 640
MIN_HEIGHT = 360


class UsersDialog(QDialog):
    """Emits ``own_account_changed`` when the admin changed her own role."""

    own_account_changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("users_dialog")
        self.setWindowTitle(self.tr("Users"))
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self._session = session
        self._users: list[User] = []
        self.form: UserForm | None = None

        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("users")
        self.table.setAccessibleName(self.tr("Users"))
        self.table.setHorizontalHeaderLabels([self.tr("User name"), self.tr("Role")])
        self.table.horizontalHeader().setAccessibleName(self.tr("Column titles"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setAccessibleName(self.tr("Row numbers"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.add_button = button(self.tr("&Add…"), "add", self)
        self.role_button = button(self.tr("Change &role…"), "change_role", self)
        self.reset_button = button(self.tr("Re&set password…"), "reset_password", self)
        self.remove_button = button(self.tr("Re&move…"), "remove", self)
        self.close_button = button(self.tr("&Close"), "close", self)
        self.add_button.clicked.connect(self.show_add)
        self.role_button.clicked.connect(self.show_role)
        self.reset_button.clicked.connect(self.show_reset)
        self.remove_button.clicked.connect(self.remove_selected)
        self.close_button.clicked.connect(self.reject)

        self.notice = Notice(self)
        buttons = QVBoxLayout()
        for widget in (self.add_button, self.role_button, self.reset_button, self.remove_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        top = QHBoxLayout()
        top.addWidget(self.table, 1)
        top.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.notice)

        chain: list[QWidget] = [
            self.table,
            self.add_button,
            self.role_button,
            self.reset_button,
            self.remove_button,
            self.close_button,
        ]
        chain_tab_order(chain)
        self.refresh()
        self.table.setFocus()

    # The list

    def refresh(self, select: str | None = None) -> None:
        """Reload the accounts from the vault; keep (or move) the selection."""
        keep = select if select is not None else self.selected_name()
        try:
            self._users = accounts.list_users(self._session)
        except FAILURES as exc:
            self._users = []
            self._tell(describe_failure(exc), problem=True)
        self.table.setRowCount(len(self._users))
        row_to_select = 0
        for row, user in enumerate(self._users):
            for column, text in enumerate((user.username, role_name(user.role))):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(row, column, item)
            if keep is not None and user.username.casefold() == keep.casefold():
                row_to_select = row
        if self._users:
            self.table.selectRow(row_to_select)
        self._update_buttons()

    def selected_user(self) -> User | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._users):
            return None
        return self._users[rows[0].row()]

    def selected_name(self) -> str | None:
        user = self.selected_user()
        return None if user is None else user.username

    def _update_buttons(self) -> None:
        chosen = self.selected_user() is not None
        for widget in (self.role_button, self.reset_button, self.remove_button):
            widget.setEnabled(chosen)

    # The forms

    def show_add(self) -> AddUserDialog:
        return self._open(AddUserDialog(self._session, self))

    def show_role(self) -> RoleDialog | None:
        user = self.selected_user()
        return None if user is None else self._open(RoleDialog(self._session, user, self))

    def show_reset(self) -> ResetPasswordDialog | None:
        user = self.selected_user()
        if user is None:
            return None
        return self._open(ResetPasswordDialog(self._session, user, self))

    def _open(self, form: FormT) -> FormT:
        self.notice.clear()
        self.form = form
        form.accepted.connect(lambda: self._form_done(form))
        form.finished.connect(lambda _result: self._form_closed(form))
        form.open()
        return form

    def _form_done(self, form: UserForm) -> None:
        own = form.username.casefold() == self._session.user.username.casefold()
        if isinstance(form, RoleDialog) and own:
            self.own_account_changed.emit()
            if not allows(self._session.user.role, Permission.MANAGE_USERS):
                self.accept()
                return
        self.refresh(select=form.username)
        self._tell(form.outcome)

    def _form_closed(self, form: UserForm) -> None:
        if self.form is form:
            self.form = None
        form.deleteLater()
        self._focus_list()

    def _focus_list(self) -> None:
        self.activateWindow()
        self.table.setFocus()

    # Removing

    def remove_selected(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        self.notice.clear()
        asked = confirm.ask(
            self,
            self.tr("Remove a user"),
            self.tr(
                "Remove the account “{name}”? It will no longer be able to open the vault. "
                "This cannot be undone."
            ).format(name=user.username),
            self.tr("&Remove"),
        )
        if not asked:
            self._focus_list()
            return
        try:
            with busy():
                accounts.remove_user(self._session, user.username)
        except FAILURES as exc:
            self._tell(describe_failure(exc), problem=True)
        else:
            self.refresh()
            self._tell(self.tr("The account “{name}” was removed.").format(name=user.username))
        self._focus_list()

    def _tell(self, message: str, *, problem: bool = False) -> None:
        if problem:
            self.notice.show_error(message)
        else:
            self.notice.show_info(message)
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))
