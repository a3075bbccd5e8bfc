"""Help > About: the program's version, the vault's format and workstation id, the
versions of Qt and Python, the program's licence, and the bundled components with
their licences.

Everything shown is read-only. Links open in the browser only when clicked; nothing
is fetched. Copy puts the version lines (never anything from the records) on the
clipboard.
"""

from __future__ import annotations

import html
import platform

import PySide6
import shiboken6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counselor_app import licence_texts, licences, workstation
from counselor_app.exchange.bundle_export import is_consolidation
from counselor_app.exchange.consolidation import org_fingerprint
from counselor_app.licences import Component
from counselor_app.store.migrations import SCHEMA_VERSION, schema_version
from counselor_app.vault import Session
from ui.errors import FAILURES
from ui.fields import button, chain_tab_order, plain
from ui.notice import Notice

MIN_WIDTH = 960
MIN_HEIGHT = 640
LIST_LINES = 11  # the height of the version area and of the list, in lines of text
LINK_SCHEMES = ("https", "http")
QT_SOURCE = "https://download.qt.io/"
KEY_ROLE = Qt.ItemDataRole.UserRole
ORG_KEY_DIGITS = 16
# A key stored in the vault that cannot be decoded raises ValueError.
READ_FAILURES: tuple[type[Exception], ...] = (*FAILURES, ValueError)


def _browser(name: str, label: QLabel, parent: QWidget) -> QTextBrowser:
    """A read-only text that the keyboard can move through (a caret, for screen readers),
    that Tab leaves, and whose links open nothing unless clicked; named by ``label``,
    whose mnemonic leads to it."""
    view = QTextBrowser(parent)
    view.setObjectName(name)
    label.setBuddy(view)
    view.setAccessibleName(plain(label.text()))
    view.setOpenLinks(False)
    view.setOpenExternalLinks(False)
    view.setTabChangesFocus(True)
    view.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
        | Qt.TextInteractionFlag.LinksAccessibleByMouse
    )
    view.anchorClicked.connect(_open_link)
    return view


def _open_link(url: QUrl) -> None:
    if url.scheme() in LINK_SCHEMES:
        QDesktopServices.openUrl(url)


class AboutDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About {name}").format(name=licences.PROGRAM))
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self._runtime = {
            **licences.runtime_versions(session.conn),
            "qt": qVersion(),
            "pyside6": PySide6.__version__,
            "shiboken6": shiboken6.__version__,
        }
        self._vault_format = self._read_vault_format(session)
        self._workstation = self._read_workstation(session)
        self._org_key = self._read_org_key(session)

        self.heading = QLabel(self._program_line(), self)
        self.heading.setObjectName("heading")
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)

        versions_label = QLabel(self.tr("&Version information:"), self)
        self.versions = _browser("versions", versions_label, self)
        self.versions.setHtml(self._versions_html())

        self.components = QTreeWidget(self)
        self.components.setObjectName("components")
        self.components.setColumnCount(3)
        self.components.setHeaderLabels(
            [self.tr("Component"), self.tr("Licence"), self.tr("Version")]
        )
        self.components.header().setAccessibleName(self.tr("Column titles"))
        self.components.setRootIsDecorated(False)
        self.components.setUniformRowHeights(True)
        self.components.setAllColumnsShowFocus(True)
        self.components.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.components.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.components.setTabKeyNavigation(False)
        header = self.components.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for item in licences.COMPONENTS:
            row = QTreeWidgetItem([item.name, self.licence_name(item.licence), self._version(item)])
            row.setData(0, KEY_ROLE, item.key)
            self.components.addTopLevelItem(row)
        components_label = QLabel(self.tr("Co&mponents:"), self)
        components_label.setBuddy(self.components)
        self.components.setAccessibleName(plain(components_label.text()))

        licence_label = QLabel(self.tr("&Licence:"), self)
        self.licence = _browser("licence", licence_label, self)
        self.components.currentItemChanged.connect(self._show_licence)

        self.notice = Notice(self)
        self.copy_button = button(self.tr("Co&py version information"), "copy", self)
        self.copy_button.clicked.connect(self.copy_versions)
        self.close_button = button(self.tr("&Close"), "close", self)
        self.close_button.clicked.connect(self.reject)

        line = self.fontMetrics().lineSpacing()
        for view in (self.versions, self.components):
            view.setMinimumHeight(line * LIST_LINES)
        top = QGridLayout()
        top.addWidget(versions_label, 0, 0)
        top.addWidget(components_label, 0, 1)
        top.addWidget(self.versions, 1, 0)
        top.addWidget(self.components, 1, 1)
        top.setColumnStretch(0, 1)
        top.setColumnStretch(1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(licence_label)
        layout.addWidget(self.licence, 1)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)

        chain_tab_order(
            [self.versions, self.components, self.licence, self.copy_button, self.close_button]
        )
        first = self.components.topLevelItem(0)
        if first is not None:
            self.components.setCurrentItem(first)
        self.versions.setFocus()

    # What is shown

    @staticmethod
    def _read_vault_format(session: Session) -> int | None:
        try:
            return schema_version(session.conn)
        except FAILURES:
            return None

    @staticmethod
    def _read_workstation(session: Session) -> str | None:
        try:
            return workstation.identity(session.conn).id
        except READ_FAILURES:
            return None

    @staticmethod
    def _read_org_key(session: Session) -> str | None:
        """The first digits of the organisation key's fingerprint on a consolidation
        vault ("" when it cannot be read); None on any other vault."""
        try:
            if not is_consolidation(session):
                return None
            return org_fingerprint(session)[:ORG_KEY_DIGITS]
        except READ_FAILURES:
            return ""

    def _unknown(self) -> str:
        return self.tr("unknown")

    def _version(self, item: Component) -> str:
        return licences.version(item, self._runtime) or self._unknown()

    def _runtime_version(self, key: str) -> str:
        return self._runtime.get(key) or self._unknown()

    def licence_name(self, licence: str) -> str:
        """The licence as listed: its SPDX expression, or words for the public domain."""
        if licence == licences.PUBLIC_DOMAIN:
            return self.tr("Public domain")
        return licence

    def _program_line(self) -> str:
        return self.tr("{name} {version}").format(
            name=licences.PROGRAM, version=self._runtime_version(licences.PROGRAM)
        )

    def version_lines(self) -> list[str]:
        """The lines Copy puts on the clipboard: versions and the workstation's id, nothing
        from the vault's records."""
        vault = self._unknown() if self._vault_format is None else str(self._vault_format)
        system = " ".join(part for part in (platform.system(), platform.release()) if part)
        lines = [
            self._program_line(),
            self.tr("Vault format: {vault} (this program knows formats up to {known})").format(
                vault=vault, known=SCHEMA_VERSION
            ),
            self.tr("Qt: {version}").format(version=self._runtime_version("qt")),
            self.tr("PySide6: {version}, shiboken6: {shiboken}").format(
                version=self._runtime_version("pyside6"),
                shiboken=self._runtime_version("shiboken6"),
            ),
            self.tr("Python: {version}").format(version=self._runtime_version("python")),
            self.tr("SQLCipher: {version}, SQLite: {sqlite}").format(
                version=self._runtime_version("sqlcipher"),
                sqlite=self._runtime_version("sqlite"),
            ),
            self.tr("OpenSSL: {version}").format(version=self._runtime_version("openssl")),
            self.tr("System: {system}").format(system=system or self._unknown()),
            self.tr("Workstation: {id}").format(id=self._workstation or self._unknown()),
        ]
        if self._org_key is not None:
            lines.append(
                self.tr("Consolidation vault; organisation key {key}").format(
                    key=self._org_key or self._unknown()
                )
            )
        return lines

    def _versions_html(self) -> str:
        lines = "<br>".join(html.escape(line) for line in self.version_lines())
        summary = self.tr(
            "{name} is free software under the GNU General Public License, version 3 or "
            "later (GPL-3.0-or-later), and comes WITHOUT ANY WARRANTY. Its licence and "
            "those of the components it includes are listed beside."
        ).format(name=licences.PROGRAM)
        return f"<p>{lines}</p><p>{html.escape(summary)}</p>"

    def program_statement(self) -> str:
        """The GPL's notice for the program, shown with its licence."""
        return self.tr(
            "{name} is free software: you can redistribute it and/or modify it under the "
            "terms of the GNU General Public License as published by the Free Software "
            "Foundation, either version 3 of the License, or (at your option) any later "
            "version. It is distributed in the hope that it will be useful, but WITHOUT "
            "ANY WARRANTY; without even the implied warranty of MERCHANTABILITY or FITNESS "
            "FOR A PARTICULAR PURPOSE. See the GNU General Public License for more details."
        ).format(name=licences.PROGRAM)

    def qt_statement(self) -> str:
        """What the LGPL lets the user do with Qt, shown with the licences of Qt's parts."""
        return self.tr(
            "Qt and Qt for Python (PySide6, shiboken6) are used under the GNU Lesser "
            "General Public License, version 3, as separate libraries: you may replace "
            "them with your own build of a compatible version, modified or not. Their "
            "source code is available at {url} and from The Qt Company."
        ).format(url=QT_SOURCE)

    def _show_licence(self, current: QTreeWidgetItem | None) -> None:
        if current is None:
            self.licence.clear()
            return
        item = licences.component(str(current.data(0, KEY_ROLE)))
        self.licence.setHtml(self.licence_html(item))

    def licence_html(self, item: Component) -> str:
        found = licence_texts.licence_text(item)
        facts = [
            self.tr("Version: {version}").format(version=self._version(item)),
            self.tr("Licence: {licence}").format(licence=self.licence_name(item.licence)),
        ]
        if item.holder is not None:
            facts.append(self.tr("Copyright: {holder}").format(holder=item.holder))
        if item.bundled_in:
            names = ", ".join(licences.component(key).name for key in item.bundled_in)
            facts.append(self.tr("Built into: {components}").format(components=names))
        facts_html = "<br>".join(html.escape(fact) for fact in facts)
        if item.homepage is not None:
            homepage = self.tr("Homepage: {url}").format(url=item.homepage)
            facts_html += "<br>" + _linked(homepage, item.homepage)
        parts = [f"<h3>{html.escape(item.name)}</h3>", f"<p>{facts_html}</p>"]
        if item.key == licences.PROGRAM:
            parts.append(f"<p>{html.escape(self.program_statement())}</p>")
        elif item.notice == licences.QT_NOTICE:
            parts.append(f"<p>{_linked(self.qt_statement(), QT_SOURCE)}</p>")
        if not found.complete:
            missing = self.tr(
                "The full text of this licence is not included in this copy of the "
                "program. It can be read at {url}"
            ).format(url=item.licence_url)
            parts.append(f"<p>{_linked(missing, item.licence_url)}</p>")
        parts.append(f'<pre style="white-space: pre-wrap">{html.escape(found.text)}</pre>')
        return "".join(parts)

    def licence_text(self) -> str:
        """The licence view's text, as read aloud."""
        return self.licence.toPlainText()

    def select(self, key: str) -> None:
        """Select the component ``key`` in the list (its licence is shown)."""
        for row in range(self.components.topLevelItemCount()):
            item = self.components.topLevelItem(row)
            if item is not None and item.data(0, KEY_ROLE) == key:
                self.components.setCurrentItem(item)
                return
        raise KeyError(key)

    # Copy

    def copy_versions(self) -> None:
        """Version text is not sensitive, but the program's clipboard guard still marks
        it and clears it after a while, as it does with everything copied here."""
        QGuiApplication.clipboard().setText("\n".join(self.version_lines()))
        self.notice.show_info(self.tr("The version information was copied to the clipboard."))


def _linked(text: str, url: str) -> str:
    """``text`` escaped, with ``url`` in it made a link."""
    escaped, link = html.escape(text), html.escape(url)
    return escaped.replace(link, f'<a href="{link}">{link}</a>')
