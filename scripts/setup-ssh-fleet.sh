#!/usr/bin/env bash
# Installs what the fleet tests (test/fleet) need: Debian's OpenSSH server and client. The tests
# start and stop their own sshd instances (loopback addresses, a temporary folder, throwaway
# keys); nothing here starts a daemon. Idempotent; needs root (apt-get) when sshd is missing.
set -euo pipefail
if [ -x /usr/sbin/sshd ] && command -v ssh >/dev/null 2>&1 && command -v ssh-keygen >/dev/null 2>&1; then
  echo "setup-ssh-fleet: OpenSSH server and client already installed"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# --no-install-recommends: the server and client only; no service is enabled or started in a container.
apt-get install -y -qq --no-install-recommends openssh-server openssh-client >/dev/null
echo "setup-ssh-fleet: installed $(/usr/sbin/sshd -V 2>&1 | head -1 || true)"
