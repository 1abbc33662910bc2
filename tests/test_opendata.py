"""Open data from the directory: HSDS 3.0 JSON (validated against the official schemas), CSV, JSON-LD."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import uuid
from datetime import date
from pathlib import Path

import pytest

from stodlanken.directory_loader import load_directory
from stodlanken.opendata import CSV_COLUMNS, csv_text, hsds, hsds_json, jsonld, jsonld_data, spreadsheet_safe, stable_id

PROJECT = Path(__file__).resolve().parents[1]
# CI clones the project next to a copy of shared/; so does a developer's checkout.
HSDS_DIR = PROJECT.parent / "shared" / "hsds"
HOURS_FIXTURE = Path(__file__).parent / "fixtures" / "directory_hours"


def load(folder: Path):
    directory, problems = load_directory(folder / "support_directory", root=folder, today=date(2026, 11, 25),
                                         languages=("sv-x-easy", "en", "ar", "so", "ti", "prs"))  # mkdocs.yml's
    assert [str(p) for p in problems] == []
    return directory


def with_fixture_services(destination: Path) -> Path:
    """The example directory plus the made-up services of tests/fixtures/directory_hours/."""
    shutil.copytree(PROJECT / "support_directory", destination / "support_directory")
    for path in (HOURS_FIXTURE / "support_directory" / "services").glob("*.yml"):
        shutil.copy(path, destination / "support_directory" / "services" / path.name)
    return destination


@pytest.fixture(scope="module")
def example():
    return load(PROJECT)


@pytest.fixture(scope="module")
def with_hours(tmp_path_factory):
    return load(with_fixture_services(tmp_path_factory.mktemp("hours")))


@pytest.fixture(scope="module")
def hsds_validator():
    """A validator factory for the official HSDS 3.0 schemas in ../shared/hsds/."""
    if not (HSDS_DIR / "service.json").is_file():
        message = f"The HSDS 3.0 schemas are not at {HSDS_DIR} (../shared/hsds/ next to the project); stod.json was not validated."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    schemas = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in HSDS_DIR.glob("*.json")}
    # The schemas refer to each other by file name ("$ref": "phone.json").
    registry = Registry().with_resources(
        (name, Resource.from_contents(schema, default_specification=DRAFT202012)) for name, schema in schemas.items()
    )

    def validator(name: str) -> Draft202012Validator:
        return Draft202012Validator(schemas[name], registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)

    return validator


def assert_valid(validator, instance):
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def test_hsds_export_validates_against_the_official_schemas(example, with_hours, hsds_validator):
    for directory in (example, with_hours):
        data = json.loads(hsds_json(directory))
        assert data["services"] and data["organizations"]
        for organization in data["organizations"]:
            assert_valid(hsds_validator("organization.json"), organization)
        for service in data["services"]:
            assert_valid(hsds_validator("service.json"), service)
            for phone in service["phones"]:
                assert_valid(hsds_validator("phone.json"), phone)
            for schedule in service["schedules"]:
                assert_valid(hsds_validator("schedule.json"), schedule)
            for language in service["languages"]:
                assert_valid(hsds_validator("language.json"), language)


def test_the_format_checker_does_check_uuids(hsds_validator):
    # Guards the test above: a broken id must fail, or "valid" would mean nothing.
    errors = list(hsds_validator("phone.json").iter_errors({"id": "bris", "number": "116 111"}))
    assert errors


def test_hsds_fields_carry_the_directory(example, with_hours):
    services = {s["name"]: s for s in hsds(example)["services"]}
    bris = services["BRIS – Barnens rätt i samhället"]
    assert bris["assured_date"] == "2026-11-24"
    assert bris["maximum_age"] == 17
    assert bris["phones"] == [{"id": stable_id("phone/phone", "bris"), "service_id": bris["id"], "number": "116 111", "type": "voice"}]
    assert bris["schedules"][0]["byday"] == "MO,TU,WE,TH,FR,SA,SU"
    youmo = services["Youmo"]
    assert [language["code"] for language in youmo["languages"]] == ["ar", "prs", "so", "ti", "sv", "en"]
    organizations = {o["id"] for o in hsds(example)["organizations"]}
    assert {s["organization_id"] for s in services.values()} <= organizations
    kvall = {s["name"]: s for s in hsds(with_hours)["services"]}["Kvällsjouren"]
    assert kvall["schedules"][0] | {"id": None, "service_id": None} == {
        "id": None, "service_id": None, "freq": "WEEKLY", "byday": "MO", "opens_at": "14:00", "closes_at": "21:00",
        "notes": "Tider i svensk tid (Europe/Stockholm).",
    }
    assert {s["name"]: s for s in hsds(with_hours)["services"]}["Sommarstängt"]["status"] == "temporarily closed"


def test_ids_are_uuids_stable_across_builds():
    first = stable_id("service", "bris")
    assert first == stable_id("service", "bris") == "c87d2471-4e8f-5ee9-b758-12e67c541c85"
    assert uuid.UUID(first).version == 5
    assert stable_id("service", "bris") != stable_id("organization", "bris")


def test_csv_has_one_row_per_service_with_stable_id_and_updated(example):
    rows = list(csv.DictReader(io.StringIO(csv_text(example, "https://stod.example.org/"))))
    assert len(rows) == len(example.services)
    assert tuple(rows[0]) == CSV_COLUMNS
    bris = next(row for row in rows if row["slug"] == "bris")
    assert bris["id"] == stable_id("service", "bris")
    assert bris["updated"] == "2026-11-24"
    assert bris["telefon"] == "116 111"
    assert (bris["anonym"], bris["gratis"]) == ("ja", "ja")
    assert bris["sida"] == "https://stod.example.org/stod/tjanst/bris/"


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(tmp_path):
    folder = with_fixture_services(tmp_path)
    path = folder / "support_directory" / "services" / "bris.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("name: BRIS – Barnens rätt i samhället", 'name: "=HYPERLINK(\\"https://evil.example/\\",\\"Klicka\\")"')
    path.write_text(text.replace("\nsummary:", "\nalert: \"@SUM(1+1)*cmd|' /C calc'!A0\"\nsummary:", 1), encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(csv_text(load(folder)))))
    bris = next(row for row in rows if row["slug"] == "bris")
    assert bris["namn"] == "'=HYPERLINK(\"https://evil.example/\",\"Klicka\")"
    assert bris["meddelande"].startswith("'@SUM(")
    # Checked phone numbers (digits only) are left as they are, "+46 …" included.
    assert spreadsheet_safe("+46 8 123 45 67") == "+46 8 123 45 67"
    assert [spreadsheet_safe(cell) for cell in ("-2+3", "+cmd|x", "\t=1", "\r=1", "Hej", 7)] == ["'-2+3", "'+cmd|x", "'\t=1", "'\r=1", "Hej", 7]


def test_jsonld_describes_the_service(example, with_hours):
    data = jsonld_data(example.services["kvinnofridslinjen"], "https://stod.example.org/stod/tjanst/kvinnofridslinjen/")
    assert data["@type"] == "Service"
    assert data["name"] == "Kvinnofridslinjen"
    assert data["isAccessibleForFree"] is True
    channel = data["availableChannel"][0]
    assert channel["@type"] == "ServiceChannel"
    assert channel["servicePhone"]["telephone"] == "020-50 50 50"
    assert channel["servicePhone"]["hoursAvailable"][0]["@type"] == "OpeningHoursSpecification"
    umo = jsonld_data(example.services["umo"])
    assert umo["audience"] == {"@type": "PeopleAudience", "suggestedMinAge": 13, "suggestedMaxAge": 25}
    city = jsonld_data(example.services["helsingborg-socialtjansten"])
    assert city["@type"] == "GovernmentService" and city["provider"]["@type"] == "GovernmentOrganization"
    natt = jsonld_data(with_hours.services["nattjouren"])
    expected = [{"@type": "OpeningHoursSpecification", "dayOfWeek": ["Friday"], "opens": "22:00", "closes": "02:00"}]
    sms, email, visit = natt["availableChannel"]
    assert sms["serviceSmsNumber"] == {"@type": "ContactPoint", "telephone": "070-123 45 67", "hoursAvailable": expected}
    assert email["serviceUrl"] == "mailto:nattjouren@example.org"
    assert visit["serviceLocation"]["openingHoursSpecification"] == expected
    assert visit["serviceLocation"]["address"]["postalCode"] == "252 21"


def test_jsonld_cannot_close_its_script_element(with_hours):
    text = jsonld(with_hours.services["skript-namn"])
    assert "<" not in text and ">" not in text
    assert json.loads(text)["name"] == "<script>alert(1)</script> Jour"


def test_built_stod_json_validates(example_site, hsds_validator):
    data = json.loads((example_site / "stod.json").read_text(encoding="utf-8"))
    for organization in data["organizations"]:
        assert_valid(hsds_validator("organization.json"), organization)
    for service in data["services"]:
        assert_valid(hsds_validator("service.json"), service)
