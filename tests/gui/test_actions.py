"""The window's actions own what they make: nothing is set on the window from outside it."""

import ast
from importlib.util import find_spec
from pathlib import Path


def test_the_actions_set_no_attribute_on_the_window():
    tree = ast.parse(Path(find_spec("annotator.gui.actions").origin).read_text(encoding="utf-8"))
    window_names = {"w", "window"}
    set_on_window = [
        ast.unparse(target) for node in ast.walk(tree) if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign))
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        for t in ast.walk(target)
        if isinstance(t, ast.Attribute) and (
            (isinstance(t.value, ast.Name) and t.value.id in window_names)
            or (isinstance(t.value, ast.Attribute) and t.value.attr == "w"))
        and isinstance(t.ctx, ast.Store)
    ]
    assert set_on_window == []
