#!/usr/bin/env bash
# Puts a Go toolchain new enough to build the embedded FerretDB (its go.mod needs Go 1.24) under
# ${FIELDBOOKS_TOOLS_DIR:-.tools}/go, for machines whose Go is missing or older (Debian 12's golang-go is
# 1.19, which cannot fetch a newer toolchain by itself). The toolchain comes from the Go module proxy, as
# the `go` command's own GOTOOLCHAIN download does, and is checked against the SHA-256 pinned below.
# Prints the folder to put on PATH; the FerretDB installer also finds it there by itself.
set -euo pipefail
cd "$(dirname "$0")/.."

GO_VERSION=1.25.14
GO_SHA256=1bb543a7745d4c6e045a1bfdb4c4d5a0b05b71ee8b8ff72c0a351598b26991a4 # linux-amd64
tools_dir=${FIELDBOOKS_TOOLS_DIR:-.tools}
dest="$tools_dir/go/go$GO_VERSION"

if [ -x "$dest/bin/go" ]; then
  echo "$dest/bin"
  exit 0
fi
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "scripts/install-go.sh knows only linux-amd64; install Go 1.24+ from https://go.dev/dl/ instead." >&2
  exit 1
fi

proxy=${GOPROXY:-https://proxy.golang.org}
proxy=${proxy%%,*}
if [ "$proxy" = "direct" ] || [ "$proxy" = "off" ]; then proxy=https://proxy.golang.org; fi
module="golang.org/toolchain@v0.0.1-go$GO_VERSION.linux-amd64"
url="$proxy/golang.org/toolchain/@v/v0.0.1-go$GO_VERSION.linux-amd64.zip"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "Fetching Go $GO_VERSION from $proxy (about 65 MB)..." >&2
curl -fsSL --retry 3 -o "$work/go.zip" "$url"
echo "$GO_SHA256  $work/go.zip" | sha256sum -c --quiet -
(cd "$work" && python3 -c 'import sys, zipfile; zipfile.ZipFile("go.zip").extractall(".")')
chmod +x "$work/$module/bin/"* "$work/$module/pkg/tool/"*/*
mkdir -p "$(dirname "$dest")"
mv "$work/$module" "$dest"
"$dest/bin/go" version >&2
echo "$dest/bin"
