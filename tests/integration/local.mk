# Integration suites: each brings up a throwaway realm (tests/realm) of its own.
check_PROGRAMS += tests/integration/test_realm
TESTS += tests/integration/test_realm
tests_integration_test_realm_SOURCES = tests/integration/test_realm.c
# MIT's API on either backend: it checks the MIT realm, not the bridge (configure.ac).
tests_integration_test_realm_CFLAGS = -std=c11 $(WARN_CFLAGS) $(MIT_KRB5_CFLAGS) $(CUNIT_CFLAGS)
tests_integration_test_realm_LDADD = tests/realm/librealm.la $(CUNIT_LIBS) $(MIT_KRB5_LIBS)

# Shared by the bridge's integration suites: an in-process establishment loop.
noinst_LTLIBRARIES += tests/common/libestablish.la
tests_common_libestablish_la_SOURCES = tests/common/establish.c tests/common/establish.h

check_PROGRAMS += tests/integration/test_kerberos
TESTS += tests/integration/test_kerberos
tests_integration_test_kerberos_SOURCES = tests/integration/test_kerberos.c
tests_integration_test_kerberos_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_integration_test_kerberos_LDADD = tests/common/libestablish.la tests/realm/librealm.la \
	libsspicore.la $(CUNIT_LIBS) $(GSSAPI_LIBS) $(KRB5_LIBS)

check_PROGRAMS += tests/integration/test_attributes
TESTS += tests/integration/test_attributes
tests_integration_test_attributes_SOURCES = tests/integration/test_attributes.c
tests_integration_test_attributes_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_integration_test_attributes_LDADD = tests/realm/librealm.la libsspicore.la $(CUNIT_LIBS) \
	$(GSSAPI_LIBS) $(KRB5_LIBS)

check_PROGRAMS += tests/integration/test_export
TESTS += tests/integration/test_export
tests_integration_test_export_SOURCES = tests/integration/test_export.c
tests_integration_test_export_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_integration_test_export_LDADD = tests/realm/librealm.la libsspicore.la $(CUNIT_LIBS) \
	$(GSSAPI_LIBS) $(KRB5_LIBS)

check_PROGRAMS += tests/integration/test_message
TESTS += tests/integration/test_message
tests_integration_test_message_SOURCES = tests/integration/test_message.c
tests_integration_test_message_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_integration_test_message_LDADD = tests/common/libestablish.la tests/realm/librealm.la \
	libsspicore.la $(CUNIT_LIBS) $(GSSAPI_LIBS) $(KRB5_LIBS) $(PTHREAD_LIBS)

check_PROGRAMS += tests/integration/test_ntlm
TESTS += tests/integration/test_ntlm
tests_integration_test_ntlm_SOURCES = tests/integration/test_ntlm.c
tests_integration_test_ntlm_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_integration_test_ntlm_LDADD = tests/common/libestablish.la tests/realm/librealm.la \
	libsspicore.la $(CUNIT_LIBS) $(GSSAPI_LIBS) $(KRB5_LIBS)

check_PROGRAMS += tests/integration/test_negotiate
TESTS += tests/integration/test_negotiate
tests_integration_test_negotiate_SOURCES = tests/integration/test_negotiate.c
tests_integration_test_negotiate_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_integration_test_negotiate_LDADD = tests/common/libestablish.la tests/realm/librealm.la \
	libsspicore.la $(CUNIT_LIBS) $(GSSAPI_LIBS) $(KRB5_LIBS)
