# Reliability suites (issue 8): malformed arguments, handle misuse, faults, out-of-memory,
# secrets in freed memory, concurrency. Each brings up its own throwaway realm.
noinst_LTLIBRARIES += tests/reliability/librel.la
tests_reliability_librel_la_SOURCES = tests/reliability/rel_common.c tests/reliability/rel_common.h

REL_LDADD = tests/reliability/librel.la tests/common/libestablish.la tests/realm/librealm.la \
	libsspicore.la $(CUNIT_LIBS) $(GSSAPI_LIBS) $(KRB5_LIBS) $(PTHREAD_LIBS)

check_PROGRAMS += tests/reliability/test_misuse
TESTS += tests/reliability/test_misuse
tests_reliability_test_misuse_SOURCES = tests/reliability/test_misuse.c
tests_reliability_test_misuse_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_reliability_test_misuse_LDADD = $(REL_LDADD)

check_PROGRAMS += tests/reliability/test_handles
TESTS += tests/reliability/test_handles
tests_reliability_test_handles_SOURCES = tests/reliability/test_handles.c
tests_reliability_test_handles_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_reliability_test_handles_LDADD = $(REL_LDADD)

check_PROGRAMS += tests/reliability/test_faults
TESTS += tests/reliability/test_faults
tests_reliability_test_faults_SOURCES = tests/reliability/test_faults.c
tests_reliability_test_faults_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_reliability_test_faults_LDADD = $(REL_LDADD)

# Out of memory: the counting allocator sits between the objects linked into the program
# (the bridge's convenience libraries included) and the C library, through the linker's
# --wrap. Shared libraries (MIT, CUnit, libc itself) keep the real allocator.
OOM_WRAP_FLAGS = -Wl,--wrap=malloc -Wl,--wrap=calloc -Wl,--wrap=realloc -Wl,--wrap=free \
	-Wl,--wrap=strdup -Wl,--wrap=strndup
check_PROGRAMS += tests/reliability/test_oom
TESTS += tests/reliability/test_oom
tests_reliability_test_oom_SOURCES = tests/reliability/test_oom.c tests/reliability/oom_wrap.c \
	tests/reliability/oom_wrap.h
tests_reliability_test_oom_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_reliability_test_oom_LDFLAGS = $(OOM_WRAP_FLAGS)
tests_reliability_test_oom_LDADD = $(REL_LDADD)

check_PROGRAMS += tests/reliability/test_stress
TESTS += tests/reliability/test_stress
tests_reliability_test_stress_SOURCES = tests/reliability/test_stress.c
tests_reliability_test_stress_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_reliability_test_stress_LDADD = $(REL_LDADD)

# make check-tsan: the multi-threaded suites built with ThreadSanitizer in tsan-build/ (clang,
# configured once, then rebuilt incrementally). Only those programs and what they link are
# built (not "make check", which would build the whole tree first: CI time). Reports inside MIT's libraries, which are
# not instrumented, are described and suppressed in tests/tsan.supp.
# make check-asan: every suite with AddressSanitizer and UndefinedBehaviorSanitizer in
# asan-build/ (LeakSanitizer off: MIT keeps process-lifetime caches; check-valgrind and
# test_oom's own allocator check the bridge's leaks).
SANITIZER_CC = $(FUZZ_CC)
TSAN_TESTS = tests/reliability/test_stress tests/reliability/test_handles \
	tests/integration/test_message tests/unit/test_handle
TSAN_CFLAGS = -g -O1 -fno-omit-frame-pointer -fsanitize=thread
ASAN_CFLAGS = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
EXTRA_DIST += tests/tsan.supp tests/cppcheck.supp tests/.clang-tidy .clang-tidy
# TSAN_TREE=. runs them in this tree instead, when it was configured with TSAN_CFLAGS (CI's
# clang tree is: it proves the clang -Werror build and serves TSan with one build).
TSAN_TREE = tsan-build
check-tsan:
	@test -n '$(SANITIZER_CC)' || { echo "make check-tsan: no clang found by configure"; exit 1; }
	@if test '$(TSAN_TREE)' = .; then \
	  case ' $(CFLAGS) ' in *' -fsanitize=thread '*) ;; \
	  *) echo "make check-tsan TSAN_TREE=.: this tree was not configured with -fsanitize=thread"; exit 1 ;; \
	  esac; \
	fi
	$(MKDIR_P) '$(TSAN_TREE)'
	test -f '$(TSAN_TREE)/Makefile' || (cd '$(TSAN_TREE)' && '$(abs_top_srcdir)/configure' --enable-werror \
	  CC='$(SANITIZER_CC)' CFLAGS='$(TSAN_CFLAGS)' LDFLAGS='-fsanitize=thread' >configure.out)
	$(MAKE) $(AM_MAKEFLAGS) -C '$(TSAN_TREE)' $(TSAN_TESTS)
	TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 history_size=4 suppressions=$(abs_top_srcdir)/tests/tsan.supp" \
	  $(MAKE) $(AM_MAKEFLAGS) -C '$(TSAN_TREE)' check-TESTS TESTS='$(TSAN_TESTS)'
check-asan:
	@test -n '$(SANITIZER_CC)' || { echo "make check-asan: no clang found by configure"; exit 1; }
	$(MKDIR_P) asan-build
	test -f asan-build/Makefile || (cd asan-build && '$(abs_top_srcdir)/configure' --enable-werror \
	  CC='$(SANITIZER_CC)' CXX=clang++ CFLAGS='$(ASAN_CFLAGS)' CXXFLAGS='-g -O1 -fsanitize=address,undefined' \
	  LDFLAGS='-fsanitize=address,undefined' >configure.out)
	ASAN_OPTIONS="detect_leaks=0 abort_on_error=1" UBSAN_OPTIONS="halt_on_error=1 print_stacktrace=1" \
	  $(MAKE) $(AM_MAKEFLAGS) -C asan-build check

check_PROGRAMS += tests/reliability/test_secrets
TESTS += tests/reliability/test_secrets
tests_reliability_test_secrets_SOURCES = tests/reliability/test_secrets.c tests/reliability/oom_wrap.c \
	tests/reliability/oom_wrap.h
tests_reliability_test_secrets_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_reliability_test_secrets_LDFLAGS = $(OOM_WRAP_FLAGS)
tests_reliability_test_secrets_LDADD = $(REL_LDADD)
