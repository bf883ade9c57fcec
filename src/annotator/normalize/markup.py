"""HTML remnants: tags dropped, block tags turned into line breaks, entities decoded.

A tag is recognised by its form (an ASCII name, attributes, ``>``), not by a
list of names, so ``<rp>``, ``<video>`` or ``<address>`` go too, while text such
as ``a<b, c>`` or ``<修正案>`` is left alone; the names of block elements turn
into line breaks.  Script and style elements go with their content,
and so does a doctype; a whole page's ``<title>`` stays as a line of text.
"""

from __future__ import annotations

import html

import regex

from .alignment import Alignment, apply_edits

_BLOCK = ("p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|blockquote|pre|hr|dd|dt|dl|header|footer|center|"
          "html|head|body|title|address|figure|figcaption|nav|aside|main|form|fieldset|details|summary|caption")
_ATTRS = r"""(?:\s+[A-Za-z_:][-A-Za-z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]+))?)*"""
_TAG = regex.compile(
    rf"(?P<drop><(?P<raw>script|style)\b[^>]*>.*?</(?P=raw)\s*>|<!--.*?-->|<!DOCTYPE[^>]*>)"
    rf"|(?P<tag></?(?P<name>[A-Za-z][A-Za-z0-9]*(?::[A-Za-z][A-Za-z0-9]*)?)\b{_ATTRS}\s*/?>)",
    regex.IGNORECASE | regex.DOTALL,
)
_BLOCK_NAME = regex.compile(rf"(?:{_BLOCK})", regex.IGNORECASE)
_ENTITY = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def strip_markup(text: str) -> tuple[str, Alignment, dict[str, int]]:
    """Step: remove tags (a block tag becomes a line break) and decode entities."""
    if "<" not in text and "&" not in text:
        return text, Alignment.identity(len(text)), {}
    edits = []
    tags = entities = 0
    for m in _TAG.finditer(text):
        name = m.group("name")
        rep = "\n" if name and _BLOCK_NAME.fullmatch(name) else ""
        edits.append((m.start(), m.end(), rep))
        tags += 1
    entity_edits = []
    for m in _ENTITY.finditer(text):
        decoded = html.unescape(m.group())
        if decoded != m.group():
            entity_edits.append((m.start(), m.end(), decoded))
            entities += 1
    if not edits and not entity_edits:
        return text, Alignment.identity(len(text)), {}
    # an entity inside a dropped tag goes with the tag
    entity_set = set(entity_edits)
    cleaned, end = [], -1
    for edit in sorted(edits + entity_edits):
        if edit[0] < end:
            entities -= edit in entity_set
            continue
        cleaned.append(edit)
        end = edit[1]
    new, alignment = apply_edits(text, cleaned)
    counts = {"html_tags_removed": tags, "html_entities_decoded": entities}
    return new, alignment, {k: v for k, v in counts.items() if v}
