#!/usr/bin/env bash
# Bring up the local environment on 127.0.0.1: LXD with the botserver
# stand-in image, Caddy's admin API, etcd when hack/etcd.sh exists, a
# Patroni cluster (hack/patroni.sh) and a Redis set watched by Sentinels
# (hack/redis-sentinel.sh).
# Idempotent: running services are kept, an up-to-date image is not
# re-imported. Packages must be installed first (hack/install-deps.sh).
#
# Writes ${GBO_STATE_DIR}/env.sh with the `export` lines that clients and
# tests need (LXD_DIR, LXD_CONF, LXD_SOCKET, GBO_CADDY_ADMIN_URL,
# GBO_PATRONI_ENDPOINTS, GBO_SENTINEL_ENDPOINTS, ...) and
# prints it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
GBO_LOG_TAG=env-up

gbo_require_root
mkdir -p "$GBO_STATE_DIR"
env_file="${GBO_STATE_DIR}/env.sh"
exports="$(mktemp)"
trap 'rm -f "$exports"' EXIT

timed() {
    local step="$1" started=$SECONDS
    shift
    "$@"
    gbo_log "${step} took $((SECONDS - started))s"
}

timed "LXD start" "${GBO_HACK_DIR}/lxd.sh" start >>"$exports"
timed "image build and import" "${GBO_HACK_DIR}/botserver-image.sh"
timed "Caddy start" "${GBO_HACK_DIR}/caddy.sh" start >>"$exports"

etcd_script="${GBO_HACK_DIR}/etcd.sh"
if [[ -x "$etcd_script" ]]; then
    etcd_endpoint="$(timed "etcd start" "$etcd_script" start "${GBO_STATE_DIR}/etcd")"
    printf 'export GBO_ETCD_ENDPOINT=%q\n' "$etcd_endpoint" >>"$exports"
else
    gbo_log "hack/etcd.sh not found; etcd not started"
fi

timed "Patroni start" "${GBO_HACK_DIR}/patroni.sh" start >>"$exports"
timed "Redis Sentinel start" "${GBO_HACK_DIR}/redis-sentinel.sh" start >>"$exports"

# Keep only `export NAME=...` lines, so log text never lands in env.sh.
{
    printf '# Written by hack/env-up.sh; source it to reach the local services.\n'
    printf 'export GBO_STATE_DIR=%q\n' "$GBO_STATE_DIR"
    grep -E '^export [A-Za-z_][A-Za-z0-9_]*=' "$exports" || true
} >"$env_file"
gbo_log "environment is up; run: source ${env_file}"
cat "$env_file"
