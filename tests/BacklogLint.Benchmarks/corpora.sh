#!/usr/bin/env bash
# The real-repository benchmark: runs `backloglint init` and then `check` on each clone of real planning repositories,
# as a new user would, and prints per repository the items read, the findings per rule and the time; with the labels in
# corpora-labels.tsv (findings a strict maintainer judged real or noise), the precision per rule and repository.
#
#   tests/BacklogLint.Benchmarks/corpora.sh [FOLDER]
#
# FOLDER holds one clone per repository (default /tmp/corpora; make it from the bundles in shared/corpora with
# `for b in ../shared/corpora/*.bundle; do git clone -q "$b" "/tmp/corpora/$(basename "$b" .bundle)"; done`; a clone
# whose default branch is missing needs `git checkout` of its one branch). Each repository is checked as of its last
# commit, or the date corpora-now.tsv gives it. The clones are not changed: init and check run on a copy. Results go to $RESULTS (default a temp folder).
set -euo pipefail
cd "$(dirname "$0")/../.."   # global.json is found from the current folder

corpora=$(cd "${1:-/tmp/corpora}" && pwd)
results=${RESULTS:-$(mktemp -d -t backloglint-corpora.XXXXXX)}
work=$(mktemp -d -t backloglint-corpora-work.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$results"

dotnet build src/BacklogLint.Cli -c Release -m:2 -v q -nologo > /dev/null
dotnet build tests/BacklogLint.Benchmarks -c Release -m:2 -v q -nologo > /dev/null
tool=$PWD/src/BacklogLint.Cli/bin/Release/net10.0/backloglint

for clone in "$corpora"/*/; do
  name=$(basename "$clone")
  [ -d "$clone/.git" ] || continue
  git clone -q "$clone" "$work/$name" 2>/dev/null
  now=$(awk -F'\t' -v repo="$name" '$1 == repo { print $2 }' tests/BacklogLint.Benchmarks/corpora-now.tsv)
  [ -n "$now" ] || now=$(git -C "$work/$name" log -1 --format=%cs)
  (cd "$work/$name" && "$tool" init > "$results/$name.init" 2>&1) || true
  start=$(date +%s%N)
  set +e
  (cd "$work/$name" && "$tool" check --now "$now" --format json > "$results/$name.json" 2> "$results/$name.err")
  code=$?
  set -e
  end=$(date +%s%N)
  printf '%s\t%s\t%s\t%s\n' "$name" "$now" "$code" "$(( (end - start) / 1000000 ))" >> "$results/runs.tsv"
done

dotnet run -c Release --no-build --project tests/BacklogLint.Benchmarks -- corpora "$results" tests/BacklogLint.Benchmarks/corpora-labels.tsv
echo "results: $results" >&2
