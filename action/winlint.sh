#!/usr/bin/env bash
# The step of winlint's composite action (action.yml): install winlint, run
# it, write the step's outputs. Inputs come as WINLINT_* variables.
set -uo pipefail

format="${WINLINT_FORMAT:-sarif}"
case "$format" in
  sarif|github) ;;
  *) echo "::error title=winlint action::format must be sarif or github, not '$format'"; exit 2 ;;
esac

# Install: the action's own source, or a released version.
gobin="$(go env GOBIN)"
[ -n "$gobin" ] || gobin="$(go env GOPATH)/bin"
if [ -n "${WINLINT_VERSION:-}" ]; then
  go install "github.com/winlint/winlint/cmd/winlint@${WINLINT_VERSION}" || {
    echo "::error title=winlint action::go install github.com/winlint/winlint/cmd/winlint@${WINLINT_VERSION} failed: is that version on the Go module proxy? Leave version empty to build the action's own source (pinned by the uses: ref)."
    exit 1
  }
else
  (cd "$GITHUB_ACTION_PATH" && GOWORK=off go install ./cmd/winlint) || exit 1
fi
winlint="$gobin/winlint"
"$winlint" -V

args=(-f "$format")
if [ -n "${WINLINT_NEW_FROM_REV:-}" ]; then
  args+=("-new-from-rev=${WINLINT_NEW_FROM_REV}")
fi
read -r -a extra <<< "${WINLINT_FLAGS:-}"
read -r -a packages <<< "${WINLINT_PACKAGES:-./...}"
args+=("${extra[@]}" "${packages[@]}")

if [ "$format" = sarif ]; then
  sarif="${WINLINT_SARIF_FILE:-winlint.sarif}"
  "$winlint" "${args[@]}" > "$sarif"
  code=$?
  echo "sarif-file=$(cd "$(dirname "$sarif")" && pwd)/$(basename "$sarif")" >> "${GITHUB_OUTPUT:-/dev/null}"
else
  "$winlint" "${args[@]}"
  code=$?
fi
echo "exit-code=$code" >> "${GITHUB_OUTPUT:-/dev/null}"

case "$code" in
  0) exit 0 ;;
  3) [ "${WINLINT_FAIL_ON_FINDINGS:-true}" = true ] && exit 3; exit 0 ;;
  *) exit "$code" ;;
esac
