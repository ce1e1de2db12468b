#!/usr/bin/env bash
# End-to-end benchmark: times the tool as users run it (what the tool package for this machine's RID holds: the build
# compiled ahead of time as `backloglint`, the ReadyToRun JIT-compiled build beside it for what it hands over, github
# among them; a real process, history included) against `git log --name-only` over the same item paths, the
# cost of walking history once, and the goals of issue #17.
#
#   tests/BacklogLint.Benchmarks/bench.sh [--small | --large] [ITEMS:COMMITS[:BODY_KB[:AGREEMENTS_%]] ...]
#
# 1. Start-up and small repositories (--small, or by default): `--version`, an empty git repository, generated
#    repositories of 9 and 50 items, and every clone under $CORPORA (default /tmp/corpora, as corpora.sh uses it:
#    checked on a copy after `init`, as of corpora-now.tsv's date). Goals: empty < 80 ms, 50 items < 120 ms, every real
#    repository ≤ 1.5 × git log + 100 ms. Each time is hyperfine's median (warm-up 3, $RUNS runs, default 20) when
#    hyperfine is installed, else the median of $RUNS runs.
# 2. Large repositories (--large, or by default; default sizes 1000:5000 10000:50000): a full `check`; `github` on a pull
#    request that changes 5 items (base and head analysed); the peak memory of `check`. Goal at 10,000 items / 50,000
#    commits: ≤ 1.0 × git log and < 300 MB. Then `report --since 2y --every 1m` (25 samples of history, one HTML
#    file): goal < 2 × check. BODY_KB adds that much prose to every item, as in a repository of proposal
#    documents (1000:2000:20 is ~20 MB); AGREEMENTS_% is the share of items with inline agreements (default 10; more
#    means more line-level history, e.g. 10000:50000:0:50).
# Under each table, the profile: the `--verbose` time line of one check per repository (start-up, configuration,
# parsing, history, analysis, report), so that a goal missed says where the time went.
# MARKDOWNLINT=1 adds markdownlint-cli2 on the same files (npx, all default rules) to both. BENCH_DIR keeps the
# generated repositories between runs (generating 10,000 items / 50,000 commits takes a minute or two).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo_root=$PWD
parts=(small large)
case "${1:-}" in
  --small) parts=(small); shift ;;
  --large) parts=(large); shift ;;
esac
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=("1000:5000" "10000:50000")
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
runs=${RUNS:-20}
corpora=${CORPORA:-/tmp/corpora}
now=2026-11-23

rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)
# ReadyToRun compilation is incremental on its inputs, not on crossgen2's options: images made with other options
# (an experiment with PublishReadyToRunCrossgen2ExtraArgs) would be published as they are.
rm -rf src/*/obj/Release/net10.0/"$rid"/R2R
rm -rf "$work/tool"
dotnet publish src/BacklogLint.Native -c Release -r "$rid" -o "$work/native/$rid" -m:2 -v q -nologo >/dev/null
dotnet publish src/BacklogLint.Cli -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
  -p:NativeLaunchers="$work/native" -o "$work/tool" -m:2 -v q -nologo >/dev/null
dotnet build tests/BacklogLint.Benchmarks -c Release -m:2 -v q -nologo >/dev/null
tool="$work/tool/backloglint"
generator=tests/BacklogLint.Benchmarks/bin/Release/net10.0/BacklogLint.Benchmarks

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / (b > 0 ? b : 1) }'; }

# The median wall time in ms of "$@" run from folder $1 (the command's exit code is not looked at: findings exit 1).
median_ms() {
  local dir=$1; shift
  if command -v hyperfine >/dev/null; then
    (cd "$dir" && hyperfine -N -i --warmup 3 --runs "$runs" --export-json "$work/hyperfine.json" -- "$(printf '%q ' "$@")" >/dev/null 2>&1)
    jq '.results[0].median * 1000 | round' "$work/hyperfine.json"
  else
    local times=() t0
    for _ in $(seq "$runs"); do
      t0=$(date +%s%N)
      (cd "$dir" && "$@" >/dev/null 2>&1) || true
      times+=($(( ($(date +%s%N) - t0) / 1000000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)) }'
  fi
}

# git log --name-only over where the items are that a check of folder $1 reads (the paths the benchmark program lists):
# their deepest common folder, or, when they have none, each top-level folder (or file) that holds some. Not one
# pathspec per file: git matches every changed path against each, and with hundreds of them git log takes minutes.
git_log_ms() {
  local folder=$1 top
  top=$(git -C "$folder" rev-parse --show-toplevel 2>/dev/null) || { echo 0; return; }
  "$generator" items "$folder" > "$work/items.txt"
  [ -s "$work/items.txt" ] || { median_ms "$top" git log --name-only --format=%ct; return; }
  mapfile -t paths < <(awk -F/ '
    { n[NR] = NF; for (i = 1; i <= NF; i++) part[NR, i] = $i }
    END {
      common = n[1] - 1
      for (r = 2; r <= NR; r++) {
        k = 0
        while (k < common && k < n[r] - 1 && part[r, k + 1] == part[1, k + 1]) k++
        common = k
      }
      if (common > 0) { s = part[1, 1]; for (i = 2; i <= common; i++) s = s "/" part[1, i]; print s; exit }
      for (r = 1; r <= NR; r++) if (!seen[part[r, 1]]++) print part[r, 1]
    }' "$work/items.txt")
  median_ms "$top" git log --name-only --format=%ct -- "${paths[@]}"
}

markdownlint_ms() { # folder
  (cd "$1" && npx --yes markdownlint-cli2@0.24.1 --help >/dev/null 2>&1) || { echo "n/a"; return; }
  median_ms "$1" npx --yes markdownlint-cli2@0.24.1 "**/*.md" "#node_modules"
}

# The `--verbose` time line of a check of folder $1 as of $2 ("880 ms in all: start-up 60 ms, …").
profile() {
  # Findings exit 1: the exit code is not looked at.
  { (cd "$1" && "$tool" check "$1" --now "$2" --format json --output "$work/out.json" --verbose 2>&1 >/dev/null) || true; } | sed -n 's/^backloglint: time: //p'
}

# "met" or by how much not; $1 our time, $2 the goal (ms).
verdict() { if [ "$1" -le "$2" ]; then echo "met"; else echo "not met: +$(( $1 - $2 )) ms ($(ratio "$1" "$2")× the goal)"; fi; }

small() {
  local header='| case | items | commits | backloglint (ms) | git log (ms) | backloglint / git log | goal (ms) | goal met?'
  local rule='|---|---:|---:|---:|---:|---:|---:|---'
  if [ "${MARKDOWNLINT:-0}" = 1 ]; then header="$header | markdownlint-cli2 (ms)"; rule="$rule|---:"; fi
  echo "Start-up and small repositories ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); medians of $runs runs$(command -v hyperfine >/dev/null && echo ', hyperfine'))"
  echo
  printf '%s |\n%s|\n' "$header" "$rule"
  local version_ms
  version_ms=$(median_ms "$work" "$tool" --version)
  echo "| --version | | | $version_ms | | | | |"

  local cases=() empty="$work/small-empty"
  if [ ! -d "$empty/.git" ]; then mkdir -p "$empty" && git -C "$empty" init -q; fi
  cases+=("empty git repository|$empty|$now|80")
  for size in 9:30 50:200; do
    IFS=: read -r items commits <<< "$size"
    local folder="$work/small-$items-$commits"
    [ -d "$folder/.git" ] || "$generator" generate "$folder" "$items" "$commits" >/dev/null 2>&1
    local goal=""
    [ "$items" = 50 ] && goal=120
    cases+=("generated, $items items|$folder|$now|$goal")
  done
  if [ -d "$corpora" ]; then
    for clone in "$corpora"/*/; do
      [ -d "$clone/.git" ] || continue
      local name copy at
      name=$(basename "$clone")
      copy="$work/corpora/$name"
      if [ ! -d "$copy/.git" ]; then
        mkdir -p "$work/corpora"
        git clone -q "$clone" "$copy" 2>/dev/null
        (cd "$copy" && "$tool" init >/dev/null 2>&1) || true
      fi
      at=$(awk -F'\t' -v repo="$name" '$1 == repo { print $2 }' tests/BacklogLint.Benchmarks/corpora-now.tsv)
      [ -n "$at" ] || at=$(git -C "$copy" log -1 --format=%cs)
      cases+=("$name|$copy|$at|")
    done
  fi

  local entry label folder at goal ours log items commits line profiles=()
  for entry in "${cases[@]}"; do
    IFS='|' read -r label folder at goal <<< "$entry"
    ours=$(median_ms "$folder" "$tool" check "$folder" --now "$at" --format json --output "$work/out.json")
    log=$(git_log_ms "$folder")
    items=$(wc -l < "$work/items.txt" 2>/dev/null || echo 0)
    commits=$(git -C "$folder" rev-list --count HEAD 2>/dev/null || echo 0)
    # A real repository's goal: 1.5 × git log over its item paths + 100 ms.
    [ -n "$goal" ] || goal=$(awk -v l="$log" 'BEGIN { printf "%d", 1.5 * l + 100 }')
    line="| $label | $items | $commits | $ours | $log | $(ratio "$ours" "$log") | $goal | $(verdict "$ours" "$goal")"
    [ "${MARKDOWNLINT:-0}" = 1 ] && line="$line | $(markdownlint_ms "$folder")"
    echo "$line |"
    profiles+=("| $label | $(profile "$folder" "$at") |")
  done
  echo
  echo "Profile (one check each, --verbose; load $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  printf '| case | time |\n|---|---|\n'
  printf '%s\n' "${profiles[@]}"
  echo
}

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

# The best wall times (ms) of 3 runs each of `check` of repository $1 and of git log over its backlog, taken in turns so
# that both see the same load, and the peak RSS (MB) of the best check; the best check's --verbose lines are kept in
# $work/check.err.
check_and_log() {
  local repo=$1 check_best=999999 log_best=999999 rss=0 ms t0
  for _ in 1 2 3; do
    t0=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$work/rss" "$tool" check "$repo" --now "$now" --format json --output "$work/out.json" --verbose >/dev/null 2>"$work/run.err" || true
    ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    if [ "$ms" -lt "$check_best" ]; then check_best=$ms; rss=$(( $(tail -n 1 "$work/rss") / 1024 )); cp "$work/run.err" "$work/check.err"; fi
    t0=$(date +%s%N)
    git -C "$repo" log --name-only --format=%ct -- backlog >/dev/null
    ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    [ "$ms" -lt "$log_best" ] && log_best=$ms
  done
  echo "$check_best $log_best $rss"
}

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

large() {
  echo "Large repositories (best of 3, check and git log in turns; load $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  local header='| items | commits | KB/item prose | agreements % | check (ms) | git log (ms) | check / git log | github PR (ms) | PR / check | peak RSS (MB) | report 2y monthly (ms) | report / check | report RSS (MB) | HTML (KB) | goal at 10,000 / 50,000 (≤ 1.0 × git log, < 300 MB)'
  local rule='|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---'
  if [ "${MARKDOWNLINT:-0}" = 1 ]; then header="$header | markdownlint-cli2 (ms) | markdownlint / check"; rule="$rule|---:|---:"; fi
  printf '%s |\n%s|\n' "$header" "$rule"
  local size items commits body agreements repo check_ms rss log_ms pr head pr_ms line md_ms report_ms report_rss goal profiles=()
  for size in "${sizes[@]}"; do
    IFS=: read -r items commits body agreements <<< "$size"
    body=${body:-0}
    agreements=${agreements:-10}
    repo="$work/repo-$items-$commits$([ "$body" = 0 ] || echo "-$body")$([ "$agreements" = 10 ] || echo "-a$agreements")"
    [ -d "$repo/.git" ] || "$generator" generate "$repo" "$items" "$commits" "$body" "$agreements" >/dev/null 2>&1
    read -r check_ms log_ms rss < <(check_and_log "$repo")
    profiles+=("| $items:$commits:$body:$agreements | $(sed -n 's/^backloglint: time: //p' "$work/check.err") |")

    pr="$work/pr-${repo##*/repo-}"
    head=$(pull_request "$repo" "$pr")
    read -r pr_ms _ < <(cd "$pr" && best env -i PATH="$PATH" HOME="$HOME" GITHUB_EVENT_NAME=pull_request GITHUB_EVENT_PATH="$work/event.json" \
      GITHUB_REPOSITORY=o/r GITHUB_SHA="$head" "$tool" github . --now "$now" --no-comment)

    read -r report_ms report_rss < <(best "$tool" report "$repo" --now "$now" --since 2y --every 1m --output "$work/report.html")
    goal=""
    if [ "$items:$commits" = 10000:50000 ]; then
      if [ "$check_ms" -le "$log_ms" ] && [ "$rss" -lt 300 ]; then goal="met"
      else goal="not met: $(ratio "$check_ms" "$log_ms")× git log, $rss MB"; fi
    fi
    line="| $items | $commits | $body | $agreements | $check_ms | $log_ms | $(ratio "$check_ms" "$log_ms") | $pr_ms | $(ratio "$pr_ms" "$check_ms") | $rss"
    line="$line | $report_ms | $(ratio "$report_ms" "$check_ms") | $report_rss | $(( $(stat -c %s "$work/report.html") / 1024 )) | $goal"
    if [ "${MARKDOWNLINT:-0}" = 1 ]; then
      read -r md_ms _ < <(cd "$repo" && best npx --yes markdownlint-cli2@0.24.1 "backlog/**/*.md")
      line="$line | $md_ms | $(ratio "$md_ms" "$check_ms")"
    fi
    echo "$line |"
  done
  echo
  echo "Profile (the best check's --verbose time line; load $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  printf '| items:commits:KB:agreements %% | time |\n|---|---|\n'
  printf '%s\n' "${profiles[@]}"
  echo
}

for part in "${parts[@]}"; do "$part"; done
