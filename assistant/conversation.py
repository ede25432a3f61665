"""Conversation state: the previous understood question, so follow-ups (差旅费呢, 上年呢) keep the rest.

No prompt_toolkit here: piped mode and the REPL share this class.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TextIO

from .engine import Engine
from .match import Match
from .model import Answer, JuesuanError
from .render import render


class Conversation:
    """Holds the engine and the last understood ``Match``; a question that is not understood keeps it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.previous: Match | None = None
        self.last: Answer | None = None
        self.context: dict[str, object] = {}  # set by \use in the REPL: 单位, 年度

    def ask(self, question: str) -> Answer:
        m = self.engine.understand(question, self.previous)
        if m.status == "ok" and self.context:
            m = self._with_context(m)
        answer = self.engine.answer(question, m)
        if m.status == "ok":
            self.previous = m
        self.last = answer
        return answer

    def _with_context(self, m: Match) -> Match:
        """Fill 单位/年度 from the context when the question names neither."""
        wanted = self.engine.catalog[m.type_id].params
        given = dict(m.params)
        for key, value in self.context.items():
            if key in wanted and key not in given and not (key == "年度" and "年度偏移" in given):
                given[key] = value
        return replace(m, params=tuple(given.items()))

    def reset(self) -> None:
        self.previous = None
        self.last = None


def run_piped(engine: Engine, stdin: TextIO, stdout: TextIO, fmt: str = "table") -> int:
    """One question per line in, one answer per question out (JSON Lines with ``fmt="json"``)."""
    conversation = Conversation(engine)
    first = True
    for line in stdin:
        question = line.strip()
        if not question:
            continue
        try:
            text = render(conversation.ask(question), fmt)
        except JuesuanError as e:
            text = str(e)
        if fmt != "json" and not first:
            stdout.write("\n")
        stdout.write(text + "\n")
        stdout.flush()
        first = False
    return 0
