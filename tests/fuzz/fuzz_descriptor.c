/* libFuzzer target: the SecBufferDesc shapes of EncryptMessage, DecryptMessage, MakeSignature
 * and VerifySignature: version, count, array, and each buffer's type, attribute flags, size,
 * memory and bytes, optionally around a live token.
 *   byte 0   bits 0-1 the function (Encrypt, Decrypt, MakeSignature, Verify); bits 2-3
 *            fz_variant; 0x10 fill the first TOKEN / STREAM / DATA / PADDING with a live
 *            token's parts; 0x20 the other QOP (SECQOP_WRAP_NO_ENCRYPT, or 1 for a
 *            signature); 0xC0 both set: pMessage NULL
 *   byte 1   0x80 set: ulVersion is this byte (else SECBUFFER_VERSION); 0x40 pBuffers NULL
 *   byte 2   cBuffers; above 64 only (cBuffers & 7) SecBuffers really exist behind it
 *   then per buffer: type byte (low 4 bits index a table of types; 0x10 SECBUFFER_READONLY;
 *            0x20 SECBUFFER_READONLY_WITH_CHECKSUM; 0x40 pvBuffer NULL), a 16-bit size
 *            (masked to 4095), and that many content bytes
 * Every buffer is its own heap block of exactly its size.
 * Oracles: no buffer comes back larger than the caller made it, nor pointing outside the
 * caller's memory; a refused call leaves every SecBuffer as it was (but for an EMPTY one
 * turned into SECBUFFER_MISSING with SEC_E_INCOMPLETE_MESSAGE); every status is named. */
#include "tests/fuzz/fuzz_common.h"
#include "tests/reliability/rel_common.h"

#include <sspibridge.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_BUFS 64
#define SIZE_MASK 0x0FFF

static const ULONG types[16] = {
    SECBUFFER_EMPTY,   SECBUFFER_DATA,    SECBUFFER_TOKEN,      SECBUFFER_PADDING,
    SECBUFFER_STREAM,  SECBUFFER_MISSING, SECBUFFER_EXTRA,      SECBUFFER_PKG_PARAMS,
    SECBUFFER_STREAM_HEADER, SECBUFFER_STREAM_TRAILER, SECBUFFER_CHANNEL_BINDINGS, 0x77,
    SECBUFFER_DATA,    SECBUFFER_TOKEN,   SECBUFFER_DATA,       SECBUFFER_STREAM,
};

static const char message[] = "descriptor fuzz message";
#define MESSAGE_LEN (sizeof(message) - 1)

/* Per variant: a live wrap token's parts (from the initiator) and a live signature. */
static struct live {
    unsigned char wire[512];
    size_t token, data, pad;
    unsigned char mic[128];
    size_t mic_len;
} live[FZ_VARIANTS];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_init();
    for (unsigned v = 0; v < FZ_VARIANTS; v++) {
        fz_pair *p = fz_pair_of(v);
        struct live *l = &live[v];
        SecPkgContext_Sizes sz;
        unsigned char t[256], m[MESSAGE_LEN], pad[64];
        memcpy(m, message, MESSAGE_LEN);
        if (QueryContextAttributesA(&p->ictx, SECPKG_ATTR_SIZES, &sz) != SEC_E_OK)
            fz_fail("no sizes");
        SecBuffer b[3] = {{sz.cbSecurityTrailer, SECBUFFER_TOKEN, t},
                          {MESSAGE_LEN, SECBUFFER_DATA, m},
                          {sz.cbBlockSize, SECBUFFER_PADDING, pad}};
        SecBufferDesc d = {SECBUFFER_VERSION, 3, b};
        if (EncryptMessage(&p->ictx, 0, &d, 0) != SEC_E_OK)
            fz_fail("no live wrap token");
        l->token = b[0].cbBuffer;
        l->data = b[1].cbBuffer;
        l->pad = b[2].cbBuffer;
        memcpy(l->wire, t, l->token);
        memcpy(l->wire + l->token, m, l->data);
        memcpy(l->wire + l->token + l->data, pad, l->pad);
        if (rel_sign(&p->ictx, message, MESSAGE_LEN, l->mic, sizeof(l->mic), &l->mic_len) != SEC_E_OK)
            fz_fail("no live signature");
    }
    return 0;
}

typedef struct reader {
    const uint8_t *p;
    size_t n;
} reader;

static unsigned rd_u8(reader *r)
{
    if (r->n == 0)
        return 0;
    r->n--;
    return *r->p++;
}

/* Copies up to len bytes of r into dst (zeros when r runs out). */
static void rd_bytes(reader *r, unsigned char *dst, size_t len)
{
    size_t k = len < r->n ? len : r->n;
    memcpy(dst, r->p, k);
    memset(dst + k, 0, len - k);
    r->p += k;
    r->n -= k;
}

/* Copies src over the start of b's memory, as much as fits. */
static void fill(SecBuffer *b, const unsigned char *src, size_t len)
{
    if (b->pvBuffer != NULL)
        memcpy(b->pvBuffer, src, len < b->cbBuffer ? len : b->cbBuffer);
}

static void fill_live(SecBuffer *b, int n, int op, const struct live *l)
{
    int done_token = 0, done_stream = 0, done_data = 0, done_pad = 0;
    for (int i = 0; i < n; i++) {
        ULONG t = b[i].BufferType & ~(ULONG)SECBUFFER_ATTRMASK;
        if (t == SECBUFFER_TOKEN && !done_token++)
            fill(&b[i], op == 3 ? l->mic : l->wire, op == 3 ? l->mic_len : l->token);
        else if (t == SECBUFFER_STREAM && !done_stream++)
            fill(&b[i], l->wire, l->token + l->data + l->pad);
        else if (t == SECBUFFER_DATA && !done_data++)
            fill(&b[i], op == 3 ? (const unsigned char *)message : l->wire + l->token,
                 op == 3 ? MESSAGE_LEN : l->data);
        else if (t == SECBUFFER_PADDING && !done_pad++)
            fill(&b[i], l->wire + l->token + l->data, l->pad);
    }
}

/* Whether [p, p + n) lies in one of the caller's original buffers. */
static int in_caller_memory(const void *p, size_t n, const SecBuffer *orig, int k)
{
    const unsigned char *q = p;
    if (n == 0)
        return 1;
    for (int i = 0; i < k; i++) {
        const unsigned char *base = orig[i].pvBuffer;
        if (base != NULL && q >= base && q + n <= base + orig[i].cbBuffer)
            return 1;
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    reader r = {data, size};
    unsigned b0 = rd_u8(&r), b1 = rd_u8(&r), count = rd_u8(&r);
    unsigned op = b0 & 3, variant = (b0 >> 2) & 3;
    fz_pair *p = fz_pair_of(variant);
    SecBuffer bufs[MAX_BUFS], before[MAX_BUFS];
    unsigned char *blocks[MAX_BUFS];
    int k = count <= MAX_BUFS ? (int)count : (int)(count & 7);

    memset(bufs, 0, sizeof(bufs));
    memset(blocks, 0, sizeof(blocks));
    for (int i = 0; i < k; i++) {
        unsigned t = rd_u8(&r);
        size_t len = (rd_u8(&r) | (size_t)rd_u8(&r) << 8) & SIZE_MASK;
        bufs[i].BufferType = types[t & 15] | ((t & 0x10) ? SECBUFFER_READONLY : 0) |
                             ((t & 0x20) ? SECBUFFER_READONLY_WITH_CHECKSUM : 0);
        bufs[i].cbBuffer = (ULONG)len;
        if (!(t & 0x40)) {
            blocks[i] = malloc(len ? len : 1);
            rd_bytes(&r, blocks[i], len);
            bufs[i].pvBuffer = blocks[i];
        }
    }
    if (b0 & 0x10)
        fill_live(bufs, k, op, &live[variant]);
    memcpy(before, bufs, sizeof(bufs));

    SecBufferDesc desc = {(b1 & 0x80) ? b1 : SECBUFFER_VERSION, count, (b1 & 0x40) ? NULL : bufs};
    SecBufferDesc *d = (b0 & 0xC0) == 0xC0 ? NULL : &desc;
    ULONG qop = 0;
    SECURITY_STATUS st;
    switch (op) {
    case 0:
        st = EncryptMessage(&p->ictx, (b0 & 0x20) ? SECQOP_WRAP_NO_ENCRYPT : 0, d, 0);
        break;
    case 1:
        st = DecryptMessage(&p->actx, d, 0, &qop);
        break;
    case 2:
        st = MakeSignature(&p->ictx, (b0 & 0x20) ? 1 : 0, d, 0);
        break;
    default:
        st = VerifySignature(&p->actx, d, 0, &qop);
        break;
    }
    if (strcmp(sspibridge_status_name(st), "unknown") == 0)
        fz_fail("a message function returned a status sspi.h does not name");

    for (int i = 0; i < k; i++) {
        const SecBuffer *a = &bufs[i], *o = &before[i];
        if (a->BufferType != o->BufferType) {
            /* The one change a failure may make: an EMPTY (or MISSING) buffer reporting how
             * many bytes a cut stream lacks. */
            if (st != SEC_E_INCOMPLETE_MESSAGE || a->BufferType != SECBUFFER_MISSING ||
                (o->BufferType != SECBUFFER_EMPTY && o->BufferType != SECBUFFER_MISSING))
                fz_fail("buffer %d's type changed from 0x%x to 0x%x (status 0x%08x)", i,
                        (unsigned)o->BufferType, (unsigned)a->BufferType, (unsigned)st);
            continue;
        }
        if (st == SEC_E_INCOMPLETE_MESSAGE && a->BufferType == SECBUFFER_MISSING)
            continue;
        if (a->pvBuffer == o->pvBuffer && a->cbBuffer == o->cbBuffer)
            continue;
        if (st != SEC_E_OK)
            fz_fail("a refused call (0x%08x) changed SecBuffer %d", (unsigned)st, i);
        if (a->pvBuffer == o->pvBuffer ? a->cbBuffer > o->cbBuffer
                                       : !in_caller_memory(a->pvBuffer, a->cbBuffer, before, k))
            fz_fail("a SecBuffer came back larger than, or outside, the caller's memory");
        if (op != 1 && a->pvBuffer != o->pvBuffer)
            fz_fail("a function other than DecryptMessage moved a buffer");
    }
    for (int i = 0; i < k; i++)
        free(blocks[i]);
    return 0;
}
