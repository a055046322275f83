#!/usr/bin/env python3
"""Writes the sample pages of `make demo` (examples/data/).  The text is
written for libscrub; names, numbers, sites and phone numbers are made up.
Run from anywhere: python3 examples/data/make_samples.py"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

NEWS_HANS = [
    "城南社区开展垃圾分类宣传活动",
    "2024-05-01 09:30 来源：城南日报 作者：李明 浏览次数：1024",
    "本报讯 五月一日上午，城南街道在中心广场举办垃圾分类宣传活动，吸引了三百多名居民参加。",
    "活动现场，志愿者向居民讲解了厨余垃圾、可回收物、有害垃圾和其他垃圾的分类方法，并发放了宣传手册和分类垃圾袋。",
    "“以前总觉得分类很麻烦，现在知道了方法，其实并不难。”居民王女士说。",
    "街道负责人表示，下一步将在各小区设置分类督导员，帮助居民养成分类投放的习惯。",
]

LIBRARY_HANT = [
    "市立圖書館延長夜間開放時間",
    "為了方便上班族借閱，市立圖書館自下月起將週一至週五的開放時間延長至晚上十點。",
    "館方表示，延長開放後將增加自助借還書機和閱覽座位，並在夜間安排專人提供諮詢服務。",
    "許多讀者對此表示歡迎，認為這項措施讓下班後的學習更加便利。",
]

NEWS_JA = [
    "市民マラソン大会、過去最多の参加者",
    "第十回市民マラソン大会が日曜日に開かれ、過去最多となる八千人が川沿いのコースを走った。",
    "今年は車いすの部が新設され、地元の中学生もボランティアとして給水所を手伝った。",
    "実行委員会は来年も同じ時期に開催する予定だという。",
]


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def gbk_page():
    title, meta, *body = NEWS_HANS
    html = """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>%s_城南在线</title>
<style>body { font-size: 14px; }</style>
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
</head>
<body>
<div class="top-nav"><a href="/">首页</a> | <a href="/news/">新闻</a> | <a href="/life/">生活</a> | <a href="/about/">关于我们</a></div>
<div class="breadcrumb">您当前的位置：<a href="/">城南在线</a> &gt;&gt; <a href="/news/">社区新闻</a> &gt;&gt; 正文</div>
<div class="article">
<h1>%s</h1>
<div class="info">%s</div>
%s
</div>
<div class="share">分享到：微信 微博 QQ空间</div>
<div class="related"><h3>相关阅读</h3><ul><li><a href="/n/1.html">城北社区举办消防演练</a></li><li><a href="/n/2.html">城南街道召开居民议事会</a></li></ul></div>
<div class="footer">版权所有 &copy; 2024 城南在线 | <a href="/ad/">广告服务</a> | <a href="/contact/">联系我们</a><br>京ICP备00000000号</div>
</body>
</html>
""" % (title, title, meta, "\n".join("<p>%s</p>" % p for p in body))
    return html.encode("gbk")


def big5_page():
    title, *body = LIBRARY_HANT
    # no charset declaration anywhere: the bytes must be detected
    html = """<html>
<head><title>%s - 市立圖書館</title></head>
<body>
<nav><ul><li><a href="/">首頁</a></li><li><a href="/news">最新消息</a></li><li><a href="/service">讀者服務</a></li></ul></nav>
<main>
<h2>%s</h2>
%s
</main>
<footer>地址：市民大道一段一號　電話：(02) 0000-0000<br>版權所有 &copy; 市立圖書館</footer>
</body>
</html>
""" % (title, title, "\n".join("<p>%s</p>" % p for p in body))
    return html.encode("big5")


def sjis_page():
    title, *body = NEWS_JA
    html = """<html><head><meta charset="Shift_JIS"><title>%s</title></head>
<body>
<div id="menu"><a href="/">トップ</a> | <a href="/sports">スポーツ</a> | <a href="/local">地域</a></div>
<h1>%s</h1>
%s
<div id="footer">Copyright (C) 2024 Example Shimbun. All rights reserved.</div>
</body></html>
""" % (title, title, "\n".join("<p>%s</p>" % p for p in body))
    return html.encode("shift_jis")


def mojibake_text():
    """Extracted text in which some lines went through UTF-8 read as GBK, the
    most common damage on Chinese pages."""
    lines = []
    for i, line in enumerate(NEWS_HANS):
        if i in (2, 4):
            damaged = line.encode("utf-8").decode("gb18030", errors="replace")
            lines.append(damaged)
        else:
            lines.append(line)
    return ("\n".join(lines) + "\n").encode("utf-8")


def lossy_text():
    """Traditional text made by an automatic converter from a GBK page, with
    pinyin glued after characters and a `??` run read one byte out of step."""
    words = "專科".encode("gbk")          # the first character's bytes were lost
    rest = "科醫生為患者提供診療服務".encode("gbk")
    shifted = b"??" + rest[1:]            # one byte out of step after the loss
    run = shifted.decode("gbk", errors="replace")
    lines = [
        "社區醫(yī)院開設慢性病專科門診",
        "為方便居民就醫(yī)，社區醫(yī)院從本月起開設慢性病專科門診(全天)。",
        "門診由兩名主治醫(yī)師(張偉  陳靜)坐診，提供高血壓、糖尿病的隨訪和用藥指導。",
        "本院" + run + "，歡迎居民前來咨詢。",
        "醫(yī)院地址：健康路十八號　咨詢熱線：0000-0000000",
    ]
    del words
    return ("\n".join(lines) + "\n").encode("utf-8")


def spam_text():
    """Extracted text of a page with injected SEO lines, a clock widget and
    footer lines around a real article."""
    lines = [
        "您当前的位置：首页 > 社区新闻 > 正文",
        "当前时间：2024年05月01日 星期三",
    ] + NEWS_HANS[:1] + NEWS_HANS[2:] + [
        "北京治疗皮肤病最好的医院 http://www.example-hospital.test 咨询电话：010-00000000",
        "澳门赌场,网上赌场,真人娱乐,百家乐,老虎机,体育投注,彩票开户,注册送彩金",
        "转载请注明：http://www.example.test/news/1.html",
        "京ICP备00000000号 京公网安备00000000000000号",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


if __name__ == "__main__":
    write("news-gbk.html", gbk_page())
    write("library-big5.html", big5_page())
    write("marathon-sjis.html", sjis_page())
    write("mojibake-utf8-as-gbk.txt", mojibake_text())
    write("lossy-pinyin-hant.txt", lossy_text())
    write("seo-spam.txt", spam_text())
