#!/usr/bin/env bash
# End-to-end benchmark: generates planning repositories and times the tool as users run it (a ReadyToRun publish, a
# real process, history included) against `git log --name-only` over the same folder, the cost of walking history once.
# For each size it prints: a full `check`; `github` on a pull request that changes 5 items (base and head analysed);
# markdownlint-cli2 on the same files when MARKDOWNLINT=1 (npx, all default rules); and the peak memory of `check`.
# Usage: tests/BacklogLint.Benchmarks/bench.sh [ITEMS:COMMITS[:BODY_KB] ...]   (default: 1000:5000 10000:50000)
# BODY_KB adds that much prose to every item, as in a repository of proposal documents (1000:2000:20 is ~20 MB).
# BENCH_DIR keeps the generated repositories between runs (generating 10,000 items / 50,000 commits takes a minute).
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=("1000:5000" "10000:50000")
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"

rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)
dotnet publish src/BacklogLint.Cli -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$work/tool" -v q -nologo >/dev/null
dotnet build tests/BacklogLint.Benchmarks -c Release -m:2 -v q -nologo >/dev/null
tool="$work/tool/backloglint"
generator=tests/BacklogLint.Benchmarks/bin/Release/net10.0/BacklogLint.Benchmarks

best() { # best wall time in ms of 3 runs of "$@", and the peak RSS (MB) of the best
  local best_ms=999999 best_rss=0 ms
  for _ in 1 2 3; do
    local t0
    t0=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>&1 || true
    ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    if [ "$ms" -lt "$best_ms" ]; then best_ms=$ms; best_rss=$(( $(tail -n 1 "$work/rss") / 1024 )); fi
  done
  echo "$best_ms $best_rss"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / (b > 0 ? b : 1) }'; }

# A pull request on a copy of the repository: a branch off HEAD that changes 5 items, and the event GitHub would send.
pull_request() {
  local repo=$1 pr=$2
  rm -rf "$pr"
  git clone -q --no-local "$repo" "$pr"
  local base
  base=$(git -C "$pr" rev-parse HEAD)
  git -C "$pr" checkout -q -b pr
  find "$pr/backlog" -name '*.md' | sort | awk 'NR % 997 == 1' | head -n 5 | while read -r item; do
    printf '\nA change in the pull request.\n' >> "$item"
  done
  git -C "$pr" -c user.name=bench -c user.email=bench@example.com commit -q -am "Change 5 items" --date 2026-11-20T12:00:00Z
  local head
  head=$(git -C "$pr" rev-parse HEAD)
  printf '{"number":1,"pull_request":{"number":1,"base":{"sha":"%s","repo":{"full_name":"o/r"}},"head":{"sha":"%s","repo":{"full_name":"o/r"}}},"repository":{"full_name":"o/r"}}' \
    "$base" "$head" > "$work/event.json"
  echo "$head"
}

header='| items | commits | KB/item prose | check (ms) | git log (ms) | check / git log | github PR (ms) | PR / check | peak RSS (MB)'
rule='|---:|---:|---:|---:|---:|---:|---:|---:|---:'
if [ "${MARKDOWNLINT:-0}" = 1 ]; then header="$header | markdownlint-cli2 (ms) | markdownlint / check"; rule="$rule|---:|---:"; fi
printf '%s |\n%s|\n' "$header" "$rule"
for size in "${sizes[@]}"; do
  IFS=: read -r items commits body <<< "$size"
  body=${body:-0}
  repo="$work/repo-$items-$commits$([ "$body" = 0 ] || echo "-$body")"
  [ -d "$repo/.git" ] || "$generator" generate "$repo" "$items" "$commits" "$body" >/dev/null 2>&1
  read -r check_ms rss < <(best "$tool" check "$repo" --now 2026-11-23 --format json --output "$work/out.json")
  read -r log_ms _ < <(best git -C "$repo" log --name-only --format=%ct -- backlog)

  pr="$work/pr-${repo##*/repo-}"
  head=$(pull_request "$repo" "$pr")
  read -r pr_ms _ < <(cd "$pr" && best env -i PATH="$PATH" HOME="$HOME" GITHUB_EVENT_NAME=pull_request GITHUB_EVENT_PATH="$work/event.json" \
    GITHUB_REPOSITORY=o/r GITHUB_SHA="$head" "$tool" github . --now 2026-11-23 --no-comment)

  line="| $items | $commits | $body | $check_ms | $log_ms | $(ratio "$check_ms" "$log_ms") | $pr_ms | $(ratio "$pr_ms" "$check_ms") | $rss"
  if [ "${MARKDOWNLINT:-0}" = 1 ]; then
    read -r md_ms _ < <(cd "$repo" && best npx --yes markdownlint-cli2@0.24.1 "backlog/**/*.md")
    line="$line | $md_ms | $(ratio "$md_ms" "$check_ms")"
  fi
  echo "$line |"
done
