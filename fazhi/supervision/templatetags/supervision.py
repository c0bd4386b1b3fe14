"""``{% case_file_check case %}``: the case-file check on the enforcement case page (one include
line there), listing what the file lacks for the path the case took, and the open warnings."""

from django import template

from fazhi.supervision import selectors
from fazhi.supervision.models import Warning

register = template.Library()


@register.inclusion_tag("supervision/_case_file_check.html")
def case_file_check(case):
    return {
        "gaps": selectors.case_file_gaps(case),
        "filed": case.filed_on is not None,
        "warnings": Warning.objects.filter(
            subject_type=selectors.CASE_TYPE, subject_id=str(case.pk), status=Warning.Status.OPEN
        ).order_by("rule"),
    }
