#!/usr/bin/env bash
# Writes every component's Dockerfile from Dockerfile.template: the projects each image copies are its project's
# ProjectReferences, followed transitively, so a new library reference reaches the image without anyone remembering.
#
#   deploy/docker/generate.sh           rewrite the Dockerfiles
#   deploy/docker/generate.sh --check   exit 1, naming the files, if a committed Dockerfile differs (deployment tests)
set -euo pipefail
# "&" in a replacement is literal text here, not the matched pattern (bash 5.2's patsub_replacement).
shopt -u patsub_replacement 2>/dev/null || true

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TEMPLATE="$ROOT/deploy/docker/Dockerfile.template"
COMPONENTS=(services/JobPostings.Api services/Profiles.Api services/Matching.Api services/Notifications.Api
    services/Portal gateway/JobMatch.Gateway)

# What an image needs beyond the runtime: curl for the health check, and each component's own additions.
packages_of() {
    case "$1" in
    services/Matching.Api) echo "curl libgomp1|curl for the container health check; libgomp1 (OpenMP) for the native library of ML.NET's LightGBM ranker." ;;
    *) echo "curl|curl only, for the container health check." ;;
    esac
}
extra_of() {
    case "$1" in
    services/Portal) printf '%s\n' '# The data-protection key ring (auth and antiforgery cookies), a volume shared by every portal instance.' \
        'RUN mkdir /keys && chown "$APP_UID" /keys' ;;
    esac
}

# The project's directory and those of every project it references, transitively, in a stable order.
references_of() {
    local dir="$1" reference target
    echo "$dir"
    while read -r reference; do
        [[ -n $reference ]] || continue
        target="$(realpath -m --relative-to="$ROOT" "$ROOT/$dir/$(dirname "${reference//\\//}")")"
        references_of "$target"
    done < <(grep -o 'ProjectReference Include="[^"]*"' "$ROOT/$dir/$(basename "$dir").csproj" | sed -E 's/.*Include="([^"]*)"/\1/')
}

render() {
    local dir="$1" name projects files="" sources="" packages why
    name="$(basename "$dir")"
    # Libraries first (by name), the component last; each once.
    mapfile -t projects < <(references_of "$dir" | grep -vx "$dir" | sort -u; echo "$dir")
    for project in "${projects[@]}"; do
        files+="COPY $project/$(basename "$project").csproj $project/"$'\n'
        sources+="COPY $project/ $project/"$'\n'
    done
    IFS='|' read -r packages why <<<"$(packages_of "$dir")"
    local extra
    extra="$(extra_of "$dir")"
    [[ -n $extra ]] && extra+=$'\n'
    local text
    text="$(<"$TEMPLATE")"
    text="${text//@PROJECT_FILES@/$files}"
    text="${text//@SOURCES@/$sources}"
    text="${text//@EXTRA@/$extra}"
    text="${text//@PACKAGES@/$packages}"
    text="${text//@PACKAGES_WHY@/$why}"
    text="${text//@NAME@/$name}"
    text="${text//@DIR@/$dir}"
    printf '%s\n' "$text"
}

check=0
[[ ${1:-} == --check ]] && check=1
stale=()
for dir in "${COMPONENTS[@]}"; do
    if ((check)); then
        cmp -s <(render "$dir") "$ROOT/$dir/Dockerfile" || stale+=("$dir/Dockerfile")
    else
        render "$dir" >"$ROOT/$dir/Dockerfile"
    fi
done
if ((${#stale[@]})); then
    echo "generate.sh: out of date (run deploy/docker/generate.sh): ${stale[*]}" >&2
    exit 1
fi
