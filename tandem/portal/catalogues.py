"""The message catalogues of the woman's portal: which strings need translating, and the
.po files that hold their translations (tandem/locale/<language>/LC_MESSAGES/django.po).

`python manage.py update_catalogues` gathers every string marked for translation in the
portal's pages, the shared care-plan partial and PDF, and the Python that labels them, adds
the new ones to each catalogue with an empty translation, drops the ones no longer used and
compiles the .mo files (with msgfmt from GNU gettext). tandem/portal/tests/test_catalogues.py
fails while a string is missing, untranslated or fuzzy. See docs/i18n.md.
"""

import ast
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.template import engines

ROOT = Path(settings.BASE_DIR)
LOCALE = ROOT / "tandem" / "locale"

PYTHON_SOURCES = (
    "tandem/careplans/models.py",
    "tandem/careplans/sections.py",
    "tandem/careplans/validation.py",
    "tandem/careplans/pdf.py",
    "tandem/careplans/services.py",
    "tandem/portal/services.py",
    "tandem/web/forms/portal.py",
    "tandem/web/presenters/portal.py",
    "tandem/web/presenters/careplans.py",
    "tandem/web/presenters/forms.py",
    "tandem/web/presenters/navigation.py",
    "tandem/web/views/portal.py",
)
TEMPLATE_FOLDER = ROOT / "tandem" / "web" / "templates"
TEMPLATES = (
    "web/base.jinja",
    "web/portal/*.jinja",
    "web/careplans/_plan_sections.jinja",
    "web/careplans/plan_pdf.jinja",
)
GETTEXT_NAMES = {"_", "gettext", "gettext_lazy"}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")

REVIEW_NOTE = (
    "FIRST DRAFT, NOT FOR PRODUCTION USE: these translations need review by a fluent\n"
    "speaker with clinical knowledge before real women rely on them (docs/i18n.md).\n"
)


@dataclass
class Entry:
    msgid: str
    msgstr: str = ""
    flags: set[str] = field(default_factory=set)
    locations: list[str] = field(default_factory=list)


def _python_messages(path: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in GETTEXT_NAMES
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.setdefault(node.args[0].value, []).append(
                f"{path.relative_to(ROOT)}:{node.lineno}"
            )
    return found


def _template_messages(path: Path) -> dict[str, list[str]]:
    environment = engines["jinja2"].env
    found: dict[str, list[str]] = {}
    source = path.read_text(encoding="utf-8")
    for lineno, function, message in environment.extract_translations(source):
        # A call with placeholders, _("... %(date)s", date=due), comes as (msgid, None).
        if isinstance(message, tuple):
            message = message[0]
        if function in GETTEXT_NAMES and isinstance(message, str):
            found.setdefault(message, []).append(f"{path.relative_to(ROOT)}:{lineno}")
    return found


def source_messages() -> dict[str, list[str]]:
    """Every string marked for translation in the portal's sources, with where it is."""
    messages: dict[str, list[str]] = {}
    paths = [(ROOT / name, _python_messages) for name in PYTHON_SOURCES]
    for pattern in TEMPLATES:
        paths += [(path, _template_messages) for path in sorted(TEMPLATE_FOLDER.glob(pattern))]
    for path, extract in paths:
        if not path.exists():
            continue
        for message, where in extract(path).items():
            messages.setdefault(message, []).extend(where)
    return messages


# --- .po files -----------------------------------------------------------------------------


def _unquote(line: str) -> str:
    return ast.literal_eval(line)


def read_po(path: Path) -> tuple[str, list[Entry]]:
    """The header's msgstr and the entries of a .po file (singular messages only)."""
    entries: list[Entry] = []
    current: Entry | None = None
    part = None
    for raw in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = raw.strip()
        if not line:
            if current is not None:
                entries.append(current)
            current, part = None, None
            continue
        if current is None:
            current = Entry(msgid="")
        if line.startswith("#,"):
            current.flags |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#:"):
            current.locations += line[2:].split()
        elif line.startswith("#"):
            continue
        elif line.startswith("msgid "):
            part, current.msgid = "msgid", _unquote(line[6:])
        elif line.startswith("msgstr "):
            part, current.msgstr = "msgstr", _unquote(line[7:])
        elif line.startswith('"') and part:
            setattr(current, part, getattr(current, part) + _unquote(line))
    header = next((e.msgstr for e in entries if e.msgid == ""), "")
    return header, [e for e in entries if e.msgid != ""]


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    lines = escaped.split("\n")
    if len(lines) == 1:
        return f'"{lines[0]}"'
    parts = [f"{line}\\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    return '""\n' + "\n".join(f'"{part}"' for part in parts)


def write_po(path: Path, language: str, header: str, entries: list[Entry]) -> None:
    comment = "".join(f"# {line}\n" for line in REVIEW_NOTE.splitlines())
    lines = [
        f"# Tandem: the woman's portal and her care plan, in {language}.\n{comment}".rstrip(),
        'msgid ""',
        f"msgstr {_quote(header)}",
        "",
    ]
    for entry in sorted(entries, key=lambda e: e.msgid):
        lines.append(f"#: {' '.join(sorted(set(entry.locations)))}")
        if entry.flags:
            lines.append(f"#, {', '.join(sorted(entry.flags))}")
        lines += [f"msgid {_quote(entry.msgid)}", f"msgstr {_quote(entry.msgstr)}", ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "django.po"


def translated_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def _header(language: str) -> str:
    return (
        "Project-Id-Version: Tandem\n"
        f"Language: {language}\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        "X-Review-Status: first draft, needs review by fluent speakers\n"
    )


def update_catalogue(language: str, messages: dict[str, list[str]]) -> list[str]:
    """Brings one catalogue in line with the sources; returns the msgids still untranslated."""
    path = po_path(language)
    known = {e.msgid: e for e in read_po(path)[1]} if path.exists() else {}
    entries = []
    for msgid, where in messages.items():
        entry = known.get(msgid) or Entry(msgid=msgid)
        entry.locations = where
        entries.append(entry)
    write_po(path, language, _header(language), entries)
    return sorted(e.msgid for e in entries if not e.msgstr or "fuzzy" in e.flags)


def compile_catalogue(language: str) -> None:
    path = po_path(language)
    subprocess.run(  # noqa: S603 - a fixed tool on our own files
        ["msgfmt", "--check-format", "-o", str(path.with_suffix(".mo")), str(path)],  # noqa: S607
        check=True,
    )
