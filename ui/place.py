"""Where she was when the window locked, to put her back there when she unlocks.

The controller keeps one :class:`Place`, in memory, for the user who locked: it is
given back to her only, and dropped when anyone else unlocks. It holds no record
content (ids, filter choices, sizes and positions only): the answers of the call
she had open live in her encrypted draft, which is reopened without asking.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray

from counselor_app.drafts import Draft
from ui.call_list.view import ListPlace
from ui.main_window import MainWindow


@dataclass(frozen=True)
class Place:
    user_id: str
    call_open: bool  # a call was open: her draft is reopened without asking
    editing_id: str | None  # the saved call being corrected in it, if any
    geometry: bytes
    splitter: tuple[int, ...]
    call_list: ListPlace


def capture(window: MainWindow, user_id: str) -> Place:
    """Where ``window`` is, before it is discarded (its dialogs still open)."""
    intake = window.intake_area.intake
    call_open = intake is not None and not intake.ended
    return Place(
        user_id=user_id,
        call_open=call_open,
        editing_id=intake.record_id if intake is not None and call_open else None,
        geometry=bytes(window.saveGeometry().data()),
        splitter=tuple(window.splitter.sizes()),
        call_list=window.call_list.place(),
    )


def return_to(window: MainWindow, place: Place, draft: Draft | None) -> None:
    """Put the new ``window`` where the locked one was; ``draft`` is her draft, if any.

    The call she had open is reopened from ``draft``, its timer still counting from
    when the call began. If that cannot be (no draft, not the same call, the record
    being corrected is gone), or no call was open, a draft is offered as after any
    login; the record she was reading is then not opened again over the question.
    """
    if place.geometry:
        window.restoreGeometry(QByteArray(place.geometry))
    if sum(place.splitter) > 0:
        window.splitter.setSizes(list(place.splitter))
    resumed = (
        place.call_open
        and draft is not None
        and draft.record_id == place.editing_id
        and window.intake_area.resume(draft) is not None
    )
    window.call_list.return_to(place.call_list)
    if draft is not None and not resumed:
        window.offer_draft(draft)
    elif place.call_list.shown_id is not None:
        window.call_list.show_record(place.call_list.shown_id)
