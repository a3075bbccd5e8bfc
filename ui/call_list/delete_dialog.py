"""Deleting one record, with the reason the supervisor gives."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from counselor_app import records
from counselor_app.vault import Session
from ui.action_dialog import ActionDialog
from ui.fields import add_row, text_field


class DeleteRecordDialog(ActionDialog):
    """Deletes the record when accepted; the reason is required."""

    def __init__(
        self, session: Session, record_id: str, when: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("delete_record")
        self.setWindowTitle(self.tr("Delete a record"))
        self._session = session
        self.record_id = record_id
        self.set_intro(
            self.tr(
                "Delete the record of the call of {when}? Its answers and its note are "
                "removed for good; only its times, who deleted it and why are kept."
            ).format(when=when)
        )
        self.reason = text_field("delete_reason", self)
        self.reason.setMaxLength(records.MAX_REASON)
        add_row(self.form, self.tr("&Reason:"), self.reason)
        self.add_hint(self.tr("Required. Do not write anything about the caller."), self.reason)
        self.add_buttons(self.tr("&Delete"), self.tr("&Cancel"))
        self.set_tab_order()

    def perform(self) -> None:
        records.delete(self._session, self.record_id, self.reason.text())

    def after_refusal(self, error: Exception) -> QWidget | None:
        return self.reason
