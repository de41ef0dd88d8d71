/* libFuzzer target: InitializeSecurityContext's second leg, the server's reply (the AP-REP,
 * in DCE style too) on a fresh half-open initiator context each run.
 *   flags & 0x01   DCE style (else plain mutual)
 *   flags & 0x04   FZ_XOR: the acceptor's real reply to this very context, XORed
 *   flags & 0x08   a SECBUFFER_CHANNEL_BINDINGS buffer of byte 1 bytes off the token's start
 *                  (raw mode only)
 *   flags & 0x10   no output memory (cbBuffer 0), with ISC_REQ_ALLOCATE_MEMORY asked only on
 *                  the continuation, where it no longer counts: a DCE third leg is pending
 * Oracles: the half-open context is deletable whatever the reply did, nothing leaks, a
 * refused reply leaves the context refusing further use (never half-working), every status
 * is one sspi.h names. */
#include "bridge/handle.h"
#include "bridge/memory.h"
#include "tests/fuzz/fuzz_common.h"

#include <sspibridge.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t base_handles, base_blocks;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_init();
    base_handles = handle_live_count();
    base_blocks = mem_live_count();
    return 0;
}

/* The acceptor's reply to ap_req, from a throwaway acceptor context. */
static size_t live_reply(fz_pair *p, unsigned char *ap_req, size_t len, unsigned char *out, size_t cap)
{
    SecBuffer ib = {(ULONG)len, SECBUFFER_TOKEN, ap_req};
    SecBufferDesc id = {SECBUFFER_VERSION, 1, &ib};
    SecBuffer ob = {(ULONG)cap, SECBUFFER_TOKEN, out};
    SecBufferDesc od = {SECBUFFER_VERSION, 1, &ob};
    CtxtHandle a;
    ULONG attrs;
    SECURITY_STATUS st = AcceptSecurityContext(&p->acred, NULL, &id, p->asc_req, SECURITY_NATIVE_DREP, &a,
                                               &od, &attrs, NULL);
    if (st < 0)
        fz_fail("the acceptor refused a fresh AP-REQ");
    DeleteSecurityContext(&a);
    return ob.cbBuffer;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static unsigned char ap_req[16384], rep[16384], tok[65536], out[65536];
    if (size < 2)
        return 0;
    unsigned flags = data[0];
    fz_pair *p = fz_pair_of(flags & 1);
    CtxtHandle h;
    size_t ap_req_len = 0, rep_len = 0;

    if (fz_first_leg(p, &h, ap_req, sizeof(ap_req), &ap_req_len) != SEC_I_CONTINUE_NEEDED)
        fz_fail("a mutual first leg did not ask to continue");
    if (flags & FZ_XOR)
        rep_len = live_reply(p, ap_req, ap_req_len, rep, sizeof(rep));
    size_t n = fz_token(data, size, rep, rep_len, tok, sizeof(tok));
    size_t nb = 0;
    unsigned char *cb = NULL;
    if ((flags & 0x08) && !(flags & FZ_XOR)) {
        nb = data[1] < n ? data[1] : n;
        cb = malloc(nb ? nb : 1);
        memcpy(cb, tok, nb);
        memmove(tok, tok + nb, n - nb);
        n -= nb;
    }
    unsigned char *in_tok = malloc(n ? n : 1);
    memcpy(in_tok, tok, n);
    SecBuffer ib[2] = {{(ULONG)n, SECBUFFER_TOKEN, in_tok}, {(ULONG)nb, SECBUFFER_CHANNEL_BINDINGS, cb}};
    SecBufferDesc id = {SECBUFFER_VERSION, cb ? 2 : 1, ib};
    int alloc = (flags & 0x10) != 0;
    SecBuffer ob = {alloc ? 0 : (ULONG)sizeof(out), SECBUFFER_TOKEN, alloc ? NULL : out};
    SecBufferDesc od = {SECBUFFER_VERSION, 1, &ob};
    ULONG attrs;
    SECURITY_STATUS st = InitializeSecurityContextA(&p->icred, &h, NULL, p->isc_req | (alloc ? ISC_REQ_ALLOCATE_MEMORY : 0),
                                                    0, SECURITY_NATIVE_DREP, &id, 0, &h, &od, &attrs, NULL);
    if (strcmp(sspibridge_status_name(st), "unknown") == 0)
        fz_fail("InitializeSecurityContext returned a status sspi.h does not name");
    if (st < 0) {
        /* A refused reply ends the context: it only awaits deletion. */
        unsigned char msg[64] = {0}, t[256];
        SecBuffer mb[2] = {{sizeof(t), SECBUFFER_TOKEN, t}, {sizeof(msg), SECBUFFER_DATA, msg}};
        SecBufferDesc md = {SECBUFFER_VERSION, 2, mb};
        if (EncryptMessage(&h, 0, &md, 0) != SEC_E_INVALID_HANDLE)
            fz_fail("a context whose reply was refused protects messages");
    } else if (st == SEC_E_OK) {
        SecPkgContext_Sizes sz;
        if (QueryContextAttributesA(&h, SECPKG_ATTR_SIZES, &sz) != SEC_E_OK)
            fz_fail("an established context has no sizes");
    }
    if (ob.pvBuffer != NULL && ob.pvBuffer != out && FreeContextBuffer(ob.pvBuffer) != SEC_E_OK)
        fz_fail("FreeContextBuffer refused an allocated token");
    if (DeleteSecurityContext(&h) != SEC_E_OK)
        fz_fail("the half-open context could not be deleted");
    if (handle_live_count() != base_handles || mem_live_count() != base_blocks)
        fz_fail("a handle or FreeContextBuffer block leaked");
    free(in_tok);
    free(cb);
    return 0;
}
