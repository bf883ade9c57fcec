"""Line features of site chrome, each against body sentences that hold the same words."""

import pytest

from annotator.normalize.chrome import classify, spam_list


@pytest.mark.parametrize("line", [
    "亚洲一区精品动漫|亚洲日韩欧美综合中文字幕|国产精品视频",
    "澳门新葡京娱乐城_百家乐真人投注_时时彩官网",
])
def test_spam_lists_in_new_forms(line):
    assert spam_list(line)


@pytest.mark.parametrize("line", [
    "您现在所在位置:首页 >> 工作动态 >> 基层动态",
    "本页位置:首页>>基层动态",
    "放大字体 缩小字体",
    "技术支持:智海网络  皖公网安备 34080302000072号",
    "Copyright 2015 安庆妇女网 主办:安庆市妇联",
    "地址:安庆市市委三楼 电话:0556-5346392",
    "访问量: 123456",
    "您是本站第 12345 位访客",
    "未经授权不得转载",
    "COMPO",
    "WS62274fe9a3107be497a09f13",
    "http://m.mituya.cn/a/202203/08/WS62274fe9a3107be497a09f13.html",
    "86026d42952515afd76fd29c4384b93.jpg",
    "2016年2月27日 星期六",
    "发布日期: 2014-03-17    作者: 安庆妇联   访问次数:",
    "即时 热门 政治 军武 社会 生活 健康 国际 地方",
    "【编辑:叶子】",
    "延伸阅读:移民署金门站办理志工通译教育训练",
    "第04版 上一期   下一期 上一版 下一版",
    "设为首页 | 加入收藏 | 联系我们",
    "为达最佳浏览效果,建议使用 Chrome、Firefox 或 Microsoft Edge 的浏览器。",
])
def test_chrome_lines(line):
    assert classify(line) is not None


@pytest.mark.parametrize("line", [
    "推送学习宣传党的二十大精神图文信息近500篇,阅读量近6万人次,发布各类学习宣讲短视频60多条。",
    "记者:您如何看待这次宣讲?",
    "(中国妇女报全媒体记者 统稿:姜军旗 采写:林志文 姜军旗 王永钦)",
    "□本报记者 张璐",
    "——访全国三八红旗手王淑芳",
    "港岛妇联团拜嘉许义工",
    "导 语",
    "庄意华 汤汉华",
    "国产大飞机、精品课程、视频会议与成人教育,都在本次展会亮相。",
    "专家建议使用正规渠道购买。",
    "“欢迎您来我们社区做客”,她笑着说。",
    "下一期培训班将于3月举办。",
    "如有疑问,请联系我们。",
    "推出手机版应用,方便群众办事。",
    "据统计,此次活动吸引了200余人参与。",
])
def test_body_lines_stay(line):
    assert classify(line) is None and not spam_list(line)


@pytest.mark.parametrize("line", [
    "发布日期:",
    "点阅率:505",
    "字型大小:",
    "记者: 蔡家蓁/综合报导。",
    "当前报章为 第14223号",
    "按Enter到主内容区",
    "- 热评文章",
])
def test_chrome_lines_of_the_held_out_kinds(line):
    assert classify(line) is not None


@pytest.mark.parametrize("line", ["记者:您认为这次活动效果如何?", "一、工作成效:", "- 开展家庭教育讲座6场"])
def test_body_lines_of_the_held_out_kinds_stay(line):
    assert classify(line) is None
