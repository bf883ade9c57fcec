"""Boilerplate and metadata look only at the lines holding a rule's words, and
for spam only at lines holding one of a few pairs of characters; checked here
against looking at every line."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.normalize import boilerplate, metadata
from annotator.normalize.boilerplate import Lines, find_excluded


class EveryLine(Lines):
    """Lines that claim every short line holds every word."""

    def with_words(self, words):
        return self.short()


def spam_lines_by_hand(text: str) -> set[int]:
    return {i for i, line in enumerate(text.split("\n"))
            if len({m.group().lower() for m in boilerplate._SPAM.finditer(line)}) >= 2}


PIECES = [
    "分享", "扫一扫", "二维码", "【打印】", "字号:", "相关链接", "相关专题", "延伸阅读:", "责任编辑:王小明", "(责编:李华)",
    "编辑 :张三", "审校:赵六", "版权所有", "Copyright", "©", "版权声明:", "1、本网", "转载", "本报记者 张璐", "记者 李四",
    "通讯员 王五", "文/陈七", "摄影 周八", "来源:新华网", "发布时间:2023-11-15", "2024年08月07日08:02", "点击:",
    "江门市妇女网", "首页", "自偷", "无码", "AV在线", "a级", "亚洲av", "国产精品", "人妻", "色情", "视频", "function(",
    "。", "!", ";", " ", "——访", "□", "(", ")", "47 2916745",
]
filler = st.sampled_from("妇联党组书记会议学习中国人民精神工作的是了在和有大这主为上个")
line = st.lists(st.one_of(st.sampled_from(PIECES), filler, filler), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(line, min_size=1, max_size=15))
def test_the_shortcuts_find_what_looking_at_every_line_finds(lines):
    text = "\n".join(lines)
    fast, slow = Lines(text), EveryLine(text)
    assert boilerplate._spam_lines(text, fast) == spam_lines_by_hand(text)
    fast_regions = find_excluded(text, fast)
    assert fast_regions == find_excluded(text, slow)
    assert metadata.extract(text, fast_regions, fast) == metadata.extract(text, fast_regions, slow)


def test_every_spam_word_holds_one_of_the_pairs_looked_for():
    pairs = [a + b if offset == 1 else b + a for a, offset, b in boilerplate._SPAM_ANCHORS]
    for word in boilerplate._SPAM_WORDS:
        assert any(pair in word for pair in pairs), word


def test_every_rule_word_is_looked_for():
    # the alternatives of each rule's pattern all hold a word of its group
    groups = [
        (boilerplate._CREDIT, boilerplate.CREDIT_WORDS), (boilerplate._SHARE, boilerplate.SHARE_WORDS),
        (boilerplate._RELATED, boilerplate.RELATED_WORDS),
        (metadata._BYLINE, metadata._BYLINE_OR_EDITOR_WORDS), (metadata._EDITOR, metadata._BYLINE_OR_EDITOR_WORDS),
    ]
    for pattern, words in groups:
        group = re.search(r"\(\?:([^()]*)\)", pattern.pattern)
        alternatives = (group.group(1) if group else pattern.pattern).split("|")
        for alternative in alternatives:
            literal = re.sub(r"\[[^\]]*\]", "", alternative).replace("\\", "")
            assert any(w in literal for w in words), (pattern.pattern, alternative)
