#!/usr/bin/env bash
# Sets up what is missing, builds the web app and serves it on http://127.0.0.1:8080/
# (PORT=… to change). The page opens on the national map from data/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh web
exec node scripts/serve.mjs build/web "${PORT:-8080}"
