# Fuzzing (issue 8): libFuzzer targets for hostile tokens and SecBufferDesc shapes.
#  - make check replays the committed seed corpora (and crash reproducers under
#    tests/fuzz/regressions/) through the targets' code, built like every other test;
#  - make fuzz builds the targets with clang -fsanitize=fuzzer,address,undefined in a
#    sub-tree (fuzz-build/) and runs each for FUZZ_SECONDS (skipped, with a message, when
#    configure found no such clang);
#  - make fuzz-corpus regenerates the seed corpora from a throwaway realm's real tokens.
EXTRA_DIST += tests/fuzz/corpus tests/fuzz/regressions tests/fuzz/run-fuzz tests/fuzz/lsan.supp

noinst_LTLIBRARIES += tests/fuzz/libfuzz.la
tests_fuzz_libfuzz_la_SOURCES = tests/fuzz/fuzz_common.c tests/fuzz/fuzz_common.h
FUZZ_LDADD = tests/fuzz/libfuzz.la tests/reliability/librel.la tests/common/libestablish.la \
	tests/realm/librealm.la libsspicore.la $(GSSAPI_LIBS) $(KRB5_LIBS) $(PTHREAD_LIBS)

# The replay program links each target's own source once more, built without libFuzzer and
# with its two entry points renamed (replay_<target>_initialize / _one), so five targets fit
# in one program: one convenience library per target, since the names differ per target.
REPLAY_LIBS = tests/fuzz/libreplay_accept.la tests/fuzz/libreplay_init_reply.la \
	tests/fuzz/libreplay_decrypt.la tests/fuzz/libreplay_verify.la tests/fuzz/libreplay_descriptor.la
check_LTLIBRARIES = $(REPLAY_LIBS)
tests_fuzz_libreplay_accept_la_SOURCES = tests/fuzz/fuzz_accept.c
tests_fuzz_libreplay_accept_la_CPPFLAGS = $(AM_CPPFLAGS) -DLLVMFuzzerInitialize=replay_accept_initialize \
	-DLLVMFuzzerTestOneInput=replay_accept_one
tests_fuzz_libreplay_init_reply_la_SOURCES = tests/fuzz/fuzz_init_reply.c
tests_fuzz_libreplay_init_reply_la_CPPFLAGS = $(AM_CPPFLAGS) -DLLVMFuzzerInitialize=replay_init_reply_initialize \
	-DLLVMFuzzerTestOneInput=replay_init_reply_one
tests_fuzz_libreplay_decrypt_la_SOURCES = tests/fuzz/fuzz_decrypt.c
tests_fuzz_libreplay_decrypt_la_CPPFLAGS = $(AM_CPPFLAGS) -DLLVMFuzzerInitialize=replay_decrypt_initialize \
	-DLLVMFuzzerTestOneInput=replay_decrypt_one
tests_fuzz_libreplay_verify_la_SOURCES = tests/fuzz/fuzz_verify.c
tests_fuzz_libreplay_verify_la_CPPFLAGS = $(AM_CPPFLAGS) -DLLVMFuzzerInitialize=replay_verify_initialize \
	-DLLVMFuzzerTestOneInput=replay_verify_one
tests_fuzz_libreplay_descriptor_la_SOURCES = tests/fuzz/fuzz_descriptor.c
tests_fuzz_libreplay_descriptor_la_CPPFLAGS = $(AM_CPPFLAGS) -DLLVMFuzzerInitialize=replay_descriptor_initialize \
	-DLLVMFuzzerTestOneInput=replay_descriptor_one

check_PROGRAMS += tests/fuzz/replay_corpus
TESTS += tests/fuzz/replay_corpus
tests_fuzz_replay_corpus_SOURCES = tests/fuzz/replay_main.c
tests_fuzz_replay_corpus_LDADD = $(REPLAY_LIBS) $(FUZZ_LDADD)

EXTRA_PROGRAMS = tests/fuzz/make_corpus
tests_fuzz_make_corpus_SOURCES = tests/fuzz/make_corpus.c
tests_fuzz_make_corpus_LDADD = $(FUZZ_LDADD)
CLEANFILES += tests/fuzz/make_corpus$(EXEEXT)

fuzz-corpus: tests/fuzz/make_corpus$(EXEEXT)
	rm -rf $(srcdir)/tests/fuzz/corpus
	SSPIBRIDGE_SRCDIR='$(abs_top_srcdir)' SSPIBRIDGE_REALM='$(abs_top_srcdir)/tests/realm/sspibridge-realm' \
		KRB5KDC='$(KRB5KDC)' KADMIN_LOCAL='$(KADMIN_LOCAL)' KDB5_UTIL='$(KDB5_UTIL)' \
		tests/fuzz/make_corpus$(EXEEXT) $(srcdir)/tests/fuzz/corpus

# The libFuzzer programs themselves exist in the fuzz sub-tree only.
FUZZ_TARGET_LIST = tests/fuzz/fuzz_accept tests/fuzz/fuzz_init_reply tests/fuzz/fuzz_decrypt \
	tests/fuzz/fuzz_verify tests/fuzz/fuzz_descriptor
if FUZZ_TARGETS
noinst_PROGRAMS += $(FUZZ_TARGET_LIST)
endif
FUZZER_LINK_FLAGS = -fsanitize=fuzzer
tests_fuzz_fuzz_accept_SOURCES = tests/fuzz/fuzz_accept.c
tests_fuzz_fuzz_accept_LDADD = $(FUZZ_LDADD)
tests_fuzz_fuzz_accept_LDFLAGS = $(FUZZER_LINK_FLAGS)
tests_fuzz_fuzz_init_reply_SOURCES = tests/fuzz/fuzz_init_reply.c
tests_fuzz_fuzz_init_reply_LDADD = $(FUZZ_LDADD)
tests_fuzz_fuzz_init_reply_LDFLAGS = $(FUZZER_LINK_FLAGS)
tests_fuzz_fuzz_decrypt_SOURCES = tests/fuzz/fuzz_decrypt.c
tests_fuzz_fuzz_decrypt_LDADD = $(FUZZ_LDADD)
tests_fuzz_fuzz_decrypt_LDFLAGS = $(FUZZER_LINK_FLAGS)
tests_fuzz_fuzz_verify_SOURCES = tests/fuzz/fuzz_verify.c
tests_fuzz_fuzz_verify_LDADD = $(FUZZ_LDADD)
tests_fuzz_fuzz_verify_LDFLAGS = $(FUZZER_LINK_FLAGS)
tests_fuzz_fuzz_descriptor_SOURCES = tests/fuzz/fuzz_descriptor.c
tests_fuzz_fuzz_descriptor_LDADD = $(FUZZ_LDADD)
tests_fuzz_fuzz_descriptor_LDFLAGS = $(FUZZER_LINK_FLAGS)

FUZZ_SECONDS = 30
# How many targets fuzz at once (each is one process): CI passes its core count.
FUZZ_JOBS = 1
FUZZ_CFLAGS = -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined \
	-fno-sanitize-recover=undefined
FUZZ_SANITIZE_LINK = -fsanitize=address,undefined
# Where the targets are built: a sub-tree configured on first use, or "." for a tree that was
# itself configured with --enable-fuzz-targets and FUZZ_CFLAGS (CI's ASan+UBSan tree is: its
# suites and the fuzz pass then share one build).
FUZZ_TREE = fuzz-build
if FUZZ_TARGETS
FUZZ_TREE_SELF = yes
else
FUZZ_TREE_SELF = no
endif

fuzz:
	@if test '$(HAVE_FUZZER)' != yes; then \
	  echo "make fuzz: skipped: configure found no clang that links -fsanitize=fuzzer" \
	       "(Debian: apt-get install clang libclang-rt-14-dev, then configure again)"; \
	  exit 0; \
	fi; \
	set -e; \
	if test '$(FUZZ_TREE)' = .; then \
	  case '$(FUZZ_TREE_SELF) $(CFLAGS)' in \
	  yes*-fsanitize=fuzzer-no-link*) ;; \
	  *) echo "make fuzz FUZZ_TREE=.: this tree was not configured with --enable-fuzz-targets" \
	          "and -fsanitize=fuzzer-no-link in CFLAGS"; exit 1 ;; \
	  esac; \
	else \
	  $(MKDIR_P) '$(FUZZ_TREE)'; \
	  if test ! -f '$(FUZZ_TREE)/Makefile'; then \
	    echo "make fuzz: configuring $(FUZZ_TREE)/ with $(FUZZ_CC)"; \
	    (cd '$(FUZZ_TREE)' && '$(abs_top_srcdir)/configure' --enable-fuzz-targets --enable-werror \
	      CC='$(FUZZ_CC)' CFLAGS='$(FUZZ_CFLAGS)' LDFLAGS='$(FUZZ_SANITIZE_LINK)' >configure.out); \
	  fi; \
	fi; \
	$(MAKE) $(AM_MAKEFLAGS) -C '$(FUZZ_TREE)' $(FUZZ_TARGET_LIST); \
	SSPIBRIDGE_SRCDIR='$(abs_top_srcdir)' SSPIBRIDGE_REALM='$(abs_top_srcdir)/tests/realm/sspibridge-realm' \
	KRB5KDC='$(KRB5KDC)' KADMIN_LOCAL='$(KADMIN_LOCAL)' KDB5_UTIL='$(KDB5_UTIL)' \
	  '$(abs_top_srcdir)/tests/fuzz/run-fuzz' --seconds '$(FUZZ_SECONDS)' --jobs '$(FUZZ_JOBS)' \
	    --corpus '$(abs_top_srcdir)/tests/fuzz/corpus' --work fuzz-work \
	    --lsan-suppressions '$(abs_top_srcdir)/tests/fuzz/lsan.supp' \
	    $(FUZZ_TARGET_LIST:%=$(FUZZ_TREE)/%)
