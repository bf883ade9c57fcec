"""Changes to the label schema as undoable commands, like the span commands:
add a label, change one (rename, colour, hotkey, names, kind, attributes),
remove one with its spans deleted or moved to another label, or take in a
shared schema.  They touch no single document; a view that shows labels
rereads them after any of these."""

from __future__ import annotations

import json
import tomllib

from dataclasses import dataclass, field, replace
from typing import Any

from ..store import Label, Project
from ..store.models import LinkType, Relation, Span
from .commands import Command


class _Schema(Command):
    document_id = -1  # no document
    document_ids: tuple[int, ...] = ()
    span_ids: tuple[int, ...] = ()
    changes_labels = True


@dataclass
class AddLabel(_Schema):
    label: Label

    @property
    def text(self) -> str:
        return f"add label {self.label.name}"

    def do(self, project: Project) -> None:
        project.add_label(self.label)

    def undo(self, project: Project) -> None:
        project.remove_label(self.label.name)


@dataclass
class UpdateLabel(_Schema):
    name: str
    label: Label
    _old: Label | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return f"change label {self.name}"

    def do(self, project: Project) -> None:
        self._old = project.label(self.name)
        project.update_label(self.name, self.label)

    def undo(self, project: Project) -> None:
        assert self._old is not None
        project.update_label(self.label.name, self._old)


@dataclass
class RemoveLabel(_Schema):
    """Remove a label; its spans are deleted, or moved to ``relabel_to``."""

    name: str
    relabel_to: str | None = None
    _label: Label | None = field(default=None, repr=False)
    _position: int = 0
    _moved: list[int] = field(default_factory=list, repr=False)
    _deleted: list[Span] = field(default_factory=list, repr=False)
    _relations: list[Relation] = field(default_factory=list, repr=False)
    _link_types: list[LinkType] = field(default_factory=list, repr=False)

    @property
    def text(self) -> str:
        return f"remove label {self.name}"

    def do(self, project: Project) -> None:
        self._label = project.label(self.name)
        self._position = project.label_position(self.name)
        self._link_types = [lt for lt in project.link_types() if self.name in (lt.head, lt.tail)]
        spans = project.spans_with_label(self.name)
        if self.relabel_to is None:
            self._deleted = spans
            self._relations = project.relations_of_spans([s.id for s in spans])
        else:
            self._moved = [s.id for s in spans]
        project.remove_label(self.name, delete_spans=self.relabel_to is None, relabel_to=self.relabel_to)

    def undo(self, project: Project) -> None:
        assert self._label is not None
        project.restore_label(self._label, self._position, moved=self._moved, deleted=self._deleted,
                      relations=self._relations, link_types=self._link_types)


@dataclass
class ImportSchema(_Schema):
    """A shared schema taken in: its labels added or changed to match; labels it
    does not name stay.  One undo step."""

    labels: list[Label]
    _done: list[Any] = field(default_factory=list, repr=False)

    @property
    def text(self) -> str:
        return "import the label schema"

    def do(self, project: Project) -> None:
        current = {label.name: label for label in project.labels()}
        steps: list[Any] = [UpdateLabel(label.name, label) if label.name in current else AddLabel(label)
                            for label in self.labels if current.get(label.name) != label]
        # a hotkey may move from one label to another: free the hotkeys first
        freed = [UpdateLabel(name, replace(old, hotkey=None)) for name, old in current.items()
                 if old.hotkey and any(new.hotkey == old.hotkey and new.name != name for new in self.labels)]
        self._done = []
        try:
            for step in freed + steps:
                step.do(project)
                self._done.append(step)
        except BaseException:
            self.undo(project)
            raise

    def undo(self, project: Project) -> None:
        while self._done:
            self._done.pop().undo(project)


# sharing a schema as TOML -------------------------------------------------------------
def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_toml(k)} = {_toml(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def schema_toml(labels: list[Label], link_types: list[LinkType]) -> str:
    """The label schema in the form of ``resources/labels.toml``, for another project."""
    lines = ["# An annotator label schema: Labels → Import schema… takes it into a project.", "", "version = 1"]
    for label in labels:
        lines += ["", "[[label]]", f"name = {_toml(label.name)}", f"kind = {_toml(label.kind)}",
                  f"zh = {_toml(label.zh)}", f"en = {_toml(label.en)}", f"color = {_toml(label.color)}"]
        if label.hotkey:
            lines.append(f"hotkey = {_toml(label.hotkey)}")
        if label.attributes:
            lines.append(f"attributes = {_toml(label.attributes)}")
    for lt in link_types:
        lines += ["", "[[link]]", f"type = {_toml(lt.type)}", f"head = {_toml(lt.head)}", f"tail = {_toml(lt.tail)}"]
    return "\n".join(lines) + "\n"


class SchemaError(ValueError):
    """A schema file that cannot be taken in; the message says where and why."""


def read_schema(text: str, where: str) -> list[Label]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SchemaError(f"{where}: not TOML ({exc})") from None
    labels = []
    for n, d in enumerate(data.get("label", []), 1):
        try:
            labels.append(Label(d["name"], d["kind"], d["zh"], d["en"], d["color"], d.get("hotkey"),
                                d.get("attributes", {})))
        except (KeyError, TypeError) as exc:
            raise SchemaError(f"{where}: label {n} lacks {exc}") from None
    if not labels:
        raise SchemaError(f"{where}: no [[label]] tables")
    return labels
