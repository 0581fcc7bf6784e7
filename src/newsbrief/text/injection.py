"""Text that addresses a model instead of a reader, and fencing the body as prompt data."""

from __future__ import annotations

import re

_INSTRUCTION = re.compile(
    r"\b(ignor\w* (?:all |any )?(?:the |your )?(?:previous|prior|above|earlier|preceding) "
    r"(?:instructions?|prompts?|rules)|disregard (?:all|any|the|your|previous)|"
    r"you are (?:now )?(?:a|an|the) (?:assistant|AI|model|language model|chatbot)|"
    r"system prompt|as an AI|respond only|output only|new instructions|"
    r"(?:report|say|state|write) that .{0,80}\b(?:killed|dead|will meet)|"
    r"return (?:this|the following) JSON)\b|<\|im_start\|>|\{\s*\"[a-z_]+\"\s*:",
    re.I,
)


def is_instruction(text: str) -> bool:
    """True for text that addresses a model ('ignore previous instructions', fake JSON)."""
    return bool(_INSTRUCTION.search(text))


def fence(body: str) -> str:
    """The body as prompt data: an <article> tag inside it cannot close the data block."""
    return re.sub(r"<(/?)article", r"<\1 article", body, flags=re.IGNORECASE)
