#!/usr/bin/env bash
# Installs what the VS Code end-to-end tests need, offline-friendly (npm registry + Debian apt only):
#   - Debian packages: chromium (the browser Playwright drives), ripgrep (code-server's search),
#     libkrb5-dev + a C/C++ toolchain (native modules are compiled, their prebuilt downloads fail offline);
#   - code-server (VS Code in a browser) into .vscode-e2e/code-server/, by hand instead of its postinstall.sh,
#     which downloads rg from GitHub and fails offline (see /work/shared/vscode-e2e/NOTES.md for the facts).
# Idempotent; a second run only checks a stamp file and that node-pty loads (well under 1 s).
# Usage: scripts/setup-vscode-e2e.sh [--force]     Env: VSCODE_E2E_DIR (default <repo>/.vscode-e2e)
# Never downloads a browser: Playwright uses /usr/bin/chromium (no `npx playwright install`).
set -euo pipefail

CS_VERSION=4.100.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E2E_DIR="${VSCODE_E2E_DIR:-$ROOT/.vscode-e2e}"
CS_DIR="$E2E_DIR/code-server"
PKG="$CS_DIR/node_modules/code-server"
VSC="$PKG/lib/vscode"
STAMP="$CS_DIR/.installed-$CS_VERSION"
# python3, make, g++: node-gyp builds (kerberos needs the gssapi headers from libkrb5-dev).
APT_PACKAGES=(chromium ripgrep libkrb5-dev python3 make g++)
FORCE=0
[[ "${1:-}" == "--force" ]] && FORCE=1

T0=$(date +%s%N)
LAST=$T0
log() { echo "[setup-vscode-e2e] $*"; }
# step "label": prints the time since the previous step and the total.
step() {
  local now; now=$(date +%s%N)
  printf '[setup-vscode-e2e] %-44s %6.1f s  (total %.1f s)\n' "$1" \
    "$(( (now - LAST) / 1000000 ))e-3" "$(( (now - T0) / 1000000 ))e-3"
  LAST=$now
}

# The native modules must load in *this* node (a node upgrade changes the ABI); this is the real check.
# One node process for all three (node-pty and spdlog from lib/vscode, argon2 from the top level).
native_ok() {
  [[ -d "$VSC/node_modules" ]] || return 1
  node -e 'const { createRequire } = require("module");
    const vsc = createRequire(process.argv[1] + "/"), top = createRequire(process.argv[2] + "/");
    vsc("node-pty"); vsc("@vscode/spdlog"); top("argon2");' "$VSC" "$PKG" >/dev/null 2>&1
}
apt_missing() {
  local p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || echo "$p"
  done
}

# ---- fast path: everything already there ---------------------------------------------------------
if [[ $FORCE == 0 && -f "$STAMP" && -x /usr/bin/chromium && -x /usr/bin/rg ]] && native_ok; then
  step "already installed (code-server $CS_VERSION)"
  exit 0
fi

# ---- preconditions ---------------------------------------------------------------------------------
NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
if [[ "$NODE_MAJOR" != 20 ]]; then
  log "ERROR: code-server $CS_VERSION needs Node 20 (its engines field); this is node $(node -v)." >&2
  exit 1
fi
mkdir -p "$E2E_DIR"
# Two setups at once would clobber each other's npm trees; the second waits, then sees the stamp.
exec 9>"$E2E_DIR/setup.lock"
flock 9
if [[ $FORCE == 0 && -f "$STAMP" ]] && native_ok && [[ -z "$(apt_missing)" ]]; then
  step "installed by a concurrent run"
  exit 0
fi

# ---- Debian packages (only the missing ones) -----------------------------------------------------
mapfile -t MISSING < <(apt_missing)
if ((${#MISSING[@]})); then
  SUDO=()
  [[ $(id -u) == 0 ]] || SUDO=(sudo -n)
  log "apt-get install ${MISSING[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq </dev/null
  # --no-install-recommends: chromium's recommends pull in systemd, udev, upower, cups helpers...
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${MISSING[@]}" </dev/null >/dev/null
  step "apt-get install ${#MISSING[@]} packages"
fi

# ---- environment for the npm steps ----------------------------------------------------------------
# node-gyp must not fetch Node headers from nodejs.org (offline): use the distro's copy if present.
if [[ -z "${npm_config_nodedir:-}" && -f /usr/include/node/common.gypi ]]; then
  export npm_config_nodedir=/usr
fi
# node-gyp reads JOBS: compile with all cores (the lib/vscode rebuild is most of a cold install).
export JOBS="${JOBS:-max}"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
# Keep npm's prompts and progress out of CI logs; nothing here may read stdin.
export npm_config_progress=false npm_config_loglevel="${npm_config_loglevel:-warn}"
exec </dev/null

# ---- code-server itself ----------------------------------------------------------------------------
rm -f "$STAMP"
mkdir -p "$CS_DIR"
cd "$CS_DIR"
[[ -f package.json ]] || echo '{ "private": true, "description": "code-server for the VS Code e2e tests (scripts/setup-vscode-e2e.sh)" }' > package.json
# --ignore-scripts: code-server's postinstall.sh would run `npm install` in lib/vscode, whose
# @vscode/ripgrep postinstall downloads rg from GitHub (fails offline). The steps below replace it.
npm install --ignore-scripts --omit=dev "code-server@$CS_VERSION"
step "npm install code-server@$CS_VERSION"

# argon2 is required at startup even with --auth none; its prebuilt download fails, so build it.
npm rebuild argon2
step "npm rebuild argon2"

# ---- lib/vscode (the part of postinstall.sh we do by hand) ------------------------------------------
cd "$VSC"
npm install --ignore-scripts --omit=dev
step "npm install in lib/vscode"
# @vscode/ripgrep's postinstall exits early when bin/ exists: give it Debian's rg.
# Without rg, Quick Open and Find in Files silently find nothing.
mkdir -p node_modules/@vscode/ripgrep/bin
cp -f /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
# Now run the install scripts (kerberos/node-pty/spdlog/... native builds).
# npm_config_yes=true: node-pty's postinstall runs `npx node-gyp ...`, which otherwise is
# "canceled due to missing packages and no YES option" under an npmrc with yes=false.
npm_config_yes=true npm rebuild
step "npm rebuild in lib/vscode (native)"

# The symlinks postinstall.sh makes.
ln -sfn node_modules node_modules.asar
ln -sfn code-linux.sh bin/remote-cli/code-server
ln -sfn browser-linux.sh bin/helpers/browser.sh

# Built-in extensions' shared deps (typescript only; its postinstall trims it).
(cd extensions && npm install --omit=dev)
step "npm install in lib/vscode/extensions"

# ---- checks ------------------------------------------------------------------------------------------
if ! native_ok; then
  log "ERROR: native modules do not load (node-pty / @vscode/spdlog / argon2)." >&2
  log "If npm stopped running install scripts (allowScripts), they were never built." >&2
  (cd "$VSC" && node -e 'require("node-pty"); require("@vscode/spdlog")') || true
  (cd "$PKG" && node -e 'require("argon2")') || true
  exit 1
fi
# --config (an existing file, else it logs "Wrote default config") and XDG_DATA_HOME: without them
# code-server writes ~/.config/code-server/config.yaml and ~/.local/share/code-server/ even for --version.
VCHECK="$CS_DIR/version-check"
mkdir -p "$VCHECK" && : > "$VCHECK/config.yaml"
VERSION_OUT=$(XDG_DATA_HOME="$VCHECK" node "$PKG/out/node/entry.js" --config "$VCHECK/config.yaml" --version)
rm -rf "$VCHECK"
log "code-server --version: $VERSION_OUT"
[[ "$VERSION_OUT" == "$CS_VERSION "* ]] || { log "ERROR: unexpected version" >&2; exit 1; }
if ! (cd "$ROOT" && node -e 'require.resolve("playwright-core")' >/dev/null 2>&1); then
  log "WARNING: playwright-core is not installed in $ROOT (run npm ci); the harness needs it." >&2
fi

printf 'code-server %s\nnode %s\ndate %s\n' "$CS_VERSION" "$(node -v)" "$(date -u +%FT%TZ)" > "$STAMP"
step "checks; installed in $CS_DIR"
