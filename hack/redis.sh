#!/usr/bin/env bash
# Starts or stops one plain Redis server on 127.0.0.1 with its data under one
# folder, for development and tests. The Sentinel-managed set has its own
# script.
#
#   hack/redis.sh start DATA_DIR [--replicaof HOST:PORT]   start (or find running) and print HOST:PORT
#   hack/redis.sh stop DATA_DIR                            stop the server started for DATA_DIR
#   hack/redis.sh status DATA_DIR                          exit 0 when it runs, 3 when it is stopped
#
# Persistence is off. DATA_DIR/endpoint contains HOST:PORT and DATA_DIR/redis.log the log.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
GBO_LOG_TAG=redis

REDIS_BIN="${REDIS_BIN:-/usr/bin/redis-server}"

usage() {
    echo "usage: $0 start DATA_DIR [--replicaof HOST:PORT] | stop DATA_DIR | status DATA_DIR" >&2
    exit 2
}

answers_ping() {
    [[ "$(redis-cli -h 127.0.0.1 -p "$1" ping 2>/dev/null)" == "PONG" ]]
}

running_pid() {
    gbo_pid_alive "${data_dir}/pid" "$REDIS_BIN"
}

start() {
    local replica_of="$1" pid port
    if pid="$(running_pid)"; then
        cat "${data_dir}/endpoint"
        return 0
    fi
    [[ -x "$REDIS_BIN" ]] || gbo_die "${REDIS_BIN} is missing; run hack/install-deps.sh (Debian package redis-server)"

    port=""
    [[ -f "${data_dir}/endpoint" ]] && port="$(cut -d: -f2 "${data_dir}/endpoint")"
    if [[ -z "$port" ]] || gbo_port_in_use "$port"; then
        port="$(gbo_free_port)"
    fi

    local options=(--bind 127.0.0.1 --port "$port" --dir "$data_dir" --daemonize no
        --save "" --appendonly no --logfile "")
    if [[ -n "$replica_of" ]]; then
        [[ "$replica_of" =~ ^127\.0\.0\.1:[0-9]+$ ]] ||
            gbo_die "--replicaof must be 127.0.0.1:PORT (servers stay on loopback), got '${replica_of}'"
        options+=(--replicaof 127.0.0.1 "${replica_of#*:}")
    fi
    gbo_pid_start "${data_dir}/pid" "${data_dir}/redis.log" "$REDIS_BIN" "${options[@]}"
    pid="$(cat "${data_dir}/pid")"
    local rc=0
    gbo_wait_for_start 30 "$pid" "Redis on 127.0.0.1:${port}" answers_ping "$port" || rc=$?
    if (( rc != 0 )); then
        gbo_log_since_start "${data_dir}/redis.log" >&2
        gbo_die "Redis did not start on 127.0.0.1:${port}; see ${data_dir}/redis.log"
    fi
    printf '127.0.0.1:%s\n' "$port" >"${data_dir}/endpoint"
    gbo_log "Redis (PID ${pid}) listens on 127.0.0.1:${port}"
    cat "${data_dir}/endpoint"
}

[[ $# -ge 2 ]] || usage
gbo_require_root
command="$1"
mkdir -p "$2"
data_dir="$(cd "$2" && pwd)"
shift 2

case "$command" in
    start)
        replica_of=""
        if [[ $# -gt 0 ]]; then
            [[ $# -eq 2 && "$1" == "--replicaof" ]] || usage
            replica_of="$2"
        fi
        start "$replica_of"
        ;;
    stop)
        [[ $# -eq 0 ]] || usage
        gbo_pid_stop "${data_dir}/pid" "$REDIS_BIN" "Redis in ${data_dir}" 15
        ;;
    status) running_pid >/dev/null || exit 3 ;;
    *) usage ;;
esac
