/* The measuring harness (bench_run.h). */
#include "bench/bench_run.h"

#include "bench/alloc_count.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The callgrind requests when valgrind's headers are installed (cppcheck cannot evaluate
 * __has_include). */
#if defined(__has_include) && !defined(__CPPCHECK__)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define BENCH_HAVE_CALLGRIND 1
#endif
#endif

static const char *const run_side_name[BENCH_SIDES] = {"bridge", "raw"};

uint64_t bench_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t bench_cpu_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* One batch of one side: prep untimed, then run timed; allocations counted over run. */
static int run_batch(const bench_case *c, const bench_opts *o, int s, size_t iters, uint64_t *ns,
                     uint64_t *allocs)
{
    const bench_side *sd = &c->side[s];
    uint64_t (*now)(void) = o->wall ? bench_now_ns : bench_cpu_ns;
    if (sd->prep != NULL && sd->prep(sd->arg, iters) != 0)
        return -1;
    uint64_t a0 = alloc_count_calls();
    uint64_t t0 = now();
    int rc = sd->run(sd->arg, iters);
    uint64_t t1 = now();
    uint64_t a1 = alloc_count_calls();
    if (rc != 0) {
        fprintf(stderr, "sspibench: %s, %s side failed\n", c->id, run_side_name[s]);
        return -1;
    }
    *ns = t1 - t0;
    *allocs = a1 - a0;
    return 0;
}

/* The batch size: grown from 1 until both sides' batches last batch_ms (each side warm:
 * its first calls derive and cache keys). */
static int run_calibrate(const bench_case *c, const bench_opts *o, size_t *iters)
{
    uint64_t want = (uint64_t)(o->batch_ms * 1e6), ns, allocs;
    size_t n = 1;
    for (;;) {
        uint64_t fastest = UINT64_MAX;
        for (int s = 0; s < BENCH_SIDES; s++) {
            if (run_batch(c, o, s, n, &ns, &allocs) != 0)
                return -1;
            if (ns < fastest)
                fastest = ns;
        }
        if (fastest >= want || (c->max_iters != 0 && n >= c->max_iters) || n >= (1u << 24))
            break;
        /* Jump close to the goal, at most 8x per step. */
        size_t grow = fastest > 0 ? (size_t)(want / fastest) + 1 : 8;
        if (grow < 2)
            grow = 2;
        if (grow > 8)
            grow = 8;
        n *= grow;
        if (c->max_iters != 0 && n > c->max_iters)
            n = c->max_iters;
    }
    *iters = n;
    return 0;
}

static int run_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double run_median(double *v, size_t n)
{
    qsort(v, n, sizeof(*v), run_cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* A distribution-free 95 % confidence interval of the median of n sorted values: the
 * order statistics n/2 -+ 1.96 sqrt(n)/2 (the binomial(n, 1/2) normal approximation). */
static void run_median_ci(const double *sorted, size_t n, double *lo, double *hi)
{
    double half = 0.98 * sqrt((double)n);
    double l = floor((double)n / 2 - half), h = ceil((double)n / 2 + half);
    *lo = sorted[l < 0 ? 0 : (size_t)l];
    *hi = sorted[h > (double)(n - 1) ? n - 1 : (size_t)h];
}

/* The per-round samples, grown as rounds are added. */
typedef struct run_samples {
    double *t[BENCH_SIDES], *paired, *sorted;
    size_t n, cap;
} run_samples;

static int run_samples_grow(run_samples *sm, size_t need)
{
    if (need <= sm->cap)
        return 0;
    size_t cap = sm->cap ? sm->cap * 2 : 64;
    while (cap < need)
        cap *= 2;
    double **arrays[] = {&sm->t[0], &sm->t[1], &sm->paired, &sm->sorted};
    for (size_t i = 0; i < sizeof(arrays) / sizeof(arrays[0]); i++) {
        double *p = realloc(*arrays[i], cap * sizeof(double));
        if (p == NULL)
            return -1;
        *arrays[i] = p;
    }
    sm->cap = cap;
    return 0;
}

int bench_measure(const bench_case *c, const bench_opts *o, bench_result *r)
{
    size_t min_rounds = o->rounds ? o->rounds : 1, iters;
    run_samples sm = {{NULL, NULL}, NULL, NULL, 0, 0};
    uint64_t alloc_sum[BENCH_SIDES] = {0, 0};
    uint64_t deadline;
    double lo = 0, hi = 0;
    int rc = -1;

    memset(r, 0, sizeof(*r));
    if (run_calibrate(c, o, &iters) != 0)
        goto cleanup;
    deadline = bench_now_ns() + (uint64_t)(o->case_seconds * 1e9);

    /* At least min_rounds rounds; then more, 16 at a time, until the median ratio is known
     * to +-precision (95 % interval) or the case has had its time. */
    for (;;) {
        size_t target = sm.n < min_rounds ? min_rounds : sm.n + 16;
        if (run_samples_grow(&sm, target) != 0)
            goto cleanup;
        for (size_t k = sm.n; k < target; k++) {
            /* ABBA: bridge first on even rounds, raw first on odd ones. */
            for (int j = 0; j < BENCH_SIDES; j++) {
                int s = (k % 2 == 0) ? j : BENCH_SIDES - 1 - j;
                uint64_t ns, allocs;
                if (run_batch(c, o, s, iters, &ns, &allocs) != 0)
                    goto cleanup;
                sm.t[s][k] = (double)ns / (double)iters;
                alloc_sum[s] += allocs;
            }
            sm.paired[k] = sm.t[BENCH_BRIDGE][k] / sm.t[BENCH_RAW][k];
        }
        sm.n = target;
        memcpy(sm.sorted, sm.paired, sm.n * sizeof(double));
        qsort(sm.sorted, sm.n, sizeof(double), run_cmp_double);
        run_median_ci(sm.sorted, sm.n, &lo, &hi);
        if ((hi - lo) / 2 <= o->precision || bench_now_ns() >= deadline)
            break;
    }

    r->iters = iters;
    r->rounds = sm.n;
    for (int s = 0; s < BENCH_SIDES; s++) {
        r->median_ns[s] = run_median(sm.t[s], sm.n);
        r->min_ns[s] = sm.t[s][0]; /* sorted by run_median */
        r->allocs[s] = (double)alloc_sum[s] / (double)(iters * sm.n);
    }
    /* Each round's two batches ran back to back, so their ratio cancels what drifts
     * slower than a round (other processes, frequency, cache owners); the median of those
     * ratios is the estimate the targets are judged by. */
    r->ratio = run_median(sm.sorted, sm.n);
    r->ratio_lo = lo;
    r->ratio_hi = hi;
    r->ratio_q1 = sm.sorted[sm.n / 4];
    r->ratio_q3 = sm.sorted[(3 * sm.n) / 4];
    r->ratio_medians = r->median_ns[BENCH_BRIDGE] / r->median_ns[BENCH_RAW];
    rc = 0;

cleanup:
    free(sm.t[0]);
    free(sm.t[1]);
    free(sm.paired);
    free(sm.sorted);
    return rc;
}

int bench_callgrind_available(void)
{
#ifdef BENCH_HAVE_CALLGRIND
    return RUNNING_ON_VALGRIND != 0;
#else
    return 0;
#endif
}

int bench_callgrind(const bench_case *c, bench_result *r)
{
#ifdef BENCH_HAVE_CALLGRIND
    size_t iters = c->cg_iters ? c->cg_iters : 1;
    memset(r, 0, sizeof(*r));
    r->iters = iters;
    r->rounds = 1;
    for (int s = 0; s < BENCH_SIDES; s++) {
        const bench_side *sd = &c->side[s];
        char desc[160];
        /* Warm: the first calls of each kind derive and cache keys. */
        if ((sd->prep != NULL && sd->prep(sd->arg, 1) != 0) || sd->run(sd->arg, 1) != 0)
            return -1;
        if (sd->prep != NULL && sd->prep(sd->arg, iters) != 0)
            return -1;
        uint64_t a0 = alloc_count_calls();
        CALLGRIND_ZERO_STATS;
        CALLGRIND_TOGGLE_COLLECT;
        int rc = sd->run(sd->arg, iters);
        CALLGRIND_TOGGLE_COLLECT;
        uint64_t a1 = alloc_count_calls();
        snprintf(desc, sizeof(desc), "sspibench %s %s %zu %llu", c->id, run_side_name[s], iters,
                 (unsigned long long)(a1 - a0));
        CALLGRIND_DUMP_STATS_AT(desc);
        if (rc != 0) {
            fprintf(stderr, "sspibench: %s, %s side failed\n", c->id, run_side_name[s]);
            return -1;
        }
        r->allocs[s] = (double)(a1 - a0) / (double)iters;
    }
    return 0;
#else
    (void)c;
    (void)r;
    fprintf(stderr, "sspibench: built without <valgrind/callgrind.h>\n");
    return -1;
#endif
}
