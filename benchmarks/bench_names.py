"""Benchmark: resolving actors by any name (id, name, label, alias) on a large scenario.

The network: ``--actors N`` actors (default 100,000), each with an id, a name, a label
and two aliases (500,000 spellings). Timed, CPU seconds:

- 10,000 lookups by id (the fast path every method takes: a dict lookup);
- the first lookup by a name, which builds the index of every spelling once;
- 10,000 lookups by alias, in mixed case and spacing, once the index is built;
- one unknown name, whose "did you mean" searches every spelling.

The baseline is a plain dict lookup of the id; the index is built only when a name that
is not an id is given, so code that uses ids pays nothing. Target: a lookup by name
within a few times a dict lookup once the index is built.

Run: ``.venv/bin/python benchmarks/bench_names.py [--actors N]``
"""

from __future__ import annotations

import argparse
import time

from alliances import Actor, AllianceNetwork, UnknownActorError


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actors", type=int, default=100_000)
    n = parser.parse_args().actors
    actors = [Actor(f"a{i}", f"Actor number {i}", label=f"A{i}", aliases=(f"alias {i}", f"other name {i}"))
              for i in range(n)]
    net = AllianceNetwork("names", actors=actors)
    ids = [f"a{(i * 7919) % n}" for i in range(10_000)]
    messy = [f"  OTHER   name {(i * 7919) % n} " for i in range(10_000)]

    t = time.process_time()
    plain = [net.actors[x].id for x in ids]
    base = time.process_time() - t
    t = time.process_time()
    by_id = [net.resolve(x) for x in ids]
    id_time = time.process_time() - t
    t = time.process_time()
    net.resolve("alias 0")
    build = time.process_time() - t
    t = time.process_time()
    by_alias = [net.resolve(x) for x in messy]
    alias_time = time.process_time() - t
    assert by_id == plain == by_alias
    t = time.process_time()
    try:
        net.resolve("alias number zero")
    except UnknownActorError:
        pass
    unknown = time.process_time() - t

    per = 1e6 / len(ids)
    print(f"{n:,} actors, {5 * n:,} spellings")
    print(f"  dict lookup of the id (baseline)   {base * per:7.2f} us each")
    print(f"  resolve by id                      {id_time * per:7.2f} us each ({id_time / base:.1f}x the baseline)")
    print(f"  first name: builds the index       {build:7.2f} s")
    print(f"  resolve by alias, mixed case       {alias_time * per:7.2f} us each ({alias_time / base:.1f}x the baseline)")
    print(f"  unknown name, with did-you-mean    {unknown:7.2f} s")


if __name__ == "__main__":
    main()
