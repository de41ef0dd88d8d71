/* ExportSecurityContext and ImportSecurityContextA/W over gss_export_sec_context and
 * gss_import_sec_context: a context established in one process continues in another on the
 * same machine ("ExportSecurityContext": "The process that imports the security context
 * must be running on the same computer").
 *
 * The packed context is a small versioned header holding the bridge's own state, then the
 * GSS interprocess token. All integers big-endian:
 *
 *   offset  size  field
 *        0     4  magic "SSPB"
 *        4     2  version (1)
 *        6     2  header length (40 in version 1)
 *        8     2  package: its wRPCID (Kerberos 16, Negotiate 9, NTLM 10)
 *       10     2  reserved, 0
 *       12     4  flags: bit 0 the context is the initiator's
 *       16     4  req: the ISC_REQ_* / ASC_REQ_* the context was asked with
 *       20     4  attrs: the ISC_RET_* / ASC_RET_* it reported
 *       24     4  gss_flags: what GSSAPI reported
 *       28     8  when establishment completed, Unix seconds (SECPKG_ATTR_LIFESPAN's tsStart)
 *       36     4  length of the GSS token that follows
 *       40     n  the gss_export_sec_context token
 *
 * The GSS token holds the session keys in the clear (every interprocess token does): the
 * packed context is for a pipe to another process, not for storage. Its memory is wiped when
 * freed (FreeContextBuffer), and so is GSSAPI's copy.
 *
 * What the export flags mean here. gss_export_sec_context hands the GSS context over: the
 * exporting process can no longer protect or check messages with it, or the two processes
 * would reuse sequence numbers (and, for RC4, key streams). So:
 *  - without SECPKG_CONTEXT_EXPORT_DELETE_OLD the handle stays valid: DeleteSecurityContext
 *    must still be called, SECPKG_ATTR_FLAGS / PACKAGE_INFO / NEGOTIATION_INFO still answer,
 *    and everything that needs the GSS context (messages, keys, names) gives
 *    SEC_E_INVALID_HANDLE;
 *  - with DELETE_OLD the handle is deleted as by DeleteSecurityContext.
 * SECPKG_CONTEXT_EXPORT_RESET_NEW ("the new security context is reset to its initial state")
 * is accepted and has no effect: a Kerberos context's state is its keys and sequence numbers,
 * and resetting the numbers would make the peer refuse the next message as a replay.
 * SECPKG_CONTEXT_EXPORT_TO_KERNEL "is not supported" (Windows says so too).
 *
 * Delegated credentials an acceptor holds stay in the exporting process (they live in its
 * memory credential cache). pToken is always NULL: there are no Windows token handles. */
#include "bridge/call.h"
#include "bridge/ctx.h"
#include "bridge/gss_util.h"
#include "bridge/memory.h"
#include "bridge/packages.h"
#include "mappings/map_utf.h"

#include <stdlib.h>
#include <string.h>

#define EXPORT_MAGIC      "SSPB"
#define EXPORT_VERSION    1
#define EXPORT_HEADER_LEN 40
#define EXPORT_F_INITIATOR 0x1u

#define EXPORT_FLAGS_KNOWN (SECPKG_CONTEXT_EXPORT_RESET_NEW | SECPKG_CONTEXT_EXPORT_DELETE_OLD)

static void export_put16(unsigned char *p, uint16_t v)
{
    p[0] = (unsigned char)(v >> 8);
    p[1] = (unsigned char)v;
}

static void export_put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

static void export_put64(unsigned char *p, uint64_t v)
{
    export_put32(p, (uint32_t)(v >> 32));
    export_put32(p + 4, (uint32_t)v);
}

static uint16_t export_get16(const unsigned char *p)
{
    return (uint16_t)((p[0] << 8) | p[1]);
}

static uint32_t export_get32(const unsigned char *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

static uint64_t export_get64(const unsigned char *p)
{
    return ((uint64_t)export_get32(p) << 32) | export_get32(p + 4);
}

/* Moves c's GSS context into a packed blob (mem_alloc'd) under all three locks, so no
 * establishment, attribute query or message call is using it meanwhile. */
static SECURITY_STATUS export_pack(ctx *c, SecBuffer *packed)
{
    SECURITY_STATUS status = SEC_E_OK;
    OM_uint32 major, minor;
    gss_buffer_desc token = GSS_C_EMPTY_BUFFER;
    unsigned char *blob;

    pthread_mutex_lock(&c->estab_lock);
    pthread_mutex_lock(&c->send_lock);
    pthread_mutex_lock(&c->recv_lock);
    if (c->exported) {
        call_note("the context was already exported");
        status = SEC_E_INVALID_HANDLE;
        goto unlock;
    }
    if (!atomic_load(&c->complete) || c->pending.value != NULL || c->gss == GSS_C_NO_CONTEXT) {
        /* MIT exports established contexts only (GSS_S_NO_CONTEXT otherwise, which the
         * status table maps to SEC_E_INVALID_HANDLE: the same answer, given before). */
        call_note("only an established context can be exported");
        status = SEC_E_INVALID_HANDLE;
        goto unlock;
    }
    major = gss_export_sec_context(&minor, &c->gss, &token);
    if (GSS_ERROR(major)) {
        status = gss_util_fail(major, minor, c->actual_mech, ctx_status_opts(c));
        goto unlock;
    }
    /* From here on the GSS context is gone from this process, whatever happens. */
    c->gss = GSS_C_NO_CONTEXT;
    c->exported = 1;
    if (token.length > UINT32_MAX - EXPORT_HEADER_LEN ||
        (blob = mem_alloc(EXPORT_HEADER_LEN + token.length)) == NULL) {
        status = SEC_E_INSUFFICIENT_MEMORY;
        goto unlock;
    }
    memcpy(blob, EXPORT_MAGIC, 4);
    export_put16(blob + 4, EXPORT_VERSION);
    export_put16(blob + 6, EXPORT_HEADER_LEN);
    export_put16(blob + 8, c->pkg->rpcid);
    export_put16(blob + 10, 0);
    export_put32(blob + 12, c->initiator ? EXPORT_F_INITIATOR : 0);
    export_put32(blob + 16, c->req);
    export_put32(blob + 20, c->attrs);
    export_put32(blob + 24, c->gss_flags);
    export_put64(blob + 28, (uint64_t)c->established);
    export_put32(blob + 36, (uint32_t)token.length);
    memcpy(blob + EXPORT_HEADER_LEN, token.value, token.length);
    packed->pvBuffer = blob;
    packed->cbBuffer = (ULONG)(EXPORT_HEADER_LEN + token.length);

unlock:
    pthread_mutex_unlock(&c->recv_lock);
    pthread_mutex_unlock(&c->send_lock);
    pthread_mutex_unlock(&c->estab_lock);
    if (token.value != NULL)
        explicit_bzero(token.value, token.length);
    gss_release_buffer(&minor, &token);
    return status;
}

SECURITY_STATUS SEC_ENTRY ExportSecurityContext(PCtxtHandle phContext, ULONG fFlags,
                                                PSecBuffer pPackedContext, void **pToken)
{
    SECURITY_STATUS status;
    ctx *c = NULL;

    if (pToken != NULL)
        *pToken = NULL;
    if (pPackedContext != NULL) {
        pPackedContext->pvBuffer = NULL;
        pPackedContext->cbBuffer = 0;
    }
    c = ctx_get(phContext);
    if (c == NULL) {
        status = SEC_E_INVALID_HANDLE;
        goto cleanup;
    }
    if (pPackedContext == NULL) {
        status = SEC_E_INVALID_PARAMETER;
        goto cleanup;
    }
    if (fFlags & SECPKG_CONTEXT_EXPORT_TO_KERNEL) {
        call_note("SECPKG_CONTEXT_EXPORT_TO_KERNEL is not supported");
        status = SEC_E_UNSUPPORTED_FUNCTION;
        goto cleanup;
    }
    if (fFlags & ~(ULONG)EXPORT_FLAGS_KNOWN) {
        call_note("unknown ExportSecurityContext flags 0x%x",
                  (unsigned)(fFlags & ~(ULONG)EXPORT_FLAGS_KNOWN));
        status = SEC_E_INVALID_PARAMETER;
        goto cleanup;
    }
    status = export_pack(c, pPackedContext);
    if (status == SEC_E_OK && (fFlags & SECPKG_CONTEXT_EXPORT_DELETE_OLD))
        (void)handle_unregister(phContext, HANDLE_TYPE_CTX);

cleanup:
    ctx_put(c);
    CALL_RETURN(status);
}

/* The package a blob names by its RPC id, if this machine offers it. */
static const map_package *import_package(uint16_t rpcid)
{
    for (size_t i = 0; i < map_package_count(); i++) {
        const map_package *pkg = map_package_at(i);
        if (pkg->rpcid == rpcid)
            return pkg_find(pkg->name);
    }
    return NULL;
}

/* A new registered context from a blob ExportSecurityContext made for pkg. */
static SECURITY_STATUS import_unpack(const map_package *pkg, const SecBuffer *packed,
                                     PCtxtHandle phContext)
{
    SECURITY_STATUS status;
    OM_uint32 major, minor;
    const unsigned char *p;
    uint32_t flags, token_len;
    gss_buffer_desc token;
    gss_OID mech = GSS_C_NO_OID;
    int locally_initiated = 0, open = 0;
    ctx *c = NULL;

    if (packed->pvBuffer == NULL || packed->cbBuffer < EXPORT_HEADER_LEN ||
        memcmp(packed->pvBuffer, EXPORT_MAGIC, 4) != 0) {
        call_note("the packed context is not one sspibridge exported");
        status = SEC_E_INVALID_TOKEN;
        goto cleanup;
    }
    p = packed->pvBuffer;
    if (export_get16(p + 4) != EXPORT_VERSION || export_get16(p + 6) != EXPORT_HEADER_LEN) {
        call_note("packed context version %u (header %u bytes); this sspibridge reads version %u",
                  (unsigned)export_get16(p + 4), (unsigned)export_get16(p + 6), EXPORT_VERSION);
        status = SEC_E_INVALID_TOKEN;
        goto cleanup;
    }
    flags = export_get32(p + 12);
    token_len = export_get32(p + 36);
    if (export_get16(p + 10) != 0 || (flags & ~EXPORT_F_INITIATOR) != 0 || token_len == 0 ||
        token_len != packed->cbBuffer - EXPORT_HEADER_LEN) {
        call_note("the packed context's header does not match its %u bytes", (unsigned)packed->cbBuffer);
        status = SEC_E_INVALID_TOKEN;
        goto cleanup;
    }
    const map_package *blob_pkg = import_package(export_get16(p + 8));
    if (blob_pkg == NULL) {
        call_note("the packed context is for package RPC id %u, which this machine does not offer",
                  (unsigned)export_get16(p + 8));
        status = SEC_E_SECPKG_NOT_FOUND;
        goto cleanup;
    }
    if (blob_pkg != pkg) {
        call_note("the packed context is a %s context, not %s", blob_pkg->name, pkg->name);
        status = SEC_E_INVALID_TOKEN;
        goto cleanup;
    }

    c = ctx_new(pkg, NULL, (flags & EXPORT_F_INITIATOR) != 0, export_get32(p + 16));
    if (c == NULL) {
        status = SEC_E_INSUFFICIENT_MEMORY;
        goto cleanup;
    }
    c->attrs = export_get32(p + 20);
    c->gss_flags = export_get32(p + 24);
    c->established = (int64_t)export_get64(p + 28);
    token.length = token_len;
    token.value = (void *)(p + EXPORT_HEADER_LEN);
    major = gss_import_sec_context(&minor, &token, &c->gss);
    if (GSS_ERROR(major)) {
        status = gss_util_fail(major, minor, &c->mech, 0);
        /* Whatever GSSAPI says (defective token, no such context, bad mech), the caller
         * handed a blob that does not import. */
        if (status != SEC_E_INSUFFICIENT_MEMORY)
            status = SEC_E_INVALID_TOKEN;
        goto cleanup;
    }
    major = gss_inquire_context(&minor, c->gss, NULL, NULL, NULL, &mech, NULL, &locally_initiated, &open);
    if (GSS_ERROR(major) && GSS_ROUTINE_ERROR(major) != GSS_S_CONTEXT_EXPIRED) {
        status = gss_util_fail(major, minor, &c->mech, 0);
        goto cleanup;
    }
    /* The header and the token must tell the same story. */
    if (!open || (locally_initiated != 0) != (c->initiator != 0) ||
        (pkg == map_package_by_name("Kerberos") && !gss_util_is_krb5(mech))) {
        call_note("the packed context's GSS token does not match its header");
        status = SEC_E_INVALID_TOKEN;
        goto cleanup;
    }
    c->actual_mech = mech;
    atomic_store(&c->complete, 1);
    status = handle_register(&c->h, phContext);
    if (status == SEC_E_OK)
        c = NULL;

cleanup:
    ctx_discard(c);
    return status;
}

static SECURITY_STATUS import_common(const map_package *pkg, const char *name, PSecBuffer pPackedContext,
                                     PCtxtHandle phContext)
{
    if (phContext == NULL || pPackedContext == NULL)
        return SEC_E_INVALID_PARAMETER;
    if (pkg == NULL) {
        call_note("no package named \"%s\" on this machine", name ? name : "(null)");
        return SEC_E_SECPKG_NOT_FOUND;
    }
    return import_unpack(pkg, pPackedContext, phContext);
}

/* Token is a Windows token handle: there is none here, and it is ignored. */
SECURITY_STATUS SEC_ENTRY ImportSecurityContextA(SEC_CHAR *pszPackage, PSecBuffer pPackedContext,
                                                 void *Token, PCtxtHandle phContext)
{
    CALL_RETURN(import_common(pkg_find(pszPackage), pszPackage, pPackedContext, phContext));
}

SECURITY_STATUS SEC_ENTRY ImportSecurityContextW(SEC_WCHAR *pszPackage, PSecBuffer pPackedContext,
                                                 void *Token, PCtxtHandle phContext)
{
    SECURITY_STATUS status;
    char *name = NULL;
    const map_package *pkg = pkg_find_w(pszPackage);

    /* Converted for the error note only: out of memory is no reason to miss the package. */
    if (pkg == NULL && pszPackage != NULL && map_utf16_to_utf8(pszPackage, (size_t)-1, &name, NULL) != 0)
        name = NULL;
    status = import_common(pkg, name, pPackedContext, phContext);
    free(name);
    CALL_RETURN(status);
}
