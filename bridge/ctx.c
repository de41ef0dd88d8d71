/* Security context objects: lifetime, DeleteSecurityContext, channel bindings and the
 * establishment token output both roles share. */
#include "bridge/ctx.h"

#include "bridge/call.h"
#include "bridge/ccache.h"
#include "bridge/gss_util.h"
#include "bridge/secbuf.h"
#include "mappings/map_status.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static void ctx_free(ctx *c)
{
    OM_uint32 minor;
    if (c->gss != GSS_C_NO_CONTEXT)
        gss_delete_sec_context(&minor, &c->gss, GSS_C_NO_BUFFER);
    if (c->target != GSS_C_NO_NAME)
        gss_release_name(&minor, &c->target);
    if (c->own_cred != GSS_C_NO_CREDENTIAL)
        gss_release_cred(&minor, &c->own_cred);
    if (c->pending.value != NULL) {
        explicit_bzero(c->pending.value, c->pending.length);
        free(c->pending.value);
    }
    if (c->deleg_ccache[0] != '\0')
        ccache_destroy(c->deleg_ccache);
    cred_put(c->cred);
    pthread_mutex_destroy(&c->estab_lock);
    pthread_mutex_destroy(&c->send_lock);
    pthread_mutex_destroy(&c->recv_lock);
    free(c);
}

static void ctx_destroy(handle_obj *obj)
{
    ctx_free((ctx *)obj);
}

ctx *ctx_get(const CtxtHandle *h)
{
    return (ctx *)handle_acquire(h, HANDLE_TYPE_CTX);
}

void ctx_put(ctx *c)
{
    if (c != NULL)
        handle_release(&c->h);
}

ctx *ctx_new(const map_package *pkg, cred *cr, int initiator, ULONG req)
{
    ctx *c = calloc(1, sizeof(*c));
    if (c == NULL)
        return NULL;
    handle_obj_init(&c->h, HANDLE_TYPE_CTX, ctx_destroy);
    pthread_mutex_init(&c->estab_lock, NULL);
    pthread_mutex_init(&c->send_lock, NULL);
    pthread_mutex_init(&c->recv_lock, NULL);
    c->pkg = pkg;
    gss_util_mech(pkg, &c->mech);
    c->initiator = initiator;
    c->cred = cr;
    if (cr != NULL)
        handle_retain(&cr->h);
    c->gss = GSS_C_NO_CONTEXT;
    c->target = GSS_C_NO_NAME;
    c->own_cred = GSS_C_NO_CREDENTIAL;
    c->req = req;
    atomic_init(&c->complete, 0);
    return c;
}

void ctx_discard(ctx *c)
{
    if (c != NULL)
        ctx_free(c);
}

SECURITY_STATUS SEC_ENTRY DeleteSecurityContext(PCtxtHandle phContext)
{
    CALL_RETURN(handle_unregister(phContext, HANDLE_TYPE_CTX));
}

/* One address field of SEC_CHANNEL_BINDINGS, checked against the buffer. */
static int ctx_bindings_field(const SecBuffer *b, ULONG offset, ULONG length, gss_buffer_t out)
{
    if (length == 0) {
        out->length = 0;
        out->value = NULL;
        return 0;
    }
    if (offset > b->cbBuffer || length > b->cbBuffer - offset)
        return -1;
    out->length = length;
    out->value = (char *)b->pvBuffer + offset;
    return 0;
}

SECURITY_STATUS ctx_bindings(const SecBufferDesc *input, struct gss_channel_bindings_struct *storage,
                             gss_channel_bindings_t *out)
{
    const SecBuffer *b = secbuf_find(input, SECBUFFER_CHANNEL_BINDINGS);

    *out = GSS_C_NO_CHANNEL_BINDINGS;
    if (b == NULL)
        return SEC_E_OK;
    if (b->pvBuffer == NULL || b->cbBuffer < sizeof(SEC_CHANNEL_BINDINGS)) {
        call_note("SECBUFFER_CHANNEL_BINDINGS holds %u bytes, less than SEC_CHANNEL_BINDINGS",
                  (unsigned)b->cbBuffer);
        return SEC_E_INVALID_TOKEN;
    }
    SEC_CHANNEL_BINDINGS cb;
    memcpy(&cb, b->pvBuffer, sizeof(cb)); /* the caller's buffer need not be aligned */
    memset(storage, 0, sizeof(*storage));
    storage->initiator_addrtype = cb.dwInitiatorAddrType;
    storage->acceptor_addrtype = cb.dwAcceptorAddrType;
    if (ctx_bindings_field(b, cb.dwInitiatorOffset, cb.cbInitiatorLength, &storage->initiator_address) ||
        ctx_bindings_field(b, cb.dwAcceptorOffset, cb.cbAcceptorLength, &storage->acceptor_address) ||
        ctx_bindings_field(b, cb.dwApplicationDataOffset, cb.cbApplicationDataLength,
                           &storage->application_data)) {
        call_note("SEC_CHANNEL_BINDINGS offsets point outside the buffer");
        return SEC_E_INVALID_TOKEN;
    }
    *out = storage;
    return SEC_E_OK;
}

/* The token GSSAPI produced cannot reach the caller, and the GSS context has moved past it:
 * the exchange cannot go on, so the context only awaits deletion (and protects nothing). */
static SECURITY_STATUS ctx_output_lost(ctx *c, SECURITY_STATUS status)
{
    atomic_store(&c->complete, 0);
    c->failed = 1;
    return status;
}

SECURITY_STATUS ctx_output_token(ctx *c, SecBufferDesc *output, gss_buffer_t token,
                                 int allocate, SECURITY_STATUS status)
{
    SecBuffer *out = secbuf_find(output, SECBUFFER_TOKEN);

    if (out == NULL) {
        if (token->length == 0)
            return status;
        call_note("a %zu-byte token must go out but pOutput has no SECBUFFER_TOKEN", token->length);
        return ctx_output_lost(c, SEC_E_INVALID_TOKEN);
    }
    SECURITY_STATUS put = secbuf_put_token(out, token->value, token->length, allocate);
    if (put == SEC_E_OK)
        return status;
    if (put == SEC_E_INSUFFICIENT_MEMORY && !allocate) {
        /* Keep the token so a retry with a bigger buffer gets it (Windows callers retry;
         * deleting the context here, as Wine does, loses the exchange). */
        c->pending.value = malloc(token->length);
        if (c->pending.value != NULL) {
            memcpy(c->pending.value, token->value, token->length);
            c->pending.length = token->length;
            c->pending_status = status;
            /* Established only once the caller holds the last token (the peer needs it):
             * until then no message, attribute or export call may use the context. */
            atomic_store(&c->complete, 0);
            return put;
        }
    }
    return ctx_output_lost(c, put);
}

SECURITY_STATUS ctx_output_pending(ctx *c, SecBufferDesc *output, int allocate)
{
    SecBuffer *out = secbuf_find(output, SECBUFFER_TOKEN);
    if (out == NULL) {
        call_note("a %zu-byte token is waiting but pOutput has no SECBUFFER_TOKEN", c->pending.length);
        return SEC_E_INVALID_TOKEN;
    }
    SECURITY_STATUS put = secbuf_put_token(out, c->pending.value, c->pending.length, allocate);
    if (put != SEC_E_OK)
        return put; /* still too small: the token stays pending */
    explicit_bzero(c->pending.value, c->pending.length);
    free(c->pending.value);
    c->pending.value = NULL;
    c->pending.length = 0;
    if (c->pending_status == SEC_E_OK)
        atomic_store(&c->complete, 1);
    return c->pending_status;
}

unsigned ctx_status_opts(const ctx *c)
{
    unsigned opts = 0;
    if (gss_util_is_krb5(&c->mech) || gss_util_is_krb5(c->actual_mech))
        opts |= MAP_STATUS_KRB5_MINOR;
    /* ISC_RET_ and ASC_RET_ share these two bit values. */
    if (c->attrs & (ISC_RET_REPLAY_DETECT | ISC_RET_SEQUENCE_DETECT))
        opts |= MAP_STATUS_WANT_SEQUENCE;
    if (!c->initiator)
        opts |= MAP_STATUS_ACCEPTOR;
    return opts;
}

SECURITY_STATUS ctx_establish(ctx *c, int created, ctx_step_fn step, PCtxtHandle phContext,
                              PCtxtHandle phNewContext, PSecBufferDesc pInput,
                              PSecBufferDesc pOutput, PULONG pfContextAttr, PTimeStamp ptsExpiry)
{
    SECURITY_STATUS status;
    /* ISC_REQ_ALLOCATE_MEMORY and ASC_REQ_ALLOCATE_MEMORY are both 0x100. */
    int allocate = (c->req & ISC_REQ_ALLOCATE_MEMORY) != 0;

    pthread_mutex_lock(&c->estab_lock);
    if (c->pending.value != NULL) {
        status = ctx_output_pending(c, pOutput, allocate);
        if (pfContextAttr != NULL)
            *pfContextAttr = c->attrs;
    } else if (c->failed) {
        call_note("establishment on this context already failed; delete it");
        status = SEC_E_INVALID_HANDLE;
    } else if (atomic_load(&c->complete)) {
        call_note("the context is already established");
        status = SEC_E_OUT_OF_SEQUENCE;
    } else {
        status = step(c, pInput, pOutput, pfContextAttr, ptsExpiry);
    }
    if (atomic_load(&c->complete) && c->established == 0)
        c->established = (int64_t)time(NULL);
    pthread_mutex_unlock(&c->estab_lock);

    if (!created) {
        if (phNewContext != NULL && phNewContext != phContext)
            *phNewContext = *phContext;
        ctx_put(c);
        return status;
    }
    /* A first call that failed leaves no context, as on Windows, except when only the
     * caller's buffer was short: the caller needs the handle to retry. */
    if (status >= 0 || (status == SEC_E_INSUFFICIENT_MEMORY && c->pending.value != NULL)) {
        SECURITY_STATUS reg = handle_register(&c->h, phNewContext);
        if (reg == SEC_E_OK)
            return status;
        status = reg;
    }
    ctx_discard(c);
    return status;
}
