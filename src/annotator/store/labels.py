"""The label schema: labels, their attribute definitions and the typed links allowed between them."""

from __future__ import annotations

import json
import tomllib
from importlib import resources
from typing import Any

from .db import Connection, Database, now
from .errors import AttributeInUse, InvalidEdit, LabelInUse
from .models import KINDS, Label, LinkType
from .models import _dumps


def _label_schema() -> dict[str, Any]:
    return tomllib.loads(resources.files("annotator.resources").joinpath("labels.toml").read_text("utf-8"))


def default_labels() -> list[Label]:
    """The label schema a new project starts with (``resources/labels.toml``)."""
    return [
        Label(d["name"], d["kind"], d["zh"], d["en"], d["color"], d.get("hotkey"), d.get("attributes", {}))
        for d in _label_schema()["label"]
    ]


def default_link_types() -> list[LinkType]:
    """The typed links a new (or upgraded) project starts with (``[[link]]`` in ``labels.toml``)."""
    return [LinkType(d["type"], d["head"], d["tail"]) for d in _label_schema().get("link", [])]


def check_attribute_definitions(label: str, definitions: Any) -> None:
    """Raise :class:`InvalidEdit` unless ``definitions`` is ``{name: {"type": "choice",
    "choices": [...], "optional": bool}}``, the one kind of attribute the window edits."""
    if not isinstance(definitions, dict):
        raise InvalidEdit(f"the attributes of {label} must be a table of definitions")
    for name, d in definitions.items():
        where = f"attribute {name!r} of {label}"
        if not (isinstance(name, str) and name.strip()) or not isinstance(d, dict):
            raise InvalidEdit(f"{where}: a definition needs a name and a table")
        if d.get("type", "choice") != "choice":
            raise InvalidEdit(f"{where}: only choice attributes are supported, not {d.get('type')!r}")
        choices = d.get("choices")
        if (not isinstance(choices, list) or not choices
                or not all(isinstance(c, str) and c.strip() for c in choices)):
            raise InvalidEdit(f"{where}: choices must be a list of names")
        if len(set(choices)) != len(choices):
            raise InvalidEdit(f"{where}: a choice is listed twice")
        if not isinstance(d.get("optional", False), bool):
            raise InvalidEdit(f"{where}: optional must be true or false")
        unknown = set(d) - {"type", "choices", "optional"}
        if unknown:
            raise InvalidEdit(f"{where}: unknown keys {', '.join(sorted(unknown))}")


def _orphans(old: dict[str, Any], new: dict[str, Any], attributes: dict[str, Any]) -> dict[str, Any]:
    """The values of ``attributes`` the old definitions allowed and the new ones do not."""
    return {k: v for k, v in attributes.items()
            if k in old and v in old[k].get("choices", ()) and not (k in new and v in new[k]["choices"])}


def insert_label(c: Connection, label: Label, position: int) -> None:
    c.execute(
        "INSERT INTO labels(name, kind, zh, en, color, hotkey, position, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (label.name, label.kind, label.zh, label.en, label.color, label.hotkey, position,
         _dumps(label.attributes)),
    )


class Labels(Database):
    # labels -------------------------------------------------------------------------
    def labels(self) -> list[Label]:
        return [
            Label(name, kind, zh, en, color, hotkey, json.loads(attrs))
            for name, kind, zh, en, color, hotkey, attrs in self.conn.execute(
                "SELECT name, kind, zh, en, color, hotkey, attributes FROM labels ORDER BY position, name")
        ]

    def label(self, name: str) -> Label:
        for label in self.labels():
            if label.name == name:
                return label
        raise InvalidEdit(f"{self.path}: no label {name!r}")

    def add_label(self, label: Label) -> None:
        self._check_label(label, replacing=None)
        with self._write("label_add", None, {"name": label.name}) as c:
            position = c.execute("SELECT coalesce(max(position), 0) + 1 FROM labels").fetchone()[0]
            insert_label(c, label, position)

    def update_label(self, name: str, label: Label) -> None:
        """Change a label; renaming it renames it on every span.  Attribute
        definitions that would take away values spans carry are refused
        (:class:`AttributeInUse`): :meth:`set_label_attributes` says what happens to them."""
        old = self.label(name)
        self._check_label(label, replacing=name)
        if label.attributes != old.attributes:
            count = len(self._orphaned_spans(name, old.attributes, label.attributes))
            if count:
                raise AttributeInUse(f"{self.path}: {count} spans of {name} carry attribute values the new "
                                     "definitions drop; rename or clear them first", count)
        with self._write("label_update", None, {"name": name, "new_name": label.name}) as c:
            c.execute(
                "UPDATE labels SET name = ?, kind = ?, zh = ?, en = ?, color = ?, hotkey = ?, attributes = ? "
                "WHERE name = ?",
                (label.name, label.kind, label.zh, label.en, label.color, label.hotkey,
                 _dumps(label.attributes), name),
            )

    def set_label_attributes(self, name: str, definitions: dict[str, Any], *,
                             rename: dict[str, dict[str, str]] | None = None, clear: bool = False) -> int:
        """Replace a label's attribute definitions: add a category, drop one, reword
        one.  Values spans carry stay where the new definitions still allow them.  A
        value they no longer allow moves to another choice by ``rename``
        (``{"category": {"宣讲": "思想引领/宣讲"}}``), or with ``clear=True`` is taken
        off the span; otherwise the change is refused with :class:`AttributeInUse`
        and nothing changes.  Returns how many spans changed."""
        old = self.label(name)
        try:
            check_attribute_definitions(name, definitions)
        except InvalidEdit as exc:
            raise InvalidEdit(f"{self.path}: {exc}") from None
        rename = rename or {}
        for attribute, moves in rename.items():
            for target in moves.values():
                if attribute not in definitions or target not in definitions[attribute]["choices"]:
                    raise InvalidEdit(f"{self.path}: cannot move {attribute} values to {target!r}: "
                                      "not a choice of the new definitions")
        changed: list[tuple[str, str, int]] = []
        stamp = now()
        left = 0
        for span_id, attributes in self._orphaned_spans(name, old.attributes, definitions):
            values = dict(attributes)
            for key, value in _orphans(old.attributes, definitions, attributes).items():
                target = rename.get(key, {}).get(value)
                if target is not None:
                    values[key] = target
                elif clear:
                    del values[key]
                else:
                    left += 1
                    break
            changed.append((_dumps(values), stamp, span_id))
        if left:
            raise AttributeInUse(f"{self.path}: {left} spans of {name} carry attribute values the new definitions "
                                 "drop; say which choice they move to, or clear them", left)
        details = {"name": name, "attributes": definitions, "rename": rename, "clear": clear, "spans": len(changed)}
        with self._write("label_attributes", None, details) as c:
            c.execute("UPDATE labels SET attributes = ? WHERE name = ?", (_dumps(definitions), name))
            c.executemany("UPDATE spans SET attributes = ?, updated_at = ? WHERE id = ?", changed)
        return len(changed)

    def add_attribute_choice(self, name: str, attribute: str, choice: str) -> None:
        """Add a choice (a category) at the end of an attribute's list."""
        definitions = json.loads(json.dumps(self.label(name).attributes))
        if attribute not in definitions:
            raise InvalidEdit(f"{self.path}: label {name} has no attribute {attribute!r}")
        definitions[attribute]["choices"].append(choice)
        self.set_label_attributes(name, definitions)

    def _orphaned_spans(self, name: str, old: dict[str, Any], new: dict[str, Any]) -> list[tuple[int, dict]]:
        """Spans of label ``name`` with a value ``old`` allowed and ``new`` does not."""
        if all(k in new and set(d.get("choices", ())) <= set(new[k]["choices"]) for k, d in old.items()):
            return []
        rows = self.conn.execute("SELECT id, attributes FROM spans WHERE label = ? AND attributes != '{}'", (name,))
        out = []
        for span_id, text in rows:
            attributes = json.loads(text)
            if _orphans(old, new, attributes):
                out.append((span_id, attributes))
        return out

    def remove_label(self, name: str, *, delete_spans: bool = False, relabel_to: str | None = None) -> int:
        """Remove a label.  If spans carry it, the caller must say what happens to them:
        ``delete_spans=True`` or ``relabel_to=OTHER``; otherwise :class:`LabelInUse`.
        Returns how many spans were deleted or relabelled."""
        self.label(name)
        count = self._one("SELECT count(*) FROM spans WHERE label = ?", name)
        if count and not delete_spans and relabel_to is None:
            raise LabelInUse(f"{self.path}: label {name} is on {count} spans; delete them or move them "
                             "to another label", count)
        if relabel_to is not None:
            if relabel_to == name:
                raise InvalidEdit(f"{self.path}: cannot move the spans of {name} to itself")
            self.label(relabel_to)
        with self._write("label_remove", None, {"name": name, "spans": count, "relabel_to": relabel_to}) as c:
            if relabel_to is not None:
                c.execute("UPDATE spans SET label = ?, updated_at = ? WHERE label = ?", (relabel_to, now(), name))
            else:
                c.execute("DELETE FROM spans WHERE label = ?", (name,))
            c.execute("DELETE FROM labels WHERE name = ?", (name,))
        return count

    def _check_label(self, label: Label, replacing: str | None) -> None:
        try:
            check_attribute_definitions(label.name, label.attributes)
        except InvalidEdit as exc:
            raise InvalidEdit(f"{self.path}: {exc}") from None
        if not label.name or not label.name.replace("_", "").replace("-", "").isalnum():
            raise InvalidEdit(f"{self.path}: a label name needs letters or digits, not {label.name!r}")
        if label.kind not in KINDS:
            raise InvalidEdit(f"{self.path}: label kind must be one of {', '.join(KINDS)}, not {label.kind!r}")
        for other in self.labels():
            if other.name == replacing:
                continue
            if other.name == label.name:
                raise InvalidEdit(f"{self.path}: there is already a label {label.name}")
            if label.hotkey and other.hotkey == label.hotkey:
                raise InvalidEdit(f"{self.path}: hotkey {label.hotkey} already belongs to {other.name}")

    # typed links ------------------------------------------------------------------------
    def link_types(self) -> list[LinkType]:
        return [LinkType(*row) for row in self.conn.execute(
            "SELECT type, head, tail FROM link_types ORDER BY type, head, tail")]

    def add_link_type(self, type: str, head: str, tail: str) -> None:
        """Allow links of ``type`` from spans labelled ``head`` to spans labelled ``tail``."""
        self.label(head), self.label(tail)
        if not type or not type.strip():
            raise InvalidEdit(f"{self.path}: a link type needs a name")
        with self._write("link_type_add", None, {"type": type, "head": head, "tail": tail}) as c:
            c.execute("INSERT OR IGNORE INTO link_types(type, head, tail) VALUES (?, ?, ?)", (type, head, tail))

    def remove_link_type(self, type: str, head: str, tail: str) -> None:
        """Stop offering a link type between two labels; links already made stay."""
        with self._write("link_type_remove", None, {"type": type, "head": head, "tail": tail}) as c:
            c.execute("DELETE FROM link_types WHERE type = ? AND head = ? AND tail = ?", (type, head, tail))
