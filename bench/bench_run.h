/* The measuring harness: a case is one operation done by the bridge and by raw GSSAPI;
 * bench_measure times both in alternating batches (ABBA order, so drift and machine noise
 * hit both alike) and takes medians; bench_callgrind runs a fixed number of operations per
 * side as separate marked phases for valgrind --tool=callgrind. */
#ifndef SSPIBENCH_BENCH_RUN_H
#define SSPIBENCH_BENCH_RUN_H

#include "bench/bench_msg.h"

#include <stddef.h>
#include <stdint.h>

/* Does iters operations (run) or readies them untimed (prep, may be NULL). 0 or -1. */
typedef int (*bench_fn)(void *arg, size_t iters);

typedef struct bench_side {
    bench_fn prep;
    bench_fn run;
    void *arg;
} bench_side;

typedef struct bench_case {
    char id[96];             /* "aes256-cts-hmac-sha1-96/wrap/1024": JSON and callgrind key */
    const char *etype;
    const char *op;          /* "wrap", "stream", "mic", "establish" */
    size_t size;             /* message bytes; 0 for establishment */
    double target;           /* the ratio bridge/raw the issue allows */
    int per_message;         /* the bridge may allocate nothing per operation */
    bench_side side[BENCH_SIDES];
    size_t max_iters;        /* most operations one batch may do (0: no bound) */
    size_t cg_iters;         /* operations per phase under callgrind */
} bench_case;

typedef struct bench_opts {
    size_t rounds;           /* at least this many rounds (one batch per side each) */
    double batch_ms;         /* a batch lasts at least this long */
    double precision;        /* then more rounds until the 95 % interval of the median
                              * ratio is within +-precision ... */
    double case_seconds;     /* ... or the case has run this long */
    int wall;                /* time with CLOCK_MONOTONIC, not the thread's CPU time */
} bench_opts;

typedef struct bench_result {
    size_t iters;            /* operations per batch */
    size_t rounds;
    double median_ns[BENCH_SIDES];
    double min_ns[BENCH_SIDES];
    double ratio;            /* median of each round's bridge/raw: the judged ratio */
    double ratio_medians;    /* median bridge / median raw */
    double ratio_lo, ratio_hi; /* 95 % confidence interval of ratio */
    double ratio_q1, ratio_q3; /* quartiles of the per-round ratios: the noise */
    double allocs[BENCH_SIDES]; /* heap allocations per operation */
} bench_result;

/* Times c. 0, or -1 when an operation failed. */
int bench_measure(const bench_case *c, const bench_opts *o, bench_result *r);

/* Under callgrind (started with --collect-atstart=no): for each side, readies cg_iters
 * operations, collects while running them and dumps the counts with the description
 * "sspibench <id> <side> <iters> <allocations>". Also fills r->allocs. 0 or -1. */
int bench_callgrind(const bench_case *c, bench_result *r);
/* Whether the process runs under valgrind with the callgrind requests compiled in. */
int bench_callgrind_available(void);

/* Nanoseconds on the monotonic clock, or of this thread's CPU time (user and system: the
 * time the benchmark itself ran, not the time other processes held the CPU). */
uint64_t bench_now_ns(void);
uint64_t bench_cpu_ns(void);

#endif
