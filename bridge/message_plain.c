/* EncryptMessage, DecryptMessage, MakeSignature and VerifySignature over gss_wrap,
 * gss_unwrap, gss_get_mic and gss_verify_mic, for mechanisms without the IOV calls
 * (gss-ntlmssp 1.2 has none: mechglue answers gss_wrap_iov with GSS_S_UNAVAILABLE).
 *
 * The SSPI layout is Windows' NTLM one (EncryptMessage (NTLM), MS-NLMP 3.4.3):
 *   SECBUFFER_TOKEN   the 16-byte NTLMSSP_MESSAGE_SIGNATURE (version, checksum, sequence
 *                     number; MS-NLMP 2.2.2.9);
 *   SECBUFFER_DATA    sealed in place, same length (RC4 is a stream cipher: no padding, a
 *                     SECBUFFER_PADDING buffer comes back empty);
 * and several DATA buffers are one message in their order, as the mechanism seals and signs
 * them with one RC4 stream. gss-ntlmssp's wrap token is the signature followed by the sealed
 * data, the same order Windows puts on the wire where TOKEN || DATA travel together (GSSAPI
 * SASL with Exchange; Heimdal issue 962 documents the order), so TOKEN || DATA is the token
 * any GSSAPI NTLM peer passes to gss_unwrap, and DecryptMessage takes a SECBUFFER_STREAM
 * holding such a token (DATA comes back pointing into it, as for Kerberos).
 *
 * What these calls cannot do: gss_wrap has no sign-only part, so READONLY data buffers in
 * EncryptMessage / DecryptMessage are SEC_E_UNSUPPORTED_FUNCTION; gss-ntlmssp ignores
 * conf_req_flag (always seals) and has no integrity-only wrap token, so
 * SECQOP_WRAP_NO_ENCRYPT is SEC_E_QOP_NOT_SUPPORTED; it refuses empty messages. GSSAPI
 * allocates each token, so unlike the IOV path these calls copy the payload once; every
 * plaintext copy is wiped before it is freed. */
#include "bridge/message_plain.h"

#include "bridge/call.h"
#include "bridge/gss_util.h"
#include "bridge/secbuf.h"

#include <gssapi/gssapi_ext.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* msg_plain (ctx.h). */
#define PLAIN_UNKNOWN 0
#define PLAIN_IOV     1
#define PLAIN_ONLY    2

/* gss_wrap_size_limit is asked what fits into a token of this size; the difference is the
 * per-message overhead. */
#define PLAIN_PROBE_OUTPUT 65536u

/* A message as the plain calls see it. */
typedef struct plain_msg {
    SecBuffer *token, *stream, *padding;
    SecBuffer *data[SECBUF_MAX_BUFFERS]; /* DATA buffers, READONLY ones included, in order */
    size_t ndata, nreadonly;
    size_t data_len;
} plain_msg;

static gss_const_OID plain_mech(const ctx *c)
{
    return c->actual_mech != GSS_C_NO_OID ? c->actual_mech : &c->mech;
}

int msg_plain_context(ctx *c)
{
    int known = atomic_load_explicit(&c->msg_plain, memory_order_relaxed);
    OM_uint32 major, minor = 0;
    gss_iov_buffer_desc iov[3] = {
        {GSS_IOV_BUFFER_TYPE_HEADER, {0, NULL}},
        {GSS_IOV_BUFFER_TYPE_DATA, {1, NULL}},
        {GSS_IOV_BUFFER_TYPE_PADDING, {0, NULL}},
    };

    if (known != PLAIN_UNKNOWN)
        return known == PLAIN_ONLY;
    /* ExportSecurityContext takes the GSS context away under all three locks. */
    pthread_mutex_lock(&c->send_lock);
    if (c->exported || c->gss == GSS_C_NO_CONTEXT) {
        pthread_mutex_unlock(&c->send_lock);
        return 0;
    }
    major = gss_wrap_iov_length(&minor, c->gss, 1, GSS_C_QOP_DEFAULT, NULL, iov, 3);
    pthread_mutex_unlock(&c->send_lock);
    /* Mechglue (and SPNEGO, passing the call to the negotiated mechanism) answers
     * GSS_S_UNAVAILABLE for a mechanism without gss_wrap_iov_length. */
    known = GSS_ROUTINE_ERROR(major) == GSS_S_UNAVAILABLE ? PLAIN_ONLY : PLAIN_IOV;
    atomic_store_explicit(&c->msg_plain, known, memory_order_relaxed);
    return known == PLAIN_ONLY;
}

/* Finds the buffers by type. At most one TOKEN, STREAM and PADDING. */
static SECURITY_STATUS plain_layout(PSecBufferDesc m, plain_msg *p)
{
    SECURITY_STATUS status = secbuf_check(m, 0);
    if (status != SEC_E_OK)
        return status;
    memset(p, 0, sizeof(*p));
    for (ULONG i = 0; i < m->cBuffers; i++) {
        SecBuffer *b = &m->pBuffers[i], **single = NULL;
        switch (SECBUF_TYPE(b)) {
        case SECBUFFER_TOKEN:
            single = &p->token;
            break;
        case SECBUFFER_STREAM:
            single = &p->stream;
            break;
        case SECBUFFER_PADDING:
            single = &p->padding;
            break;
        case SECBUFFER_DATA:
            if (b->BufferType & (SECBUFFER_READONLY | SECBUFFER_READONLY_WITH_CHECKSUM))
                p->nreadonly++;
            p->data[p->ndata++] = b;
            p->data_len += b->cbBuffer;
            break;
        default:
            break;
        }
        if (single != NULL) {
            if (*single != NULL) {
                call_note("pMessage holds a second buffer of type %u; one is allowed",
                          (unsigned)SECBUF_TYPE(b));
                return SEC_E_INVALID_TOKEN;
            }
            *single = b;
        }
    }
    return SEC_E_OK;
}

/* The message as one buffer: the only DATA buffer itself, or (*owned, malloc'd) the DATA
 * buffers laid end to end after `prefix` bytes of room. */
static SECURITY_STATUS plain_gather(const plain_msg *p, size_t prefix, gss_buffer_desc *out,
                                    unsigned char **owned)
{
    *owned = NULL;
    if (p->ndata == 1 && prefix == 0) {
        out->value = p->data[0]->pvBuffer;
        out->length = p->data[0]->cbBuffer;
        return SEC_E_OK;
    }
    *owned = malloc(prefix + p->data_len + 1);
    if (*owned == NULL)
        return SEC_E_INSUFFICIENT_MEMORY;
    size_t at = prefix;
    for (size_t i = 0; i < p->ndata; i++) {
        if (p->data[i]->cbBuffer > 0)
            memcpy(*owned + at, p->data[i]->pvBuffer, p->data[i]->cbBuffer);
        at += p->data[i]->cbBuffer;
    }
    out->value = *owned;
    out->length = at;
    return SEC_E_OK;
}

/* Wipes (the message may be plaintext) and frees what plain_gather allocated. */
static void plain_release(unsigned char *owned, size_t len)
{
    if (owned != NULL) {
        explicit_bzero(owned, len);
        free(owned);
    }
}

/* Copies src back over the DATA buffers, in order (their total length). */
static void plain_scatter(const plain_msg *p, const unsigned char *src)
{
    for (size_t i = 0; i < p->ndata; i++) {
        if (p->data[i]->cbBuffer > 0)
            memcpy(p->data[i]->pvBuffer, src, p->data[i]->cbBuffer);
        src += p->data[i]->cbBuffer;
    }
}

/* The bytes gss_wrap adds to a message: the signature. */
static SECURITY_STATUS plain_overhead(const ctx *c, size_t *overhead)
{
    OM_uint32 major, minor = 0, max_input = 0;

    major = gss_wrap_size_limit(&minor, c->gss, 1, GSS_C_QOP_DEFAULT, PLAIN_PROBE_OUTPUT,
                                &max_input);
    if (GSS_ERROR(major))
        return gss_util_fail(major, minor, plain_mech(c), ctx_status_opts(c));
    if (max_input > PLAIN_PROBE_OUTPUT) {
        call_note("gss_wrap_size_limit says %u bytes fit into %u", (unsigned)max_input,
                  PLAIN_PROBE_OUTPUT);
        return SEC_E_INTERNAL_ERROR;
    }
    *overhead = PLAIN_PROBE_OUTPUT - max_input;
    return SEC_E_OK;
}

static SECURITY_STATUS plain_still_there(const ctx *c)
{
    if (c->exported || c->gss == GSS_C_NO_CONTEXT) {
        call_note("the context was exported; its handle no longer protects messages");
        return SEC_E_INVALID_HANDLE;
    }
    return SEC_E_OK;
}

static SECURITY_STATUS plain_room(const SecBuffer *b, size_t need)
{
    if (need > b->cbBuffer || (need > 0 && b->pvBuffer == NULL)) {
        call_note("the message needs %zu bytes of SECBUFFER_TOKEN; the caller's buffer has %u",
                  need, b->pvBuffer == NULL ? 0u : (unsigned)b->cbBuffer);
        return SEC_E_BUFFER_TOO_SMALL;
    }
    return SEC_E_OK;
}

/* ---- Replays ---------------------------------------------------------------------------- */

/* NTLM's signature (MS-NLMP 2.2.2.9) carries the sender's sequence number, so a message
 * already accepted can never verify again: gss-ntlmssp reports GSS_S_BAD_SIG, and on its way
 * it has used RC4 keystream (the sealed data and the checksum's encryption), which breaks
 * every later message. Windows answers a replay with SEC_E_OUT_OF_SEQUENCE. The bridge
 * remembers the signatures of the last CTX_PLAIN_SEEN accepted messages and refuses an
 * identical one before the mechanism sees it; an older replay still reaches gss-ntlmssp and
 * is SEC_E_MESSAGE_ALTERED. Called under recv_lock. */
static int plain_same(const unsigned char *a, const unsigned char *b)
{
    unsigned char diff = 0;
    /* Constant time, like every comparison of signature bytes. */
    for (size_t i = 0; i < CTX_PLAIN_SIG; i++)
        diff |= (unsigned char)(a[i] ^ b[i]);
    return diff == 0;
}

static SECURITY_STATUS plain_replay_check(const ctx *c, const unsigned char *sig, size_t len)
{
    if (len < CTX_PLAIN_SIG)
        return SEC_E_OK;
    for (unsigned i = 0; i < c->plain_seen_count; i++) {
        if (plain_same(c->plain_seen[i], sig)) {
            call_note("the message repeats one this context has already accepted (a replay)");
            return SEC_E_OUT_OF_SEQUENCE;
        }
    }
    return SEC_E_OK;
}

static void plain_replay_remember(ctx *c, const unsigned char *sig, size_t len)
{
    if (len < CTX_PLAIN_SIG)
        return;
    memcpy(c->plain_seen[c->plain_seen_next], sig, CTX_PLAIN_SIG);
    c->plain_seen_next = (c->plain_seen_next + 1) % CTX_PLAIN_SEEN;
    if (c->plain_seen_count < CTX_PLAIN_SEEN)
        c->plain_seen_count++;
}

/* gss-ntlmssp rejects an empty message (GSS_S_CALL_INACCESSIBLE_READ). */
static SECURITY_STATUS plain_nonempty(size_t len)
{
    if (len == 0) {
        call_note("the NTLM mechanism (gss-ntlmssp) protects no empty message");
        return SEC_E_UNSUPPORTED_FUNCTION;
    }
    return SEC_E_OK;
}

/* ---- EncryptMessage --------------------------------------------------------------------- */

static SECURITY_STATUS plain_wrap_locked(ctx *c, plain_msg *p)
{
    SECURITY_STATUS status;
    OM_uint32 major, minor = 0;
    gss_buffer_desc in = GSS_C_EMPTY_BUFFER, out = GSS_C_EMPTY_BUFFER;
    unsigned char *owned = NULL;
    size_t overhead = 0, sig;
    int conf_state = 0;

    status = plain_still_there(c);
    if (status == SEC_E_OK)
        status = plain_overhead(c, &overhead);
    /* Checked before the wrap: a wrap uses up a sequence number. */
    if (status == SEC_E_OK)
        status = plain_room(p->token, overhead);
    if (status == SEC_E_OK)
        status = plain_gather(p, 0, &in, &owned);
    if (status != SEC_E_OK)
        goto cleanup;
    major = gss_wrap(&minor, c->gss, 1, GSS_C_QOP_DEFAULT, &in, &conf_state, &out);
    if (GSS_ERROR(major)) {
        status = gss_util_fail(major, minor, plain_mech(c), ctx_status_opts(c));
        goto cleanup;
    }
    if (out.length < p->data_len || out.length - p->data_len > p->token->cbBuffer) {
        call_note("gss_wrap made %zu bytes of %zu; the signature does not fit", out.length,
                  p->data_len);
        status = SEC_E_INTERNAL_ERROR;
        goto cleanup;
    }
    sig = out.length - p->data_len;
    memcpy(p->token->pvBuffer, out.value, sig);
    p->token->cbBuffer = (ULONG)sig;
    plain_scatter(p, (const unsigned char *)out.value + sig);
    if (p->padding != NULL)
        p->padding->cbBuffer = 0;

cleanup:
    plain_release(owned, in.length);
    gss_release_buffer(&minor, &out);
    return status;
}

SECURITY_STATUS msg_plain_encrypt(ctx *c, ULONG fQOP, PSecBufferDesc m)
{
    SECURITY_STATUS status;
    plain_msg p;

    if (fQOP == SECQOP_WRAP_NO_ENCRYPT) {
        call_note("the NTLM mechanism (gss-ntlmssp) seals every wrap; MakeSignature signs "
                  "without encrypting");
        status = SEC_E_QOP_NOT_SUPPORTED;
        goto cleanup;
    }
    if (fQOP != 0) {
        call_note("fQOP 0x%08X is not 0", (unsigned)fQOP);
        status = SEC_E_QOP_NOT_SUPPORTED;
        goto cleanup;
    }
    /* As the IOV path: no confidentiality established, nothing to encrypt with. */
    if (!(c->attrs & ISC_RET_CONFIDENTIALITY)) {
        call_note("the context was established without confidentiality");
        status = SEC_E_UNSUPPORTED_FUNCTION;
        goto cleanup;
    }
    status = plain_layout(m, &p);
    if (status != SEC_E_OK)
        goto cleanup;
    if (p.ndata == 0 || p.token == NULL || p.stream != NULL) {
        call_note("EncryptMessage needs a SECBUFFER_TOKEN buffer and SECBUFFER_DATA buffers "
                  "(and no SECBUFFER_STREAM)");
        status = SEC_E_INVALID_TOKEN;
        goto cleanup;
    }
    if (p.nreadonly > 0) {
        call_note("the NTLM mechanism (gss-ntlmssp) has no sign-only (READONLY) wrap buffers");
        status = SEC_E_UNSUPPORTED_FUNCTION;
        goto cleanup;
    }
    status = plain_nonempty(p.data_len);
    if (status != SEC_E_OK)
        goto cleanup;

    pthread_mutex_lock(&c->send_lock);
    status = plain_wrap_locked(c, &p);
    pthread_mutex_unlock(&c->send_lock);

cleanup:
    return status;
}

/* ---- DecryptMessage --------------------------------------------------------------------- */

/* Unwraps in (TOKEN || DATA or the stream) and lays the plaintext out: over the DATA
 * buffers, or for a stream inside it where the sealed data was, DATA pointing there. */
static SECURITY_STATUS plain_unwrap_locked(ctx *c, plain_msg *p, gss_buffer_desc *in)
{
    SECURITY_STATUS status;
    OM_uint32 major, minor = 0;
    gss_buffer_desc out = GSS_C_EMPTY_BUFFER;
    gss_qop_t qop = GSS_C_QOP_DEFAULT;
    size_t overhead = 0;
    int conf_state = 0;

    status = plain_still_there(c);
    if (status == SEC_E_OK)
        status = plain_overhead(c, &overhead);
    if (status != SEC_E_OK)
        goto cleanup;
    /* gss-ntlmssp takes the signature's length from the token unchecked: a token no longer
     * than a signature must not reach it. */
    if (in->length <= overhead) {
        call_note("the message holds %zu bytes; a signature alone takes %zu", in->length,
                  overhead);
        status = p->stream != NULL ? SEC_E_INCOMPLETE_MESSAGE : SEC_E_INVALID_TOKEN;
        goto cleanup;
    }
    /* The signature leads the token (TOKEN || DATA); gss_unwrap leaves its input alone. */
    status = plain_replay_check(c, in->value, in->length);
    if (status != SEC_E_OK)
        goto cleanup;
    major = gss_unwrap(&minor, c->gss, in, &out, &conf_state, &qop);
    if (major != GSS_S_COMPLETE) {
        status = gss_util_fail(major, minor, plain_mech(c), ctx_status_opts(c));
        if (status != SEC_E_OK)
            goto cleanup;
    }
    plain_replay_remember(c, in->value, in->length);
    if (out.length != in->length - overhead) {
        call_note("gss_unwrap gave %zu bytes of a %zu-byte token", out.length, in->length);
        status = SEC_E_INTERNAL_ERROR;
        goto cleanup;
    }
    if (p->stream != NULL) {
        unsigned char *at = (unsigned char *)p->stream->pvBuffer + overhead;
        memcpy(at, out.value, out.length);
        p->data[0]->pvBuffer = at;
        p->data[0]->cbBuffer = (ULONG)out.length;
    } else {
        plain_scatter(p, out.value);
    }

cleanup:
    if (out.value != NULL)
        explicit_bzero(out.value, out.length);
    gss_release_buffer(&minor, &out);
    return status;
}

SECURITY_STATUS msg_plain_decrypt(ctx *c, PSecBufferDesc m, ULONG *pfQOP)
{
    SECURITY_STATUS status;
    plain_msg p;
    gss_buffer_desc in = GSS_C_EMPTY_BUFFER;
    unsigned char *owned = NULL;

    status = plain_layout(m, &p);
    if (status != SEC_E_OK)
        goto cleanup;
    if (p.nreadonly > 0) {
        call_note("the NTLM mechanism (gss-ntlmssp) has no sign-only (READONLY) wrap buffers");
        status = SEC_E_UNSUPPORTED_FUNCTION;
        goto cleanup;
    }
    if (p.stream != NULL) {
        /* STREAM | DATA: one DATA buffer for the result. */
        if (p.ndata != 1) {
            call_note("a SECBUFFER_STREAM message takes one SECBUFFER_DATA buffer for the "
                      "result; pMessage has %zu", p.ndata);
            status = SEC_E_INVALID_TOKEN;
            goto cleanup;
        }
        in.value = p.stream->pvBuffer;
        in.length = p.stream->cbBuffer;
    } else if (p.token != NULL && p.ndata > 0) {
        status = plain_nonempty(p.data_len);
        if (status != SEC_E_OK)
            goto cleanup;
        /* TOKEN || DATA is the mechanism's wrap token. */
        status = plain_gather(&p, p.token->cbBuffer, &in, &owned);
        if (status != SEC_E_OK)
            goto cleanup;
        if (p.token->cbBuffer > 0)
            memcpy(owned, p.token->pvBuffer, p.token->cbBuffer);
    } else {
        call_note("DecryptMessage needs SECBUFFER_STREAM and SECBUFFER_DATA, or "
                  "SECBUFFER_TOKEN and SECBUFFER_DATA buffers");
        status = SEC_E_INVALID_TOKEN;
        goto cleanup;
    }

    pthread_mutex_lock(&c->recv_lock);
    status = plain_unwrap_locked(c, &p, &in);
    pthread_mutex_unlock(&c->recv_lock);
    /* Every NTLM wrap is sealed: pfQOP stays 0. */
    if (status == SEC_E_OK && pfQOP != NULL)
        *pfQOP = 0;

cleanup:
    plain_release(owned, in.length);
    return status;
}

/* ---- MakeSignature / VerifySignature ---------------------------------------------------- */

/* DATA buffers (READONLY ones too: a signature covers every one) and one TOKEN. */
static SECURITY_STATUS plain_mic_layout(PSecBufferDesc m, plain_msg *p)
{
    SECURITY_STATUS status = plain_layout(m, p);
    if (status != SEC_E_OK)
        return status;
    if (p->token == NULL || p->ndata == 0 ||
        (p->token->pvBuffer == NULL && p->token->cbBuffer != 0)) {
        call_note("a signature needs a SECBUFFER_TOKEN buffer and SECBUFFER_DATA buffers");
        return SEC_E_INVALID_TOKEN;
    }
    return plain_nonempty(p->data_len);
}

static SECURITY_STATUS plain_mic_locked(ctx *c, plain_msg *p)
{
    SECURITY_STATUS status;
    OM_uint32 major, minor = 0;
    gss_buffer_desc in = GSS_C_EMPTY_BUFFER, mic = GSS_C_EMPTY_BUFFER;
    unsigned char *owned = NULL;
    size_t overhead = 0;

    status = plain_still_there(c);
    if (status == SEC_E_OK)
        status = plain_overhead(c, &overhead);
    if (status == SEC_E_OK)
        status = plain_room(p->token, overhead);
    if (status == SEC_E_OK)
        status = plain_gather(p, 0, &in, &owned);
    if (status != SEC_E_OK)
        goto cleanup;
    major = gss_get_mic(&minor, c->gss, GSS_C_QOP_DEFAULT, &in, &mic);
    if (GSS_ERROR(major)) {
        status = gss_util_fail(major, minor, plain_mech(c), ctx_status_opts(c));
        goto cleanup;
    }
    if (mic.length > p->token->cbBuffer) {
        call_note("gss_get_mic made %zu bytes, more than gss_wrap_size_limit said", mic.length);
        status = SEC_E_INTERNAL_ERROR;
        goto cleanup;
    }
    memcpy(p->token->pvBuffer, mic.value, mic.length);
    p->token->cbBuffer = (ULONG)mic.length;

cleanup:
    plain_release(owned, in.length);
    gss_release_buffer(&minor, &mic);
    return status;
}

SECURITY_STATUS msg_plain_sign(ctx *c, ULONG fQOP, PSecBufferDesc m)
{
    SECURITY_STATUS status;
    plain_msg p;

    if (fQOP != 0) {
        call_note("fQOP 0x%08X: MakeSignature takes 0", (unsigned)fQOP);
        status = SEC_E_QOP_NOT_SUPPORTED;
        goto cleanup;
    }
    status = plain_mic_layout(m, &p);
    if (status != SEC_E_OK)
        goto cleanup;
    pthread_mutex_lock(&c->send_lock);
    status = plain_mic_locked(c, &p);
    pthread_mutex_unlock(&c->send_lock);

cleanup:
    return status;
}

SECURITY_STATUS msg_plain_verify(ctx *c, PSecBufferDesc m, ULONG *pfQOP)
{
    SECURITY_STATUS status;
    plain_msg p;
    OM_uint32 major, minor = 0;
    gss_buffer_desc in = GSS_C_EMPTY_BUFFER, mic;
    unsigned char *owned = NULL;
    gss_qop_t qop = GSS_C_QOP_DEFAULT;
    size_t overhead = 0;

    status = plain_mic_layout(m, &p);
    if (status == SEC_E_OK)
        status = plain_gather(&p, 0, &in, &owned);
    if (status != SEC_E_OK)
        goto cleanup;
    mic.value = p.token->pvBuffer;
    mic.length = p.token->cbBuffer;

    pthread_mutex_lock(&c->recv_lock);
    status = plain_still_there(c);
    if (status == SEC_E_OK)
        status = plain_overhead(c, &overhead);
    /* gss-ntlmssp compares 16 bytes whatever the token's length: a short one must not reach
     * it. A cut signature is an invalid token, not an altered message. */
    if (status == SEC_E_OK && mic.length < overhead) {
        call_note("the signature holds %zu bytes; this context's take %zu", mic.length, overhead);
        status = SEC_E_INVALID_TOKEN;
    }
    if (status == SEC_E_OK)
        status = plain_replay_check(c, mic.value, mic.length);
    if (status == SEC_E_OK) {
        major = gss_verify_mic(&minor, c->gss, &in, &mic, &qop);
        if (major != GSS_S_COMPLETE)
            status = gss_util_fail(major, minor, plain_mech(c), ctx_status_opts(c));
        if (status == SEC_E_OK)
            plain_replay_remember(c, mic.value, mic.length);
    }
    pthread_mutex_unlock(&c->recv_lock);
    if (status == SEC_E_OK && pfQOP != NULL)
        *pfQOP = 0;

cleanup:
    plain_release(owned, in.length);
    return status;
}

/* ---- Sizes ------------------------------------------------------------------------------- */

SECURITY_STATUS msg_plain_sizes(const ctx *c, ULONG *max_signature, ULONG *trailer, ULONG *block)
{
    size_t overhead = 0;
    SECURITY_STATUS status = plain_overhead(c, &overhead);
    if (status != SEC_E_OK)
        return status;
    *max_signature = (ULONG)overhead;
    *trailer = (ULONG)overhead;
    *block = 0;
    return SEC_E_OK;
}
