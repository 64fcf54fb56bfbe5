#!/usr/bin/env python3
"""Structural lint of a GitLab CI file (no GitLab here to ask): every job has a stage that is
declared, a script (its own or from the job it extends), `extends` and `needs` name jobs that
exist, `parallel` is a number or a matrix, artifact paths and junit reports are lists or strings.

  gitlab_ci_check.py FILE...     exit 0 when clean, 1 with one line per finding
"""
import sys

import yaml

KEYWORDS = {"stages", "variables", "include", "default", "workflow", "image", "services", "cache", "before_script", "after_script"}


def check(path):
    findings = []
    doc = yaml.safe_load(open(path))
    if not isinstance(doc, dict):
        return [f"{path}: not a mapping"]
    stages = doc.get("stages", ["build", "test", "deploy"])
    jobs = {k: v for k, v in doc.items() if k not in KEYWORDS}
    for name, job in jobs.items():
        if not isinstance(job, dict):
            findings.append(f"{path}: {name}: is not a job (a mapping)")
            continue
        hidden = name.startswith(".")
        merged = dict(job)
        for parent in ([job["extends"]] if isinstance(job.get("extends"), str) else job.get("extends", [])):
            if parent not in jobs:
                findings.append(f"{path}: {name}: extends '{parent}', which is not defined")
            else:
                merged = {**jobs[parent], **merged}
        if not hidden:
            if "script" not in merged:
                findings.append(f"{path}: {name}: has no script")
            if merged.get("stage", "test") not in stages:
                findings.append(f"{path}: {name}: stage '{merged.get('stage')}' is not in stages {stages}")
        for need in job.get("needs", []):
            need = need["job"] if isinstance(need, dict) else need
            if need not in jobs:
                findings.append(f"{path}: {name}: needs '{need}', which is not defined")
        parallel = job.get("parallel")
        if parallel is not None and not (isinstance(parallel, int) and 1 < parallel <= 200) and not (
                isinstance(parallel, dict) and isinstance(parallel.get("matrix"), list)):
            findings.append(f"{path}: {name}: parallel must be 2..200 or a matrix")
        script = merged.get("script")
        if script is not None and not (isinstance(script, str) or (isinstance(script, list) and all(isinstance(s, str) for s in script))):
            findings.append(f"{path}: {name}: script must be a string or a list of strings")
        artifacts = job.get("artifacts", {})
        if not isinstance(artifacts, dict):
            findings.append(f"{path}: {name}: artifacts must be a mapping")
        elif "paths" in artifacts and not isinstance(artifacts["paths"], list):
            findings.append(f"{path}: {name}: artifacts.paths must be a list")
        unknown = set(job) - {"extends", "stage", "image", "services", "script", "before_script", "after_script", "parallel",
                              "cache", "artifacts", "needs", "when", "allow_failure", "variables", "rules", "timeout",
                              "tags", "retry", "dependencies", "interruptible", "coverage"}
        for key in sorted(unknown):
            findings.append(f"{path}: {name}: unknown keyword '{key}'")
    return findings


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    findings = [f for path in argv[1:] for f in check(path)]
    for f in findings:
        print(f)
    for path in argv[1:]:
        print(f"{path}: {sum(1 for f in findings if f.startswith(path + ':'))} findings")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
