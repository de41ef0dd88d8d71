# The throwaway realm harness.  sspibridge-realm (bash) makes a private MIT realm in a
# temporary directory, for people by hand, for the integration suites and for the interop
# matrix; librealm is its C API for CUnit suites (realm.h).
# (installed and distributed through interop/local.mk)
noinst_LTLIBRARIES += tests/realm/librealm.la
tests_realm_librealm_la_SOURCES = tests/realm/realm.c tests/realm/realm.h
# The script's path when SSPIBRIDGE_REALM / SSPIBRIDGE_SRCDIR are not set (a test program
# run by hand, outside make check).
tests_realm_librealm_la_CPPFLAGS = $(AM_CPPFLAGS) \
	-DSSPIBRIDGE_REALM_SCRIPT='"$(abs_top_srcdir)/tests/realm/sspibridge-realm"'
