"""Unit tests for the support directory loader: one test (or more) per validation rule."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from stodlanken.directory import Phone
from stodlanken.directory_loader import load_directory, parse_phone, url_problem
from stodlanken.hours import Hours, Period, parse_time

TODAY = date(2026, 11, 25)
FIXTURES = Path(__file__).parent / "fixtures"
PROJECT = Path(__file__).resolve().parents[1]

SITUATIONS = """\
- id: ma-daligt
  title: Jag mår dåligt
  intro: Det är okej att inte må bra.
  icon: material/emoticon-sad-outline
- id: hemma
  title: Det är jobbigt hemma
  intro: Det är inte ditt fel.
  icon: material/home-alert-outline
"""
PROVIDERS = """\
- id: bris
  name: BRIS
  kind: ideell
  url: https://www.bris.se/
"""
SERVICE = """\
name: BRIS
provider: bris
situations: [ma-daligt]
summary: Prata med en kurator, anonymt.
contact:
  phone: "116 111"
  web: https://www.bris.se/
verified: 2026-11-24
source: https://www.bris.se/
"""


def make(tmp_path: Path, service: str = SERVICE, *, name: str = "bris", situations: str = SITUATIONS, providers: str = PROVIDERS, emergency: str = "- bris\n", extra: dict[str, str] | None = None, languages: tuple[str, ...] = ()):
    folder = tmp_path / "support_directory"
    (folder / "services").mkdir(parents=True)
    (folder / "situations.yml").write_text(situations, encoding="utf-8")
    (folder / "providers.yml").write_text(providers, encoding="utf-8")
    (folder / "emergency.yml").write_text(emergency, encoding="utf-8")
    (folder / "services" / f"{name}.yml").write_text(textwrap.dedent(service), encoding="utf-8")
    for filename, text in (extra or {}).items():
        (folder / "services" / filename).write_text(textwrap.dedent(text), encoding="utf-8")
    return load_directory(folder, root=tmp_path, today=TODAY, languages=languages)


def lines(problems) -> list[str]:
    return [str(problem) for problem in problems]


def with_field(old: str, new: str) -> str:
    assert old in SERVICE
    return SERVICE.replace(old, new)


# --- the example data ------------------------------------------------------------


EXAMPLE_LANGUAGES = ("sv-x-easy", "en", "ar", "so", "ti", "prs")  # mkdocs.yml's, after Swedish


def test_example_directory_loads_without_problems():
    directory, problems = load_directory(PROJECT / "support_directory", root=PROJECT, today=date(2026, 11, 25), languages=EXAMPLE_LANGUAGES)
    assert lines(problems) == []
    assert [s.id for s in directory.situations][:5] == ["ma-daligt", "hemma", "vald", "sjalvmordstankar", "kropp-sex"]
    assert [s.id for s in directory.emergency] == ["112", "1177", "bris", "mind-sjalvmordslinjen"]
    assert directory.services["bris"].phone == Phone("116 111", "116111")
    assert directory.services["kvinnofridslinjen"].phone == Phone("020-50 50 50", "020505050")


def test_example_directory_has_no_invented_hours_beyond_always_open():
    directory, _ = load_directory(PROJECT / "support_directory", root=PROJECT, today=date(2026, 11, 25))
    for service in directory.services.values():
        assert service.hours is None or service.hours.always, service.id


def test_valid_service_becomes_a_typed_record(tmp_path):
    directory, problems = make(tmp_path)
    assert problems == []
    bris = directory.services["bris"]
    assert bris.provider.kind == "ideell"
    assert bris.situations == ("ma-daligt",)
    assert bris.contact.ways == ("phone", "web")
    assert bris.verified == date(2026, 11, 24)
    assert directory.emergency == [bris]


# --- unknown keys, missing fields --------------------------------------------------


def test_unknown_key_is_an_error_with_a_guess(tmp_path):
    directory, problems = make(tmp_path, SERVICE + "sumary: typo\n")
    assert lines(problems) == ["support_directory/services/bris.yml:10: sumary: okänt fält — menade du `summary`?"]
    assert "bris" not in directory.services


def test_unknown_key_inside_contact_is_an_error(tmp_path):
    _, problems = make(tmp_path, with_field("  web:", "  whatsapp: https://wa.me/1\n  web:"))
    assert [(p.field, p.line) for p in problems] == [("contact.whatsapp", 7)]


@pytest.mark.parametrize("key", ["name", "provider", "situations", "summary", "contact", "verified", "source"])
def test_missing_required_field_is_an_error(tmp_path, key):
    text = "\n".join(line for line in SERVICE.splitlines() if not line.startswith(f"{key}:"))
    if key == "contact":
        text = "\n".join(line for line in text.splitlines() if not line.startswith("  "))
    directory, problems = make(tmp_path, text + "\n")
    assert [(p.field, p.message) for p in problems] == [(key, "saknas")]
    assert "bris" not in directory.services


def test_summary_longer_than_200_characters_is_an_error(tmp_path):
    _, problems = make(tmp_path, with_field("Prata med en kurator, anonymt.", "x" * 201))
    assert [p.field for p in problems] == ["summary"]
    assert "201 tecken" in problems[0].message


def test_contact_without_any_way_is_an_error(tmp_path):
    text = SERVICE.replace('  phone: "116 111"\n  web: https://www.bris.se/\n', "  {}\n").replace("contact:\n  {}", "contact: {}")
    _, problems = make(tmp_path, text)
    assert [(p.field, p.message) for p in problems] == [("contact", "inget sätt att nå tjänsten")]


def test_id_key_in_a_service_file_is_an_error(tmp_path):
    _, problems = make(tmp_path, "id: bris\n" + SERVICE)
    assert [p.field for p in problems] == ["id"]


def test_bad_file_name_is_an_error(tmp_path):
    _, problems = make(tmp_path, name="Bris Chatt", emergency="[]\n")
    # (emergency.yml lists no number, which is an error of its own)
    assert [p.field for p in problems if p.path.endswith("/services/Bris Chatt.yml")] == ["(filnamn)"]


def test_yaml_syntax_error_is_one_line_with_the_line_number(tmp_path):
    directory, problems = make(tmp_path, SERVICE.replace("summary: Prata", "summary: [Prata"))
    assert len(problems) == 1
    assert problems[0].field == "(yaml)" and problems[0].line
    assert directory.emergency == []  # no second complaint about the same broken file


# --- duplicates and references -------------------------------------------------


def test_duplicate_situation_id_is_an_error(tmp_path):
    _, problems = make(tmp_path, situations=SITUATIONS + SITUATIONS.split("- id: hemma")[0])
    assert [(p.path, p.line, p.field) for p in problems] == [("support_directory/situations.yml", 9, "id")]


def test_duplicate_provider_id_is_an_error(tmp_path):
    _, problems = make(tmp_path, providers=PROVIDERS + PROVIDERS)
    assert [(p.path, p.line, p.field) for p in problems] == [("support_directory/providers.yml", 5, "id")]


def test_duplicate_emergency_entry_is_an_error(tmp_path):
    _, problems = make(tmp_path, emergency="- bris\n- bris\n")
    assert [(p.line, p.field) for p in problems] == [(2, "[2]")]


def test_unknown_provider_is_an_error(tmp_path):
    directory, problems = make(tmp_path, with_field("provider: bris", "provider: briss"))
    assert lines(problems) == ["support_directory/services/bris.yml:2: provider: okänd huvudman 'briss' — menade du `bris`?"]
    assert directory.invalid == {"bris"}


def test_unknown_situation_is_an_error_on_its_line(tmp_path):
    text = with_field("situations: [ma-daligt]", "situations:\n  - ma-daligt\n  - hemmma")
    _, problems = make(tmp_path, text)
    assert [(p.field, p.line, p.fix) for p in problems] == [("situations", 5, "menade du `hemma`?")]


def test_unknown_emergency_service_is_an_error(tmp_path):
    _, problems = make(tmp_path, emergency="- bris\n- 113\n")
    assert [(p.path, p.line) for p in problems] == [("support_directory/emergency.yml", 2)]
    assert "okänd tjänst" in problems[0].message


def test_unknown_provider_kind_is_an_error(tmp_path):
    _, problems = make(tmp_path, providers=PROVIDERS.replace("ideell", "förening"))
    assert [p.field for p in problems] == ["kind"]


@pytest.mark.parametrize("reserved", ["tjanst", "sida"])  # /stod/tjanst/<id>/, /stod/sida/2/
def test_situation_ids_that_are_page_addresses_are_reserved(tmp_path, reserved):
    directory, problems = make(tmp_path, situations=SITUATIONS.replace("id: hemma", f"id: {reserved}"))
    assert [(p.field, p.message) for p in problems] == [("id", f"id {reserved!r} är upptaget av sidorna för tjänster")]
    assert [s.id for s in directory.situations] == ["ma-daligt"]


@pytest.mark.parametrize(
    ("situations", "field"),
    [
        (SITUATIONS + "- hemma-igen\n", "[3]"),  # not a mapping
        (SITUATIONS + "  colour: red\n", "colour"),  # an unknown key makes the entry broken
        (SITUATIONS.replace("intro: Det är inte ditt fel.", "intro: '[Läs](javascript:alert(1))'"), "intro"),
    ],
)
def test_a_broken_situation_entry_is_one_error_and_left_out(tmp_path, situations, field):
    directory, problems = make(tmp_path, situations=situations)
    assert [p.field for p in problems] == [field], lines(problems)
    assert [s.id for s in directory.situations] == (["ma-daligt", "hemma"] if field == "[3]" else ["ma-daligt"])


def test_unknown_icon_is_an_error(tmp_path):
    directory, problems = make(tmp_path, situations=SITUATIONS.replace("emoticon-sad-outline", "no-such-icon"))
    assert [p.field for p in problems] == ["icon"]
    # The service that names the broken situation keeps its page and its other situations,
    # with no second problem line: a typo in one icon must not empty the help row.
    assert directory.invalid == set()
    assert directory.services["bris"].situations == ()
    assert [line.id for line in directory.emergency_lines] == ["bris"]


def test_service_naming_a_broken_situation_keeps_its_other_situations(tmp_path):
    service = with_field("situations: [ma-daligt]", "situations: [ma-daligt, hemma]")
    directory, problems = make(tmp_path, service, situations=SITUATIONS.replace("home-alert-outline", "no-such-icon"))
    assert [p.field for p in problems] == ["icon"]
    assert directory.services["bris"].situations == ("ma-daligt",)


def test_emergency_service_with_an_error_elsewhere_keeps_its_number_in_the_help_row(tmp_path):
    directory, problems = make(tmp_path, with_field("verified: 2026-11-24", "verified: i går"))
    assert [p.field for p in problems] == ["verified"]
    assert "bris" in directory.invalid and directory.emergency == []
    assert [(line.name, line.phone.tel, line.service) for line in directory.emergency_lines] == [("BRIS", "116111", None)]


@pytest.mark.parametrize("emergency", ["", "[]\n", "# nothing yet\n"])
def test_empty_emergency_list_is_an_error_and_the_help_row_falls_back_to_112(tmp_path, emergency):
    directory, problems = make(tmp_path, emergency=emergency)
    assert [(p.path, p.field) for p in problems] == [("support_directory/emergency.yml", "(fil)")]
    assert [line.phone.tel for line in directory.emergency_lines] == ["112"]


def test_emergency_list_without_any_phone_number_is_an_error(tmp_path):
    directory, problems = make(tmp_path, with_field('  phone: "116 111"\n', ""))
    assert [(p.path, p.message) for p in problems] == [("support_directory/emergency.yml", "ingen tjänst i listan har ett telefonnummer")]
    assert [line.id for line in directory.emergency_lines] == ["bris", "112"]  # bris links to its page; 112 can be called


def test_numeric_ids_may_be_written_without_quotes(tmp_path):
    providers = PROVIDERS + "- id: 1177\n  name: \"1177\"\n  kind: nationell\n  url: https://www.1177.se/\n"
    service = SERVICE.replace("provider: bris", "provider: 1177")
    directory, problems = make(tmp_path, service, name="1177", providers=providers, emergency="- 1177\n")
    assert problems == []
    assert directory.services["1177"].provider.id == "1177"
    assert [s.id for s in directory.emergency] == ["1177"]


# --- inactive and temporarily closed ------------------------------------------


def test_inactive_service_is_left_out_everywhere(tmp_path):
    directory, problems = make(tmp_path, SERVICE + "status: inactive\n", emergency="[]\n")
    assert [p.path for p in problems] == ["support_directory/emergency.yml"]  # no number left to call
    assert directory.services == {} and directory.inactive == {"bris"}


def test_inactive_service_in_emergency_list_is_an_error(tmp_path):
    _, problems = make(tmp_path, SERVICE + "status: inactive\n")
    assert "inaktiv" in problems[0].message


def test_temporarily_closed_service_is_shown_with_its_alert(tmp_path):
    directory, problems = make(tmp_path, SERVICE + "status: temporarily_closed\nalert: Stängt vecka 29–32\n")
    assert problems == []
    assert directory.services["bris"].alert == "Stängt vecka 29–32"


def test_unknown_status_is_an_error(tmp_path):
    _, problems = make(tmp_path, SERVICE + "status: closed\n")
    assert [p.field for p in problems] == ["status"]


# --- URLs -------------------------------------------------------------------------


def test_http_url_is_an_error_with_the_fix(tmp_path):
    _, problems = make(tmp_path, with_field("  web: https://www.bris.se/", "  chat: http://www.bris.se/\n  web: https://www.bris.se/"))
    assert lines(problems) == ["support_directory/services/bris.yml:7: contact.chat: adressen måste börja med https:// — skriv hela adressen, t.ex. https://www.bris.se/"]


@pytest.mark.parametrize(
    "value",
    ["javascript:alert(1)", "JavaScript:alert(1)", " javascript :alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox"],
)
def test_script_and_data_urls_are_rejected(value):
    assert url_problem(value) is not None


@pytest.mark.parametrize("value", ["mailto:hej@bris.se", "tel:116111", "ftp://bris.se/", "www.bris.se", "https://", "https://bris se/"])
def test_other_non_https_urls_are_rejected(value):
    assert url_problem(value) is not None


def test_https_url_is_accepted():
    assert url_problem("https://www.bris.se/chatt?x=1") is None


def test_javascript_url_in_a_url_field_is_an_error(tmp_path):
    directory, problems = make(tmp_path, with_field("  web: https://www.bris.se/", "  web: javascript:alert(1)"))
    assert [(p.field, p.line) for p in problems] == [("contact.web", 7)]
    assert "bris" not in directory.services


def test_javascript_url_inside_markdown_description_is_an_error(tmp_path):
    _, problems = make(tmp_path, SERVICE + "description: |\n  Läs [mer](javascript:alert(1)).\n")
    assert [p.field for p in problems] == ["description"]


def test_data_url_in_a_provider_is_an_error(tmp_path):
    _, problems = make(tmp_path, providers=PROVIDERS.replace("https://www.bris.se/", "data:text/html,<b>x</b>"))
    assert [p.field for p in problems] == ["url"]


def test_email_may_be_written_with_or_without_mailto(tmp_path):
    directory, problems = make(tmp_path, with_field("  web:", "  email: mailto:hej@example.se\n  web:"))
    assert problems == []
    assert directory.services["bris"].contact.email == "hej@example.se"


def test_bad_email_is_an_error(tmp_path):
    _, problems = make(tmp_path, with_field("  web:", "  email: hej at example.se\n  web:"))
    assert [p.field for p in problems] == ["contact.email"]


# --- phone numbers --------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "tel"),
    [
        ("116 111", "116111"),
        ("020-50 50 50", "020505050"),
        ("114 14", "11414"),
        (112, "112"),
        (1177, "1177"),
        (90101, "90101"),
        ("08-123 456 78", "0812345678"),
        ("070-123 45 67", "0701234567"),
        ("+46 70 123 45 67", "+46701234567"),
        ("+46 (0)8 123 456 78", "+46812345678"),
    ],
)
def test_swedish_numbers_and_short_numbers_are_normalised(value, tel):
    phone, message = parse_phone(value)
    assert message is None
    assert phone.tel == tel
    assert phone.display == " ".join(str(value).split())


@pytest.mark.parametrize("value", ["+45 12 34 56 78", "0045 12345678", "12", "1234567", "070-12", "ring oss", "116 111 eller 112", 4360744, True])
def test_non_swedish_or_malformed_numbers_are_rejected(value):
    phone, message = parse_phone(value)
    assert phone is None and message


def test_bad_phone_number_is_an_error_in_the_service(tmp_path):
    _, problems = make(tmp_path, with_field('"116 111"', '"+45 12 34 56 78"'))
    assert [(p.field, p.line) for p in problems] == [("contact.phone", 6)]
    assert "svenska" in problems[0].message


def test_sms_number_is_normalised_like_a_phone_number(tmp_path):
    directory, problems = make(tmp_path, with_field("  web:", '  sms: "070-123 45 67"\n  web:'))
    assert problems == []
    assert directory.services["bris"].contact.sms == Phone("070-123 45 67", "0701234567")


# --- hours --------------------------------------------------------------------------


def test_always_open(tmp_path):
    directory, problems = make(tmp_path, SERVICE + "hours:\n  always: true\n")
    assert problems == []
    assert directory.services["bris"].hours == Hours(always=True)


def test_weekly_hours_parse_even_unquoted(tmp_path):
    text = SERVICE + "hours:\n  - days: [mon, wed]\n    opens: 14:00\n    closes: \"21:30\"\n  - {days: [sat], opens: \"22:00\", closes: \"02:00\"}\n"
    directory, problems = make(tmp_path, text)
    assert problems == []
    hours = directory.services["bris"].hours
    assert hours.periods == (Period(("mon", "wed"), "14:00", "21:30"), Period(("sat",), "22:00", "02:00"))
    assert hours.compact() == "13/14:00-21:30 6/22:00-02:00"  # what stod.js reads; 02:00 after 22:00 is the next night
    assert hours.table()[0] == ("Måndag", "14:00–21:30")
    assert hours.table()[1] == ("Tisdag", "Stängt")


@pytest.mark.parametrize(
    ("hours", "fieldname"),
    [
        ("  always: false\n", "hours.always"),
        ("  always: true\n  note: x\n", "hours.note"),
        ("  - days: [monday]\n    opens: \"14:00\"\n    closes: \"21:00\"\n", "hours[1].days"),
        ("  - days: [mon]\n    opens: \"25:00\"\n    closes: \"21:00\"\n", "hours[1].opens"),
        ("  - days: [mon]\n    opens: \"14:00\"\n", "hours[1].closes"),
        ("  - days: [mon]\n    opens: \"14:00\"\n    closes: \"14:00\"\n", "hours[1].closes"),
        ("  - days: [mon]\n    open: \"14:00\"\n    opens: \"14:00\"\n    closes: \"21:00\"\n", "hours[1].open"),
        ("  - mon 14-21\n", "hours[1]"),
        ("  dygnet runt\n", "hours"),
    ],
)
def test_hours_that_do_not_parse_are_errors(tmp_path, hours, fieldname):
    text = SERVICE + "hours:\n" + hours if not hours.startswith("  dygnet") else SERVICE + "hours: dygnet runt\n"
    directory, problems = make(tmp_path, text)
    assert [p.field for p in problems] == [fieldname]
    assert problems[0].line is not None
    assert "bris" not in directory.services


@pytest.mark.parametrize(("value", "expected"), [("9:05", "09:05"), (840, "14:00"), ("24:00", "24:00"), ("24:30", None), ("14.00", None), (True, None)])
def test_parse_time(value, expected):
    assert parse_time(value) == expected


# --- verified -----------------------------------------------------------------------


def test_verified_181_days_ago_is_a_warning(tmp_path):
    directory, problems = make(tmp_path, with_field("2026-11-24", "2026-05-27"))
    assert [(p.field, p.warning) for p in problems] == [("verified", True)]
    assert "bris" in directory.services


def test_verified_180_days_ago_is_fine(tmp_path):
    _, problems = make(tmp_path, with_field("2026-11-24", "2026-05-29"))
    assert problems == []


def test_verified_over_a_year_ago_is_a_warning_and_the_page_says_so(tmp_path):
    # A date ages past the limit overnight: that alone must not stop the nightly build
    # (which also takes withdrawn posts offline). The service stays, marked stale.
    directory, problems = make(tmp_path, with_field("2026-11-24", "2025-11-24"))
    assert [(p.field, p.warning) for p in problems] == [("verified", True)]
    assert "2026-11-25" in problems[0].fix and "gamla" in problems[0].message
    assert directory.services["bris"].stale


def test_verified_within_a_year_is_not_stale(tmp_path):
    directory, _ = make(tmp_path, with_field("2026-11-24", "2025-11-26"))
    assert not directory.services["bris"].stale


@pytest.mark.parametrize("value", ["24 november 2026", "2027-01-01"])
def test_unreadable_or_future_verified_is_an_error(tmp_path, value):
    _, problems = make(tmp_path, with_field("2026-11-24", value))
    assert [(p.field, p.warning) for p in problems] == [("verified", False)]


# --- other fields -------------------------------------------------------------------


def test_ages_languages_and_booleans(tmp_path):
    directory, problems = make(tmp_path, SERVICE + "ages: {min: 13, max: 25}\nlanguages: [sv, ar]\nanonymous: true\nfree: false\n")
    assert problems == []
    bris = directory.services["bris"]
    assert str(bris.ages) == "13–25 år"
    assert bris.language_names == ("svenska", "arabiska")
    assert (bris.anonymous, bris.free) == (True, False)


@pytest.mark.parametrize(
    ("extra", "fieldname"),
    [
        ("ages: {min: 25, max: 13}\n", "ages"),
        ("ages: {min: tretton}\n", "ages.min"),
        ("ages: {from: 13}\n", "ages.from"),
        ("languages: [svenska]\n", "languages"),
        ("anonymous: ja\n", "anonymous"),
        ("free: 1\n", "free"),
        ("contact2: x\n", "contact2"),
    ],
)
def test_bad_optional_fields_are_errors(tmp_path, extra, fieldname):
    _, problems = make(tmp_path, SERVICE + extra)
    assert [p.field for p in problems] == [fieldname]


def test_visit_address(tmp_path):
    text = with_field("  web:", '  visit: {street: Storgatan 1, postal_code: "252 21", city: Helsingborg}\n  web:')
    directory, problems = make(tmp_path, text)
    assert problems == []
    assert str(directory.services["bris"].contact.visit) == "Storgatan 1, 252 21 Helsingborg"


def test_bad_postal_code_is_an_error(tmp_path):
    text = with_field("  web:", '  visit: {street: Storgatan 1, postal_code: "2522", city: Helsingborg}\n  web:')
    _, problems = make(tmp_path, text)
    assert [p.field for p in problems] == ["contact.visit.postal_code"]


def test_missing_support_directory_is_one_problem(tmp_path):
    directory, problems = load_directory(tmp_path / "support_directory", root=tmp_path, today=TODAY)
    assert len(problems) == 1 and directory.services == {}


# --- the broken fixture: one mistake per file, one line per mistake ---------------


def test_broken_fixture_reports_one_line_per_mistake():
    folder = FIXTURES / "directory_broken" / "support_directory"
    directory, problems = load_directory(folder, root=FIXTURES / "directory_broken", today=TODAY)
    expected = {}
    for path in sorted(folder.rglob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        if first.startswith("# mistake:"):
            expected[path.relative_to(FIXTURES / "directory_broken").as_posix()] = first.removeprefix("# mistake:").strip()
    assert len(expected) >= 15
    by_file: dict[str, list[str]] = {}
    for problem in problems:
        by_file.setdefault(problem.path, []).append(problem.field)
    # Exactly one problem for each broken file, on the field its first line names.
    assert by_file == {path: [fieldname] for path, fieldname in expected.items()}
    for problem in problems:
        text = str(problem)
        assert "\n" not in text and "Traceback" not in text
        where = f"{problem.path}:{problem.line}" if problem.line else problem.path
        assert text.startswith(f"{where}: {problem.field}: ")
    assert "ok" in directory.services


def test_compact_hours_for_the_browser_name_days_by_number():
    from stodlanken.hours import Hours, Period

    assert Hours(always=True).compact() == "*"
    hours = Hours(periods=(Period(("mon", "wed"), "14:00", "21:30"), Period(("sat",), "22:00", "02:00")))
    assert hours.compact() == "13/14:00-21:30 6/22:00-02:00"


TRANSLATED = SITUATIONS.replace("  icon: material/home-alert-outline\n", """  icon: material/home-alert-outline
  translations:
    ar:
      title: "الوضع صعب في البيت"
""")


def test_translations_of_a_situation_and_a_service_are_read(tmp_path):
    service = SERVICE + 'translations:\n  ar:\n    summary: "تحدث مع مستشار."\n  en:\n    name: "BRIS"\n'
    directory, problems = make(tmp_path, service, situations=TRANSLATED, languages=("ar", "en"))
    assert problems == []
    assert directory.situation("hemma").text("title", "ar") == ("الوضع صعب في البيت", True)
    assert directory.situation("hemma").text("intro", "ar") == ("Det är inte ditt fel.", False)
    assert directory.services["bris"].text("summary", "ar") == ("تحدث مع مستشار.", True)
    assert directory.services["bris"].text("summary", "so") == ("Prata med en kurator, anonymt.", False)


@pytest.mark.parametrize(("translations", "field"), [
    ('translations:\n  de:\n    summary: "Hallo"\n', "translations.de"),  # not one of the site's languages
    ('translations:\n  ar:\n    phone: "116 111"\n', "translations.ar.phone"),  # numbers are never translated
    ('translations:\n  ar: "تحدث"\n', "translations.ar"),
    ('translations: [ar]\n', "translations"),
    ('translations:\n  ar:\n    summary: "' + "ب" * 201 + '"\n', "translations.ar.summary"),
    ('translations:\n  ar:\n    description: "[اضغط](javascript:alert(1))"\n', "translations.ar.description"),
])
def test_a_wrong_translation_is_one_error_naming_the_field_and_the_service_stays_in_swedish(tmp_path, translations, field):
    directory, problems = make(tmp_path, SERVICE + translations, languages=("ar",))
    assert [p.field for p in problems] == [field], lines(problems)
    if "javascript:" in translations:  # a script address anywhere refuses the file, as in Swedish
        assert "bris" not in directory.services
    else:
        assert directory.services["bris"].text("summary", "ar") == ("Prata med en kurator, anonymt.", False)
