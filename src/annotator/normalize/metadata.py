"""Metadata the page carries in its own text: title, date, source, byline.

Found in the normalized text, so values are Simplified and tidy.  A page that
does not say something gets ``None`` for it, never a guess: 000 of the
bundled corpus opens straight into its first paragraph and has no title line.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .boilerplate import _DATELINE_KEY, ExcludedRegion, Line, Lines, is_body

_DATE = regex.compile(
    r"(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})日?"
    r"(?:\s*(?P<H>\d{1,2}):(?P<M>\d\d)(?::(?P<S>\d\d))?)?"
)
_SOURCE = regex.compile(r"(?:来源|文章出处|出处|稿源)\s*[:：]\s*(?P<v>[^\s:：()（）]+)")
_BYLINE = regex.compile(r"(?:本报记者|本网记者|全媒体记者|通讯员|记者|作者|撰稿|撰文|统稿|采写|文/|文:|摄影)")
_ROLE_SPLIT = regex.compile(r"(?:(?:本报记者|本网记者|全媒体记者|通讯员|记者|作者|撰稿|撰文|统稿|采写|摄影)\s*[:：/]?|文\s*[:：/])\s*")
_NAME = regex.compile(r"^\p{Han}{2,4}$")
_EDITOR = regex.compile(r"(?:责编|责任编辑)\s*[:：]\s*(?P<v>[^)）\]】]+)")
_SITE_SUFFIX = regex.compile(r"首页$")
# every match of _BYLINE or _EDITOR holds one of these
_BYLINE_OR_EDITOR_WORDS = (
    "本报记者", "本网记者", "全媒体记者", "通讯员", "记者", "作者", "撰稿", "撰文", "统稿", "采写", "文/", "文:", "摄影",
    "责编", "责任编辑",
)


def _date(text: str) -> str | None:
    m = _DATE.search(text)
    if not m:
        return None
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _names(byline: str) -> list[str]:
    names: list[str] = []
    for part in _ROLE_SPLIT.split(byline):
        for token in regex.split(r"[\s、,，]+", part.strip("()（）□■ ")):
            if _NAME.match(token) and token not in names and not token.endswith(("报", "网", "社")):
                names.append(token)
    return names


def extract(text: str, excluded: list[ExcludedRegion], lines: "Sequence[Line] | Lines | None" = None
            ) -> dict[str, str | None]:
    lines = Lines.of(text, lines)
    texts, starts = lines.texts, lines.starts
    # the header ends at the first body line the boilerplate marks left in: a
    # welcome banner or an age gate with a full stop is not where the page starts
    whole_lines = {r.start for r in excluded if r.reason != "garbage"}
    head = lines.head
    if head < len(texts) and starts[head] in whole_lines:
        head = next((i for i in range(head, len(texts)) if texts[i] and starts[i] not in whole_lines
                     and is_body(texts[i]) and not _DATELINE_KEY.search(texts[i][:30])), len(texts))
    header_start_limit = starts[head] if head < len(starts) else len(text) + 1
    reason_at = {r.start: r.reason for r in excluded if r.start < header_start_limit}
    site_lines = {r.start for r in excluded if r.rule == "site-name"}  # not any chrome: 基层动态, 放大图片
    meta: dict[str, str | None] = {
        "title": None, "date": None, "source": None, "author": None, "byline": None, "editor": None, "site": None,
    }
    for i in range(head):
        t = texts[i]
        if not t:
            continue
        reason = reason_at.get(starts[i])
        if starts[i] in site_lines and meta["site"] is None:
            meta["site"] = _SITE_SUFFIX.sub("", t)
        if reason in ("dateline", None):
            meta["date"] = meta["date"] or _date(t)
            m = _SOURCE.search(t)
            if m and meta["source"] is None:
                meta["source"] = m["v"]
        if reason is None and meta["title"] is None and not _BYLINE.search(t) and not _DATE.search(t) and len(t) <= 80:
            meta["title"] = t
    # bylines: in the header (□本报记者 张璐) or a credit line in brackets after the body;
    # only short lines holding a byline or editor word can give either
    for i in lines.with_words(_BYLINE_OR_EDITOR_WORDS):
        t = texts[i]
        if meta["byline"] is None and _BYLINE.search(t) and len(t) <= 80 and (
            i < head or regex.match(r"^[(（【□]", t)
        ) and not is_body(t.strip("()（）")):
            names = _names(t)
            if names:
                meta["byline"] = t.strip("()（）【】□■ ")
                meta["author"] = "、".join(names)
        m = _EDITOR.search(t)
        if m and meta["editor"] is None:
            meta["editor"] = m["v"].strip()
        if meta["byline"] is not None and meta["editor"] is not None:
            break
    return meta
