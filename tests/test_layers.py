"""Qt stays in the GUI package; layers point down (import-linter contracts in pyproject.toml)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Contracts: 3 kept, 0 broken" in out.stdout


def test_normalizing_loads_no_qt():
    code = (
        "import sys; from annotator.normalize import normalize; "
        "normalize('婦聯(lián)'.encode()); "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_every_package_but_the_gui_is_barred_from_qt_and_placed_in_a_layer():
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    forbidden, layers, *_ = config["tool"]["importlinter"]["contracts"]
    packages = {p for p in config["tool"]["setuptools"]["packages"]
                if p.count(".") == 1 and p not in ("annotator.gui", "annotator.resources")}
    assert packages <= set(forbidden["source_modules"])
    layered = {m.strip() for layer in layers["layers"] for m in layer.split("|")}
    assert packages <= layered


def test_every_store_module_but_db_is_barred_from_sqlite3():
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    [contract] = [c for c in config["tool"]["importlinter"]["contracts"] if c.get("forbidden_modules") == ["sqlite3"]]
    store = ROOT / "src" / "annotator" / "store"
    modules = {f"annotator.store.{p.stem}" for p in store.glob("*.py") if p.stem not in ("__init__", "db")}
    assert set(contract["source_modules"]) == modules
