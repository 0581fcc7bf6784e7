"""The embedded model's default thread count follows the idle cores, never below one."""

from __future__ import annotations

import os

import pytest

from newsbrief.llm import local
from newsbrief.llm.local import idle_cores
from newsbrief.settings import Settings


def _machine(monkeypatch: pytest.MonkeyPatch, cores: int, load: float) -> None:
    """A machine whose other work keeps `load` cores busy, seen through /proc/stat."""
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(cores)), raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    samples = iter([(0, 0), (int(100 * min(load, cores)), 100 * cores)])
    monkeypatch.setattr(local, "_cpu_times", lambda: next(samples))
    monkeypatch.setattr(local.time, "sleep", lambda s: None)


def test_an_idle_machine_uses_every_core(monkeypatch: pytest.MonkeyPatch) -> None:
    _machine(monkeypatch, cores=2, load=0.1)
    assert idle_cores() == 2


def test_a_busy_machine_gets_one_thread_not_a_spinning_pair(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _machine(monkeypatch, cores=2, load=8.0)
    assert idle_cores() == 1


def test_half_busy_cores_are_left_to_their_owners(monkeypatch: pytest.MonkeyPatch) -> None:
    _machine(monkeypatch, cores=8, load=3.2)
    assert idle_cores() == 5


def test_without_proc_stat_the_load_average_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    monkeypatch.setattr(local, "_cpu_times", lambda: None)
    monkeypatch.setattr(os, "getloadavg", lambda: (3.0, 3.0, 3.0))
    assert idle_cores() == 1


def test_a_platform_with_no_measure_at_all_uses_every_core(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_load() -> tuple[float, float, float]:
        raise OSError("no load average here")

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2}, raising=False)
    monkeypatch.setattr(local, "_cpu_times", lambda: None)
    monkeypatch.setattr(os, "getloadavg", no_load)
    assert idle_cores() == 3


def test_proc_stat_is_read_for_real_on_linux() -> None:
    busy = local.busy_cores(0.05)
    assert 0.0 <= busy <= (os.cpu_count() or 1) + 0.5


def test_the_thread_count_can_be_set_in_the_environment() -> None:
    assert Settings.from_env({"NEWSBRIEF_THREADS": "1"}).n_threads == 1
    assert Settings.from_env({}).n_threads is None


def test_this_processs_own_work_is_not_other_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parser loading on one core while the model loads leaves both cores to the model."""
    _machine(monkeypatch, cores=2, load=1.0)
    own = iter([0, 100])  # the whole busy core was this process
    monkeypatch.setattr(local, "_own_ticks", lambda: next(own))
    assert idle_cores() == 2


def test_this_processs_ticks_are_read_for_real_on_linux() -> None:
    assert local._own_ticks() >= 0
