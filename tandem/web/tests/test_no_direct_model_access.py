"""Views reach people's records only through tandem.access (and services for writes).

A view or API module that names a person-level model's manager (`Woman.objects`,
`Pregnancy.history`, ...) or calls `get_object_or_404` fails here: it would bypass the
access policy and the audit trail.
"""

import ast
from pathlib import Path

import tandem
from tandem.core.privacy import all_field_classes

# Every model with a privacy classification holds a person's data.
PERSON_MODELS = {label.split(".")[1] for label in all_field_classes()}
MANAGERS = {"objects", "_default_manager", "_base_manager", "history"}
SHORTCUTS = {"get_object_or_404", "get_list_or_404"}
ROOT = Path(tandem.__file__).resolve().parent


def view_modules() -> list[Path]:
    """Modules named views.py or api.py, or under a views/ or api/ package, outside tests."""
    found = []
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT).parts
        if "tests" in parts or "migrations" in parts:
            continue
        if path.stem in ("views", "api") or {"views", "api"} & set(parts[:-1]):
            found.append(path)
    return sorted(found)


def forbidden_uses(source: str) -> list[str]:
    problems = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Attribute)
            and node.attr in MANAGERS
            and isinstance(node.value, ast.Name)
            and node.value.id in PERSON_MODELS
        ):
            problems.append((node.lineno, f"{node.value.id}.{node.attr}"))
        elif isinstance(node, ast.ImportFrom):
            problems += [(node.lineno, a.name) for a in node.names if a.name in SHORTCUTS]
        elif isinstance(node, ast.Name | ast.Attribute):
            name = node.id if isinstance(node, ast.Name) else node.attr
            if name in SHORTCUTS:
                problems.append((node.lineno, name))
    return [f"line {line}: {what}" for line, what in sorted(problems)]


def test_view_modules_are_found():
    assert ROOT / "web" / "views" / "women.py" in view_modules()


def test_view_modules_do_not_query_person_models_directly():
    problems = {
        str(path.relative_to(ROOT)): uses
        for path in view_modules()
        if (uses := forbidden_uses(path.read_text(encoding="utf-8")))
    }
    assert not problems, f"Use tandem.access instead: {problems}"


def test_check_catches_a_direct_query():
    source = (
        "from django.shortcuts import get_object_or_404\n"
        "def page(request, pk):\n"
        "    Woman.objects.get(pk=pk)\n"
        "    Pregnancy.history.all()\n"
        "    return get_object_or_404(CareContact, pk=pk)\n"
    )
    assert forbidden_uses(source) == [
        "line 1: get_object_or_404",
        "line 3: Woman.objects",
        "line 4: Pregnancy.history",
        "line 5: get_object_or_404",
    ]
