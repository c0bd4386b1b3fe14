"""A draft's text split into articles (条), the unit citizens comment on.

Pure Python. Articles are headed "第X条" (《党政机关公文格式》 and drafting practice); a draft typed
without headings is taken paragraph by paragraph, each paragraph one article.

>>> split_articles("第一条 为了规范管理，制定本办法。\\n第二条 本办法适用于本市。\\n（一）用人单位")
['为了规范管理，制定本办法。', '本办法适用于本市。\\n（一）用人单位']
>>> split_articles("为了规范。\\n\\n本办法自公布之日起施行。")
['为了规范。', '本办法自公布之日起施行。']
>>> article_label(12)
'第十二条'
"""

from __future__ import annotations

import re

from fazhi.laws.domain.numerals import NUMERAL_CHARS
from fazhi.laws.domain.numerals import article_label as _label
from fazhi.normdocs.domain.errors import Refused

MAX_ARTICLES = 300
_HEADING = re.compile(rf"^\s*第[{NUMERAL_CHARS}\d]{{1,6}}条[\s\u3000]*")


def article_label(number: int) -> str:
    return _label(number)


def split_articles(text: str) -> list[str]:
    lines = [line.rstrip() for line in (text or "").replace("\r\n", "\n").split("\n")]
    if any(_HEADING.match(line) for line in lines):
        articles: list[list[str]] = []
        for line in lines:
            if _HEADING.match(line):
                articles.append([_HEADING.sub("", line, count=1)])
            elif articles and line.strip():
                articles[-1].append(line.strip())
        result = ["\n".join(part for part in parts if part).strip() for parts in articles]
    else:
        result = [p.strip() for p in re.split(r"\n\s*\n", "\n".join(lines)) if p.strip()]
    result = [a for a in result if a]
    if not result:
        raise Refused("articles_required", "文件草案至少应有一条条文。")
    if len(result) > MAX_ARTICLES:
        raise Refused("too_many_articles", f"条文不能超过{MAX_ARTICLES}条。")
    return result
