#!/usr/bin/env python3
"""The core's files depend one way: no two object files of libftcost use
each other's symbols, directly or round a longer loop.

`nm` lists each object's defined and undefined symbols; an object that
leaves a symbol undefined which another defines depends on that other.
Any cycle in that graph fails the test, named file by file with a symbol
for each step.  Usage: check-layers.py NM LIBFTCOST.a"""
import os
import subprocess
import sys


def graph(nm, lib):
    out = subprocess.run([nm, '-A', lib], capture_output=True, text=True, check=True).stdout
    defined, used = {}, {}
    prefix = lib + ':'
    for line in out.splitlines():
        # "LIB:OBJECT:ADDRESS T name", or "LIB:OBJECT: U name"
        fields = line.split()
        if len(fields) < 3 or not fields[0].startswith(prefix):
            continue
        obj = os.path.basename(fields[0][len(prefix):].split(':')[0])
        kind, name = fields[-2], fields[-1]
        if kind == 'U':
            used.setdefault(obj, set()).add(name)
        elif kind.isupper():
            defined[name] = obj
    edges = {}
    for obj, names in used.items():
        for name in sorted(names):
            to = defined.get(name)
            if to is not None and to != obj:
                edges.setdefault(obj, {}).setdefault(to, name)
    return edges


def cycles(edges):
    """Tarjan's strongly connected components of more than one object."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def main():
    nm, lib = sys.argv[1], sys.argv[2]
    edges = graph(nm, lib)
    if len(edges) < 3:
        print(f'check-layers: {lib}: nm found almost no dependencies: cannot judge')
        return 1
    bad = cycles(edges)
    for component in bad:
        print('check-layers: these files of the core use each other:')
        members = set(component)
        for obj in component:
            for to, name in sorted(edges.get(obj, {}).items()):
                if to in members:
                    print(f'  {obj} -> {to} ({name})')
    if not bad:
        print(f'check-layers: {len(edges)} objects with dependencies, no cycle')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
