# Test programs: CUnit suites (unit: no KDC; integration: throwaway realm) and header checks.
EXTRA_DIST += tests/common/test_main.h
if HAVE_CUNIT
include tests/unit/local.mk
include tests/realm/local.mk
include tests/integration/local.mk
include tests/reliability/local.mk
include tests/fuzz/local.mk
endif
include tests/headers/local.mk
