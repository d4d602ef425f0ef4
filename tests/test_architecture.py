"""The shape of the code: the pure core knows nothing of Qt or SQL (style.md pattern 1).

A static scan of the import statements, so a forbidden import fails here even when it sits in
a function that no other test calls.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "jixiao_desktop"

FORBIDDEN = {
    "domain": ("PySide6", "sqlalchemy", "alembic", "openpyxl", "reportlab", "jixiao_desktop.storage",
               "jixiao_desktop.exporters", "jixiao_desktop.ui"),
    "storage": ("PySide6", "jixiao_desktop.ui", "jixiao_desktop.exporters"),
    "exporters": ("PySide6", "sqlalchemy", "jixiao_desktop.ui", "jixiao_desktop.storage"),
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports(layer: str) -> None:
    files = sorted((PACKAGE / layer).rglob("*.py"))
    assert files, f"no modules found in {layer}"
    offenders = []
    for path in files:
        for name in imported_modules(path):
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[layer]):
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert not offenders, "\n".join(offenders)


def test_no_float_money_in_the_core() -> None:
    """Amount code never converts through float (9344.54 + 30640.95 must be 39985.49)."""
    offenders = []
    for layer in ("domain", "storage", "exporters"):
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            source = path.read_text(encoding="utf-8")
            lines = source.splitlines()
            tree = ast.parse(source)
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "float":
                    if "# not money:" in lines[node.lineno - 1]:  # a reviewed exception, said why
                        continue
                    offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert not offenders, "float() in the money path: " + ", ".join(offenders)


def _tool(name: str) -> str | None:
    import shutil
    import sys

    candidate = Path(sys.executable).with_name(name)
    return str(candidate) if candidate.exists() else shutil.which(name)


def test_lint_is_clean() -> None:
    """ruff with the rules in pyproject.toml: unused imports, bugbear, pyupgrade, simplify."""
    import subprocess

    ruff = _tool("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (pip install -e .[test])")
    root = PACKAGE.parent
    result = subprocess.run([ruff, "check", "--no-cache", "jixiao_desktop", "tests", "scripts", "benchmarks"],
                            cwd=root, capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0, result.stdout + result.stderr


def test_types_check() -> None:
    """mypy over the package (strict-ish for the core: every function typed)."""
    import subprocess

    mypy = _tool("mypy")
    if mypy is None:
        pytest.skip("mypy is not installed (pip install -e .[test])")
    root = PACKAGE.parent
    result = subprocess.run([mypy, "jixiao_desktop"], cwd=root, capture_output=True, text=True,
                            encoding="utf-8", timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_contracts_hold() -> None:
    """import-linter with the contracts in pyproject.toml: one layers contract over every package
    (entry points → window → use cases → … → core → helpers) and "no Qt below the window",
    counting indirect imports too."""
    import subprocess

    lint_imports = _tool("lint-imports")
    if lint_imports is None:
        pytest.skip("import-linter is not installed (pip install -e .[test])")
    result = subprocess.run([lint_imports, "--no-cache"], cwd=PACKAGE.parent, capture_output=True, text=True,
                            encoding="utf-8", timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout and "Layers" in result.stdout


def test_the_layers_name_every_package() -> None:
    """A new package or top-level module is placed in the layers contract, not left outside it
    (where any import would pass)."""
    import tomllib

    config = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    layers = next(c["layers"] for c in contracts if c["type"] == "layers")
    named = {name.strip().removeprefix("jixiao_desktop.") for layer in layers for name in layer.split("|")}
    present = {p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    present |= {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert present - named == set(), f"not in the layers contract (pyproject.toml): {sorted(present - named)}"


MAX_MODULE_LINES = 500  # past this a module is worth a look: a warning in the test summary
HARD_MODULE_LINES = 1000  # past this it fails: split it by meaning
MAX_WINDOW_LINES = 400
# Modules allowed past 500 lines, each with why (split by meaning, never to pass a count).
LONG_MODULES: dict[str, str] = {
    "domain/exchange.py": "the one reader and writer of the exchange format: its keys, bounds, canonical "
                          "text and the signed fingerprint belong together",
    "ui/editor/editor.py": "the one undo stack: every kind of edit (text, rows, items, sources, stage) as a "
                           "command, and which tab shows a path; each tab is already a module of its own",
}


class ModuleSizeWarning(UserWarning):
    """A module over ``MAX_MODULE_LINES`` that is not a named exception (shown, not failed)."""


def test_modules_stay_small() -> None:
    """Over 500 lines: a warning unless named in ``LONG_MODULES``; over 1000: fails (generated
    Designer forms and migrations aside); the window ≤ 400."""
    import warnings

    too_long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith("ui/forms/") or "/migrations/" in relative:
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > HARD_MODULE_LINES:
            too_long.append(f"{relative}: {lines}")
        elif lines > MAX_MODULE_LINES and relative not in LONG_MODULES:
            warnings.warn(f"{relative}: {lines} lines (over {MAX_MODULE_LINES}): split it by meaning, "
                          "or name it in LONG_MODULES with why", ModuleSizeWarning, stacklevel=1)
    assert not too_long, f"modules over {HARD_MODULE_LINES} lines: " + ", ".join(too_long)
    window = PACKAGE / "ui" / "main_window.py"
    assert len(window.read_text(encoding="utf-8").splitlines()) <= MAX_WINDOW_LINES


# Import cycles not yet broken (issue 21), each named: one may shrink, none may grow, a new one
# fails. Remove an entry when its cycle is gone (the test says so).
KNOWN_CYCLES: dict[str, frozenset[str]] = {
    "exporters.xlsx: reader ⇄ reader_tabular (issue 16)": frozenset({
        "exporters.xlsx.reader", "exporters.xlsx.reader_tabular"}),
    "storage: integrity below db and above the repository (issue 21 §4)": frozenset({
        "storage.backups", "storage.db", "storage.hold", "storage.integrity", "storage.listing",
        "storage.mapping", "storage.repository"}),
}


def _cycles(imports: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
    for root in sorted(imports):
        if root in index:
            continue
        work = [(root, iter(sorted(imports[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(imports.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(frozenset(component))
    return found


def test_no_import_cycles() -> None:
    """No two modules import each other, directly or round a circle (imports inside functions
    and under TYPE_CHECKING count: they are dependencies too), beyond the named ones."""
    grimp = pytest.importorskip("grimp")
    graph = grimp.build_graph("jixiao_desktop", cache_dir=None)
    prefix = "jixiao_desktop."
    imports = {m.removeprefix(prefix): {i.removeprefix(prefix) for i in graph.find_modules_directly_imported_by(m)}
               for m in graph.modules}
    cycles = _cycles(imports)
    new = [sorted(c) for c in cycles if not any(c <= known for known in KNOWN_CYCLES.values())]
    assert not new, "import cycles: " + "; ".join(" ⇄ ".join(c) for c in new)
    gone = [name for name, known in KNOWN_CYCLES.items() if not any(c & known for c in cycles)]
    assert not gone, "broken, remove from KNOWN_CYCLES: " + "; ".join(gone)
