"""juesuan 决算问答 — offline question answering over Chinese government final-account reports."""

__version__ = "0.1.0"
