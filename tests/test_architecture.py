"""The package's layout is its flow: load → validate → model → pages → site, shared leaves below,
the faces on top. Every import of every module (function-local ones too) is read from its
source; an import cycle, or an import from a later stage into an earlier one, fails the suite
naming both modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "scripts" / "dvk"

# Each room of the house and its floor: a room may import only rooms on lower floors (and itself).
FLOORS = {
    # shared leaves
    "text": 0, "schema": 0, "urls": 0, "diagnostics": 0, "progress": 0, "project": 0, "settings": 0,
    "caching": 0, "collector": 0,
    "media": 1,
    # the stages, in flow order
    "load": 1, "validate": 2, "model": 3, "stats": 4, "pages": 5, "contribute": 5, "site": 6,
    # after the built site: serving it (nginx) and sending it to other hosts; beside the conductor
    "hosting": 7,
    # the conductor, then the faces: the command line drives the engine through the MkDocs face
    "pipeline": 7, "findings": 8, "mkdocs": 9, "cli": 10, "__main__": 11,
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """The dvk modules `path` imports, resolved to absolute names."""
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.split(".")[0] == "dvk")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            else:
                target = node.module or ""
            if target.split(".")[0] != "dvk":
                continue
            for alias in node.names:  # `from . import urls` names a module, `from .x import y` a name
                candidate = f"{target}.{alias.name}"
                found.add(candidate if _is_module(candidate) else target)
    return {name for name in found if name != here}


def _is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


MODULES = {module_name(p): imports_of(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_every_room_of_the_package_has_a_floor() -> None:
    rooms = {room(m) for m in MODULES} - {"__init__"}
    assert rooms <= set(FLOORS), f"rooms without a floor in this test: {sorted(rooms - set(FLOORS))}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_a_later_stage(module: str) -> None:
    if room(module) == "__init__":
        return
    floor = FLOORS[room(module)]
    wrong = sorted(target for target in MODULES[module]
                   if room(target) != room(module) and FLOORS.get(room(target), -1) >= floor)
    assert not wrong, f"{module} (floor {floor}) imports {', '.join(wrong)} from the same or a later floor"


def test_no_import_cycle_in_the_package() -> None:
    graph = {m: {t for t in targets if t in MODULES} for m, targets in MODULES.items()}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for child in sorted(graph[node]):
            if state.get(child) == 1:
                circle = [*path[path.index(child):], child]
                pytest.fail(f"import cycle: {' → '.join(circle)} ({circle[-2]} imports {child})")
            if child not in state:
                visit(child)
        path.pop()
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)


def test_the_checker_of_these_tests_sees_a_back_arrow(tmp_path: Path) -> None:
    """The test of the test: an import from pages into pipeline is seen as one."""
    fake = tmp_path / "dvk" / "pages"
    fake.mkdir(parents=True)
    source = fake / "bad.py"
    source.write_text("from ..pipeline import build\nfrom . import base\n", encoding="utf-8")
    global PACKAGE
    saved, PACKAGE = PACKAGE, tmp_path / "dvk"
    try:
        (tmp_path / "dvk" / "pipeline.py").write_text("", encoding="utf-8")
        (fake / "base.py").write_text("", encoding="utf-8")
        assert imports_of(source) == {"dvk.pipeline", "dvk.pages.base"}
    finally:
        PACKAGE = saved
