#!/usr/bin/env bash
# Starts or stops a Redis Cluster of three masters without replicas on
# 127.0.0.1, each a plain cluster-enabled redis-server with its data under
# one folder, for development and tests of cluster-mode checks.
#
#   hack/redis-cluster.sh start DIR         start the nodes and create the cluster once. Prints HOST:PORT,HOST:PORT,HOST:PORT.
#   hack/redis-cluster.sh stop DIR          stop every node.
#   hack/redis-cluster.sh stop-node DIR N   stop node N (1-3) only, to simulate a failed master.
#   hack/redis-cluster.sh status DIR        exit 0 when every node runs, 3 otherwise.
#
# Node N keeps its files in DIR/nodeN: endpoint (HOST:PORT), nodes.conf
# (the cluster state, so a restart on the same ports rejoins the cluster),
# pid and redis.log. DIR/endpoints has the comma-separated node list.
# Persistence is off and cluster-node-timeout is 2000 ms, so the other nodes
# mark a stopped master failed about 2 s after it stops.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
GBO_LOG_TAG=redis-cluster

REDIS_BIN="${REDIS_BIN:-/usr/bin/redis-server}"
NODES=3

usage() {
    echo "usage: $0 start DIR | stop DIR | stop-node DIR N | status DIR" >&2
    exit 2
}

node_dir() { printf '%s/node%s' "$data_dir" "$1"; }

node_port() { cut -d: -f2 "$(node_dir "$1")/endpoint"; }

answers_ping() {
    [[ "$(redis-cli -h 127.0.0.1 -p "$1" ping 2>/dev/null)" == "PONG" ]]
}

cluster_ok() {
    local node
    for node in $(seq 1 "$NODES"); do
        redis-cli -h 127.0.0.1 -p "$(node_port "$node")" cluster info 2>/dev/null | grep -q '^cluster_state:ok' || return 1
    done
}

# Print a port whose cluster bus port (port + 10000) is free too. Both stay
# below 32768, where Linux's default ephemeral range starts, so an outgoing
# connection's local port cannot take them between the check and the bind.
free_cluster_port() {
    local attempt port
    for attempt in $(seq 1 50); do
        port="$(gbo_free_port 10000 22767)"
        if ! gbo_port_listening $(( port + 10000 )); then
            printf '%s\n' "$port"
            return 0
        fi
    done
    gbo_die "no port P found with P and P+10000 free on 127.0.0.1 after 50 attempts"
}

start_node() {
    local node="$1" dir pid port saved=""
    dir="$(node_dir "$node")"
    mkdir -p "$dir"
    if pid="$(gbo_pid_alive "${dir}/pid" "$REDIS_BIN")"; then
        return 0
    fi

    [[ -f "${dir}/endpoint" ]] && saved="$(cut -d: -f2 "${dir}/endpoint")"
    if [[ -n "$saved" ]] && { gbo_port_listening "$saved" || gbo_port_listening $(( saved + 10000 )); }; then
        gbo_die "port ${saved} of node ${node} is taken by another process; run '$0 stop ${data_dir}' and remove ${data_dir} to create a new cluster"
    fi

    # Another process may bind a fresh port between the check and Redis's bind, so a fresh port gets three tries.
    local attempt rc
    for attempt in 1 2 3; do
        port="${saved:-$(free_cluster_port)}"
        gbo_pid_start "${dir}/pid" "${dir}/redis.log" "$REDIS_BIN" \
            --bind 127.0.0.1 --port "$port" --dir "$dir" --daemonize no --save "" --appendonly no --logfile "" \
            --cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 2000
        pid="$(cat "${dir}/pid")"
        rc=0
        gbo_wait_for_start 30 "$pid" "Redis node ${node} on 127.0.0.1:${port}" answers_ping "$port" || rc=$?
        if (( rc == 0 )); then
            printf '127.0.0.1:%s\n' "$port" >"${dir}/endpoint"
            gbo_log "Redis node ${node} (PID ${pid}) listens on 127.0.0.1:${port}"
            return 0
        fi
        if (( rc != 2 )) || [[ -n "$saved" ]] || ! gbo_log_since_start "${dir}/redis.log" | grep -q 'Failed listening on port'; then
            break
        fi
        gbo_log "port ${port} of node ${node} was taken before Redis bound it; trying another port"
    done
    gbo_log_since_start "${dir}/redis.log" >&2
    gbo_die "Redis node ${node} did not start on 127.0.0.1:${port}; see ${dir}/redis.log"
}

start() {
    [[ -x "$REDIS_BIN" ]] || gbo_die "${REDIS_BIN} is missing; run hack/install-deps.sh (Debian package redis-server)"
    gbo_require_commands redis-cli
    local node endpoints=()
    for node in $(seq 1 "$NODES"); do
        start_node "$node"
        endpoints+=("$(cat "$(node_dir "$node")/endpoint")")
    done

    # A node that has no other node in its node table has not joined a cluster yet.
    if [[ "$(redis-cli -h 127.0.0.1 -p "$(node_port 1)" cluster info | tr -d '\r' | sed -n 's/^cluster_known_nodes://p')" == "1" ]]; then
        gbo_log "creating the cluster of ${endpoints[*]}"
        redis-cli --cluster create "${endpoints[@]}" --cluster-replicas 0 --cluster-yes >>"${data_dir}/create.log" 2>&1 ||
            gbo_die "redis-cli --cluster create failed; see ${data_dir}/create.log"
    fi
    gbo_wait_until 30 "cluster_state:ok on every node" cluster_ok ||
        gbo_die "the cluster did not reach cluster_state:ok; see ${data_dir}/node*/redis.log"

    local joined
    joined="$(IFS=,; printf '%s' "${endpoints[*]}")"
    printf '%s\n' "$joined" >"${data_dir}/endpoints"
    printf '%s\n' "$joined"
}

stop_node() {
    gbo_pid_stop "$(node_dir "$1")/pid" "$REDIS_BIN" "Redis node $1 in ${data_dir}" 15
}

[[ $# -ge 2 ]] || usage
gbo_require_root
command="$1"
mkdir -p "$2"
data_dir="$(cd "$2" && pwd)"
shift 2

case "$command" in
    start)
        [[ $# -eq 0 ]] || usage
        start
        ;;
    stop)
        [[ $# -eq 0 ]] || usage
        for node in $(seq 1 "$NODES"); do
            stop_node "$node"
        done
        ;;
    stop-node)
        [[ $# -eq 1 && "$1" =~ ^[1-3]$ ]] || usage
        stop_node "$1"
        ;;
    status)
        for node in $(seq 1 "$NODES"); do
            gbo_pid_alive "$(node_dir "$node")/pid" "$REDIS_BIN" >/dev/null || exit 3
        done
        ;;
    *) usage ;;
esac
