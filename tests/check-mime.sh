#!/bin/sh
# check-mime.sh MIME_XML PARALLAX_CLI: the MIME definition compiles with
# update-mime-database, and GIO recognises a project both by its name
# (*.parallax) and, without the extension, by its content (SQLite + "PLX1").
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
mime_xml=$1
cli=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/mime/packages"
cp "$mime_xml" "$tmp/mime/packages/"
update-mime-database "$tmp/mime" 2>/dev/null
test -f "$tmp/mime/application/x-parallax-project.xml" || {
  echo "update-mime-database did not register application/x-parallax-project"; exit 1; }

"$cli" init "$tmp/project" >/dev/null
cp "$tmp/project" "$tmp/Essay.parallax"

export XDG_DATA_HOME="$tmp" XDG_DATA_DIRS="$tmp:/usr/share"
status=0
for file in "$tmp/Essay.parallax" "$tmp/project"; do
  type=$(gio info -a standard::content-type "$file" | sed -n 's/^ *standard::content-type: //p')
  echo "$(basename "$file"): $type"
  [ "$type" = application/x-parallax-project ] || status=1
done
exit $status
