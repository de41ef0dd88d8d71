# RPCSEC_GSS (RFC 2203) over SSPI with libtirpc (issue 10).
# auth_sspi: a libtirpc client authenticator written only against the SSPI API; the
# test server uses libtirpc's own RPCSEC_GSS server side; the client runs either
# authenticator (libtirpc's GSSAPI one is the control). Built only with libtirpc.
EXTRA_DIST += interop/rpcsec/README.md
if HAVE_TIRPC
noinst_LTLIBRARIES += interop/rpcsec/librpcsec.la
interop_rpcsec_librpcsec_la_SOURCES = \
	interop/rpcsec/auth_sspi.c interop/rpcsec/auth_sspi.h \
	interop/rpcsec/rpc_test_proto.c interop/rpcsec/rpc_test_proto.h
interop_rpcsec_librpcsec_la_CFLAGS = $(AM_CFLAGS) $(TIRPC_CFLAGS)
interop_rpcsec_librpcsec_la_LIBADD = libsspibridge.la $(TIRPC_LIBS) $(PTHREAD_LIBS)

# Not installed: the interop matrix finds them in the build tree (or --rpc-client,
# --rpc-server).
noinst_PROGRAMS += interop/rpcsec/rpc-test-server interop/rpcsec/rpc-sspi-client
interop_rpcsec_rpc_test_server_SOURCES = interop/rpcsec/rpc_test_server.c
interop_rpcsec_rpc_test_server_CFLAGS = $(AM_CFLAGS) $(TIRPC_CFLAGS)
interop_rpcsec_rpc_test_server_LDADD = interop/rpcsec/librpcsec.la $(TIRPC_LIBS) \
	$(GSSAPI_LIBS)
interop_rpcsec_rpc_sspi_client_SOURCES = interop/rpcsec/rpc_sspi_client.c \
	interop/rpcsec/rpc_gss_control.c interop/rpcsec/rpc_gss_control.h
interop_rpcsec_rpc_sspi_client_CFLAGS = $(AM_CFLAGS) $(TIRPC_CFLAGS)
interop_rpcsec_rpc_sspi_client_LDADD = interop/rpcsec/librpcsec.la libsspibridge.la \
	$(TIRPC_LIBS) $(GSSAPI_LIBS) $(PTHREAD_LIBS)

if HAVE_CUNIT
# make check: a throwaway realm, rpc-test-server, auth_sspi in-process for none,
# integrity and privacy (principal and service level as the server saw them, echo, a
# sum spanning several TCP records, tampered calls and replies), and the control.
check_PROGRAMS += interop/rpcsec/test_rpcsec
TESTS += interop/rpcsec/test_rpcsec
interop_rpcsec_test_rpcsec_SOURCES = interop/rpcsec/test_rpcsec.c
interop_rpcsec_test_rpcsec_CFLAGS = $(AM_CFLAGS) $(TIRPC_CFLAGS) $(CUNIT_CFLAGS)
interop_rpcsec_test_rpcsec_LDADD = interop/rpcsec/librpcsec.la tests/realm/librealm.la \
	libsspibridge.la $(TIRPC_LIBS) $(CUNIT_LIBS) $(PTHREAD_LIBS)
endif
endif
