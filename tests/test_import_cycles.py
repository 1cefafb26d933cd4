"""The package mlop_cli has no import cycle among its modules.

Read with ``ast``: module-level imports only (those inside ``if TYPE_CHECKING:`` are left out,
they never run). An import inside a function is a lazy edge, taken when the function runs, and
does not count: it is how heavy or late dependencies are loaded (STYLE.md, habit 12).
"""

from __future__ import annotations

import ast
from pathlib import Path

import mlop_cli

PACKAGE = Path(mlop_cli.__file__).resolve().parent


def _module_name(path: Path, package: Path) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _top_level_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Imports that run when the module is imported: the module's body, and inside its
    top-level if/try/with blocks, but not in functions, classes' methods or TYPE_CHECKING."""
    found: list[ast.Import | ast.ImportFrom] = []
    pending: list[ast.stmt] = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        elif isinstance(node, ast.If):
            if not _is_type_checking(node.test):
                pending.extend(node.body)
            pending.extend(node.orelse)
        elif isinstance(node, ast.Try):
            pending.extend(node.body + node.orelse + node.finalbody)
            for handler in node.handlers:
                pending.extend(handler.body)
        elif isinstance(node, ast.With | ast.ClassDef):
            pending.extend(node.body)
    return found


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Module -> the package's modules it imports at import time."""
    paths = {_module_name(path, package): path for path in package.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in paths}
    for name, path in paths.items():
        is_package = path.name == "__init__.py"
        for node in _top_level_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                if node.level:
                    base = name.split(".")
                    base = base[: len(base) - node.level + (1 if is_package else 0)]
                    module = ".".join(base + ([node.module] if node.module else []))
                else:
                    module = node.module or ""
                # `from pkg import mod` imports the module pkg.mod; `from mod import name` mod.
                targets = [f"{module}.{alias.name}" for alias in node.names] + [module]
            for target in targets:
                # Importing a.b.c runs a and a.b first: each is an edge.
                parts = target.split(".")
                for end in range(1, len(parts) + 1):
                    prefix = ".".join(parts[:end])
                    if prefix in graph and prefix != name:
                        graph[name].add(prefix)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph as its modules in order (the first repeated at the end), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return path[path.index(target) :] + [target]
            if target not in state:
                cycle = visit(target)
                if cycle:
                    return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


def _is_ancestor_edge(source: str, target: str) -> bool:
    # A module imports its own package's __init__ first, always: not a cycle that matters
    # unless the __init__ imports back, which the other edges show.
    return source.startswith(target + ".")


def test_the_package_has_no_import_cycle() -> None:
    graph = {
        source: {t for t in targets if not _is_ancestor_edge(source, t)}
        for source, targets in import_graph().items()
    }
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_graph_sees_a_cycle(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "a.py").write_text("from pkg.sub import b\n")
    (package / "sub" / "b.py").write_text("from .. import c\n")
    (package / "c.py").write_text("import pkg.a\n\ndef later():\n    from pkg import d\n")
    (package / "d.py").write_text("from pkg import c\n")
    graph = import_graph(package)
    assert graph["pkg.d"] == {"pkg", "pkg.c"}
    assert "pkg.d" not in graph["pkg.c"]  # a lazy import is not an edge
    cycle = find_cycle({s: {t for t in ts if t != "pkg"} for s, ts in graph.items()})
    assert cycle == ["pkg.a", "pkg.sub.b", "pkg.c", "pkg.a"]
