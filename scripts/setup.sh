#!/usr/bin/env bash
# Installs everything the project needs on Debian 12, idempotently:
#   Debian packages (compilers, clang + libFuzzer for the sanitised build, Emscripten,
#   header-only libraries, Chromium, fonts),
#   npm packages pinned in package-lock.json (playwright-core, ajv, benchmark peers),
#   Dear ImGui 1.90.1 from Debian's source pool, SHA-256 checked, into third_party/.
# A second run changes nothing and takes a second or two.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[setup] %s\033[0m\n' "$*" >&2; exit 1; }

# --- Debian packages ---------------------------------------------------------
packages=(cmake g++ make clang-format clang libclang-rt-14-dev emscripten nodejs npm libboost-graph-dev
          nlohmann-json3-dev doctest-dev chromium fonts-dejavu-core python3
          python3-networkx curl xz-utils ca-certificates graphviz)
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

# --- Dear ImGui (source, pinned) -----------------------------------------------
IMGUI_VERSION=1.90.1
IMGUI_TARBALL="imgui_${IMGUI_VERSION}+ds.orig.tar.xz"
IMGUI_SHA256=ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c
IMGUI_URL="http://deb.debian.org/debian/pool/main/i/imgui/${IMGUI_TARBALL}"
if [ ! -f "third_party/imgui-${IMGUI_VERSION}/imgui.cpp" ]; then
  say "fetching Dear ImGui ${IMGUI_VERSION} (Debian source package)"
  mkdir -p third_party/download
  tarball="third_party/download/${IMGUI_TARBALL}"
  [ -f "$tarball" ] || curl -fsSL --retry 3 -o "$tarball" "$IMGUI_URL" \
    || die "could not download $IMGUI_URL"
  echo "${IMGUI_SHA256}  ${tarball}" | sha256sum -c --quiet - \
    || { rm -f "$tarball"; die "SHA-256 mismatch for $tarball (expected $IMGUI_SHA256)"; }
  tar -xJf "$tarball" -C third_party
  [ -f "third_party/imgui-${IMGUI_VERSION}/imgui.cpp" ] || die "unexpected layout in $tarball"
fi

# --- npm packages (pinned by package-lock.json) ------------------------------------
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages from package-lock.json"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error \
    || die "npm ci failed: is the npm registry reachable?"
fi

say "ready"
