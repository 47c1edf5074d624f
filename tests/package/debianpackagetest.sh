#!/usr/bin/env bash
# The Debian packages, made and installed for real: cpack builds sendguard, sendguard-dev and
# sendguard-psi from the build tree, lintian must find no error in them, dpkg installs them into a
# throwaway root (running their maintainer scripts), and then, in a private mount namespace whose
# /usr and /etc show that root over this machine's own, everything runs from its installed path:
#   - `sendguard check` on the incident asks for a reason (justify, exit 11), with the built-in policy;
#   - `sendguard extract` reads a DOCX and a PDF through the installed helper, which is locked
#     down (no new privileges, a seccomp filter: seen with strace);
#   - a host built against the installed sendguard-dev finds, loads and uses the installed plugin,
#     and the installed sendguard-bridge loads it too;
#   - `man sendguard` and `man sendguard-policy` render, in English and in Korean.
# Then dpkg removes and purges them. Nothing outside WORK_DIR is changed.
#
# debianpackagetest.sh BUILD_DIR SOURCE_DIR WORK_DIR
# Needs root (dpkg's ownership, mount namespaces); elsewhere it is skipped (exit 77), never passed.
set -euo pipefail

if [[ ${1:-} == --inside ]]; then
    # In the private mount namespace: the installed files over the machine's own, read-only.
    root=$2 work=$3 source=$4
    mount -t overlay overlay -o "lowerdir=$root/usr:/usr" /usr
    mount -t overlay overlay -o "lowerdir=$root/etc:/etc" /etc
    export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
    export XDG_RUNTIME_DIR=$work/home/run QT_QPA_PLATFORM=offscreen LANG=C.UTF-8
    mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
    fail() { echo "FAIL: $*" >&2; exit 1; }

    echo "-- /usr/bin/sendguard --version"
    [[ $(command -v sendguard) == /usr/bin/sendguard ]] || fail "sendguard is not /usr/bin/sendguard"
    sendguard --version
    echo "-- sendguard check on the incident"
    status=0
    sendguard check --json "$source/examples/messages/incident.json" >"$work/check.json" || status=$?
    # The built-in policy asks for a reason before an RRN goes to 4,812 people: justify, exit 11.
    [[ $status == 11 ]] || fail "sendguard check exited $status, not 11 (justify)"
    grep -q '"verdict":"justify"' "$work/check.json" || fail "no justify verdict in: $(cat "$work/check.json")"
    grep -q '"masked":"850315-2\*\*\*\*\*\*"' "$work/check.json" || fail "the RRN was not found"
    grep -q '"policy":{"id":"sendguard-default"' "$work/check.json" ||
        fail "the installed sendguard did not follow the built-in policy"

    echo "-- sendguard extract through the installed helper"
    # An installed sendguard runs only the installed helper, whatever the environment says.
    export SENDGUARD_EXTRACT=/bin/false
    for document in application.docx application.pdf; do
        sendguard extract "$work/$document" >"$work/$document.txt" || fail "extract $document: $(cat "$work/$document.txt")"
        grep -q '900101-1' "$work/$document.txt" || fail "no text read from $document"
    done
    helper=/usr/libexec/sendguard/sendguard-extract
    strace -f -qq -e trace=prctl,seccomp -o "$work/helper.strace" "$helper" --name application.docx \
        <"$work/application.docx" >/dev/null
    grep -Eq 'prctl\(PR_SET_NO_NEW_PRIVS, 1.*\) = 0$' "$work/helper.strace" || fail "the helper set no PR_SET_NO_NEW_PRIVS"
    grep -Eq 'seccomp\(SECCOMP_SET_MODE_FILTER, [^,]*, \{len=[0-9]+, filter=.*\) = 0$' \
        "$work/helper.strace" || fail "the helper loaded no seccomp filter"

    echo "-- a host built against sendguard-dev"
    cmake -S "$source/tests/plugin/packagehost" -B "$work/host" -G Ninja >"$work/host.log" 2>&1 ||
        fail "configuring the host: $(cat "$work/host.log")"
    grep -q "SendGuard" "$work/host/CMakeCache.txt"
    grep -q "SendGuard_DIR:PATH=/usr/lib/.*/cmake/SendGuard" "$work/host/CMakeCache.txt" ||
        fail "find_package(SendGuard) did not find the installed package"
    cmake --build "$work/host" >>"$work/host.log" 2>&1 || fail "building the host: $(cat "$work/host.log")"
    output=$("$work/host/sendguard-host" 2>&1) || fail "the host failed: $output"
    [[ $output == *"sent (allow) to 1 recipient"* ]] || fail "the host said: $output"
    echo "$output"

    echo "-- the installed bridge loads the installed plugin, whatever it is told"
    bridge=/usr/libexec/sendguard/sendguard-bridge
    answer=$(echo '{"protocol":1,"id":1,"type":"hello"}' | "$bridge" --plugin-dir "$work" 2>"$work/bridge.log") ||
        fail "the bridge failed: $(cat "$work/bridge.log")"
    [[ $answer == *'"type":"hello"'* && $answer == *'"id":"sendguard"'* ]] || fail "the bridge answered: $answer"
    grep -q "plugin sendguard .*(/usr/lib/.*/qt6/plugins/sendguard/libsendguardplugin.so)" "$work/bridge.log" ||
        fail "the bridge did not load the installed plugin: $(cat "$work/bridge.log")"

    echo "-- man pages"
    for page in sendguard sendguard-policy; do
        MANWIDTH=80 man -P cat "$page" >"$work/$page.en.txt" 2>"$work/man.err" || fail "man $page: $(cat "$work/man.err")"
        grep -q "^NAME" "$work/$page.en.txt" || fail "man $page has no NAME"
        grep -q "^       $page - " "$work/$page.en.txt" || fail "man $page does not name $page"
        MANWIDTH=80 man -L ko -E UTF-8 -P cat "$page" >"$work/$page.ko.txt" 2>"$work/man.err" ||
            fail "man -L ko $page: $(cat "$work/man.err")"
        grep -q "^이름" "$work/$page.ko.txt" || fail "man -L ko $page is not the Korean page"
    done
    head -12 "$work/sendguard.ko.txt"
    exit 0
fi

build=$1 source=$2 work=$3
if [[ $(id -u) != 0 ]]; then
    echo "SKIP: installing packages into a throwaway root needs root (dpkg ownership, mount namespaces)"
    exit 77
fi
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "-- cpack"
cpack --config "$build/CPackConfig.cmake" -B "$work/debs" >"$work/cpack.log" 2>&1 || fail "cpack: $(cat "$work/cpack.log")"
debs=("$work"/debs/*.deb)
(( ${#debs[@]} == 3 )) || fail "cpack made ${#debs[@]} packages: ${debs[*]}"
for deb in "${debs[@]}"; do
    echo "$(basename "$deb"): $(dpkg-deb -f "$deb" Package Version Architecture Depends | tr '\n' ' ')"
done

echo "-- lintian"
lintian --fail-on error --tag-display-limit 0 "${debs[@]}" | tee "$work/lintian.txt" || fail "lintian reports errors"

echo "-- the packages' dependencies are met on this machine"
apt-get --simulate --no-download install "${debs[@]}" >"$work/apt.log" 2>&1 || fail "apt: $(cat "$work/apt.log")"

echo "-- dpkg --install into a throwaway root"
root=$work/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
# The dependencies were checked against this machine above; the root has no other packages.
# Maintainer scripts run outside the root with DPKG_ROOT set, as Debian's own do.
dpkg --root="$root" --force-depends --force-script-chrootless --log="$work/dpkg.log" -i "${debs[@]}" \
    >"$work/dpkg.out" 2>&1 || fail "dpkg -i: $(cat "$work/dpkg.out")"
plugin=$(find "$root/usr/lib" -path '*/qt6/plugins/sendguard/libsendguardplugin.so')
for path in /usr/bin/sendguard /usr/libexec/sendguard/sendguard-extract /usr/libexec/sendguard/sendguard-pdf-reader.so \
    /usr/libexec/sendguard/sendguard-bridge \
    "${plugin#"$root"}" /usr/share/sendguard/default-policy.json /usr/share/sendguard/policy.schema.json \
    /usr/share/sendguard/managed-policy.example.json /lib/systemd/system/sendguard-policy-fetch.service \
    /lib/systemd/system/sendguard-policy-fetch.timer /lib/systemd/system/sendguard-audit-collector.service \
    /usr/share/man/man1/sendguard.1.gz /usr/share/man/man5/sendguard-policy.5.gz \
    /usr/share/man/ko/man1/sendguard.1.gz /usr/share/man/ko/man5/sendguard-policy.5.gz \
    /usr/include/sendguard/sendinterceptor.h /usr/share/doc/sendguard/copyright /usr/share/doc/sendguard-dev/copyright \
    /usr/lib/psi/plugins/libsendguardpsi.so /usr/share/doc/sendguard-psi/copyright; do
    [[ -f $root$path ]] || fail "not installed: $path"
done
[[ -n $plugin ]] || fail "the plugin is not in Qt's plugin folder"
# The installed Psi plugin asks the installed bridge, and links Qt 5 only (Psi is a Qt 5 program).
# (Qt 5 keeps a QStringLiteral in UTF-16.)
strings -e l "$root/usr/lib/psi/plugins/libsendguardpsi.so" | grep -qx /usr/libexec/sendguard/sendguard-bridge ||
    fail "the Psi plugin does not name the installed bridge"
! objdump -p "$root/usr/lib/psi/plugins/libsendguardpsi.so" | grep -q 'NEEDED.*Qt6' ||
    fail "the Psi plugin links Qt 6"
for folder in /etc/sendguard/policies/managed /etc/sendguard/policies/recommended; do
    [[ $(stat -c '%U %a' "$root$folder") == "root 755" ]] || fail "$folder is $(stat -c '%U %a' "$root$folder")"
done
# The postinst enabled the fetch timer and the audit collector, as debhelper's scripts would.
[[ -L $root/etc/systemd/system/timers.target.wants/sendguard-policy-fetch.timer ]] ||
    fail "the policy fetch timer was not enabled"
[[ -L $root/etc/systemd/system/multi-user.target.wants/sendguard-audit-collector.service ]] ||
    fail "the audit collector was not enabled"

echo "-- documents for the helper"
python3 - "$work" <<'PYTHON'
import sys, zipfile
work = sys.argv[1]
with zipfile.ZipFile(f"{work}/application.docx", "w", zipfile.ZIP_DEFLATED) as docx:
    docx.writestr("[Content_Types].xml",
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    docx.writestr("word/document.xml",
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>신청인 900101-1234567</w:t></w:r></w:p></w:body></w:document>')
content = b"BT /F1 12 Tf 20 700 Td (RRN 900101-1234567) Tj ET"
objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
           b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
           b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
           b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
pdf, offsets = b"%PDF-1.4\n", []
for number, body in enumerate(objects, 1):
    offsets.append(len(pdf))
    pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
xref = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
open(f"{work}/application.pdf", "wb").write(pdf)
PYTHON

echo "-- from the installed paths (private mount namespace)"
unshare --mount --propagation private -- bash "$0" --inside "$root" "$work" "$source"

echo "-- dpkg --remove, --purge"
dpkg --root="$root" --force-depends --force-script-chrootless --log="$work/dpkg.log" --purge sendguard-psi sendguard-dev sendguard \
    >>"$work/dpkg.out" 2>&1 || fail "dpkg --purge: $(cat "$work/dpkg.out")"
[[ ! -e $root/usr/bin/sendguard && ! -e $plugin && ! -e $root/usr/lib/psi/plugins/libsendguardpsi.so ]] ||
    fail "files left after purge"
[[ ! -e $root/etc/systemd/system/timers.target.wants/sendguard-policy-fetch.timer ]] ||
    fail "the timer is still enabled after purge"
echo "packages built, lint-clean, installed, used and removed"
