"""The shape of the app, checked: reads sit beneath writes (no read module imports the
services), and nothing outside the services uses their private helpers."""

import ast
import importlib
import re
from pathlib import Path

import pytest

from zhifa.cases import services
from zhifa.cases.forms import FORMS
from zhifa.cases.transitions import TRANSITIONS

APP = Path(__file__).resolve().parent.parent
#: Modules that only read; they may not import the services (CONVENTIONS.md §1).
READS = (
    "selectors.py",
    "presenters.py",
    "facts.py",
    "obligations.py",
    "checklist.py",
    "periods.py",
    "rules.py",
    "waiting.py",
)


def _imports(path: Path) -> list[tuple[str, str]]:
    """(module, name) for every import in ``path`` (name "" for ``import module``)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found += [(node.module, a.name) for a in node.names]
        elif isinstance(node, ast.Import):
            found += [(a.name, "") for a in node.names]
    return found


def _outside_services():
    return [p for p in APP.rglob("*.py") if "services" not in p.relative_to(APP).parts[:1] and "tests" not in p.parts]


@pytest.mark.parametrize("name", READS)
def test_reads_never_import_the_services(name):
    for module, imported in _imports(APP / name):
        assert not module.startswith("zhifa.cases.services"), f"{name} imports {module}"
        assert not (module == "zhifa.cases" and imported == "services"), f"{name} imports the services"


def test_nothing_outside_the_services_uses_their_private_helpers():
    public = set(services.__all__)
    for path in _outside_services():
        for module, imported in _imports(path):
            if module.startswith("zhifa.cases.services"):
                assert module == "zhifa.cases.services" and imported in public, f"{path.name}: {module}.{imported}"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "services":
                assert node.attr in public, f"{path.name} uses services.{node.attr}"


def _acts_by_section() -> dict[str, str]:
    """{act: section} from transitions.py, whose section headers name the services module."""

    source = (APP / "transitions.py").read_text(encoding="utf-8")
    headers = {
        i + 1: m.group(1)
        for i, line in enumerate(source.splitlines())
        if (m := re.search(r"# ---.*\(services/(\w+)\.py\)", line))
    }
    found = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "T":
            section = headers[max(line for line in headers if line < node.lineno)]
            found[node.args[0].value] = section
    return found


def test_an_act_has_one_module_name_in_every_layer():
    """A section of the transitions table is services/<section>.py, api/<section>.py and forms/<section>.py."""

    acts = _acts_by_section()
    assert set(acts) == set(TRANSITIONS)
    for act, section in acts.items():
        service = getattr(services, act)
        assert service.__module__ == f"zhifa.cases.services.{section}", f"{act} is in {service.__module__}"
        api_module = importlib.import_module(f"zhifa.cases.api.{section}")
        assert callable(getattr(api_module, act, None)), f"{act} has no operation in api/{section}.py"
        if act in FORMS:
            assert FORMS[act].__module__ == f"zhifa.cases.forms.{section}", (
                f"{act}'s form is in {FORMS[act].__module__}"
            )
