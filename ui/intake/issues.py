"""What to say, beside a field, about a problem the form's validation found."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counselor_app.forms.definition import Field
from counselor_app.forms.validation import Issue


def issue_message(issue: Issue, field: Field) -> str:
    """A short translated sentence; the field's label is shown next to it already."""
    if issue.code == "required":
        if field.type == "multiple":
            return QCoreApplication.translate("Issues", "Required: choose at least one answer.")
        if field.type in ("single", "yesno"):
            return QCoreApplication.translate("Issues", "Required: choose an answer.")
        return QCoreApplication.translate("Issues", "Required.")
    if issue.code == "empty":
        return QCoreApplication.translate("Issues", "Choose at least one answer.")
    if issue.code == "exclusive":
        return QCoreApplication.translate(
            "Issues", "This answer cannot be combined with the others."
        )
    if issue.code == "range":
        return QCoreApplication.translate(
            "Issues", "Enter a number from {minimum} to {maximum}."
        ).format(minimum=field.minimum, maximum=field.maximum)
    if issue.code == "length":
        return QCoreApplication.translate(
            "Issues", "Too long: at most {maximum} characters."
        ).format(maximum=field.max_length)
    if issue.code == "characters":
        return QCoreApplication.translate(
            "Issues", "Contains invisible control characters: remove them."
        )
    return QCoreApplication.translate("Issues", "This answer is not valid.")
