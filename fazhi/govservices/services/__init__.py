"""services services: every state change, in a transaction, with its audit event.

``catalogue`` — catalogue versions, items, materials, bundles;
``licensing`` — the licensing register (accept, 一次告知, extend, decide, 无人审批);
``bundles`` — themed applications (场景式主题审批).
"""
