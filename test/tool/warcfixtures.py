"""WARC fixtures with Chinese pages in GBK and Big5, written for libscrub's
tests (the text is our own).  `python3 warcfixtures.py DIR` writes them as
files (the fuzz seed corpus holds such a set)."""
import gzip
import os
import sys
import zlib

ARTICLE_HANS = [
    "城南社区开展垃圾分类宣传活动",
    "本报讯 十一月二十日上午，城南街道在中心广场举办垃圾分类宣传活动，吸引了三百多名居民参加。",
    "活动现场，志愿者向居民讲解了厨余垃圾、可回收物、有害垃圾和其他垃圾的分类方法，并发放了宣传手册和分类垃圾袋。",
    "“以前总觉得分类很麻烦，现在知道了方法，其实并不难。”居民王女士说。",
    "街道负责人表示，下一步将在各小区设置分类督导员，帮助居民养成分类投放的习惯。",
]
ARTICLE_HANT = [
    "市立圖書館延長夜間開放時間",
    "為了方便上班族借閱，市立圖書館自下月起將週一至週五的開放時間延長至晚上十點。",
    "館方表示，延長開放後將增加自助借還書機和閱覽座位，並在夜間安排專人提供諮詢服務。",
    "許多讀者對此表示歡迎，認為這項措施讓下班後的學習更加便利。",
]


NAV = {"hans": ("首页", "新闻中心", "版权所有 2024 城南街道办事处"),
       "hant": ("首頁", "新聞中心", "版權所有 2024 市立圖書館")}


def page(title, paragraphs, meta_charset=None, script="hans"):
    home, news, footer = NAV[script]
    head = '<meta charset="%s">' % meta_charset if meta_charset else ""
    body = "".join("<p>%s</p>\n" % p for p in paragraphs[1:])
    return ("<!DOCTYPE html>\n<html><head>%s<title>%s</title></head>\n<body>\n"
            "<nav><a href=\"/\">%s</a> | <a href=\"/news\">%s</a></nav>\n"
            "<article><h1>%s</h1>\n%s</article>\n"
            "<footer>%s</footer>\n</body></html>\n"
            % (head, title, home, news, paragraphs[0], body, footer))


def chunked(data, size=97):
    out = b""
    for i in range(0, len(data), size):
        piece = data[i:i + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def http_response(body, headers):
    head = "HTTP/1.1 200 OK\r\n" + "".join("%s: %s\r\n" % h for h in headers) + "\r\n"
    return head.encode("ascii") + body


def record(rtype, uri, block, content_type, date="2024-05-01T08:00:00Z", rid=1):
    head = ("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\n"
            "WARC-Date: %s\r\n" % (rtype, rid, date))
    if uri:
        head += "WARC-Target-URI: %s\r\n" % uri
    head += "Content-Type: %s\r\nContent-Length: %d\r\n\r\n" % (content_type, len(block))
    return head.encode("ascii") + block + b"\r\n\r\n"


HTTP_CT = "application/http; msgtype=response"


def records():
    """(name, record bytes) in file order."""
    gbk_html = page(ARTICLE_HANS[0], ARTICLE_HANS).encode("gbk")
    big5_html = page(ARTICLE_HANT[0], ARTICLE_HANT, meta_charset="big5", script="hant").encode("big5")
    deflated = zlib.compress(big5_html)
    return [
        ("warcinfo", record("warcinfo", None, b"software: libscrub tests\r\n",
                            "application/warc-fields", rid=1)),
        # GBK with the charset in the HTTP header, chunked transfer coding
        ("gbk", record("response", "http://example.cn/gbk.html",
                       http_response(chunked(gbk_html), [("Content-Type", "text/html; charset=gbk"),
                                                         ("Transfer-Encoding", "chunked")]),
                       HTTP_CT, rid=2)),
        ("request", record("request", "http://example.cn/gbk.html",
                           b"GET /gbk.html HTTP/1.1\r\nHost: example.cn\r\n\r\n",
                           "application/http; msgtype=request", rid=3)),
        # Big5 declared only in <meta>, gzip content coding
        ("big5", record("response", "http://example.tw/big5.html",
                        http_response(gzip.compress(big5_html, mtime=0),
                                      [("Content-Type", "text/html"),
                                       ("Content-Encoding", "gzip")]),
                        HTTP_CT, rid=4)),
        # Big5 again with zlib "deflate" coding
        ("deflate", record("response", "http://example.tw/deflate.html",
                           http_response(deflated, [("Content-Type", "text/html; charset=big5"),
                                                    ("Content-Encoding", "deflate")]),
                           HTTP_CT, rid=5)),
        # an image: skipped
        ("image", record("response", "http://example.cn/logo.png",
                         http_response(b"\x89PNG\r\n\x1a\n", [("Content-Type", "image/png")]),
                         HTTP_CT, rid=6)),
        # a resource record: UTF-8 text stored as it is
        ("resource", record("resource", "file:///notes.txt",
                            "\n".join(ARTICLE_HANS[:3]).encode("utf-8") + b"\n",
                            "text/plain; charset=utf-8", rid=7)),
        # a conversion record (text derived from a page)
        ("conversion", record("conversion", "http://example.tw/big5.html",
                              "\n".join(ARTICLE_HANT).encode("utf-8") + b"\n",
                              "text/plain", rid=8)),
    ]


def warc_plain():
    return b"".join(r for _, r in records())


def warc_gzip_per_record():
    return b"".join(gzip.compress(r, mtime=0) for _, r in records())


if __name__ == "__main__":
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "chinese.warc"), "wb") as f:
        f.write(warc_plain())
    with open(os.path.join(out, "chinese.warc.gz"), "wb") as f:
        f.write(warc_gzip_per_record())
