"""Open data from the support directory: HSDS 3.0 JSON, a CSV, and schema.org JSON-LD.

Ids in the exports are UUIDs derived from the slugs with uuid5, so a service keeps its id
across builds, sites and years as long as its file name stays the same.
"""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from typing import TYPE_CHECKING, Any

from stodlanken.directory import LANGUAGES
from stodlanken.hours import DAYS, Hours

if TYPE_CHECKING:
    from stodlanken.directory import Directory, Provider, Service

# Fixed for ever: changing it changes every id in every export.
NAMESPACE = uuid.UUID("4c0b7d53-2f0e-5b6a-9a53-73746f646c61")
TIMEZONE_NOTE = "Tider i svensk tid (Europe/Stockholm)."
HSDS_STATUS = {"active": "active", "temporarily_closed": "temporarily closed", "inactive": "inactive"}
HSDS_DAYS = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA", "sun": "SU"}
SCHEMA_DAYS = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday", "fri": "Friday", "sat": "Saturday", "sun": "Sunday"}
CSV_COLUMNS = (
    "id", "slug", "namn", "sammanfattning", "huvudman", "huvudman_typ", "situationer",
    "telefon", "sms", "chatt", "epost", "webbplats", "besoksadress", "oppettider",
    "anonym", "gratis", "alder_min", "alder_max", "sprak", "status", "meddelande",
    "kalla", "sida", "updated",
)  # fmt: skip


def stable_id(kind: str, slug: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}/{slug}"))


# --- HSDS 3.0 ------------------------------------------------------------------------


def hsds(directory: Directory) -> dict[str, list[dict[str, Any]]]:
    """{"organizations": [...], "services": [...]}: each object valid against its HSDS 3.0 schema."""
    providers = {service.provider.id: service.provider for service in directory.services.values()}
    return {
        "organizations": [_organization(provider) for provider in providers.values()],
        "services": [_service(service) for service in directory.services.values()],
    }


def _organization(provider: Provider) -> dict[str, Any]:
    return {
        "id": stable_id("organization", provider.id),
        "name": provider.name,
        "description": f"{provider.name} ({provider.kind_label.lower()}).",
        "website": provider.url,
    }


def _service(service: Service) -> dict[str, Any]:
    service_id = stable_id("service", service.id)
    contact = service.contact
    result: dict[str, Any] = {
        "id": service_id,
        "organization_id": stable_id("organization", service.provider.id),
        "name": service.name,
        "description": "\n\n".join(part for part in (service.summary, service.description) if part),
        "status": HSDS_STATUS[service.status],
        "assured_date": service.verified.isoformat(),
    }
    if contact.web or contact.chat:
        result["url"] = contact.web or contact.chat
    if contact.email:
        result["email"] = contact.email
    if service.free:
        result["fees_description"] = "Gratis."
    if service.ages and service.ages.min is not None:
        result["minimum_age"] = service.ages.min
    if service.ages and service.ages.max is not None:
        result["maximum_age"] = service.ages.max
    if service.alert:
        result["alert"] = service.alert
    phones = []
    for way, kind in (("phone", "voice"), ("sms", "text")):
        phone = getattr(contact, way)
        if phone:
            phones.append({"id": stable_id(f"phone/{way}", service.id), "service_id": service_id, "number": phone.display, "type": kind})
    result["phones"] = phones
    result["schedules"] = _schedules(service.hours, service.id, service_id) if service.hours else []
    result["languages"] = [
        {"id": stable_id(f"language/{code}", service.id), "service_id": service_id, "name": LANGUAGES[code], "code": code}
        for code in service.languages
    ]
    return result


def _schedules(hours: Hours, slug: str, service_id: str) -> list[dict[str, Any]]:
    if hours.always:
        return [{
            "id": stable_id("schedule/0", slug),
            "service_id": service_id,
            "freq": "WEEKLY",
            "byday": ",".join(HSDS_DAYS[d] for d in DAYS),
            "opens_at": "00:00",
            "closes_at": "23:59",
            "description": "Öppet dygnet runt.",
        }]
    return [
        {
            "id": stable_id(f"schedule/{index}", slug),
            "service_id": service_id,
            "freq": "WEEKLY",
            "byday": ",".join(HSDS_DAYS[d] for d in period.days),
            "opens_at": period.opens,
            "closes_at": period.closes,
            "notes": TIMEZONE_NOTE,
        }
        for index, period in enumerate(hours.periods)
    ]


def hsds_json(directory: Directory) -> str:
    return json.dumps(hsds(directory), ensure_ascii=False, indent=2) + "\n"


# --- CSV -------------------------------------------------------------------------------


# A cell that starts like this is a formula to Excel, LibreOffice and Google Sheets
# (=HYPERLINK(…), +cmd|…, @SUM(…)); OWASP's advice is a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A checked phone number ("+46 8 …", "020-50 50 50") is digits only: no function to call.
_PHONE = re.compile(r"\+?[\d\s()-]+")


def spreadsheet_safe(value: object) -> object:
    """The cell as text a spreadsheet shows, never runs."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _PHONE.fullmatch(value):
        return "'" + value
    return value


def csv_text(directory: Directory, site_url: str = "") -> str:
    """One row a service; UTF-8, comma separated, a header row (the usual Swedish open-data habits)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    yes_no = {True: "ja", False: "nej", None: ""}
    for service in directory.services.values():
        contact = service.contact
        row = {
            "id": stable_id("service", service.id),
            "slug": service.id,
            "namn": service.name,
            "sammanfattning": service.summary,
            "huvudman": service.provider.name,
            "huvudman_typ": service.provider.kind,
            "situationer": " ".join(service.situations),
            "telefon": contact.phone.display if contact.phone else "",
            "sms": contact.sms.display if contact.sms else "",
            "chatt": contact.chat or "",
            "epost": contact.email or "",
            "webbplats": contact.web or "",
            "besoksadress": str(contact.visit) if contact.visit else "",
            "oppettider": service.hours.summary() if service.hours else "",
            "anonym": yes_no[service.anonymous],
            "gratis": yes_no[service.free],
            "alder_min": service.ages.min if service.ages and service.ages.min is not None else "",
            "alder_max": service.ages.max if service.ages and service.ages.max is not None else "",
            "sprak": " ".join(service.languages),
            "status": service.status,
            "meddelande": service.alert,
            "kalla": service.source,
            "sida": f"{site_url.rstrip('/')}/stod/tjanst/{service.id}/" if site_url else f"/stod/tjanst/{service.id}/",
            "updated": service.verified.isoformat(),
        }
        writer.writerow({column: spreadsheet_safe(value) for column, value in row.items()})
    return out.getvalue()


# --- schema.org JSON-LD ------------------------------------------------------------------


def _opening_hours(hours: Hours | None) -> list[dict[str, Any]]:
    if hours is None:
        return []
    if hours.always:
        return [{"@type": "OpeningHoursSpecification", "dayOfWeek": [SCHEMA_DAYS[d] for d in DAYS], "opens": "00:00", "closes": "23:59"}]
    return [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": [SCHEMA_DAYS[d] for d in p.days], "opens": p.opens, "closes": p.closes}
        for p in hours.periods
    ]


def jsonld_data(service: Service, page_url: str = "") -> dict[str, Any]:
    government = service.provider.kind in ("kommun", "region")
    contact = service.contact
    # schema.org has opening hours on contact points and places, not on a chat or web channel.
    hours = _opening_hours(service.hours)
    channels: list[dict[str, Any]] = []
    if contact.phone:
        point = {"@type": "ContactPoint", "telephone": contact.phone.display}
        if hours:
            point["hoursAvailable"] = hours
        channels.append({"@type": "ServiceChannel", "name": "Telefon", "servicePhone": point})
    if contact.sms:
        point = {"@type": "ContactPoint", "telephone": contact.sms.display}
        if hours:
            point["hoursAvailable"] = hours
        channels.append({"@type": "ServiceChannel", "name": "Sms", "serviceSmsNumber": point})
    if contact.chat:
        channels.append({"@type": "ServiceChannel", "name": "Chatt", "serviceUrl": contact.chat})
    if contact.email:
        channels.append({"@type": "ServiceChannel", "name": "E-post", "serviceUrl": f"mailto:{contact.email}"})
    if contact.web:
        channels.append({"@type": "ServiceChannel", "name": "Webbplats", "serviceUrl": contact.web})
    if contact.visit:
        channels.append({
            "@type": "ServiceChannel",
            "name": "Besök",
            "serviceLocation": {"@type": "Place", "address": {
                "@type": "PostalAddress", "streetAddress": contact.visit.street,
                "postalCode": contact.visit.postal_code, "addressLocality": contact.visit.city, "addressCountry": "SE",
            }, **({"openingHoursSpecification": hours} if hours else {})},
        })
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "GovernmentService" if government else "Service",
        "@id": f"urn:uuid:{stable_id('service', service.id)}",
        "name": service.name,
        "description": service.summary,
        "provider": {"@type": "GovernmentOrganization" if government else "Organization", "name": service.provider.name, "url": service.provider.url},
        "availableChannel": channels,
        "areaServed": {"@type": "Country", "name": "Sverige"},
    }
    if page_url:
        data["url"] = page_url
    if service.ages:
        audience: dict[str, Any] = {"@type": "PeopleAudience"}
        if service.ages.min is not None:
            audience["suggestedMinAge"] = service.ages.min
        if service.ages.max is not None:
            audience["suggestedMaxAge"] = service.ages.max
        data["audience"] = audience
    if service.languages:
        data["availableLanguage"] = list(service.languages)
    if service.free is not None:
        data["isAccessibleForFree"] = service.free
    return data


def jsonld(service: Service, page_url: str = "") -> str:
    """JSON-LD safe inside <script>: no "<", ">" or "&" can end the element early."""
    text = json.dumps(jsonld_data(service, page_url), ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
