"""The portal's policy pages run on the same small real corpus as the laws tests."""

from fazhi.laws.tests.conftest import corpus, corpus_session

__all__ = ["corpus", "corpus_session"]
