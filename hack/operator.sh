#!/usr/bin/env bash
# Starts or stops gb-operator as a plain background process.
#   hack/operator.sh start   serve the API on $GBO_LISTEN (default 127.0.0.1:6443)
#                            with the embedded SQLite store under the state folder,
#                            and write a kubeconfig for gbctl and kubectl
#   hack/operator.sh stop    stop it by PID
#   hack/operator.sh status  exit 0 when it is running
#   hack/operator.sh wait-ready NAMESPACE NAME [SECONDS]
#                            wait until a BotCluster's Ready condition is True
#   hack/operator.sh point-policy NAMESPACE NAME
#                            point a FailoverPolicy at the Patroni cluster and the
#                            Sentinels that hack/env-up.sh started (their ports are
#                            picked at start, so no manifest can name them)
# The BotCluster controller reaches LXD and Caddy at LXD_SOCKET and GBO_CADDY_ADMIN_URL from
# the environment or, when unset, from .state/env.sh as hack/env-up.sh writes it.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
state="${GBO_STATE_DIR:-$repo/.state}/operator"
listen="${GBO_LISTEN:-127.0.0.1:6443}"
binary="$repo/out/gb-operator"
pid_file="$state/pid"

if [ -f "${GBO_STATE_DIR:-$repo/.state}/env.sh" ]; then
    lxd_socket_default="$(. "${GBO_STATE_DIR:-$repo/.state}/env.sh" && echo "${LXD_SOCKET:-}")"
    caddy_admin_default="$(. "${GBO_STATE_DIR:-$repo/.state}/env.sh" && echo "${GBO_CADDY_ADMIN_URL:-}")"
fi
lxd_socket="${LXD_SOCKET:-${lxd_socket_default:-/var/lib/lxd/unix.socket}}"
caddy_admin="${GBO_CADDY_ADMIN_URL:-${caddy_admin_default:-http://127.0.0.1:2019}}"

is_running() {
    [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null
}

write_kubeconfig() {
    cat >"$state/kubeconfig" <<CONFIG
apiVersion: v1
kind: Config
clusters:
- name: gb-operator
  cluster:
    server: http://$listen
contexts:
- name: gb-operator
  context:
    cluster: gb-operator
    user: local
    namespace: default
current-context: gb-operator
users:
- name: local
  user: {}
CONFIG
}

start() {
    mkdir -p "$state"
    if is_running; then
        echo "gb-operator is already running (PID $(cat "$pid_file")) on $listen"
        return 0
    fi
    if [ ! -x "$binary" ]; then
        echo "error: $binary is missing; run 'make build' first" >&2
        exit 1
    fi

    GBO_STATE_DIR="$state" nohup "$binary" serve --store "sqlite://$state/gb-operator.db" --listen "$listen" \
        --lxd-socket "$lxd_socket" --caddy-admin "$caddy_admin" \
        >>"$state/gb-operator.log" 2>&1 &
    echo $! >"$pid_file"

    local deadline=$((SECONDS + 60))
    until curl -fsS "http://$listen/readyz" >/dev/null 2>&1; do
        if ! is_running; then
            echo "error: gb-operator exited during start-up; see $state/gb-operator.log" >&2
            tail -n 20 "$state/gb-operator.log" >&2 || true
            exit 1
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            echo "error: gb-operator did not become ready on $listen within 60 s; see $state/gb-operator.log" >&2
            exit 1
        fi
        sleep 0.5
    done
    write_kubeconfig
    echo "gb-operator is serving on http://$listen (PID $(cat "$pid_file")); kubeconfig: $state/kubeconfig"
}

stop() {
    if ! is_running; then
        rm -f "$pid_file"
        return 0
    fi
    local pid
    pid="$(cat "$pid_file")"
    kill -TERM "$pid"
    local deadline=$((SECONDS + 30))
    while kill -0 "$pid" 2>/dev/null; do
        if [ "$SECONDS" -ge "$deadline" ]; then
            kill -KILL "$pid" 2>/dev/null || true
            break
        fi
        sleep 0.2
    done
    rm -f "$pid_file"
    echo "gb-operator stopped"
}

wait_ready() {
    local namespace="$1" name="$2" seconds="${3:-180}"
    local url="http://$listen/apis/generalbots.ai/v1alpha1/namespaces/$namespace/botclusters/$name"
    local deadline=$((SECONDS + seconds)) ready=""
    until [ "$ready" = "True" ]; do
        if [ "$SECONDS" -ge "$deadline" ]; then
            echo "error: BotCluster $namespace/$name is not Ready after $seconds s; see $state/gb-operator.log" >&2
            curl -fsS "$url" | jq '.status' >&2 || true
            exit 1
        fi
        sleep 1
        ready="$(curl -fsS "$url" 2>/dev/null | jq -r '.status.conditions[]? | select(.type == "Ready") | .status' || true)"
    done
    curl -fsS "$url" | jq -r '"BotCluster \(.metadata.namespace)/\(.metadata.name) is Ready: \(.status.readyReplicas) of \(.spec.replicas) instances; reach it through Caddy at http://\(.spec.routing.listenAddress)/"'
}

point_policy() {
    local namespace="$1" name="$2" env_file="${GBO_STATE_DIR:-$repo/.state}/env.sh"
    [ -f "$env_file" ] || { echo "error: $env_file is missing; run hack/env-up.sh first" >&2; exit 1; }
    local patch
    patch="$(
        . "$env_file"
        : "${GBO_PATRONI_ENDPOINTS:?is not set in $env_file; run hack/env-up.sh again}"
        : "${GBO_SENTINEL_ENDPOINTS:?is not set in $env_file; run hack/env-up.sh again}"
        jq -n --arg patroni "$GBO_PATRONI_ENDPOINTS" --arg scope "$GBO_PATRONI_SCOPE" \
            --arg etcd "$GBO_PATRONI_ETCD" --arg dcs_namespace "$GBO_PATRONI_NAMESPACE" \
            --arg sentinels "$GBO_SENTINEL_ENDPOINTS" --arg master "$GBO_SENTINEL_MASTER" '
            {spec: {
                patroni: {endpoints: ($patroni | split(",")), scope: $scope,
                          etcd: ($etcd | split(",")), namespace: $dcs_namespace},
                sentinel: {endpoints: ($sentinels | split(",")), masterName: $master}}}'
    )"
    local url="http://$listen/apis/generalbots.ai/v1alpha1/namespaces/$namespace/failoverpolicies/$name"
    curl -fsS -X PATCH -H 'Content-Type: application/merge-patch+json' \
        "$url?fieldManager=gb-make-up" --data "$patch" >/dev/null ||
        { echo "error: patching FailoverPolicy $namespace/$name at $url failed; is gb-operator running?" >&2; exit 1; }
    echo "FailoverPolicy $namespace/$name now follows the local Patroni cluster and Sentinels"
}

case "${1:-}" in
    start) start ;;
    point-policy) shift; point_policy "$@" ;;
    wait-ready) shift; wait_ready "$@" ;;
    stop) stop ;;
    status) is_running ;;
    *) echo "usage: $0 start|stop|status|wait-ready NAMESPACE NAME [SECONDS]|point-policy NAMESPACE NAME" >&2; exit 2 ;;
esac
