"""Opening hours: parse the editor's YAML, describe it in Swedish, hand it to the browser.

Hours are wall-clock times in Europe/Stockholm. Whether a service is open *now* is
decided in the visitor's browser (stod.js), so the static site never goes stale; Python
only validates, orders and prints the weekly table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from stodlanken.i18n import N_

if TYPE_CHECKING:
    from stodlanken.i18n import Words

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = {
    "mon": "måndag",
    "tue": "tisdag",
    "wed": "onsdag",
    "thu": "torsdag",
    "fri": "fredag",
    "sat": "lördag",
    "sun": "söndag",
}
_TIME = re.compile(r"^([01]?\d|2[0-4]):([0-5]\d)$")
_PERIOD_KEYS = {"days", "opens", "closes"}


@dataclass(frozen=True)
class Period:
    days: tuple[str, ...]  # subset of DAYS, in week order
    opens: str  # "HH:MM"
    closes: str  # "HH:MM"; not after `opens` means the next morning, "24:00" is midnight


@dataclass(frozen=True)
class Hours:
    always: bool = False
    periods: tuple[Period, ...] = ()

    def compact(self) -> str:
        """What stod.js reads from `data-hours`, short because the directory repeats it for
        every service: "*" (always open) or periods like "135/14:00-21:30 6/22:00-02:00"
        (days 1 = Monday … 7 = Sunday, then opens-closes)."""
        if self.always:
            return "*"
        return " ".join(f"{''.join(str(DAYS.index(d) + 1) for d in p.days)}/{p.opens}-{p.closes}" for p in self.periods)

    def table(self, words: Words | None = None) -> list[tuple[str, str]]:
        """(day, times) rows for the no-JavaScript table, Monday first, in `words`' language."""
        text = words.text if words else str
        if self.always:
            return [(text(N_("Alla dagar")), text(N_("Dygnet runt")))]
        rows = []
        for index, day in enumerate(DAYS):
            times = [f"{p.opens}–{p.closes}" for p in self.periods if day in p.days]
            name = (words and words.day_name(index)) or DAY_NAMES[day]
            rows.append((name[:1].upper() + name[1:], ", ".join(times) or text(N_("Stängt"))))
        return rows

    def summary(self, words: Words | None = None) -> str:
        """One short line for cards: "Dygnet runt" or "Mån 14:00–21:00", in `words`' language."""
        if self.always:
            return words.text(N_("Dygnet runt")) if words else "Dygnet runt"
        parts = []
        for period in self.periods:
            days = ", ".join((words and words.day_name(DAYS.index(d), short=True)) or DAY_NAMES[d][:3] for d in period.days)
            parts.append(f"{days[:1].upper() + days[1:]} {period.opens}–{period.closes}")
        return "; ".join(parts)


def parse_time(value: Any) -> str | None:
    """"14:00" → "14:00". YAML 1.1 reads an unquoted 14:00 as the number 840; accept it."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and 0 <= value <= 24 * 60:
        value = f"{value // 60}:{value % 60:02d}"
    if not isinstance(value, str):
        return None
    match = _TIME.match(value.strip())
    if not match:
        return None
    hours, minutes = int(match[1]), int(match[2])
    if hours == 24 and minutes:
        return None
    return f"{hours:02d}:{minutes:02d}"


def parse_hours(value: Any) -> tuple[Hours | None, list[tuple[str, str, str, int | None]]]:
    """Parse `hours:`; returns (hours or None, [(field, message, fix, line)])."""
    errors: list[tuple[str, str, str, int | None]] = []
    line = getattr(value, "line", None)
    if isinstance(value, dict):
        unknown = sorted(set(value) - {"always"})
        for key in unknown:
            errors.append((f"hours.{key}", "okänt fält", "skriv `always: true` eller en lista med days, opens och closes", value.line_of(key)))
        if value.get("always") is not True:
            errors.append(("hours.always", "måste vara true", "skriv `always: true` för dygnet runt, annars en lista med tider", value.line_of("always")))
        return (None if errors else Hours(always=True)), errors
    if not isinstance(value, list) or not value:
        errors.append(("hours", "tiderna går inte att läsa", "skriv `always: true` eller en lista med days, opens och closes", line))
        return None, errors
    periods = []
    item_lines = getattr(value, "item_lines", [line] * len(value))
    for index, item in enumerate(value):
        where = f"hours[{index + 1}]"
        item_line = item_lines[index] if index < len(item_lines) else line
        if not isinstance(item, dict):
            errors.append((where, "måste ha days, opens och closes", 'skriv t.ex. `- {days: [mon], opens: "14:00", closes: "21:00"}`', item_line))
            continue
        for key in sorted(set(item) - _PERIOD_KEYS):
            errors.append((f"{where}.{key}", "okänt fält", "använd bara days, opens och closes", item.line_of(key)))
        days = item.get("days")
        if isinstance(days, str):
            days = [days]
        if not isinstance(days, list) or not days or any(d not in DAYS for d in days):
            errors.append((f"{where}.days", f"okända dagar: {days!r}", "skriv dagar som mon, tue, wed, thu, fri, sat, sun, t.ex. [mon, tue]", item.line_of("days")))
            days = None
        times = {}
        for key in ("opens", "closes"):
            times[key] = parse_time(item.get(key))
            if times[key] is None:
                errors.append((f"{where}.{key}", f"tiden går inte att läsa: {item.get(key)!r}", 'skriv tiden inom citattecken, t.ex. "14:00"', item.line_of(key)))
        if times["opens"] == "24:00":
            errors.append((f"{where}.opens", "kan inte vara 24:00", 'skriv "00:00"', item.line_of("opens")))
            times["opens"] = None
        if days and times["opens"] and times["closes"]:
            if times["opens"] == times["closes"]:
                errors.append((f"{where}.closes", "samma tid som opens", "ange när det stänger; öppet dygnet runt skrivs `always: true`", item.line_of("closes")))
                continue
            periods.append(Period(tuple(d for d in DAYS if d in days), times["opens"], times["closes"]))
    if errors:
        return None, errors
    return Hours(periods=tuple(periods)), errors
