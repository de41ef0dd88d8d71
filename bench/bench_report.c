/* Tables, target checks, JSON and callgrind dump reading (bench_report.h). */
#include "bench/bench_report.h"

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Heap allocations per operation are whole numbers; averages differ from them only by
 * rounding. */
#define REPORT_ALLOC_EPSILON 0.01

double report_target(const char *op, size_t size)
{
    if (strcmp(op, "establish") == 0 || size >= 1024)
        return 1.05;
    return 1.15;
}

double report_row_ratio(const bench_row *row)
{
    if (row->have_ir)
        return row->ir[BENCH_RAW] > 0 ? row->ir[BENCH_BRIDGE] / row->ir[BENCH_RAW] : INFINITY;
    return row->r.ratio;
}

static double report_alloc_diff(const bench_row *row)
{
    return row->r.allocs[BENCH_BRIDGE] - row->r.allocs[BENCH_RAW];
}

int report_row_ok(const bench_row *row)
{
    if (!(report_row_ratio(row) <= row->target))
        return 0;
    if (row->per_message && report_alloc_diff(row) > REPORT_ALLOC_EPSILON)
        return 0;
    return 1;
}

static void report_size(char *buf, size_t len, size_t size)
{
    if (size == 0)
        snprintf(buf, len, "-");
    else if (size >= 1048576 && size % 1048576 == 0)
        snprintf(buf, len, "%zu MiB", size / 1048576);
    else if (size >= 1024 && size % 1024 == 0)
        snprintf(buf, len, "%zu KiB", size / 1024);
    else
        snprintf(buf, len, "%zu B", size);
}

static void report_time(char *buf, size_t len, double ns)
{
    if (ns < 1e4)
        snprintf(buf, len, "%.3f us", ns / 1e3);
    else if (ns < 1e6)
        snprintf(buf, len, "%.1f us", ns / 1e3);
    else
        snprintf(buf, len, "%.3f ms", ns / 1e6);
}

void report_table_head(FILE *f, int callgrind)
{
    if (callgrind)
        fprintf(f, "%-14s %-10s %7s %6s %14s %14s %7s %7s %21s  %s\n", "enctype", "operation",
                "size", "iters", "bridge Ir/op", "raw Ir/op", "ratio", "target",
                "allocs/op br raw diff", "");
    else
        fprintf(f, "%-14s %-10s %7s %6s %5s %12s %12s %7s %6s %7s %21s  %s\n", "enctype",
                "operation", "size", "iters", "rnds", "bridge", "raw", "ratio", "+-95%",
                "target", "allocs/op br raw diff", "");
    fflush(f);
}

void report_table_row(FILE *f, const bench_row *row)
{
    char size[32], target[16], allocs[48];
    report_size(size, sizeof(size), row->size);
    snprintf(target, sizeof(target), "<=%.2f", row->target);
    snprintf(allocs, sizeof(allocs), "%6.1f %6.1f %+6.1f", row->r.allocs[BENCH_BRIDGE],
             row->r.allocs[BENCH_RAW], report_alloc_diff(row));
    const char *verdict = report_row_ok(row) ? "ok" : "MISSED";
    if (row->have_ir) {
        fprintf(f, "%-14s %-10s %7s %6zu %14.0f %14.0f %7.3f %7s %21s  %s\n", row->etype,
                row->op, size, row->r.iters, row->ir[BENCH_BRIDGE], row->ir[BENCH_RAW],
                report_row_ratio(row), target, allocs, verdict);
    } else {
        char tb[24], tr[24];
        report_time(tb, sizeof(tb), row->r.median_ns[BENCH_BRIDGE]);
        report_time(tr, sizeof(tr), row->r.median_ns[BENCH_RAW]);
        fprintf(f, "%-14s %-10s %7s %6zu %5zu %12s %12s %7.3f %6.3f %7s %21s  %s\n",
                row->etype, row->op, size, row->r.iters, row->r.rounds, tb, tr, row->r.ratio,
                (row->r.ratio_hi - row->r.ratio_lo) / 2, target, allocs, verdict);
    }
    fflush(f);
}

void report_table_foot(FILE *f, const bench_row *rows, size_t n)
{
    size_t missed = 0;
    int callgrind = n > 0 && rows[0].have_ir;
    fprintf(f, "\n");
    fprintf(f, "operations (bridge vs raw GSSAPI, initiator sends, acceptor receives):\n"
               "  establish  ISC+ASC+ISC+2 DeleteSecurityContext vs gss_import_name+"
               "init+accept+init+release+2 delete (ticket cached)\n"
               "  wrap       EncryptMessage+DecryptMessage TOKEN|DATA|PADDING vs "
               "gss_wrap_iov+gss_unwrap_iov HEADER|DATA|PADDING\n"
               "  stream     DecryptMessage STREAM|DATA vs gss_unwrap_iov STREAM|DATA "
               "(tokens made untimed before each batch)\n"
               "  mic        MakeSignature+VerifySignature DATA|TOKEN vs "
               "gss_get_mic_iov+gss_verify_mic_iov DATA|MIC_TOKEN\n");
    if (callgrind)
        fprintf(f, "columns: instructions per operation under callgrind (iters operations "
                   "per phase), ratio = bridge/raw;\n");
    else
        fprintf(f, "columns: median time per operation over rnds rounds (a batch of iters "
                   "operations per side, bridge and raw alternating ABBA);\n"
                   "  ratio = median of the per-round ratios bridge/raw (judged), +-95%% = "
                   "half its 95 %% confidence interval;\n");
    fprintf(f, "  allocs/op = malloc/calloc/realloc calls per operation (interposed counter), "
               "diff = bridge - raw (must be 0 for message operations).\n");
    for (size_t i = 0; i < n; i++)
        if (!report_row_ok(&rows[i]))
            missed++;
    if (missed == 0)
        fprintf(f, "targets: all %zu met\n", n);
    else
        fprintf(f, "targets: %zu of %zu MISSED\n", missed, n);
    fflush(f);
}

/* ---- JSON ------------------------------------------------------------------------------ */

static void report_json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\')
            fprintf(f, "\\%c", ch);
        else if (ch < 0x20)
            fprintf(f, "\\u%04x", ch);
        else
            fputc(ch, f);
    }
    fputc('"', f);
}

int report_json(const char *path, const char *meta_json, const bench_row *rows, size_t n)
{
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        perror(path);
        return -1;
    }
    fprintf(f, "{\n  %s,\n  \"results\": [\n", meta_json);
    for (size_t i = 0; i < n; i++) {
        const bench_row *row = &rows[i];
        fprintf(f, "    {\"id\": ");
        report_json_string(f, row->id);
        fprintf(f, ", \"enctype\": ");
        report_json_string(f, row->etype);
        fprintf(f, ", \"op\": ");
        report_json_string(f, row->op);
        fprintf(f, ", \"size\": %zu, \"iters\": %zu", row->size, row->r.iters);
        if (row->have_time)
            fprintf(f, ", \"rounds\": %zu, \"bridge_ns\": %.1f, \"raw_ns\": %.1f, "
                       "\"bridge_min_ns\": %.1f, \"raw_min_ns\": %.1f, \"ratio_of_medians\": %.4f, "
                       "\"ratio_ci95\": [%.4f, %.4f], \"ratio_q1\": %.4f, \"ratio_q3\": %.4f",
                    row->r.rounds, row->r.median_ns[BENCH_BRIDGE], row->r.median_ns[BENCH_RAW],
                    row->r.min_ns[BENCH_BRIDGE], row->r.min_ns[BENCH_RAW], row->r.ratio_medians,
                    row->r.ratio_lo, row->r.ratio_hi, row->r.ratio_q1, row->r.ratio_q3);
        if (row->have_ir)
            fprintf(f, ", \"bridge_ir\": %.1f, \"raw_ir\": %.1f", row->ir[BENCH_BRIDGE],
                    row->ir[BENCH_RAW]);
        fprintf(f, ", \"ratio\": %.4f, \"target\": %.2f, \"bridge_allocs\": %.2f, "
                   "\"raw_allocs\": %.2f, \"ok\": %s}%s\n",
                report_row_ratio(row), row->target, row->r.allocs[BENCH_BRIDGE],
                row->r.allocs[BENCH_RAW], report_row_ok(row) ? "true" : "false",
                i + 1 < n ? "," : "");
    }
    fprintf(f, "  ]\n}\n");
    if (fclose(f) != 0) {
        perror(path);
        return -1;
    }
    return 0;
}

/* ---- Callgrind dumps ------------------------------------------------------------------- */

/* The dump number callgrind appends ("cg.out.12" is 12; the final dump, without one, last). */
static long report_dump_number(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (dot == NULL || dot[1] == '\0')
        return -1;
    for (const char *p = dot + 1; *p; p++)
        if (!isdigit((unsigned char)*p))
            return -1;
    return strtol(dot + 1, NULL, 10);
}

static int report_cmp_dump(const void *a, const void *b)
{
    long x = report_dump_number(*(char *const *)a), y = report_dump_number(*(char *const *)b);
    if (x < 0)
        x = LONG_MAX;
    if (y < 0)
        y = LONG_MAX;
    return x < y ? -1 : x > y;
}

/* The phase one dump holds: its description (id, side, operations, heap allocations over
 * them) and its instruction total. 1 when the file
 * is a sspibench phase, 0 when it is another dump, -1 on error. */
static int report_read_dump(const char *path, char *id, size_t idlen, char *side, size_t sidelen,
                            size_t *iters, double *allocs, double *ir)
{
    static const char trigger[] = "desc: Trigger: Client Request: sspibench ";
    char line[1024];
    int found = 0, have_total = 0;
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        perror(path);
        return -1;
    }
    while (fgets(line, sizeof(line), f) != NULL) {
        if (strncmp(line, trigger, sizeof(trigger) - 1) == 0) {
            char fmt[64];
            snprintf(fmt, sizeof(fmt), "%%%zus %%%zus %%zu %%lf", idlen - 1, sidelen - 1);
            if (sscanf(line + sizeof(trigger) - 1, fmt, id, side, iters, allocs) == 4)
                found = 1;
        } else if (strncmp(line, "summary:", 8) == 0 || strncmp(line, "totals:", 7) == 0) {
            *ir = strtod(strchr(line, ':') + 1, NULL);
            have_total = 1;
        }
    }
    fclose(f);
    return found && have_total;
}

int report_read_callgrind(char *const *paths, size_t npaths, bench_row *rows, size_t max)
{
    char **sorted = malloc(npaths * sizeof(char *));
    size_t n = 0;
    if (sorted == NULL)
        return -1;
    memcpy(sorted, paths, npaths * sizeof(char *));
    qsort(sorted, npaths, sizeof(char *), report_cmp_dump);

    for (size_t i = 0; i < npaths; i++) {
        char id[96], side[16];
        size_t iters = 0;
        double ir = 0, allocs = 0;
        int rc = report_read_dump(sorted[i], id, sizeof(id), side, sizeof(side), &iters, &allocs,
                                  &ir);
        if (rc < 0) {
            free(sorted);
            return -1;
        }
        if (rc == 0 || iters == 0)
            continue;
        int s = strcmp(side, "bridge") == 0 ? BENCH_BRIDGE : BENCH_RAW;
        bench_row *row = NULL;
        for (size_t k = 0; k < n; k++)
            if (strcmp(rows[k].id, id) == 0)
                row = &rows[k];
        if (row == NULL) {
            if (n == max)
                continue;
            row = &rows[n++];
            memset(row, 0, sizeof(*row));
            snprintf(row->id, sizeof(row->id), "%s", id);
            /* id: <enctype label>/<op>/<size> */
            char *slash1 = strchr(id, '/'), *slash2 = slash1 ? strchr(slash1 + 1, '/') : NULL;
            if (slash1 == NULL || slash2 == NULL)
                continue;
            *slash1 = *slash2 = '\0';
            snprintf(row->etype, sizeof(row->etype), "%.39s", id);
            snprintf(row->op, sizeof(row->op), "%.15s", slash1 + 1);
            row->size = (size_t)strtoull(slash2 + 1, NULL, 10);
            row->target = report_target(row->op, row->size);
            row->per_message = strcmp(row->op, "establish") != 0;
            row->have_ir = 1;
            row->r.iters = iters;
            row->r.rounds = 1;
        }
        row->ir[s] = ir / (double)iters;
        row->r.allocs[s] = allocs / (double)iters;
    }
    free(sorted);
    return (int)n;
}
