#!/usr/bin/env bash
# Installs the frontend's npm dependencies only when needed: node_modules is missing,
# or package-lock.json changed since the last successful install (its sha256 is kept
# in .install-stamp). Called by the Maven build; exits non-zero when npm ci fails.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

stamp_file=.install-stamp

if [[ ! -f package-lock.json ]]; then
  echo "install-if-needed: package-lock.json is missing in $(pwd)" >&2
  exit 1
fi

current=$(sha256sum package-lock.json | cut -d' ' -f1)
previous=""
if [[ -f "$stamp_file" ]]; then
  previous=$(cat "$stamp_file")
fi

if [[ -d node_modules && "$current" == "$previous" ]]; then
  echo "install-if-needed: node_modules is up to date"
  exit 0
fi

echo "install-if-needed: running npm ci"
rm -f "$stamp_file"
npm ci --no-audit --no-fund
echo "$current" > "$stamp_file"
