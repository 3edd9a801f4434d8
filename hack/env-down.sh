#!/usr/bin/env bash
# Stop what hack/env-up.sh started: the Redis Sentinel set, the Patroni
# cluster, Caddy, every LXD instance and the LXD daemon, and etcd when
# hack/etcd.sh exists. Data under ${GBO_STATE_DIR}
# is kept, so env-up.sh starts again from the same state. Each service is
# stopped even when another one fails to stop; the exit status is 1 if any
# failed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
GBO_LOG_TAG=env-down

gbo_require_root
failed=()

"${GBO_HACK_DIR}/redis-sentinel.sh" stop || failed+=("Redis Sentinel")
"${GBO_HACK_DIR}/patroni.sh" stop || failed+=(Patroni)
"${GBO_HACK_DIR}/caddy.sh" stop || failed+=(Caddy)
"${GBO_HACK_DIR}/lxd.sh" stop || failed+=(LXD)

etcd_script="${GBO_HACK_DIR}/etcd.sh"
if [[ -x "$etcd_script" ]]; then
    "$etcd_script" stop "${GBO_STATE_DIR}/etcd" || failed+=(etcd)
fi

rm -f "${GBO_STATE_DIR}/env.sh"
if (( ${#failed[@]} > 0 )); then
    gbo_die "failed to stop: ${failed[*]}; see the messages above"
fi
gbo_log "environment is down"
