/* sspibench: what the bridge costs over raw GSSAPI, measured in one process and one run.
 *
 * For each session-key enctype it brings up a throwaway realm (tests/realm), establishes a
 * context pair through the bridge and one through raw GSSAPI, and compares the two on the
 * same operations (bench_msg.h, bench_pair.h): per-operation medians of alternating
 * batches, the ratio bridge/raw against the targets, and heap allocations per
 * operation. --callgrind runs the same operations a fixed number of times as marked phases
 * for valgrind --tool=callgrind; --callgrind-report reads the dumps back as a table of
 * instructions per operation. See docs/PERFORMANCE.md. */
#include "bench/alloc_count.h"
#include "bench/bench_msg.h"
#include "bench/bench_pair.h"
#include "bench/bench_report.h"
#include "bench/bench_run.h"

#include <dlfcn.h>
#include <gssapi/gssapi.h>
#include <sspibridge.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

typedef struct bench_etype {
    const char *name;   /* MIT's name, the realm's only enctype */
    const char *label;  /* in the table */
    const char *realm;
    int number;         /* RFC 3961 */
} bench_etype;

static const bench_etype bench_etypes[] = {
    {"aes256-cts-hmac-sha1-96", "aes256-sha1", "AES256SHA1.SSPIBENCH.TEST", 18},
    {"aes256-cts-hmac-sha384-192", "aes256-sha384", "AES256SHA384.SSPIBENCH.TEST", 20},
};
#define BENCH_NETYPES (sizeof(bench_etypes) / sizeof(bench_etypes[0]))

static const size_t bench_sizes[] = {16, 1024, 16384, 65536, 1048576};
#define BENCH_NSIZES (sizeof(bench_sizes) / sizeof(bench_sizes[0]))

static const char *const bench_msg_ops[] = {"wrap", "stream", "mic"};
#define BENCH_NOPS 3

/* At most this much memory for one side's prepared STREAM tokens. */
#define BENCH_STREAM_BYTES ((size_t)32 << 20)
#define BENCH_MAX_ROWS 64

typedef struct bench_args {
    const char *json;
    const char *only_etype;
    const char *only_op;
    size_t only_size;     /* 0: every size */
    int callgrind;
    int report;           /* --callgrind-report */
    char **dumps;         /* its dump files */
    size_t ndumps;
    int check;
    bench_opts opts;
} bench_args;

static void usage(FILE *f)
{
    fprintf(f,
            "usage: sspibench [options]\n"
            "       sspibench --callgrind-report DUMP... [--json FILE] [--check]\n"
            "  --json FILE        also write the results as JSON\n"
            "  --rounds N         at least N rounds (a batch per side each) per case\n"
            "                     (default 61)\n"
            "  --precision P      then rounds until the median ratio's 95%% interval is\n"
            "                     within +-P (default 0.01) ...\n"
            "  --case-s S         ... or the case has run S seconds (default 4)\n"
            "  --batch-ms MS      least duration of a batch (default 1)\n"
            "  --quick            --rounds 15 --batch-ms 0.5 --precision 0.03 --case-s 1\n"
            "  --wall             time with the monotonic clock (default: the thread's CPU\n"
            "                     time, which other processes' load does not inflate)\n"
            "  --etype LABEL      only aes256-sha1 or aes256-sha384\n"
            "  --op NAME          only establish, wrap, stream or mic\n"
            "  --size BYTES       only messages of that size\n"
            "  --check            exit 1 when a target is missed\n"
            "  --callgrind        fixed operation counts as callgrind phases (run under\n"
            "                     valgrind --tool=callgrind --collect-atstart=no)\n"
            "  --callgrind-report read those dumps and print instructions per operation\n");
}

/* Operations per callgrind phase: enough that per-call noise (a ccache read, a random
 * confounder) averages out, few enough that valgrind finishes in a minute or two. */
static size_t bench_cg_iters(const char *op, size_t size)
{
    if (strcmp(op, "establish") == 0)
        return 10;
    if (size <= 1024)
        return 200;
    if (size <= 16384)
        return 20;
    if (size <= 65536)
        return 8;
    return 2;
}

static int bench_wanted(const bench_args *a, const char *label, const char *op)
{
    return (a->only_etype == NULL || strcmp(a->only_etype, label) == 0) &&
           (a->only_op == NULL || strcmp(a->only_op, op) == 0);
}

static void bench_row_from(bench_row *row, const bench_case *c, const char *label,
                           const bench_result *r, int callgrind)
{
    memset(row, 0, sizeof(*row));
    snprintf(row->id, sizeof(row->id), "%s", c->id);
    snprintf(row->etype, sizeof(row->etype), "%.39s", label);
    snprintf(row->op, sizeof(row->op), "%.15s", c->op);
    row->size = c->size;
    row->target = c->target;
    row->per_message = c->per_message;
    row->r = *r;
    row->have_time = !callgrind;
}

/* Measures (or, under callgrind, marks) one case and adds its row. */
static int bench_one(const bench_args *a, const bench_case *c, const char *label, bench_row *rows,
                     size_t *nrows)
{
    bench_result r;
    int rc = a->callgrind ? bench_callgrind(c, &r) : bench_measure(c, &a->opts, &r);
    if (rc != 0)
        return -1;
    if (*nrows < BENCH_MAX_ROWS) {
        bench_row_from(&rows[*nrows], c, label, &r, a->callgrind);
        if (!a->callgrind)
            report_table_row(stdout, &rows[*nrows]);
        (*nrows)++;
    }
    return 0;
}

static int bench_etype_run(const bench_args *a, const bench_etype *e, bench_row *rows,
                           size_t *nrows)
{
    static bench_pair pair;
    bench_case c;
    int rc = -1;

    if (bench_pair_up(e->name, e->number, e->realm, &pair) != 0)
        goto cleanup;
    fprintf(stderr, "sspibench: %s: wrap header %u (bridge SECPKG_ATTR_SIZES) / %zu (raw), "
                    "signature %u / %zu bytes\n",
            e->label, (unsigned)pair.sizes.cbSecurityTrailer, pair.raw_header,
            (unsigned)pair.sizes.cbMaxSignature, pair.raw_mic);

    if (bench_wanted(a, e->label, "establish")) {
        memset(&c, 0, sizeof(c));
        snprintf(c.id, sizeof(c.id), "%s/establish/0", e->label);
        c.etype = e->label;
        c.op = "establish";
        c.target = report_target(c.op, 0);
        c.side[BENCH_BRIDGE] = (bench_side){NULL, bench_est_bridge, &pair};
        c.side[BENCH_RAW] = (bench_side){NULL, bench_est_raw, &pair};
        c.cg_iters = bench_cg_iters(c.op, 0);
        if (bench_one(a, &c, e->label, rows, nrows) != 0)
            goto cleanup;
    }
    for (size_t si = 0; si < BENCH_NSIZES; si++) {
        for (int k = 0; k < BENCH_NOPS; k++) {
            const char *op = bench_msg_ops[k];
            bench_msg m;
            size_t size = bench_sizes[si];
            if (!bench_wanted(a, e->label, op) || (a->only_size != 0 && a->only_size != size))
                continue;
            size_t slot = size + 256, batch_max = BENCH_STREAM_BYTES / slot;
            if (batch_max > 4096)
                batch_max = 4096;
            if (batch_max < 2)
                batch_max = 2;
            if (bench_msg_init(&m, &pair, (bench_msg_kind)k, size, batch_max) != 0 ||
                bench_msg_verify(&m) != 0) {
                fprintf(stderr, "sspibench: %s %s %zu: set-up failed\n", e->label, op, size);
                bench_msg_free(&m);
                goto cleanup;
            }
            memset(&c, 0, sizeof(c));
            snprintf(c.id, sizeof(c.id), "%s/%s/%zu", e->label, op, size);
            c.etype = e->label;
            c.op = op;
            c.size = size;
            c.target = report_target(op, size);
            c.per_message = 1;
            c.side[BENCH_BRIDGE] = (bench_side){bench_msg_prep_bridge, bench_msg_run_bridge, &m};
            c.side[BENCH_RAW] = (bench_side){bench_msg_prep_raw, bench_msg_run_raw, &m};
            c.max_iters = k == BENCH_MSG_STREAM ? m.batch_max : 0;
            c.cg_iters = bench_cg_iters(op, size);
            if (c.max_iters != 0 && c.cg_iters > c.max_iters)
                c.cg_iters = c.max_iters;
            int one = bench_one(a, &c, e->label, rows, nrows);
            bench_msg_free(&m);
            if (one != 0)
                goto cleanup;
        }
    }
    rc = 0;

cleanup:
    bench_pair_down(&pair);
    return rc;
}

/* The run's circumstances, as JSON members and as heading lines. */
static void bench_meta(const bench_args *a, int argc, char **argv, char *json, size_t len)
{
    char cpu[128] = "unknown", host[160] = "", when[32], cmd[512] = "", gss[256] = "unknown";
    struct utsname u;
    double load[3] = {0, 0, 0};
    Dl_info info;
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (f != NULL) {
        char line[256];
        while (fgets(line, sizeof(line), f) != NULL)
            if (strncmp(line, "model name", 10) == 0 && strchr(line, ':') != NULL) {
                snprintf(cpu, sizeof(cpu), "%s", strchr(line, ':') + 2);
                cpu[strcspn(cpu, "\n")] = '\0';
                break;
            }
        fclose(f);
    }
    if (uname(&u) == 0)
        snprintf(host, sizeof(host), "%.64s %.64s", u.sysname, u.release);
    getloadavg(load, 3);
    time_t now = time(NULL);
    strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
    for (int i = 0; i < argc; i++) {
        size_t used = strlen(cmd);
        if (a->report && argv + i == a->dumps) {
            /* The dumps by number, not by name. */
            snprintf(cmd + used, sizeof(cmd) - used, " (%zu dumps)", a->ndumps);
            i += (int)a->ndumps - 1;
            continue;
        }
        snprintf(cmd + used, sizeof(cmd) - used, "%s%s", i ? " " : "", argv[i]);
    }
    for (char *p = cmd; *p; p++)
        if (*p == '"' || *p == '\\')
            *p = ' ';
    if (dladdr((void *)gss_wrap, &info) != 0 && info.dli_fname != NULL)
        snprintf(gss, sizeof(gss), "%s", info.dli_fname);
    printf("sspibench %s (%s backend): %s\n", sspibridge_version(), sspibridge_backend(),
           a->callgrind ? "callgrind phases" : "timing");
    printf("  %s, %ld CPUs, %s, load %.2f %.2f %.2f, %s\n", cpu, sysconf(_SC_NPROCESSORS_ONLN),
           host, load[0], load[1], load[2], when);
    printf("  GSSAPI %s; command: %s\n", gss, cmd);
    if (!a->callgrind)
        printf("  batches of at least %.1f ms of %s; at least %zu rounds per case, then more\n"
               "  until the median ratio is known to +-%.3f (95 %%) or the case has run %.1f s\n\n",
               a->opts.batch_ms, a->opts.wall ? "wall-clock time" : "thread CPU time",
               a->opts.rounds, a->opts.precision, a->opts.case_seconds);
    snprintf(json, len,
             "\"tool\": \"sspibench\", \"version\": \"%s\", \"backend\": \"%s\", "
             "\"mode\": \"%s\", \"cpu\": \"%s\", \"cpus\": %ld, \"kernel\": \"%s\", "
             "\"load\": [%.2f, %.2f, %.2f], \"time\": \"%s\", \"gssapi\": \"%s\", "
             "\"command\": \"%s\", \"min_rounds\": %zu, \"batch_ms\": %.2f, \"clock\": \"%s\", "
             "\"precision\": %.4f, \"case_seconds\": %.1f",
             sspibridge_version(), sspibridge_backend(), a->callgrind ? "callgrind" : "timing",
             cpu, sysconf(_SC_NPROCESSORS_ONLN), host, load[0], load[1], load[2], when, gss, cmd,
             a->opts.rounds, a->opts.batch_ms,
             a->callgrind ? "instructions" : a->opts.wall ? "wall" : "thread-cpu",
             a->opts.precision, a->opts.case_seconds);
}

static int bench_parse(int argc, char **argv, bench_args *a)
{
    memset(a, 0, sizeof(*a));
    a->opts.rounds = 61;
    a->opts.batch_ms = 1.0;
    a->opts.precision = 0.01;
    a->opts.case_seconds = 4.0;
    for (int i = 1; i < argc && argv[i] != NULL; i++) {
        const char *o = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(o, "--json") == 0 && v) {
            a->json = v;
            i++;
        } else if (strcmp(o, "--rounds") == 0 && v) {
            a->opts.rounds = (size_t)strtoul(v, NULL, 10);
            i++;
        } else if (strcmp(o, "--batch-ms") == 0 && v) {
            a->opts.batch_ms = strtod(v, NULL);
            i++;
        } else if (strcmp(o, "--quick") == 0) {
            a->opts.rounds = 15;
            a->opts.batch_ms = 0.5;
            a->opts.precision = 0.03;
            a->opts.case_seconds = 1.0;
        } else if (strcmp(o, "--precision") == 0 && v) {
            a->opts.precision = strtod(v, NULL);
            i++;
        } else if (strcmp(o, "--case-s") == 0 && v) {
            a->opts.case_seconds = strtod(v, NULL);
            i++;
        } else if (strcmp(o, "--etype") == 0 && v) {
            a->only_etype = v;
            i++;
        } else if (strcmp(o, "--size") == 0 && v) {
            a->only_size = (size_t)strtoull(v, NULL, 10);
            i++;
        } else if (strcmp(o, "--op") == 0 && v) {
            a->only_op = v;
            i++;
        } else if (strcmp(o, "--wall") == 0) {
            a->opts.wall = 1;
        } else if (strcmp(o, "--check") == 0) {
            a->check = 1;
        } else if (strcmp(o, "--callgrind") == 0) {
            a->callgrind = 1;
        } else if (strcmp(o, "--callgrind-report") == 0) {
            /* The dumps follow, up to the next option. */
            a->report = 1;
            a->dumps = argv + i + 1;
            while (i + 1 < argc && argv[i + 1] != NULL && strncmp(argv[i + 1], "--", 2) != 0) {
                a->ndumps++;
                i++;
            }
        } else if (strcmp(o, "--help") == 0 || strcmp(o, "-h") == 0) {
            usage(stdout);
            exit(0);
        } else {
            usage(stderr);
            return -1;
        }
    }
    if (a->opts.rounds == 0 || a->opts.batch_ms <= 0 || a->opts.precision < 0 ||
        a->opts.case_seconds < 0) {
        usage(stderr);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    static bench_row rows[BENCH_MAX_ROWS];
    size_t nrows = 0;
    bench_args a;
    char meta[2048];
    int failed = 0;

    if (bench_parse(argc, argv, &a) != 0)
        return 2;

    if (a.report) {
        a.callgrind = 1;
        int n = report_read_callgrind(a.dumps, a.ndumps, rows, BENCH_MAX_ROWS);
        if (n <= 0) {
            fprintf(stderr, "sspibench: no sspibench phases in the callgrind dumps given\n");
            return 2;
        }
        nrows = (size_t)n;
        bench_meta(&a, argc, argv, meta, sizeof(meta));
        report_table_head(stdout, 1);
        for (size_t i = 0; i < nrows; i++)
            report_table_row(stdout, &rows[i]);
    } else {
        if (a.callgrind && !bench_callgrind_available()) {
            fprintf(stderr, "sspibench: --callgrind needs valgrind --tool=callgrind "
                            "--collect-atstart=no (see make bench-callgrind)\n");
            return 2;
        }
        /* The bridge's trace would time the trace, not the bridge. */
        unsetenv("SSPIBRIDGE_TRACE");
        bench_meta(&a, argc, argv, meta, sizeof(meta));
        if (!a.callgrind)
            report_table_head(stdout, 0);
        for (size_t e = 0; e < BENCH_NETYPES && !failed; e++) {
            if (a.only_etype != NULL && strcmp(a.only_etype, bench_etypes[e].label) != 0)
                continue;
            if (bench_etype_run(&a, &bench_etypes[e], rows, &nrows) != 0)
                failed = 1;
        }
        if (a.callgrind) {
            printf("callgrind phases written: %zu cases; read them with "
                   "sspibench --callgrind-report DUMP...\n", nrows);
            return failed ? 2 : 0;
        }
    }
    report_table_foot(stdout, rows, nrows);
    if (a.json != NULL && report_json(a.json, meta, rows, nrows) != 0)
        failed = 1;
    if (failed)
        return 2;
    if (a.check)
        for (size_t i = 0; i < nrows; i++)
            if (!report_row_ok(&rows[i]))
                return 1;
    return 0;
}
