#!/bin/sh
# make check: the quick interop matrix (every client/server pair, a few enctypes and
# options) with this build tree's sspi-client and sspi-server against MIT's samples.
# Reports go to interop/matrix-report in the build tree. Exit 77 (skipped) when the MIT
# peers or the KDC tools are not installed.
builddir=${SSPIBRIDGE_BUILDDIR:-$(pwd)}
srcdir=${SSPIBRIDGE_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}

for p in /usr/bin/gss-client /usr/bin/gss-server; do
    if [ ! -x "$p" ]; then
        echo "matrix-quick: $p missing (Debian package krb5-gss-samples): skipped"
        exit 77
    fi
done
if [ -z "${KRB5KDC:-}" ] && ! PATH="$PATH:/usr/sbin:/sbin" command -v krb5kdc >/dev/null 2>&1; then
    echo "matrix-quick: krb5kdc missing (Debian package krb5-kdc): skipped"
    exit 77
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "matrix-quick: python3 missing: skipped"
    exit 77
fi

exec python3 "$srcdir/interop/sspibridge-matrix" --quick \
    --sspi-client "$builddir/interop/sspi-client" \
    --sspi-server "$builddir/interop/sspi-server" \
    --rpc-client "$builddir/interop/rpcsec/rpc-sspi-client" \
    --rpc-server "$builddir/interop/rpcsec/rpc-test-server" \
    --realm-script "${SSPIBRIDGE_REALM:-$srcdir/tests/realm/sspibridge-realm}" \
    --out "$builddir/interop/matrix-report"
