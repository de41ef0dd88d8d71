/* QueryContextAttributes(Ex)A/W and SetContextAttributesA/W: the context attributes
 * Windows' Kerberos package answers ("QueryContextAttributes (Kerberos)"), from what GSSAPI
 * reports about the context (gss_inquire_context, GSS_C_INQ_SSPI_SESSION_KEY) and what the
 * bridge keeps itself (flags, package).
 *
 * Dispatch is a table: one row per attribute with the structure's size (the Ex forms check
 * cbBuffer against it), whether it needs the established GSS context, and its handler.
 * Attributes Windows' Kerberos package lists but that mean nothing here have a row with a
 * reason and no handler; any other attribute (Schannel's STREAM_SIZES among them) is
 * SEC_E_UNSUPPORTED_FUNCTION too.
 *
 * Ownership: every string, key and SecPkgInfo a structure points to is mem_alloc'd, freed
 * by the caller with FreeContextBuffer (the page's Remarks: "the SSP allocates any memory
 * required to hold variable sized members of the pBuffer structure"). A failing query
 * leaves the caller's structure untouched and hands out nothing. */
#include "bridge/backend.h"
#include "bridge/call.h"
#include "bridge/ctx.h"
#include "bridge/gss_util.h"
#include "bridge/memory.h"
#include "bridge/msg_sizes.h"
#include "bridge/packages.h"
#include "mappings/map_enctype.h"
#include "mappings/map_time.h"
#include "mappings/map_utf.h"

#include <gssapi/gssapi_ext.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Whatever a handler fills, before it is copied to the caller. */
typedef union attr_out {
    SecPkgContext_Sizes sizes;
    SecPkgContext_NamesA names_a;
    SecPkgContext_NamesW names_w;
    SecPkgContext_Lifespan lifespan;
    SecPkgContext_KeyInfoA key_info_a;
    SecPkgContext_KeyInfoW key_info_w;
    SecPkgContext_AuthorityA authority_a;
    SecPkgContext_AuthorityW authority_w;
    SecPkgContext_SessionKey session_key;
    SecPkgContext_PackageInfoA package_info_a;
    SecPkgContext_PackageInfoW package_info_w;
    SecPkgContext_NegotiationInfoA negotiation_info_a;
    SecPkgContext_NegotiationInfoW negotiation_info_w;
    SecPkgContext_NativeNamesA native_names_a;
    SecPkgContext_NativeNamesW native_names_w;
    SecPkgContext_Flags flags;
    SecPkgContext_ClientSpecifiedTarget client_specified_target;
    SecPkgContext_LastClientTokenStatus last_client_token_status;
} attr_out;

/* The A and W structures share their layout, so one size serves both forms. */
_Static_assert(sizeof(SecPkgContext_NamesA) == sizeof(SecPkgContext_NamesW), "Names A/W");
_Static_assert(sizeof(SecPkgContext_KeyInfoA) == sizeof(SecPkgContext_KeyInfoW), "KeyInfo A/W");
_Static_assert(sizeof(SecPkgContext_AuthorityA) == sizeof(SecPkgContext_AuthorityW), "Authority A/W");
_Static_assert(sizeof(SecPkgContext_PackageInfoA) == sizeof(SecPkgContext_PackageInfoW),
               "PackageInfo A/W");
_Static_assert(sizeof(SecPkgContext_NegotiationInfoA) == sizeof(SecPkgContext_NegotiationInfoW),
               "NegotiationInfo A/W");
_Static_assert(sizeof(SecPkgContext_NativeNamesA) == sizeof(SecPkgContext_NativeNamesW),
               "NativeNames A/W");

/* A handler fills out for c (wide: the W structure). On failure it has handed out nothing. */
typedef SECURITY_STATUS (*attr_fill_fn)(ctx *c, int wide, attr_out *out);

typedef struct attr_row {
    ULONG attribute;
    const char *name;
    size_t size;        /* the structure pBuffer points to */
    int needs_gss;      /* answered from the established GSS context only */
    attr_fill_fn fill;  /* NULL: not supported, for the reason given */
    const char *why;
} attr_row;

/* ---- Strings -------------------------------------------------------------------------- */

/* A mem_alloc'd copy of a UTF-8 string, as char (A) or UTF-16 (W). */
static SECURITY_STATUS attr_string(const char *utf8, int wide, void **out)
{
    *out = NULL;
    if (wide) {
        SEC_WCHAR *w = NULL;
        size_t units = 0;
        int rc = map_utf8_to_utf16(utf8, (size_t)-1, &w, &units);
        if (rc == MAP_UTF_INVALID) {
            call_note("\"%s\" is not valid UTF-8", utf8);
            return SEC_E_INTERNAL_ERROR;
        }
        if (rc != MAP_UTF_OK)
            return SEC_E_INSUFFICIENT_MEMORY;
        *out = mem_alloc((units + 1) * sizeof(SEC_WCHAR));
        if (*out != NULL)
            memcpy(*out, w, (units + 1) * sizeof(SEC_WCHAR));
        free(w);
    } else {
        size_t len = strlen(utf8) + 1;
        *out = mem_alloc(len);
        if (*out != NULL)
            memcpy(*out, utf8, len);
    }
    return *out != NULL ? SEC_E_OK : SEC_E_INSUFFICIENT_MEMORY;
}

/* gss_display_name of name as a malloc'd string. */
static SECURITY_STATUS attr_display(ctx *c, gss_name_t name, char **out)
{
    OM_uint32 major, minor;
    gss_buffer_desc text = GSS_C_EMPTY_BUFFER;

    *out = NULL;
    major = gss_display_name(&minor, name, &text, NULL);
    if (GSS_ERROR(major))
        return gss_util_fail(major, minor, c->actual_mech, ctx_status_opts(c));
    *out = strndup(text.value, text.length);
    gss_release_buffer(&minor, &text);
    return *out != NULL ? SEC_E_OK : SEC_E_INSUFFICIENT_MEMORY;
}

/* The initiator's and acceptor's names (malloc'd; either pointer may be NULL when not
 * wanted) and the lifetime GSSAPI reports for the context. */
static SECURITY_STATUS attr_inquire(ctx *c, char **client, char **server, OM_uint32 *lifetime)
{
    SECURITY_STATUS status = SEC_E_OK;
    OM_uint32 major, minor;
    gss_name_t src = GSS_C_NO_NAME, targ = GSS_C_NO_NAME;

    if (client != NULL)
        *client = NULL;
    if (server != NULL)
        *server = NULL;
    major = gss_inquire_context(&minor, c->gss, client ? &src : NULL, server ? &targ : NULL,
                                lifetime, NULL, NULL, NULL, NULL);
    /* An expired context still has its names; lifetime is then 0. */
    if (GSS_ERROR(major) && GSS_ROUTINE_ERROR(major) != GSS_S_CONTEXT_EXPIRED) {
        status = gss_util_fail(major, minor, c->actual_mech, ctx_status_opts(c));
        goto cleanup;
    }
    if (client != NULL && (status = attr_display(c, src, client)) != SEC_E_OK)
        goto cleanup;
    if (server != NULL && (status = attr_display(c, targ, server)) != SEC_E_OK)
        goto cleanup;

cleanup:
    if (status != SEC_E_OK) {
        if (client != NULL) {
            free(*client);
            *client = NULL;
        }
    }
    if (src != GSS_C_NO_NAME)
        gss_release_name(&minor, &src);
    if (targ != GSS_C_NO_NAME)
        gss_release_name(&minor, &targ);
    return status;
}

/* The realm of a displayed Kerberos principal: what follows its last '@' that no backslash
 * escapes (RFC 1964 2.1.1 / krb5_unparse_name quoting). NULL for a name without one. */
static const char *attr_realm_of(const char *principal)
{
    const char *realm = NULL;
    for (const char *p = principal; p != NULL && *p != '\0'; p++) {
        if (*p == '\\' && p[1] != '\0')
            p++;
        else if (*p == '@')
            realm = p + 1;
    }
    return realm;
}

/* ---- Handlers ------------------------------------------------------------------------- */

static SECURITY_STATUS attr_sizes(ctx *c, int wide, attr_out *out)
{
    return msg_sizes(c, &out->sizes);
}

/* Windows' Kerberos package names the client on both sides: the acceptor the user who
 * logged on, the initiator the user it logs on as. */
static SECURITY_STATUS attr_names(ctx *c, int wide, attr_out *out)
{
    char *client = NULL;
    void *s = NULL;
    SECURITY_STATUS status = attr_inquire(c, &client, NULL, NULL);
    if (status == SEC_E_OK)
        status = attr_string(client, wide, &s);
    if (status == SEC_E_OK) {
        if (wide)
            out->names_w.sUserName = s;
        else
            out->names_a.sUserName = s;
    }
    free(client);
    return status;
}

/* "Returns the principal name (CNAME) from the outbound ticket" and the service it is for:
 * client and server principals, the same on both sides. */
static SECURITY_STATUS attr_native_names(ctx *c, int wide, attr_out *out)
{
    char *client = NULL, *server = NULL;
    void *sc = NULL, *ss = NULL;
    SECURITY_STATUS status = attr_inquire(c, &client, &server, NULL);
    if (status == SEC_E_OK)
        status = attr_string(client, wide, &sc);
    if (status == SEC_E_OK)
        status = attr_string(server, wide, &ss);
    if (status != SEC_E_OK) {
        mem_free(sc);
    } else if (wide) {
        out->native_names_w.sClientName = sc;
        out->native_names_w.sServerName = ss;
    } else {
        out->native_names_a.sClientName = sc;
        out->native_names_a.sServerName = ss;
    }
    free(client);
    free(server);
    return status;
}

/* The authenticating authority: the client's realm. */
static SECURITY_STATUS attr_authority(ctx *c, int wide, attr_out *out)
{
    char *client = NULL;
    void *s = NULL;
    SECURITY_STATUS status = attr_inquire(c, &client, NULL, NULL);
    if (status == SEC_E_OK) {
        const char *realm = attr_realm_of(client);
        if (realm == NULL) {
            call_note("the client name \"%s\" has no realm", client);
            status = SEC_E_UNSUPPORTED_FUNCTION;
        } else {
            status = attr_string(realm, wide, &s);
        }
    }
    if (status == SEC_E_OK) {
        if (wide)
            out->authority_w.sAuthorityName = s;
        else
            out->authority_a.sAuthorityName = s;
    }
    free(client);
    return status;
}

/* The local time offset now, as gss_util_expiry uses it. */
static int32_t attr_utc_offset(time_t now)
{
    struct tm local;
    localtime_r(&now, &local);
    return (int32_t)local.tm_gmtoff;
}

/* tsStart: "Time at which the context was established" (SecPkgContext_Lifespan), which the
 * bridge notes when establishment completes (an imported context keeps the exporter's).
 * tsExpiry: GSSAPI's lifetime from now, so it matches the ptsExpiry establishment returned
 * (an MIT acceptor includes the clock-skew grace in both). Local time, as the page
 * recommends and Windows' Kerberos package does. */
static SECURITY_STATUS attr_lifespan(ctx *c, int wide, attr_out *out)
{
    OM_uint32 lifetime = 0;
    SECURITY_STATUS status = attr_inquire(c, NULL, NULL, &lifetime);
    if (status != SEC_E_OK)
        return status;
    time_t now = time(NULL);
    int32_t offset = attr_utc_offset(now);
    map_time_from_unix(c->established, offset, &out->lifespan.tsStart);
    map_time_from_lifetime(lifetime, (int64_t)now, offset, &out->lifespan.tsExpiry);
    return SEC_E_OK;
}

/* GSS_C_INQ_SSPI_SESSION_KEY: element 0 is the key the context protects messages with (the
 * acceptor subkey when there is one, else the initiator's subkey: MIT inq_context.c), element
 * 1 an OID naming its enctype. Windows reports the same key for SECPKG_ATTR_SESSION_KEY. */
static SECURITY_STATUS attr_session_key_set(ctx *c, gss_buffer_set_t *set)
{
    OM_uint32 major, minor;
    *set = GSS_C_NO_BUFFER_SET;
    major = backend_session_key(&minor, c->gss, set);
    if (GSS_ERROR(major))
        return gss_util_fail(major, minor, c->actual_mech, ctx_status_opts(c));
    if (*set == GSS_C_NO_BUFFER_SET || (*set)->count < 1 || (*set)->elements[0].length == 0) {
        call_note("the mechanism reports no session key");
        if (*set != GSS_C_NO_BUFFER_SET)
            gss_release_buffer_set(&minor, set);
        return SEC_E_UNSUPPORTED_FUNCTION;
    }
    return SEC_E_OK;
}

static void attr_session_key_release(gss_buffer_set_t *set)
{
    OM_uint32 minor;
    if (*set == GSS_C_NO_BUFFER_SET)
        return;
    explicit_bzero((*set)->elements[0].value, (*set)->elements[0].length);
    gss_release_buffer_set(&minor, set);
}

static SECURITY_STATUS attr_session_key(ctx *c, int wide, attr_out *out)
{
    gss_buffer_set_t set;
    SECURITY_STATUS status = attr_session_key_set(c, &set);
    if (status != SEC_E_OK)
        return status;
    const gss_buffer_desc *key = &set->elements[0];
    UCHAR *copy = mem_alloc(key->length);
    if (copy == NULL) {
        status = SEC_E_INSUFFICIENT_MEMORY;
    } else {
        memcpy(copy, key->value, key->length);
        out->session_key.SessionKeyLength = (ULONG)key->length;
        out->session_key.SessionKey = copy;
    }
    attr_session_key_release(&set);
    return status;
}

/* The session key's enctype, named as Windows names it (mappings/map_enctype). */
static SECURITY_STATUS attr_key_info(ctx *c, int wide, attr_out *out)
{
    gss_buffer_set_t set;
    int32_t enctype;
    void *sig = NULL, *enc = NULL;
    char sig_name[32], enc_name[32];
    SECURITY_STATUS status = attr_session_key_set(c, &set);
    if (status != SEC_E_OK)
        return status;
    if (set->count < 2 ||
        map_enctype_from_oid(set->elements[1].value, set->elements[1].length, &enctype) != 0) {
        call_note("the mechanism does not name the session key's enctype");
        status = SEC_E_UNSUPPORTED_FUNCTION;
        goto cleanup;
    }
    const map_enctype *e = map_enctype_by_number(enctype);
    ULONG bits = e ? e->key_bits : (ULONG)set->elements[0].length * 8;
    if (e == NULL) {
        /* An enctype newer than the table: report its number and the key's raw size. */
        snprintf(enc_name, sizeof(enc_name), "ENCTYPE-%d", (int)enctype);
        snprintf(sig_name, sizeof(sig_name), "CHECKSUM-OF-ENCTYPE-%d", (int)enctype);
    }
    status = attr_string(e ? e->signature_name : sig_name, wide, &sig);
    if (status == SEC_E_OK)
        status = attr_string(e ? e->encrypt_name : enc_name, wide, &enc);
    if (status != SEC_E_OK) {
        mem_free(sig);
        goto cleanup;
    }
    /* The A and W structures differ only in their string pointers' types. */
    if (wide) {
        out->key_info_w.sSignatureAlgorithmName = sig;
        out->key_info_w.sEncryptAlgorithmName = enc;
        out->key_info_w.KeySize = bits;
        out->key_info_w.SignatureAlgorithm = e ? (ULONG)e->checksum : 0;
        out->key_info_w.EncryptAlgorithm = (ULONG)enctype;
    } else {
        out->key_info_a.sSignatureAlgorithmName = sig;
        out->key_info_a.sEncryptAlgorithmName = enc;
        out->key_info_a.KeySize = bits;
        out->key_info_a.SignatureAlgorithm = e ? (ULONG)e->checksum : 0;
        out->key_info_a.EncryptAlgorithm = (ULONG)enctype;
    }

cleanup:
    attr_session_key_release(&set);
    return status;
}

/* SecPkgInfo of the package in use, one block freed by FreeContextBuffer: the one the
 * caller chose, and for an established Negotiate context the one negotiated ("Returns
 * information on the SSP in use", QueryContextAttributes; Negotiate reports Kerberos or
 * NTLM, which is how SSPI programs tell an NTLM fallback). */
static SECURITY_STATUS attr_package_info(ctx *c, int wide, attr_out *out)
{
    void *info = NULL;
    const map_package *pkg = c->pkg;
    if (atomic_load(&c->complete) && c->actual_mech != GSS_C_NO_OID) {
        const map_package *inner = map_package_by_oid(c->actual_mech->elements, c->actual_mech->length);
        if (inner != NULL)
            pkg = inner;
    }
    SECURITY_STATUS status = pkg_info_pack(pkg, wide, &info);
    if (status == SEC_E_OK) {
        if (wide)
            out->package_info_w.PackageInfo = info;
        else
            out->package_info_a.PackageInfo = info;
    }
    return status;
}

/* The package negotiation settled on (for Negotiate the inner mechanism's once GSSAPI names
 * it) and SECPKG_NEGOTIATION_COMPLETE, or IN_PROGRESS while establishment goes on. */
static SECURITY_STATUS attr_negotiation_info(ctx *c, int wide, attr_out *out)
{
    const map_package *pkg = c->pkg;
    void *info = NULL;
    if (c->actual_mech != GSS_C_NO_OID) {
        const map_package *inner = map_package_by_oid(c->actual_mech->elements, c->actual_mech->length);
        if (inner != NULL)
            pkg = inner;
    }
    SECURITY_STATUS status = pkg_info_pack(pkg, wide, &info);
    if (status != SEC_E_OK)
        return status;
    ULONG state = atomic_load(&c->complete) ? SECPKG_NEGOTIATION_COMPLETE : SECPKG_NEGOTIATION_IN_PROGRESS;
    if (wide) {
        out->negotiation_info_w.PackageInfo = info;
        out->negotiation_info_w.NegotiationState = state;
    } else {
        out->negotiation_info_a.PackageInfo = info;
        out->negotiation_info_a.NegotiationState = state;
    }
    return SEC_E_OK;
}

/* The ISC_RET_* / ASC_RET_* flags the last establishment call reported. */
static SECURITY_STATUS attr_flags(ctx *c, int wide, attr_out *out)
{
    out->flags.Flags = c->attrs;
    return SEC_E_OK;
}

/* The SPN the client asked for, on the acceptor: the ticket's server principal. A SEC_WCHAR
 * string in both the A and W forms (the structure has no A variant). */
static SECURITY_STATUS attr_client_specified_target(ctx *c, int wide, attr_out *out)
{
    char *server = NULL;
    void *s = NULL;
    if (c->initiator) {
        call_note("SECPKG_ATTR_CLIENT_SPECIFIED_TARGET is the acceptor's view of the client's target");
        return SEC_E_UNSUPPORTED_FUNCTION;
    }
    SECURITY_STATUS status = attr_inquire(c, NULL, &server, NULL);
    if (status == SEC_E_OK)
        status = attr_string(server, 1, &s);
    if (status == SEC_E_OK)
        out->client_specified_target.sTargetName = s;
    free(server);
    return status;
}

/* Whether the client's last token was its final one. A Kerberos client sends one token (the
 * AP-REQ), and in DCE style a second one (its AP-REP) that completes both sides: so the
 * initiator has sent its last token unless DCE style is still waiting for its second leg,
 * and the acceptor has seen it once it is complete. */
static SECURITY_STATUS attr_last_client_token_status(ctx *c, int wide, attr_out *out)
{
    int complete = atomic_load(&c->complete);
    int last;
    /* ISC_REQ_USE_DCE_STYLE and ASC_REQ_USE_DCE_STYLE are both 0x200. */
    if (c->initiator)
        last = complete || !(c->req & ISC_REQ_USE_DCE_STYLE);
    else
        last = complete;
    out->last_client_token_status.LastClientTokenStatus =
        last ? SecPkgAttrLastClientTokenYes : SecPkgAttrLastClientTokenNo;
    return SEC_E_OK;
}

/* ---- The table ------------------------------------------------------------------------ */

#define ATTR_ROW(attr, type, gss, fn) {attr, #attr, sizeof(type), gss, fn, NULL}
#define ATTR_NONE(attr, reason)       {attr, #attr, 0, 0, NULL, reason}

static const attr_row attr_rows[] = {
    ATTR_ROW(SECPKG_ATTR_SIZES, SecPkgContext_Sizes, 1, attr_sizes),
    ATTR_ROW(SECPKG_ATTR_NAMES, SecPkgContext_NamesA, 1, attr_names),
    ATTR_ROW(SECPKG_ATTR_LIFESPAN, SecPkgContext_Lifespan, 1, attr_lifespan),
    ATTR_ROW(SECPKG_ATTR_KEY_INFO, SecPkgContext_KeyInfoA, 1, attr_key_info),
    ATTR_ROW(SECPKG_ATTR_AUTHORITY, SecPkgContext_AuthorityA, 1, attr_authority),
    ATTR_ROW(SECPKG_ATTR_SESSION_KEY, SecPkgContext_SessionKey, 1, attr_session_key),
    ATTR_ROW(SECPKG_ATTR_PACKAGE_INFO, SecPkgContext_PackageInfoA, 0, attr_package_info),
    ATTR_ROW(SECPKG_ATTR_NEGOTIATION_INFO, SecPkgContext_NegotiationInfoA, 0, attr_negotiation_info),
    ATTR_ROW(SECPKG_ATTR_NATIVE_NAMES, SecPkgContext_NativeNamesA, 1, attr_native_names),
    ATTR_ROW(SECPKG_ATTR_FLAGS, SecPkgContext_Flags, 0, attr_flags),
    ATTR_ROW(SECPKG_ATTR_CLIENT_SPECIFIED_TARGET, SecPkgContext_ClientSpecifiedTarget, 1,
             attr_client_specified_target),
    ATTR_ROW(SECPKG_ATTR_LAST_CLIENT_TOKEN_STATUS, SecPkgContext_LastClientTokenStatus, 0,
             attr_last_client_token_status),
    ATTR_NONE(SECPKG_ATTR_DCE_INFO,
              "DCE authorization data (the PAC) has no consumer here: no DCE RPC runtime"),
    ATTR_NONE(SECPKG_ATTR_ACCESS_TOKEN, "there are no Windows access tokens on this system"),
    ATTR_NONE(SECPKG_ATTR_PASSWORD_EXPIRY, "GSSAPI does not report when the password expires"),
    ATTR_NONE(SECPKG_ATTR_TARGET_INFORMATION,
              "marshalled target information is a Windows credential-manager format"),
    ATTR_NONE(SECPKG_ATTR_STREAM_SIZES, "stream sizes are Schannel's, not Kerberos'"),
};

static const attr_row *attr_find(ULONG attribute)
{
    for (size_t i = 0; i < sizeof(attr_rows) / sizeof(attr_rows[0]); i++)
        if (attr_rows[i].attribute == attribute)
            return &attr_rows[i];
    return NULL;
}

/* Shared by the four Query forms: has_size for the Ex ones, wide for W. */
static SECURITY_STATUS attr_query(PCtxtHandle h, ULONG attribute, void *buffer, ULONG size,
                                  int has_size, int wide)
{
    SECURITY_STATUS status;
    const attr_row *row;
    attr_out out;
    ctx *c = ctx_get(h);

    if (c == NULL) {
        status = SEC_E_INVALID_HANDLE;
        goto cleanup;
    }
    if (buffer == NULL) {
        status = SEC_E_INVALID_PARAMETER;
        goto cleanup;
    }
    row = attr_find(attribute);
    if (row == NULL || row->fill == NULL) {
        call_note("context attribute %u (%s) is not one the %s package answers%s%s",
                  (unsigned)attribute, row ? row->name : "unknown", c->pkg->name,
                  row ? ": " : "", row ? row->why : "");
        status = SEC_E_UNSUPPORTED_FUNCTION;
        goto cleanup;
    }
    /* QueryContextAttributesEx documents cbBuffer only as "the size of pBuffer"; a buffer
     * shorter than the structure is refused before anything is written or allocated. */
    if (has_size && size < row->size) {
        call_note("%s needs a %zu-byte structure; cbBuffer is %u", row->name, row->size,
                  (unsigned)size);
        status = SEC_E_INSUFFICIENT_MEMORY;
        goto cleanup;
    }

    memset(&out, 0, sizeof(out));
    /* estab_lock keeps establishment and ExportSecurityContext (which takes the GSS context
     * away) out while GSSAPI is asked; message calls, which hold the send and receive locks,
     * go on. */
    pthread_mutex_lock(&c->estab_lock);
    if (row->needs_gss && c->exported) {
        call_note("the context was exported: %s is no longer known here", row->name);
        status = SEC_E_INVALID_HANDLE;
    } else if (row->needs_gss && !atomic_load(&c->complete)) {
        /* MIT reports nothing but flags for a context still being established (RFC 2743
         * 2.2.6), and GSS_S_NO_CONTEXT for the key: the bridge's table maps that to
         * SEC_E_INVALID_HANDLE, and a query that cannot reach GSSAPI says the same. */
        call_note("%s needs an established context; establishment is still going on", row->name);
        status = SEC_E_INVALID_HANDLE;
    } else {
        status = row->fill(c, wide, &out);
    }
    pthread_mutex_unlock(&c->estab_lock);
    if (status == SEC_E_OK)
        memcpy(buffer, &out, row->size);

cleanup:
    ctx_put(c);
    return status;
}

SECURITY_STATUS SEC_ENTRY QueryContextAttributesA(PCtxtHandle phContext, ULONG ulAttribute, void *pBuffer)
{
    CALL_RETURN(attr_query(phContext, ulAttribute, pBuffer, 0, 0, 0));
}

SECURITY_STATUS SEC_ENTRY QueryContextAttributesW(PCtxtHandle phContext, ULONG ulAttribute, void *pBuffer)
{
    CALL_RETURN(attr_query(phContext, ulAttribute, pBuffer, 0, 0, 1));
}

SECURITY_STATUS SEC_ENTRY QueryContextAttributesExA(PCtxtHandle phContext, ULONG ulAttribute,
                                                    void *pBuffer, ULONG cbBuffer)
{
    CALL_RETURN(attr_query(phContext, ulAttribute, pBuffer, cbBuffer, 1, 0));
}

SECURITY_STATUS SEC_ENTRY QueryContextAttributesExW(PCtxtHandle phContext, ULONG ulAttribute,
                                                    void *pBuffer, ULONG cbBuffer)
{
    CALL_RETURN(attr_query(phContext, ulAttribute, pBuffer, cbBuffer, 1, 1));
}

/* SetContextAttributes: "This function is supported only by the Schannel security package"
 * (SetContextAttributesA page); every attribute it lists is Schannel's (or DTLS's). The
 * Kerberos package answers SEC_E_UNSUPPORTED_FUNCTION once the handle is known good. */
static SECURITY_STATUS attr_set(PCtxtHandle h, ULONG attribute)
{
    ctx *c = ctx_get(h);
    if (c == NULL)
        return SEC_E_INVALID_HANDLE;
    call_note("the %s package has no settable context attribute (%u asked)", c->pkg->name,
              (unsigned)attribute);
    ctx_put(c);
    return SEC_E_UNSUPPORTED_FUNCTION;
}

SECURITY_STATUS SEC_ENTRY SetContextAttributesA(PCtxtHandle phContext, ULONG ulAttribute,
                                                void *pBuffer, ULONG cbBuffer)
{
    CALL_RETURN(attr_set(phContext, ulAttribute));
}

SECURITY_STATUS SEC_ENTRY SetContextAttributesW(PCtxtHandle phContext, ULONG ulAttribute,
                                                void *pBuffer, ULONG cbBuffer)
{
    CALL_RETURN(attr_set(phContext, ulAttribute));
}
