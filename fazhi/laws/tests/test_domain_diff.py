"""The article-by-article diff between two versions (no database)."""

from __future__ import annotations

import pytest

from fazhi.laws.domain.diff import (
    ArticleText,
    ChangeKind,
    Segment,
    diff_versions,
    inline_diff,
    segments_html,
)


def art(key: str, label: str, text: str) -> ArticleText:
    return ArticleText(key=key, label=label, text=text)


OLD = [
    art("o1", "第一条", "为了规范工伤认定工作，制定本办法。"),
    art("o2", "第二条", "工伤认定申请应当在事故伤害发生之日起30日内提出。"),
    art("o3", "第三条", "本办法由劳动保障行政部门负责解释。"),
    art("o4", "第四条", "本办法自2004年1月1日起施行。"),
]


def kinds(diff) -> list[tuple[str, str | None, str | None]]:
    return [
        (c.kind.value, c.old.label if c.old else None, c.new.label if c.new else None)
        for c in diff.changes
    ]


def test_identical_versions_have_no_modified_articles():
    # when
    diff = diff_versions(OLD, list(OLD))
    # then
    assert diff.modified == ()
    assert diff.counts()["unchanged"] == 4


def test_changed_article_has_an_inline_diff():
    # given
    new = [
        *OLD[:1],
        art("n2", "第二条", "工伤认定申请应当在事故伤害发生之日起1年内提出。"),
        *OLD[2:],
    ]
    # when
    diff = diff_versions(OLD, new)
    # then
    (change,) = diff.modified
    assert change.kind is ChangeKind.CHANGED
    assert (change.old.key, change.new.key) == ("o2", "n2")
    assert segments_html(change.segments) == (
        "工伤认定申请应当在事故伤害发生之日起<del>30日</del><ins>1年</ins>内提出。"
    )


def test_inserted_article_renumbers_the_rest_without_calling_them_changed():
    # given an article inserted after the first one
    new = [
        OLD[0],
        art("n2", "第二条", "职工有下列情形之一的，应当认定为工伤。"),
        art("n3", "第三条", OLD[1].text),
        art("n4", "第四条", OLD[2].text),
        art("n5", "第五条", OLD[3].text),
    ]
    # when
    diff = diff_versions(OLD, new)
    # then
    assert kinds(diff) == [
        ("unchanged", "第一条", "第一条"),
        ("added", None, "第二条"),
        ("renumbered", "第二条", "第三条"),
        ("renumbered", "第三条", "第四条"),
        ("renumbered", "第四条", "第五条"),
    ]


def test_removed_article_and_similar_article_paired_by_content():
    # given article 3 deleted and article 4 reworded and renumbered
    new = [OLD[0], OLD[1], art("n3", "第三条", "本办法自2011年1月1日起施行。")]
    # when
    diff = diff_versions(OLD, new)
    # then
    assert kinds(diff)[2:] == [("removed", "第三条", None), ("changed", "第四条", "第三条")]
    assert diff.counts() == {
        "added": 0,
        "removed": 1,
        "changed": 1,
        "renumbered": 0,
        "unchanged": 2,
    }


def test_unrelated_texts_are_removed_and_added_not_paired():
    # when
    diff = diff_versions(
        [art("a", "第一条", "甲乙丙丁戊己庚辛")], [art("b", "第一条", "子丑寅卯辰巳午未")]
    )
    # then
    assert kinds(diff) == [("removed", "第一条", None), ("added", None, "第一条")]


def test_empty_sides():
    assert kinds(diff_versions([], OLD[:1])) == [("added", None, "第一条")]
    assert kinds(diff_versions(OLD[:1], [])) == [("removed", "第一条", None)]
    assert diff_versions([], []).changes == ()


def test_very_long_gap_falls_back_to_pairing_by_number(monkeypatch):
    # given a gap too long to compare every pair by content
    monkeypatch.setattr("fazhi.laws.domain.diff.MAX_PAIRWISE", 1)
    old = [art("o1", "第一条", "甲甲甲甲"), art("o2", "第二条", "乙乙乙乙")]
    new = [art("n1", "第一条", "丙丙丙丙"), art("n2", "第二条", "乙乙乙丁")]
    # when
    diff = diff_versions(old, new)
    # then
    assert kinds(diff) == [("changed", "第一条", "第一条"), ("changed", "第二条", "第二条")]


@pytest.mark.parametrize(
    ("_case", "old", "new", "expected"),
    [
        ("insertion", "在五日内", "在十五日内", "在<ins>十</ins>五日内"),
        ("deletion", "具体行政行为", "行政行为", "<del>具体</del>行政行为"),
        (
            "latin word is one token",
            "依据GB9704",
            "依据GB9705",
            "依据<del>GB9704</del><ins>GB9705</ins>",
        ),
        ("html is escaped", "a<b", "a>b", "a<del>&lt;</del><ins>&gt;</ins>b"),
        (
            "short equal run is folded",
            "保障和监督行政机关",
            "监督和保障行政机关",
            "<del>保障和监督</del><ins>监督和保障</ins>行政机关",
        ),
    ],
)
def test_inline_diff(_case, old, new, expected):
    assert segments_html(inline_diff(old, new)) == expected


def test_inline_diff_rebuilds_both_texts():
    # given
    old, new = "第一款（一）甲；\n（二）乙。", "第一款（一）甲、丙；\n（三）乙。"
    # when
    segments = inline_diff(old, new)
    # then
    assert "".join(s.text for s in segments if s.op != "insert") == old
    assert "".join(s.text for s in segments if s.op != "delete") == new
    assert all(isinstance(s, Segment) and s.text for s in segments)


def test_docstring_examples():
    import doctest

    from fazhi.laws.domain import diff

    result = doctest.testmod(diff)
    assert result.attempted > 0 and result.failed == 0
