"""Each step on its own: what it changes, what it must leave alone."""

import pytest

from annotator.normalize.chars import fold_compatibility, remove_noise_chars
from annotator.normalize.gloss import remove_glosses
from annotator.normalize.markup import strip_markup
from annotator.normalize.punct import to_fullwidth
from annotator.normalize.script import line_config, to_simplified
from annotator.normalize.splice import find_repairs, repair_splices
from annotator.normalize.whitespace import tidy, unify_line_endings


def text_of(step, text):
    return step(text)[0]


@pytest.mark.parametrize("raw,expected", [
    ("婦聯(lián)黨組書(shū)記", "婦聯黨組書記"),
    ("黨組(擴(kuò)大)會(huì)議", "黨組(擴大)會議"),                      # nested in real parentheses
    ("章程(修正案)》", "章程(修正案)》"),                           # real content
    ("規劃(2021—2030年)》", "規劃(2021—2030年)》"),
    ("附件(a)與(b)", "附件(a)與(b)"),                                # letters, no tone mark
    ("Wang(wáng) Yi", "Wang(wáng) Yi"),                             # not after a Han character
    ("標(xyzā)題", "標(xyzā)題"),                                       # not a pinyin syllable
    ("𠮷(jí)祥", "𠮷祥"),                                             # after a character outside the BMP
])
def test_glosses(raw, expected):
    assert text_of(remove_glosses, raw) == expected


def test_gloss_count_and_map():
    text, alignment, counts = remove_glosses("會(huì)議(yì)")
    assert (text, counts) == ("會議", {"glosses_removed": 2})
    assert alignment.char_source(1) == (6, 7)


def test_splice_repair_needs_the_page_to_attest_it():
    page = "推動?jì)D聯重點工作,婦聯組織"
    text, _, counts, findings = repair_splices(page)
    assert text == "推動婦聯重點工作,婦聯組織"
    assert counts == {"splices_repaired": 1}
    assert find_repairs(page)[0].candidates == ("婦", "揇", "汥")
    assert findings == [(2, 7, {"found": "?jì)D", "repaired_as": "婦", "candidates": ["婦", "揇", "汥"], "certain": True})]
    # with no other 婦聯 on the page nothing decides between the candidates: flag, do not guess
    text, _, counts, findings = repair_splices("推動?jì)D聯重點工作")
    assert text == "推動?jì)D聯重點工作"
    assert counts == {"splices_uncertain": 1}
    assert find_repairs("推動?jì)D聯重點工作")[0].replacement is None
    assert findings[0][2]["certain"] is False


def test_a_byte_pair_that_is_no_han_character_is_no_candidate():
    # 学 is D1 A7 in GBK; (A7, lead) decodes to punctuation, which has no reading
    assert repair_splices("学?jì)D")[0] == "学?jì)D"


def test_question_marks_are_left_alone():
    assert repair_splices("是如何推動的?我們")[0] == "是如何推動的?我們"
    assert repair_splices("what?no)")[2] == {}


@pytest.mark.parametrize("raw,expected", [
    ('<p class="ql-block">第一段</p><p>第二段</p>', "\n第一段\n\n第二段\n"),
    ("&ldquo;巾帼&rdquo;&nbsp;行动&amp;&#x4e2d;&#22269;", "“巾帼”\xa0行动&中国"),
    ("a<b, c>d <修正案> x<b 和 c>y 1<p<2", "a<b, c>d <修正案> x<b 和 c>y 1<p<2"),
    ('<span style="color:red" data-x=1>红</span>', "红"),
    ("前<script>var x = '<p>';</script>后<br/>行", "前后\n行"),
    ("<b>加粗</b><img src='x.png'>", "加粗"),
    ("&unknown; &amp", "&unknown; &amp"),
])
def test_markup(raw, expected):
    assert text_of(strip_markup, raw) == expected


def test_noise_chars():
    text, _, counts, private = remove_noise_chars("巾帼\u200b🔥行动\ue737宣讲👨\u200d👩\u200d👧")
    assert private == [(6, 7, {"char": "U+E737"})]
    assert text == "巾帼行动宣讲👨\u200d👩\u200d👧"  # the line-final emoji is content
    assert counts == {"invisible_removed": 1, "emoji_removed": 1, "private_use_removed": 1}
    assert text_of(remove_noise_chars, "好的 😀 谢谢") == "好的 😀 谢谢"
    assert text_of(remove_noise_chars, "版权所有©中国") == "版权所有©中国"


def test_compatibility_fold():
    text, alignment, _ = fold_compatibility("AⅤ　ＡＢ１，Ⅻ\xa0关爱•她 • 项 …… ①")
    assert text == "AV AB1,XII 关爱·她 • 项 …… ①"
    assert alignment.char_source(text.index("XII") + 1) == (7, 8)  # all of XII comes from Ⅻ


def test_line_endings_and_tidy():
    text, alignment, _ = unify_line_endings("一\r\n二\r三")
    assert text == "一\n二\n三"
    assert alignment.char_source(1) == (1, 3)
    raw = "\n\n  • 文章出处:江门   市妇联  \n\n\n\n· 专题报道\n    正文\n\n"
    assert text_of(tidy, raw) == "文章出处:江门 市妇联\n\n专题报道\n正文"


def test_script_is_decided_per_line():
    assert line_config("中國共產黨第二十次全國代表大會的順利召開") == "tw2s"
    assert line_config("他说台灣的朋友很多,我们一起去") == "t2s"
    assert line_config("什么样的目标") is None
    text, _, counts = to_simplified("朝著什麼樣的目標繼續前進\n显著提高,怎么办\n他说台灣的朋友很多,我们一起去")
    assert text == "朝着什么样的目标继续前进\n显著提高,怎么办\n他说台湾的朋友很多,我们一起去"
    assert counts == {"traditional_lines": 1, "mixed_lines": 1}


def test_fullwidth_punctuation_is_optional_and_keeps_length():
    raw = "下午,淮南市妇联召开党组(扩大)会议:a,b (x)"
    text, alignment, counts = to_fullwidth(raw)
    assert text == "下午，淮南市妇联召开党组（扩大）会议：a,b (x)"
    assert len(text) == len(raw) and alignment.is_identity()
    assert counts == {"punctuation_widened": 4}
