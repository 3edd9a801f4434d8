#!/usr/bin/env bash
# Starts or stops a single-member etcd on 127.0.0.1 with its data under one folder, for development and tests.
#
#   hack/etcd.sh start DATA_DIR   start etcd (or find it running) and print its client endpoint, e.g. 127.0.0.1:23791
#   hack/etcd.sh stop DATA_DIR    stop the etcd started for DATA_DIR
#
# start writes DATA_DIR/pid, DATA_DIR/endpoint (client HOST:PORT) and DATA_DIR/peer-endpoint, keeps the
# member data in DATA_DIR/member-data and the log in DATA_DIR/etcd.log. It picks free ports, reusing the
# previous ones when they are still free, and waits until etcd reports itself healthy.
# ETCD_BIN overrides the etcd binary (default /usr/bin/etcd); ETCD_START_TIMEOUT the wait in seconds (default 30).
set -euo pipefail

ETCD_BIN="${ETCD_BIN:-/usr/bin/etcd}"
ETCD_START_TIMEOUT="${ETCD_START_TIMEOUT:-30}"

usage() {
    echo "usage: $0 start|stop DATA_DIR" >&2
    exit 2
}

log() {
    echo "etcd.sh: $*" >&2
}

# Succeeds when nothing accepts connections on 127.0.0.1:$1.
port_is_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Prints a free port from the 20000-32767 range that differs from $1.
pick_free_port() {
    local avoid="${1:-0}" port
    for _ in $(seq 1 200); do
        port=$((20000 + RANDOM % 12768))
        if [[ "$port" != "$avoid" ]] && port_is_free "$port"; then
            echo "$port"
            return 0
        fi
    done
    log "no free port found in 20000-32767 on 127.0.0.1"
    return 1
}

# Closes every file descriptor above 2 of the current shell.
close_inherited_descriptors() {
    local path fd
    for path in /proc/"$BASHPID"/fd/*; do
        fd="${path##*/}"
        if (( fd > 2 )); then
            eval "exec ${fd}>&-" 2>/dev/null || true
        fi
    done
}

# Succeeds when the PID in DATA_DIR/pid is a live etcd process.
is_running() {
    local pid
    [[ -f "$data_dir/pid" ]] || return 1
    pid="$(cat "$data_dir/pid")"
    [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q etcd
}

is_healthy() {
    local endpoint="$1"
    if command -v curl >/dev/null 2>&1; then
        curl -fsS --max-time 2 "http://$endpoint/health" 2>/dev/null | grep -q '"health":"true"'
    elif command -v etcdctl >/dev/null 2>&1; then
        ETCDCTL_API=3 etcdctl --endpoints="http://$endpoint" --command-timeout=2s endpoint health >/dev/null 2>&1
    else
        log "neither curl nor etcdctl is installed, so the health of etcd cannot be checked; install curl or etcd-client"
        return 1
    fi
}

start() {
    if is_running && [[ -f "$data_dir/endpoint" ]]; then
        local endpoint
        endpoint="$(cat "$data_dir/endpoint")"
        if is_healthy "$endpoint"; then
            echo "$endpoint"
            return 0
        fi
        log "etcd (PID $(cat "$data_dir/pid")) runs but is not healthy at $endpoint; see $data_dir/etcd.log"
        return 1
    fi

    if [[ ! -x "$ETCD_BIN" ]]; then
        log "$ETCD_BIN is missing; install it with hack/install-etcd.sh (Debian package etcd-server)"
        return 1
    fi

    local client_port="" peer_port=""
    if [[ -f "$data_dir/endpoint" && -f "$data_dir/peer-endpoint" ]]; then
        client_port="$(cut -d: -f2 "$data_dir/endpoint")"
        peer_port="$(cut -d: -f2 "$data_dir/peer-endpoint")"
        if ! port_is_free "$client_port" || ! port_is_free "$peer_port"; then
            client_port=""
            peer_port=""
        fi
    fi
    if [[ -z "$client_port" ]]; then
        client_port="$(pick_free_port)"
        peer_port="$(pick_free_port "$client_port")"
    fi

    local endpoint="127.0.0.1:$client_port" peer="127.0.0.1:$peer_port"
    # The subshell closes every descriptor above stderr, so etcd does not keep
    # a caller's lock file open for as long as it runs. `exec` keeps the PID.
    (
        close_inherited_descriptors
        exec setsid "$ETCD_BIN" \
            --name gb-operator \
            --data-dir "$data_dir/member-data" \
            --listen-client-urls "http://$endpoint" \
            --advertise-client-urls "http://$endpoint" \
            --listen-peer-urls "http://$peer" \
            --initial-advertise-peer-urls "http://$peer" \
            --initial-cluster "gb-operator=http://$peer" \
            --initial-cluster-state new \
            --logger zap \
            --log-outputs stderr \
            </dev/null >>"$data_dir/etcd.log" 2>&1
    ) &
    local pid=$!
    echo "$pid" >"$data_dir/pid"
    echo "$endpoint" >"$data_dir/endpoint"
    echo "$peer" >"$data_dir/peer-endpoint"

    local deadline=$((SECONDS + ETCD_START_TIMEOUT))
    until is_healthy "$endpoint"; do
        if ! kill -0 "$pid" 2>/dev/null; then
            log "etcd exited during start-up; last lines of $data_dir/etcd.log:"
            tail -n 20 "$data_dir/etcd.log" >&2
            rm -f "$data_dir/pid"
            return 1
        fi
        if ((SECONDS >= deadline)); then
            log "etcd did not become healthy at $endpoint within ${ETCD_START_TIMEOUT}s; see $data_dir/etcd.log"
            return 1
        fi
        sleep 0.2
    done

    log "started etcd (PID $pid) at $endpoint with data in $data_dir"
    echo "$endpoint"
}

stop() {
    if ! is_running; then
        rm -f "$data_dir/pid"
        log "no etcd is running for $data_dir"
        return 0
    fi

    local pid
    pid="$(cat "$data_dir/pid")"
    kill -TERM "$pid"
    for _ in $(seq 1 100); do
        if ! kill -0 "$pid" 2>/dev/null; then
            rm -f "$data_dir/pid"
            log "stopped etcd (PID $pid)"
            return 0
        fi
        sleep 0.1
    done

    log "etcd (PID $pid) did not stop within 10s of SIGTERM; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$data_dir/pid"
}

[[ $# -eq 2 ]] || usage
command="$1"
mkdir -p "$2"
data_dir="$(cd "$2" && pwd)"

case "$command" in
    start) start ;;
    stop) stop ;;
    *) usage ;;
esac
