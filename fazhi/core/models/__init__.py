"""Cross-cutting records: the audit chain, the statutory clock's data, the evidence store."""

from .audit import AuditChainHead, AuditEvent
from .calendar import CalendarYear, HolidayOverride
from .counter import SerialCounter
from .deadline import Deadline
from .evidence import CustodyEntry, EvidenceFile
from .job import Job

__all__ = [
    "AuditChainHead",
    "AuditEvent",
    "CalendarYear",
    "CustodyEntry",
    "Deadline",
    "EvidenceFile",
    "HolidayOverride",
    "Job",
    "SerialCounter",
]
