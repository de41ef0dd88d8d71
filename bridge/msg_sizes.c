/* SecPkgContext_Sizes from the live GSS context: gss_wrap_iov_length and
 * gss_get_mic_iov_length give what a message in EncryptMessage's / MakeSignature's layout
 * needs; the SSPI sizes are the largest of those. */
#include "bridge/msg_sizes.h"

#include "bridge/backend.h"
#include "bridge/call.h"
#include "bridge/gss_util.h"
#include "bridge/message_plain.h"

#include <gssapi/gssapi_ext.h>
#include <limits.h>

/* The largest message cbSecurityTrailer covers. An RFC 1964 / RFC 4757 token frames header
 * and data in one DER length, so its header grows with the message: Windows reports RC4's
 * header for a 4-byte DER length (49 bytes where a short message needs 45). Just under
 * 2^31 bytes needs that length and keeps MIT's token arithmetic from overflowing (its
 * der_length_size takes an int: at 2^31 the length would come out as one byte).
 * RFC 4121 tokens have a fixed header, whatever the message. */
#define MSG_SIZES_LARGEST_MESSAGE 0x7fffff00u
/* Messages of 0..MSG_SIZES_BLOCK_PROBE bytes are probed for the padding granularity: more
 * than any Kerberos cipher block. */
#define MSG_SIZES_BLOCK_PROBE 256

static gss_const_OID msg_sizes_mech_of(const ctx *c)
{
    return c->actual_mech != GSS_C_NO_OID ? c->actual_mech : &c->mech;
}

/* msg_wrap_fixed / msg_mic_fixed (ctx.h): the overhead depends on the message. */
#define MSG_SIZES_VARIES UINT_MAX

/* What GSSAPI says, every time. */
static uint32_t msg_sizes_wrap_gss(const ctx *c, int conf, int have_data, size_t data_len,
                                   int have_sign, size_t sign_len, size_t *header,
                                   size_t *padding, uint32_t *minor)
{
    gss_iov_buffer_desc iov[4];
    int n = 0, hdr, pad;
    OM_uint32 major, min = 0;

    hdr = n;
    iov[n++] = (gss_iov_buffer_desc){GSS_IOV_BUFFER_TYPE_HEADER, {0, NULL}};
    if (have_data)
        iov[n++] = (gss_iov_buffer_desc){GSS_IOV_BUFFER_TYPE_DATA, {data_len, NULL}};
    if (have_sign)
        iov[n++] = (gss_iov_buffer_desc){GSS_IOV_BUFFER_TYPE_SIGN_ONLY, {sign_len, NULL}};
    /* Always offered: MIT's RFC 1964 path insists on one (and asserts) even where the
     * caller's message has none; the caller then decides whether the answer fits. Not on a
     * DCE-style context whose backend refuses it there (Heimdal; backend_dce_padding). */
    pad = -1;
    if (!(c->gss_flags & GSS_C_DCE_STYLE) || !backend_dce_limited()) {
        pad = n;
        iov[n++] = (gss_iov_buffer_desc){GSS_IOV_BUFFER_TYPE_PADDING, {0, NULL}};
    }
    major = gss_wrap_iov_length(&min, c->gss, conf, GSS_C_QOP_DEFAULT, NULL, iov, n);
    *minor = min;
    *header = iov[hdr].buffer.length;
    *padding = pad >= 0 ? iov[pad].buffer.length : 0;
    return major;
}

static uint32_t msg_sizes_mic_gss(const ctx *c, size_t data_len, size_t *token, uint32_t *minor)
{
    OM_uint32 major, min = 0;
    gss_iov_buffer_desc iov[2] = {
        {GSS_IOV_BUFFER_TYPE_DATA, {data_len, NULL}},
        {GSS_IOV_BUFFER_TYPE_MIC_TOKEN, {0, NULL}},
    };
    major = backend_get_mic_iov_length(&min, c->gss, iov, 2);
    *minor = min;
    *token = iov[1].buffer.length;
    return major;
}

/* Asking gss_wrap_iov_length on every EncryptMessage / DecryptMessage and
 * gss_get_mic_iov_length on every MakeSignature cost as much as the rest of the bridge's
 * work per call together (mechglue lock, enctype lookups; docs/PERFORMANCE.md). With every
 * Kerberos enctype in use today the answer never changes, so the context keeps it once
 * GSSAPI has shown that:
 * - an RFC 4121 wrap token's header is 16 bytes, the cipher's header and (rotated) its
 *   trailer, plus EC filler: the cipher's padding for the data (RFC 4121 4.2.3, 4.2.4). A
 *   cipher padding to blocks of b > 1 bytes pads 0 and 1 data bytes differently; CTS
 *   enctypes (AES, AES-SHA2, Camellia: RFC 3962, 8009, 6803) pad nothing;
 * - an RFC 1964 / RFC 4757 token frames header and data in one DER length, which grows
 *   with the message, and may need PADDING;
 * so one header and no padding for 0 and 1 data bytes, for a signed-only byte and for the
 * largest message means a fixed overhead. A MIC token never covers the data in its framing
 * (RFC 4121 4.2.6.1; RFC 1964 1.2.1): the same size for no data and the largest is its
 * size. The values are a pure function of the established context, so whichever thread
 * asks first stores them (relaxed atomics; a race stores the same value twice). The cache
 * is written through a const ctx because that is all it is: memoization. */

/* The wrap overhead of this QOP + 1, MSG_SIZES_VARIES, or 0 when GSSAPI failed (not kept:
 * the caller's own call reports the failure). */
static unsigned msg_sizes_wrap_probe(const ctx *c, int conf)
{
    static const struct {
        size_t data, sign;
    } probes[] = {{0, 0}, {1, 0}, {0, 1}, {MSG_SIZES_LARGEST_MESSAGE, 0}};
    size_t first = 0, header, pad;
    uint32_t minor;

    for (size_t i = 0; i < sizeof(probes) / sizeof(probes[0]); i++) {
        uint32_t major = msg_sizes_wrap_gss(c, conf, 1, probes[i].data, probes[i].sign != 0,
                                            probes[i].sign, &header, &pad, &minor);
        if (GSS_ERROR(major))
            return 0;
        if (pad != 0 || header >= MSG_SIZES_VARIES - 1 || (i > 0 && header != first))
            return MSG_SIZES_VARIES;
        first = header;
    }
    return (unsigned)first + 1;
}

uint32_t msg_sizes_wrap(const ctx *c, int conf, int have_data, size_t data_len, int have_sign,
                        size_t sign_len, size_t *header, size_t *padding, uint32_t *minor)
{
    atomic_uint *memo = &((ctx *)c)->msg_wrap_fixed[conf != 0];
    unsigned fixed = atomic_load_explicit(memo, memory_order_relaxed);

    if (fixed == 0) {
        fixed = msg_sizes_wrap_probe(c, conf);
        if (fixed != 0)
            atomic_store_explicit(memo, fixed, memory_order_relaxed);
    }
    if (fixed != 0 && fixed != MSG_SIZES_VARIES) {
        *header = fixed - 1;
        *padding = 0;
        *minor = 0;
        return GSS_S_COMPLETE;
    }
    return msg_sizes_wrap_gss(c, conf, have_data, data_len, have_sign, sign_len, header, padding,
                              minor);
}

uint32_t msg_sizes_mic(const ctx *c, size_t data_len, size_t *token, uint32_t *minor)
{
    atomic_uint *memo = &((ctx *)c)->msg_mic_fixed;
    unsigned fixed = atomic_load_explicit(memo, memory_order_relaxed);

    if (fixed == 0) {
        size_t none, largest;
        if (!GSS_ERROR(msg_sizes_mic_gss(c, 0, &none, minor)) &&
            !GSS_ERROR(msg_sizes_mic_gss(c, MSG_SIZES_LARGEST_MESSAGE, &largest, minor))) {
            fixed = none == largest && none < MSG_SIZES_VARIES - 1 ? (unsigned)none + 1
                                                                    : MSG_SIZES_VARIES;
            atomic_store_explicit(memo, fixed, memory_order_relaxed);
        }
    }
    if (fixed != 0 && fixed != MSG_SIZES_VARIES) {
        *token = fixed - 1;
        *minor = 0;
        return GSS_S_COMPLETE;
    }
    return msg_sizes_mic_gss(c, data_len, token, minor);
}

/* The step at which a message plus its padding grows: 1 for RFC 4121 (no padding: EC and
 * CTS absorb it) and RC4 (a fixed pad byte), the cipher block for block-padded tokens. */
static uint32_t msg_sizes_block(const ctx *c, size_t *block, uint32_t *minor)
{
    size_t header, pad, first = 0;
    uint32_t major = msg_sizes_wrap(c, 1, 1, 0, 0, 0, &header, &pad, minor);

    *block = MSG_SIZES_BLOCK_PROBE;
    if (GSS_ERROR(major))
        return major;
    first = pad;
    for (size_t len = 1; len <= MSG_SIZES_BLOCK_PROBE; len++) {
        major = msg_sizes_wrap(c, 1, 1, len, 0, 0, &header, &pad, minor);
        if (GSS_ERROR(major))
            return major;
        if (len + pad != first) {
            *block = len + pad - first;
            break;
        }
    }
    return GSS_S_COMPLETE;
}

/* Computes the cached values once: both QOPs' headers for the largest message, the MIC and
 * the padding step. */
static SECURITY_STATUS msg_sizes_compute(ctx *c)
{
    size_t conf_header, integ_header, pad, mic, block;
    uint32_t major, minor = 0;

    major = msg_sizes_wrap(c, 1, 1, MSG_SIZES_LARGEST_MESSAGE, 0, 0, &conf_header, &pad, &minor);
    /* No integrity-only wrap on a limited backend's DCE-style context (backend.h). */
    integ_header = 0;
    if (!GSS_ERROR(major) && (!(c->gss_flags & GSS_C_DCE_STYLE) || !backend_dce_limited()))
        major = msg_sizes_wrap(c, 0, 1, MSG_SIZES_LARGEST_MESSAGE, 0, 0, &integ_header, &pad,
                               &minor);
    if (!GSS_ERROR(major))
        major = msg_sizes_mic(c, MSG_SIZES_LARGEST_MESSAGE, &mic, &minor);
    if (!GSS_ERROR(major))
        major = msg_sizes_block(c, &block, &minor);
    if (GSS_ERROR(major))
        return gss_util_fail(major, minor, msg_sizes_mech_of(c), ctx_status_opts(c));
    if (conf_header > UINT32_MAX || integ_header > UINT32_MAX || mic > UINT32_MAX) {
        call_note("GSSAPI reports a token larger than a SecBuffer can hold");
        return SEC_E_INTERNAL_ERROR;
    }

    atomic_store(&c->sizes_security_trailer,
                 (unsigned)(conf_header > integ_header ? conf_header : integ_header));
    atomic_store(&c->sizes_max_signature, (unsigned)mic);
    atomic_store(&c->sizes_block_size, (unsigned)block);
    atomic_store(&c->sizes_ready, 1);
    return SEC_E_OK;
}

SECURITY_STATUS msg_sizes(ctx *c, SecPkgContext_Sizes *out)
{
    SECURITY_STATUS status = SEC_E_OK;

    if (!atomic_load(&c->complete) || c->gss == GSS_C_NO_CONTEXT) {
        call_note("message sizes need an established context");
        status = SEC_E_INVALID_HANDLE;
        goto cleanup;
    }
    /* A mechanism without the IOV length calls (gss-ntlmssp) is asked gss_wrap_size_limit
     * (bridge/message_plain.c). */
    if (!atomic_load(&c->sizes_ready) && msg_plain_context(c)) {
        ULONG sig, trailer, block;
        status = msg_plain_sizes(c, &sig, &trailer, &block);
        if (status != SEC_E_OK)
            goto cleanup;
        atomic_store(&c->sizes_security_trailer, trailer);
        atomic_store(&c->sizes_max_signature, sig);
        atomic_store(&c->sizes_block_size, block);
        atomic_store(&c->sizes_ready, 1);
    }
    if (!atomic_load(&c->sizes_ready)) {
        status = msg_sizes_compute(c);
        if (status != SEC_E_OK)
            goto cleanup;
    }
    out->cbMaxToken = c->pkg->max_token;
    out->cbMaxSignature = atomic_load(&c->sizes_max_signature);
    out->cbBlockSize = atomic_load(&c->sizes_block_size);
    out->cbSecurityTrailer = atomic_load(&c->sizes_security_trailer);

cleanup:
    return status;
}
