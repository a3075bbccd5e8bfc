"""The words of a report, in French and English: titles, row and column labels.

A report is a document in the language chosen for it, whatever the language of
the window, so its words live here rather than in the window's translations.
Option labels come from the form definition, département and region names
from the reference list.
"""

from __future__ import annotations

from datetime import date

from counselor_app.forms.definition import FormDefinition
from counselor_app.reports.geography import departements, regions
from counselor_app.reports.model import NOT_ANSWERED, OTHER_DEPARTMENTS, TOTAL, Table

LANGUAGES = ("fr", "en")

# key -> (French, English)
TEXT: dict[str, tuple[str, str]] = {
    # table titles
    "title.overview": ("Vue d'ensemble", "Overview"),
    "title.volume_month": ("Appels par mois", "Calls by month"),
    "title.volume_day": ("Appels par jour", "Calls by day"),
    "title.heatmap": (
        "Appels par jour de la semaine et heure",
        "Calls by day of the week and hour",
    ),
    "title.region": ("Région de la victime", "Victim's region"),
    "title.victim_department": (
        "Département de la victime (les 15 plus fréquents)",
        "Victim's département (the 15 most frequent)",
    ),
    "title.cross": (
        "Types de violences selon le lien avec l'auteur·e",
        "Types of violence by relationship to the perpetrator",
    ),
    # overview rows
    "row.calls": ("Appels", "Calls"),
    "row.substantive": ("Appels avec échange", "Substantive calls"),
    "row.median_duration_s": (
        "Durée médiane des appels avec échange (secondes)",
        "Median length of substantive calls (seconds)",
    ),
    "row.p90_duration_s": (
        "Durée au 90e centile (secondes)",
        "90th-percentile length (seconds)",
    ),
    "row.listening_hours": ("Heures d'écoute", "Listening hours"),
    "row.first_contact_percent": (
        "Premiers appels (% des réponses oui ou non)",
        "First contacts (% of yes or no answers)",
    ),
    "row.previous_calls": (
        "Appels de la période précédente de même durée",
        "Calls in the previous period of the same length",
    ),
    "row.change_percent": ("Évolution (%)", "Change (%)"),
    # rows and columns shared by tables
    "row.total": ("Total", "Total"),
    "row.not_answered": ("Non renseigné", "Not answered"),
    "row.other_departments": ("Autres départements", "Other départements"),
    "column.count": ("Nombre", "Count"),
    "column.percent": ("%", "%"),
    "column.value": ("Valeur", "Value"),
    "column.total": ("Total", "Total"),
    "column.not_answered": ("Non renseigné", "Not answered"),
    # hidden cells, explained under every table that has one
    "note.hidden": (
        "<{n} : effectif entre 1 et {m}, masqué ; x : masqué pour qu'un effectif faible "
        "ne puisse pas se déduire des totaux.",
        "<{n}: a count from 1 to {m}, hidden; x: hidden so that a small count cannot be "
        "worked out from the totals.",
    ),
    "note.multiple": (
        "Plusieurs réponses possibles : les pourcentages sont calculés sur les {base} appels "
        "où la question se posait et leur somme peut dépasser 100.",
        "Several answers possible: shares are of the {base} calls where the question applied "
        "and may add up to more than 100.",
    ),
    "note.base": (
        "Pourcentages calculés sur les {base} appels où la question se posait.",
        "Shares are of the {base} calls where the question applied.",
    ),
    "note.cross": (
        "Une victime peut subir plusieurs types de violences : un appel compte dans chaque "
        "ligne qui le concerne. Les colonnes ne s'additionnent donc pas.",
        "A victim may face several types of violence: a call counts in every row that "
        "applies, so columns do not add up.",
    ),
    # the PDF: cover, contents, pages
    "pdf.title": ("Rapport statistique", "Statistical report"),
    "pdf.period": ("Du {start} au {end}", "From {start} to {end}"),
    "pdf.channel": ("Canal : {value}", "Channel: {value}"),
    "pdf.counselor": ("Écoutant·e : {value}", "Counselor: {value}"),
    "pdf.workstation": ("Poste de travail : {value}", "Workstation: {value}"),
    "pdf.generated": ("Établi le {date} à {time}", "Made on {date} at {time}"),
    "pdf.training": (
        "Coffre de formation : données fictives",
        "Training vault: not real data",
    ),
    "pdf.watermark": ("FORMATION — DONNÉES FICTIVES", "TRAINING — NOT REAL DATA"),
    "pdf.contents": ("Sommaire", "Contents"),
    "pdf.page": ("page {page} sur {pages}", "page {page} of {pages}"),
    "pdf.quoted": ("« {value} »", "“{value}”"),
    "pdf.or": ("ou", "or"),
    # the PDF: charts
    "chart.scale": ("Nombre d'appels :", "Number of calls:"),
    "chart.hidden_cell": ("masqué (<{n} ou x)", "hidden (<{n} or x)"),
    "chart.hidden_left_out": (
        "Les effectifs masqués (<{n} ou x) ne sont pas dessinés.",
        "Hidden counts (<{n} or x) are not drawn.",
    ),
    # the PDF: method page
    "method.title": ("Méthode", "Method"),
    "method.period": (
        "Période couverte : du {start} au {end}, ces deux jours compris, en heure locale.",
        "Period covered: from {start} to {end}, both days included, in local time.",
    ),
    "method.filters": (
        "Seuls les appels retenus par les filtres sont comptés. {filters}.",
        "Only the calls kept by the filters are counted. {filters}.",
    ),
    "pdf.separator": (" ; ", "; "),
    "pdf.colon": (" :", ":"),
    "method.no_filter": (
        "Tous les appels de la période, sans filtre.",
        "Every call of the period, without filter.",
    ),
    "method.forms": ("Formulaires", "Forms"),
    "method.form": ("Formulaire", "Form"),
    "method.version": ("Version", "Version"),
    "method.calls": ("Appels", "Calls"),
    "method.no_calls": ("Aucun appel dans la période.", "No calls in the period."),
    "method.definitions": ("Définitions", "Definitions"),
    "method.substantive": (
        "Appels avec échange : les appels où la réponse à {question} est {kinds}. "
        "Les autres réponses ({others}) désignent des appels sans échange.",
        "Substantive calls: calls where the answer to {question} is {kinds}. "
        "The other answers ({others}) mean calls without an exchange.",
    ),
    "method.violence": (
        "Appels pour violences : les appels avec échange dont la réponse à {question} "
        "n'est ni {information} ni {other}.",
        "Calls about violence: substantive calls where the answer to {question} "
        "is neither {information} nor {other}.",
    ),
    "method.questions": (
        "Chaque tableau compte les appels où la question se posait ; les réponses "
        "manquantes figurent à la ligne « Non renseigné ».",
        "Each table counts the calls where the question applied; missing answers "
        "are shown on the line “Not answered”.",
    ),
    "method.small": ("Petits effectifs", "Small counts"),
    "method.small_rule": (
        "Pour protéger l'anonymat, aucun effectif de 1 à {m} n'est publié : il apparaît "
        "« <{n} ». D'autres cases sont masquées « x » lorsque l'effectif faible pourrait "
        "se déduire des totaux. Les pourcentages d'un effectif masqué, et les valeurs "
        "calculées sur moins de {n} appels, sont masqués de la même façon. Seuil retenu : {n}.",
        "To protect anonymity, no count from 1 to {m} is published: it is shown as “<{n}”. "
        "Further cells are hidden as “x” where the small count could be worked out from "
        "the totals. Shares of a hidden count, and figures resting on fewer than {n} calls, "
        "are hidden in the same way. Threshold used: {n}.",
    ),
    "method.records": ("Enregistrements", "Records"),
    "method.deleted": (
        "Enregistrements de la période supprimés avant l'établissement du rapport : {n}.",
        "Records of the period deleted before the report was made: {n}.",
    ),
    "method.excluded": (
        "Enregistrements de la période écartés par les filtres : {n}.",
        "Records of the period left out by the filters: {n}.",
    ),
    "method.made": (
        "Rapport établi le {date} à {time} par counselor-app {version}.",
        "Report made on {date} at {time} by counselor-app {version}.",
    ),
    "method.training": (
        "Ce rapport provient d'un coffre de formation : ses données sont fictives et ne "
        "doivent jamais être diffusées comme des statistiques réelles.",
        "This report comes from a training vault: its data are made up and must never be "
        "published as real statistics.",
    ),
}

WEEKDAYS: dict[str, tuple[str, str]] = {
    "1": ("lundi", "Monday"),
    "2": ("mardi", "Tuesday"),
    "3": ("mercredi", "Wednesday"),
    "4": ("jeudi", "Thursday"),
    "5": ("vendredi", "Friday"),
    "6": ("samedi", "Saturday"),
    "7": ("dimanche", "Sunday"),
}

MONTHS: tuple[tuple[str, str], ...] = (
    ("janvier", "January"),
    ("février", "February"),
    ("mars", "March"),
    ("avril", "April"),
    ("mai", "May"),
    ("juin", "June"),
    ("juillet", "July"),
    ("août", "August"),
    ("septembre", "September"),
    ("octobre", "October"),
    ("novembre", "November"),
    ("décembre", "December"),
)


def _pick(pair: tuple[str, str], language: str) -> str:
    return pair[0] if language == "fr" else pair[1]


def text(key: str, language: str, **values: object) -> str:
    return _pick(TEXT[key], language).format(**values)


def format_date(day: date, language: str) -> str:
    month = _pick(MONTHS[day.month - 1], language)
    number = "1er" if language == "fr" and day.day == 1 else str(day.day)
    return f"{number} {month} {day.year}"


def month_label(key: str, language: str) -> str:
    """``2026-03`` -> ``mars 2026`` / ``March 2026``."""
    year, month = key.split("-")
    return f"{_pick(MONTHS[int(month) - 1], language)} {year}"


def table_title(table: Table, form: FormDefinition, language: str) -> str:
    if table.kind == "cross":
        return text("title.cross", language)
    if table.kind == "field" and table.field is not None and table.name != "victim_department":
        field = form.field(table.field)
        if field is not None:
            return field.label.text(language)
    return text(f"title.{table.name}", language)


def row_label(table: Table, row: str, form: FormDefinition, language: str) -> str:
    if row in (TOTAL, NOT_ANSWERED, OTHER_DEPARTMENTS):
        return text(f"row.{row}", language)
    if table.kind == "overview":
        if f"row.{row}" in TEXT:
            return text(f"row.{row}", language)
        return _option(form, "call_kind", row, language)
    if table.kind == "volume":
        return month_label(row, language) if len(row) == 7 else _day(row, language)
    if table.kind == "heatmap":
        return _pick(WEEKDAYS[row], language)
    if table.name == "region" and row in regions():
        return regions()[row]
    if table.name in ("region", "victim_department"):
        known = departements().get(row)
        if known is not None:
            return f"{known.code} {known.name}"
        return _option(form, "victim_department", row, language)
    if table.field is not None:
        return _option(form, table.field, row, language)
    return row


def column_label(table: Table, column: str, form: FormDefinition, language: str) -> str:
    if f"column.{column}" in TEXT:
        return text(f"column.{column}", language)
    if table.kind == "heatmap":
        return f"{column} h" if language == "fr" else f"{int(column):02d}:00"
    if table.column_field is not None:
        return _option(form, table.column_field, column, language)
    return column


def _day(key: str, language: str) -> str:
    return format_date(date.fromisoformat(key), language)


def _option(form: FormDefinition, field_code: str, code: str, language: str) -> str:
    field = form.field(field_code)
    option = None if field is None else field.option(code)
    return code if option is None else option.label.text(language)
