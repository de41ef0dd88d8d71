# Unit tests: CUnit programs that need no KDC. One block per program.
check_PROGRAMS += tests/unit/test_map_utf
TESTS += tests/unit/test_map_utf
tests_unit_test_map_utf_SOURCES = tests/unit/test_map_utf.c
tests_unit_test_map_utf_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_unit_test_map_utf_LDADD = libsspimappings.la $(CUNIT_LIBS)

check_PROGRAMS += tests/unit/test_map_time
TESTS += tests/unit/test_map_time
tests_unit_test_map_time_SOURCES = tests/unit/test_map_time.c
tests_unit_test_map_time_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_unit_test_map_time_LDADD = libsspimappings.la $(CUNIT_LIBS)

check_PROGRAMS += tests/unit/test_map_flags
TESTS += tests/unit/test_map_flags
tests_unit_test_map_flags_SOURCES = tests/unit/test_map_flags.c
tests_unit_test_map_flags_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_unit_test_map_flags_LDADD = libsspimappings.la $(CUNIT_LIBS)

check_PROGRAMS += tests/unit/test_map_package
TESTS += tests/unit/test_map_package
tests_unit_test_map_package_SOURCES = tests/unit/test_map_package.c
tests_unit_test_map_package_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_unit_test_map_package_LDADD = libsspimappings.la $(CUNIT_LIBS)

check_PROGRAMS += tests/unit/test_map_enctype
TESTS += tests/unit/test_map_enctype
tests_unit_test_map_enctype_SOURCES = tests/unit/test_map_enctype.c
tests_unit_test_map_enctype_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_unit_test_map_enctype_LDADD = libsspimappings.la $(CUNIT_LIBS)

check_PROGRAMS += tests/unit/test_map_status
TESTS += tests/unit/test_map_status
tests_unit_test_map_status_SOURCES = tests/unit/test_map_status.c
tests_unit_test_map_status_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_unit_test_map_status_LDADD = libsspimappings.la $(CUNIT_LIBS)

# Bridge units that need no KDC (they link the whole bridge to reach its internals).
check_PROGRAMS += tests/unit/test_handle
TESTS += tests/unit/test_handle
tests_unit_test_handle_SOURCES = tests/unit/test_handle.c
tests_unit_test_handle_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_unit_test_handle_LDADD = libsspicore.la $(CUNIT_LIBS) $(PTHREAD_LIBS)

check_PROGRAMS += tests/unit/test_packages
TESTS += tests/unit/test_packages
tests_unit_test_packages_SOURCES = tests/unit/test_packages.c
tests_unit_test_packages_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_unit_test_packages_LDADD = libsspicore.la $(CUNIT_LIBS)

check_PROGRAMS += tests/unit/test_map_name
TESTS += tests/unit/test_map_name
tests_unit_test_map_name_SOURCES = tests/unit/test_map_name.c
tests_unit_test_map_name_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_unit_test_map_name_LDADD = libsspimappings.la $(CUNIT_LIBS)

check_PROGRAMS += tests/unit/test_map_iov
TESTS += tests/unit/test_map_iov
tests_unit_test_map_iov_SOURCES = tests/unit/test_map_iov.c
tests_unit_test_map_iov_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_unit_test_map_iov_LDADD = libsspimappings.la $(CUNIT_LIBS)
