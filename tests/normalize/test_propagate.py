"""A boilerplate decision in one page proposed for the same line, or the same
line with other numbers and names, in the site's other pages."""

from annotator.normalize.propagate import Decision, decisions_of, pattern, propose

A = "安庆妇女网\n发布日期: 2014-03-17 作者: 安庆妇联 访问次数:\n正文一。\n武功新闻,新鲜有料。"
B = "安庆妇女网\n发布日期: 2015-01-02 作者: 市妇联 访问次数:\n正文二,武功新闻,新鲜有料。\n武功新闻,新鲜有料。"


def test_the_lines_of_a_decision_and_their_patterns():
    start = A.index("发布日期")
    ds = decisions_of(A, [(start, A.index("\n", start), True), (0, 1, True)])  # a one-character region is no line
    assert ds == [Decision("发布日期: 2014-03-17 作者: 安庆妇联 访问次数:", True)]
    assert pattern("发布日期: 2014-03-17 作者: 安庆妇联 访问次数:") == pattern("发布日期: 2015-01-02 作者: 市妇联 访问次数:")
    assert pattern("浏览 12 次") == pattern("浏览 345 次") != pattern("浏览 345 人")
    assert pattern("正文一。") is None


def test_excluding_proposes_the_same_line_and_the_same_pattern_not_a_sentence_holding_it():
    ds = [Decision("发布日期: 2014-03-17 作者: 安庆妇联 访问次数:", True), Decision("武功新闻,新鲜有料。", True)]
    found = propose(ds, [(2, B, [])])
    assert [(B[p.start:p.end], p.how) for p in found] == [
        ("发布日期: 2015-01-02 作者: 市妇联 访问次数:", "same pattern"), ("武功新闻,新鲜有料。", "same line")]
    assert all(p.document_id == 2 and p.excluded for p in found)
    line = B.rindex("武功新闻")
    assert propose(ds, [(2, B, [(line, len(B), True)])])[-1].text.startswith("发布日期")  # already excluded: nothing


def test_including_proposes_including_the_excluded_region_on_that_line():
    region = (0, len("安庆妇女网"), True)
    found = propose([Decision("安庆妇女网", False)], [(3, B, [region, (20, 22, False)])])
    assert [(p.start, p.end, p.excluded, p.how) for p in found] == [(0, 5, False, "same line")]


def test_every_line_a_decision_applies_to_holds_its_needle():
    from annotator.normalize.propagate import needle
    d = Decision("发布日期: 2014-03-17 作者: 安庆妇联 访问次数:", True)
    assert needle(d) == "发布日期" and needle(Decision("浏览 12 次,评论 3 条", True)) == " 次,评论 "
    assert needle(Decision("技术支持:智海网络", True)) == "技术支持:智海网络"
