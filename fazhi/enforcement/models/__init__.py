"""Enforcement records, one module per family: cases, discretion benchmarks, social-insurance arrears."""

from fazhi.enforcement.models.arrears import *  # noqa: F403
from fazhi.enforcement.models.cases import *  # noqa: F403
from fazhi.enforcement.models.discretion import *  # noqa: F403
