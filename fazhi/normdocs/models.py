"""Normative documents (规范性文件) through their whole life."""
