# Common tasks. Every target runs as root on Debian 12; see README.md.
SHELL := /bin/bash
export GBO_STATE_DIR ?= $(CURDIR)/.state
KUBECONFIG_FILE := $(GBO_STATE_DIR)/operator/kubeconfig
GBCTL := $(CURDIR)/out/gbctl --kubeconfig $(KUBECONFIG_FILE)

.PHONY: all build test bench up down deps clean

all: build

## deps: install Debian packages and restore NuGet packages
deps:
	bash hack/install-deps.sh
	dotnet restore GbOperator.sln

## build: compile everything and publish gb-operator and gbctl to out/
build:
	dotnet build GbOperator.sln
	dotnet publish src/GbOperator/GbOperator.csproj -c Release -o out --nologo
	dotnet publish src/Gbctl/Gbctl.csproj -c Release -o out --nologo

## test: run every test against real services started by hack/ scripts
test: deps
	bash hack/test.sh

## bench: run the benchmarks and regenerate bench/RESULTS.md; CASE=store,watch picks cases,
## BENCH_ARGS="--sim-clusters 1000" passes options (see bench/RESULTS.md)
bench: deps
	GBO_BENCH_CASE="$(CASE)" bash hack/bench.sh $(BENCH_ARGS)

## up: install, start the services and gb-operator, apply the example manifests
up: deps build
	bash hack/env-up.sh
	bash hack/operator.sh start
	$(GBCTL) apply -f manifests/examples/
	bash hack/operator.sh point-policy default demo
	$(GBCTL) get botclusters,shardmaps,failoverpolicies -A
	bash hack/operator.sh wait-ready default demo 180
	@echo "try: curl http://127.0.0.1:8480/api/whoami   (the body names the instance that answered)"
	@echo "gbctl: $(GBCTL)"

## down: stop what 'make up' started
down:
	bash hack/operator.sh stop
	bash hack/env-down.sh

clean:
	rm -rf out
	dotnet clean GbOperator.sln --nologo
