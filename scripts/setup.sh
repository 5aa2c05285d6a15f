#!/usr/bin/env bash
# Installs everything the project needs on Debian 12, idempotently:
#   Debian packages (compilers, clang + libFuzzer for the sanitised build, Emscripten,
#   header-only libraries, Chromium, fonts),
#   npm packages pinned in package-lock.json (playwright-core, ajv, benchmark peers),
#   Dear ImGui 1.90.1, Debian's source package, SHA-256 checked, into third_party/.
# Checks Node.js ≥ 20 (playwright-core needs it; Debian 12's own nodejs is 18) first, and says
# so plainly instead of failing later inside npm or the browser tests.
# A second run changes nothing and takes a second or two.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[setup] %s\033[0m\n' "$*" >&2; exit 1; }

# --- Node.js ≥ 20 ----------------------------------------------------------------
NODE_MIN=20
check_node() {
  command -v node >/dev/null || return 0  # installed below (Debian package nodejs)
  local version major
  version=$(node -p 'process.versions.node' 2>/dev/null) || version="?"
  major=${version%%.*}
  if ! [[ $major =~ ^[0-9]+$ ]] || ((major < NODE_MIN)); then
    die "Node.js $version found at $(command -v node), but Node.js ≥ $NODE_MIN is needed (playwright-core; Debian 12's nodejs package is 18).
  Install Node.js $NODE_MIN or later (e.g. NodeSource's node_${NODE_MIN}.x apt repository) and put it first on PATH, then run scripts/setup.sh again.
  / Node.js ≥ $NODE_MIN est requis (trouvé : $version) : installer Node.js $NODE_MIN ou plus récent, puis relancer scripts/setup.sh."
  fi
}
check_node
# scripts/setup.sh --check-node: only that (tests/scripts/check_scripts.sh).
[ "${1:-}" = --check-node ] && { say "Node.js $(node -p 'process.versions.node' 2>/dev/null || echo missing): ok"; exit 0; }

# --- Debian packages ---------------------------------------------------------
packages=(cmake g++ make clang-format clang libclang-rt-14-dev emscripten nodejs npm libboost-graph-dev
          nlohmann-json3-dev doctest-dev chromium fonts-dejavu-core python3
          python3-networkx python3-pil curl xz-utils ca-certificates graphviz)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# A machine may have node/npm from elsewhere (nodesource): do not fight it.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
read -ra missing <<<"${missing[*]}"
if ((${#missing[@]})); then
  say "installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq || die "apt-get update failed: check the network or /etc/apt/sources.list"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || die "apt-get install failed for: ${missing[*]}"
fi

check_node  # again: apt may just have installed Debian's (too old) nodejs

# --- Dear ImGui (source, pinned) -----------------------------------------------
# The tarball is pinned by SHA-256, wherever it comes from. Tried in order, so that no single
# address going away breaks a fresh machine:
#   1. `apt-get source` through the machine's own apt sources (works where a deb-src entry
#      serves the version), then through a private deb-src list for Debian 13 on the
#      machine's own Debian mirrors (its Sources index says where the pool file is now);
#   2. the pool file on the machine's Debian mirrors and deb.debian.org;
#   3. snapshot.debian.org, whose time-stamped addresses never change.
IMGUI_VERSION=1.90.1
IMGUI_TARBALL="imgui_${IMGUI_VERSION}+ds.orig.tar.xz"
IMGUI_SHA256=ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c
IMGUI_POOL=pool/main/i/imgui/${IMGUI_TARBALL/+/%2B}
IMGUI_SNAPSHOT=https://snapshot.debian.org/archive/debian/20240201T000000Z/$IMGUI_POOL
sha_ok() { echo "${IMGUI_SHA256}  $1" | sha256sum -c --quiet - 2>/dev/null; }
# The Debian mirrors this machine's apt is configured with (deb.debian.org when none).
debian_mirrors() {
  { grep -rhoE 'https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null || true
    echo http://deb.debian.org/debian; } | tr -d ' ' | sed 's:/$::' | awk '!seen[$0]++'
}
# apt-get source --download-only into $1 (a fresh folder); $@ after it: extra apt options.
apt_source() {
  local dir=$1; shift
  local version
  version=$(apt-cache "$@" showsrc imgui 2>/dev/null | sed -n "s/^Version: \(${IMGUI_VERSION//./\\.}+ds-[0-9.]*\)$/\1/p" | head -1)
  [ -n "$version" ] || return 1
  (cd "$dir" && apt-get "$@" source --download-only -qq "imgui=$version" >/dev/null 2>&1) || true
  [ -f "$dir/$IMGUI_TARBALL" ]
}
fetch_imgui() {
  local out=$1 tmp mirror
  tmp=$(mktemp -d)
  # 1. apt-get source, through the configured sources, then a private deb-src list.
  if apt_source "$tmp"; then mv "$tmp/$IMGUI_TARBALL" "$out"; rm -rf "$tmp"; return 0; fi
  mkdir -p "$tmp/lists/partial" "$tmp/cache/archives/partial"
  debian_mirrors | sed 's:.*:deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] & trixie main:' \
    > "$tmp/sources.list"
  local opts=(-o "Dir::Etc::SourceList=$tmp/sources.list" -o Dir::Etc::SourceParts=/dev/null
              -o "Dir::State::Lists=$tmp/lists" -o "Dir::Cache=$tmp/cache")
  if timeout 300 apt-get "${opts[@]}" update -qq >/dev/null 2>&1 && apt_source "$tmp" "${opts[@]}"; then
    mv "$tmp/$IMGUI_TARBALL" "$out"; rm -rf "$tmp"; return 0
  fi
  rm -rf "$tmp"
  # 2. and 3. plain downloads.
  for url in $(debian_mirrors | sed "s:\$:/$IMGUI_POOL:") "$IMGUI_SNAPSHOT"; do
    if curl -fsSL --retry 2 --max-time 120 -o "$out" "$url" && sha_ok "$out"; then return 0; fi
    rm -f "$out"
  done
  return 1
}
if [ ! -f "third_party/imgui-${IMGUI_VERSION}/imgui.cpp" ]; then
  say "fetching Dear ImGui ${IMGUI_VERSION} (Debian source package)"
  mkdir -p third_party/download
  tarball="third_party/download/${IMGUI_TARBALL}"
  if [ -f "$tarball" ] && ! sha_ok "$tarball"; then rm -f "$tarball"; fi
  [ -f "$tarball" ] || fetch_imgui "$tarball" \
    || die "could not fetch ${IMGUI_TARBALL} (apt-get source, $(debian_mirrors | tr '\n' ' ')pool, $IMGUI_SNAPSHOT): put the file (SHA-256 $IMGUI_SHA256) in third_party/download/ and run scripts/setup.sh again"
  sha_ok "$tarball" \
    || { rm -f "$tarball"; die "SHA-256 mismatch for $tarball (expected $IMGUI_SHA256)"; }
  tar -xJf "$tarball" -C third_party
  [ -f "third_party/imgui-${IMGUI_VERSION}/imgui.cpp" ] || die "unexpected layout in $tarball"
fi

# --- npm packages (pinned by package-lock.json) ------------------------------------
# Compared by content (every locked package at its locked version), not by file dates: a
# fresh checkout's package-lock.json is always newer than node_modules.
lock_satisfied() {
  node -e '
    const fs = require("fs");
    const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
    for (const [where, p] of Object.entries(lock.packages || {})) {
      if (!where) continue;
      let v;
      try { v = JSON.parse(fs.readFileSync(where + "/package.json", "utf8")).version; }
      catch { if (p.optional) continue; process.exit(1); }
      if (v !== p.version) process.exit(1);
    }' 2>/dev/null
}
if [ ! -d node_modules ] || ! lock_satisfied; then
  say "installing npm packages from package-lock.json"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error \
    || die "npm ci failed: is the npm registry reachable?"
fi

say "ready"
