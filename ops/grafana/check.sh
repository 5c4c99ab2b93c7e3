#!/usr/bin/env bash
# Checks kila-dashboard.json before it is imported: valid JSON, the datasource is the ${DS_PROMETHEUS}
# input everywhere, panel ids are unique and panels do not overlap, every query is valid PromQL
# (promtool parses it, with Grafana's variables given sample values), and every kila_* metric it
# queries is one the gateway documents (listed in ops/RUNBOOK.md, "Metrics").
# Needs python3 and promtool (Debian: apt-get install prometheus).
# Usage: ops/grafana/check.sh      Prints "grafana: N passed, M failed"; exits 1 if M > 0.
set -uo pipefail
cd "$(dirname "$0")" || exit 2
command -v promtool >/dev/null || { echo "check: promtool is missing (apt-get install prometheus)" >&2; exit 2; }

indent() { sed "s/^/     /"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import json, re, sys
work = sys.argv[1]
passed = failed = 0
def check(label, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1; print("ok   " + label)
    else:
        failed += 1; print("FAIL " + label + (": " + detail if detail else ""))

try:
    d = json.load(open("kila-dashboard.json"))
except ValueError as e:
    check("kila-dashboard.json is valid JSON", False, str(e)); print(f"grafana: {passed} passed, {failed} failed"); sys.exit(1)
check("kila-dashboard.json is valid JSON", True)

DS = {"type": "prometheus", "uid": "${DS_PROMETHEUS}"}
check("the datasource is an import input named DS_PROMETHEUS",
      [i.get("name") for i in d.get("__inputs", []) if i.get("pluginId") == "prometheus"] == ["DS_PROMETHEUS"])
check("the dashboard has no fixed id, so import creates it", d.get("id") is None and d.get("uid") == "kila-gateway")

panels = [p for p in d["panels"] if p["type"] != "row"]
bad_ds = [p["title"] for p in panels if p.get("datasource") != DS or any(t.get("datasource") != DS for t in p["targets"])]
bad_ds += [v["name"] for v in d["templating"]["list"] if v.get("datasource") != DS]
check("every panel, query and variable uses ${DS_PROMETHEUS}", not bad_ds, ", ".join(bad_ds))

ids = [p["id"] for p in d["panels"]]
check("panel ids are unique", len(ids) == len(set(ids)))

cells = {}
clash = []
for p in d["panels"]:
    g = p["gridPos"]
    if g["x"] + g["w"] > 24:
        clash.append(p["title"] + " is wider than the grid")
    for x in range(g["x"], g["x"] + g["w"]):
        for y in range(g["y"], g["y"] + g["h"]):
            if (x, y) in cells:
                clash.append(f'{p["title"]} overlaps {cells[(x, y)]}')
            cells[(x, y)] = p["title"]
check("panels fit the 24-column grid without overlapping", not clash, "; ".join(sorted(set(clash))[:5]))

exprs = [(p["title"], t["expr"]) for p in panels for t in p["targets"]]
check("every panel has at least one query", all(p["targets"] for p in panels))
# Grafana's variables, replaced by values PromQL accepts, so promtool can parse each query.
sample = {"$__rate_interval": "1m", "$__range": "6h", "$__interval": "1m", "$instance": ".*", "$aggregator": ".*"}
with open(f"{work}/queries.yml", "w") as f:
    f.write("groups:\n  - name: dashboard\n    rules:\n")
    for i, (title, e) in enumerate(exprs):
        for k, v in sample.items():
            e = e.replace(k, v)
        f.write(f"      - record: panel_query_{i}\n        expr: {json.dumps(e)}\n")

documented = set(re.findall(r"`(kila_[a-z_]+)", open("../RUNBOOK.md").read()))
used = set()
for _, e in exprs:
    for m in re.findall(r"\b(kila_[a-z_]+)", e):
        used.add(re.sub(r"_(bucket|sum|count)$", "", m))
undocumented = sorted(used - documented)
check(f"the {len(used)} kila_* metrics queried are all documented in RUNBOOK.md", not undocumented, ", ".join(undocumented))

open(f"{work}/counts", "w").write(f"{passed} {failed} {len(exprs)}\n")
PY
read -r passed failed queries < "$work/counts" || { echo "grafana: 0 passed, 1 failed"; exit 1; }

if out=$(promtool check rules "$work/queries.yml" 2>&1); then
    passed=$((passed + 1)); echo "ok   all $queries queries parse as PromQL"
else
    failed=$((failed + 1)); echo "FAIL some queries do not parse as PromQL"; indent <<< "$out"
fi
echo "grafana: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
