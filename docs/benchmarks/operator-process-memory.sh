#!/usr/bin/env bash
# The operator's live heap as its own process (the runtime jar, as the image runs it) against
# `sandbox --no-operator`, with and without 5,000 unrelated 8 KiB Secrets. From the repository root,
# after `mvn -B -q package -DskipTests`; needs kubectl, curl, python3 and jcmd. Usage: $0 yes|no [run flags…]
set -eu
with=$1; shift
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
java -jar target/integrations-operator.jar sandbox --no-operator --kubeconfig-out "$work/kubeconfig" \
    --kube-port 18443 --simulator-port 18080 > "$work/sandbox.log" 2>&1 &
for _ in $(seq 60); do grep -q 'KUBECONFIG=' "$work/sandbox.log" && break; sleep 1; done
export KUBECONFIG=$work/kubeconfig
if [ "$with" = yes ]; then
  kubectl create namespace unrelated > /dev/null
  python3 - "$work" <<'PY'
import base64, os, sys
for f in range(50):
    with open(f"{sys.argv[1]}/s{f:03d}.yaml", "w") as out:
        for i in range(100):
            out.write(f"apiVersion: v1\nkind: Secret\nmetadata:\n  name: unrelated-{f * 100 + i:05d}\n"
                      f"  namespace: unrelated\ntype: Opaque\ndata:\n  blob: {base64.b64encode(os.urandom(8192)).decode()}\n---\n")
PY
  kubectl create -f "$work" > /dev/null 2>&1 || true
  echo "unrelated Secrets: $(kubectl get secrets -n unrelated --no-headers | wc -l)"
fi
java -jar target/integrations-operator-runtime.jar run --allowed-base-urls http://127.0.0.1:18080 \
    --leader-election false --http-port 18081 "$@" > "$work/operator.log" 2>&1 &
op=$!
for _ in $(seq 120); do curl -sf http://127.0.0.1:18081/readyz > /dev/null && break; sleep 1; done
sleep 20
jcmd $op GC.run > /dev/null; sleep 2
jcmd $op GC.heap_info | sed -n 2p
jcmd $op GC.class_histogram | sed -n 3,6p
