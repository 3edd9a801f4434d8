#!/usr/bin/env bash
# Check the running environment end to end: launch two botserver stand-in
# containers without a NIC, reach each through an LXD proxy device on
# 127.0.0.1, route both through Caddy, force one unhealthy, stop one with
# SIGTERM, and delete everything it created. Needs hack/env-up.sh first.
#
# Exit status 0 means every check passed; each failed check is printed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
GBO_LOG_TAG=smoke

gbo_require_root
gbo_require_commands lxc curl jq
eval "$("${GBO_HACK_DIR}/lxd.sh" env)"
eval "$("${GBO_HACK_DIR}/caddy.sh" env)"
lxd waitready --timeout 5 >/dev/null 2>&1 || gbo_die "LXD is not running; run hack/env-up.sh"
curl -fsS -o /dev/null "${GBO_CADDY_ADMIN_URL}/config/" || gbo_die "Caddy admin API ${GBO_CADDY_ADMIN_URL} does not respond; run hack/env-up.sh"

prefix="smoke-$$"
names=("${prefix}-a" "${prefix}-b")
declare -A host_ports=()
failures=0

cleanup() {
    local name
    for name in "${names[@]}"; do
        lxc delete --force "$name" >/dev/null 2>&1 || true
    done
    curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' \
        --data "{\"admin\":{\"listen\":\"${GBO_CADDY_ADMIN_URL#http://}\",\"config\":{\"persist\":false}}}" \
        "${GBO_CADDY_ADMIN_URL}/load" || gbo_log "failed to reset the Caddy configuration"
}
trap cleanup EXIT

check() {
    local description="$1" expected="$2" actual="$3"
    if [[ "$actual" == "$expected" ]]; then
        gbo_log "ok: ${description}"
    else
        gbo_log "FAILED: ${description}: expected '${expected}', got '${actual}'"
        failures=$((failures + 1))
    fi
}

http_status() {
    curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" || true
}

started=$SECONDS
for name in "${names[@]}"; do
    # lxc launch warns on stderr that the instance has no network; that is
    # intended here, so its output is shown only on failure.
    output="$(lxc launch botserver-standin "$name" 2>&1)" ||
        gbo_die "lxc launch botserver-standin ${name} failed: ${output}"
    host_ports[$name]="$(gbo_free_port)"
    lxc config device add "$name" http proxy \
        "listen=tcp:127.0.0.1:${host_ports[$name]}" connect=tcp:127.0.0.1:8080 bind=host >/dev/null
done
gbo_log "launched ${#names[@]} containers with proxy devices in $((SECONDS - started))s"

for name in "${names[@]}"; do
    url="http://127.0.0.1:${host_ports[$name]}"
    gbo_wait_until 10 "${name} to respond on ${url}/health" curl -fsS -o /dev/null --max-time 2 "${url}/health" || true
    check "${name} GET /health" 200 "$(http_status "${url}/health")"
    check "${name} GET /api/health without a database" 503 "$(http_status "${url}/api/health")"
    check "${name} other path returns the instance name" "$name" "$(curl -s --max-time 5 "${url}/anything")"
    check "${name} has no NIC besides loopback" lo \
        "$(lxc exec "$name" -- ls /sys/class/net | tr '\n' ' ' | sed 's/ $//')"
done

first="${names[0]}"
second="${names[1]}"
lxc exec "$first" -- sh -c 'echo healthy > /opt/gbo/health-override'
check "${first} GET /api/health with override healthy" 200 "$(http_status "http://127.0.0.1:${host_ports[$first]}/api/health")"
check "${first} health JSON" '"healthy" true "botserver"' \
    "$(curl -s "http://127.0.0.1:${host_ports[$first]}/api/health" | jq -r '"\"\(.status)\" \(.database) \"\(.service)\""')"

# Route both backends through Caddy with round robin.
caddy_port="$(gbo_free_port)"
config="$(jq -n --arg admin "${GBO_CADDY_ADMIN_URL#http://}" --arg listen "127.0.0.1:${caddy_port}" \
    --arg a "127.0.0.1:${host_ports[$first]}" --arg b "127.0.0.1:${host_ports[$second]}" '
    {admin: {listen: $admin, config: {persist: false}},
     apps: {http: {servers: {smoke: {
        listen: [$listen],
        automatic_https: {disable: true},
        routes: [{handle: [{handler: "reverse_proxy",
            upstreams: [{dial: $a}, {dial: $b}],
            load_balancing: {selection_policy: {policy: "round_robin"}}}]}]}}}}}')"
curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' --data "$config" "${GBO_CADDY_ADMIN_URL}/load" ||
    gbo_die "POST ${GBO_CADDY_ADMIN_URL}/load failed"
seen="$(for _ in 1 2 3 4; do curl -s --max-time 5 "http://127.0.0.1:${caddy_port}/whoami"; done | sort -u | tr '\n' ' ' | sed 's/ $//')"
check "Caddy round robin reaches both backends" "${first} ${second}" "$seen"

# SIGTERM to the init ends the container with exit status 0.
started=$SECONDS
lxc exec "$second" -- kill -TERM 1
gbo_wait_until 20 "${second} to stop after SIGTERM" \
    bash -c "[[ \"\$(lxc list --format csv --columns s '^${second}\$')\" == STOPPED ]]" || true
check "${second} stops on SIGTERM" STOPPED "$(lxc list --format csv --columns s "^${second}\$")"
gbo_log "SIGTERM stop took $((SECONDS - started))s"

if (( failures > 0 )); then
    gbo_die "${failures} check(s) failed"
fi
gbo_log "all checks passed"
