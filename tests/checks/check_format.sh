#!/usr/bin/env bash
# ctest "format": every C++ source and header of the project is formatted as
# .clang-format says. Fix with: clang-format -i FILE (or the list printed).
set -euo pipefail
cd "$1"
clang_format="${2:-clang-format}"
mapfile -t files < <(find src include tests tools -name '*.cpp' -o -name '*.h' | sort)
bad=()
for f in "${files[@]}"; do
  "$clang_format" --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
  echo "not formatted as .clang-format says (clang-format -i these):"
  printf '  %s\n' "${bad[@]}"
  exit 1
fi
echo "format: ${#files[@]} files formatted"
