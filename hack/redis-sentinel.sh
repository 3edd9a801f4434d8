#!/usr/bin/env bash
# Starts or stops a Redis master, one replica and three Sentinels on
# 127.0.0.1, for development and tests of cache failover.
#
#   hack/redis-sentinel.sh start [DIR]   start the set (or find it running) and print export lines
#   hack/redis-sentinel.sh stop [DIR]    stop the Sentinels, then both Redis servers
#   hack/redis-sentinel.sh status [DIR]  exit 0 when every process runs, 3 otherwise
#   hack/redis-sentinel.sh env [DIR]     print the export lines of the running set
#
# DIR defaults to ${GBO_STATE_DIR}/redis-sentinel. The servers are started
# with hack/redis.sh in DIR/redis0 (first master) and DIR/redis1 (its
# replica). Sentinel N keeps its configuration, PID file, endpoint and log in
# DIR/sentinelN. The Sentinels monitor the master under the name in
# GBO_SENTINEL_MASTER (default gbo-cache) with quorum 2 and
# down-after-milliseconds 1000, so a killed master is replaced a few seconds
# later.
#
# When only part of the set runs, start stops the rest and starts all of it
# from fresh Sentinel files: a Sentinel file that Sentinel has rewritten
# carries its id and the replicas and Sentinels it knows, and a stale one
# gives a wrong view. Persistence is off, so a fresh start has no data.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
GBO_LOG_TAG=redis-sentinel

SENTINEL_BIN=/usr/bin/redis-sentinel
SENTINEL_COUNT=3

usage() {
    echo "usage: $0 start|stop|status|env [DIR]" >&2
    exit 2
}

# Run a command with the lock files of gbo_lock closed, because hack/redis.sh
# starts Redis with every inherited file open and Redis would keep the lock.
run_unlocked() {
    (
        for fd in "${GBO_LOCK_FDS[@]}"; do
            exec {fd}>&-
        done
        exec "$@"
    )
}

load_settings() {
    local settings="${dir}/settings"
    if [[ ! -f "$settings" ]]; then
        local wanted_master="${GBO_SENTINEL_MASTER:-gbo-cache}"
        [[ "$wanted_master" =~ ^[A-Za-z0-9._-]+$ ]] ||
            gbo_die "invalid GBO_SENTINEL_MASTER '${wanted_master}'; use letters, digits, '.', '-' and '_'"
        printf 'master_name=%s\n' "$wanted_master" >"$settings"
    fi
    # shellcheck disable=SC1090
    source "$settings"
}

sentinel_pid() {
    gbo_pid_alive "${dir}/sentinel$1/pid" "$SENTINEL_BIN"
}

sentinel_port() {
    cut -d: -f2 "${dir}/sentinel$1/endpoint"
}

redis_running() {
    "${GBO_HACK_DIR}/redis.sh" status "${dir}/$1" >/dev/null 2>&1
}

everything_runs() {
    local i
    redis_running redis0 && redis_running redis1 || return 1
    for (( i = 0; i < SENTINEL_COUNT; i++ )); do
        sentinel_pid "$i" >/dev/null || return 1
    done
}

write_sentinel_config() {
    local index="$1" master_port="$2" sentinel_dir="${dir}/sentinel$1" port
    mkdir -p "$sentinel_dir"
    port="$(gbo_free_port)"
    # Sentinel rewrites this file with what it learns, so each Sentinel needs its own writable copy.
    cat >"${sentinel_dir}/sentinel.conf" <<EOF
port ${port}
bind 127.0.0.1
daemonize no
logfile ""
dir ${sentinel_dir}
sentinel monitor ${master_name} 127.0.0.1 ${master_port} 2
sentinel down-after-milliseconds ${master_name} 1000
sentinel failover-timeout ${master_name} 5000
sentinel parallel-syncs ${master_name} 1
EOF
    printf '127.0.0.1:%s\n' "$port" >"${sentinel_dir}/endpoint"
}

sentinel_reports_master() {
    local port="$1" answer
    answer="$(redis-cli -h 127.0.0.1 -p "$port" sentinel get-master-addr-by-name "$master_name" 2>/dev/null | tr '\n' ' ')"
    [[ "$answer" == "127.0.0.1 "* ]]
}

sentinel_knows_peers() {
    local port="$1" count
    count="$(redis-cli -h 127.0.0.1 -p "$port" sentinel master "$master_name" 2>/dev/null |
        awk 'previous == "num-other-sentinels" { print; exit } { previous = $0 }')"
    [[ "$count" == "$((SENTINEL_COUNT - 1))" ]]
}

replica_is_linked() {
    local port="$1"
    redis-cli -h 127.0.0.1 -p "$port" info replication 2>/dev/null | grep -q '^master_link_status:up'
}

# Start Sentinel INDEX on a free port. Another process may take the port between
# the pick and the bind, so a start that fails with "Address already in use" is
# tried again on a new port, up to three times.
start_sentinel() {
    local index="$1" master_port="$2" sentinel_dir="${dir}/sentinel$1" port pid attempt rc
    for attempt in 1 2 3; do
        write_sentinel_config "$index" "$master_port"
        port="$(sentinel_port "$index")"
        gbo_pid_start "${sentinel_dir}/pid" "${sentinel_dir}/sentinel.log" "$SENTINEL_BIN" "${sentinel_dir}/sentinel.conf"
        pid="$(cat "${sentinel_dir}/pid")"
        rc=0
        gbo_wait_for_start 30 "$pid" "Sentinel ${index} on 127.0.0.1:${port}" sentinel_reports_master "$port" || rc=$?
        if (( rc == 0 )); then
            gbo_log "Sentinel ${index} (PID ${pid}) listens on 127.0.0.1:${port}"
            return 0
        fi
        if (( rc == 2 )) && grep -q 'Address already in use' <<<"$(gbo_log_since_start "${sentinel_dir}/sentinel.log")"; then
            gbo_log "port ${port} was taken before Sentinel ${index} bound it (attempt ${attempt} of 3); picking another"
            continue
        fi
        break
    done
    gbo_log_since_start "${sentinel_dir}/sentinel.log" >&2
    gbo_die "Sentinel ${index} did not start on 127.0.0.1:${port}; see ${sentinel_dir}/sentinel.log"
}

print_env() {
    local i endpoints=()
    for (( i = 0; i < SENTINEL_COUNT; i++ )); do
        endpoints+=("$(cat "${dir}/sentinel${i}/endpoint")")
    done
    printf 'export GBO_SENTINEL_ENDPOINTS=%s\n' "$(IFS=,; printf '%s' "${endpoints[*]}")"
    printf 'export GBO_SENTINEL_MASTER=%q\n' "$master_name"
}

start() {
    gbo_require_commands "$SENTINEL_BIN" redis-cli
    if everything_runs; then
        print_env
        return 0
    fi
    stop_all

    local master replica master_port i
    master="$(run_unlocked "${GBO_HACK_DIR}/redis.sh" start "${dir}/redis0" | tail -n 1)"
    replica="$(run_unlocked "${GBO_HACK_DIR}/redis.sh" start "${dir}/redis1" --replicaof "$master" | tail -n 1)"
    master_port="${master#*:}"
    gbo_wait_until 30 "the replica ${replica} to link to ${master}" replica_is_linked "${replica#*:}" ||
        gbo_die "the replica ${replica} did not link to ${master}; see ${dir}/redis1/redis.log"

    for (( i = 0; i < SENTINEL_COUNT; i++ )); do
        start_sentinel "$i" "$master_port"
    done
    # Sentinels find each other through hello messages on the master every 2 s, and a
    # failover needs the quorum to know each other first.
    for (( i = 0; i < SENTINEL_COUNT; i++ )); do
        gbo_wait_until 30 "Sentinel ${i} to see the other Sentinels" sentinel_knows_peers "$(sentinel_port "$i")" ||
            gbo_die "Sentinel ${i} did not discover the other Sentinels; see ${dir}/sentinel${i}/sentinel.log"
    done
    print_env
}

stop_all() {
    local i failed=0
    for (( i = 0; i < SENTINEL_COUNT; i++ )); do
        gbo_pid_stop "${dir}/sentinel${i}/pid" "$SENTINEL_BIN" "Sentinel ${i}" 15 || failed=1
    done
    "${GBO_HACK_DIR}/redis.sh" stop "${dir}/redis0" || failed=1
    "${GBO_HACK_DIR}/redis.sh" stop "${dir}/redis1" || failed=1
    (( failed == 0 )) || gbo_die "failed to stop part of the Sentinel set in ${dir}; see the messages above"
}

[[ $# -ge 1 && $# -le 2 ]] || usage
gbo_require_root
command="$1"
mkdir -p "${2:-${GBO_STATE_DIR}/redis-sentinel}"
dir="$(cd "${2:-${GBO_STATE_DIR}/redis-sentinel}" && pwd)"
gbo_lock "redis-sentinel-$(printf '%s' "$dir" | md5sum | cut -c1-12)"
load_settings

case "$command" in
    start) start ;;
    stop) stop_all ;;
    status) everything_runs || exit 3 ;;
    env) print_env ;;
    *) usage ;;
esac
