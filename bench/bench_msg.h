/* Per-message operations, each as a bridge kernel and its raw GSSAPI counterpart doing the
 * same work in the same buffer layout (the layout bridge/message.c hands to GSSAPI):
 *   WRAP    EncryptMessage + DecryptMessage, TOKEN|DATA|PADDING
 *           vs gss_wrap_iov + gss_unwrap_iov, HEADER|DATA|PADDING, no TRAILER;
 *   STREAM  DecryptMessage, STREAM|DATA (tokens made beforehand, untimed)
 *           vs gss_unwrap_iov, STREAM|DATA;
 *   MIC     MakeSignature + VerifySignature, DATA|TOKEN
 *           vs gss_get_mic_iov + gss_verify_mic_iov, DATA|MIC_TOKEN.
 * Initiator sends, acceptor receives; everything in place in the caller's buffers. */
#ifndef SSPIBENCH_BENCH_MSG_H
#define SSPIBENCH_BENCH_MSG_H

#include "bench/bench_pair.h"

#include <stddef.h>

typedef enum bench_msg_kind { BENCH_MSG_WRAP, BENCH_MSG_STREAM, BENCH_MSG_MIC } bench_msg_kind;

/* Side indexes, in every per-side array of the benchmark. */
enum { BENCH_BRIDGE = 0, BENCH_RAW = 1, BENCH_SIDES = 2 };

typedef struct bench_msg_side {
    unsigned char *data;   /* size bytes (WRAP, MIC) */
    unsigned char *token;  /* header / MIC capacity */
    unsigned char pad[64]; /* PADDING capacity (0 used by RFC 4121 tokens) */
    unsigned char *slots;  /* STREAM: batch_max tokens of slot_len bytes */
    size_t *slot_used;     /* STREAM: each prepared token's length */
    size_t prepared;       /* STREAM: tokens ready */
    const void *last_out;  /* STREAM: where the last DATA came back (into its token) */
} bench_msg_side;

typedef struct bench_msg {
    bench_pair *p;
    bench_msg_kind kind;
    size_t size;
    size_t token_cap;      /* TOKEN / HEADER / MIC_TOKEN buffer capacity */
    size_t pad_cap;
    size_t slot_len;
    size_t batch_max;      /* STREAM: most tokens one batch may prepare */
    bench_msg_side side[BENCH_SIDES];
} bench_msg;

/* Buffers for one operation at one size. batch_max bounds a STREAM batch. 0 or -1. */
int bench_msg_init(bench_msg *m, bench_pair *p, bench_msg_kind kind, size_t size,
                   size_t batch_max);
void bench_msg_free(bench_msg *m);

/* Kernels (arg: bench_msg): run iters operations; prep readies iters STREAM tokens
 * (iters <= batch_max) and is a no-op for the others. 0, or -1 with the failure on
 * stderr. */
int bench_msg_prep_bridge(void *arg, size_t iters);
int bench_msg_prep_raw(void *arg, size_t iters);
int bench_msg_run_bridge(void *arg, size_t iters);
int bench_msg_run_raw(void *arg, size_t iters);

/* One operation each way, then checks every output against the plaintext: the benchmark
 * measures only operations that work. 0 or -1. */
int bench_msg_verify(bench_msg *m);

#endif
