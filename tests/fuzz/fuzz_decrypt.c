/* libFuzzer target: DecryptMessage on hostile wrap tokens, as a SECBUFFER_STREAM or split
 * into TOKEN | DATA (| PADDING), on RFC 4121 (AES) and RFC 4757 (RC4) contexts, plain and DCE
 * style, in both directions.
 *   flags & 0x03   fz_variant
 *   flags & 0x04   FZ_XOR: a live wrap token of that pair, XORed (fuzz_common.h)
 *   flags & 0x08   the live token is integrity-only (SECQOP_WRAP_NO_ENCRYPT)
 *   flags & 0x30   layout: 0 STREAM | DATA, 1 TOKEN | DATA, 2 TOKEN | DATA | PADDING,
 *                  3 STREAM | DATA | EMPTY (the EMPTY one can report SECBUFFER_MISSING)
 *   flags & 0x40   the acceptor's token to the initiator (else initiator to acceptor)
 *   byte 1         raw mode: where TOKEN ends and DATA begins in the split layouts
 * Every buffer is its own heap block of exactly its size (ASan sees any read past it).
 * Oracles: a success hands back DATA inside the caller's memory; an unmodified live token
 * decrypts to the message; SECBUFFER_MISSING appears only with SEC_E_INCOMPLETE_MESSAGE. */
#include "tests/fuzz/fuzz_common.h"

#include <sspibridge.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char message[] = "sspibridge fuzz message: the quick brown fox";
#define MESSAGE_LEN (sizeof(message) - 1)

/* Live tokens [variant][direction][integrity-only]. */
static struct live {
    unsigned char wire[512];
    size_t len, header;
    ULONG qop; /* what it was sealed with */
} live[FZ_VARIANTS][2][2];

/* EncryptMessage of the message in TOKEN | DATA | PADDING, closed up into one token. */
static void seal(CtxtHandle *h, ULONG qop, struct live *l)
{
    SecPkgContext_Sizes sz;
    unsigned char t[256], m[MESSAGE_LEN], pad[64];
    if (QueryContextAttributesA(h, SECPKG_ATTR_SIZES, &sz) != SEC_E_OK || sz.cbSecurityTrailer > sizeof(t) ||
        sz.cbBlockSize > sizeof(pad))
        fz_fail("no sizes for the live wrap token");
    memcpy(m, message, MESSAGE_LEN);
    SecBuffer b[3] = {{sz.cbSecurityTrailer, SECBUFFER_TOKEN, t},
                      {MESSAGE_LEN, SECBUFFER_DATA, m},
                      {sz.cbBlockSize, SECBUFFER_PADDING, pad}};
    SecBufferDesc d = {SECBUFFER_VERSION, 3, b};
    SECURITY_STATUS st = EncryptMessage(h, qop, &d, 0);
    /* Heimdal makes no integrity-only wrap token in DCE style (README, "Heimdal backend"):
     * refused with exactly SEC_E_QOP_NOT_SUPPORTED, that slot holds a sealed token. */
    if (st == SEC_E_QOP_NOT_SUPPORTED && qop != 0 && strcmp(sspibridge_backend(), "heimdal") == 0) {
        SecPkgContext_Flags f;
        if (QueryContextAttributesA(h, SECPKG_ATTR_FLAGS, &f) != SEC_E_OK ||
            (f.Flags & (ISC_RET_USED_DCE_STYLE | ASC_RET_USED_DCE_STYLE)) == 0)
            fz_fail("integrity-only wrap refused outside DCE style");
        memcpy(m, message, MESSAGE_LEN);
        b[0].cbBuffer = sz.cbSecurityTrailer;
        b[2].cbBuffer = sz.cbBlockSize;
        qop = 0;
        st = EncryptMessage(h, qop, &d, 0);
    }
    if (st != SEC_E_OK)
        fz_fail("no live wrap token");
    l->qop = qop;
    memcpy(l->wire, t, b[0].cbBuffer);
    memcpy(l->wire + b[0].cbBuffer, m, b[1].cbBuffer);
    memcpy(l->wire + b[0].cbBuffer + b[1].cbBuffer, pad, b[2].cbBuffer);
    l->header = b[0].cbBuffer;
    l->len = (size_t)b[0].cbBuffer + b[1].cbBuffer + b[2].cbBuffer;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_init();
    for (unsigned v = 0; v < FZ_VARIANTS; v++)
        for (int dir = 0; dir < 2; dir++)
            for (int integ = 0; integ < 2; integ++) {
                fz_pair *p = fz_pair_of(v);
                seal(dir ? &p->actx : &p->ictx, integ ? SECQOP_WRAP_NO_ENCRYPT : 0, &live[v][dir][integ]);
            }
    return 0;
}

static unsigned char *dup_block(const unsigned char *p, size_t n)
{
    unsigned char *b = malloc(n ? n : 1);
    memcpy(b, p, n);
    return b;
}

static int inside(const void *p, size_t n, const void *base, size_t len)
{
    const unsigned char *q = p, *b = base;
    return q >= b && q + n <= b + len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static unsigned char tok[65536];
    if (size < 2)
        return 0;
    unsigned flags = data[0], layout = (flags >> 4) & 3;
    int dir = (flags & 0x40) != 0, integ = (flags & 0x08) != 0;
    fz_pair *p = fz_pair_of(flags);
    const struct live *l = &live[flags & FZ_VARIANT_MASK][dir][integ];
    CtxtHandle *to = dir ? &p->ictx : &p->actx;
    size_t n = fz_token(data, size, l->wire, l->len, tok, sizeof(tok));
    int pristine = (flags & FZ_XOR) && n == l->len && memcmp(tok, l->wire, n) == 0;
    SecBuffer b[3];
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    unsigned char *blocks[3] = {NULL, NULL, NULL};
    size_t split = 0;
    ULONG qop = 0;

    if (layout == 0 || layout == 3) {
        blocks[0] = dup_block(tok, n);
        b[0] = (SecBuffer){(ULONG)n, SECBUFFER_STREAM, blocks[0]};
        b[1] = (SecBuffer){0, SECBUFFER_DATA, NULL};
        b[2] = (SecBuffer){0, SECBUFFER_EMPTY, NULL};
        d.cBuffers = layout == 3 ? 3 : 2;
    } else {
        split = (flags & FZ_XOR) ? l->header : data[1];
        if (split > n)
            split = n;
        size_t rest = n - split, pad = 0;
        if (layout == 2 && (flags & FZ_XOR) && rest > MESSAGE_LEN)
            pad = rest - MESSAGE_LEN;
        blocks[0] = dup_block(tok, split);
        blocks[1] = dup_block(tok + split, rest - pad);
        blocks[2] = dup_block(tok + split + rest - pad, pad);
        b[0] = (SecBuffer){(ULONG)split, SECBUFFER_TOKEN, blocks[0]};
        b[1] = (SecBuffer){(ULONG)(rest - pad), SECBUFFER_DATA, blocks[1]};
        b[2] = (SecBuffer){(ULONG)pad, SECBUFFER_PADDING, blocks[2]};
        d.cBuffers = layout == 2 ? 3 : 2;
    }
    SecBuffer before[3];
    memcpy(before, b, sizeof(b));

    SECURITY_STATUS st = DecryptMessage(to, &d, 0, &qop);
    if (strcmp(sspibridge_status_name(st), "unknown") == 0)
        fz_fail("DecryptMessage returned a status sspi.h does not name");
    /* TOKEN | DATA without PADDING fits RFC 4121 tokens only: RC4's pad byte is not DATA. */
    pristine = pristine && (layout != 1 || (flags & FZ_VARIANT_MASK) < FZ_RC4);
    if (pristine && st != SEC_E_OK)
        fz_fail("an unmodified live token did not decrypt");
    if (st == SEC_E_OK) {
        const SecBuffer *out = &b[1];
        const SecBuffer *from = layout == 0 || layout == 3 ? &before[0] : &before[1];
        if (!inside(out->pvBuffer, out->cbBuffer, from->pvBuffer, from->cbBuffer))
            fz_fail("DecryptMessage handed back DATA outside the caller's memory");
        if (pristine && (out->cbBuffer != MESSAGE_LEN || memcmp(out->pvBuffer, message, MESSAGE_LEN) != 0))
            fz_fail("an unmodified live token decrypted to something else");
        if (pristine && qop != l->qop)
            fz_fail("pfQOP does not say how the live token was protected");
    } else {
        if (memcmp(&b[0], &before[0], sizeof(SecBuffer)) != 0 || memcmp(&b[1], &before[1], sizeof(SecBuffer)) != 0)
            fz_fail("a refused DecryptMessage changed the caller's STREAM/TOKEN or DATA buffer");
    }
    if (layout == 3 && b[2].BufferType == SECBUFFER_MISSING && st != SEC_E_INCOMPLETE_MESSAGE)
        fz_fail("SECBUFFER_MISSING reported without SEC_E_INCOMPLETE_MESSAGE");
    if (layout == 3 && st == SEC_E_INCOMPLETE_MESSAGE &&
        (b[2].BufferType != SECBUFFER_MISSING || b[2].cbBuffer == 0))
        fz_fail("SEC_E_INCOMPLETE_MESSAGE without the count of missing bytes");
    for (int i = 0; i < 3; i++)
        free(blocks[i]);
    return 0;
}
