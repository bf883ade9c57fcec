"""brat's own rules for a collection, as its server applies them when it opens
a document (nlplab/brat: ``server/src/annotation.py``,
``TextAnnotations._parse_textbound_annotation`` and
``Annotations._parse_*``; ``server/src/projectconfig.py``,
``__read_term_hierarchy`` and ``TypeHierarchyNode``), written again for
Python 3 so the exports can be checked without a brat server:

* the .txt is read with universal newlines, the .ann line by line as
  ``splitlines`` ends lines (brat runs on Python 2's ``codecs`` reader);
* a text-bound's fragments lie in the text, do not overlap or touch, and its
  text is exactly the fragments' text joined by one space;
* annotation.conf: outside ``[labels]`` a line is a term and white-space
  separated arguments, split on ``,``; each argument is ``key:values`` with no
  white space, values split on ``|`` and none empty -- else brat falls back to
  its default configuration, where every type is unknown;
* every type, attribute value and relation is one the configuration names.
"""

from __future__ import annotations

import re
from pathlib import Path


def parse_conf(text: str) -> dict[str, dict[str, list[str]]]:
    """Section -> term -> argument values; raises ValueError where brat fails."""
    sections: dict[str, dict[str, list[str]]] = {}
    section = "general"
    for line in text.split("\n"):
        m = re.match(r"^\s*\[(.*)\]\s*$", line)
        if m:
            section = m.group(1)
            sections.setdefault(section, {})
            continue
        if not line.strip() or re.match(r"^\s*#", line):
            continue
        m = re.match(r"^(\s*)(\S+)(?:\s+(.*))?$", line)
        if not m:
            raise ValueError(f"[{section}] {line!r}: not a term")
        _, terms, args = m.groups()
        values: list[str] = []
        for arg in [a.strip() for a in (args or "").split(",") if a.strip()]:
            am = re.match(r"^(\S*?):(\S*)$", arg)
            if not am:
                raise ValueError(f"[{section}] {line!r}: argument {arg!r} does not parse")
            for atype in am.group(2).split("|"):
                if not atype.strip():
                    raise ValueError(f"[{section}] {line!r}: empty value")
                if am.group(1) == "Value":
                    values.append(atype)
        sections.setdefault(section, {})[terms.split("|")[0]] = values
    return sections


def check_collection(folder: Path) -> tuple[list[str], int]:
    """The errors brat reports for the collection, and the number of text-bounds read."""
    conf = parse_conf((folder / "annotation.conf").read_text("utf-8"))
    entities, relations, attributes = conf["entities"], conf["relations"], conf["attributes"]
    errors, textbounds = [], 0
    for ann in sorted(folder.glob("*.ann")):
        with open(ann.with_suffix(".txt"), encoding="utf-8", newline=None) as f:  # universal newlines
            text = f.read()
        ids: set[str] = set()
        for number, line in enumerate(ann.read_text("utf-8").splitlines(True), 1):
            where = f"{ann.name}:{number}"
            key, tab, tail = line.partition("\t")
            if not tab:
                errors.append(f"{where}: no tab")
                continue
            data, tab, data_tail = tail.partition("\t")
            data_tail = tab + data_tail
            if key.startswith("T"):
                kind, _, rest = data.partition(" ")
                try:
                    spans = [tuple(int(x) for x in part.split(" ", 2)) for part in rest.split(";")]
                    assert all(len(s) == 2 for s in spans)
                except (ValueError, AssertionError):
                    errors.append(f"{where}: offsets {rest!r}")
                    continue
                seen: list[tuple[int, int]] = []
                for start, end in spans:
                    if start > end or start < 0 or end > len(text):
                        errors.append(f"{where}: {start} {end} outside the text")
                    if any(end >= o_start and start < o_end for o_start, o_end in seen):
                        errors.append(f"{where}: fragments overlap")
                    seen.append((start, end))
                spanlen = sum(e - s for s, e in spans) + len(spans) - 1
                given, after = data_tail[1:spanlen + 1], data_tail[spanlen + 1:]
                reference = " ".join(text[s:e] for s, e in spans)
                if given != reference:
                    errors.append(f"{where}: text {given!r} does not match marked span(s) {spans} text {reference!r}")
                if after and not after[0].isspace():
                    errors.append(f"{where}: text not separated from the rest of the line")
                if kind not in entities:
                    errors.append(f"{where}: {kind} is not in annotation.conf")
                ids.add(key)
                textbounds += 1
            elif key.startswith("A"):
                m = re.match(r"(.+?) (.+?) (.+?)$", data.rstrip("\r\n"))
                if not m or m.group(2) not in ids:
                    errors.append(f"{where}: attribute {data!r}")
                elif m.group(3) not in attributes.get(m.group(1), []):
                    errors.append(f"{where}: value {m.group(3)!r} of {m.group(1)} is not in annotation.conf")
            elif key.startswith("R"):
                kind, *args = data.split()
                roles = [a.split(":", 1) for a in args]
                if len(roles) != 2 or any(len(r) != 2 or r[1] not in ids for r in roles):
                    errors.append(f"{where}: relation {data!r}")
                if kind not in relations:
                    errors.append(f"{where}: relation type {kind} is not in annotation.conf")
            else:
                errors.append(f"{where}: {key}")
    return errors, textbounds
