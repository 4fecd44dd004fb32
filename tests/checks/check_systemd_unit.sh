#!/usr/bin/env bash
# check_systemd_unit.sh UNIT KB: `systemd-analyze verify` finds nothing to say
# about tools/systemd/kb.service (with ExecStart pointed at the built kb), and
# the unit keeps its sandbox: DynamicUser, ProtectSystem=strict,
# NoNewPrivileges, a StateDirectory, and reload by SIGHUP.
# Exit 77 (ctest: skipped) when systemd-analyze is not installed.
set -uo pipefail
UNIT=$1; KB=$2
if ! command -v systemd-analyze >/dev/null; then
  echo "skipped: systemd-analyze not found (Debian package systemd)"
  exit 77
fi
for want in '^DynamicUser=yes' '^ProtectSystem=strict' '^NoNewPrivileges=yes' '^StateDirectory=kb' \
            '^ExecReload=.*-HUP \$MAINPID' '^ExecStart=/usr/local/bin/kb serve'; do
  grep -q -- "$want" "$UNIT" || { echo "$UNIT: no line matching $want"; exit 1; }
done
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
sed "s#/usr/local/bin/kb#$KB#" "$UNIT" >"$W/kb.service"
out=$(cd "$W" && systemd-analyze verify --man=no "$W/kb.service" 2>&1); rc=$?
if [ $rc -ne 0 ] || grep -q "kb.service" <<<"$out"; then
  echo "systemd-analyze verify (exit $rc):"; echo "$out"; exit 1
fi
echo "kb.service: systemd-analyze verify has nothing to say"
