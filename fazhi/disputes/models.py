"""Reconsideration (行政复议) and litigation (行政应诉) cases."""
