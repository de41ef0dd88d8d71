# Interop programs and the matrix runner (issue 5).
# sspi-client / sspi-server: MIT's gss-client / gss-server written against the SSPI API
# (public headers, libsspibridge only); they speak the MIT gss-sample protocol.
noinst_LTLIBRARIES += interop/libsample.la
interop_libsample_la_SOURCES = \
	interop/gss_proto.c interop/gss_proto.h \
	interop/sample_message.c interop/sample_message.h \
	interop/sample_net.c interop/sample_net.h \
	interop/sample_package.c interop/sample_package.h \
	interop/sample_report.c interop/sample_report.h

bin_PROGRAMS += interop/sspi-client interop/sspi-server
interop_sspi_client_SOURCES = interop/sspi-client.c
interop_sspi_client_LDADD = interop/libsample.la libsspibridge.la
interop_sspi_server_SOURCES = interop/sspi-server.c
interop_sspi_server_LDADD = interop/libsample.la libsspibridge.la

# The matrix runner: Python 3 standard library only, installed for users and CI.
dist_bin_SCRIPTS = interop/sspibridge-matrix

# make check runs the quick matrix with the programs of this build tree.
TESTS += interop/matrix-quick.sh
EXTRA_DIST += interop/matrix-quick.sh interop/README.md
clean-local: clean-interop-matrix
clean-interop-matrix:
	-rm -rf interop/matrix-report
.PHONY: clean-interop-matrix

# RPCSEC_GSS (RFC 2203) over SSPI with libtirpc (issue 10).
include interop/rpcsec/local.mk

# The realm harness is a tool people use with the matrix too (sspibridge-matrix finds it
# beside itself or on PATH), so it is installed.
dist_bin_SCRIPTS += tests/realm/sspibridge-realm
