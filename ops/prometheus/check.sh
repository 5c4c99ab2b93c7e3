#!/usr/bin/env bash
# Checks the Prometheus files before they are installed: promtool parses the scrape config and the
# rules, runs the alert unit tests (kila-alerts.test.yml), and every alert is checked for a "for:", a
# severity, a summary and a description, a unit test where it fires, and a section in ops/RUNBOOK.md.
# Needs promtool (Debian: apt-get install prometheus) and python3 with PyYAML (python3-yaml).
# Usage: ops/prometheus/check.sh      Prints "prometheus: N passed, M failed"; exits 1 if M > 0.
set -uo pipefail

cd "$(dirname "$0")" || exit 2
command -v promtool >/dev/null || { echo "check: promtool is missing (apt-get install prometheus)" >&2; exit 2; }
python3 -c 'import yaml' 2>/dev/null || { echo "check: PyYAML is missing (apt-get install python3-yaml)" >&2; exit 2; }

indent() { sed "s/^/     /"; }
passed=0; failed=0
check() {
    local label=$1; shift
    local out
    if out=$("$@" 2>&1); then passed=$((passed + 1)); echo "ok   $label"
    else failed=$((failed + 1)); echo "FAIL $label"; [[ -n "$out" ]] && indent <<< "$out"; fi
}

check "promtool check config prometheus.yml" promtool check config prometheus.yml
check "promtool check rules kila-alerts.yml" promtool check rules kila-alerts.yml
check "promtool test rules kila-alerts.test.yml" promtool test rules kila-alerts.test.yml

# One line per alert: "<name> <what is missing>"; nothing after the name means the alert is complete.
audit='
import re, yaml
rules = yaml.safe_load(open("kila-alerts.yml"))
tests = open("kila-alerts.test.yml").read()
runbook = open("../RUNBOOK.md").read()
for group in rules["groups"]:
    for rule in group["rules"]:
        name = rule.get("alert")
        if not name:
            continue
        missing = []
        if not rule.get("for"):
            missing.append("for")
        if rule.get("labels", {}).get("severity") not in ("critical", "warning", "info"):
            missing.append("severity")
        for key in ("summary", "description"):
            if not rule.get("annotations", {}).get(key):
                missing.append(key)
        if not re.search(r"alertname: %s\n\s+exp_alerts:\n\s+- exp_labels" % name, tests):
            missing.append("a-test-where-it-fires")
        if not re.search(r"^### %s\b" % name, runbook, re.M):
            missing.append("runbook-section")
        print(name, " ".join(missing))
'
if report=$(python3 -c "$audit" 2>&1); then
    while read -r name missing; do
        check "$name has for, severity, summary, description, a firing test, a runbook section" test -z "$missing"
        [[ -n "$missing" ]] && echo "     missing: $missing"
    done <<< "$report"
else
    failed=$((failed + 1)); echo "FAIL reading the alerts, their tests and RUNBOOK.md"; indent <<< "$report"
fi

echo "prometheus: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
