#!/usr/bin/env bash
# Starts or stops gb-operator as a plain background process.
#   hack/operator.sh start   serve the API on $GBO_LISTEN (default 127.0.0.1:6443)
#                            with the embedded SQLite store under the state folder,
#                            and write a kubeconfig for gbctl and kubectl
#   hack/operator.sh stop    stop it by PID
#   hack/operator.sh status  exit 0 when it is running
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
state="${GBO_STATE_DIR:-$repo/.state}/operator"
listen="${GBO_LISTEN:-127.0.0.1:6443}"
binary="$repo/out/gb-operator"
pid_file="$state/pid"

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

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) is_running ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
