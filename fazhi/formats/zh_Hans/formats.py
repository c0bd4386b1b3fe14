"""zh-hans input formats with ISO first (issue 19.3).

Django renders a date input's value with the locale's first input format; zh-hans puts
``%Y/%m/%d`` first, and ``<input type="date">`` shows ``2026/12/07`` as empty, so every form
that reloaded with a date lost it. ISO comes first here; the other forms Chinese users type are
still accepted.
"""

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
]
