"""The cover and the method page: what the report covers and how its figures were made."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, HRFlowable, Image, Paragraph, Spacer
from reportlab.platypus import Table as GridTable

from counselor_app.forms.definition import FormDefinition
from counselor_app.reports import wording
from counselor_app.reports.model import Report
from counselor_app.reports.pdf.styles import ACCENT, Styles, data_table_style
from counselor_app.reports.pdf.tables import markup

LOGO_MAX_BYTES = 10 * 1024 * 1024
LOGO_BOX = (5 * cm, 3 * cm)  # width, height


def period_text(report: Report, language: str) -> str:
    return wording.text(
        "pdf.period",
        language,
        start=wording.format_date(report.request.start, language),
        end=wording.format_date(report.request.end, language),
    )


def filter_texts(report: Report, language: str) -> list[str]:
    request = report.request
    out: list[str] = []
    if request.channel:
        out.append(
            wording.text(
                "pdf.channel",
                language,
                value=option_label(report.form, "channel", request.channel, language),
            )
        )
    if request.counselor_id or request.counselor_name:
        name = request.counselor_name or request.counselor_id or ""
        out.append(wording.text("pdf.counselor", language, value=name))
    if request.workstation:
        out.append(wording.text("pdf.workstation", language, value=request.workstation))
    return out


def option_label(form: FormDefinition, field_code: str, code: str, language: str) -> str:
    field = form.field(field_code)
    option = None if field is None else field.option(code)
    return code if option is None else option.label.text(language)


def question_label(form: FormDefinition, field_code: str, language: str) -> str:
    field = form.field(field_code)
    return field_code if field is None else field.label.text(language)


def made_texts(report: Report, language: str) -> tuple[str, str]:
    moment = report.method.generated_at
    return wording.format_date(moment.date(), language), f"{moment:%H:%M}"


def logo(path: Path | None) -> Flowable | None:
    """The organisation's logo scaled into its box, or None if it cannot be read."""
    if path is None:
        return None
    try:
        if path.stat().st_size > LOGO_MAX_BYTES:
            return None
        data = path.read_bytes()
        reader = ImageReader(io.BytesIO(data))
        width, height = reader.getSize()
        reader.getRGBData()  # decodes the whole image: a damaged file fails here, not later
        scale = min(LOGO_BOX[0] / width, LOGO_BOX[1] / height)
        image = Image(io.BytesIO(data), width=width * scale, height=height * scale)
    except Exception:  # a logo is decoration: never fail the report for it
        return None
    image.hAlign = "LEFT"
    return image


def cover(report: Report, language: str, styles: Styles) -> list[Flowable]:
    out: list[Flowable] = [Spacer(1, 2 * cm)]
    image = logo(report.method.logo)
    if image is not None:
        out += [image, Spacer(1, 1 * cm)]
    if report.method.organisation:
        out.append(Paragraph(markup(report.method.organisation), styles.cover_org))
    out += [
        Spacer(1, 0.4 * cm),
        Paragraph(markup(wording.text("pdf.title", language)), styles.cover_title),
        HRFlowable(width="100%", thickness=1.5, color=ACCENT, spaceBefore=10, spaceAfter=18),
        Paragraph(markup(period_text(report, language)), styles.cover_line),
    ]
    out += [Paragraph(markup(t), styles.cover_line) for t in filter_texts(report, language)]
    day, time = made_texts(report, language)
    out += [
        Spacer(1, 1.2 * cm),
        Paragraph(
            markup(wording.text("pdf.generated", language, date=day, time=time)), styles.small
        ),
    ]
    if report.method.training:
        out += [
            Spacer(1, 2 * cm),
            Paragraph(markup(wording.text("pdf.training", language)), styles.cover_banner),
        ]
    return out


def _quoted(text: str, language: str) -> str:
    return wording.text("pdf.quoted", language, value=text)


def definitions(report: Report, language: str) -> list[str]:
    form = report.form
    kinds_field = form.field("call_kind")
    codes = kinds_field.codes if kinds_field is not None else ()
    substantive = [c for c in codes if c not in form.non_substantive_kinds]

    def label(code: str) -> str:
        return _quoted(option_label(form, "call_kind", code, language), language)

    kinds = ", ".join(label(c) for c in substantive[:-1])
    if len(substantive) > 1:
        kinds += f" {wording.text('pdf.or', language)} "
    kinds += label(substantive[-1]) if substantive else ""
    others = ", ".join(label(c) for c in form.non_substantive_kinds)
    out = [
        wording.text(
            "method.substantive",
            language,
            question=_quoted(question_label(form, "call_kind", language), language),
            kinds=kinds,
            others=others,
        ),
        wording.text(
            "method.violence",
            language,
            question=_quoted(question_label(form, "reason", language), language),
            information=_quoted(option_label(form, "reason", "information", language), language),
            other=_quoted(option_label(form, "reason", "other", language), language),
        ),
        wording.text("method.questions", language),
    ]
    return out


def method_body(report: Report, language: str, styles: Styles) -> list[Flowable]:
    """The method page, after its heading."""
    method, request = report.method, report.request

    def para(text: str) -> Paragraph:
        return Paragraph(markup(text), styles.body)

    def sub(key: str) -> Paragraph:
        return Paragraph(markup(wording.text(key, language)), styles.subheading)

    start = wording.format_date(request.start, language)
    end = wording.format_date(request.end, language)
    out: list[Flowable] = [para(wording.text("method.period", language, start=start, end=end))]
    filters = filter_texts(report, language)
    if filters:
        joined = wording.text("pdf.separator", language).join(filters)
        out.append(para(wording.text("method.filters", language, filters=joined)))
    else:
        out.append(para(wording.text("method.no_filter", language)))
    out.append(sub("method.forms"))
    if method.form_versions:
        rows: list[list[object]] = [
            [wording.text(k, language) for k in ("method.form", "method.version", "method.calls")]
        ]
        rows += [[name, str(version), str(calls)] for name, version, calls in method.form_versions]
        out.append(
            GridTable(
                rows,
                colWidths=[6 * cm, 2.5 * cm, 2.5 * cm],
                hAlign="LEFT",
                style=data_table_style(len(rows), 3, total_row=False),
            )
        )
    else:
        out.append(para(wording.text("method.no_calls", language)))
    out.append(sub("method.definitions"))
    out += [para(t) for t in definitions(report, language)]
    out.append(sub("method.small"))
    n = request.threshold
    out.append(para(wording.text("method.small_rule", language, n=n, m=n - 1)))
    out.append(sub("method.records"))
    out.append(para(wording.text("method.deleted", language, n=method.deleted)))
    out.append(para(wording.text("method.excluded", language, n=method.excluded)))
    day, time = made_texts(report, language)
    out.append(
        para(
            wording.text(
                "method.made", language, date=day, time=time, version=method.program_version
            )
        )
    )
    if method.training:
        notice = Paragraph(markup(wording.text("method.training", language)), styles.notice)
        out += [Spacer(1, 12), notice]
    return out
