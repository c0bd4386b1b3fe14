"""The life of a 行政规范性文件 as a transition table: (stage, action) → next stage.

Pure Python. The order of the steps follows the sources listed below; a step can only be taken
from the stage the table names, so none can be skipped:

* 起草 → 公开征求意见: 国办发〔2018〕37号 (documents affecting the public's rights and duties go
  out for public comment, "一般不少于30日" — UNVERIFIED, the period is configurable);
* → 合法性审核: 国办发〔2018〕115号 (六)(七): 征求意见 cannot replace it, and an unreviewed or
  unlawful draft may not go to 集体审议;
* → 公平竞争审查: 《公平竞争审查条例》第二条、第十三条 (a measure failing review may not be
  issued, 第十七条); a failed review or an unlawful opinion sends the draft back to 修改;
* → 集体审议 → 统一登记、统一编号 → 印发/公布: 37号 "三统一" and 集体审议 (UNVERIFIED as 37号
  text; 《天津市行政规范性文件管理规定》(市政府令第15号) 第三条 lists 起草、审核、决定、公布、备案、清理);
* → 备案 (有件必备、有备必审、有错必纠) → 有效 → 清理 (废止 / 宣布失效) or 有效期届满.

>>> next_stage(Stage.DRAFTING, Action.OPEN_COMMENT)
<Stage.PUBLIC_COMMENT: 'public_comment'>
>>> next_stage(Stage.DRAFTING, Action.REGISTER)
Traceback (most recent call last):
...
fazhi.normdocs.domain.errors.Refused: 当前处于“起草”阶段，不能进行“统一登记编号”：须依次完成公开征求意见、合法性审核、公平竞争审查和集体审议（国办发〔2018〕37号、115号）。
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

from fazhi.normdocs.domain.errors import Refused


class Stage(StrEnum):
    DRAFTING = "drafting"
    PUBLIC_COMMENT = "public_comment"
    LEGALITY_REVIEW = "legality_review"
    REVISING = "revising"
    FAIR_COMPETITION = "fair_competition"
    DELIBERATION = "deliberation"
    APPROVED = "approved"
    REGISTERED = "registered"
    PUBLISHED = "published"
    FILED = "filed"
    CORRECTION = "correction"
    IN_FORCE = "in_force"
    REPEALED = "repealed"
    INVALIDATED = "invalidated"
    EXPIRED = "expired"


STAGE_LABELS: Mapping[Stage, str] = MappingProxyType(
    {
        Stage.DRAFTING: "起草",
        Stage.PUBLIC_COMMENT: "公开征求意见",
        Stage.LEGALITY_REVIEW: "合法性审核",
        Stage.REVISING: "修改完善",
        Stage.FAIR_COMPETITION: "公平竞争审查",
        Stage.DELIBERATION: "集体审议",
        Stage.APPROVED: "待登记编号",
        Stage.REGISTERED: "已登记编号",
        Stage.PUBLISHED: "已公布（待备案）",
        Stage.FILED: "已报备（备案审查中）",
        Stage.CORRECTION: "责令纠正",
        Stage.IN_FORCE: "有效",
        Stage.REPEALED: "已废止",
        Stage.INVALIDATED: "宣布失效",
        Stage.EXPIRED: "有效期届满",
    }
)


class Action(StrEnum):
    EDIT_DRAFT = "edit_draft"
    OPEN_COMMENT = "open_comment"
    SUBMIT_REVIEW = "submit_review"
    REVIEW = "review"
    RESUBMIT = "resubmit"
    FAIR_COMPETITION = "fair_competition"
    DELIBERATE = "deliberate"
    REGISTER = "register"
    PUBLISH = "publish"
    FILE = "file"
    FILING_RESULT = "filing_result"
    CORRECT = "correct"
    REPEAL = "repeal"
    INVALIDATE = "invalidate"
    EXPIRE = "expire"


ACTION_LABELS: Mapping[Action, str] = MappingProxyType(
    {
        Action.EDIT_DRAFT: "修改草案",
        Action.OPEN_COMMENT: "公开征求意见",
        Action.SUBMIT_REVIEW: "结束征求意见并送合法性审核",
        Action.REVIEW: "出具合法性审核意见",
        Action.RESUBMIT: "修改后重新送审",
        Action.FAIR_COMPETITION: "记录公平竞争审查结论",
        Action.DELIBERATE: "记录集体审议决定",
        Action.REGISTER: "统一登记编号",
        Action.PUBLISH: "印发公布（含政策解读）",
        Action.FILE: "报送备案",
        Action.FILING_RESULT: "记录备案审查结果",
        Action.CORRECT: "纠正完毕",
        Action.REPEAL: "废止（清理）",
        Action.INVALIDATE: "宣布失效（清理）",
        Action.EXPIRE: "有效期届满",
    }
)

# Stages in which a published document still binds (清理 assesses exactly these).
IN_FORCE_STAGES: frozenset[Stage] = frozenset(
    {Stage.PUBLISHED, Stage.FILED, Stage.CORRECTION, Stage.IN_FORCE}
)
ENDED_STAGES: frozenset[Stage] = frozenset({Stage.REPEALED, Stage.INVALIDATED, Stage.EXPIRED})

# A review or decision can lead to more than one stage; the service picks by its outcome, and
# the table lists every target so each one is still checked here.
TRANSITIONS: Mapping[tuple[Stage, Action], frozenset[Stage]] = MappingProxyType(
    {
        # The text is the drafter's until it is published for comment; after that a change goes
        # through 修改完善 so that comments keep pointing at the article they were made on.
        (Stage.DRAFTING, Action.EDIT_DRAFT): frozenset({Stage.DRAFTING}),
        (Stage.DRAFTING, Action.OPEN_COMMENT): frozenset({Stage.PUBLIC_COMMENT}),
        (Stage.PUBLIC_COMMENT, Action.SUBMIT_REVIEW): frozenset({Stage.LEGALITY_REVIEW}),
        (Stage.LEGALITY_REVIEW, Action.REVIEW): frozenset({Stage.FAIR_COMPETITION, Stage.REVISING}),
        (Stage.REVISING, Action.RESUBMIT): frozenset({Stage.LEGALITY_REVIEW}),
        (Stage.FAIR_COMPETITION, Action.FAIR_COMPETITION): frozenset(
            {Stage.DELIBERATION, Stage.REVISING}
        ),
        (Stage.DELIBERATION, Action.DELIBERATE): frozenset({Stage.APPROVED, Stage.REVISING}),
        (Stage.APPROVED, Action.REGISTER): frozenset({Stage.REGISTERED}),
        (Stage.REGISTERED, Action.PUBLISH): frozenset({Stage.PUBLISHED}),
        (Stage.PUBLISHED, Action.FILE): frozenset({Stage.FILED}),
        (Stage.FILED, Action.FILING_RESULT): frozenset({Stage.IN_FORCE, Stage.CORRECTION}),
        (Stage.CORRECTION, Action.CORRECT): frozenset({Stage.IN_FORCE}),
        **{(stage, Action.REPEAL): frozenset({Stage.REPEALED}) for stage in IN_FORCE_STAGES},
        **{(stage, Action.INVALIDATE): frozenset({Stage.INVALIDATED}) for stage in IN_FORCE_STAGES},
        **{(stage, Action.EXPIRE): frozenset({Stage.EXPIRED}) for stage in IN_FORCE_STAGES},
    }
)

# What must come first, in words, for the refusal message.
_PREREQUISITES: Mapping[Action, str] = MappingProxyType(
    {
        Action.EDIT_DRAFT: "只有起草中的文件可以直接修改草案；征求意见后的修改须经“修改后重新送审”",
        Action.OPEN_COMMENT: "只有起草中的文件可以公开征求意见（国办发〔2018〕37号）",
        Action.SUBMIT_REVIEW: "须先公开征求意见，征求意见不能代替合法性审核（国办发〔2018〕115号（六））",
        Action.REVIEW: "须先结束征求意见并送审（国办发〔2018〕115号（五））",
        Action.RESUBMIT: "只有审核或审查未通过、退回修改的文件可以重新送审",
        Action.FAIR_COMPETITION: "须先经合法性审核并认定合法（国办发〔2018〕115号（七））",
        Action.DELIBERATE: "未经合法性审核或公平竞争审查未通过的，不得提交集体审议（国办发〔2018〕115号（七）；《公平竞争审查条例》第十七条）",
        Action.REGISTER: "须依次完成公开征求意见、合法性审核、公平竞争审查和集体审议（国办发〔2018〕37号、115号）",
        Action.PUBLISH: "须先统一登记、统一编号（国办发〔2018〕37号“三统一”）",
        Action.FILE: "须先印发公布（有件必备）",
        Action.FILING_RESULT: "须先报送备案",
        Action.CORRECT: "只有被责令纠正的文件需要记录纠正",
        Action.REPEAL: "只有已公布且有效的文件可以废止",
        Action.INVALIDATE: "只有已公布且有效的文件可以宣布失效",
        Action.EXPIRE: "只有已公布且有效的文件会有效期届满",
    }
)


def next_stage(current: Stage, action: Action, target: Stage | None = None) -> Stage:
    """The stage ``action`` leads to from ``current``; raise `Refused` if it is not allowed.

    ``target`` chooses among several outcomes (a review may pass or send the draft back).
    """
    targets = TRANSITIONS.get((Stage(current), Action(action)))
    if not targets:
        raise Refused(
            "illegal_transition",
            f"当前处于“{STAGE_LABELS[Stage(current)]}”阶段，不能进行“{ACTION_LABELS[action]}”："
            f"{_PREREQUISITES[action]}。",
        )
    if target is None:
        if len(targets) != 1:
            raise ValueError(f"{action} from {current} needs an explicit target")
        return next(iter(targets))
    if target not in targets:
        raise Refused(
            "illegal_transition",
            f"“{ACTION_LABELS[action]}”不能使文件进入“{STAGE_LABELS[target]}”阶段。",
        )
    return target


def allowed_actions(current: Stage) -> list[Action]:
    """The actions possible from ``current``, in table order (the staff page shows only these)."""
    return [action for (stage, action) in TRANSITIONS if stage == current]


def is_in_force(stage: Stage) -> bool:
    return Stage(stage) in IN_FORCE_STAGES
