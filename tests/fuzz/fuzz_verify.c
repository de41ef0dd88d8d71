/* libFuzzer target: VerifySignature on hostile MIC tokens over DATA, on RFC 4121 and
 * RFC 4757 contexts, plain and DCE style, both directions, both buffer orders.
 *   flags & 0x03   fz_variant
 *   flags & 0x04   FZ_XOR: a live MIC token followed by its message, XORed
 *   flags & 0x08   DATA before TOKEN (else TOKEN before DATA)
 *   flags & 0x10   the DATA buffer is marked SECBUFFER_READONLY_WITH_CHECKSUM
 *   flags & 0x20   the message split over two DATA buffers
 *   flags & 0x40   the acceptor's signature to the initiator
 *   byte 1         raw mode: the MIC token's length; the rest is the message
 * Oracles: VerifySignature never writes into the caller's buffers; an unmodified live
 * signature verifies; every status is one sspi.h names. */
#include "tests/fuzz/fuzz_common.h"
#include "tests/reliability/rel_common.h"

#include <sspibridge.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char message[] = "sspibridge fuzz message to sign";
#define MESSAGE_LEN (sizeof(message) - 1)

static struct live {
    unsigned char wire[512]; /* MIC token || message */
    size_t len, mic;
} live[FZ_VARIANTS][2];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_init();
    for (unsigned v = 0; v < FZ_VARIANTS; v++)
        for (int dir = 0; dir < 2; dir++) {
            fz_pair *p = fz_pair_of(v);
            struct live *l = &live[v][dir];
            if (rel_sign(dir ? &p->actx : &p->ictx, message, MESSAGE_LEN, l->wire, sizeof(l->wire) - MESSAGE_LEN,
                         &l->mic) != SEC_E_OK)
                fz_fail("no live signature");
            memcpy(l->wire + l->mic, message, MESSAGE_LEN);
            l->len = l->mic + MESSAGE_LEN;
        }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static unsigned char tok[65536];
    if (size < 2)
        return 0;
    unsigned flags = data[0];
    int dir = (flags & 0x40) != 0;
    fz_pair *p = fz_pair_of(flags);
    const struct live *l = &live[flags & FZ_VARIANT_MASK][dir];
    size_t n = fz_token(data, size, l->wire, l->len, tok, sizeof(tok));
    int pristine = (flags & FZ_XOR) && n == l->len && memcmp(tok, l->wire, n) == 0;
    size_t mic = (flags & FZ_XOR) ? l->mic : data[1];
    if (mic > n)
        mic = n;
    size_t msg = n - mic, first = (flags & 0x20) ? msg / 2 : msg;

    unsigned char *m = malloc(mic ? mic : 1), *d1 = malloc(first ? first : 1),
                  *d2 = malloc(msg - first ? msg - first : 1);
    memcpy(m, tok, mic);
    memcpy(d1, tok + mic, first);
    memcpy(d2, tok + mic + first, msg - first);
    ULONG dtype = SECBUFFER_DATA | ((flags & 0x10) ? SECBUFFER_READONLY_WITH_CHECKSUM : 0);
    SecBuffer t = {(ULONG)mic, SECBUFFER_TOKEN, m}, a = {(ULONG)first, dtype, d1},
              c = {(ULONG)(msg - first), dtype, d2};
    SecBuffer b[3];
    int k = 0;
    if (!(flags & 0x08))
        b[k++] = t;
    b[k++] = a;
    if (flags & 0x20)
        b[k++] = c;
    if (flags & 0x08)
        b[k++] = t;
    SecBufferDesc d = {SECBUFFER_VERSION, (ULONG)k, b};
    SecBuffer before[3];
    memcpy(before, b, sizeof(b));
    ULONG qop = 0;

    SECURITY_STATUS st = VerifySignature(dir ? &p->ictx : &p->actx, &d, 0, &qop);
    if (strcmp(sspibridge_status_name(st), "unknown") == 0)
        fz_fail("VerifySignature returned a status sspi.h does not name");
    if (pristine && st != SEC_E_OK)
        fz_fail("an unmodified live signature did not verify");
    if (memcmp(before, b, sizeof(SecBuffer) * (size_t)k) != 0 || memcmp(m, tok, mic) != 0 ||
        memcmp(d1, tok + mic, first) != 0 || memcmp(d2, tok + mic + first, msg - first) != 0)
        fz_fail("VerifySignature wrote into the caller's buffers");
    free(m);
    free(d1);
    free(d2);
    return 0;
}
