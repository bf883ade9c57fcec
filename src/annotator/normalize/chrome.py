"""Site chrome recognised by what a line is, not by the five pages the first rules saw.

Each test looks at one feature of a line (the words site furniture uses, its
separators, its share of Han characters, dates and key–value pairs, what it
contains of another line) and names the rule that fired; ``boilerplate``
combines them with the line's position (header, body, tail) and its
neighbours.  Words are short on purpose: a body sentence holding one of them is
still body, because every test here also asks for a short line or a line made
only of such words.
"""

from __future__ import annotations

import regex

# Words that only site furniture uses, whatever the line around them.
_FURNITURE = regex.compile(
    "|".join((
        "欢迎光临", "欢迎访问", "技术支持", "公网安备", r"ICP\s*备", "ICP证", "访问次数", "浏览次数", "阅读次数",
        "当前位置", "所在位置", "您的位置", "本页位置", "现在位置", "放大字体", "缩小字体", "放大图片", "字体[:：]",
        "上一篇", "下一篇", "上一版", "下一版", "返回顶部", "回到顶部", "回到页首",
        r"(?:^|\s|\|)(?:上一期|下一期|设为首页|加入收藏|联系我们|关于我们|网站地图|手机版)(?=$|\s|\|)",
        "加入最爱", "站内搜索", "高级搜索", "友情链接", "语音播报", "我想要留言", "我要留言", "发表评论",
        "抢沙发", "条评论", "查看更多", "点击查看", "点击链接", "点击进入", "收藏本页", "精心整理",
        r"建议使用.{0,40}(?:浏览器|分辨率)", r"最佳浏览效果", "关闭此视窗", "关闭窗口", "限制级", "下载客户端",
        "免责声明", "小编为", r"评论\s*[(（]?\d+[)）]?$", r"[帐账]户\s*密码", r"[帐账]号\s*密码",
        r"用户名\s*密码", r"^检索[:：]", r"^关键[词字]\s*[:：]", r"^标签\s*[:：]", "满18岁", "本条款",
        r"^原标题\s*[:：]", "原文链接", "原文地址", "本文链接", "文章链接",
        r"未经.{0,8}(?:授权|许可|同意).{0,8}(?:不得|禁止|严禁)", r"第\s*\d+\s*位访客", r"欢迎您[!！]?$",
        "主内容区", "跳到主要内容", "跳至主要内容", "字型大小", r"点阅率\s*[:：]", r"点击率\s*[:：]", "当前报章",
    )),
    regex.IGNORECASE,
)
# Short headings after which a page's tail is links, teasers and widgets.
TAIL_HEADINGS = frozenset((
    "新闻推荐", "相关文章", "相关阅读", "相关新闻", "推荐阅读", "热门新闻", "热门文章", "猜你喜欢", "友情链接",
    "评论一下", "最新评论", "最热评论", "网友评论", "精彩推荐", "热点推荐", "为你推荐", "更多新闻",
    "随机文章", "热评文章", "最新文章", "相关推荐", "热门推荐", "推荐文章",
))
_WIDGET_WORD = regex.compile(r"评论|留言|热门|最新|首页|搜索|天气|分享|打印|关闭|登录|注册|客户端|APP|粉丝团|影音|订阅")
_RELATED_LEAD = regex.compile(r"^(?:延伸阅读|相关阅读|相关新闻|相关文章|推荐阅读|更多阅读|相关链接)\s*[:：]")
_BREADCRUMB = regex.compile(r"(?:首页|主页|正文|首頁)\s*(?:>>?|»|›|→|/|＞)|(?:>>?|»|›|＞)\s*(?:正文|首页)")
_SEPARATORS = regex.compile(r"\s\|\s|\|")
_CREDIT = regex.compile(
    r"(?:责编|责任编辑|编辑|校对|审核|审校|监制|终审|小编|编审|作者|撰稿|来源|信息来源|文章来源|通讯员|摄影)"
    r"\s*[:：/／|]\s*\S"
)
_META_KEY = regex.compile(
    r"(?:点击|评论|字体|浏览|阅读|访问次数|作者|来源|信息来源|发布时间|发布日期|日期|时间|编辑|责编|录入|更新时间|点击数)"
    r"\s*[:：]"
)
_CONTACT = regex.compile(r"地址\s*[:：]|电话\s*[:：]|邮编|邮箱\s*[:：]|传真\s*[:：]|E-?mail|联系电话|版权所有|主办\s*[:：]|承办\s*[:：]")
_DATE = regex.compile(
    r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}[:时]\d{1,2}(?:[:分]\d{1,2}秒?)?分?)?"
    r"|星期[一二三四五六日天]|周[一二三四五六日]"
)
_ISSUE = regex.compile(r"(?:19|20)\d\d\s*年\s*第?\s*\d{1,3}\s*期|第\s*\d+\s*期\s*[:：]?\s*第\s*\d+\s*版|第\s*\d+\s*页$")
_EMPTY_KEY = regex.compile(
    r"^(?:发布|更新|发表|录入)?(?:日期|时间)\s*[:：]\s*$|^(?:来源|作者|编辑|责编|点击|浏览|阅读|字号|字体)\s*[:：]\s*\d*\s*$")
_REPORTER_LINE = regex.compile(r"^(?:本报|本网)?记者\s*[:：]?\s*\S{2,4}\s*[/／]\s*\S{0,6}(?:报导|报道)。?$")
_BULLET = regex.compile(r"^[-–—•·*●◆◇■□▪>›»]\s*")
_ISSUE_NUMBER = regex.compile(r"第\s*\d+\s*[号期版]")
_COUNTER = regex.compile(r"(?:访问量|浏览量|阅读量|点击量|访问人次|浏览人次|访客|点击数|阅读数)\s*[:：]?\s*\d")
_URL = regex.compile(r"(?:https?://|www\.)[!-~]+", regex.IGNORECASE)
_DATE_END = regex.compile(r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?$")
_BULLET_DATE = regex.compile(r"^[-–—•·*●◆◇■□▪>›»]\s*(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
_FILE = regex.compile(r"^\S+\.(?:jpe?g|png|gif|bmp|webp|svg|pdf|docx?|xlsx?)$", regex.IGNORECASE)
_HAN = regex.compile(r"\p{Han}")
_SENTENCE_END = regex.compile(r"[。！？!?；;]")
_PUNCT = regex.compile(r"[\p{P}\p{S}\s]+")


def han_count(t: str) -> int:
    return len(_HAN.findall(t))


def key(t: str) -> str:
    """A line without its punctuation and spaces: ``标题。`` and ``标题`` are one line."""
    return _PUNCT.sub("", t)


def unbulleted(t: str) -> str:
    return _BULLET.sub("", t)


def bulleted(t: str) -> bool:
    return bool(_BULLET.match(t)) and not t.startswith(("——", "--"))


def classify(t: str) -> tuple[str, str] | None:
    """The chrome a line is by its own features, or None.  ``t`` is stripped."""
    n = len(t)
    if not t:
        return None
    han = han_count(t)
    if han == 0:
        if _FILE.match(t):
            return "junk", "file-name"
        if _DATE.search(t) and len(key(_DATE.sub("", t))) <= 4:
            return "dateline", "date-only"
        return "junk", "no-han"
    if n <= 160 and _FURNITURE.search(t):
        return "chrome", "furniture-words"
    if _URL.search(t) and han_count(_URL.sub("", t)) <= 6:
        return "junk", "url-line"
    if n <= 60 and _BREADCRUMB.search(t):
        return "chrome", "breadcrumb"
    sentence = bool(_SENTENCE_END.search(t))
    if n <= 40 and unbulleted(t) in TAIL_HEADINGS:
        return "chrome", "related-heading"
    if n <= 80 and _RELATED_LEAD.match(t):
        return "chrome", "related-links"
    if n <= 60 and not sentence:
        if len(_SEPARATORS.findall(t)) >= 2:
            return "chrome", "separated-links"
        tokens = t.split()
        if (sum(1 for x in tokens if _HAN.search(x)) >= 4 and sum(map(len, tokens)) / len(tokens) <= 6
                and not _BYLINE_LIKE.search(t)):
            return "chrome", "menu"
        if _CONTACT.search(t) and (len(_CONTACT.findall(t)) >= 2 or n <= 30):
            return "copyright", "contact-footer"
        if len(_META_KEY.findall(t)) >= 2:
            return "dateline", "meta-keys"
        if _ISSUE.search(t) or (n <= 20 and _ISSUE_NUMBER.search(t)):
            return "dateline", "issue"
        rest = _DATE.sub("", t)
        if _DATE.search(t) and han_count(rest) <= 2 and len(key(rest)) <= 4:
            return "dateline", "date-only"
        if _DATE.match(t) and len(key(rest)) <= 24:
            return "dateline", "dateline"
        if n <= 40 and _DATE_END.search(t):
            return "dateline", "source-and-date"
        if _BULLET_DATE.match(t):
            return "chrome", "dated-link"
        if _EMPTY_KEY.match(t):
            return "dateline", "empty-key"
        if n <= 40 and _CREDIT.search(t) and (t[0] in "(（【[" or t[-1] in ")）】]" or _CREDIT.match(t) or "/" in t):
            return "credit", "credit"
        if n <= 30 and _COUNTER.search(t):
            return "chrome", "counter"
        if n <= 12 and _WIDGET_WORD.search(t) and len(key(t)) - len(_WIDGET_WORD.sub("", key(t))) >= len(key(t)) / 2:
            return "chrome", "widget"
    elif n <= 60 and _CONTACT.search(t) and len(_CONTACT.findall(t)) >= 2:
        return "copyright", "contact-footer"
    if n <= 40 and _REPORTER_LINE.match(t):
        return "dateline", "reporter-line"
    return None


_BYLINE_LIKE = regex.compile(r"[:：]|^[(（【\[]|记者|通讯员")
_SITE = regex.compile(r"^\S{2,8}(?:报|日报|晚报|时报|商报|电子报|网|在线|新闻|频道)$")


def site_name(t: str) -> bool:
    return bool(_SITE.match(t))


_SPAM_WORDS = regex.compile(
    r"一区|二区|三区|精品|中文字幕|日韩|欧美|无码|成人|毛片|在线观看|在线播放|久久|国产|视频|爱爱|av|人妻|少妇|午夜|"
    r"福利|亚洲|博彩|赌场|百家乐|彩票|娱乐城|棋牌|老虎机|六合彩|时时彩|投注|葡京|威尼斯人|注册送|真人|美女|看片",
    regex.IGNORECASE,
)


def spam_list(t: str) -> bool:
    """A keyword-stuffed title: a list of items, four or more different spam words, no sentence."""
    if "。" in t:
        return False
    separators = t.count(",") + t.count("，") + t.count("|") + t.count("_") + t.count("、") + t.count(" ")
    if separators < 2:
        return False
    words = len({m.group().lower() for m in _SPAM_WORDS.finditer(t)})
    return words >= 4 if separators >= 3 else words >= 5
