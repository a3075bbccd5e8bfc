"""Form definitions: sections, fields, options and prompts, loaded from JSON and checked.

A broken definition is refused with a message naming the file and the field.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from counselor_app.forms import expression
from counselor_app.forms.expression import ExpressionError, Node

FIELD_TYPES = ("single", "multiple", "yesno", "integer", "text")
YESNO_CODES = ("yes", "no", "unknown")
LANGUAGES = ("fr", "en")


class FormDefinitionError(ValueError):
    def __init__(self, path: Path | str, where: str, reason: str) -> None:
        super().__init__(f"Form definition {path}: {where}: {reason}")
        self.path = path
        self.where = where
        self.reason = reason


@dataclass(frozen=True)
class Label:
    fr: str
    en: str

    def text(self, language: str) -> str:
        return self.fr if language == "fr" else self.en


@dataclass(frozen=True)
class Option:
    code: str
    label: Label


YESNO_OPTIONS = (
    Option("yes", Label("Oui", "Yes")),
    Option("no", Label("Non", "No")),
    Option("unknown", Label("Ne sait pas", "Unknown")),
)


@dataclass(frozen=True)
class Field:
    code: str
    type: str
    label: Label
    section: str
    required: bool = False
    relevant: Node | None = None
    relevant_text: str = ""
    options: tuple[Option, ...] = ()
    exclusive: frozenset[str] = frozenset()
    min_selected: int = 0
    minimum: int | None = None
    maximum: int | None = None
    max_length: int | None = None
    searchable: bool = False

    @cached_property
    def codes(self) -> tuple[str, ...]:
        return tuple(option.code for option in self.options)

    @cached_property
    def code_set(self) -> frozenset[str]:
        return frozenset(self.codes)

    def option(self, code: str) -> Option | None:
        return next((o for o in self.options if o.code == code), None)


@dataclass(frozen=True)
class Section:
    code: str
    title: Label
    fields: tuple[Field, ...]
    relevant: Node | None = None


@dataclass(frozen=True)
class Prompt:
    code: str
    level: str
    when: Node
    title: Label
    text: Label


@dataclass(frozen=True)
class FormDefinition:
    form: str
    version: int
    title: Label
    sections: tuple[Section, ...]
    prompts: tuple[Prompt, ...]
    non_substantive_kinds: tuple[str, ...]
    definitions: Mapping[str, Node] = field(default_factory=dict)

    def fields(self) -> Iterator[Field]:
        for section in self.sections:
            yield from section.fields

    @cached_property
    def _by_code(self) -> dict[str, Field]:
        return {f.code: f for f in self.fields()}

    @cached_property
    def section_by_code(self) -> dict[str, Section]:
        return {s.code: s for s in self.sections}

    def field(self, code: str) -> Field | None:
        return self._by_code.get(code)

    @cached_property
    def field_codes(self) -> tuple[str, ...]:
        return tuple(f.code for f in self.fields())


# --- loading ------------------------------------------------------------------------


class _Loader:
    def __init__(self, path: Path | str) -> None:
        self.path = path

    def fail(self, where: str, reason: str) -> FormDefinitionError:
        return FormDefinitionError(self.path, where, reason)

    def text(self, data: Mapping[str, Any], key: str, where: str) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, f"'{key}' must be a non-empty text")
        return value

    def label(self, data: Any, where: str) -> Label:
        if not isinstance(data, dict):
            raise self.fail(where, "a label needs French and English text")
        return Label(self.text(data, "fr", where), self.text(data, "en", where))

    def condition(
        self, text: Any, where: str, definitions: Mapping[str, Node], known: set[str]
    ) -> Node:
        if not isinstance(text, str):
            raise self.fail(where, "a condition must be text")
        try:
            return expression.parse(text, definitions=definitions, is_field=known.__contains__)
        except ExpressionError as exc:
            raise self.fail(where, f"condition '{text}': {exc}") from None

    def load(self, data: Any) -> FormDefinition:
        if not isinstance(data, dict):
            raise self.fail("top level", "expected a JSON object")
        form = self.text(data, "form", "top level")
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise self.fail("top level", "'version' must be a positive integer")
        raw_sections = data.get("sections")
        if not isinstance(raw_sections, list) or not raw_sections:
            raise self.fail("top level", "'sections' must be a non-empty list")
        known = self._field_codes(raw_sections)
        definitions: dict[str, Node] = {}
        raw_definitions = data.get("definitions", {})
        if not isinstance(raw_definitions, dict):
            raise self.fail("definitions", "expected an object")
        for name, text in raw_definitions.items():
            definitions[name] = self.condition(text, f"definition '{name}'", definitions, known)
        sections = tuple(self.section(raw, definitions, known) for raw in raw_sections)
        prompts = tuple(self.prompt(raw, definitions, known) for raw in data.get("prompts", []))
        kinds = data.get("non_substantive_kinds", [])
        if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
            raise self.fail("non_substantive_kinds", "expected a list of codes")
        definition = FormDefinition(
            form=form,
            version=version,
            title=self.label(data.get("title"), "title"),
            sections=sections,
            prompts=prompts,
            non_substantive_kinds=tuple(kinds),
            definitions=definitions,
        )
        self._check_values(definition)
        return definition

    def _field_codes(self, raw_sections: list[Any]) -> set[str]:
        codes: set[str] = set()
        for raw in raw_sections:
            fields = raw.get("fields") if isinstance(raw, dict) else None
            if not isinstance(fields, list) or not fields:
                raise self.fail("section", "every section needs a non-empty 'fields' list")
            for item in fields:
                code = item.get("code") if isinstance(item, dict) else None
                if not isinstance(code, str) or not code.isidentifier():
                    raise self.fail("field", f"bad field code {code!r}")
                if code in codes:
                    raise self.fail(f"field '{code}'", "the code is used twice")
                codes.add(code)
        return codes

    def section(
        self, raw: dict[str, Any], definitions: Mapping[str, Node], known: set[str]
    ) -> Section:
        code = self.text(raw, "code", "section")
        where = f"section '{code}'"
        relevant = raw.get("relevant")
        return Section(
            code=code,
            title=self.label(raw.get("title"), where),
            fields=tuple(self.field(item, code, definitions, known) for item in raw["fields"]),
            relevant=None
            if relevant is None
            else self.condition(relevant, where, definitions, known),
        )

    def field(
        self, raw: dict[str, Any], section: str, definitions: Mapping[str, Node], known: set[str]
    ) -> Field:
        code = raw["code"]
        where = f"field '{code}'"
        kind = raw.get("type")
        if kind not in FIELD_TYPES:
            raise self.fail(where, f"unknown type {kind!r}")
        options = self.options(raw.get("options"), kind, where)
        exclusive = raw.get("exclusive", [])
        if not isinstance(exclusive, list) or any(
            e not in {o.code for o in options} for e in exclusive
        ):
            raise self.fail(where, "'exclusive' must list codes of the field's options")
        if exclusive and kind != "multiple":
            raise self.fail(where, "only a multiple choice can have exclusive options")
        minimum, maximum = raw.get("min"), raw.get("max")
        if kind == "integer" and not (
            isinstance(minimum, int) and isinstance(maximum, int) and minimum <= maximum
        ):
            raise self.fail(where, "an integer field needs 'min' <= 'max'")
        max_length = raw.get("max_length")
        if kind == "text" and not (isinstance(max_length, int) and max_length > 0):
            raise self.fail(where, "a text field needs a positive 'max_length'")
        required = raw.get("required", False)
        if not isinstance(required, bool):
            raise self.fail(where, "'required' must be true or false")
        relevant_text = raw.get("relevant", "")
        relevant = (
            self.condition(relevant_text, where, definitions, known) if relevant_text else None
        )
        if relevant is not None and code in expression.fields_of(relevant):
            raise self.fail(where, "a field's relevance cannot depend on itself")
        return Field(
            code=code,
            type=kind,
            label=self.label(raw.get("label"), where),
            section=section,
            required=required,
            relevant=relevant,
            relevant_text=relevant_text,
            options=options,
            exclusive=frozenset(exclusive),
            min_selected=int(raw.get("min_selected", 0)),
            minimum=minimum if kind == "integer" else None,
            maximum=maximum if kind == "integer" else None,
            max_length=max_length if kind == "text" else None,
            searchable=bool(raw.get("searchable", False)),
        )

    def options(self, raw: Any, kind: str, where: str) -> tuple[Option, ...]:
        if kind == "yesno":
            if raw is not None:
                raise self.fail(where, "a yes/no field has the fixed options yes, no, unknown")
            return YESNO_OPTIONS
        if kind not in ("single", "multiple"):
            if raw is not None:
                raise self.fail(where, f"a field of type {kind} has no options")
            return ()
        if not isinstance(raw, list) or not raw:
            raise self.fail(where, "a choice needs a non-empty 'options' list")
        options: list[Option] = []
        for item in raw:
            if not isinstance(item, dict):
                raise self.fail(where, "an option must be an object")
            code = self.text(item, "code", where)
            if any(o.code == code for o in options):
                raise self.fail(where, f"option code '{code}' is used twice")
            options.append(Option(code, self.label(item.get("label"), f"{where}, option '{code}'")))
        return tuple(options)

    def prompt(self, raw: Any, definitions: Mapping[str, Node], known: set[str]) -> Prompt:
        if not isinstance(raw, dict):
            raise self.fail("prompts", "a prompt must be an object")
        code = self.text(raw, "code", "prompt")
        where = f"prompt '{code}'"
        level = raw.get("level", "info")
        if level not in ("info", "danger"):
            raise self.fail(where, "'level' must be info or danger")
        return Prompt(
            code=code,
            level=level,
            when=self.condition(raw.get("when"), where, definitions, known),
            title=self.label(raw.get("title"), where),
            text=self.label(raw.get("text"), where),
        )

    def _check_values(self, form: FormDefinition) -> None:
        """Every code a condition compares with must be an option of that field."""
        conditions: list[tuple[str, Node]] = [
            (f"definition '{name}'", node) for name, node in form.definitions.items()
        ]
        conditions += [(f"field '{f.code}'", f.relevant) for f in form.fields() if f.relevant]
        conditions += [(f"prompt '{p.code}'", p.when) for p in form.prompts]
        for where, node in conditions:
            for code, value in expression.values_of(node):
                target = form.field(code)
                assert target is not None
                if target.options and value not in target.codes:
                    raise self.fail(where, f"'{value}' is not an option of '{code}'")
                if target.type == "integer" and not isinstance(value, int):
                    raise self.fail(where, f"'{code}' is compared with a non-integer")
        for kind in form.non_substantive_kinds:
            call_kind = form.field("call_kind")
            if call_kind is None or kind not in call_kind.codes:
                raise self.fail("non_substantive_kinds", f"'{kind}' is not a call_kind option")


def load_form_file(path: Path) -> FormDefinition:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise FormDefinitionError(path, "file", f"cannot be read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise FormDefinitionError(path, f"line {exc.lineno}", "not valid JSON") from None
    return _Loader(path).load(data)


def load_form_data(data: Any, source: str = "<data>") -> FormDefinition:
    return _Loader(source).load(data)
