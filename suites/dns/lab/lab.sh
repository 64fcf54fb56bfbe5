#!/bin/bash
# The DNS lab (DESIGN §5). Runs as PID 1 of fresh PID, network and mount namespaces made by
# `unshare` (harness/collect/dns_lab.cpp), so everything it starts dies with it and its mounts and
# network vanish with the namespaces: there is nothing to tear down by hand on any exit path.
#
# usage: lab.sh LAB_DIR COMMAND [ARGS...]
#   Sets up loopback + a veth pair with IPv4, global IPv6 and ULA addresses, bind-mounts writable
#   copies of /etc/{resolv.conf,hosts,nsswitch.conf,host.conf,gai.conf} from LAB_DIR/etc, starts
#   dnsmasq on 127.0.0.1 and the scripted responder on 127.0.0.{53..56,3}, then runs COMMAND with
#   LIBCDIFF_DNS_LAB=1 and exits with its status (128+N when a signal killed it).
set -euo pipefail
lab=$1
shift
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
command=("$@")
fail() {
  echo "libcdiff: error: DNS lab: $*" >&2
  exit 90
}
# A lab whose server did not come up must not answer: the resolver cases would then observe "no
# server" and report differences that are the lab's, not the libc's. They skip with the reason.
unavailable() {
  echo "libcdiff: DNS lab: $*; the resolver cases skip" >&2
  set +e
  LIBCDIFF_DNS_LAB_UNAVAILABLE="DNS lab unavailable: $*" "${command[@]}"
  exit $?
}

ip link set lo up || fail "cannot bring up lo"
ip link add v0 type veth peer name v1 || fail "cannot create a veth pair"
ip link set v1 up && ip link set v0 up
ip addr add 10.0.0.100/8 dev v0
ip -6 addr add 2001:db8::100/64 dev v0 nodad
ip -6 addr add fd00::100/64 dev v0 nodad

mkdir -p "$lab/etc"
for f in resolv.conf hosts nsswitch.conf host.conf gai.conf; do
  : >"$lab/etc/$f"
  # Writable by the cases' user when they run in a container as non-root (the files are this run's).
  chmod 0666 "$lab/etc/$f"
  [ -e "/etc/$f" ] || fail "/etc/$f does not exist to bind over"
  mount --bind "$lab/etc/$f" "/etc/$f" || fail "cannot bind-mount /etc/$f"
done
printf 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n' >/etc/resolv.conf
printf '127.0.0.1\tlocalhost\n::1\tlocalhost\n' >/etc/hosts
printf 'hosts: files dns\n' >/etc/nsswitch.conf
printf 'multi on\n' >/etc/host.conf

# 40 addresses for one name: a UDP answer without EDNS is truncated (TC) and needs TCP.
for i in $(seq 1 40); do printf '10.4.0.%d\tbig.example.test\n' "$i"; done >"$lab/big.hosts"

dnsmasq --keep-in-foreground --no-resolv --no-hosts --listen-address=127.0.0.1 --bind-interfaces --port=53 \
  --user=root --group=root --pid-file="$lab/dnsmasq.pid" --log-facility="$lab/dnsmasq.log" --log-queries \
  --addn-hosts="$lab/big.hosts" \
  --host-record=host.example.test,10.1.0.1 \
  --host-record=a.b,10.2.0.1 --host-record=a.b.example.test,10.2.0.2 \
  --host-record=p.q.example.test,10.12.0.1 \
  --host-record=dual.example.test,10.5.0.1,2001:db8::5 \
  --host-record=ula.example.test,10.6.0.1,fd00::6 \
  --host-record=hostsname.example.test,10.8.8.8 \
  --host-record=v6only.example.test,2001:db8::7 \
  --host-record=host.good.test,10.9.0.1 \
  --txt-record=host.wild.test,wildcard \
  --local=/example.test/ --local=/good.test/ --local=/wild.test/ --local=/b/ --local=/q/ --local=// \
  --local=/10.in-addr.arpa/ \
  --server=/broken.test/127.0.0.53 2>"$lab/dnsmasq.err" &
dnsmasq_pid=$!

/usr/bin/python3 "$here/responder.py" "$lab/responder.ready" 127.0.0.53:servfail 127.0.0.56:refused \
  127.0.0.3:silent 127.0.0.54:aaaa-servfail 127.0.0.55:tc-no-tcp &

for _ in $(seq 1 100); do
  [ -s "$lab/dnsmasq.pid" ] && [ -e "$lab/responder.ready" ] && break
  sleep 0.05
done
# dnsmasq writes its pid file before it drops privileges, and dies there when it cannot (as non-root
# in a user namespace: "failed to change group-id to root"): it must still be running.
sleep 0.1
if ! kill -0 "$dnsmasq_pid" 2>/dev/null || [ ! -s "$lab/dnsmasq.pid" ]; then
  why=$(cat "$lab/dnsmasq.err" "$lab/dnsmasq.log" 2>/dev/null | grep -iE -m1 'fail|error|denied' | sed 's/^.*dnsmasq\[[0-9]*\]: //' || true)
  unavailable "dnsmasq did not start (${why:-no message}; see $lab/dnsmasq.log)"
fi
[ -e "$lab/responder.ready" ] || unavailable "the scripted responder did not start"

set +e
LIBCDIFF_DNS_LAB=1 "$@"
status=$?
exit "$status"
