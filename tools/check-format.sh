#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Checks that the C++ files a change touches are clang-format clean
# (.clang-format): the files that differ between the merge base and the
# working tree. The merge base is that of HEAD with main (origin/main in a
# clone); on main itself, the last commit's parent, so that CI on a fresh
# clone checks the last commit. LIFELINE_FORMAT_BASE=REV picks another base;
# `tools/check-format.sh --all` checks every file of src/ and bench/.
# Prints each file that is not clean and the command that fixes it.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v clang-format >/dev/null; then
  echo "check-format: clang-format is missing; install it with: sudo apt-get install -y clang-format" >&2
  exit 1
fi

patterns=('src/*.h' 'src/*.cc' 'bench/*.cc' 'fuzz/*.cc')
if [ "${1:-}" = "--all" ]; then
  mapfile -t files < <(git ls-files -- "${patterns[@]}")
  what="every file"
else
  base=${LIFELINE_FORMAT_BASE:-}
  if [ -z "$base" ]; then
    head=$(git rev-parse HEAD)
    for ref in origin/main main; do
      git rev-parse -q --verify "$ref^{commit}" >/dev/null || continue
      mb=$(git merge-base HEAD "$ref" 2>/dev/null || true)
      if [ -n "$mb" ] && [ "$mb" != "$head" ]; then
        base=$mb
        break
      fi
    done
  fi
  if [ -z "$base" ] && [ "$(git rev-parse --is-shallow-repository)" = true ] &&
    ! git rev-parse -q --verify 'HEAD~1^{commit}' >/dev/null; then
    # A depth-1 clone lacks the parent: fetch it, or say what is needed.
    git fetch -q --deepen=1 2>/dev/null || {
      echo "check-format: a shallow clone without the last commit's parent; clone with --depth 2 or more" >&2
      exit 1
    }
  fi
  if [ -z "$base" ]; then
    # On main: the last commit. A root commit has no parent: compare with
    # the empty tree, so every file counts.
    base=$(git rev-parse -q --verify 'HEAD~1^{commit}' 2>/dev/null ||
      git hash-object -t tree /dev/null)
  fi
  mapfile -t files < <(git diff --name-only --diff-filter=ACMR "$base" -- "${patterns[@]}")
  what="the files changed since $(git rev-parse --short "$base")"
fi

bad=()
for f in "${files[@]}"; do
  [ -f "$f" ] || continue
  clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
  echo "check-format: not clang-format clean (${#bad[@]} of ${#files[@]} files, $what):" >&2
  printf '  %s\n' "${bad[@]}" >&2
  echo "fix with: clang-format -i ${bad[*]}" >&2
  exit 1
fi
echo "check-format: ok (${#files[@]} files, $what)"
