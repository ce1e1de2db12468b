#!/usr/bin/env bash
# How the action gets BacklogLint (action.yml runs this twice):
#
#   install-tool.sh plan      writes to $GITHUB_OUTPUT how to get it: mode=install and version=X.Y.Z when the `version`
#                             input is set or the action is used by a version tag (uses: backloglint/backloglint@v1.2.0),
#                             else mode=build and key=..., the cache key of a build of the action's source (its hash)
#   install-tool.sh install   installs the released package (MODE=install, VERSION), or builds the source unless the
#                             cache restored that build (MODE=build, CACHE_HIT=true), into $RUNNER_TEMP/backloglint;
#                             sets BACKLOGLINT in $GITHUB_ENV
#
# The ref comes from GITHUB_ACTION_REF when the runner sets it, else from the action's folder, which the runner names
# after the ref (_actions/OWNER/REPO/REF): composite actions are not promised GITHUB_ACTION_REF.
set -euo pipefail
action="${GITHUB_ACTION_PATH:?}"
tool="${RUNNER_TEMP:?}/backloglint"

build() {
  (cd "$action" && dotnet build src/BacklogLint.Cli -c Release -o "$tool" -nologo -v quiet)
}

case "${1:-}" in
  plan)
    version="${INPUT_VERSION:-}"
    if [ -z "$version" ]; then
      ref="${GITHUB_ACTION_REF:-}"
      [ -n "$ref" ] || ref=$(basename "$action")
      if [[ "$ref" =~ ^v([0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?)$ ]]; then version="${BASH_REMATCH[1]}"; fi
    fi
    if [ -n "$version" ]; then
      { echo "mode=install"; echo "version=$version"; } >> "$GITHUB_OUTPUT"
    else
      # Everything the build reads: a change to any of it is a new key, so a cached build is never stale.
      hash=$(cd "$action" && find src rules Directory.Build.props Directory.Packages.props global.json -type f \
        -not -path '*/bin/*' -not -path '*/obj/*' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-20)
      { echo "mode=build"; echo "key=backloglint-tool-${RUNNER_OS:-os}-${RUNNER_ARCH:-arch}-$hash"; } >> "$GITHUB_OUTPUT"
    fi
    ;;
  install)
    if [ "${MODE:-}" = install ]; then
      if ! dotnet tool install BacklogLint --version "${VERSION:?}" --tool-path "$tool"; then
        echo "::warning title=BacklogLint $VERSION not installed::BacklogLint $VERSION could not be installed from NuGet; building it from the action's source instead"
        build
      fi
    elif [ "${CACHE_HIT:-}" = true ] && [ -x "$tool/backloglint" ]; then
      echo "BacklogLint built from this source was restored from the cache"
    else
      build
    fi
    echo "BACKLOGLINT=$tool/backloglint" >> "$GITHUB_ENV"
    ;;
  *)
    echo "usage: install-tool.sh plan|install" >&2
    exit 2
    ;;
esac
