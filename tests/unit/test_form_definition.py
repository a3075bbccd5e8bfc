from __future__ import annotations

import copy
import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest

from counselor_app.forms.catalogue import UnknownForm, default_form, load_form
from counselor_app.forms.definition import FormDefinitionError, load_form_data, load_form_file
from counselor_app.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
CODEBOOK = ROOT.parent / "shared" / "spec" / "codebook.md"
FORM_FILE = resource_path("forms", "vff.v1.json")


def raw_form() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FORM_FILE.read_text(encoding="utf-8"))
    return data


def codebook_fields() -> dict[str, dict[str, str]]:
    """Field code -> {option code: "FR / EN" label, or "" where the codebook gives none}."""
    if not CODEBOOK.is_file():
        pytest.skip("the shared codebook is not beside this checkout")
    fields: dict[str, dict[str, str]] = {}
    for line in CODEBOOK.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")[1:-1]]
        if len(cells) < 5 or not re.fullmatch(r"`[a-z_0-9]+`", cells[0]):
            continue
        code = cells[0].strip("`")
        if code in ("id", "started_at", "ended_at", "counselor"):
            continue
        options: dict[str, str] = {}
        for piece in re.split(r"\s·\s|,\s(?=`)", cells[4]):
            found = re.fullmatch(r"`([a-z0-9_]+)`(?: — (.+))?", piece.strip())
            if found and not piece.strip().startswith("as "):
                options[found.group(1)] = found.group(2) or ""
        fields[code] = options
    return fields


def test_the_default_form_loads() -> None:
    form = default_form()
    assert (form.form, form.version) == ("vff", 1)
    assert [s.code for s in form.sections] == [
        "call",
        "victim",
        "author",
        "violence",
        "children",
        "steps",
        "response",
        "note",
    ]


def test_every_codebook_field_is_in_the_form_with_its_codes() -> None:
    expected = codebook_fields()
    form = default_form()
    assert len(expected) == 26
    assert set(expected) == set(form.field_codes)
    departments = [
        row["code"]
        for row in csv.DictReader(
            resource_path("reference", "departements.csv").open(encoding="utf-8")
        )
    ]
    for code, options in expected.items():
        field = form.field(code)
        assert field is not None
        if field.type == "yesno":
            assert field.codes == ("yes", "no", "unknown")
        elif code == "victim_department":
            assert list(field.codes) == [*departments, "abroad", "unknown"]
            assert len(departments) == 101
        elif code in ("author_sex",):
            assert field.codes == form.field("victim_sex").codes  # type: ignore[union-attr]
        elif code == "author_age_band":
            assert field.codes == form.field("victim_age_band").codes  # type: ignore[union-attr]
        elif options:
            assert list(field.codes) == list(options), code


def test_codebook_labels_are_in_the_form() -> None:
    form = default_form()
    checked = 0
    for code, options in codebook_fields().items():
        field = form.field(code)
        assert field is not None
        for option_code, label in options.items():
            option = field.option(option_code)
            assert option is not None, (code, option_code)
            if label:
                assert f"{option.label.fr} / {option.label.en}" == label, (code, option_code)
                checked += 1
    assert checked > 100


def test_required_relevance_exclusive_and_prompts() -> None:
    form = default_form()
    required = {f.code for f in form.fields() if f.required}
    assert required == {
        "call_kind",
        "channel",
        "reason",
        "victim_sex",
        "victim_age_band",
        "author_relation",
        "violence_types",
        "response",
    }
    assert form.field("danger_signs").exclusive == {"none", "unknown"}  # type: ignore[union-attr]
    assert form.field("children_minor_count").minimum == 0  # type: ignore[union-attr]
    assert form.field("children_minor_count").maximum == 15  # type: ignore[union-attr]
    assert form.field("note").max_length == 2000  # type: ignore[union-attr]
    assert {p.code for p in form.prompts} == {"child_line_119", "danger_protocol"}
    assert form.non_substantive_kinds == ("silent", "hangup", "wrong_number", "abusive", "test")


def test_unknown_form_version() -> None:
    with pytest.raises(UnknownForm):
        load_form("vff", 99)


def broken(mutate: Any) -> str:
    data = copy.deepcopy(raw_form())
    mutate(data)
    with pytest.raises(FormDefinitionError) as error:
        load_form_data(data, "vff.v1.json")
    assert "vff.v1.json" in str(error.value)
    return str(error.value)


def field_of(data: dict[str, Any], code: str) -> dict[str, Any]:
    for section in data["sections"]:
        for field in section["fields"]:
            if field["code"] == code:
                return field  # type: ignore[no-any-return]
    raise KeyError(code)


@pytest.mark.parametrize(
    ("mutate", "names"),
    [
        (lambda d: field_of(d, "reason").update(type="choice"), "field 'reason'"),
        (lambda d: field_of(d, "reason").update(relevant="substantive and"), "field 'reason'"),
        (
            lambda d: field_of(d, "victim_pregnant").update(relevant="victim_sex = 'femme'"),
            "field 'victim_pregnant'",
        ),
        (
            lambda d: field_of(d, "channel")["options"].append(
                {"code": "phone", "label": {"fr": "x", "en": "x"}}
            ),
            "field 'channel'",
        ),
        (
            lambda d: field_of(d, "channel")["options"][0].update(label={"fr": "Téléphone"}),
            "field 'channel'",
        ),
        (
            lambda d: field_of(d, "danger_signs").update(exclusive=["nothing"]),
            "field 'danger_signs'",
        ),
        (
            lambda d: field_of(d, "children_minor_count").update(min=20),
            "field 'children_minor_count'",
        ),
        (lambda d: field_of(d, "note").pop("max_length"), "field 'note'"),
        (
            lambda d: field_of(d, "heard_from").update(relevant="nonexistent = 'x'"),
            "field 'heard_from'",
        ),
        (
            lambda d: field_of(d, "heard_from").update(relevant="heard_from = 'internet'"),
            "field 'heard_from'",
        ),
        (
            lambda d: d["sections"][1]["fields"].append(dict(field_of(d, "reason"))),
            "field 'reason'",
        ),
        (
            lambda d: d["prompts"][0].update(when="victim_age_band = 'baby'"),
            "prompt 'child_line_119'",
        ),
        (lambda d: d.update(version="1"), "version"),
    ],
)
def test_broken_definitions_name_the_file_and_the_field(mutate: Any, names: str) -> None:
    assert names in broken(mutate)


def test_unreadable_definition_file(tmp_path: Path) -> None:
    path = tmp_path / "x.v1.json"
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(FormDefinitionError, match=r"x\.v1\.json"):
        load_form_file(path)
