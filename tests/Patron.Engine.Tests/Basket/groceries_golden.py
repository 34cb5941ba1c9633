"""Independent check of the Groceries figures: a plain Apriori (Agrawal & Srikant 1994) in the standard library."""
import sys
from itertools import combinations

path, minsup, minconf = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
with open(path, encoding="utf-8") as f:
    baskets = [frozenset(line.rstrip("\n").split(",")) for line in f if line.strip()]
n = len(baskets)
print("baskets", n, "items", len({i for b in baskets for i in b}))
print("whole milk", sum("whole milk" in b for b in baskets))

support = {}
level = {}
for b in baskets:
    for i in b:
        level[frozenset([i])] = level.get(frozenset([i]), 0) + 1
k = 1
while level:
    level = {s: c for s, c in level.items() if c / n >= minsup}
    support.update(level)
    k += 1
    cands = {}
    for b in baskets:
        fb = sorted(i for i in b if frozenset([i]) in support)
        for combo in combinations(fb, k):
            s = frozenset(combo)
            if all(s - {x} in level for x in s):
                cands[s] = cands.get(s, 0) + 1
    level = cands
print("frequent itemsets", len(support))
rules = []
for z, cz in support.items():
    if len(z) < 2: continue
    for y in z:
        x = z - {y}
        conf = cz / support[x]
        if conf >= minconf:
            sy = support[frozenset([y])] / n
            rules.append((sorted(x), y, cz / n, conf, conf / sy, cz))
print("rules", len(rules))
from collections import Counter
print("by length", sorted(Counter(len(r[0]) + 1 for r in rules).items()))
for r in sorted(rules, key=lambda r: -r[4])[:6]:
    print(r)
