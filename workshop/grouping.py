"""Splitting people into small groups and pairs so that roles mix.

Equal standing of clients and professionals is the core of the method: a group of only
professionals reproduces the service's own view. These are pure functions; the services in
``workshop/groups.py`` store the result.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from workshop.participants import role_group

Person = tuple[int, str]  # (participant id, role)
_ORDER = {"client": 0, "worker": 1, "other": 2}


def _interleaved(people: Sequence[Person], seed: int | None) -> list[Person]:
    """People ordered client, worker, other, client, ...: dealing them out mixes roles."""
    rng = random.Random(seed)
    by_group: dict[str, list[Person]] = {"client": [], "worker": [], "other": []}
    for person in people:
        by_group[role_group(person[1])].append(person)
    for members in by_group.values():
        rng.shuffle(members)
    ordered = sorted(by_group.items(), key=lambda kv: (-len(kv[1]), _ORDER[kv[0]]))
    return [p for _, members in ordered for p in members]


def mixed_groups(people: Sequence[Person], size: int = 4, seed: int | None = None
                 ) -> list[list[int]]:
    """Groups of about ``size`` (sizes differ by at most one), roles dealt round-robin."""
    if size < 2:
        raise ValueError("group size must be at least 2")
    if not people:
        return []
    count = max(1, round(len(people) / size))
    groups: list[list[int]] = [[] for _ in range(count)]
    for index, (pid, _role) in enumerate(_interleaved(people, seed)):
        groups[index % count].append(pid)
    return groups


def mixed_pairs(people: Sequence[Person], seed: int | None = None) -> list[list[int]]:
    """Pairs that put a client with a worker where possible; an odd one out makes a trio."""
    if not people:
        return []
    if len(people) < 2:
        return [[people[0][0]]]
    rng = random.Random(seed)
    clients = [p for p in people if role_group(p[1]) == "client"]
    others = [p for p in people if role_group(p[1]) != "client"]
    rng.shuffle(clients)
    rng.shuffle(others)
    pairs: list[list[int]] = []
    while clients and others:
        pairs.append([clients.pop()[0], others.pop()[0]])
    rest = clients + others
    while len(rest) >= 2:
        pairs.append([rest.pop()[0], rest.pop()[0]])
    if rest:
        pairs[-1].append(rest.pop()[0])
    return pairs
