"""Finding identifying details in a free-text note before it is saved.

Looks for phone numbers (French and international, with ``phonenumbers``),
e-mail addresses, IBANs and French social security numbers (NIR) checked with
``python-stdnum``, full dates (which may be dates of birth) and street addresses.
The helpline short numbers (3919, 17, 112, 114, 115, 119) are never flagged.

Positions are Python string indices (code points).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

import phonenumbers
from stdnum import iban
from stdnum.fr import nir

REDACTION = "[masqué]"
SHORT_NUMBERS = frozenset({"3919", "17", "112", "114", "115", "119"})


class Kind(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    IBAN = "iban"
    NIR = "nir"
    DATE = "date"
    ADDRESS = "address"


@dataclass(frozen=True)
class Finding:
    kind: Kind
    start: int
    end: int
    text: str


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b")
_NIR = re.compile(
    r"(?<!\d)[12][ .]?\d{2}[ .]?(?:0[1-9]|1[0-2]|[2-9]\d)[ .]?(?:\d{2}|2[AB])[ .]?\d{3}[ .]?\d{3}"
    r"(?:[ .]?\d{2})?(?!\d)"
)
_MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
    "novembre|décembre|decembre|january|february|march|april|may|june|july|august|"
    "september|october|november|december|janv?\\.?|févr?\\.?|fevr?\\.?|avr\\.?|juil\\.?|"
    "sept?\\.?|oct\\.?|nov\\.?|déc\\.?|dec\\.?"
)
_DATE = re.compile(
    r"(?<![\d/.-])(?:0?[1-9]|[12]\d|3[01])[/.-](?:0?[1-9]|1[0-2])[/.-](?:19|20)?\d{2}(?![\d/.-])"
    r"|(?<![\d/.-])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-])"
    rf"|\b(?:1er|0?[1-9]|[12]\d|3[01])\s+(?:{_MONTHS})\s+(?:19|20)\d{{2}}\b",
    re.IGNORECASE,
)
_STREET_TYPES = (
    "rue|avenue|av\\.|bd|boulevard|place|pl\\.|chemin|allée|allee|impasse|route|quai|cours|"
    "square|passage|faubourg|cité|cite|résidence|residence|lotissement|hameau|sentier|"
    "street|st\\.|road|rd\\.|lane|drive"
)
_ADDRESS = re.compile(
    rf"\b\d{{1,4}}(?:\s?(?:bis|ter|[a-c]))?,?\s+(?:{_STREET_TYPES})\s+"
    r"(?:(?:de\s+la|de\s+l['’]|du|des|de|d['’]|la|le|les|l['’])\s*)?"
    r"[A-Za-zÀ-ÖØ-öø-ÿ'’-]+(?:\s+[A-ZÀ-Ö][A-Za-zÀ-ÖØ-öø-ÿ'’-]+){0,3}"
    r"|\b(?:0[1-9]|[1-8]\d|9[0-8])\d{3}\s+[A-ZÀ-Ö][A-Za-zÀ-ÖØ-öø-ÿ'’-]+",
    re.IGNORECASE,
)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _phones(text: str) -> list[Finding]:
    found: list[Finding] = []
    for match in phonenumbers.PhoneNumberMatcher(
        text, "FR", leniency=phonenumbers.Leniency.POSSIBLE
    ):
        groups = re.findall(r"\d+", match.raw_string)
        if _digits(match.raw_string) in SHORT_NUMBERS or all(g in SHORT_NUMBERS for g in groups):
            continue
        found.append(Finding(Kind.PHONE, match.start, match.end, match.raw_string))
    return found


def _matches(pattern: re.Pattern[str], kind: Kind, text: str) -> list[Finding]:
    return [Finding(kind, m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def _compact(text: str) -> str:
    return text.replace(" ", "").replace(".", "")


def _nirs(text: str) -> list[Finding]:
    """Full NIRs with a valid key, and the 13-digit form without its key."""
    return [
        f
        for f in _matches(_NIR, Kind.NIR, text.upper())
        if nir.is_valid(_compact(f.text)) or len(_compact(f.text)) == 13
    ]


def scan(text: str) -> list[Finding]:
    """Every identifying detail found, in order, without overlaps (longest wins)."""
    candidates = (
        _matches(_EMAIL, Kind.EMAIL, text)
        + [f for f in _matches(_IBAN, Kind.IBAN, text.upper()) if iban.is_valid(f.text)]
        + _nirs(text)
        + _matches(_DATE, Kind.DATE, text)
        + _matches(_ADDRESS, Kind.ADDRESS, text)
        + _phones(text)
    )
    candidates = [
        Finding(f.kind, f.start, f.end, text[f.start : f.end])
        for f in candidates
        if _digits(f.text) not in SHORT_NUMBERS or f.kind in (Kind.EMAIL, Kind.ADDRESS)
    ]
    candidates.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Finding] = []
    for finding in candidates:
        if kept and finding.start < kept[-1].end:
            if finding.end - finding.start > kept[-1].end - kept[-1].start:
                kept[-1] = finding
            continue
        kept.append(finding)
    return kept


def redact(text: str, findings: list[Finding]) -> str:
    """Replace each finding by ``[masqué]``."""
    for finding in sorted(findings, key=lambda f: f.start, reverse=True):
        text = text[: finding.start] + REDACTION + text[finding.end :]
    return text


def redact_all(text: str) -> tuple[str, int]:
    """The text with every finding replaced, and how many there were."""
    findings = scan(text)
    return redact(text, findings), len(findings)
