"""The form definitions shipped with the program, found by id and version."""

from __future__ import annotations

from functools import cache

from counselor_app.forms.definition import FormDefinition, FormDefinitionError, load_form_file
from counselor_app.resources import resource_path

DEFAULT_FORM = ("vff", 1)


class UnknownForm(LookupError):
    def __init__(self, form: str, version: int) -> None:
        super().__init__(f"This program does not know the form '{form}' version {version}.")


@cache
def load_form(form: str, version: int) -> FormDefinition:
    path = resource_path("forms", f"{form}.v{version}.json")
    if not path.is_file():
        raise UnknownForm(form, version)
    definition = load_form_file(path)
    if (definition.form, definition.version) != (form, version):
        raise FormDefinitionError(
            path, "top level", "form id or version differs from the file name"
        )
    return definition


def default_form() -> FormDefinition:
    return load_form(*DEFAULT_FORM)
