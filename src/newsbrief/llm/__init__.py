"""The model layer: the only place that imports openai, instructor and llama_cpp.

`LLM` is an instructor-wrapped async openai client for one backend (an OpenAI-compatible
endpoint, or the embedded llama.cpp model behind an in-process transport); `LLM.asker()` gives
strategies the one thing they need from it, an `Asker` that counts its requests.
"""

from newsbrief.llm.client import LLM, StatsAsker, default_retrying
from newsbrief.models import CallStats

__all__ = ["LLM", "CallStats", "StatsAsker", "default_retrying"]
