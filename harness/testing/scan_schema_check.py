#!/usr/bin/env python3
"""scan.json and scan.sarif against their schemas, for harness/testing/scan_schema_test.sh.

  scan_schema_check.py validate SCAN_SCHEMA SARIF_SCHEMA DIR...
      every DIR/scan.json valid against SCAN_SCHEMA (docs/scan.schema.json) and every DIR/scan.sarif
      against SARIF_SCHEMA (the OASIS SARIF 2.1.0 schema), with the formats "uri" and
      "uri-reference" asserted (RFC 3986), plus what a schema cannot express: rule ids unique,
      each result's ruleIndex naming its ruleId, and each SARIF file saying what its scan.json says
      (per binary, at its path: one result per cause of missing symbols, one for missing libraries,
      and one per risk).
  scan_schema_check.py covers DIR...
      the scans together hold what the schemas are meant to be exercised with: every verdict but
      error, every cause but unsupported-relocation, heuristics, a joined comparison, problems.
  scan_schema_check.py rejects SCAN_SCHEMA SARIF_SCHEMA DIR
      broken copies of DIR/scan.json and DIR/scan.sarif (a verdict "bogus", a result without
      message, ...) must each be rejected.

Exit 0 when all is as it should be, 1 when a check fails, 3 when python3-jsonschema is missing.
"""

import copy
import re
import sys
import urllib.parse

from json_schema_common import FormatChecker, load, schema_errors, validator

# RFC 3986, appendix A. jsonschema checks "uri" only with the rfc3987 module, which Debian's
# python3-jsonschema does not pull in: without these, the SARIF schema's formats would go unchecked.
_UNRESERVED = r"A-Za-z0-9\-._~"
_SUB_DELIMS = r"!$&'()*+,;="
_PCT = r"%[0-9A-Fa-f]{2}"
_PCHAR = rf"(?:[{_UNRESERVED}{_SUB_DELIMS}:@]|{_PCT})"
_SEGMENT_NZ_NC = rf"(?:[{_UNRESERVED}{_SUB_DELIMS}@]|{_PCT})+"
_QUERY = rf"(?:{_PCHAR}|[/?])*"
_USERINFO = rf"(?:[{_UNRESERVED}{_SUB_DELIMS}:]|{_PCT})*"
_HOST = rf"(?:\[[0-9A-Fa-f:.]+\]|\[v[0-9A-Fa-f]+\.[{_UNRESERVED}{_SUB_DELIMS}:]+\]|(?:[{_UNRESERVED}{_SUB_DELIMS}]|{_PCT})*)"
_AUTHORITY = rf"(?:{_USERINFO}@)?{_HOST}(?::[0-9]*)?"
_PATH_ABEMPTY = rf"(?:/{_PCHAR}*)*"
_PATH_ABSOLUTE = rf"/(?:{_PCHAR}+(?:/{_PCHAR}*)*)?"
_PATH_ROOTLESS = rf"{_PCHAR}+(?:/{_PCHAR}*)*"
_PATH_NOSCHEME = rf"{_SEGMENT_NZ_NC}(?:/{_PCHAR}*)*"
_TAIL = rf"(?:\?{_QUERY})?(?:#{_QUERY})?"
_URI = re.compile(
    rf"[A-Za-z][A-Za-z0-9+.\-]*:(?://{_AUTHORITY}{_PATH_ABEMPTY}|{_PATH_ABSOLUTE}|{_PATH_ROOTLESS}|){_TAIL}")
_RELATIVE_REF = re.compile(rf"(?://{_AUTHORITY}{_PATH_ABEMPTY}|{_PATH_ABSOLUTE}|{_PATH_NOSCHEME}|){_TAIL}")

FORMATS = FormatChecker()


@FORMATS.checks("uri")
def is_uri(value):
    return not isinstance(value, str) or _URI.fullmatch(value) is not None


@FORMATS.checks("uri-reference")
def is_uri_reference(value):
    return not isinstance(value, str) or _URI.fullmatch(value) is not None or \
        _RELATIVE_REF.fullmatch(value) is not None


def format_validator(schema_path):
    return validator(schema_path, FORMATS)


def sarif_rule_errors(sarif, scan):
    """What the SARIF schema cannot express: rules and results that agree with each other and with
    the scan.json written beside them."""
    try:
        return sarif_cross_reference_errors(sarif, scan)
    except (KeyError, TypeError, AttributeError, IndexError) as e:
        return [f"not of render_scan_sarif's shape ({e!r})"]


def sarif_cross_reference_errors(sarif, scan):
    out = []
    if len(sarif["runs"]) != 1:
        out.append(f"runs: {len(sarif['runs'])} runs, render_scan_sarif writes one")
        return out
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    if len(set(ids)) != len(ids):
        out.append("tool/driver/rules: rule ids are not unique")
    found = {}
    for i, r in enumerate(run["results"]):
        where = f"runs/0/results/{i}"
        index = r["ruleIndex"]
        if not 0 <= index < len(rules) or rules[index]["id"] != r["ruleId"]:
            out.append(f"{where}: ruleIndex {index} does not name rule {r['ruleId']}")
        uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        parts = urllib.parse.urlsplit(uri)
        if parts.query or parts.fragment or (parts.scheme and parts.scheme != "file"):
            out.append(f"{where}: uri {uri!r} is not a file path (query, fragment or scheme)")
        path = urllib.parse.unquote(parts.path, errors="replace")
        found.setdefault(path, []).append(r["ruleId"])
    for b in scan["binaries"]:
        want = sorted({"missing-symbol/" + m["cause"] for m in b["missing"]}) + \
            (["missing-library"] if b["missing_libraries"] else []) + \
            sorted(r["case"] for r in b["risks"])
        got = found.pop(b["path"], [])
        if sorted(got) != sorted(want):
            out.append(f"results at {b['path']!r}: rules {sorted(got)}, scan.json says {sorted(want)}")
    for path in found:
        out.append(f"results at {path!r}: scan.json has no binary at that path")
    return out[:20]


def validate(scan_schema, sarif_schema, dirs):
    vs, va = format_validator(scan_schema), format_validator(sarif_schema)
    bad = 0
    for d in dirs:
        scan, sarif = load(f"{d}/scan.json"), load(f"{d}/scan.sarif")
        for path, errors, what in (
            (f"{d}/scan.json", schema_errors(vs, scan), f"{len(scan['binaries'])} binaries"),
            (f"{d}/scan.sarif", schema_errors(va, sarif) or sarif_rule_errors(sarif, scan),
             f"{sum(len(r.get('results', [])) for r in sarif.get('runs', []))} results"),
        ):
            if errors:
                bad += 1
                print(f"FAIL {path}: {len(errors)} problem(s)")
                for e in errors[:20]:
                    print(f"  {e}")
            else:
                print(f"ok   {path} ({what})")
    return bad


def covers(dirs):
    """What the scans must hold, or the validation proves less than it claims."""
    scans = [load(f"{d}/scan.json") for d in dirs]
    binaries = [b for s in scans for b in s["binaries"]]
    seen = {
        "verdicts": {b["verdict"] for b in binaries},
        "causes": {m["cause"] for b in binaries for m in b["missing"]},
        "classes": {r["class"] for b in binaries for r in b["risks"]},
        "kinds": {b["kind"] for b in binaries},
    }
    wanted = {
        "verdicts": {"loads", "needs-rebuild", "not-dynamic", "wrong-arch"},
        "causes": {"fortify", "glibc-private", "gnu-extension", "not-in-glibc"},
        "classes": {"not compared", "expected-difference"},
        "kinds": {"PIE executable", "static executable", "shared object"},
    }
    bad = 0
    for key, want in wanted.items():
        if not want <= seen[key]:
            bad += 1
            print(f"FAIL the scans hold no {key} {sorted(want - seen[key])} (they hold {sorted(seen[key])})")
    checks = [
        ("a heuristic risk", any(r["heuristic"] for b in binaries for r in b["risks"])),
        ("a build probe", any(m["build_probe"] for b in binaries for m in b["missing"])),
        ("a missing library", any(b["missing_libraries"] for b in binaries)),
        ("an observed value", any(r["observed"] for b in binaries for r in b["risks"])),
        ("a problem line", any(s["problems"] for s in scans)),
        ("a path a URI must escape", any(re.search(r"[ #%?\[\]]", b["path"]) for b in binaries)),
        ("a directory of 100 binaries or more", any(len(s["binaries"]) >= 100 for s in scans)),
    ]
    for what, ok in checks:
        if not ok:
            bad += 1
            print(f"FAIL the scans hold no {what}")
    if not bad:
        print(f"ok   {len(binaries)} binaries in {len(scans)} scans: verdicts {sorted(seen['verdicts'])}, "
              f"causes {sorted(seen['causes'])}, risk classes {sorted(seen['classes'])}")
    return bad


def first(doc, verdict=None, where=lambda b: True):
    return next(b for b in doc["binaries"] if (verdict is None or b["verdict"] == verdict) and where(b))


def broken_scans(scan):
    """(what, document) for scan.json: each a file a reader would misread."""
    out = []

    def edit(name, change):
        doc = copy.deepcopy(scan)
        change(doc)
        out.append((name, doc))

    rebuild = lambda d: first(d, "needs-rebuild", lambda b: b["missing"] and b["risks"])  # noqa: E731
    edit("a verdict \"bogus\"", lambda d: rebuild(d).update({"verdict": "bogus"}))
    edit("a cause \"bogus\"", lambda d: rebuild(d)["missing"][0].update({"cause": "bogus"}))
    edit("a binary without path", lambda d: rebuild(d).pop("path"))
    edit("a key the writer never writes", lambda d: rebuild(d).update({"colour": "red"}))
    edit("imports as a string", lambda d: rebuild(d).update({"imports": "12"}))
    edit("a negative import count", lambda d: rebuild(d).update({"imports": -1}))
    edit("a kind \"library\"", lambda d: rebuild(d).update({"kind": "library"}))
    edit("a language \"Fortran\"", lambda d: rebuild(d).update({"language": "Fortran"}))
    edit("loads, with missing symbols", lambda d: rebuild(d).update({"verdict": "loads"}))
    edit("needs-rebuild with nothing missing",
         lambda d: rebuild(d).update({"missing": [], "missing_libraries": []}))
    edit("needs-rebuild with an error text", lambda d: rebuild(d).update({"error": "oops"}))
    edit("not-dynamic without its reason", lambda d: first(d, "not-dynamic").update({"error": ""}))
    edit("wrong-arch with risks", lambda d: first(d, "wrong-arch").update({"risks": rebuild(d)["risks"]}))
    edit("a build probe that is no case id", lambda d: rebuild(d)["missing"][0].update({"build_probe": "probe"}))
    edit("a missing library without its needer",
         lambda d: rebuild(d)["missing_libraries"].append("libfoo.so.1"))
    edit("a risk without apis", lambda d: rebuild(d)["risks"][0].update({"apis": []}))
    edit("a risk \"severe\"", lambda d: rebuild(d)["risks"][0].update({"risk": "severe"}))
    edit("a risk class \"same\"", lambda d: rebuild(d)["risks"][0].update({"class": "same"}))
    edit("a heuristic without why",
         lambda d: next(r for r in rebuild(d)["risks"] if r["heuristic"]).update({"why": ""}))
    edit("a plain risk with a why",
         lambda d: next(r for r in rebuild(d)["risks"] if not r["heuristic"]).update({"why": "because"}))
    edit("a case id without area", lambda d: rebuild(d)["risks"][0].update({"case": "Backtrace"}))
    edit("an observed class with no comparison joined",
         lambda d: d.update({"comparison": ""}) or rebuild(d)["risks"][0].update(
             {"class": "expected-difference", "observed": ""}))
    edit("generated_at not in UTC", lambda d: d.update({"generated_at": "2026-11-30 10:00:00+01:00"}))
    edit("schema_version 2", lambda d: d.update({"schema_version": 2}))
    edit("kind \"libcdiff-comparison\"", lambda d: d.update({"kind": "libcdiff-comparison"}))
    edit("no inputs", lambda d: d.update({"inputs": []}))
    edit("no binaries key", lambda d: d.pop("binaries"))
    return out


def broken_sarifs(sarif):
    """(what, document, layer): layer "schema" (the SARIF schema must reject it) or "rules"."""
    out = []

    def edit(name, change, layer="schema"):
        doc = copy.deepcopy(sarif)
        change(doc)
        out.append((name, doc, layer))

    result = lambda d: d["runs"][0]["results"][0]  # noqa: E731
    location = lambda d: result(d)["locations"][0]["physicalLocation"]["artifactLocation"]  # noqa: E731
    edit("a result without message", lambda d: result(d).pop("message"))
    edit("a message without text or id", lambda d: result(d)["message"].pop("text"))
    edit("a level \"fatal\"", lambda d: result(d).update({"level": "fatal"}))
    edit("a ruleIndex of -2", lambda d: result(d).update({"ruleIndex": -2}))
    edit("a key SARIF does not define", lambda d: result(d).update({"colour": "red"}))
    edit("a location uri with a space", lambda d: location(d).update({"uri": "/usr/bin/odd name"}))
    edit("a location uri with a bad escape", lambda d: location(d).update({"uri": "/usr/bin/100%"}))
    edit("version \"2.0.0\"", lambda d: d.update({"version": "2.0.0"}))
    edit("no runs", lambda d: d.pop("runs"))
    edit("a tool without driver", lambda d: d["runs"][0]["tool"].pop("driver"))
    edit("a rule without id", lambda d: d["runs"][0]["tool"]["driver"]["rules"][0].pop("id"))
    edit("a rule description without text",
         lambda d: d["runs"][0]["tool"]["driver"]["rules"][0]["shortDescription"].pop("text"))
    edit("a ruleIndex naming another rule",
         lambda d: result(d).update({"ruleIndex": (result(d)["ruleIndex"] + 1) %
                                     len(d["runs"][0]["tool"]["driver"]["rules"])}), "rules")
    edit("a result at a path the scan did not find",
         lambda d: location(d).update({"uri": "/no/such/binary"}), "rules")
    escaped = lambda d: next(  # noqa: E731
        r["locations"][0]["physicalLocation"]["artifactLocation"] for r in d["runs"][0]["results"]
        if "%23" in r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
    edit("a path with '#' left unescaped",
         lambda d: escaped(d).update({"uri": escaped(d)["uri"].replace("%23", "#")}), "rules")
    edit("a result dropped", lambda d: d["runs"][0]["results"].pop(), "rules")
    return out


def rejects(scan_schema, sarif_schema, d):
    vs, va = format_validator(scan_schema), format_validator(sarif_schema)
    scan, sarif = load(f"{d}/scan.json"), load(f"{d}/scan.sarif")
    if schema_errors(vs, scan) or schema_errors(va, sarif) or sarif_rule_errors(sarif, scan):
        print(f"FAIL {d}: the unbroken files are not valid to begin with")
        return 1
    accepted = 0
    try:
        copies = [(n, doc, "scan.json") for n, doc in broken_scans(scan)] + \
            [(n, doc, layer) for n, doc, layer in broken_sarifs(sarif)]
    except (StopIteration, KeyError, IndexError) as e:
        print(f"FAIL {d}: holds nothing to break for some copy ({e!r}); scan other binaries")
        return 1
    for name, doc, layer in copies:
        if layer == "scan.json":
            errors = schema_errors(vs, doc)
        elif layer == "schema":
            errors = schema_errors(va, doc)
        else:  # the rules are only tested when the schema lets the file through
            errors = [] if schema_errors(va, doc) else sarif_rule_errors(doc, scan)
        label = "scan.json schema" if layer == "scan.json" else "SARIF " + layer
        if errors:
            print(f"ok   rejected by the {label}: {name} ({errors[0][:160]})")
        else:
            accepted += 1
            print(f"FAIL accepted: {name} (the {label} should reject it)")
    return accepted


def main(argv):
    if len(argv) >= 5 and argv[1] == "validate":
        return 1 if validate(argv[2], argv[3], argv[4:]) else 0
    if len(argv) >= 3 and argv[1] == "covers":
        return 1 if covers(argv[2:]) else 0
    if len(argv) == 5 and argv[1] == "rejects":
        return 1 if rejects(argv[2], argv[3], argv[4]) else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
