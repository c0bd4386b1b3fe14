"""Who may do what: the bureau's permission rules, named once (DESIGN principle 8).

A :class:`Rule` names an action, the roles that may take it (by ``Role.code``, never by the
Chinese group name) and whether the object must lie in the actor's unit scope. Every write
service calls :func:`require` on the object it changes, before it writes, whoever the caller is
(page, API, CLI, job); views and the API only translate the refusal and use :func:`allowed` to
decide what to offer.

Scope: a role with ``sees_all_units`` (法规处, 法制审核, 局领导, 系统管理员) acts on every unit's
records; any other role acts on its own unit and the units below it — the same scope as reading
(``accounts.selectors.scope_queryset``), so nobody writes what they cannot read. A superuser
holds the 系统管理员 role and nothing more: it is not a way round a rule that leaves the
administrator out (for example 法制审核, 行政处罚法 第五十八条).
"""

from __future__ import annotations

from fazhi.accounts.roles import (
    ADMIN,
    DIVISION_CLERK,
    ENFORCEMENT_OFFICER,
    LEADER,
    LEGAL_REVIEWER,
    LEGAL_STAFF,
    Role,
)

# The machinery is core's (core's own services are gated too); re-exported for every app.
from fazhi.core.permissions import (  # noqa: F401
    CORE_CALENDAR,
    SYSTEM,
    NotPermitted,
    Rule,
    SystemActor,
    acts_bureau_wide,
    allowed,
    has_role,
    in_scope,
    is_system,
    require,
    require_system,
    role_codes,
)


def _rule(code: str, what: str, *roles: Role, scoped: bool = True) -> Rule:
    return Rule(code, what, frozenset(r.code for r in roles), scoped)


# --- the rules ---------------------------------------------------------------------------------
# Grouped by app; a new app adds its rules here, so the whole table reads in one place.

POWERS_EDIT = _rule("powers.edit", "维护权责清单事项", LEGAL_STAFF, ADMIN, DIVISION_CLERK)

NORMDOCS_DRAFT = _rule("normdocs.draft", "起草和征求意见", DIVISION_CLERK, LEGAL_STAFF)
# 国办发〔2018〕115号 (四): legality review by the body's own 审核机构.
NORMDOCS_LEGALITY_REVIEW = _rule("normdocs.legality_review", "合法性审核", LEGAL_REVIEWER)
NORMDOCS_DELIBERATION = _rule("normdocs.deliberation", "记录集体审议", LEADER, LEGAL_STAFF)
# 三统一 (统一登记、统一编号、统一印发) is centralised in 法规处.
NORMDOCS_ADMINISTER = _rule("normdocs.administer", "登记编号、公布、备案和清理", LEGAL_STAFF)

DISPUTES_HANDLE = _rule("disputes.handle", "办理行政复议和行政应诉", LEGAL_STAFF, LEADER, ADMIN)

OFFICERS_MANAGE = _rule("officers.manage", "管理执法人员和执法证", LEGAL_STAFF, LEADER, ADMIN)

ENFORCEMENT_HANDLE = _rule("enforcement.handle", "办理执法案件", ENFORCEMENT_OFFICER, LEADER, ADMIN)
# 行政处罚法（2021）第五十八条: 法制审核 by the body's 法制审核人员, not by the investigators.
ENFORCEMENT_LEGAL_REVIEW = _rule("enforcement.legal_review", "法制审核", LEGAL_REVIEWER)
# 行政处罚法（2021）第五十七条（2017 年版第三十八条）: the 负责人 reviews and decides.
ENFORCEMENT_DECIDE = _rule("enforcement.decide", "作出行政处罚决定（负责人）", LEADER)

# 谁执法谁公示 (国办发〔2018〕118号 二).
PUBLICITY_PUBLISH = _rule(
    "publicity.publish",
    "公示和撤回",
    ENFORCEMENT_OFFICER,
    DIVISION_CLERK,
    LEGAL_STAFF,
    LEADER,
    ADMIN,
)

INSPECTIONS_MANAGE = _rule(
    "inspections.manage",
    "维护抽查事项、制定计划和抽取",
    ENFORCEMENT_OFFICER,
    LEGAL_STAFF,
    LEADER,
    ADMIN,
)
# 谁检查、谁录入: the service also checks that the actor is one of the check's inspectors.
INSPECTIONS_ENTER_RESULTS = _rule(
    "inspections.enter_results", "录入和公开检查结果", ENFORCEMENT_OFFICER, ADMIN
)

LICENSING_HANDLE = _rule("licensing.handle", "办理行政许可", DIVISION_CLERK, LEADER, ADMIN)
CATALOGUE_MANAGE = _rule(
    "catalogue.manage", "维护政务服务事项目录", DIVISION_CLERK, LEGAL_STAFF, ADMIN
)

# --- enforcement (branch enfgate) ---
# 裁量基准 are the bureau's, not a unit's (行政处罚法 第三十四条: 制定并公布): unscoped.
ENFORCEMENT_BENCHMARKS = _rule(
    "enforcement.benchmarks",
    "导入、修改和发布裁量基准",
    LEGAL_STAFF,
    LEGAL_REVIEWER,
    LEADER,
    ADMIN,
    scoped=False,
)
# 案卷导出 (118号 (九)): those who work on the case file — its handlers and the 法制 staff.
ENFORCEMENT_EXPORT = _rule(
    "enforcement.export",
    "导出案卷",
    ENFORCEMENT_OFFICER,
    LEGAL_STAFF,
    LEGAL_REVIEWER,
    LEADER,
    ADMIN,
)
# --- end enforcement (branch enfgate) ---
# --- reports and planning (issue 24; 第一责任人 from issue 23) ---
PLANNING_MANAGE = _rule("planning.manage", "登记主要负责人任职", LEGAL_STAFF, ADMIN)
# 法治建设工作要点 and the 第一责任人's record: drafted by 法规处 for the head (规定 第四条 亲自部署).
PLANNING_PLAN = _rule(
    "planning.plan", "制定工作要点和登记第一责任人履职记录", LEGAL_STAFF, LEADER, ADMIN
)
# A task's progress is reported by its lead unit (scoped to the task's 牵头单位).
PLANNING_PROGRESS = _rule(
    "planning.progress", "报送工作要点任务进展", DIVISION_CLERK, LEGAL_STAFF, LEADER, ADMIN
)
# 述法: the leader writes and submits their own (the service checks it is theirs); 法规处 helps.
PLANNING_STATEMENT = _rule("planning.statement", "撰写和提交述法", LEADER, LEGAL_STAFF)
# 评议 and 考核 scoring: 法规处 as the assessment office; the indicator tree is configuration.
PLANNING_ASSESS = _rule("planning.assess", "述法评议、配置考核指标和评分", LEGAL_STAFF, LEADER)
# 法规处 drafts the annual report (seed: 如对本报告有任何疑问，请与市人社局法规处联系).
REPORTS_DRAFT = _rule("reports.draft", "起草和定稿年度法治政府建设报告", LEGAL_STAFF)
REPORTS_COMMENT = _rule(
    "reports.comment",
    "对年度报告提出意见",
    LEGAL_STAFF,
    DIVISION_CLERK,
    ENFORCEMENT_OFFICER,
    LEGAL_REVIEWER,
    LEADER,
    scoped=False,
)
# The 主要负责人 signs the report (the service also checks the actor is the one in office).
REPORTS_APPROVE = _rule("reports.approve", "审定年度报告", LEADER, scoped=False)
# Who is reminded from 1 January of the previous year's report (the drafters and the head).
REPORTS_FOLLOW = _rule(
    "reports.follow", "跟进年度报告的报送和公开", LEGAL_STAFF, LEADER, scoped=False
)

# --- supervision (issue 22): 执法监督 by 法规处, the 行政执法监督机构 of the bureau ---
SUPERVISION_SCAN = _rule("supervision.scan", "运行执法预警扫描", LEGAL_STAFF, ADMIN, scoped=False)
# 案卷评查: 法规处 organises; reviewers come from any unit (the service checks assignment and 回避).
SUPERVISION_REVIEW_MANAGE = _rule(
    "supervision.review_manage", "组织案卷评查", LEGAL_STAFF, ADMIN, scoped=False
)
SUPERVISION_REVIEW_SCORE = _rule(
    "supervision.review_score",
    "评查案卷",
    LEGAL_STAFF,
    LEGAL_REVIEWER,
    ENFORCEMENT_OFFICER,
    LEADER,
    DIVISION_CLERK,
    scoped=False,
)
# 督办: 法规处 and 局领导 issue and close; the unit supervised replies (scoped to its unit).
SUPERVISION_OVERSEE = _rule("supervision.oversee", "督办", LEGAL_STAFF, LEADER, ADMIN, scoped=False)
SUPERVISION_OVERSIGHT_REPLY = _rule(
    "supervision.oversight_reply",
    "回复督办",
    ENFORCEMENT_OFFICER,
    DIVISION_CLERK,
    LEADER,
    ADMIN,
)


# --- gateothers (issue 16.1, 18.1): rules for accounts, core, laws and the exchange --------------
# and the system actor. Kept as one block so parallel additions merge cleanly.

ACCOUNTS_ADMINISTER = _rule("accounts.administer", "维护机构、账号和角色", ADMIN)
# A token is issued or revoked by its owner; for someone else only by an administrator.
ACCOUNTS_TOKENS = _rule("accounts.tokens", "为他人签发或吊销 API 令牌", ADMIN)
# 国务院办公厅放假通知: the calendar every time limit counts on, kept by the administrator or 法规处.
# CORE_CALENDAR (维护节假日、调休安排并重算期限; 系统管理员, 法规处): core's own, fazhi.core.permissions.
LAWS_MAINTAIN = _rule("laws.maintain", "导入和维护法律法规库", LEGAL_STAFF, ADMIN)
# 双公示 exchange with the credit platform is run by 法规处 (the platform's keeper).
PUBLICITY_EXCHANGE = _rule("publicity.exchange", "报送双公示数据和导入回执", LEGAL_STAFF, ADMIN)
# An approval the law gives to the 负责人 (复议 extension 行政复议法（2023）第六十二条, 应诉
# 审批, 许可 extension 行政许可法 第四十二条): checked on the approver, not on the actor.
HEAD_APPROVAL = _rule("head.approve", "批准（负责人）", LEADER, ADMIN)


# SystemActor, SYSTEM, is_system and require_system: fazhi.core.permissions (imported above).


# --- decisions: 重大行政决策, 法律顾问, 公平竞争审查 (issue 21) ---
# 法规处 keeps the 决策事项目录 and the counsel register (重大行政决策程序暂行条例 第三条).
DECISIONS_CATALOGUE = _rule("decisions.catalogue", "编制、公布和调整决策事项目录", LEGAL_STAFF)
# The 承办单位 runs the procedures (第十一条); 法规处 may act for it.
DECISIONS_RUN = _rule("decisions.run", "办理重大行政决策程序", DIVISION_CLERK, LEGAL_STAFF)
# 第二十五条: the 合法性审查 is made by the body's 法制机构 (our 法制审核人员).
DECISIONS_LEGALITY_REVIEW = _rule(
    "decisions.legality_review", "出具决策合法性审查意见", LEGAL_REVIEWER
)
# 第三十条: the 集体讨论决定 is recorded for the 行政首长 by 局领导 or 法规处.
DECISIONS_DISCUSS = _rule("decisions.discuss", "记录集体讨论决定", LEADER, LEGAL_STAFF)
DECISIONS_COUNSEL_REGISTER = _rule(
    "decisions.counsel_register", "维护法律顾问名册", LEGAL_STAFF, ADMIN
)
# Any module may ask counsel (中办发〔2016〕30号); the answer is entered by 法制审核/法规处 or the
# counsel's own account (the service checks the sign-off is the 首席法律顾问's).
DECISIONS_COUNSEL_REQUEST = _rule(
    "decisions.counsel_request",
    "委托法律顾问出具意见",
    LEGAL_STAFF,
    LEGAL_REVIEWER,
    DIVISION_CLERK,
    ENFORCEMENT_OFFICER,
)
DECISIONS_COUNSEL_ANSWER = _rule(
    "decisions.counsel_answer", "录入和签发法律意见", LEGAL_REVIEWER, LEGAL_STAFF, scoped=False
)
# 公平竞争审查条例 第十三条: the drafter reviews its own measure.
DECISIONS_COMPETITION = _rule(
    "decisions.competition", "开展公平竞争审查", DIVISION_CLERK, LEGAL_STAFF, LEGAL_REVIEWER
)


# --- legislation: 立法 projects and comments on drafts from above (issue 21) ---
# 规章制定程序条例 第十条: the department (法规处 with the 业务处室) applies and drafts.
LEGISLATION_MANAGE = _rule(
    "legislation.manage", "办理立法项目和上级草案征求意见", LEGAL_STAFF, DIVISION_CLERK
)
# The bureau's reply to a draft from above goes out under a 局领导's signature.
LEGISLATION_SIGN = _rule("legislation.sign", "签发对上级草案的反馈意见", LEADER)


# --- education (issue 23): 普法 and the online 学法用法 exam ---
# 法规处 runs 普法 and the exam (roles.py: 法规处工作人员 — 规范性文件、复议诉讼、普法、年度报告).
EDUCATION_MANAGE = _rule("education.manage", "管理普法工作和学法用法考试", LEGAL_STAFF, ADMIN)
# 谁执法谁普法 (中办发〔2017〕31号): each unit carries out the 普法责任清单 items it leads and
# records its own 普法 activities; 法规处 (EDUCATION_MANAGE) keeps the list and sees every unit's.
EDUCATION_RECORD_OWN = _rule(
    "education.record_own",
    "登记本单位的普法活动和牵头清单事项",
    DIVISION_CLERK,
    ENFORCEMENT_OFFICER,
)
# Anyone enrolled sits their own paper; the service also checks the paper is the actor's.
EDUCATION_SIT = _rule(
    "education.sit",
    "参加学法用法考试",
    ADMIN,
    LEADER,
    LEGAL_STAFF,
    LEGAL_REVIEWER,
    ENFORCEMENT_OFFICER,
    DIVISION_CLERK,
    scoped=False,
)


def pufa_rule(user) -> Rule:
    """The rule a 普法 write or page is checked under for ``user``: EDUCATION_MANAGE for whoever
    holds it (法规处, bureau-wide), else EDUCATION_RECORD_OWN (the user's own unit)."""
    return EDUCATION_MANAGE if allowed(user, EDUCATION_MANAGE) else EDUCATION_RECORD_OWN


# --- checks -------------------------------------------------------------------------------------
# NotPermitted, role_codes, has_role, acts_bureau_wide, in_scope, allowed and require:
# fazhi.core.permissions (imported above), so core's own services check the same way.


# --- screens (issue 19.2): background jobs ------------------------------------------------------
# The 双公示 export covers the whole bureau's decisions, not one unit's: not scoped.
PUBLICITY_EXPORT = _rule(
    "publicity.export",
    "导出双公示数据",
    LEGAL_STAFF,
    DIVISION_CLERK,
    LEADER,
    ADMIN,
    scoped=False,
)
