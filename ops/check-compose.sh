#!/usr/bin/env bash
# CI check: docker-compose.yml parses (no Docker engine needed) and the
# Grafana dashboards are valid JSON.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v docker-compose >/dev/null 2>&1; then
  # Use sudo only when not already root (CI containers usually are root).
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
  fi
  echo "docker-compose not found; installing from apt" >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
fi

docker-compose -f docker-compose.yml config -q

for f in ops/grafana/dashboards/*.json; do
  python3 -m json.tool "$f" >/dev/null
done

# Optional: only if promtool happens to be installed (Debian package "prometheus").
if command -v promtool >/dev/null 2>&1; then
  promtool check config ops/prometheus/prometheus.yml >/dev/null
fi

echo "compose file valid"
