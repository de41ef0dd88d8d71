/* Per-message kernels (bench_msg.h). The loops do nothing but the calls and the SecBuffer /
 * IOV set-up each call needs anyway, so both sides carry the same loop overhead. */
#include "bench/bench_msg.h"

#include <gssapi/gssapi_ext.h>
#include <sspibridge.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The plaintext every message starts as (grown to the largest size asked for). */
static unsigned char *msg_pattern;
static size_t msg_pattern_len;

static int msg_pattern_reserve(size_t size)
{
    if (size <= msg_pattern_len)
        return 0;
    unsigned char *p = realloc(msg_pattern, size);
    if (p == NULL)
        return -1;
    for (size_t i = 0; i < size; i++)
        p[i] = (unsigned char)(i * 131u + 7u);
    msg_pattern = p;
    msg_pattern_len = size;
    return 0;
}

static void msg_sec_error(const char *what, SECURITY_STATUS s)
{
    SSPIBRIDGE_LAST_ERROR e;
    fprintf(stderr, "sspibench: %s failed: 0x%08X", what, (unsigned)s);
    if (sspibridge_last_error(&e))
        fprintf(stderr, " (%s: %s)", e.Function, e.Message);
    fputc('\n', stderr);
}

static void msg_gss_error(const char *what, OM_uint32 major, OM_uint32 minor)
{
    fprintf(stderr, "sspibench: %s failed: major 0x%08x minor %u\n", what, major, minor);
}

static size_t msg_max(size_t a, size_t b)
{
    return a > b ? a : b;
}

int bench_msg_init(bench_msg *m, bench_pair *p, bench_msg_kind kind, size_t size,
                   size_t batch_max)
{
    memset(m, 0, sizeof(*m));
    m->p = p;
    m->kind = kind;
    m->size = size;
    if (kind == BENCH_MSG_MIC)
        m->token_cap = msg_max(p->sizes.cbMaxSignature, p->raw_mic);
    else
        m->token_cap = msg_max(p->sizes.cbSecurityTrailer, p->raw_header);
    m->pad_cap = msg_max(p->sizes.cbBlockSize, 16);
    if (m->pad_cap > sizeof(m->side[0].pad))
        return -1;
    m->slot_len = m->token_cap + size + m->pad_cap;
    m->batch_max = kind == BENCH_MSG_STREAM ? (batch_max ? batch_max : 1) : 0;
    if (msg_pattern_reserve(size) != 0)
        return -1;
    for (int s = 0; s < BENCH_SIDES; s++) {
        bench_msg_side *sd = &m->side[s];
        sd->token = malloc(m->token_cap);
        sd->data = malloc(size ? size : 1);
        if (sd->token == NULL || sd->data == NULL)
            return -1;
        memcpy(sd->data, msg_pattern, size);
        if (kind == BENCH_MSG_STREAM) {
            sd->slots = malloc(m->slot_len * m->batch_max);
            sd->slot_used = calloc(m->batch_max, sizeof(size_t));
            if (sd->slots == NULL || sd->slot_used == NULL)
                return -1;
        }
    }
    return 0;
}

void bench_msg_free(bench_msg *m)
{
    for (int s = 0; s < BENCH_SIDES; s++) {
        free(m->side[s].token);
        free(m->side[s].data);
        free(m->side[s].slots);
        free(m->side[s].slot_used);
    }
    memset(m, 0, sizeof(*m));
}

/* ---- STREAM preparation: whole wrap tokens, TOKEN || DATA || PADDING contiguous ---------- */

/* Moves DATA and PADDING down behind a header shorter than the capacity it was given. */
static size_t msg_close_gap(unsigned char *slot, size_t cap, size_t header, size_t data,
                            size_t pad)
{
    if (header < cap)
        memmove(slot + header, slot + cap, data + pad);
    return header + data + pad;
}

int bench_msg_prep_bridge(void *arg, size_t iters)
{
    bench_msg *m = arg;
    bench_msg_side *sd = &m->side[BENCH_BRIDGE];
    if (m->kind != BENCH_MSG_STREAM)
        return 0;
    if (iters > m->batch_max)
        return -1;
    for (size_t i = 0; i < iters; i++) {
        unsigned char *slot = sd->slots + i * m->slot_len;
        memcpy(slot + m->token_cap, msg_pattern, m->size);
        SecBuffer b[3] = {
            {(ULONG)m->token_cap, SECBUFFER_TOKEN, slot},
            {(ULONG)m->size, SECBUFFER_DATA, slot + m->token_cap},
            {(ULONG)m->pad_cap, SECBUFFER_PADDING, slot + m->token_cap + m->size},
        };
        SecBufferDesc d = {SECBUFFER_VERSION, 3, b};
        SECURITY_STATUS s = EncryptMessage(&m->p->ictx, 0, &d, 0);
        if (s != SEC_E_OK) {
            msg_sec_error("EncryptMessage (stream preparation)", s);
            return -1;
        }
        sd->slot_used[i] = msg_close_gap(slot, m->token_cap, b[0].cbBuffer, m->size, b[2].cbBuffer);
    }
    sd->prepared = iters;
    return 0;
}

int bench_msg_prep_raw(void *arg, size_t iters)
{
    bench_msg *m = arg;
    bench_msg_side *sd = &m->side[BENCH_RAW];
    OM_uint32 major, minor;
    int conf_state;
    if (m->kind != BENCH_MSG_STREAM)
        return 0;
    if (iters > m->batch_max)
        return -1;
    for (size_t i = 0; i < iters; i++) {
        unsigned char *slot = sd->slots + i * m->slot_len;
        memcpy(slot + m->token_cap, msg_pattern, m->size);
        gss_iov_buffer_desc iov[3] = {
            {GSS_IOV_BUFFER_TYPE_HEADER, {m->token_cap, slot}},
            {GSS_IOV_BUFFER_TYPE_DATA, {m->size, slot + m->token_cap}},
            {GSS_IOV_BUFFER_TYPE_PADDING, {m->pad_cap, slot + m->token_cap + m->size}},
        };
        major = gss_wrap_iov(&minor, m->p->ig, 1, GSS_C_QOP_DEFAULT, &conf_state, iov, 3);
        if (major != GSS_S_COMPLETE) {
            msg_gss_error("gss_wrap_iov (stream preparation)", major, minor);
            return -1;
        }
        sd->slot_used[i] = msg_close_gap(slot, m->token_cap, iov[0].buffer.length, m->size,
                                         iov[2].buffer.length);
    }
    sd->prepared = iters;
    return 0;
}

/* ---- Bridge kernels ------------------------------------------------------------------- */

static int msg_wrap_bridge(bench_msg *m, size_t iters)
{
    bench_msg_side *sd = &m->side[BENCH_BRIDGE];
    SECURITY_STATUS s;
    ULONG qop;
    for (size_t i = 0; i < iters; i++) {
        SecBuffer b[3] = {
            {(ULONG)m->token_cap, SECBUFFER_TOKEN, sd->token},
            {(ULONG)m->size, SECBUFFER_DATA, sd->data},
            {(ULONG)m->pad_cap, SECBUFFER_PADDING, sd->pad},
        };
        SecBufferDesc d = {SECBUFFER_VERSION, 3, b};
        s = EncryptMessage(&m->p->ictx, 0, &d, 0);
        if (s != SEC_E_OK) {
            msg_sec_error("EncryptMessage", s);
            return -1;
        }
        s = DecryptMessage(&m->p->actx, &d, 0, &qop);
        if (s != SEC_E_OK || b[1].cbBuffer != m->size) {
            msg_sec_error("DecryptMessage", s);
            return -1;
        }
    }
    return 0;
}

static int msg_stream_bridge(bench_msg *m, size_t iters)
{
    bench_msg_side *sd = &m->side[BENCH_BRIDGE];
    SECURITY_STATUS s;
    ULONG qop;
    if (iters > sd->prepared)
        return -1;
    for (size_t i = 0; i < iters; i++) {
        SecBuffer b[2] = {
            {(ULONG)sd->slot_used[i], SECBUFFER_STREAM, sd->slots + i * m->slot_len},
            {0, SECBUFFER_DATA, NULL},
        };
        SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
        s = DecryptMessage(&m->p->actx, &d, 0, &qop);
        if (s != SEC_E_OK || b[1].cbBuffer != m->size) {
            msg_sec_error("DecryptMessage (STREAM)", s);
            return -1;
        }
        sd->last_out = b[1].pvBuffer;
    }
    sd->prepared = 0;
    return 0;
}

static int msg_mic_bridge(bench_msg *m, size_t iters)
{
    bench_msg_side *sd = &m->side[BENCH_BRIDGE];
    SECURITY_STATUS s;
    ULONG qop;
    for (size_t i = 0; i < iters; i++) {
        SecBuffer b[2] = {
            {(ULONG)m->size, SECBUFFER_DATA, sd->data},
            {(ULONG)m->token_cap, SECBUFFER_TOKEN, sd->token},
        };
        SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
        s = MakeSignature(&m->p->ictx, 0, &d, 0);
        if (s != SEC_E_OK) {
            msg_sec_error("MakeSignature", s);
            return -1;
        }
        s = VerifySignature(&m->p->actx, &d, 0, &qop);
        if (s != SEC_E_OK) {
            msg_sec_error("VerifySignature", s);
            return -1;
        }
    }
    return 0;
}

int bench_msg_run_bridge(void *arg, size_t iters)
{
    bench_msg *m = arg;
    switch (m->kind) {
    case BENCH_MSG_WRAP:
        return msg_wrap_bridge(m, iters);
    case BENCH_MSG_STREAM:
        return msg_stream_bridge(m, iters);
    case BENCH_MSG_MIC:
        return msg_mic_bridge(m, iters);
    }
    return -1;
}

/* ---- Raw GSSAPI kernels --------------------------------------------------------------- */

static int msg_wrap_raw(bench_msg *m, size_t iters)
{
    bench_msg_side *sd = &m->side[BENCH_RAW];
    OM_uint32 major, minor;
    gss_qop_t qop;
    int conf_state;
    for (size_t i = 0; i < iters; i++) {
        gss_iov_buffer_desc iov[3] = {
            {GSS_IOV_BUFFER_TYPE_HEADER, {m->token_cap, sd->token}},
            {GSS_IOV_BUFFER_TYPE_DATA, {m->size, sd->data}},
            {GSS_IOV_BUFFER_TYPE_PADDING, {m->pad_cap, sd->pad}},
        };
        major = gss_wrap_iov(&minor, m->p->ig, 1, GSS_C_QOP_DEFAULT, &conf_state, iov, 3);
        if (major != GSS_S_COMPLETE) {
            msg_gss_error("gss_wrap_iov", major, minor);
            return -1;
        }
        major = gss_unwrap_iov(&minor, m->p->ag, &conf_state, &qop, iov, 3);
        if (major != GSS_S_COMPLETE || iov[1].buffer.length != m->size) {
            msg_gss_error("gss_unwrap_iov", major, minor);
            return -1;
        }
    }
    return 0;
}

static int msg_stream_raw(bench_msg *m, size_t iters)
{
    bench_msg_side *sd = &m->side[BENCH_RAW];
    OM_uint32 major, minor;
    gss_qop_t qop;
    int conf_state;
    if (iters > sd->prepared)
        return -1;
    for (size_t i = 0; i < iters; i++) {
        gss_iov_buffer_desc iov[2] = {
            {GSS_IOV_BUFFER_TYPE_STREAM, {sd->slot_used[i], sd->slots + i * m->slot_len}},
            {GSS_IOV_BUFFER_TYPE_DATA, {0, NULL}},
        };
        major = gss_unwrap_iov(&minor, m->p->ag, &conf_state, &qop, iov, 2);
        if (major != GSS_S_COMPLETE || iov[1].buffer.length != m->size) {
            msg_gss_error("gss_unwrap_iov (STREAM)", major, minor);
            return -1;
        }
        sd->last_out = iov[1].buffer.value;
    }
    sd->prepared = 0;
    return 0;
}

static int msg_mic_raw(bench_msg *m, size_t iters)
{
    bench_msg_side *sd = &m->side[BENCH_RAW];
    OM_uint32 major, minor;
    gss_qop_t qop;
    for (size_t i = 0; i < iters; i++) {
        gss_iov_buffer_desc iov[2] = {
            {GSS_IOV_BUFFER_TYPE_DATA, {m->size, sd->data}},
            {GSS_IOV_BUFFER_TYPE_MIC_TOKEN, {m->token_cap, sd->token}},
        };
        major = gss_get_mic_iov(&minor, m->p->ig, GSS_C_QOP_DEFAULT, iov, 2);
        if (major != GSS_S_COMPLETE) {
            msg_gss_error("gss_get_mic_iov", major, minor);
            return -1;
        }
        major = gss_verify_mic_iov(&minor, m->p->ag, &qop, iov, 2);
        if (major != GSS_S_COMPLETE) {
            msg_gss_error("gss_verify_mic_iov", major, minor);
            return -1;
        }
    }
    return 0;
}

int bench_msg_run_raw(void *arg, size_t iters)
{
    bench_msg *m = arg;
    switch (m->kind) {
    case BENCH_MSG_WRAP:
        return msg_wrap_raw(m, iters);
    case BENCH_MSG_STREAM:
        return msg_stream_raw(m, iters);
    case BENCH_MSG_MIC:
        return msg_mic_raw(m, iters);
    }
    return -1;
}

/* ---- Verification --------------------------------------------------------------------- */

int bench_msg_verify(bench_msg *m)
{
    if (bench_msg_prep_bridge(m, 1) != 0 || bench_msg_run_bridge(m, 1) != 0 ||
        bench_msg_prep_raw(m, 1) != 0 || bench_msg_run_raw(m, 1) != 0)
        return -1;
    for (int s = 0; s < BENCH_SIDES; s++) {
        const bench_msg_side *sd = &m->side[s];
        /* STREAM: DATA points into the token, where GSSAPI decrypted in place. */
        const unsigned char *out = m->kind == BENCH_MSG_STREAM ? sd->last_out : sd->data;
        int ok = out != NULL && memcmp(out, msg_pattern, m->size) == 0;
        if (!ok) {
            fprintf(stderr, "sspibench: %s side: the message did not come back as sent\n",
                    s == BENCH_BRIDGE ? "bridge" : "raw");
            return -1;
        }
    }
    return 0;
}
