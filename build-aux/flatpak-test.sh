#!/bin/bash
# Offline Flatpak test: build the app from flatpak/APP_ID.json against a local
# Debian 12 runtime (../shared/tools/flatpak-test-runtime), install it for
# --user, then in the sandbox under Xvfb + dbus-run-session check that
#   - the main window appears and shows the bundled essay (X window tree,
#     a screenshot that is not blank, and the project the app created),
#   - parallax-cli exports a project as JSON,
#   - the desktop file, metainfo, icons and MIME type are exported.
# The test manifest differs from the real one only in runtime, sdk and
# runtime-version. Work files go to _build-flatpak/ (kept: screenshot, logs).
# Run as root (it installs packages and the runtime). Prints timings.
#
# Environment: PLX_FLATPAK_RUNTIME_TOOL (default ../shared/tools/flatpak-test-runtime),
#              PLX_FLATPAK_CACHE (runtime cache, default the tool's own).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
app_id=io.github.parallax_annotator.Parallax
manifest=flatpak/$app_id.json
work=$root/_build-flatpak
tool=${PLX_FLATPAK_RUNTIME_TOOL:-$root/../shared/tools/flatpak-test-runtime}
# A clone made elsewhere (e.g. /tmp/ci-check) finds ../shared beside the
# repository it was cloned from.
if [ -z "${PLX_FLATPAK_RUNTIME_TOOL:-}" ] && [ ! -x "$tool" ]; then
  origin=$(git -C "$root" config --get remote.origin.url 2>/dev/null || true)
  if [ -n "$origin" ] && [ -x "$origin/../shared/tools/flatpak-test-runtime" ]; then
    tool=$origin/../shared/tools/flatpak-test-runtime
  fi
fi

t0=$(date +%s.%N)
elapsed() { printf '%.1f' "$(echo "$(date +%s.%N) - $1" | bc)"; }
say() { echo "flatpak-test: $*"; }
die() { echo "flatpak-test: error: $*" >&2; exit 1; }

# 1. Host packages for this step (the runtime tool needs some of them too).
packages=(flatpak flatpak-builder xvfb xauth x11-utils imagemagick dbus bc python3)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null | grep -q '^ii' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || die "missing ${missing[*]}; run as root"
  say "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi
[ -x "$tool" ] || die "no runtime tool at $tool (set PLX_FLATPAK_RUNTIME_TOOL)"

mkdir -p "$work"
echo '*' > "$work/.gitignore"      # like a meson build dir: never committed
rm -f "$work"/*.png "$work"/*.json.out

# 2. The local Debian 12 runtime (cached; well under a second when it is).
t=$(date +%s.%N)
cache_args=()
[ -n "${PLX_FLATPAK_CACHE:-}" ] && cache_args=(--cache "$PLX_FLATPAK_CACHE")
"$tool" "${cache_args[@]}" </dev/null
t_runtime=$(elapsed "$t")

# 3. Test manifest, next to the real one's depth so that "path": ".." still
#    names the checkout.
test_manifest=$work/$app_id.test.json
python3 - "$manifest" "$test_manifest" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1]))
m.update({"runtime": "org.parallax.TestPlatform", "runtime-version": "12",
          "sdk": "org.parallax.TestSdk"})
m.pop("sdk-extensions", None)
json.dump(m, open(sys.argv[2], "w"), indent=2)
EOF
diff <(python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); [m.pop(k) for k in ("runtime","runtime-version","sdk")]; print(json.dumps(m, sort_keys=True))' "$manifest") \
     <(python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); [m.pop(k) for k in ("runtime","runtime-version","sdk")]; print(json.dumps(m, sort_keys=True))' "$test_manifest") \
  || die "the test manifest differs from $manifest beyond the runtime"

# 4. Build and install.
t=$(date +%s.%N)
say "flatpak-builder (log: $work/builder.log)"
if ! flatpak-builder --user --install --disable-rofiles-fuse --force-clean \
       --state-dir="$work/state" "$work/app" "$test_manifest" >"$work/builder.log" 2>&1; then
  tail -40 "$work/builder.log" >&2
  die "flatpak-builder failed"
fi
t_build=$(elapsed "$t")
flatpak --user info "$app_id" | sed -n 's/^ *\(Ref\|Runtime\|Installed\): */  \1: /p'

# 5. What the installation exports to the desktop.
flatpak_user_dir=${FLATPAK_USER_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/flatpak}
exports=$flatpak_user_dir/exports/share
for f in applications/$app_id.desktop \
         icons/hicolor/scalable/apps/$app_id.svg icons/hicolor/symbolic/apps/$app_id-symbolic.svg \
         mime/packages/$app_id.xml; do
  [ -e "$exports/$f" ] || die "not exported: share/$f"
done
# flatpak-builder 1.2 renames the metainfo to appdata; newer ones keep it.
[ -e "$exports/metainfo/$app_id.metainfo.xml" ] || [ -e "$exports/metainfo/$app_id.appdata.xml" ] \
  || die "no metainfo exported"
deploy=$(flatpak --user info --show-location "$app_id")
zcat "$deploy"/files/share/app-info/xmls/"$app_id".xml.gz | grep -q 'xml:lang="ru"' \
  || die "the composed AppStream data has no Russian translation"
# The catalogues live in the .Locale extension; the sandbox must find them.
for lang in az hy ru; do
  flatpak run --command=test "$app_id" -f /app/share/locale/$lang/LC_MESSAGES/parallax.mo \
    || die "no $lang catalogue in the sandbox"
done
usage=$(flatpak run --env=LC_ALL=C.UTF-8 --env=LANGUAGE=ru --command=parallax-cli "$app_id" 2>&1 || true)
echo "$usage" | grep -q 'команд' || die "parallax-cli does not speak Russian in the sandbox: $usage"
grep -q "^Exec=.*flatpak run .*$app_id" "$exports/applications/$app_id.desktop" \
  || die "the exported desktop file does not start the Flatpak"
grep -q '^MimeType=application/x-parallax-project;' "$exports/applications/$app_id.desktop" \
  || die "the exported desktop file does not claim .parallax projects"
say "exports: desktop file, metainfo, app and symbolic icons, MIME type; catalogues az hy ru"

# 6. Run it. A private HOME keeps the user's own app data (~/.var/app) out of
#    it; FLATPAK_USER_DIR keeps the installation we just made.
t=$(date +%s.%N)
run_home=$work/home
rm -rf "$run_home"
mkdir -p "$run_home"
export HOME=$run_home FLATPAK_USER_DIR=$flatpak_user_dir
unset XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME XDG_RUNTIME_DIR
project=$run_home/.var/app/$app_id/data/parallax/default.parallax

xvfb_log=$work/xvfb.log
display=""
for n in $(seq 90 120); do
  [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
  Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >"$xvfb_log" 2>&1 &
  xvfb=$!
  sleep 0.5
  if kill -0 "$xvfb" 2>/dev/null; then display=":$n"; break; fi
done
[ -n "$display" ] || die "could not start Xvfb"
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
export DISPLAY=$display

# The whole session runs under timeout, which ends every process it started.
set +e
timeout 120 dbus-run-session -- bash -c '
  app_id=$1 work=$2
  flatpak run "$app_id" >"$work/app.log" 2>&1 & app=$!
  t0=$(date +%s.%N)
  for i in $(seq 150); do
    # By its class (the title names the document and project once one is
    # open), and not the 1×1 leader window titled "parallax".
    xwininfo -root -tree | grep "\": (\"parallax\" " | grep -qv " \"parallax\": " && break
    kill -0 $app 2>/dev/null || break
    sleep 0.2
  done
  echo "first window after $(echo "$(date +%s.%N) - $t0" | bc) s" >"$work/window.txt"
  # Until it has laid out the essay and the panels (at least 3 s; on a
  # loaded machine the first paint comes later).
  sleep 3
  for i in $(seq 30); do
    import -window root "$work/flatpak-window.png"
    [ "$(convert "$work/flatpak-window.png" -format "%k" info:)" -ge 64 ] && break
    kill -0 $app 2>/dev/null || break
    sleep 1
  done
  xwininfo -root -tree >"$work/xwininfo.txt"
  kill $app; wait $app 2>/dev/null
  exit 0
' sh "$app_id" "$work"
rc=$?
set -e
[ $rc -eq 0 ] || die "the app session failed or timed out ($rc); see $work/app.log"
t_window=$(cat "$work/window.txt")

window=$(grep '": ("parallax" ' "$work/xwininfo.txt" | grep -v ' "parallax": ' | head -1 || true)
[ -n "$window" ] || { cat "$work/app.log" >&2; die "no Parallax window in the X window tree"; }
size=$(echo "$window" | grep -o '[0-9]\+x[0-9]\++' | head -1 | tr -d +)
say "X window: ${window#"${window%%[! ]*}"}"
w=${size%x*} h=${size#*x}
[ "${w:-0}" -ge 800 ] && [ "${h:-0}" -ge 500 ] || die "the window is only $size"

colours=$(convert "$work/flatpak-window.png" -format '%k' info:)
stddev=$(convert "$work/flatpak-window.png" -colorspace Gray -format '%[fx:int(1000*standard_deviation)]' info:)
say "screenshot $work/flatpak-window.png: $colours colours, grey deviation $stddev/1000"
[ "$colours" -ge 64 ] && [ "$stddev" -ge 20 ] || die "the screenshot looks blank"

# The sandboxed app made its default project with the bundled essay.
[ -f "$project" ] || die "the app did not create $project"
documents=$(flatpak run --command=parallax-cli "$app_id" documents "$project")
echo "$documents" | grep -q "Nagorno-Karabakh" || die "the project holds no essay: $documents"
say "project in the sandbox: $(echo "$documents" | cut -c1-100)"

# 7. parallax-cli in the sandbox: tag a passage, export it as JSON.
flatpak run --command=parallax-cli "$app_id" annotate "$project" \
  --document 1 --start 2 --end 40 --perspective 1 \
  --tag mediation --note "Flatpak test" >/dev/null
flatpak run --command=parallax-cli "$app_id" export "$project" --format native >"$work/export.json.out"
python3 - "$work/export.json.out" <<'EOF'
import json, sys
data = json.load(open(sys.argv[1]))
annotations = data.get("annotations", [])
assert len(annotations) == 1, f"expected 1 annotation, got {len(annotations)}"
a = annotations[0]
assert "mediation" in json.dumps(a), a
print(f"flatpak-test: export: {len(annotations)} annotation, keys {sorted(data)}")
EOF
t_run=$(elapsed "$t")

kill "$xvfb" 2>/dev/null || true
trap - EXIT
say "timings: runtime ${t_runtime}s, build+install ${t_build}s, run+checks ${t_run}s ($t_window), total $(elapsed "$t0")s"
say "ok"
