#!/usr/bin/env bash
# Install the built bundle (dist/arabic-reader) for the current user, or remove it.
#
#   packaging/install-linux.sh                 install or upgrade
#   packaging/install-linux.sh --from DIR      install a bundle from elsewhere
#   packaging/install-linux.sh --uninstall     remove exactly what install put down
#
# Nothing needs root. The learner's own data (vocabulary, settings, an installed
# database: ~/.local/share/arabic-reader) is never touched, not even by
# --uninstall; the program goes to ~/.local/opt so the two are never confused.
set -euo pipefail

APP_ID=io.github.arabic_reader.ArabicReader
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$here/../dist/arabic-reader
action=install_app

while [ $# -gt 0 ]; do
  case $1 in
    --uninstall) action=remove_app ;;
    --from) source_dir=${2:?--from needs a directory}; shift ;;
    -h|--help) sed -n '2,10s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "install-linux.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

: "${HOME:?HOME must be set}"
data=${XDG_DATA_HOME:-$HOME/.local/share}
app_dir=$HOME/.local/opt/arabic-reader
launcher=$HOME/.local/bin/arabic-reader
desktop_file=$data/applications/$APP_ID.desktop
metainfo_file=$data/metainfo/$APP_ID.metainfo.xml
icon_sizes=(16 24 32 48 64 128 256 512)

icon_files() {
  for size in "${icon_sizes[@]}"; do
    echo "$data/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
  done
  echo "$data/icons/hicolor/scalable/apps/$APP_ID.svg"
}

# Menus and icon themes cache what is installed; refresh them when the tools exist.
refresh_caches() {
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$data/applications" || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
  fi
}

remove_app() {
  # The launcher goes only if it is ours: another arabic-reader there (say a
  # `uv tool install`) belongs to the user.
  if [ -L "$launcher" ] && [ "$(readlink "$launcher")" = "$app_dir/arabic-reader" ]; then
    rm -f "$launcher"
  fi
  rm -f "$desktop_file" "$metainfo_file"
  while read -r icon; do rm -f "$icon"; done < <(icon_files)
  rm -rf "$app_dir"
  refresh_caches
  echo "Removed Arabic Reader. Your vocabulary and settings are kept in $data/arabic-reader."
}

install_app() {
  local resources=$source_dir/_internal/reader/resources
  if [ ! -x "$source_dir/arabic-reader" ] || [ ! -d "$resources" ]; then
    echo "install-linux.sh: no bundle in $source_dir; build it first with packaging/build.sh" >&2
    exit 1
  fi
  source_dir=$(cd "$source_dir" && pwd)
  mkdir -p "$HOME/.local/opt" "$HOME/.local/bin" "$data/applications" "$data/metainfo"

  # Copy beside, then swap: a failed copy leaves the previous version working.
  local staging=$app_dir.new
  rm -rf "$staging"
  cp -a "$source_dir" "$staging"
  rm -rf "$app_dir"
  mv "$staging" "$app_dir"
  ln -sfn "$app_dir/arabic-reader" "$launcher"

  for size in "${icon_sizes[@]}"; do
    local png=$resources/icons/arabic-reader-$size.png
    if [ -f "$png" ]; then
      install -D -m 644 "$png" "$data/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
    fi
  done
  install -D -m 644 "$resources/icons/arabic-reader.svg" "$data/icons/hicolor/scalable/apps/$APP_ID.svg"

  # The menu entry runs the installed binary by its full path: ~/.local/bin is
  # not on every session's PATH.
  sed -e "s|^Exec=arabic-reader |Exec=\"$app_dir/arabic-reader\" |" \
      -e "s|^TryExec=arabic-reader$|TryExec=$app_dir/arabic-reader|" \
      "$resources/desktop/$APP_ID.desktop" > "$desktop_file"
  chmod 644 "$desktop_file"
  install -m 644 "$resources/desktop/$APP_ID.metainfo.xml" "$metainfo_file"
  refresh_caches

  echo "Installed Arabic Reader in $app_dir"
  echo "  menu entry: $desktop_file"
  echo "  command:    $launcher"
  case ":$PATH:" in
    *":$HOME/.local/bin:"*) ;;
    *) echo "  (add $HOME/.local/bin to PATH to run arabic-reader from a terminal)" ;;
  esac
  echo "Check it with: $launcher --self-test"
}

"$action"
