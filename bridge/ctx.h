/* Security context objects behind CtxtHandle, shared by establishment, messages and
 * attributes. */
#ifndef SSPIBRIDGE_CTX_H
#define SSPIBRIDGE_CTX_H

#include "bridge/cred.h"
#include "bridge/handle.h"
#include "mappings/map_package.h"

#include <gssapi/gssapi.h>
#include <pthread.h>
#include <stdatomic.h>

/* NTLM replay window (plain_seen below): messages remembered, bytes of each signature. */
#define CTX_PLAIN_SEEN 8
#define CTX_PLAIN_SIG  16

typedef struct ctx {
    handle_obj h;
    /* Establishment calls on one context are serialized; as Microsoft documents for
     * Kerberos, one thread may send (Encrypt/MakeSignature) while another receives
     * (Decrypt/VerifySignature), so each direction has its own lock. */
    pthread_mutex_t estab_lock;
    pthread_mutex_t send_lock;
    pthread_mutex_t recv_lock;

    const map_package *pkg;
    gss_OID_desc mech;        /* the package's mechanism */
    gss_OID actual_mech;      /* what GSSAPI negotiated (static storage of the library) */
    int initiator;
    cred *cred;               /* held for the context's life; NULL for an imported one */
    /* A private copy of the credential when a request changes it for this context only
     * (ISC_REQ_NO_INTEGRITY sets krb5's no-CI-flags option); GSS_C_NO_CREDENTIAL else. */
    gss_cred_id_t own_cred;
    gss_ctx_id_t gss;
    gss_name_t target;        /* initiator: the imported target name */
    ULONG req;                /* ISC_REQ_* or ASC_REQ_* of the first call */
    OM_uint32 gss_flags;      /* what GSSAPI reported */
    ULONG attrs;              /* ISC_RET_* or ASC_RET_* reported to the caller */
    atomic_int complete;
    int failed;               /* establishment failed: the handle only awaits deletion */
    /* ExportSecurityContext moved the GSS context out (gss is GSS_C_NO_CONTEXT): only what
     * the bridge keeps itself (flags, package) can still be asked. Set under all three locks. */
    int exported;
    /* Unix time establishment completed (SECPKG_ATTR_LIFESPAN's tsStart), 0 before. */
    int64_t established;

    /* A token the caller's too-small buffer could not take: the next call with a bigger
     * buffer gets it without touching GSSAPI again (the GSS context has moved on). */
    gss_buffer_desc pending;
    SECURITY_STATUS pending_status;

    /* Acceptor: delegated credentials stored in a memory cache this context owns. */
    char deleg_ccache[96];

    /* Message protection (bridge/message.c, bridge/msg_sizes.c). sizes_ready publishes the
     * SecPkgContext_Sizes values below, computed once from the established context (the
     * same values whichever thread computes them, so each field is simply atomic). */
    atomic_int sizes_ready;
    atomic_uint sizes_max_signature, sizes_block_size, sizes_security_trailer;
    /* MSG_WARM_* bits (bridge/message.c): the kinds of message token this context has
     * already produced or consumed once. */
    atomic_uint msg_warm;
    /* bridge/msg_sizes.c: the wrap overhead per QOP (index: conf) and the MIC token size,
     * once GSSAPI has shown they are the same for every message: 0 not asked yet,
     * UINT_MAX when they depend on it, else the bytes + 1. */
    atomic_uint msg_wrap_fixed[2], msg_mic_fixed;
    /* bridge/message.c msg_cfx_context: 0 not asked yet, 1 RFC 1964 / RFC 4757 tokens,
     * 2 RFC 4121 tokens. */
    atomic_int msg_cfx;
    /* bridge/message_plain.c msg_plain_context: 0 not asked yet, 1 the mechanism has the IOV
     * message calls, 2 it has only gss_wrap / gss_get_mic (gss-ntlmssp). */
    atomic_int msg_plain;
    /* bridge/message_plain.c: the signatures of the last CTX_PLAIN_SEEN messages this
     * context accepted through gss_unwrap / gss_verify_mic, under recv_lock. A replay is
     * recognised before it reaches the mechanism (gss-ntlmssp would call it a bad
     * signature, and its RC4 state would have moved on: every later message would fail). */
    unsigned char plain_seen[CTX_PLAIN_SEEN][CTX_PLAIN_SIG];
    unsigned plain_seen_count, plain_seen_next;
} ctx;

/* The live context behind h with a reference, or NULL. */
ctx *ctx_get(const CtxtHandle *h);
void ctx_put(ctx *c);

/* A new context object for pkg holding a reference to cr (not yet in the handle table).
 * cr is NULL for a context ImportSecurityContext makes: it never establishes. */
ctx *ctx_new(const map_package *pkg, cred *cr, int initiator, ULONG req);
/* Frees an object that never entered the handle table. */
void ctx_discard(ctx *c);

/* Reads a SECBUFFER_CHANNEL_BINDINGS buffer into a GSS bindings structure pointing into
 * it. *out is GSS_C_NO_CHANNEL_BINDINGS when there is none. SEC_E_OK or
 * SEC_E_INVALID_TOKEN (offsets outside the buffer). */
SECURITY_STATUS ctx_bindings(const SecBufferDesc *input, struct gss_channel_bindings_struct *storage,
                             gss_channel_bindings_t *out);

/* Hands the establishment output token to the caller (TOKEN buffer of pOutput). A caller's
 * buffer too small keeps the token pending in c and returns SEC_E_INSUFFICIENT_MEMORY. */
SECURITY_STATUS ctx_output_token(ctx *c, SecBufferDesc *output, gss_buffer_t token,
                                 int allocate, SECURITY_STATUS status);
/* Retries a pending token into output: SEC_E_OK-or-continue status when it fits now. */
SECURITY_STATUS ctx_output_pending(ctx *c, SecBufferDesc *output, int allocate);

/* One establishment step (gss_init_sec_context or gss_accept_sec_context) on c. */
typedef SECURITY_STATUS (*ctx_step_fn)(ctx *c, PSecBufferDesc pInput, PSecBufferDesc pOutput,
                                       PULONG pfContextAttr, PTimeStamp ptsExpiry);
/* What both roles do around a step: serialize, hand out a pending token, refuse a failed
 * or finished context, and register a context created by this call (created = 1; c is
 * then consumed whatever happens). A context from a handle is released. */
SECURITY_STATUS ctx_establish(ctx *c, int created, ctx_step_fn step, PCtxtHandle phContext,
                              PCtxtHandle phNewContext, PSecBufferDesc pInput,
                              PSecBufferDesc pOutput, PULONG pfContextAttr, PTimeStamp ptsExpiry);

/* Status mapping options for this context (krb5 minor codes, sequence detection). */
unsigned ctx_status_opts(const ctx *c);

#endif
