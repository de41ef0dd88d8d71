/* libFuzzer target: AcceptSecurityContext's input token (the client's AP-REQ, in DCE style
 * too), with and without channel bindings, allocated or caller output, and a caller output
 * buffer too small for the reply (the pending-token retry).
 *   flags & 0x01   DCE style acceptor (else plain mutual)
 *   flags & 0x04   FZ_XOR: the live AP-REQ made at start-up, XORed (fuzz_common.h)
 *   flags & 0x08   a SECBUFFER_CHANNEL_BINDINGS buffer: raw mode takes byte 1 bytes off the
 *                  token's start for it, XOR mode passes an empty SEC_CHANNEL_BINDINGS
 *   flags & 0x10   ASC_REQ_ALLOCATE_MEMORY
 *   flags & 0x20   a 16-byte output buffer first, then a retry with a big one
 * Oracles: no handle and no FreeContextBuffer block outlives the call sequence; a failed
 * first call leaves no context; every status is one sspi.h names. */
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

static void check_status(SECURITY_STATUS st)
{
    if (strcmp(sspibridge_status_name(st), "unknown") == 0)
        fz_fail("AcceptSecurityContext returned a status sspi.h does not name");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static unsigned char tok[65536], reply[65536];
    if (size < 2)
        return 0;
    unsigned flags = data[0];
    fz_pair *p = fz_pair_of(flags & 1);
    size_t n = fz_token(data, size, p->ap_req, p->ap_req_len, tok, sizeof(tok));
    size_t nb = 0;
    SEC_CHANNEL_BINDINGS empty_cb;
    unsigned char *cb = NULL;

    if (flags & 0x08) {
        if (flags & FZ_XOR) {
            memset(&empty_cb, 0, sizeof(empty_cb));
            nb = sizeof(empty_cb);
            cb = malloc(nb);
            memcpy(cb, &empty_cb, nb);
        } else {
            nb = data[1] < n ? data[1] : n;
            cb = malloc(nb ? nb : 1);
            memcpy(cb, tok, nb);
            memmove(tok, tok + nb, n - nb);
            n -= nb;
        }
    }
    /* The token in memory of exactly its size: a read past it is an ASan report. */
    unsigned char *in_tok = malloc(n ? n : 1);
    memcpy(in_tok, tok, n);
    SecBuffer ib[2] = {{(ULONG)n, SECBUFFER_TOKEN, in_tok}, {(ULONG)nb, SECBUFFER_CHANNEL_BINDINGS, cb}};
    SecBufferDesc id = {SECBUFFER_VERSION, cb ? 2 : 1, ib};
    ULONG req = p->asc_req | ((flags & 0x10) ? ASC_REQ_ALLOCATE_MEMORY : 0);
    int small = (flags & 0x20) && !(flags & 0x10);
    SecBuffer ob = {small ? 16 : (ULONG)sizeof(reply), SECBUFFER_TOKEN, (flags & 0x10) ? NULL : reply};
    SecBufferDesc od = {SECBUFFER_VERSION, 1, &ob};
    CtxtHandle h;
    ULONG attrs;
    SecInvalidateHandle(&h);

    SECURITY_STATUS st = AcceptSecurityContext(&p->acred, NULL, &id, req, SECURITY_NATIVE_DREP, &h, &od,
                                               &attrs, NULL);
    check_status(st);
    int have = st >= 0 || (st == SEC_E_INSUFFICIENT_MEMORY && small && SecIsValidHandle(&h));
    if (st < 0 && !have && handle_live_count() != base_handles)
        fz_fail("a failed first AcceptSecurityContext left a context behind");
    if (have && small && st == SEC_E_INSUFFICIENT_MEMORY) {
        /* The reply waits in the context for a bigger buffer. */
        ob.cbBuffer = sizeof(reply);
        ob.pvBuffer = reply;
        st = AcceptSecurityContext(&p->acred, &h, &id, req, SECURITY_NATIVE_DREP, &h, &od, &attrs, NULL);
        check_status(st);
        if (st < 0)
            fz_fail("the retry of a pending reply failed");
    }
    if (st >= 0 && (flags & 0x10) && ob.pvBuffer != NULL && FreeContextBuffer(ob.pvBuffer) != SEC_E_OK)
        fz_fail("FreeContextBuffer refused an allocated reply");
    if (st == SEC_E_OK) {
        SecPkgContext_Sizes sz;
        SecPkgContext_NamesA names;
        if (QueryContextAttributesA(&h, SECPKG_ATTR_SIZES, &sz) != SEC_E_OK)
            fz_fail("an accepted context has no sizes");
        if (QueryContextAttributesA(&h, SECPKG_ATTR_NAMES, &names) == SEC_E_OK)
            FreeContextBuffer(names.sUserName);
    }
    if (have && DeleteSecurityContext(&h) != SEC_E_OK)
        fz_fail("DeleteSecurityContext refused a context AcceptSecurityContext returned");
    if (handle_live_count() != base_handles || mem_live_count() != base_blocks)
        fz_fail("a handle or FreeContextBuffer block leaked");
    free(in_tok);
    free(cb);
    return 0;
}
