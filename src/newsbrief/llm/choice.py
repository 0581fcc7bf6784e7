"""Answer an enum-only JSON schema by the options' log-probabilities instead of sampling.

The candidate strategy's questions are closed: every field of the answer is one of a few
values (an enum, a boolean, null). Sampling such an answer under a JSON-schema grammar costs
one decoding step per token of `{"is_meeting": null, "status": "cancelled"}` (13 steps, about
a second on two cores), and each step pays the grammar. Scoring reads the model's next-token
log-probabilities where the options part ways instead: the options of a field form a token
trie after the answer's text so far, and an option's score is the sum of its tokens'
log-probabilities down to the point where no other option shares its path (after that its
tokens are forced). With distinct first tokens that is one read of the logits llama.cpp
already computed for the prompt; `"planned"` against `"held"` costs one more one-token step
(both start with the same quote token). The best option of each field is appended to the
answer's text and the next field is scored the same way.

`fields_of` says whether a schema is closed; `score` answers it through a `Reader`
(`LlamaReader` over a loaded `llama_cpp.Llama`, which keeps the KV cache of the prompt).
Nothing here samples, so the answer is deterministic.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Protocol

Option = str | bool | None


Field = tuple[str, list[Option], bool]  # name, options, required


class Reader(Protocol):
    """What scoring needs of a model: its tokens, and what it expects after some tokens."""

    def tokens(self, text: str) -> list[int]:
        """The model's tokens of `text` (special tokens parsed, no BOS added)."""
        ...

    def logprobs(self, tokens: list[int]) -> Sequence[float]:
        """Log-probabilities over the vocabulary of the token that follows `tokens`."""
        ...


class LlamaReader:
    """A `Reader` over a loaded `llama_cpp.Llama`: evaluates only what its KV cache lacks."""

    def __init__(self, llama: Any) -> None:
        self._llama = llama

    def tokens(self, text: str) -> list[int]:
        """See `Reader.tokens`."""
        return list(self._llama.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def logprobs(self, tokens: list[int]) -> Sequence[float]:
        """See `Reader.logprobs`; the common prefix with the last evaluation is reused."""
        import llama_cpp
        import numpy as np

        llama = self._llama
        cached = llama.input_ids[: llama.n_tokens].tolist()
        keep = min(_common(cached, tokens) if cached else 0, len(tokens) - 1)
        llama.n_tokens = keep  # at least one token is evaluated, so the logits are fresh
        llama.eval(tokens[keep:])
        pointer = llama_cpp.llama_get_logits_ith(llama.ctx, -1)
        logits = np.ctypeslib.as_array(pointer, shape=(llama.n_vocab(),))
        shifted = logits - logits.max()
        out: Sequence[float] = shifted - np.log(np.exp(shifted).sum())
        return out


def fields_of(schema: dict[str, Any] | None) -> list[Field] | None:
    """The (name, options, required) of each field of a closed object schema; else None.

    Closed: every property is an enum of strings, a constant, a boolean, or null, alone or
    in `anyOf`. Fields come in the schema's order, as a model writes them.
    """
    if not isinstance(schema, dict) or schema.get("type") != "object":
        return None
    properties = schema.get("properties")
    if not isinstance(properties, dict) or not properties:
        return None
    required = schema.get("required", [])
    fields: list[Field] = []
    for name, prop in properties.items():
        options = _options(prop, schema.get("$defs", {}))
        if not options:
            return None
        fields.append((name, options, name in required))
    return fields


def _options(prop: Any, defs: dict[str, Any]) -> list[Option] | None:
    if not isinstance(prop, dict):
        return None
    ref = prop.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        return _options(defs.get(ref.removeprefix("#/$defs/")), defs)
    if "anyOf" in prop:
        out: list[Option] = []
        for part in prop["anyOf"]:
            found = _options(part, defs)
            if found is None:
                return None
            out += [o for o in found if o not in out]
        return out
    if "const" in prop:
        return [prop["const"]] if isinstance(prop["const"], str) else None
    if "enum" in prop:
        values = prop["enum"]
        ok = all(isinstance(v, str) or v is None for v in values)
        return list(values) if ok else None
    kind = prop.get("type")
    if kind == "boolean":
        return [True, False]
    if kind == "null":
        return [None]
    return None


def score(reader: Reader, prompt: str, fields: list[Field]) -> str | None:
    """The JSON answer whose every field is its most likely option, or None if unscorable.

    `prompt` is the chat prompt as text, ending where the assistant's answer begins. An
    optional field may also be left out (closing the answer there), as a sampled answer may.
    """
    text = prompt + "{"
    for index, (name, options, required) in enumerate(fields):
        key = ("" if index == 0 else ", ") + json.dumps(name) + ": "
        if required:
            text += key
            written = [json.dumps(o) for o in options]
        else:
            written = ["}"] + [key + json.dumps(o) for o in options]
        best = _best(reader, text, written)
        if best is None:
            return None
        if not required and best == 0:
            return text[len(prompt) :] + "}"
        text += written[best]
    return text[len(prompt) :] + "}"


def _best(reader: Reader, text: str, written: list[str]) -> int | None:
    """The index of the likeliest continuation of `text` among `written` (ties: the first)."""
    base = reader.tokens(text)
    paths = [reader.tokens(text + w) for w in written]
    common = _common(base, *paths)
    tails = [p[common:] for p in paths]
    if any(not t for t in tails) or _prefix_clash(tails):
        return None  # an option whose tokens begin another's: cannot tell them apart
    totals = _trie_scores(reader, base[:common], tails)
    return max(range(len(written)), key=lambda k: (totals[k], -k))


def _common(*seqs: Sequence[int]) -> int:
    n = min(len(s) for s in seqs)
    for k in range(n):
        if len({s[k] for s in seqs}) > 1:
            return k
    return n


def _prefix_clash(tails: list[list[int]]) -> bool:
    return any(a is not b and len(a) < len(b) and b[: len(a)] == a for a in tails for b in tails)


def _trie_scores(reader: Reader, prefix: list[int], tails: list[list[int]]) -> list[float]:
    """Each tail's log-probability after `prefix`, down to where it leaves the others."""
    totals = [0.0] * len(tails)
    pending: list[tuple[list[int], list[int]]] = [([], list(range(len(tails))))]
    while pending:
        path, members = pending.pop()
        logp = reader.logprobs(prefix + path)
        groups: dict[int, list[int]] = {}
        for k in members:
            groups.setdefault(tails[k][len(path)], []).append(k)
        for token, group in groups.items():
            for k in group:
                totals[k] += float(logp[token])
            if len(group) > 1:
                pending.append((path + [token], group))
    return totals
