# Benchmarks (issue 9): sspibench compares the bridge with raw GSSAPI in one process and one
# run. Built by `make`, run by `make bench` and `make bench-callgrind`; never part of
# `make check`. See docs/PERFORMANCE.md.
# MIT only: its raw baseline is MIT's IOV MIC calls (gss_get_mic_iov), which Heimdal lacks
# (README, "Heimdal backend").
if BACKEND_MIT
noinst_PROGRAMS += bench/sspibench
endif
bench_sspibench_SOURCES = \
	bench/sspibench.c \
	bench/alloc_count.c bench/alloc_count.h \
	bench/bench_msg.c bench/bench_msg.h \
	bench/bench_pair.c bench/bench_pair.h \
	bench/bench_report.c bench/bench_report.h \
	bench/bench_run.c bench/bench_run.h \
	tests/realm/realm.c tests/realm/realm.h
# The realm script's path for a run by hand (make bench sets SSPIBRIDGE_REALM itself).
bench_sspibench_CPPFLAGS = $(AM_CPPFLAGS) \
	-DSSPIBRIDGE_REALM_SCRIPT='"$(abs_top_srcdir)/tests/realm/sspibridge-realm"'
# The installed library, as users link it (only Windows' names and sspibridge_* exported).
bench_sspibench_LDADD = libsspibridge.la $(GSSAPI_LIBS) $(KRB5_LIBS) -lm

# make bench BENCH_FLAGS='--quick --check'
BENCH_FLAGS =
BENCH_JSON = bench/results.json
BENCH_VALGRIND = valgrind
bench: bench/sspibench$(EXEEXT)
	$(AM_TESTS_ENVIRONMENT) ./bench/sspibench$(EXEEXT) --json $(BENCH_JSON) $(BENCH_FLAGS)

# Instruction counts: each case's bridge and raw phases are dumped separately
# (bench/cg.out.N), then read back into a table.
bench-callgrind: bench/sspibench$(EXEEXT)
	rm -f bench/cg.out bench/cg.out.*
	$(AM_TESTS_ENVIRONMENT) $(LIBTOOL) --mode=execute $(BENCH_VALGRIND) --tool=callgrind \
		--collect-atstart=no --callgrind-out-file=bench/cg.out \
		./bench/sspibench$(EXEEXT) --callgrind $(BENCH_FLAGS)
	./bench/sspibench$(EXEEXT) --callgrind-report bench/cg.out.* --json bench/callgrind.json

CLEANFILES += $(BENCH_JSON) bench/callgrind.json bench/cg.out bench/cg.out.*
.PHONY: bench bench-callgrind
