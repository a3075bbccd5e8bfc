"""Answering the bundle actions' file dialogs and message boxes in the window tests."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from counselor_app.config import Settings, SupervisorKey
from tests.integration.bundle_support import Org
from tests.ui.driving import MIN_LENGTH


def settings_with_key(org: Org | None) -> Settings:
    key = None if org is None else SupervisorKey(org.keys.public_path, org.public)
    return Settings(language="en", min_password_length=MIN_LENGTH, supervisor_public_key=key)


@dataclass
class Boxes:
    """The message boxes shown (kind, title, text), and the answer to questions."""

    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.No
    shown: list[tuple[str, str, str]] = field(default_factory=list)

    def texts(self, kind: str) -> list[str]:
        return [text for shown_kind, _title, text in self.shown if shown_kind == kind]


def message_boxes(monkeypatch: pytest.MonkeyPatch, answer: bool = False) -> Boxes:
    """QMessageBox's static functions record what they show; questions get ``answer``."""
    boxes = Boxes(QMessageBox.StandardButton.Yes if answer else QMessageBox.StandardButton.No)

    def record(kind: str) -> object:
        def shown(
            _parent: QWidget, title: str, text: str, *_args: object, **_kwargs: object
        ) -> QMessageBox.StandardButton:
            boxes.shown.append((kind, title, text))
            if kind == "question":
                return boxes.answer
            return QMessageBox.StandardButton.Ok

        return shown

    for kind in ("information", "warning", "question", "critical"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    return boxes


def save_as(monkeypatch: pytest.MonkeyPatch, target: Path | None) -> list[str]:
    """The save dialog answers ``target`` (None: cancelled); returns the paths it suggested."""
    suggested: list[str] = []

    def answer(
        _parent: QWidget, _caption: str, folder: str, kinds: str, *_a: object, **_k: object
    ) -> tuple[str, str]:
        suggested.append(folder)
        return ("" if target is None else str(target)), kinds

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return suggested


def open_files(monkeypatch: pytest.MonkeyPatch, paths: Sequence[Path]) -> list[str]:
    """The open dialog answers ``paths``; returns the folders it started in."""
    folders: list[str] = []

    def answer(
        _parent: QWidget, _caption: str, folder: str, kinds: str, *_a: object, **_k: object
    ) -> tuple[list[str], str]:
        folders.append(folder)
        return [str(p) for p in paths], kinds

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", answer)
    return folders
