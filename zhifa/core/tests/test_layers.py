"""The dependency direction between apps, as docs/development.md ("Layout") declares it,
checked over every module's imports.

    core ← accounts ← org ← law | parties ← people ← discretion ← cases ← documents ← cooperation ← complaints ← oversight ← credit ← portal ← demo

An app imports only from apps below it (``law`` and ``parties`` are independent of each
other); the project's own top-level modules (urls, api, settings, testing) may import
anything. A function-local import of a zhifa module hides a dependency, so each one says
why on its line or the line above.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: Lowest first; apps on one line are independent of each other.
LAYERS: list[set[str]] = [
    {"core"},
    {"accounts"},
    {"org"},
    {"law", "parties"},
    {"people"},
    {"discretion"},
    {"cases"},
    {"documents"},
    {"cooperation"},
    {"complaints"},
    {"oversight"},
    {"credit"},
    {"portal"},
    {"demo"},
]
LAYER = {app: i for i, apps in enumerate(LAYERS) for app in apps}

#: Upward module-level imports allowed, each with its reason: (importing module, imported app).
EXCEPTIONS = {
    # The catalogue of powers is edited and shown with the articles it rests on: org's
    # pages and API name law's articles and violation items (org's models name them by
    # string, and org's domain modules never import law).
    ("zhifa.org.api", "law"): "powers name their articles and violation items",
    ("zhifa.org.forms", "law"): "powers name their articles and violation items",
    ("zhifa.org.filters", "law"): "powers are filtered by the violation item they cover",
}

#: Paths whose function-local imports are not yet checked (none left: a path joins only
#: while another branch's work on it is pending).
LOCAL_IMPORT_PENDING = ()


@dataclass(frozen=True)
class Import:
    module: str  # the importing module
    target: str  # the imported zhifa module
    line: int
    local: bool
    commented: bool


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _app(module: str) -> str | None:
    """The app a zhifa module belongs to; None for the project's top-level modules."""
    parts = module.split(".")
    if len(parts) < 2 or not (ROOT / "zhifa" / parts[1] / "apps.py").exists():
        return None
    return parts[1]


def imports_of(path: Path) -> list[Import]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    module = _module_name(path)
    found: list[Import] = []

    def commented(node) -> bool:
        here = lines[node.lineno - 1]
        above = lines[node.lineno - 2].strip() if node.lineno > 1 else ""
        return "#" in here or above.startswith("#")

    def visit(node, local: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = local or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            targets: list[str] = []
            if isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                if child.module == "zhifa":
                    targets = [f"zhifa.{a.name}" for a in child.names]
                elif child.module.startswith("zhifa."):
                    targets = [child.module]
            elif isinstance(child, ast.Import):
                targets = [a.name for a in child.names if a.name.startswith("zhifa.")]
            for target in targets:
                found.append(Import(module, target, child.lineno, local, commented(child)))
            visit(child, inner)

    visit(ast.parse(source), False)
    return found


def _sources():
    for path in sorted((ROOT / "zhifa").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if "/migrations/" in rel or "/tests/" in rel:
            continue
        yield rel, path


def test_every_app_has_a_layer():
    apps = {p.parent.name for p in (ROOT / "zhifa").glob("*/apps.py")}
    assert apps <= set(LAYER), f"declare the layer of {sorted(apps - set(LAYER))} in LAYERS and docs/development.md"


def test_apps_import_only_from_apps_below_them():
    wrong = []
    for rel, path in _sources():
        for imp in imports_of(path):
            source, target = _app(imp.module), _app(imp.target)
            if imp.local or source is None or target is None or source == target:
                continue
            if LAYER[target] < LAYER[source]:
                continue
            reason = EXCEPTIONS.get((imp.module, target)) or EXCEPTIONS.get((imp.module.rsplit(".", 1)[0], target))
            if reason is None:
                wrong.append(f"{rel}:{imp.line}: {source} imports {imp.target} ({target} is not below {source})")
    assert not wrong, "\n".join(wrong)


def test_function_local_imports_say_why():
    hidden = []
    for rel, path in _sources():
        if rel.startswith(LOCAL_IMPORT_PENDING):
            continue
        hidden += [f"{rel}:{i.line}: {i.target}" for i in imports_of(path) if i.local and not i.commented]
    assert not hidden, "import at module level, or say why on the line or the line above:\n" + "\n".join(hidden)


def _is_services(rel: str) -> bool:
    parts = rel.split("/")
    return parts[-1] == "services.py" or "services" in parts[:-1]


def _private_uses(tree) -> list[str]:
    """``services._x`` attributes and ``from ….services import _x`` names in a module."""
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[-1] == "services") or (
            isinstance(node, ast.ImportFrom) and node.module and ".services." in f"{node.module}."
        ):
            found += [f"{node.module}.{a.name}" for a in node.names if a.name.startswith("_")]
        elif isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            value = node.value
            name = value.id if isinstance(value, ast.Name) else getattr(value, "attr", "")
            if name == "services" or name.endswith("_services"):
                found.append(f"{name}.{node.attr}")
    return found


def test_nothing_outside_an_apps_services_uses_their_private_helpers():
    """Issue 8: a service's private helper is the service's; reads and other apps use what it
    exports (a read it needs belongs in a read module: e.g. zhifa.discretion.versions)."""
    wrong = []
    everything = sorted(p for p in (ROOT / "zhifa").rglob("*.py") if "/migrations/" not in p.as_posix())
    for path in everything + sorted((ROOT / "tests").rglob("*.py")):  # the tests too
        rel = path.relative_to(ROOT).as_posix()
        if _is_services(rel) or path == Path(__file__):
            continue
        wrong += [f"{rel}: {use}" for use in _private_uses(ast.parse(path.read_text(encoding="utf-8")))]
    assert not wrong, "\n".join(wrong)


#: Modules that only read, in every app: they never import the services (CONVENTIONS.md §1).
READ_MODULES = ("selectors", "presenters", "facts", "filters", "versions")


def test_no_read_module_imports_the_services():
    wrong = []
    for rel, path in _sources():
        if Path(rel).stem not in READ_MODULES:
            continue
        for imp in imports_of(path):
            if imp.target.split(".")[-1] == "services" or ".services." in f"{imp.target}.":
                wrong.append(f"{rel}:{imp.line}: imports {imp.target}")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("zhifa"):
                wrong += [
                    f"{rel}:{node.lineno}: imports {node.module}.services" for a in node.names if a.name == "services"
                ]
    assert not wrong, "\n".join(wrong)


def test_the_checks_see_upward_and_hidden_imports(tmp_path, monkeypatch):
    pkg = tmp_path / "zhifa" / "org"
    pkg.mkdir(parents=True)
    (pkg / "apps.py").write_text("")
    sample = pkg / "services.py"
    sample.write_text(
        "from zhifa.cases.models import Case\n"
        "def f():\n"
        "    from zhifa.people.models import Officer\n"
        "def g():\n"
        "    # people sits above org: read at call time\n"
        "    from zhifa.people.models import Officer\n"
    )
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", tmp_path)
    found = imports_of(sample)
    assert [(i.target, i.local, i.commented) for i in found] == [
        ("zhifa.cases.models", False, False),
        ("zhifa.people.models", True, False),
        ("zhifa.people.models", True, True),
    ]
    assert _app("zhifa.org.services") == "org" and _app("zhifa.testing") is None
