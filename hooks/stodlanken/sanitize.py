"""No script from content: editors' HTML passes an allow-list, and the source is checked first.

Editors may write raw HTML in Markdown (posts, transcripts, about pages). `clean` runs
every page's rendered Markdown through nh3 (ammonia, a maintained allow-list sanitizer)
before our own blocks (post lead, players, "Här får du stöd", video facades) are put in,
so only what editors wrote is sanitised. `source_problems` finds in the Markdown source,
with line numbers, what `clean` would remove that matters, so a strict build stops and
the editor learns where; a preview or non-strict build publishes the cleaned page.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import nh3

from stodlanken.problems import Problem
from stodlanken.privacy import video_link_problems

# What Markdown (with attr_list and toc) and an editor's simple HTML legitimately make.
TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "div", "dl",
    "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
    "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "poster", "alt"},  # poster and alt: `.sl-video` links, made facades after cleaning
    "img": {"src", "alt", "srcset", "sizes", "width", "height", "loading"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "reversed"},
    "abbr": {"title"},
}
URL_ATTRIBUTES = {"href", "src", "srcset", "poster", "action", "formaction", "xlink:href", "background", "cite", "data"}
SCHEMES = {"https", "mailto", "tel", "sms"}
# Elements whose text must go too, not only the tags: a script's code shown as text helps nobody.
_CLEAN_CONTENT = {"script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math", "textarea", "select"}

# Browsers drop ASCII whitespace and control characters inside a scheme ("java\tscript:").
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def url_allowed(url: str) -> bool:
    """https, mailto, tel, sms, or an address on this site (relative, or from its root)."""
    value = _IGNORED_IN_URL.sub("", html.unescape(url))
    if value.startswith("//") or value.startswith("\\") or value.startswith("/\\"):
        return False  # protocol-relative: another host, over whatever scheme the page has
    scheme = _SCHEME.match(value)
    return scheme is None or scheme.group(1).lower() in SCHEMES


def _srcset_allowed(value: str) -> bool:
    return all(url_allowed(candidate.split()[0]) for candidate in value.split(",") if candidate.strip())


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    # nh3's url_schemes checks href and src only, and lets "//host" through as relative.
    if attribute == "srcset":
        return value if _srcset_allowed(value) else None
    if attribute in URL_ATTRIBUTES and not url_allowed(value):
        return None
    return value


def clean(page_html: str) -> str:
    """The rendered Markdown of a page with only allowed tags, attributes and addresses, no comments."""
    return nh3.clean(
        page_html,
        tags=TAGS,
        clean_content_tags=_CLEAN_CONTENT,
        attributes=ATTRIBUTES,
        attribute_filter=_attribute_filter,
        strip_comments=True,
        link_rel=None,  # hooks/privacy.py adds rel="noopener noreferrer" to external links only
        url_schemes=SCHEMES,
    )


# --- finding it in the source ------------------------------------------------------------
# Hand-written on purpose: nh3 says nothing about what it removed, and an editor needs the
# line in the Markdown file. These patterns only report; `clean` is what protects the page,
# so a form they miss is still removed, just without a problem line.

_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})[^\n]*\n.*?(?:^\1\2[ \t]*$|\Z)", re.M | re.S)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
_INDENTED_CODE = re.compile(r"(?:(?<=\n\n)|\A)(?:(?: {4}|\t)[^\n]*\n?)+")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*)>")
_EMAIL_AUTOLINK = re.compile(r"<[^\s@<>]+@[^\s@<>]+>")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTR = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
# [text](url "title"), ![alt](url), and reference definitions [id]: url
_MD_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)")
_MD_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)


def _blank(match: re.Match[str]) -> str:
    """Keep line numbers: replace what must not be read by spaces, newlines stay."""
    return re.sub(r"[^\n]", " ", match.group(0))


def without_code(text: str) -> str:
    """The Markdown with code (fenced, indented, inline) and comments blanked out, lines kept:
    what Markdown shows as text, or drops, is no HTML and no link."""
    for pattern in (_FENCE, _INDENTED_CODE, _CODE_SPAN, _COMMENT):
        text = pattern.sub(_blank, text)
    return text


def source_problems(text: str, rel: str, *, first_line: int = 1) -> list[Problem]:
    """What `clean` will remove from this Markdown that matters, one problem per finding.
    Code and comments are skipped (`without_code`)."""
    text = without_code(text)
    problems: list[Problem] = []

    def line_of(offset: int) -> int:
        return first_line + text.count("\n", 0, offset)

    def bad_url(offset: int, where: str, url: str) -> None:
        problems.append(Problem(rel, line_of(offset), where, f"adressen ”{url}” är inte tillåten och tas bort",
                                "länka bara till https://-adresser, mailto:, tel:, sms: eller sidor på webbplatsen"))

    for match in _AUTOLINK.finditer(text):
        if not url_allowed(match.group(1)):
            bad_url(match.start(), "(länk)", match.group(1))
    text = _EMAIL_AUTOLINK.sub(_blank, _AUTOLINK.sub(_blank, text))
    for match in _TAG.finditer(text):
        closing, tag, attributes = match.group(1), match.group(2).lower(), match.group(3)
        line = line_of(match.start())
        if tag not in TAGS:
            if not closing:
                problems.append(Problem(rel, line, f"<{tag}>", "HTML-taggen är inte tillåten och tas bort",
                                        "ta bort taggen; skriv texten med Markdown i stället"))
            continue
        for attribute in _ATTR.finditer(attributes):
            name = attribute.group(1).lower()
            value = next((group for group in attribute.groups()[1:] if group is not None), "")
            if name.startswith("on"):
                problems.append(Problem(rel, line, f"<{tag} {name}>", "skript i HTML är inte tillåtet och tas bort",
                                        f"ta bort {name}=… ur taggen"))
            elif name == "style":
                problems.append(Problem(rel, line, f"<{tag} style>", "style-attribut är inte tillåtna och tas bort",
                                        "ta bort style=…; utseendet kommer från webbplatsens stilmall"))
            elif name == "srcset" and not _srcset_allowed(value):
                bad_url(match.start(), f"<{tag} srcset>", value)
            elif name in URL_ATTRIBUTES and not url_allowed(value):
                bad_url(match.start(), f"<{tag} {name}>", value)
    text = _TAG.sub(_blank, text)
    for pattern in (_MD_LINK, _MD_REFERENCE):
        for match in pattern.finditer(text):
            if not url_allowed(match.group(1)):
                bad_url(match.start(), "(länk)", match.group(1))
    return sorted(problems, key=lambda problem: problem.line)


# --- one editor Markdown file --------------------------------------------------------------


def markdown_problems(body: str, rel: str, *, first_line: int, page_dir: Path) -> list[Problem]:
    """Everything in an editor's Markdown (after its front matter) that `clean` removes, and
    its video-link mistakes. hooks/stodlanken/pages.py reads every file once and asks here."""
    return source_problems(body, rel, first_line=first_line) + video_link_problems(body, rel, page_dir=page_dir, first_line=first_line)
