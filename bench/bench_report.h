/* What the benchmark prints: the table of medians and ratios (or of instruction counts,
 * from callgrind dumps), target checks, and the JSON form of the same rows. */
#ifndef SSPIBENCH_BENCH_REPORT_H
#define SSPIBENCH_BENCH_REPORT_H

#include "bench/bench_run.h"

#include <stdio.h>

typedef struct bench_row {
    char id[96];
    char etype[40];          /* short label: aes256-sha1, aes256-sha384 */
    char op[16];             /* wrap, stream, mic, establish */
    size_t size;
    double target;
    int per_message;
    int have_time;           /* r holds timings */
    bench_result r;
    int have_ir;             /* ir holds callgrind instruction counts per operation */
    double ir[BENCH_SIDES];
} bench_row;

/* Whether a row meets its targets: ratio (timed: median bridge / median raw; callgrind:
 * instructions) and, for message operations, no more heap allocations than raw GSSAPI. */
int report_row_ok(const bench_row *row);
/* The ratio a row is judged by. */
double report_row_ratio(const bench_row *row);

/* Column headings, then one line per row as it is measured. */
void report_table_head(FILE *f, int callgrind);
void report_table_row(FILE *f, const bench_row *row);
/* The closing lines: what the columns mean, and targets met / missed. */
void report_table_foot(FILE *f, const bench_row *rows, size_t n);

/* Writes rows as JSON to path. meta_json is a JSON object's members (already escaped) put
 * beside "results". 0 or -1. */
int report_json(const char *path, const char *meta_json, const bench_row *rows, size_t n);

/* Reads callgrind dumps (files whose description is "sspibench <id> <side> <iters>
 * <allocations>") into
 * rows, pairing bridge and raw by id, in the order the dumps were written. Returns the
 * number of rows (at most max), or -1. */
int report_read_callgrind(char *const *paths, size_t npaths, bench_row *rows, size_t max);

/* The targets: ratio <= 1.05 for messages of 1 KiB and more and for context
 * establishment, <= 1.15 below 1 KiB. */
double report_target(const char *op, size_t size);

#endif
