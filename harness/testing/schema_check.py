#!/usr/bin/env python3
"""comparison.json against docs/comparison.schema.json, for harness/testing/schema_test.sh.

  schema_check.py validate SCHEMA FILE...         every FILE valid, plus the version 2 rules a JSON
                                                  Schema cannot express (labels naming sides, counts)
  schema_check.py rejects SCHEMA V2_FILE V1_FILE  broken copies of both must each be rejected
  schema_check.py changed-record IN OUT           a copy of a run record that differs from IN: one
                                                  observation changed, one case skipped, one crashed

Exit 0 when all is as it should be, 1 when a check fails, 3 when python3-jsonschema is missing.
"""

import copy
import json
import sys

from json_schema_common import load, schema_errors, validator


def rule_errors(doc):
    """Version 2's cross-references (the schema's descriptions state them)."""
    if doc.get("schema_version") != 2:
        return []
    try:
        return cross_reference_errors(doc)
    except (KeyError, TypeError, AttributeError) as e:
        return [f"not of version 2's shape ({e!r}), yet the schema let it through"]


def cross_reference_errors(doc):
    out = []
    labels = [t["label"] for t in doc["targets"]]
    ref = doc["reference"]
    others = [l for l in labels if l != ref]
    if len(set(labels)) != len(labels):
        out.append(f"targets: labels are not unique: {labels}")
    if ref not in labels:
        out.append(f"reference: '{ref}' names no side of {labels}")
    counts = {}
    for k in doc["cases"]:
        counts[k["class"]] = counts.get(k["class"], 0) + 1
    for cls, n in doc["summary"].items():
        want = sum(1 for k in doc["cases"] if k["failed"]) if cls == "failed" else counts.get(cls, 0)
        if n != want:
            out.append(f"summary/{cls}: {n}, but the cases say {want}")
    case_areas = {k["area"] for k in doc["cases"]}
    text_areas = [a["area"] for a in doc["areas"]]
    if set(text_areas) != case_areas or len(text_areas) != len(set(text_areas)):
        out.append(f"areas: {sorted(text_areas)} is not the set of case areas {sorted(case_areas)}")
    for i, k in enumerate(doc["cases"]):
        where = f"cases/{i} ({k['id']})"
        for field in ("outcomes", "messages", "seconds", "observations", "versus"):
            stray = [l for l in k[field] if l not in labels]
            if stray:
                out.append(f"{where}/{field}: {stray} name no side")
        if sorted(k["versus"]) != sorted(others):
            out.append(f"{where}/versus: {sorted(k['versus'])}, not every side but the reference {others}")
        grouped = [l for g in k["groups"] for l in g]
        if sorted(grouped) != sorted(k["outcomes"]) or len(grouped) != len(set(grouped)):
            out.append(f"{where}/groups: {k['groups']} do not hold each side it ran on once")
    for i, b in enumerate(doc["benchmarks"]):
        if b["side"] not in others or b["reference"] != ref:
            out.append(f"benchmarks/{i}: side '{b['side']}' against '{b['reference']}', reference is '{ref}'")
        for j, row in enumerate(b["rows"]):
            for field in ("median_ns", "cv", "repetitions"):
                if not set(row[field]) <= {b["side"], ref}:
                    out.append(f"benchmarks/{i}/rows/{j}/{field}: keys {sorted(row[field])}")
    return out


def problems(v, doc):
    """The schema's objections; only for a document of the schema's shape, the rules beyond it."""
    return schema_errors(v, doc) or rule_errors(doc)


def validate(schema_path, files):
    v = validator(schema_path)
    bad = 0
    for path in files:
        doc = load(path)
        errors = problems(v, doc)
        if errors:
            bad += 1
            print(f"FAIL {path}: {len(errors)} problem(s)")
            for e in errors[:20]:
                print(f"  {e}")
        else:
            kind = f"version {doc['schema_version']}, {len(doc['targets'])} sides, {len(doc['cases'])} cases"
            print(f"ok   {path} ({kind})")
    return bad


UNKNOWN_SIDE_VERDICT = {"class": "same", "reason": "", "differing_keys": [], "unexpected_keys": []}


def broken_copies(v2, v1):
    """(what, document): each one a file a reader or renderer would trip on."""
    out = []

    # The rules' cases: the schema accepts them, the cross-references must not.
    rules = ("a reference that names no side", "a versus entry for an unknown side", "summary counts")

    def edit(name, base, change):
        doc = copy.deepcopy(base)
        change(doc)
        out.append((name, doc, "rules" if any(r in name for r in rules) else "schema"))

    edit("v2: a case with class \"bogus\"", v2, lambda d: d["cases"][0].update({"class": "bogus"}))
    edit("v2: no reference", v2, lambda d: d.pop("reference"))
    edit("v2: a side verdict with class \"bogus\"",
         v2, lambda d: next(iter(d["cases"][0]["versus"].values())).update({"class": "bogus"}))
    edit("v2: an outcome \"passed\"",
         v2, lambda d: d["cases"][0]["outcomes"].update({d["reference"]: "passed"}))
    edit("v2: a benchmark verdict \"quicker\"",
         v2, lambda d: d["benchmarks"][0]["rows"][0].update({"verdict": "quicker"}))
    edit("v2: a key the writer never writes", v2, lambda d: d["cases"][0].update({"colour": "red"}))
    edit("v2: a case without observations", v2, lambda d: d["cases"][0].pop("observations"))
    edit("v2: an observation value that is a number",
         v2, lambda d: d["cases"][0]["observations"][d["reference"]].update({"k": 1}))
    edit("v2: a count that is a string", v2, lambda d: d["summary"].update({"same": "37"}))
    edit("v2: a target without a label", v2, lambda d: d["targets"][0].pop("label"))
    edit("v2: one side", v2, lambda d: d.update({"targets": d["targets"][:1]}))
    edit("v2: generated_at not in UTC",
         v2, lambda d: d.update({"generated_at": "2026-11-26 17:04:15+01:00"}))
    edit("v2: a reference that names no side", v2, lambda d: d.update({"reference": "nobody"}))
    edit("v2: a versus entry for an unknown side",
         v2, lambda d: d["cases"][0]["versus"].update({"nobody": UNKNOWN_SIDE_VERDICT}))
    edit("v2: summary counts that do not match the cases", v2, lambda d: d["summary"].update({"same": 1000}))
    edit("v2 layout labelled version 1", v2, lambda d: d.update({"schema_version": 1}))
    edit("schema_version 3", v2, lambda d: d.update({"schema_version": 3}))
    edit("kind \"libcdiff-run-record\"", v2, lambda d: d.update({"kind": "libcdiff-run-record"}))
    edit("v1: a case with class \"bogus\"", v1, lambda d: d["cases"][0].update({"class": "bogus"}))
    edit("v1: three targets", v1, lambda d: d["targets"].append(d["targets"][0]))
    edit("v1: a case without id", v1, lambda d: d["cases"][0].pop("id"))
    edit("v1: a reference key (version 2's)", v1, lambda d: d.update({"reference": d["targets"][1]["id"]}))
    return out


def rejects(schema_path, v2_path, v1_path):
    v = validator(schema_path)
    v2, v1 = load(v2_path), load(v1_path)
    for name, doc in (("v2", v2), ("v1", v1)):
        if problems(v, doc):
            print(f"FAIL the unbroken {name} file is not valid to begin with")
            return 1
    if not v2["benchmarks"] or not v2["benchmarks"][0]["rows"]:
        print(f"FAIL {v2_path} has no benchmark rows to break")
        return 1
    accepted = 0
    for name, doc, layer in broken_copies(v2, v1):
        errors = schema_errors(v, doc) if layer == "schema" else rule_errors(doc)
        if layer == "rules" and schema_errors(v, doc):
            errors = []  # the rules are only tested when the schema lets the file through
        if errors:
            print(f"ok   rejected by the {layer}: {name} ({errors[0]})")
        else:
            accepted += 1
            print(f"FAIL accepted: {name} (the {layer} should reject it)")
    return accepted


def changed_record(src, dst):
    record = load(src)
    cases = {c["id"]: c for c in record["cases"]}
    changes = {
        "BuildTimeApi.Reallocarray": {"outcome": "skip", "message": "no compiler for this probe",
                                   "observations": {}, "seconds": 0.25},
        "Time.ZoneNameWithDotDot": {"outcome": "crash", "message": "SIGSEGV", "observations": {},
                                    "seconds": 1.5},
    }
    for case_id in [*changes, "BuildTimeApi.Getrandom"]:
        if case_id not in cases:
            print(f"libcdiff: error: {src}: has no case {case_id}. Update the changes in {__file__}.",
                  file=sys.stderr)
            return 2
    for case_id, change in changes.items():
        cases[case_id].update(change)
    # An observation no expectation covers: an unexpected difference on this side only.
    cases["BuildTimeApi.Getrandom"]["observations"]["status"] = "missing"
    with open(dst, "w", encoding="utf-8") as f:
        json.dump(record, f, indent=1)
    return 0


def main(argv):
    if len(argv) >= 3 and argv[1] == "validate":
        return 1 if validate(argv[2], argv[3:]) else 0
    if len(argv) == 5 and argv[1] == "rejects":
        return 1 if rejects(argv[2], argv[3], argv[4]) else 0
    if len(argv) == 4 and argv[1] == "changed-record":
        return changed_record(argv[2], argv[3])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
