#!/bin/bash
# Install the Debian 12 packages Parallax needs to build, run and test
# (with --run: to build and run the app only; --list prints the list).
# Only what is missing is installed; as root directly, otherwise through sudo.
# Set PLX_SKIP_DEPS=1 to skip this step (e.g. on a machine without apt).
set -euo pipefail

# The one list of packages (Debian 12 "bookworm" names): what building and
# running the app needs, then what only the tests need.
RUN_PACKAGES=(
  # build
  meson ninja-build gcc pkg-config gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libjson-glib-dev libsqlite3-dev
  libpoppler-glib-dev libarchive-dev  # PDF text; checking office and EPUB archives
  libxml2-dev  # REFI-QDA exchange: QDA-XML and its schemas (zips through libarchive)
  pandoc  # reads DOCX, ODT, EPUB, HTML and RTF (run as a program)
  desktop-file-utils appstream shared-mime-info
  libxml2-utils  # xmllint, for the xml-stripblanks step of glib-compile-resources
  # run: GTK's SVG icons, software OpenGL, persistent settings, fonts, icons
  libgtk-4-bin librsvg2-common libgl1-mesa-dri dconf-gsettings-backend
  fonts-dejavu-core adwaita-icon-theme
  libcairo2-dev libpango1.0-dev  # the comparison report's PDF (also without GTK)
  libpq-dev  # team projects on a PostgreSQL server (src/store/pg)
)
TEST_PACKAGES=(
  # tests: X display, session bus, accessibility bus, screenshots, JSON schema
  sqlite3 xvfb xauth dbus dbus-x11 at-spi2-core imagemagick python3 python3-jsonschema
  clang libclang-rt-14-dev  # libFuzzer and the sanitizers, for tests/fuzz/run.sh
  poppler-utils libxml2-dev  # test-report: pdftotext reads the PDF, libxml2 parses the HTML
  postgresql  # a throw-away server for the team project tests (tests/pg-test-server.sh)
)

# --run: only what building and running the app needs (build-aux/run.sh).
PACKAGES=("${RUN_PACKAGES[@]}")
if [ "${1:-}" = "--run" ]; then
  shift
else
  PACKAGES+=("${TEST_PACKAGES[@]}")
fi

if [ "${1:-}" = "--list" ]; then
  printf '%s\n' "${PACKAGES[@]}"
  exit 0
fi

if [ "${PLX_SKIP_DEPS:-0}" = 1 ]; then
  exit 0
fi

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps.sh: no dpkg/apt here; install these yourself (Debian names): ${PACKAGES[*]}" >&2
  exit 0
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)
  case "$status" in
    ii*) ;;
    *) missing+=("$pkg") ;;
  esac
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "install-deps.sh: missing packages and neither root nor sudo; as root, run:" >&2
  echo "  apt-get install --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

echo "install-deps.sh: installing ${missing[*]}" >&2
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -q --no-install-recommends "${missing[@]}"
