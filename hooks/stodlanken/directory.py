"""The support directory (`support_directory/`): the typed records every stage works with.

stodlanken/directory_loader.py reads and checks the files into a `Directory`;
stodlanken/directory_pages.py and opendata.py make pages and open data from it.
The contract is the "Support directory contract" section of DESIGN.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from stodlanken.hours import Hours
from stodlanken.i18n import N_

KINDS = {
    "kommun": N_("Kommun"),
    "region": N_("Region"),
    "ideell": N_("Ideell organisation"),
    "nationell": N_("Nationell"),
}
STATUSES = ("active", "temporarily_closed", "inactive")
CONTACT_WAYS = ("phone", "sms", "chat", "email", "web", "visit")
CONTACT_LABELS = {
    "phone": N_("Ring"),
    "sms": N_("Sms:a"),
    "chat": N_("Chatta"),
    "email": N_("Mejla"),
    "web": N_("Webbplats"),
    "visit": N_("Besök"),
}
# Swedish names of the languages editors are likely to list (ISO 639 codes).
LANGUAGES = {
    "sv": "svenska",
    "en": "engelska",
    "ar": "arabiska",
    "prs": "dari",
    "fa": "persiska",
    "so": "somaliska",
    "ti": "tigrinja",
    "fi": "finska",
    "fit": "meänkieli",
    "se": "nordsamiska",
    "smj": "lulesamiska",
    "sma": "sydsamiska",
    "yi": "jiddisch",
    "rom": "romani",
    "sgn-se": "svenskt teckenspråk",
    "ku": "kurdiska",
    "tr": "turkiska",
    "pl": "polska",
    "uk": "ukrainska",
    "ru": "ryska",
    "bs": "bosniska",
    "hr": "kroatiska",
    "sr": "serbiska",
    "es": "spanska",
    "de": "tyska",
    "fr": "franska",
    "ps": "pashto",
    "am": "amhariska",
    "th": "thai",
    "zh": "kinesiska",
}


@dataclass(frozen=True)
class Situation:
    id: str
    title: str
    intro: str
    icon: str  # a Material icon path, e.g. "material/emoticon-sad-outline"
    translations: dict[str, dict[str, str]] = field(default_factory=dict, compare=False, hash=False)  # code -> title, intro

    def text(self, key: str, language: str) -> tuple[str, bool]:
        """`key` ("title", "intro") in `language`, and whether it is the translation (else Swedish)."""
        translated = self.translations.get(language, {}).get(key)
        return (translated, True) if translated else (getattr(self, key), False)


@dataclass(frozen=True)
class Provider:
    id: str
    name: str
    kind: str  # kommun | region | ideell | nationell
    url: str

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]


@dataclass(frozen=True)
class Phone:
    display: str  # as the editor wrote it, e.g. "020-50 50 50"
    tel: str  # what goes after tel: or sms:, e.g. "020505050"


@dataclass(frozen=True)
class Address:
    street: str
    postal_code: str
    city: str

    def __str__(self) -> str:
        return f"{self.street}, {self.postal_code} {self.city}"


@dataclass(frozen=True)
class Contact:
    phone: Phone | None = None
    sms: Phone | None = None
    chat: str | None = None
    email: str | None = None
    web: str | None = None
    visit: Address | None = None

    @property
    def ways(self) -> tuple[str, ...]:
        """The contact ways this service has, in CONTACT_WAYS order."""
        return tuple(way for way in CONTACT_WAYS if getattr(self, way) is not None)


@dataclass(frozen=True)
class Ages:
    min: int | None = None
    max: int | None = None

    def __str__(self) -> str:
        if self.min is not None and self.max is not None:
            return f"{self.min}–{self.max} år"
        if self.min is not None:
            return f"från {self.min} år"
        if self.max is not None:
            return f"upp till {self.max} år"
        return ""


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    provider: Provider
    situations: tuple[str, ...]
    summary: str
    phone: Phone | None  # the same as contact.phone
    contact: Contact
    verified: date
    source: str
    description: str = ""  # Markdown; rendered without raw HTML
    ages: Ages | None = None
    anonymous: bool | None = None  # None: not stated
    free: bool | None = None  # None: not stated
    languages: tuple[str, ...] = ()  # ISO 639 codes, keys of LANGUAGES
    hours: Hours | None = None  # None: "se webbplatsen"
    status: str = "active"  # active | temporarily_closed
    alert: str = ""
    path: str = ""  # the YAML file, relative to the project root
    translations: dict[str, dict[str, str]] = field(default_factory=dict, compare=False, hash=False)  # code -> name, summary, description, alert
    stale: bool = False  # `verified` more than directory_loader.VERIFIED_STALE_DAYS ago: the page says so


    def text(self, key: str, language: str) -> tuple[str, bool]:
        """`key` ("name", "summary", "description", "alert") in `language`, and whether it is the translation."""
        translated = self.translations.get(language, {}).get(key)
        return (translated, True) if translated else (getattr(self, key), False)

    @property
    def language_names(self) -> tuple[str, ...]:
        return tuple(LANGUAGES[code] for code in self.languages)


@dataclass(frozen=True)
class EmergencyLine:
    """One line of the help row and /akut/: what it takes to call, even when the service's file
    has an error elsewhere (then `service` is None and there is no page to link)."""

    id: str
    name: str
    phone: Phone | None
    service: Service | None


# When no emergency line can be shown at all (emergency.yml broken or every file in it broken):
# a support site must still say how to call for help. 112 is always right (facts.md: "112 –
# SOS Alarm, phone 112, always open"), and the problem lines say what to fix.
FALLBACK_EMERGENCY = EmergencyLine("112", "SOS Alarm", Phone("112", "112"), None)


@dataclass
class Directory:
    situations: list[Situation] = field(default_factory=list)
    providers: dict[str, Provider] = field(default_factory=dict)
    services: dict[str, Service] = field(default_factory=dict)  # inactive and invalid ones left out
    emergency_lines: list[EmergencyLine] = field(default_factory=list)  # the help row: never empty
    salvaged: dict[str, EmergencyLine] = field(default_factory=dict)  # name + phone from files with errors
    invalid: set[str] = field(default_factory=set)  # ids of service files with errors (no page made)
    inactive: set[str] = field(default_factory=set)  # ids of services with status: inactive

    @property
    def emergency(self) -> list[Service]:
        """The emergency services with a page, in emergency.yml order."""
        return [line.service for line in self.emergency_lines if line.service is not None]

    def situation(self, situation_id: str) -> Situation | None:
        return next((s for s in self.situations if s.id == situation_id), None)

    def services_for(self, situation_id: str) -> list[Service]:
        return [s for s in self.services.values() if situation_id in s.situations]
