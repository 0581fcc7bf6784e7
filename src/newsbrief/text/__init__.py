"""Pure text rules, no model: articles, sentences, numbers, dates, names, grounding, injection.

Everything here is deterministic code over strings; nothing imports the llm or strategies
rooms (an import-linter contract keeps it so), so every rule is testable without a model.
"""
