#!/usr/bin/env python3
"""Folds `perf script` output into one line per distinct stack, root first: "thread;f1;f2;...;leaf count".
Any flame-graph renderer reads this format. With --inclusive N it prints instead the N frames present in the most
samples (inclusive share: the frame or anything it called was on the CPU)."""
import collections
import re
import sys

stacks = collections.Counter()
comm, frames = None, []


def flush():
    if comm is not None and frames:
        stacks[";".join([comm] + list(reversed(frames)))] += 1


def clean(symbol):
    symbol = re.sub(r"\s+\(.*\)$", "", symbol)
    symbol = re.sub(r"\+0x[0-9a-f]+$", "", symbol)  # offsets inside a function would split its stacks
    symbol = re.sub(r"\[(QuickJitted|OptimizedTier1OSR|OptimizedTier1|Optimized|Tier0|Tier1)\]$", "", symbol)
    symbol = re.sub(r"^instance ", "", symbol)
    symbol = re.sub(r"^\S+ \[[^\]]+\] ", "", symbol)  # return type and assembly of .NET frames
    symbol = re.sub(r"\(.*\)$", "()", symbol)  # parameter lists
    return symbol.replace(";", ",")


for line in sys.stdin:
    line = line.rstrip("\n")
    if not line.strip():
        flush()
        comm, frames = None, []
    elif not line.startswith((" ", "\t")):
        comm = line.split()[0] if line.split() else "?"
    else:
        parts = line.strip().split(" ", 1)
        frames.append(clean(parts[1] if len(parts) > 1 else parts[0]))
flush()

if len(sys.argv) > 2 and sys.argv[1] == "--inclusive":
    total = sum(stacks.values())
    inclusive = collections.Counter()
    for stack, count in stacks.items():
        for frame in set(stack.split(";")[1:]):
            inclusive[frame] += count
    for frame, count in inclusive.most_common(int(sys.argv[2])):
        print(f"{100.0 * count / total:6.1f}%  {frame[:150]}")
else:
    for stack, count in stacks.most_common():
        print(f"{stack} {count}")
