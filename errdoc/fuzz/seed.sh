#!/usr/bin/env bash
# Fills the fuzz corpora from the reference pages: the repository's seeds/, the documents of
# errdoc's data-driven tests, the hand-written seeds beside this script, and the real pages
# in ../shared/corpus when that folder is there (those stay out of git: corpus/ is ignored).
# Safe to run again; it only adds files.
#
# Each corpus file of `parse_lower` is the page behind one selector byte, `m` (read as
# fuzz.md) or `t` (fuzz.txt); see fuzz_targets/parse_lower.rs. The `merge` corpus gets each
# page alone and the seeds joined in pairs by the 0xFF separator its target splits on.
set -euo pipefail

fuzz=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$fuzz/../.." && pwd)
parse_lower=$fuzz/corpus/parse_lower
merge=$fuzz/corpus/merge
mkdir -p "$parse_lower" "$merge"

pages=()
while IFS= read -r -d '' page; do
    pages+=("$page")
done < <(
    find "$root/seeds" "$fuzz/seeds" -type f -print0
    find "$root/errdoc/tests/data" -type f \( -name '*.md' -o -name '*.txt' \) -print0
)
if [ -d "$root/../shared/corpus" ]; then
    while IFS= read -r -d '' page; do
        pages+=("$page")
    done < <(find "$root/../shared/corpus" -type f \( -name '*.md' -o -name '*.txt' \) -print0 | sort -z)
fi

# Names are content hashes, as libFuzzer's own, so that running this again adds nothing.
add() {
    local dir=$1 file
    file=$(mktemp)
    cat >"$file"
    mv "$file" "$dir/$(sha1sum <"$file" | cut -c1-40)"
}

for page in "${pages[@]}"; do
    { printf m; cat "$page"; } | add "$parse_lower"
    { printf t; cat "$page"; } | add "$parse_lower"
    add "$merge" <"$page"
done

seeds=("$root"/seeds/*)
for ((i = 0; i + 1 < ${#seeds[@]}; i++)); do
    { cat "${seeds[i]}"; printf '\377'; cat "${seeds[i + 1]}"; } | add "$merge"
done

echo "parse_lower: $(find "$parse_lower" -type f | wc -l) files; merge: $(find "$merge" -type f | wc -l) files"
