"""Normative documents (规范性文件) through their whole life."""

from .cleanup import CleanupAssessment, CleanupCampaign
from .comment import PublicComment
from .document import DocumentArticle, NormativeDocument, NumberCounter
from .review import Deliberation, LegalityReview

__all__ = [
    "CleanupAssessment",
    "CleanupCampaign",
    "Deliberation",
    "DocumentArticle",
    "LegalityReview",
    "NormativeDocument",
    "NumberCounter",
    "PublicComment",
]
