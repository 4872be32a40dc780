#!/usr/bin/env python3
"""Folds `perf script` output into one line per distinct stack, root first: "thread;f1;f2;...;leaf count".
Any flame-graph renderer reads this format."""
import collections
import re
import sys

stacks = collections.Counter()
comm, frames = None, []


def flush():
    if comm is not None and frames:
        stacks[";".join([comm] + list(reversed(frames)))] += 1


for line in sys.stdin:
    line = line.rstrip("\n")
    if not line.strip():
        flush()
        comm, frames = None, []
    elif not line.startswith((" ", "\t")):
        comm = line.split()[0] if line.split() else "?"
    else:
        parts = line.strip().split(" ", 1)
        symbol = parts[1] if len(parts) > 1 else parts[0]
        symbol = re.sub(r"\s+\(.*\)$", "", symbol).replace(";", ",")
        frames.append(symbol)
flush()
for stack, count in stacks.most_common():
    print(f"{stack} {count}")
