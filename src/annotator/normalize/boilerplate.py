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
title printed twice), ``garbage`` (part of a body line: forum anti-scrape
strings, content-farm watermarks, a caption printed twice on one line).

Beyond the first rules, each line is judged by its own features
(:mod:`.chrome`: furniture words, separators, dates and key–value pairs, share
of Han characters, file names, keyword-stuffed spam lists) and then by where it
stands: a line that holds the title and more (``标题-香港商报``, ``标题第2页``),
the same line again up to punctuation, short lines between chrome in the page
header (the title nearest the body is kept), a section label the breadcrumb
repeats, and everything after a tail heading such as 新闻推荐 or 相关文章.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter

import numpy as np
import regex

from .tablecache import cached
from . import chrome, garbage, scan

REASONS = ("spam", "chrome", "share", "dateline", "credit", "copyright", "junk", "repeated", "garbage")

_SPAM_WORDS = (
    "自偷", "无码", "有码", "在线播放", "免费视频观看", "色情", "偷拍", "伦理片", "黄片", "成人视频",
    "av在线", "a级", "一本道", "午夜福利", "激情视频", "国产精品", "亚洲av", "人妻",
)
_SPAM = re.compile("|".join(map(re.escape, _SPAM_WORDS)), re.IGNORECASE)
SHORT = 80  # furniture lines are short; only spam and copyright notices run longer
_SITE_NAME = regex.compile(r"^[^\s:：]{2,16}(?:网|网站|首页|频道|门户|客户端|新闻网)$")
_SHARE = regex.compile(r"分享|扫一扫|二维码|关注我们|打印本页|关闭窗口|【打印】|【关闭】|字号[:：]")
_RELATED = regex.compile(r"^(?:相关附件|相关专题|相关链接|相关新闻|相关阅读|延伸阅读|相关文章|推荐阅读)[:：]?$")
_CREDIT = regex.compile(r"^[(（\[【]?\s*(?:责编|责任编辑|编辑|校对|审核|审校|监制|终审)\s*[:：].{0,40}?[)）\]】]?$")
_COPYRIGHT = regex.compile(r"^(?:版权声明|版权所有|免责声明|copyright|©)", regex.IGNORECASE)
_COPYRIGHT_BODY = regex.compile(r"^\d{1,2}\s*[、.．]|本网|本站|转载|授权|版权|来源|作者|法律责任")
_DATE = regex.compile(r"(?:19|20)\d\d\s*(?:[-/.年])\s*\d{1,2}\s*(?:[-/.月])\s*\d{1,2}")
_DATELINE_KEY = regex.compile(r"来源|出处|发布时间|发布日期|时间[:：]|日期[:：]|点击|浏览")
_JUNK = regex.compile(r"^[^\p{Han}\p{L}]*$|^[\W\d_]*(?:function|var|document\.|window\.|\);|</?\w+>)[\W\w]{0,40}$")
_SENTENCE_END = regex.compile(r"[。！？!?；;]")
_WATERMARK_WORDS = ("权属", "放上鼠标", ">")

# Words at least one of which every match of a rule holds, so only the lines
# holding one need the rule (a page is mostly lines no rule can match)
CREDIT_WORDS = ("责编", "责任编辑", "编辑", "校对", "审核", "审校", "监制", "终审")
SHARE_WORDS = ("分享", "扫一扫", "二维码", "关注我们", "打印本页", "关闭窗口", "【打印】", "【关闭】", "字号")
RELATED_WORDS = ("相关", "延伸阅读", "推荐阅读")


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


class Lines(Sequence[Line]):
    """The lines of a text, as strings and offsets; a :class:`Line` is made only
    for a line asked for.  Also where the rules' words occur, found once for the
    short lines of the page, which are all the rules look at but spam."""

    def __init__(self, text: str):
        self.texts = text.split("\n")
        breaks = np.flatnonzero(scan.codepoints(text) == 10)
        self.start_array = np.concatenate(([0], breaks + 1))
        self.lengths = np.diff(self.start_array, append=len(text) + 1) - 1
        self.starts: list[int] = self.start_array.tolist()
        self._head: int | None = None
        self._short: list[int] | None = None
        self._short_text: tuple[str, np.ndarray] | None = None
        self._with: dict[tuple[str, ...], list[int]] = {}

    @classmethod
    def of(cls, text: str, lines: "Sequence[Line] | Lines | None") -> "Lines":
        if isinstance(lines, Lines):
            return lines
        if lines is None:
            return cls(text)
        return cls("\n".join(line.text for line in lines))

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self.texts)))]
        if i < 0:
            i += len(self.texts)
        start = self.starts[i]
        text = self.texts[i]
        return Line(i, start, start + len(text), text)

    def __iter__(self) -> Iterator[Line]:
        return (self[i] for i in range(len(self.texts)))

    @property
    def head(self) -> int:
        if self._head is None:
            self._head = _header_end(self.texts)
        return self._head

    def garbage_candidates(self, text: str) -> list[int]:
        """Indices of the lines that can hold inline garbage: an ASCII symbol, a space
        and a visible ASCII character (found with numpy over the whole text), a
        watermark word, or a line as long as two copies of its first half."""
        cp = scan.codepoints(text)
        spaces = np.flatnonzero(cp[1:-1] == 32) + 1 if len(cp) > 2 else np.empty(0, dtype=np.int64)
        before, after = cp[spaces - 1], cp[spaces + 1]
        symbol = ((before >= 33) & (before <= 47)) | ((before >= 58) & (before <= 64)) | \
            ((before >= 91) & (before <= 96)) | ((before >= 123) & (before <= 126))
        hits = spaces[symbol & (after >= 33) & (after <= 126)].tolist()
        for word in _WATERMARK_WORDS:
            at = text.find(word)
            while at >= 0:
                hits.append(at)
                at = text.find(word, at + 1)
        found = set((np.searchsorted(self.start_array, hits, "right") - 1).tolist()) if hits else set()
        texts = self.texts
        for i in np.flatnonzero((self.lengths >= 20) & (self.lengths % 2 == 0)).tolist():
            t = texts[i]
            half = len(t) // 2
            if t[0] == t[half] and t[:half] == t[half:]:
                found.add(i)
        return sorted(found)

    def short(self) -> list[int]:
        """Indices of the lines with text, at most SHORT characters long."""
        if self._short is None:
            self._short = np.flatnonzero((self.lengths > 0) & (self.lengths <= SHORT)).tolist()
        return self._short

    def with_words(self, words: tuple[str, ...]) -> list[int]:
        """Indices of the short lines holding one of ``words``, in order."""
        if words not in self._with:
            short = self.short()
            if self._short_text is None:
                joined = "\n".join([self.texts[i] for i in short])
                self._short_text = joined, np.cumsum([0] + [len(self.texts[i]) + 1 for i in short])
            joined, offsets = self._short_text
            # a line holding a word gets a match, if not of that word then of one overlapping it
            pattern = re.compile("|".join(map(re.escape, words)))
            found = np.searchsorted(offsets, [m.start() for m in pattern.finditer(joined)], "right") - 1
            self._with[words] = [short[k] for k in sorted(set(found.tolist()))]
        return self._with[words]


def lines_of(text: str) -> Lines:
    return Lines(text)


def is_body(line: str) -> bool:
    """A line that reads as running text: a sentence, or long."""
    return len(line) > 60 or bool(_SENTENCE_END.search(line))


def _header_end(texts: list[str]) -> int:
    for i, t in enumerate(texts):
        if is_body(t) and not _DATELINE_KEY.search(t[:30]):
            return i
    return len(texts)


def _case_forms(words: tuple[str, ...], flags: int, engine) -> dict[str, list[str]]:
    """Every character each character of ``words`` matches when the pattern ignores case."""
    chars = scan.all_characters()
    letters = sorted(set("".join(words)))
    found = {chars[m.start()] for m in engine.finditer("[" + "".join(map(engine.escape, letters)) + "]", chars, flags)}
    return {ch: sorted(x for x in found if engine.fullmatch(engine.escape(ch), x, flags)) for ch in letters}


# For each spam word, two neighbouring characters of it: the one looked for in
# the whole page (a rare one), where its neighbour is, and the neighbour.  Every
# match of the word holds them, so only lines holding a pair can be spam.
_SPAM_ANCHORS = (
    ("偷", -1, "自"), ("码", -1, "无"), ("码", -1, "有"), ("播", 1, "放"), ("免", 1, "费"), ("色", 1, "情"),
    ("偷", 1, "拍"), ("伦", 1, "理"), ("黄", 1, "片"), ("频", -1, "视"), ("v", 1, "在"), ("a", 1, "级"),
    ("本", 1, "道"), ("夜", -1, "午"), ("激", 1, "情"), ("品", -1, "精"), ("洲", -1, "亚"), ("妻", -1, "人"),
)


@cached
def _spam_anchors() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A table of the looked-for characters (in every case form _SPAM matches);
    and, for the neighbour before and after, the (table value, neighbour) pairs
    that make a match, as sorted keys."""
    forms = _case_forms(tuple(a + b for a, _, b in _SPAM_ANCHORS), re.IGNORECASE, re)
    table = np.zeros(scan.MAX_CODE_POINT, dtype=np.uint8)
    ids: dict[str, int] = {}
    keys: dict[int, list[int]] = {-1: [], 1: []}
    for anchor, offset, neighbour in _SPAM_ANCHORS:
        value = ids.setdefault(anchor, len(ids) + 1)
        for form in forms[anchor]:
            table[ord(form)] = value
        keys[offset] += [_pair_key(value, ord(f)) for f in forms[neighbour]]
    return table, np.array(sorted(set(keys[-1])), dtype=np.uint64), np.array(sorted(set(keys[1])), dtype=np.uint64)


def _member(values: np.ndarray, sorted_keys: np.ndarray) -> np.ndarray:
    """``np.isin`` for sorted keys, by bisection (np.isin and np.unique import numpy.ma,
    a noticeable part of a one-page command's start)."""
    if not len(sorted_keys):
        return np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_keys, values), len(sorted_keys) - 1)
    return sorted_keys[at] == values


def _pair_key(value, neighbour):
    return (value << 21) | neighbour


def _spam_lines(text: str, lines: "Sequence[Line] | Lines") -> set[int]:
    """Lines holding two or more different spam words.

    Spam words are looked for only in the lines holding one of the pairs of
    characters above, found for the whole page at once with numpy."""
    lines = Lines.of(text, lines)
    table, before_keys, after_keys = _spam_anchors()
    ids, present = scan.lookup(table, text)
    if not present:
        return set()
    cp = scan.codepoints(text)
    at = np.flatnonzero(ids != 0)
    value = ids[at].astype(np.uint64) << np.uint64(21)
    before = np.where(at > 0, cp[np.maximum(at - 1, 0)], 0).astype(np.uint64)  # no neighbour: 0, in no pair
    after = np.where(at + 1 < len(cp), cp[np.minimum(at + 1, len(cp) - 1)], 0).astype(np.uint64)
    hits = at[_member(value | before, before_keys) | _member(value | after, after_keys)]
    out = set()
    for i in sorted(set((np.searchsorted(lines.start_array, hits, "right") - 1).tolist())):
        if len({m.group().lower() for m in _SPAM.finditer(lines.texts[i])}) >= 2:
            out.add(i)
    return out


def _classify_text(t: str, head: bool) -> tuple[str, str] | None:
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


@cached
def _copyright_firsts() -> frozenset[str]:
    """Every character a copyright notice can start with (``_COPYRIGHT`` ignores case)."""
    forms = _case_forms(("版", "免", "c", "©"), regex.IGNORECASE, regex)
    return frozenset(f for found in forms.values() for f in found)


def find_excluded(text: str, lines: "Sequence[Line] | Lines | None" = None) -> list[ExcludedRegion]:
    """Mark the boilerplate lines of a normalized text."""
    lines = Lines.of(text, lines)
    texts, starts = lines.texts, lines.starts
    count = len(texts)
    head = lines.head
    marks: dict[int, tuple[str, str]] = {i: ("spam", "spam-words") for i in _spam_lines(text, lines)}
    # the header's lines may be anything; below it only lines with a rule's words
    for i in range(min(head, count)):
        if i not in marks:
            found = _classify_text(texts[i], True)
            if found:
                marks[i] = found
    seen: dict[str, tuple[str, str] | None] = {}  # pages repeat their furniture
    for i in lines.with_words(CREDIT_WORDS + SHARE_WORDS + RELATED_WORDS):
        if i >= head and i not in marks:
            t = texts[i]
            found = seen[t] if t in seen else seen.setdefault(t, _classify_text(t, False))
            if found:
                marks[i] = found

    # a related-links heading takes the short lines under it with it
    for i, (_, rule) in list(marks.items()):
        if rule == "related-links":
            j = i + 1
            while j < count and texts[j] and len(texts[j]) <= 30 and not is_body(texts[j]):
                marks.setdefault(j, ("chrome", "related-links"))
                j += 1

    # a copyright notice runs on through its numbered clauses
    regions: list[ExcludedRegion] = []
    covered: set[int] = set()
    firsts = _copyright_firsts()
    for i in lines.short():
        t = texts[i]
        if t[0] not in firsts or i in covered or not _COPYRIGHT.match(t):
            continue
        last = i
        for j in range(i + 1, count):
            if not texts[j].strip():
                continue
            if _COPYRIGHT_BODY.search(texts[j]):
                last = j
            else:
                break
        covered.update(range(i, last + 1))
        regions.append(ExcludedRegion(starts[i], starts[last] + len(texts[last]), "copyright", "copyright-notice"))

    # leftover code and numbers at either end of the page
    for seq in (range(count), range(count - 1, -1, -1)):
        for i in seq:
            if not texts[i]:
                continue
            if _JUNK.match(texts[i]) and i not in marks:
                marks[i] = ("junk", "edge-junk")
                continue
            if i in marks or i in covered:
                continue
            break

    # a short line seen before (a title printed twice, a widget repeated)
    first_seen: dict[str, int] = {}
    for i in [i for i in lines.short() if first_seen.setdefault(texts[i], i) != i]:
        if i not in marks and i not in covered:
            marks[i] = ("repeated", "repeated-line")

    _mark_by_features(texts, marks, covered)
    for i, (reason, rule) in marks.items():
        if i not in covered:
            regions.append(_region(starts[i], starts[i] + len(texts[i]), reason, rule))
    for i in lines.garbage_candidates(text):
        if i in marks or i in covered:
            continue
        for a, b, rule in garbage.find(texts[i]):
            regions.append(_region(starts[i] + a, starts[i] + b, "garbage", rule))
    return sorted(regions, key=_START)


FEATURE_LIMIT = 160  # longer lines are body or spam, which the rules above judge
HEADER_RUN = 15      # short lines between chrome in the header are chrome
CONTAINS_SCAN = 60   # page titles and their decorated copies sit near the top
TAIL_LINES = 12      # what follows a tail heading: a few links, teasers and widgets, not pages of text
LIST_RUN, LIST_ITEM = 3, 40  # a link list: three or more bulleted headlines in a row after the last paragraph


def _mark_by_features(texts: list[str], marks: dict[int, tuple[str, str]], covered: set[int]) -> None:
    count = len(texts)
    done = lambda i: i in marks or i in covered  # noqa: E731
    seen: dict[str, tuple[str, str] | None] = {}  # sites repeat their furniture
    for i, t in enumerate(texts):
        if not t or len(t) > 400 or done(i):
            continue
        s = t.strip()
        if not s:
            continue
        if s in seen:
            found = seen[s]
        elif chrome.spam_list(s):
            found = seen[s] = ("spam", "spam-list")
        else:
            found = seen[s] = chrome.classify(s) if len(s) <= FEATURE_LIMIT else None
        if found:
            marks[i] = found

    # the same line again up to punctuation; a line holding another and more
    first: dict[str, int] = {}
    near = [i for i in range(min(count, CONTAINS_SCAN)) if texts[i].strip() and len(texts[i].strip()) <= 80]
    for i in near:
        k = chrome.key(texts[i])
        if not k:
            continue
        if k in first and not done(i):
            marks[i] = ("repeated", "repeated-line")
        first.setdefault(k, i)
    candidates = [i for i in near if not done(i) and len(chrome.key(texts[i])) >= 6]
    for i in near:
        s = texts[i].strip()
        if done(i) or _SENTENCE_END.search(s):
            continue
        for j in candidates:
            other = texts[j].strip()
            if j != i and len(s) >= len(other) + 2 and other in s:
                marks[i] = ("chrome", "holds-title")
                break

    # a tail heading takes the rest of the page with it, when the rest is short
    first_body = next((i for i in range(count) if texts[i] and not done(i) and is_body(texts[i].strip())), None)
    if first_body is not None:
        headings = sorted(i for i, (_, rule) in marks.items()
                          if i > first_body and (rule == "related-heading" or (
                              rule == "related-links" and texts[i].strip().rstrip(":：") in chrome.TAIL_HEADINGS)))
        for i in headings:
            rest = []
            for j in range(i + 1, count):
                if texts[j].strip():
                    rest.append(j)
                    if len(rest) > TAIL_LINES:
                        break
            if len(rest) <= TAIL_LINES:
                for j in rest:
                    if not done(j):
                        marks[j] = ("chrome", "page-tail")
                break
        # the header: short lines between chrome, site names, section labels; the title stays
        # the footer: after the last paragraph, a run of three or more bulleted lines is
        # a link list, a short bulleted line is a link, and a short line under chrome is chrome
        last_body = next((i for i in range(count - 1, first_body, -1) if texts[i] and not done(i)
                          and is_body(texts[i].strip()) and not chrome.bulleted(texts[i].strip())), first_body)
        tail = [i for i in range(last_body + 1, count) if texts[i].strip()]
        k = 0
        while k < len(tail):
            end = k
            while end < len(tail) and tail[end] == tail[k] + (end - k) and chrome.bulleted(texts[tail[end]].strip()):
                end += 1
            if end - k >= LIST_RUN and all(len(texts[i].strip()) <= LIST_ITEM for i in tail[k:end]):
                for i in tail[k:end]:
                    if not done(i):
                        marks[i] = ("chrome", "link-list")
            k = max(end, k + 1)
        previous_marked = False
        for i in tail:
            t = texts[i].strip()
            if done(i):
                previous_marked = True
            elif (previous_marked and len(t) <= HEADER_RUN) or (chrome.bulleted(t) and len(t) <= HEADER_RUN):
                marks[i] = ("chrome", "after-chrome")
                previous_marked = True
            else:
                previous_marked = False
        header = [i for i in range(first_body) if texts[i].strip()]
        open_lines = [i for i in header if not done(i)]
        title = open_lines[-1] if open_lines else None
        marked_text = "\n".join(texts[i] for i in header if i in marks)
        for i in open_lines:
            s = texts[i].strip()
            if i == title:
                continue
            if chrome.site_name(s):
                marks[i] = ("chrome", "site-name")
            elif len(s) <= 8 and s in marked_text:
                marks[i] = ("chrome", "section-label")
        k = 0
        while k < len(header):
            if done(header[k]):
                k += 1
                continue
            end = k
            while end < len(header) and not done(header[end]):
                end += 1
            run = header[k:end]
            bounded = k > 0 and end < len(header)
            if bounded and title not in run and all(len(texts[i].strip()) <= HEADER_RUN for i in run):
                for i in run:
                    marks[i] = ("chrome", "between-chrome")
            k = end


_START = attrgetter("start")


def _region(start: int, end: int, reason: str, rule: str) -> ExcludedRegion:
    """An ExcludedRegion made without the frozen dataclass's __init__ (a page can have thousands)."""
    region = object.__new__(ExcludedRegion)
    region.__dict__.update(start=start, end=end, reason=reason, rule=rule)
    return region
