/* EncryptMessage, DecryptMessage, MakeSignature and VerifySignature over gss_wrap_iov,
 * gss_unwrap_iov, gss_get_mic_iov and gss_verify_mic_iov.
 *
 * Buffers are found by type, never by position, and become GSS IOV buffers in the caller's
 * order (the order DATA and SIGN_ONLY buffers are checksummed in):
 *   SECBUFFER_TOKEN      HEADER of a wrap token / MIC_TOKEN of a signature
 *   SECBUFFER_DATA       DATA: encrypted (or only signed) in place
 *   SECBUFFER_DATA with SECBUFFER_READONLY or SECBUFFER_READONLY_WITH_CHECKSUM
 *                        SIGN_ONLY: covered by the checksum, never changed ("The function
 *                        does not process buffers with the SECBUFFER_READONLY attribute",
 *                        EncryptMessage (Kerberos); DCE RPC's signed PDU header)
 *   SECBUFFER_PADDING    PADDING (wrap only)
 *   SECBUFFER_STREAM     STREAM (DecryptMessage)
 *   any other type       not passed (EMPTY, MISSING, ...)
 * EncryptMessage passes no TRAILER, so MIT rotates the trailer into the header (RFC 4121
 * 4.2.5, RRC) as Windows does, and TOKEN || DATA || PADDING with the sizes the call writes
 * back is one standard wrap token any GSSAPI peer can gss_unwrap.
 *
 * MessageSeqNo is ignored: the Kerberos package keeps its own sequence numbers in the tokens
 * (RFC 4121 SND_SEQ), GSSAPI checks them, and Windows callers pass 0.
 *
 * Hot path: no allocation of our own and no payload copy; IOV arrays live on the stack and
 * every GSS call works in the caller's buffers. One thread may send (Encrypt/MakeSignature,
 * ctx->send_lock) while another receives (Decrypt/VerifySignature, ctx->recv_lock), as
 * EncryptMessage (Kerberos) documents. */
#include "bridge/backend.h"
#include "bridge/call.h"
#include "bridge/ctx.h"
#include "bridge/gss_util.h"
#include "bridge/message_plain.h"
#include "bridge/msg_sizes.h"
#include "bridge/secbuf.h"
#include "mappings/map_iov.h"
#include "mappings/map_status.h"

#include <gssapi/gssapi_ext.h>
#include <string.h>

/* Every caller buffer, plus one the bridge may add. */
#define MSG_IOV_MAX (SECBUF_MAX_BUFFERS + 1)

/* RFC 4121 4.2.6: every per-message token starts with a 16-byte header. */
#define MSG_CFX_HEADER_LEN 16
/* RFC 4121 4.2.6.2 TOK_ID of a wrap token (05 04) and of a MIC token (04 04). */
#define MSG_CFX_TOK_WRAP 0x05
#define MSG_CFX_TOK_MIC  0x04
#define MSG_CFX_TOK_ID2  0x04
/* RFC 4121 4.2.2 Flags: Sealed (the wrap token is encrypted). */
#define MSG_CFX_FLAG_SEALED 0x02
/* RFC 2743 3.1: the [APPLICATION 0] tag that frames RFC 1964 / RFC 4757 tokens. */
#define MSG_FRAMED_TAG 0x60
/* RFC 1964 1.2.1 / RFC 4757 7.3: TOK_ID 02 01 marks a wrap token; SEAL_ALG ff ff means
 * not encrypted. */
#define MSG_FRAMED_TOK_WRAP0 0x02
#define MSG_FRAMED_TOK_WRAP1 0x01
/* RFC 4757 7.3: TOK_ID, SGN_ALG, SEAL_ALG, Filler, SND_SEQ, SGN_CKSUM and Confounder
 * (2+2+2+2+8+8+8 bytes) follow the OID; then the data and its pad. */
#define MSG_FRAMED_WRAP_FIELDS 32

/* Kinds of token a context has produced or consumed once (ctx->msg_warm). MIT caches the
 * keys it derives for each key usage in a list hanging off the session key, without a lock
 * (lib/crypto/krb/derive.c, add_cached_dkey): the first call of each kind adds to it, later
 * ones only read it. Until a kind has been done once, its call holds both the send and the
 * receive lock, so the other direction is never reading the list meanwhile. */
#define MSG_WARM_SEAL         0x01u
#define MSG_WARM_SEAL_INTEG   0x02u
#define MSG_WARM_MIC          0x04u
#define MSG_WARM_UNSEAL       0x08u
#define MSG_WARM_UNSEAL_INTEG 0x10u
#define MSG_WARM_VERIFY       0x20u

/* A SecBufferDesc as GSS IOV buffers. */
typedef struct msg_layout {
    gss_iov_buffer_desc iov[MSG_IOV_MAX];
    SecBuffer *buf[MSG_IOV_MAX]; /* the caller's buffer behind each entry (NULL: the
                                  * bridge's own, cut out of a caller's DATA) */
    int n;
    int token, padding, stream;  /* index of that entry, -1 when absent */
    int data;                    /* first DATA entry, -1 when none */
    size_t ndata, nsign;         /* DATA and SIGN_ONLY entries */
    size_t data_len, sign_len;
} msg_layout;

/* What the first bytes of a wrap token say (RFC 4121 or RFC 1964/4757 framing). */
typedef enum msg_family {
    MSG_TOKEN_SHORT,   /* too few bytes to tell */
    MSG_TOKEN_CFX,     /* RFC 4121 */
    MSG_TOKEN_FRAMED,  /* RFC 1964 / RFC 4757, framed per RFC 2743 3.1 */
    MSG_TOKEN_UNKNOWN, /* neither */
} msg_family;

typedef struct msg_token {
    msg_family family;
    int known;         /* wrap and conf are known */
    int wrap;          /* a wrap token, not a MIC */
    int conf;          /* encrypted */
    size_t framed_len; /* FRAMED: the whole length the DER framing declares */
    size_t framed_hdr; /* FRAMED and known: the header's length (framing, OID, the RFC 4757
                        * 7.2 fields up to the confounder) */
    size_t need;       /* SHORT: bytes it needs at least */
    int rotated;       /* CFX with 8 bytes or more: RRC is not 0 */
    size_t ec;         /* CFX with 8 bytes or more: the EC field */
} msg_token;

/* Status options of a per-message call: a checksum or decryption failure is an altered
 * message here, whatever GSSAPI's major code (mappings/map_status.c). */
static unsigned msg_status_opts(const ctx *c)
{
    return ctx_status_opts(c) | MAP_STATUS_MESSAGE;
}

static gss_const_OID msg_mech(const ctx *c)
{
    return c->actual_mech != GSS_C_NO_OID ? c->actual_mech : &c->mech;
}

/* ---- Buffers ---------------------------------------------------------------------------- */

/* The IOV type of a caller's buffer: the table lives in mappings/map_iov.c. */
static OM_uint32 msg_iov_type(const SecBuffer *b, int mic)
{
    return map_iov_type(b->BufferType, mic);
}

/* Maps a checked descriptor. GSSAPI takes one HEADER/MIC_TOKEN, PADDING and STREAM at most
 * (MIT's kg_locate_iov finds none when there are two), so a second one is refused here. */
static SECURITY_STATUS msg_layout_build(PSecBufferDesc m, int mic, msg_layout *l)
{
    /* The counters only: the first l->n entries of iov[] and buf[] are written before
     * anything reads them, and clearing all MSG_IOV_MAX of them (2 KiB) cost a fifth of the
     * bridge's own work per call (docs/PERFORMANCE.md). */
    l->n = 0;
    l->ndata = l->nsign = 0;
    l->data_len = l->sign_len = 0;
    l->token = l->padding = l->stream = l->data = -1;
    for (ULONG i = 0; i < m->cBuffers; i++) {
        SecBuffer *b = &m->pBuffers[i];
        OM_uint32 type = msg_iov_type(b, mic);
        int *single = NULL;

        switch (type) {
        case GSS_IOV_BUFFER_TYPE_EMPTY:
            continue;
        case GSS_IOV_BUFFER_TYPE_HEADER:
        case GSS_IOV_BUFFER_TYPE_MIC_TOKEN:
            single = &l->token;
            break;
        case GSS_IOV_BUFFER_TYPE_PADDING:
            single = &l->padding;
            break;
        case GSS_IOV_BUFFER_TYPE_STREAM:
            single = &l->stream;
            break;
        case GSS_IOV_BUFFER_TYPE_DATA:
            if (l->data < 0)
                l->data = l->n;
            l->ndata++;
            l->data_len += b->cbBuffer;
            break;
        case GSS_IOV_BUFFER_TYPE_SIGN_ONLY:
            l->nsign++;
            l->sign_len += b->cbBuffer;
            break;
        default:
            break;
        }
        if (single != NULL) {
            if (*single >= 0) {
                call_note("pMessage holds a second buffer of type %u; one is allowed",
                          (unsigned)SECBUF_TYPE(b));
                return SEC_E_INVALID_TOKEN;
            }
            *single = l->n;
        }
        l->iov[l->n].type = type;
        l->iov[l->n].buffer.length = b->cbBuffer;
        l->iov[l->n].buffer.value = b->pvBuffer;
        l->buf[l->n] = b;
        l->n++;
    }
    return SEC_E_OK;
}

/* Checks that an output buffer can take need bytes: Windows' EncryptMessage (Kerberos) answers
 * a short one with SEC_E_BUFFER_TOO_SMALL ("The output buffer is too small"). */
static SECURITY_STATUS msg_room(const SecBuffer *b, size_t need, const char *what)
{
    if (need > b->cbBuffer || (need > 0 && b->pvBuffer == NULL)) {
        call_note("the message needs %zu bytes of %s; the caller's buffer has %u", need, what,
                  b->pvBuffer == NULL ? 0u : (unsigned)b->cbBuffer);
        return SEC_E_BUFFER_TOO_SMALL;
    }
    return SEC_E_OK;
}

/* Tells the caller how many more bytes a cut stream needs, as Schannel's callers expect it:
 * in the SECBUFFER_MISSING buffer, or in the first SECBUFFER_EMPTY one made into it. */
static void msg_report_missing(PSecBufferDesc m, size_t missing)
{
    SecBuffer *b = secbuf_find(m, SECBUFFER_MISSING);
    if (b == NULL)
        b = secbuf_find(m, SECBUFFER_EMPTY);
    /* A buffer the caller flagged read-only keeps its type and flags. */
    if (b == NULL || (b->BufferType & SECBUFFER_ATTRMASK) != 0)
        return;
    b->BufferType = SECBUFFER_MISSING;
    b->cbBuffer = missing > UINT32_MAX ? UINT32_MAX : (ULONG)missing;
}

/* ---- Tokens ----------------------------------------------------------------------------- */

/* Reads what the first bytes of a wrap token tell: its kind, and for RFC 1964 / RFC 4757
 * tokens the length their DER framing declares. Pure: reads the caller's bytes only. */
static void msg_token_peek(const unsigned char *p, size_t len, msg_token *t)
{
    memset(t, 0, sizeof(*t));
    if (len < 2) {
        /* Every token is at least an RFC 4121 header long. */
        t->family = MSG_TOKEN_SHORT;
        t->need = MSG_CFX_HEADER_LEN - len;
        return;
    }
    if (p[0] == MSG_FRAMED_TAG) {
        size_t hdr = 2, body = p[1];
        if (p[1] & 0x80) {
            size_t n = p[1] & 0x7f;
            if (n == 0 || n > 4) {
                t->family = MSG_TOKEN_UNKNOWN;
                return;
            }
            if (len < 2 + n) {
                t->family = MSG_TOKEN_SHORT;
                t->need = 2 + n - len;
                return;
            }
            body = 0;
            for (size_t i = 0; i < n; i++)
                body = (body << 8) | p[2 + i];
            hdr = 2 + n;
        }
        t->family = MSG_TOKEN_FRAMED;
        t->framed_len = hdr + body;
        /* The mechanism OID (06 len ...), then TOK_ID, SGN_ALG, SEAL_ALG (RFC 1964 1.2.1). */
        if (len > hdr + 1 && p[hdr] == 0x06 && p[hdr + 1] < 0x80) {
            size_t id = hdr + 2 + p[hdr + 1];
            if (len >= id + 6) {
                t->known = 1;
                t->framed_hdr = id + MSG_FRAMED_WRAP_FIELDS;
                t->wrap = p[id] == MSG_FRAMED_TOK_WRAP0 && p[id + 1] == MSG_FRAMED_TOK_WRAP1;
                t->conf = !(p[id + 4] == 0xff && p[id + 5] == 0xff);
            }
        }
        return;
    }
    if ((p[0] == MSG_CFX_TOK_WRAP || p[0] == MSG_CFX_TOK_MIC) && p[1] == MSG_CFX_TOK_ID2) {
        t->family = MSG_TOKEN_CFX;
        if (len > 2) {
            t->known = 1;
            t->wrap = p[0] == MSG_CFX_TOK_WRAP;
            t->conf = (p[2] & MSG_CFX_FLAG_SEALED) != 0;
        }
        /* RFC 4121 4.2.6.2: EC and RRC, big-endian, at offsets 4 and 6. */
        t->rotated = 1;
        if (len >= 8) {
            t->ec = (size_t)p[4] << 8 | p[5];
            t->rotated = (p[6] | p[7]) != 0;
        }
        return;
    }
    t->family = MSG_TOKEN_UNKNOWN;
}

/* The bytes an RFC 4121 wrap token of that QOP takes besides its data on this context:
 * header and (rotated) trailer, as gss_wrap_iov_length says for an empty message. */
static SECURITY_STATUS msg_cfx_overhead(const ctx *c, int conf, size_t *overhead)
{
    size_t header, pad;
    uint32_t minor = 0;
    uint32_t major = msg_sizes_wrap(c, conf, 1, 0, 0, 0, &header, &pad, &minor);
    if (GSS_ERROR(major))
        return gss_util_fail(major, minor, msg_mech(c), msg_status_opts(c));
    *overhead = header + pad;
    return SEC_E_OK;
}

/* How many bytes a STREAM of len bytes lacks to be the whole token it starts: 0 when it
 * may be whole (GSSAPI then judges it). A stream shorter than its token's own header says
 * is SEC_E_INCOMPLETE_MESSAGE ("The data in the input buffer is incomplete", DecryptMessage
 * (Kerberos)), never a failed checksum. RFC 4121 tokens carry no length: a stream cut
 * inside the payload cannot be told from an altered one. */
static SECURITY_STATUS msg_stream_missing(const ctx *c, const msg_token *t, size_t len,
                                          size_t *missing)
{
    size_t overhead = 0;
    SECURITY_STATUS status = SEC_E_OK;

    *missing = 0;
    switch (t->family) {
    case MSG_TOKEN_SHORT:
        *missing = t->need;
        break;
    case MSG_TOKEN_FRAMED:
        if (t->framed_len > len)
            *missing = t->framed_len - len;
        break;
    case MSG_TOKEN_CFX:
        if (len < MSG_CFX_HEADER_LEN) {
            *missing = MSG_CFX_HEADER_LEN - len;
        } else if (t->wrap) {
            status = msg_cfx_overhead(c, t->conf, &overhead);
            if (status == SEC_E_OK && overhead > len)
                *missing = overhead - len;
        }
        break;
    case MSG_TOKEN_UNKNOWN:
        break;
    }
    return status;
}

/* Whether c makes RFC 4121 tokens: only those have a TRAILER (RFC 1964 / RFC 4757 tokens
 * carry everything in the header and pad the data), as gss_wrap_iov_length tells without
 * allocating anything. */
static SECURITY_STATUS msg_cfx_context(const ctx *c, int *cfx)
{
    /* A property of the established context, asked of GSSAPI once: a length query on every
     * DecryptMessage(STREAM) cost a tenth of a 16-byte unwrap (docs/PERFORMANCE.md). The
     * cache is written through the const ctx as msg_sizes.c's is: memoization only. */
    int known = atomic_load_explicit(&c->msg_cfx, memory_order_relaxed);
    if (known != 0) {
        *cfx = known == 2;
        return SEC_E_OK;
    }
    OM_uint32 major, minor = 0;
    gss_iov_buffer_desc iov[4] = {
        {GSS_IOV_BUFFER_TYPE_HEADER, {0, NULL}},
        {GSS_IOV_BUFFER_TYPE_DATA, {0, NULL}},
        {GSS_IOV_BUFFER_TYPE_PADDING, {0, NULL}},
        {GSS_IOV_BUFFER_TYPE_TRAILER, {0, NULL}},
    };
    major = gss_wrap_iov_length(&minor, c->gss, 0, GSS_C_QOP_DEFAULT, NULL, iov, 4);
    if (GSS_ERROR(major))
        return gss_util_fail(major, minor, msg_mech(c), msg_status_opts(c));
    *cfx = iov[3].buffer.length > 0;
    atomic_store_explicit(&((ctx *)c)->msg_cfx, *cfx ? 2 : 1, memory_order_relaxed);
    return SEC_E_OK;
}

/* A STREAM must be a wrap token of the context's own kind. MIT's stream unwrap
 * (kg_unseal_stream_iov) takes an RFC 1964 token ID on an RFC 4121 context down its
 * RFC 1964 path, which reads keys such a context does not have: a NULL dereference from
 * 16 bytes of input (found by tests/fuzz/fuzz_decrypt). A token of the other kind, or of
 * neither, is refused before GSSAPI sees it. */
static SECURITY_STATUS msg_stream_kind(const ctx *c, const msg_token *t)
{
    int cfx = 0;
    SECURITY_STATUS status;

    if (t->family == MSG_TOKEN_SHORT)
        return SEC_E_OK; /* too short to tell: the missing bytes are reported */
    /* On a DCE-style context where the backend refuses TRAILER buffers (Heimdal) the kind
     * cannot be asked: the bridge splits the token by its own kind and the mechanism checks
     * the token ID against the context. Elsewhere a token of the other kind is refused here,
     * before its DER length (up to 4 GiB) is reported as missing bytes. */
    if ((c->gss_flags & GSS_C_DCE_STYLE) != 0 && backend_dce_limited() &&
        t->family != MSG_TOKEN_UNKNOWN)
        return SEC_E_OK;
    status = msg_cfx_context(c, &cfx);
    if (status != SEC_E_OK)
        return status;
    if (t->family == MSG_TOKEN_UNKNOWN || (t->family == MSG_TOKEN_CFX) != cfx) {
        call_note("the stream is not an %s wrap token", cfx ? "RFC 4121" : "RFC 1964/4757");
        return SEC_E_INVALID_TOKEN;
    }
    return SEC_E_OK;
}

/* DCE style, and every context on a backend without a STREAM IOV buffer (Heimdal,
 * backend_unwrap_stream): MIT's STREAM unwrap refuses DCE contexts (kg_unseal_stream_iov)
 * and Heimdal's krb5 mechanism has none, so the bridge splits the stream into HEADER and
 * DATA itself. The header is everything before the data:
 * an RFC 4121 token's header with its rotated trailer (the size gss_wrap_iov_length gives
 * for this context, EC and RRC included), or an RFC 4757 token's framed part, whose DER
 * length covers the header only in DCE style (otherwise header, data and pad: the header is
 * then its fixed fields, and *pad says the stream ends with the pad byte). */
static SECURITY_STATUS msg_dce_split(const ctx *c, const msg_token *t, size_t len, int dce,
                                     size_t *header, int *pad, size_t *trailer)
{
    size_t overhead = 0;
    SECURITY_STATUS status;

    *pad = 0;
    *trailer = 0;
    if (!t->known || !t->wrap) {
        call_note("the stream does not start with a wrap token");
        return SEC_E_INVALID_TOKEN;
    }
    if (t->family == MSG_TOKEN_FRAMED) {
        *header = dce ? t->framed_len : t->framed_hdr;
        *pad = !dce;
        return SEC_E_OK;
    }
    status = msg_cfx_overhead(c, t->conf, &overhead);
    if (status != SEC_E_OK || t->rotated || dce) {
        *header = overhead;
        return status;
    }
    /* RRC 0 (MIT's and Heimdal's gss_wrap): the trailer is at the end, RFC 4121 4.2.4. A
     * sealed token is header, confounder, data, then EC filler, the encrypted header and the
     * checksum; this context's rotated overhead (EC 0 outside DCE style) is the 16-byte
     * header, the 16-byte confounder, the 16-byte encrypted header and the checksum. An
     * integrity-only token is header, data and an EC-byte checksum. */
    if (t->conf) {
        if (overhead < 3 * (size_t)MSG_CFX_HEADER_LEN) {
            call_note("the context's wrap overhead (%zu bytes) is not an RFC 4121 one", overhead);
            return SEC_E_INVALID_TOKEN;
        }
        *header = 2 * (size_t)MSG_CFX_HEADER_LEN;
        *trailer = t->ec + overhead - 2 * (size_t)MSG_CFX_HEADER_LEN;
    } else {
        *header = MSG_CFX_HEADER_LEN;
        *trailer = t->ec;
    }
    return SEC_E_OK;
}

/* ---- Locks ------------------------------------------------------------------------------ */

/* Takes the direction's lock; both (send first, as ExportSecurityContext takes them) while
 * the context has not done this kind of call once (MSG_WARM_*; kind 0: not known). Returns
 * whether both are held. */
static int msg_lock(ctx *c, int send, unsigned kind)
{
    if (kind != 0 && (atomic_load(&c->msg_warm) & kind) == kind) {
        pthread_mutex_lock(send ? &c->send_lock : &c->recv_lock);
        return 0;
    }
    pthread_mutex_lock(&c->send_lock);
    pthread_mutex_lock(&c->recv_lock);
    return 1;
}

/* Records that a kind of call has been done once. A plain load first: once the bit is set,
 * a locked read-modify-write on every call would cost ~9 ns for nothing (x86: a locked
 * instruction per call; docs/PERFORMANCE.md). */
static void msg_mark_warm(ctx *c, unsigned kind)
{
    if ((atomic_load_explicit(&c->msg_warm, memory_order_relaxed) & kind) != kind)
        atomic_fetch_or(&c->msg_warm, kind);
}

static void msg_unlock(ctx *c, int send, int both)
{
    if (both) {
        pthread_mutex_unlock(&c->recv_lock);
        pthread_mutex_unlock(&c->send_lock);
    } else {
        pthread_mutex_unlock(send ? &c->send_lock : &c->recv_lock);
    }
}

/* The context behind h, established and still holding its GSS context (the latter is
 * checked again under the lock: ExportSecurityContext takes it away under all locks). A
 * handle of a context still being established is SEC_E_INVALID_HANDLE: GSSAPI has no context
 * to protect messages with yet (MIT: GSS_S_NO_CONTEXT, which the status table maps so). */
static SECURITY_STATUS msg_context(PCtxtHandle h, ctx **out)
{
    ctx *c = ctx_get(h);
    *out = c;
    if (c == NULL)
        return SEC_E_INVALID_HANDLE;
    if (!atomic_load(&c->complete)) {
        call_note("the context is not established yet");
        return SEC_E_INVALID_HANDLE;
    }
    return SEC_E_OK;
}

static SECURITY_STATUS msg_still_there(const ctx *c)
{
    if (c->exported || c->gss == GSS_C_NO_CONTEXT) {
        call_note("the context was exported; its handle no longer protects messages");
        return SEC_E_INVALID_HANDLE;
    }
    return SEC_E_OK;
}

/* ---- EncryptMessage --------------------------------------------------------------------- */

/* The wrap itself, under the send lock: sizes are checked before anything is written. */
static SECURITY_STATUS msg_wrap_locked(ctx *c, int conf, msg_layout *l, unsigned kind)
{
    SECURITY_STATUS status;
    size_t need_header, need_pad;
    OM_uint32 major, minor = 0;
    uint32_t len_minor = 0;
    int conf_state = 0;

    status = msg_still_there(c);
    if (status != SEC_E_OK)
        goto cleanup;
    major = msg_sizes_wrap(c, conf, l->ndata > 0, l->data_len, l->nsign > 0, l->sign_len,
                           &need_header, &need_pad, &len_minor);
    if (GSS_ERROR(major)) {
        status = gss_util_fail(major, len_minor, msg_mech(c), msg_status_opts(c));
        goto cleanup;
    }
    status = msg_room(l->buf[l->token], need_header, "SECBUFFER_TOKEN");
    if (status != SEC_E_OK)
        goto cleanup;
    if (need_pad > 0 && l->padding < 0) {
        call_note("the message needs %zu bytes of padding and pMessage has no SECBUFFER_PADDING",
                  need_pad);
        status = SEC_E_INVALID_TOKEN;
        goto cleanup;
    }
    if (l->padding >= 0) {
        status = msg_room(l->buf[l->padding], need_pad, "SECBUFFER_PADDING");
        if (status != SEC_E_OK)
            goto cleanup;
    }

    /* A DCE-style token has no padding; a backend that refuses the buffer there (Heimdal)
     * does not see it, and the caller's comes back empty. */
    if (l->padding >= 0 && (c->gss_flags & GSS_C_DCE_STYLE) && backend_dce_limited()) {
        l->iov[l->padding].type = GSS_IOV_BUFFER_TYPE_EMPTY;
        l->iov[l->padding].buffer.length = 0;
    }
    major = gss_wrap_iov(&minor, c->gss, conf, GSS_C_QOP_DEFAULT, &conf_state, l->iov, l->n);
    if (GSS_ERROR(major)) {
        status = gss_util_fail(major, minor, msg_mech(c), msg_status_opts(c));
        goto cleanup;
    }
    msg_mark_warm(c, kind);
    l->buf[l->token]->cbBuffer = (ULONG)l->iov[l->token].buffer.length;
    if (l->padding >= 0)
        l->buf[l->padding]->cbBuffer = (ULONG)l->iov[l->padding].buffer.length;

cleanup:
    return status;
}

SECURITY_STATUS SEC_ENTRY EncryptMessage(PCtxtHandle phContext, ULONG fQOP, PSecBufferDesc pMessage,
                                         ULONG MessageSeqNo)
{
    SECURITY_STATUS status;
    msg_layout l;
    ctx *c = NULL;
    int conf, both;
    unsigned kind;

    (void)MessageSeqNo;
    status = msg_context(phContext, &c);
    if (status != SEC_E_OK)
        goto cleanup;
    if (msg_plain_context(c)) {
        status = msg_plain_encrypt(c, fQOP, pMessage);
        goto cleanup;
    }
    /* EncryptMessage (Kerberos): fQOP is 0 or SECQOP_WRAP_NO_ENCRYPT ("Produce a header or
     * trailer but do not encrypt the message"); other values are SEC_E_QOP_NOT_SUPPORTED. */
    if (fQOP == SECQOP_WRAP_NO_ENCRYPT && (c->gss_flags & GSS_C_DCE_STYLE) &&
        backend_dce_limited()) {
        call_note("this GSSAPI (%s) makes no integrity-only tokens in DCE style",
                  SSPIBRIDGE_BACKEND);
        status = SEC_E_QOP_NOT_SUPPORTED;
        goto cleanup;
    } else if (fQOP == SECQOP_WRAP_NO_ENCRYPT) {
        conf = 0;
    } else if (fQOP == 0) {
        conf = 1;
    } else {
        call_note("fQOP 0x%08X is neither 0 nor SECQOP_WRAP_NO_ENCRYPT", (unsigned)fQOP);
        status = SEC_E_QOP_NOT_SUPPORTED;
        goto cleanup;
    }
    /* A context established without confidentiality encrypts nothing: Windows' Kerberos
     * package answers SEC_E_UNSUPPORTED_FUNCTION and integrity-only wrap takes
     * SECQOP_WRAP_NO_ENCRYPT. ISC_RET_CONFIDENTIALITY and ASC_RET_CONFIDENTIALITY are both
     * 0x10. */
    if (conf && !(c->attrs & ISC_RET_CONFIDENTIALITY)) {
        call_note("the context was established without confidentiality");
        status = SEC_E_UNSUPPORTED_FUNCTION;
        goto cleanup;
    }
    status = secbuf_check(pMessage, 0);
    if (status == SEC_E_OK)
        status = msg_layout_build(pMessage, 0, &l);
    if (status != SEC_E_OK)
        goto cleanup;
    /* "SEC_E_INVALID_TOKEN: No SECBUFFER_DATA type buffer was found" (EncryptMessage
     * (Kerberos)); the token has nowhere to go without a TOKEN buffer either. */
    if (l.ndata + l.nsign == 0 || l.token < 0 || l.stream >= 0) {
        call_note("EncryptMessage needs a SECBUFFER_TOKEN buffer and SECBUFFER_DATA buffers "
                  "(and no SECBUFFER_STREAM)");
        status = SEC_E_INVALID_TOKEN;
        goto cleanup;
    }
    if (l.buf[l.token]->pvBuffer == NULL && l.buf[l.token]->cbBuffer != 0) {
        call_note("the SECBUFFER_TOKEN buffer has no memory");
        status = SEC_E_INVALID_TOKEN;
        goto cleanup;
    }

    /* A message with nothing but sign-only buffers is wrapped for integrity only, whatever
     * fQOP says (MIT: kg_integ_only_iov): nothing to encrypt. */
    kind = conf && l.ndata > 0 ? MSG_WARM_SEAL : MSG_WARM_SEAL_INTEG;
    both = msg_lock(c, 1, kind);
    status = msg_wrap_locked(c, conf, &l, kind);
    msg_unlock(c, 1, both);

cleanup:
    ctx_put(c);
    CALL_RETURN(status);
}

/* ---- DecryptMessage --------------------------------------------------------------------- */

/* The unwrap, under the receive lock. *missing is set for a cut stream; *qop when GSSAPI
 * accepted the token. */
static SECURITY_STATUS msg_unwrap_locked(ctx *c, msg_layout *l, const msg_token *t,
                                         unsigned kind, size_t *missing, ULONG *qop, int *unwrapped)
{
    SECURITY_STATUS status;
    OM_uint32 major, minor = 0;
    gss_qop_t qop_state = GSS_C_QOP_DEFAULT;
    int conf_state = 0, dce = (c->gss_flags & GSS_C_DCE_STYLE) != 0;
    int split = dce || !backend_unwrap_stream();

    status = msg_still_there(c);
    if (status != SEC_E_OK)
        goto cleanup;
    if (l->stream >= 0) {
        gss_iov_buffer_desc *s = &l->iov[l->stream], *d = &l->iov[l->data];
        size_t header = 0;

        status = msg_stream_kind(c, t);
        if (status == SEC_E_OK)
            status = msg_stream_missing(c, t, s->buffer.length, missing);
        if (status == SEC_E_OK && *missing > 0) {
            call_note("the stream lacks %zu bytes of its token", *missing);
            status = SEC_E_INCOMPLETE_MESSAGE;
        }
        if (status != SEC_E_OK)
            goto cleanup;
        if (split) {
            int pad = 0;
            size_t trailer = 0;
            status = msg_dce_split(c, t, s->buffer.length, dce, &header, &pad, &trailer);
            if (status != SEC_E_OK)
                goto cleanup;
            if (header + (size_t)pad + trailer > s->buffer.length) {
                *missing = header + (size_t)pad + trailer - s->buffer.length;
                call_note("the stream lacks %zu bytes of its token header", *missing);
                status = SEC_E_INCOMPLETE_MESSAGE;
                goto cleanup;
            }
            d->buffer.value = (unsigned char *)s->buffer.value + header;
            d->buffer.length = s->buffer.length - header - trailer;
            s->type = GSS_IOV_BUFFER_TYPE_HEADER;
            s->buffer.length = header;
            /* An unrotated RFC 4121 token: its trailer is the one IOV entry the bridge adds. */
            if (trailer > 0 && l->n < MSG_IOV_MAX) {
                l->buf[l->n] = NULL;
                l->iov[l->n].type = GSS_IOV_BUFFER_TYPE_TRAILER;
                l->iov[l->n].buffer.length = trailer;
                l->iov[l->n].buffer.value = (unsigned char *)d->buffer.value + d->buffer.length;
                l->n++;
            }
            /* RFC 4757 outside DCE style: the last byte is the pad, GSSAPI's PADDING buffer
             * (the one IOV entry the bridge adds), as for TOKEN|DATA below. */
            if (pad && l->padding < 0 && l->n < MSG_IOV_MAX) {
                d->buffer.length--;
                l->padding = l->n;
                l->buf[l->n] = NULL;
                l->iov[l->n].type = GSS_IOV_BUFFER_TYPE_PADDING;
                l->iov[l->n].buffer.length = 1;
                l->iov[l->n].buffer.value = (unsigned char *)d->buffer.value + d->buffer.length;
                l->n++;
            }
        } else {
            /* GSSAPI points DATA into the stream. */
            d->buffer.value = NULL;
            d->buffer.length = 0;
        }
    } else if (t->family == MSG_TOKEN_CFX && t->known && t->wrap) {
        size_t overhead = 0;
        /* An RFC 4121 token has no padding (EC is inside the token): a PADDING buffer the
         * caller passes along, as Windows callers do with what EncryptMessage returned, is
         * empty here whatever its size. */
        if (l->padding >= 0) {
            l->iov[l->padding].buffer.length = 0;
            /* Heimdal refuses even an empty one on a DCE-style context. */
            if (dce && backend_dce_limited())
                l->iov[l->padding].type = GSS_IOV_BUFFER_TYPE_EMPTY;
        }
        /* A TOKEN cut short is a broken token, never an altered message. */
        status = msg_cfx_overhead(c, t->conf, &overhead);
        if (status != SEC_E_OK)
            goto cleanup;
        if (l->iov[l->token].buffer.length < overhead) {
            call_note("the SECBUFFER_TOKEN holds %zu bytes; this token's header takes %zu",
                      l->iov[l->token].buffer.length, overhead);
            status = SEC_E_INVALID_TOKEN;
            goto cleanup;
        }
    } else if (t->family == MSG_TOKEN_FRAMED && !dce && l->padding < 0) {
        /* RFC 1964 1.2.2.3 / RFC 4757 7.3: the encrypted data ends with its padding. A
         * receiver that passes DATA and PADDING as one DATA buffer gets the pad taken off:
         * the last byte becomes GSSAPI's PADDING buffer, in place (the one IOV entry the
         * bridge adds), and GSSAPI finds the pad's true length from it. */
        gss_iov_buffer_desc *last = NULL;
        for (int i = 0; i < l->n; i++)
            if (l->iov[i].type == GSS_IOV_BUFFER_TYPE_DATA && l->iov[i].buffer.length > 0)
                last = &l->iov[i];
        if (last != NULL && l->n < MSG_IOV_MAX) {
            last->buffer.length--;
            l->padding = l->n;
            l->buf[l->n] = NULL;
            l->iov[l->n].type = GSS_IOV_BUFFER_TYPE_PADDING;
            l->iov[l->n].buffer.length = 1;
            l->iov[l->n].buffer.value = (unsigned char *)last->buffer.value + last->buffer.length;
            l->n++;
        }
    }

    major = backend_unwrap_iov(&minor, c->gss, &conf_state, &qop_state, l->iov, l->n,
                               dce && t->family == MSG_TOKEN_FRAMED);
    if (!GSS_ERROR(major)) {
        msg_mark_warm(c, kind);
        *unwrapped = 1;
        /* DecryptMessage (Kerberos) pfQOP: SECQOP_WRAP_NO_ENCRYPT "The message was not
         * encrypted, but a header or trailer was produced". */
        *qop = conf_state ? 0 : SECQOP_WRAP_NO_ENCRYPT;
    }
    /* Supplementary bits (replay, gap) count only when the context asked for detection:
     * the status table decides, through ctx_status_opts. */
    if (major != GSS_S_COMPLETE)
        status = gss_util_fail(major, minor, msg_mech(c), msg_status_opts(c));

cleanup:
    return status;
}

SECURITY_STATUS SEC_ENTRY DecryptMessage(PCtxtHandle phContext, PSecBufferDesc pMessage,
                                         ULONG MessageSeqNo, ULONG *pfQOP)
{
    SECURITY_STATUS status;
    msg_layout l;
    msg_token t;
    ctx *c = NULL;
    const SecBuffer *in;
    size_t missing = 0;
    ULONG qop = 0;
    int both, unwrapped = 0;
    unsigned kind;

    (void)MessageSeqNo;
    if (pfQOP != NULL)
        *pfQOP = 0;
    status = msg_context(phContext, &c);
    if (status != SEC_E_OK)
        goto cleanup;
    if (msg_plain_context(c)) {
        status = msg_plain_decrypt(c, pMessage, pfQOP);
        goto cleanup;
    }
    status = secbuf_check(pMessage, 0);
    if (status == SEC_E_OK)
        status = msg_layout_build(pMessage, 0, &l);
    if (status != SEC_E_OK)
        goto cleanup;
    if (l.stream >= 0) {
        /* STREAM | DATA: the DATA buffer comes back pointing into the stream. GSSAPI fills
         * one DATA buffer; READONLY ones beside it are signed-only parts of the message. */
        if (l.ndata != 1) {
            call_note("a SECBUFFER_STREAM message takes one SECBUFFER_DATA buffer for the "
                      "result; pMessage has %zu", l.ndata);
            status = SEC_E_INVALID_TOKEN;
            goto cleanup;
        }
        in = l.buf[l.stream];
    } else if (l.token >= 0 && l.ndata + l.nsign > 0) {
        in = l.buf[l.token];
        if (in->pvBuffer == NULL && in->cbBuffer != 0) {
            call_note("the SECBUFFER_TOKEN buffer has no memory");
            status = SEC_E_INVALID_TOKEN;
            goto cleanup;
        }
    } else {
        /* "SEC_E_INVALID_TOKEN: No SECBUFFER_DATA type buffer was found" (DecryptMessage
         * (Kerberos)); without a STREAM, a TOKEN is needed too. */
        call_note("DecryptMessage needs SECBUFFER_STREAM and SECBUFFER_DATA, or "
                  "SECBUFFER_TOKEN and SECBUFFER_DATA buffers");
        status = SEC_E_INVALID_TOKEN;
        goto cleanup;
    }
    msg_token_peek(in->pvBuffer, in->pvBuffer != NULL ? in->cbBuffer : 0, &t);

    kind = !t.known ? 0 : t.conf ? MSG_WARM_UNSEAL : MSG_WARM_UNSEAL_INTEG;
    both = msg_lock(c, 0, kind);
    status = msg_unwrap_locked(c, &l, &t, kind, &missing, &qop, &unwrapped);
    msg_unlock(c, 0, both);

    if (status == SEC_E_INCOMPLETE_MESSAGE)
        msg_report_missing(pMessage, missing);
    /* Only a message that passed every check is handed out. (MIT points a STREAM's DATA at
     * the payload only when the unwrap is complete, supplementary bits included.) */
    if (unwrapped && status == SEC_E_OK) {
        /* In place: DATA (and for RC4 the pad byte GSSAPI strips) as GSSAPI left them. */
        for (int i = 0; i < l.n; i++) {
            OM_uint32 type = GSS_IOV_BUFFER_TYPE(l.iov[i].type);
            if (l.buf[i] != NULL &&
                (type == GSS_IOV_BUFFER_TYPE_DATA || type == GSS_IOV_BUFFER_TYPE_PADDING)) {
                l.buf[i]->pvBuffer = l.iov[i].buffer.value;
                l.buf[i]->cbBuffer = (ULONG)l.iov[i].buffer.length;
            }
        }
        if (pfQOP != NULL)
            *pfQOP = qop;
    }

cleanup:
    ctx_put(c);
    CALL_RETURN(status);
}

/* ---- MakeSignature / VerifySignature ---------------------------------------------------- */

/* Shared checks: DATA (any, READONLY included) and one TOKEN. "SEC_E_INVALID_TOKEN: pMessage
 * did not contain a valid SECBUFFER_TOKEN buffer or contained too few buffers"
 * (MakeSignature). */
static SECURITY_STATUS msg_mic_layout(PSecBufferDesc m, msg_layout *l)
{
    SECURITY_STATUS status = secbuf_check(m, 0);
    if (status == SEC_E_OK)
        status = msg_layout_build(m, 1, l);
    if (status != SEC_E_OK)
        return status;
    if (l->token < 0 || l->ndata + l->nsign == 0 ||
        (l->buf[l->token]->pvBuffer == NULL && l->buf[l->token]->cbBuffer != 0)) {
        call_note("a signature needs a SECBUFFER_TOKEN buffer and SECBUFFER_DATA buffers");
        return SEC_E_INVALID_TOKEN;
    }
    return SEC_E_OK;
}

static SECURITY_STATUS msg_mic_locked(ctx *c, msg_layout *l)
{
    SECURITY_STATUS status;
    size_t need;
    OM_uint32 major, minor = 0;
    uint32_t len_minor = 0;

    status = msg_still_there(c);
    if (status != SEC_E_OK)
        goto cleanup;
    major = msg_sizes_mic(c, l->data_len + l->sign_len, &need, &len_minor);
    if (GSS_ERROR(major)) {
        status = gss_util_fail(major, len_minor, msg_mech(c), msg_status_opts(c));
        goto cleanup;
    }
    status = msg_room(l->buf[l->token], need, "SECBUFFER_TOKEN");
    if (status != SEC_E_OK)
        goto cleanup;
    major = backend_get_mic_iov(&minor, c->gss, l->iov, l->n);
    if (GSS_ERROR(major)) {
        status = gss_util_fail(major, minor, msg_mech(c), msg_status_opts(c));
        goto cleanup;
    }
    msg_mark_warm(c, MSG_WARM_MIC);
    l->buf[l->token]->cbBuffer = (ULONG)l->iov[l->token].buffer.length;

cleanup:
    return status;
}

SECURITY_STATUS SEC_ENTRY MakeSignature(PCtxtHandle phContext, ULONG fQOP, PSecBufferDesc pMessage,
                                        ULONG MessageSeqNo)
{
    SECURITY_STATUS status;
    msg_layout l;
    ctx *c = NULL;
    int both;

    (void)MessageSeqNo;
    status = msg_context(phContext, &c);
    if (status != SEC_E_OK)
        goto cleanup;
    if (msg_plain_context(c)) {
        status = msg_plain_sign(c, fQOP, pMessage);
        goto cleanup;
    }
    /* The Kerberos package defines no signature QOP (SECQOP_WRAP_NO_ENCRYPT is a wrap
     * option): anything but 0 is SEC_E_QOP_NOT_SUPPORTED. */
    if (fQOP != 0) {
        call_note("fQOP 0x%08X: MakeSignature takes 0", (unsigned)fQOP);
        status = SEC_E_QOP_NOT_SUPPORTED;
        goto cleanup;
    }
    status = msg_mic_layout(pMessage, &l);
    if (status != SEC_E_OK)
        goto cleanup;

    both = msg_lock(c, 1, MSG_WARM_MIC);
    status = msg_mic_locked(c, &l);
    msg_unlock(c, 1, both);

cleanup:
    ctx_put(c);
    CALL_RETURN(status);
}

/* An RFC 4121 signature shorter than the ones this context makes (its size does not depend
 * on the message) is cut: an invalid token, never an altered message. It must not reach MIT
 * either: a MIC token of its 16-byte header alone trips an assertion in gss_verify_mic_iov
 * (checksum_iov_v3, "rrc != 0 || trailer != NULL") and aborts the process (found by
 * tests/fuzz/fuzz_verify). RFC 1964 / RFC 4757 tokens state their own length, which MIT
 * checks. */
static SECURITY_STATUS msg_mic_whole(const ctx *c, const msg_layout *l)
{
    const SecBuffer *tok = l->buf[l->token];
    msg_token t;
    size_t need;
    uint32_t minor = 0, major;

    msg_token_peek(tok->pvBuffer, tok->pvBuffer != NULL ? tok->cbBuffer : 0, &t);
    if (t.family != MSG_TOKEN_CFX)
        return SEC_E_OK;
    major = msg_sizes_mic(c, l->data_len + l->sign_len, &need, &minor);
    if (GSS_ERROR(major))
        return gss_util_fail(major, minor, msg_mech(c), msg_status_opts(c));
    if (tok->cbBuffer < need) {
        call_note("the signature holds %u bytes; this context's take %zu", (unsigned)tok->cbBuffer,
                  need);
        return SEC_E_INVALID_TOKEN;
    }
    return SEC_E_OK;
}

SECURITY_STATUS SEC_ENTRY VerifySignature(PCtxtHandle phContext, PSecBufferDesc pMessage,
                                          ULONG MessageSeqNo, ULONG *pfQOP)
{
    SECURITY_STATUS status;
    msg_layout l;
    ctx *c = NULL;
    OM_uint32 major = GSS_S_COMPLETE, minor = 0;
    gss_qop_t qop_state = GSS_C_QOP_DEFAULT;
    int both;

    (void)MessageSeqNo;
    if (pfQOP != NULL)
        *pfQOP = 0;
    status = msg_context(phContext, &c);
    if (status != SEC_E_OK)
        goto cleanup;
    if (msg_plain_context(c)) {
        status = msg_plain_verify(c, pMessage, pfQOP);
        goto cleanup;
    }
    status = msg_mic_layout(pMessage, &l);
    if (status != SEC_E_OK)
        goto cleanup;

    both = msg_lock(c, 0, MSG_WARM_VERIFY);
    status = msg_still_there(c);
    if (status == SEC_E_OK)
        status = msg_mic_whole(c, &l);
    if (status == SEC_E_OK) {
        major = backend_verify_mic_iov(&minor, c->gss, &qop_state, l.iov, l.n);
        if (!GSS_ERROR(major))
            msg_mark_warm(c, MSG_WARM_VERIFY);
        /* Supplementary bits count only with detection requested (ctx_status_opts). */
        if (major != GSS_S_COMPLETE)
            status = gss_util_fail(major, minor, msg_mech(c), msg_status_opts(c));
    }
    msg_unlock(c, 0, both);

cleanup:
    ctx_put(c);
    CALL_RETURN(status);
}
