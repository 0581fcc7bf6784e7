"""The README's quick-start commands are the ones CI runs, and its CLI list matches the CLI."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from newsbrief.cli import app
from tests.paths import ROOT


def quickstart_commands() -> dict[str, str]:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    return dict(re.findall(r'^(QUICKSTART_\w+)="(.+)"$', ci, flags=re.MULTILINE))


def test_ci_runs_both_quick_start_commands_exactly_as_the_readme_writes_them() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = quickstart_commands()
    assert set(commands) == {"QUICKSTART_TESTS", "QUICKSTART_BRIEF"}
    for command in commands.values():
        assert command in readme


def test_every_cli_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    help_text = CliRunner().invoke(app, ["--help"]).stdout
    for command in ("brief", "daily", "eval", "diff", "schema"):
        assert f"│ {command}" in help_text
        assert f"newsbrief {command}" in readme
