#!/bin/bash
# The store screenshot, data/screenshots/main-window.png, made again from
# the current build: the bundled essay with a few passages read from each
# perspective (tagged through parallax-cli), the window at 1600×1000 under
# Xvfb.
#   build-aux/screenshot.sh [BUILDDIR]     (default: _build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-_build}
cli=$build/src/cli/parallax-cli
app=$build/src/app/parallax
[ -x "$cli" ] && [ -x "$app" ] || { echo "screenshot.sh: build first (build-aux/build.sh $build)" >&2; exit 2; }

work=$(mktemp -d)
trap 'kill "${xvfb:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
project=$work/screenshot.parallax
"$cli" init "$project" >/dev/null
document=$("$cli" add-document "$project" data/russia-role-nagorno-karabakh.md)

# Offsets count code points of the document as Parallax reads it, so the
# text is taken from Parallax itself: one passage over all of it.
length=$("$cli" export "$project" --format native | python3 -c 'import json, sys; print(json.load(sys.stdin)["documents"][0]["length"])')
whole=$("$cli" annotate "$project" -d "$document" -s 0 -e "$length" -p Armenian)
"$cli" export "$project" --format native -o "$work/whole.json"
"$cli" delete "$project" "$whole" >/dev/null

# perspective | passage | themes (comma-separated) | note
python3 - "$work/whole.json" >"$work/passages.tsv" <<'EOF'
import json, sys
text = json.load(open(sys.argv[1]))["annotations"][0]["quote"]
passages = [
    ("Armenian", "the escalation in cross-border skirmishes", "security,escalation", "Border incidents framed as provocation"),
    ("Armenian", "the infamous ‘Safarov affair’", "justice", "A pardon read as endorsement of violence"),
    ("Armenian", "Russia thwarts conflict resolution efforts and supports the status quo", "status quo,Russia", ""),
    ("Azerbaijani", "often attributed to external actors", "mediation,external actors", "Mediators blamed for the stalemate"),
    ("Azerbaijani", "Russia bears the lion’s share of the blame", "geopolitics,Russia", ""),
    ("Western", "ongoing and unabated war rhetoric", "rhetoric", ""),
    ("Western", "France, Russia and the U.S.", "mediation", ""),
    ("Western", "keep the region under its hook", "leverage", ""),
    ("Russian", "external geostrategic interests entrenched in the region", "geopolitics", "Interests presented as stabilising"),
    ("Russian", "Russia has been capitalising on the conflict to advance its interests", "leverage", ""),
]
for perspective, quote, themes, note in passages:
    start = text.index(quote)
    print("\t".join([perspective, str(start), str(start + len(quote)), themes, note]))
EOF
while IFS=$'\t' read -r perspective start end themes note; do
  args=(-d "$document" -s "$start" -e "$end" -p "$perspective" -a Parallax)
  IFS=, read -ra list <<<"$themes"
  for theme in "${list[@]}"; do args+=(-t "$theme"); done
  [ -n "$note" ] && args+=(-n "$note")
  "$cli" annotate "$project" "${args[@]}" >/dev/null
done <"$work/passages.tsv"

for n in $(seq 90 120); do
  Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  if kill -0 "$xvfb" 2>/dev/null; then display=":$n"; break; fi
done
[ -n "${display:-}" ] || { echo "screenshot.sh: could not start Xvfb" >&2; exit 1; }

export DISPLAY=$display GDK_BACKEND=x11 GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$build/data
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache XDG_STATE_HOME=$work/state
dbus-run-session -- bash -c "'$app' '$project' & app=\$!; sleep 6; import -window root '$work/shot.png'; kill \$app"
convert "$work/shot.png" -crop 1600x1000+0+0 +repage data/screenshots/main-window.png
echo "wrote data/screenshots/main-window.png"
