"""Boilerplate is marked as excluded regions, never deleted.

Rules misfire on real pages (a subtitle ``——访…``, an interview prefix
``记者:`` or a reporter's byline look like furniture but are content), so the
text keeps every line and the annotator can include a region the rules got
wrong.  Each region names the rule that marked it.

Reasons: ``spam`` (injected spam titles), ``chrome`` (site names, related-links
blocks), ``share`` (share and QR-code widgets), ``dateline`` (publication
date and source lines above the body), ``credit`` (editor credits),
``copyright`` (copyright notices), ``junk`` (leftover code or numbers at the
ends), ``repeated`` (a short line that repeats an earlier one, such as a
title printed twice).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

import regex

REASONS = ("spam", "chrome", "share", "dateline", "credit", "copyright", "junk", "repeated")

_SPAM_WORDS = (
    "自偷", "无码", "有码", "在线播放", "免费视频观看", "色情", "偷拍", "伦理片", "黄片", "成人视频",
    "av在线", "a级", "一本道", "午夜福利", "激情视频", "国产精品", "亚洲av", "人妻",
)
_SPAM = re.compile("|".join(map(re.escape, _SPAM_WORDS)), re.IGNORECASE)
SHORT = 80  # furniture lines are short; only spam and copyright notices run longer
_SITE_NAME = regex.compile(r"^\S{2,16}(?:网|网站|首页|频道|门户|客户端|新闻网)$")
_SHARE = regex.compile(r"分享|扫一扫|二维码|关注我们|打印本页|关闭窗口|【打印】|【关闭】|字号[:：]")
_RELATED = regex.compile(r"^(?:相关附件|相关专题|相关链接|相关新闻|相关阅读|延伸阅读|相关文章|推荐阅读)[:：]?$")
_CREDIT = regex.compile(r"^[(（\[【]?\s*(?:责编|责任编辑|编辑|校对|审核|审校|监制|终审)\s*[:：].{0,40}?[)）\]】]?$")
_COPYRIGHT = regex.compile(r"^(?:版权声明|版权所有|免责声明|copyright|©)", regex.IGNORECASE)
_COPYRIGHT_BODY = regex.compile(r"^\d{1,2}\s*[、.．]|本网|本站|转载|授权|版权|来源|作者|法律责任")
_DATE = regex.compile(r"(?:19|20)\d\d\s*(?:[-/.年])\s*\d{1,2}\s*(?:[-/.月])\s*\d{1,2}")
_DATELINE_KEY = regex.compile(r"来源|出处|发布时间|发布日期|时间[:：]|日期[:：]|点击|浏览")
_JUNK = regex.compile(r"^[^\p{Han}\p{L}]*$|^[\W\d_]*(?:function|var|document\.|window\.|\);|</?\w+>)[\W\w]{0,40}$")
_SENTENCE_END = regex.compile(r"[。！？!?；;]")


@dataclass(frozen=True)
class Line:
    index: int
    start: int
    end: int  # without the newline
    text: str


@dataclass(frozen=True)
class ExcludedRegion:
    start: int
    end: int
    reason: str
    rule: str

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "reason": self.reason, "rule": self.rule}


def lines_of(text: str) -> list[Line]:
    out, pos = [], 0
    for i, line in enumerate(text.split("\n")):
        out.append(Line(i, pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def is_body(line: str) -> bool:
    """A line that reads as running text: a sentence, or long."""
    return len(line) > 60 or bool(_SENTENCE_END.search(line))


def header_end(lines: list[Line]) -> int:
    """Index of the first body line: what comes before is the page header."""
    for line in lines:
        if is_body(line.text) and not _DATELINE_KEY.search(line.text[:30]):
            return line.index
    return len(lines)


def _spam_lines(text: str, lines: list[Line]) -> set[int]:
    """Lines holding two or more different spam words, found in one pass over the text."""
    starts = [line.start for line in lines]
    words: dict[int, set[str]] = {}
    for m in _SPAM.finditer(text):
        words.setdefault(bisect_right(starts, m.start()) - 1, set()).add(m.group().lower())
    return {i for i, found in words.items() if len(found) >= 2}


def _classify(line: Line, head: bool) -> tuple[str, str] | None:
    t = line.text
    if not t or len(t) > SHORT:
        return None
    if _CREDIT.match(t):
        return "credit", "editor-credit"
    if len(t) <= 30 and not _SENTENCE_END.search(t):
        if _SHARE.search(t):
            return "share", "share-widget"
        if _RELATED.match(t):
            return "chrome", "related-links"
        if head and _SITE_NAME.match(t):
            return "chrome", "site-name"
    if head and len(t) <= 80 and not _SENTENCE_END.search(t) and _DATELINE_KEY.search(t):
        if _DATE.search(t) or regex.search(r"(?:来源|出处)[:：]\s*\S", t):
            return "dateline", "dateline"
    return None


def find_excluded(text: str, lines: list[Line] | None = None) -> list[ExcludedRegion]:
    """Mark the boilerplate lines of a normalized text."""
    lines = lines_of(text) if lines is None else lines
    head = header_end(lines)
    marks: dict[int, tuple[str, str]] = {i: ("spam", "spam-words") for i in _spam_lines(text, lines)}
    for line in lines:
        if line.index not in marks:
            found = _classify(line, line.index < head)
            if found:
                marks[line.index] = found

    # a related-links heading takes the short lines under it with it
    for i, (_, rule) in list(marks.items()):
        if rule == "related-links":
            j = i + 1
            while j < len(lines) and lines[j].text and len(lines[j].text) <= 30 and not is_body(lines[j].text):
                marks.setdefault(j, ("chrome", "related-links"))
                j += 1

    # a copyright notice runs on through its numbered clauses
    regions: list[ExcludedRegion] = []
    covered: set[int] = set()
    for line in lines:
        if line.index in covered or len(line.text) > SHORT or not _COPYRIGHT.match(line.text):
            continue
        last = line.index
        for nxt in lines[line.index + 1:]:
            if not nxt.text.strip():
                continue
            if _COPYRIGHT_BODY.search(nxt.text):
                last = nxt.index
            else:
                break
        covered.update(range(line.index, last + 1))
        regions.append(ExcludedRegion(line.start, lines[last].end, "copyright", "copyright-notice"))

    # leftover code and numbers at either end of the page
    for seq in (lines, reversed(lines)):
        for line in seq:
            if not line.text:
                continue
            if _JUNK.match(line.text) and line.index not in marks:
                marks[line.index] = ("junk", "edge-junk")
                continue
            if line.index in marks or line.index in covered:
                continue
            break

    # a short line seen before (a title printed twice, a widget repeated)
    seen: set[str] = set()
    for line in lines:
        t = line.text
        if not t:
            continue
        if len(t) > SHORT:
            continue
        if t in seen and line.index not in marks and line.index not in covered:
            marks[line.index] = ("repeated", "repeated-line")
        seen.add(t)

    for i, (reason, rule) in marks.items():
        if i not in covered:
            regions.append(ExcludedRegion(lines[i].start, lines[i].end, reason, rule))
    return sorted(regions, key=lambda r: r.start)
