/* AcquireCredentialsHandle, FreeCredentialsHandle and the credential attributes. */
#include "bridge/cred.h"

#include "bridge/backend.h"
#include "bridge/call.h"
#include "bridge/gss_util.h"
#include "bridge/identity.h"
#include "bridge/impersonate.h"
#include "bridge/memory.h"
#include "bridge/packages.h"
#include "mappings/map_status.h"
#include "mappings/map_utf.h"

#include <gssapi/gssapi_ext.h>
#include <gssapi/gssapi_krb5.h>
#include <stdlib.h>
#include <string.h>

#define CRED_USE_MASK (SECPKG_CRED_INBOUND | SECPKG_CRED_OUTBOUND)

static void cred_destroy(handle_obj *obj)
{
    cred *c = (cred *)obj;
    OM_uint32 minor;
    if (c->gss != GSS_C_NO_CREDENTIAL)
        gss_release_cred(&minor, &c->gss);
    free(c->principal);
    free(c->package_list);
    free(c);
}

cred *cred_get(const CredHandle *h)
{
    return (cred *)handle_acquire(h, HANDLE_TYPE_CRED);
}

void cred_put(cred *c)
{
    if (c != NULL)
        handle_release(&c->h);
}

/* Negotiate's mechanisms beside SPNEGO, Kerberos first (Windows' preference, and the order
 * SPNEGO proposes them in): each one whose package is present (pkg_find asks
 * gss_indicate_mechs) and that the credential's PackageList allows. */
static size_t cred_negotiate_mechs(const cred *c, gss_OID_desc *out, size_t max)
{
    static const char *const inner[] = {"Kerberos", "NTLM"};
    unsigned offered = 0, allowed;
    size_t n = 0;

    for (size_t i = 0; i < map_package_count(); i++)
        for (size_t j = 0; j < sizeof(inner) / sizeof(inner[0]); j++)
            if (map_package_at(i) == map_package_by_name(inner[j]) && pkg_find(inner[j]) != NULL)
                offered |= 1u << i;
    allowed = map_package_list_filter(c->package_list, offered);
    for (size_t j = 0; j < sizeof(inner) / sizeof(inner[0]) && n < max; j++)
        for (size_t i = 0; i < map_package_count(); i++)
            if ((allowed & (1u << i)) && map_package_at(i) == map_package_by_name(inner[j]))
                gss_util_mech(map_package_at(i), &out[n++]);
    return n;
}

/* How many of Negotiate's inner packages are offered here at all. */
static size_t cred_negotiate_mechs_offered(void)
{
    return (pkg_find("Kerberos") != NULL) + (pkg_find("NTLM") != NULL);
}

/* SEC_WINNT_AUTH_IDENTITY_EX's PackageList on a Negotiate credential: SPNEGO offers (and, as
 * acceptor, accepts) only the mechanisms it allows (gss_set_neg_mechs). The library's default
 * credential cannot carry that setting, so one is acquired for the handle. */
static SECURITY_STATUS cred_restrict_negotiate(cred *c, gss_cred_usage_t usage)
{
    OM_uint32 major, minor;
    gss_OID_desc elems[2];
    gss_OID_set_desc allowed = {0, elems};
    gss_OID_set_desc spnego = {1, &c->mech};

    allowed.count = cred_negotiate_mechs(c, elems, 2);
    if (allowed.count == 0) {
        call_note("PackageList \"%s\" leaves Negotiate no package", c->package_list);
        return SEC_E_NO_CREDENTIALS;
    }
    if (c->gss == GSS_C_NO_CREDENTIAL) {
        major = gss_acquire_cred(&minor, GSS_C_NO_NAME, GSS_C_INDEFINITE, &spnego, usage, &c->gss,
                                 NULL, NULL);
        if (GSS_ERROR(major)) {
            (void)gss_util_fail(major, minor, &c->mech, 0);
            return SEC_E_NO_CREDENTIALS;
        }
    }
    major = backend_set_neg_mechs(&minor, c->gss, &allowed);
    /* Heimdal cannot restrict SPNEGO's mechanisms (bridge/backend_heimdal.c). A PackageList
     * that allows every package Negotiate offers here needs no restriction; one it would
     * ignore is refused rather than silently widened. */
    if (GSS_ROUTINE_ERROR(major) == GSS_S_UNAVAILABLE &&
        allowed.count == cred_negotiate_mechs_offered())
        return SEC_E_OK;
    if (GSS_ROUTINE_ERROR(major) == GSS_S_UNAVAILABLE) {
        call_note("this GSSAPI (%s) cannot restrict Negotiate to a PackageList",
                  SSPIBRIDGE_BACKEND);
        return SEC_E_UNSUPPORTED_FUNCTION;
    }
    if (GSS_ERROR(major))
        return gss_util_fail(major, minor, &c->mech, 0);
    return SEC_E_OK;
}

/* Acquires the GSS credential for c. A password gets its tickets into a memory cache the
 * GSS credential owns (MIT's gss_acquire_cred_with_password), never the user's cache. */
static SECURITY_STATUS cred_acquire_gss(cred *c, const identity *id, const char *principal,
                                        OM_uint32 *lifetime)
{
    SECURITY_STATUS status = SEC_E_OK;
    OM_uint32 major = GSS_S_COMPLETE, minor = 0;
    gss_name_t name = GSS_C_NO_NAME;
    gss_OID_desc mech_elems[3];
    gss_OID_set_desc mechs = {1, mech_elems};
    gss_cred_usage_t usage = (c->use & CRED_USE_MASK) == SECPKG_CRED_BOTH  ? GSS_C_BOTH
                             : (c->use & SECPKG_CRED_INBOUND)               ? GSS_C_ACCEPT
                                                                            : GSS_C_INITIATE;
    int negotiate = c->pkg == map_package_by_name("Negotiate");
    char imp_ccache[512];

    mech_elems[0] = c->mech;
    /* Windows' Negotiate acceptor also takes a bare Kerberos AP-REQ or NTLM message (clients
     * asking for "Kerberos" or "NTLM" talk to Negotiate servers): with the inner mechanisms'
     * credentials beside SPNEGO's, mechglue picks the mechanism by the token's OID (or its
     * NTLMSSP signature). */
    if (negotiate && usage == GSS_C_ACCEPT)
        mechs.count += cred_negotiate_mechs(c, &mech_elems[1], 2);

    *lifetime = GSS_C_INDEFINITE;
    if (principal != NULL) {
        if (gss_util_import_name(c->pkg, principal, &name) != 0) {
            status = SEC_E_UNKNOWN_CREDENTIALS;
            goto cleanup;
        }
    }

    if (id != NULL && id->password != NULL) {
        if (name == GSS_C_NO_NAME) {
            call_note("a password was given without a user name");
            status = SEC_E_UNKNOWN_CREDENTIALS;
            goto cleanup;
        }
        gss_buffer_desc pw = {id->password_len, id->password};
        major = gss_acquire_cred_with_password(&minor, name, &pw, GSS_C_INDEFINITE, &mechs,
                                               usage, &c->gss, NULL, lifetime);
        /* Heimdal's SPNEGO takes no password (GSS_S_NO_CRED, and a credential of the inner
         * mechanisms alone is not one SPNEGO initiates with): SEC_E_NO_CREDENTIALS there
         * (README, "Heimdal backend"). */
    } else if (usage == GSS_C_INITIATE && name == GSS_C_NO_NAME &&
               imp_thread_ccache(imp_ccache, sizeof(imp_ccache))) {
        if (imp_ccache[0] == '\0') {
            call_note("the impersonated client delegated no credentials");
            status = SEC_E_NO_CREDENTIALS;
            goto cleanup;
        }
        major = backend_acquire_cred_ccache(&minor, imp_ccache, &mechs, &c->gss, lifetime);
    } else if (usage == GSS_C_INITIATE && name == GSS_C_NO_NAME) {
        /* Keep GSS_C_NO_CREDENTIAL so the library picks the cache per target; acquiring
         * once tells whether there is any credential at all and its lifetime. */
        gss_cred_id_t probe = GSS_C_NO_CREDENTIAL;
        major = gss_acquire_cred(&minor, GSS_C_NO_NAME, GSS_C_INDEFINITE, &mechs, usage, &probe,
                                 NULL, lifetime);
        if (!GSS_ERROR(major))
            gss_release_cred(&minor, &probe);
    } else {
        major = gss_acquire_cred(&minor, name, GSS_C_INDEFINITE, &mechs, usage, &c->gss, NULL,
                                 lifetime);
    }
    if (GSS_ERROR(major)) {
        status = gss_util_fail(major, minor, &c->mech,
                               usage == GSS_C_ACCEPT ? MAP_STATUS_ACCEPTOR : 0);
        /* No credential of the kind asked for is SEC_E_NO_CREDENTIALS whatever the cause
         * GSSAPI gives (an empty cache, a missing keytab); a wrong password is not. */
        if (status != SEC_E_LOGON_DENIED && status != SEC_E_NO_AUTHENTICATING_AUTHORITY &&
            status != SEC_E_TIME_SKEW && status != SEC_E_INSUFFICIENT_MEMORY)
            status = SEC_E_NO_CREDENTIALS;
    }
    if (status == SEC_E_OK && negotiate && c->package_list != NULL)
        status = cred_restrict_negotiate(c, usage);

cleanup:
    if (name != GSS_C_NO_NAME)
        gss_release_name(&minor, &name);
    return status;
}

static SECURITY_STATUS cred_acquire(const map_package *pkg, const char *principal, ULONG use,
                                    const void *auth_data, PCredHandle out, PTimeStamp expiry)
{
    SECURITY_STATUS status;
    identity id = {0};
    cred *c = NULL;
    OM_uint32 lifetime;

    if ((use & CRED_USE_MASK) == 0) {
        call_note("fCredentialUse 0x%x asks for neither INBOUND nor OUTBOUND", (unsigned)use);
        status = SEC_E_INVALID_PARAMETER;
        goto cleanup;
    }
    if (auth_data != NULL) {
        status = identity_read(auth_data, &id);
        if (status != SEC_E_OK)
            goto cleanup;
        if (id.principal != NULL)
            principal = id.principal;
    }
    c = calloc(1, sizeof(*c));
    if (c == NULL) {
        status = SEC_E_INSUFFICIENT_MEMORY;
        goto cleanup;
    }
    handle_obj_init(&c->h, HANDLE_TYPE_CRED, cred_destroy);
    c->pkg = pkg;
    c->use = use & CRED_USE_MASK;
    c->gss = GSS_C_NO_CREDENTIAL;
    gss_util_mech(pkg, &c->mech);
    if ((principal != NULL && (c->principal = strdup(principal)) == NULL) ||
        (id.package_list != NULL && (c->package_list = strdup(id.package_list)) == NULL)) {
        status = SEC_E_INSUFFICIENT_MEMORY;
        goto cleanup;
    }
    status = cred_acquire_gss(c, auth_data ? &id : NULL, principal, &lifetime);
    if (status != SEC_E_OK)
        goto cleanup;
    status = handle_register(&c->h, out);
    if (status != SEC_E_OK)
        goto cleanup;
    c = NULL;
    gss_util_expiry(lifetime, expiry);

cleanup:
    identity_clear(&id);
    if (c != NULL)
        cred_destroy(&c->h);
    return status;
}

SECURITY_STATUS SEC_ENTRY AcquireCredentialsHandleA(SEC_CHAR *pszPrincipal, SEC_CHAR *pszPackage,
                                                    ULONG fCredentialUse, PVOID pvLogonId,
                                                    PVOID pAuthData, SEC_GET_KEY_FN pGetKeyFn,
                                                    PVOID pvGetKeyArgument,
                                                    PCredHandle phCredential, PTimeStamp ptsExpiry)
{
    SECURITY_STATUS status;
    const map_package *pkg;

    if (phCredential == NULL) {
        status = SEC_E_INVALID_PARAMETER;
        goto cleanup;
    }
    pkg = pkg_find(pszPackage);
    if (pkg == NULL) {
        call_note("no package named \"%s\" on this machine", pszPackage ? pszPackage : "(null)");
        status = SEC_E_SECPKG_NOT_FOUND;
        goto cleanup;
    }
    status = cred_acquire(pkg, pszPrincipal, fCredentialUse, pAuthData, phCredential, ptsExpiry);

cleanup:
    CALL_RETURN(status);
}

SECURITY_STATUS SEC_ENTRY AcquireCredentialsHandleW(SEC_WCHAR *pszPrincipal, SEC_WCHAR *pszPackage,
                                                    ULONG fCredentialUse, PVOID pvLogonId,
                                                    PVOID pAuthData, SEC_GET_KEY_FN pGetKeyFn,
                                                    PVOID pvGetKeyArgument,
                                                    PCredHandle phCredential, PTimeStamp ptsExpiry)
{
    SECURITY_STATUS status;
    const map_package *pkg;
    char *principal = NULL;

    if (phCredential == NULL) {
        status = SEC_E_INVALID_PARAMETER;
        goto cleanup;
    }
    pkg = pkg_find_w(pszPackage);
    if (pkg == NULL) {
        status = SEC_E_SECPKG_NOT_FOUND;
        goto cleanup;
    }
    if (pszPrincipal != NULL &&
        (status = map_utf16_to_utf8(pszPrincipal, (size_t)-1, &principal, NULL)) != MAP_UTF_OK) {
        call_note("pszPrincipal is not valid UTF-16");
        status = status == MAP_UTF_NOMEM ? SEC_E_INSUFFICIENT_MEMORY : SEC_E_INVALID_PARAMETER;
        goto cleanup;
    }
    status = cred_acquire(pkg, principal, fCredentialUse, pAuthData, phCredential, ptsExpiry);

cleanup:
    free(principal);
    CALL_RETURN(status);
}

SECURITY_STATUS SEC_ENTRY FreeCredentialsHandle(PCredHandle phCredential)
{
    CALL_RETURN(handle_unregister(phCredential, HANDLE_TYPE_CRED));
}

/* The credential's principal as UTF-8 (malloc'd): the one it was acquired for, else what
 * GSSAPI says the default credential is. */
static SECURITY_STATUS cred_name(cred *c, char **out)
{
    OM_uint32 major, minor;
    gss_name_t name = GSS_C_NO_NAME;
    gss_buffer_desc text = GSS_C_EMPTY_BUFFER;
    SECURITY_STATUS status = SEC_E_OK;
    gss_cred_id_t own = GSS_C_NO_CREDENTIAL;
    gss_OID_set_desc mechs = {1, &c->mech};

    *out = NULL;
    /* The default credential is asked of the package's own mechanism: Heimdal's mechglue
     * answers gss_inquire_cred(GSS_C_NO_CREDENTIAL) with GSS_S_NO_CRED. */
    if (c->gss == GSS_C_NO_CREDENTIAL) {
        major = gss_acquire_cred(&minor, GSS_C_NO_NAME, GSS_C_INDEFINITE, &mechs, GSS_C_INITIATE,
                                 &own, NULL, NULL);
        if (GSS_ERROR(major)) {
            status = gss_util_fail(major, minor, &c->mech, 0);
            goto cleanup;
        }
    }
    major = backend_inquire_cred_name(&minor, own != GSS_C_NO_CREDENTIAL ? own : c->gss,
                                      c->principal != NULL, &name);
    if (GSS_ERROR(major)) {
        status = gss_util_fail(major, minor, &c->mech, 0);
        goto cleanup;
    }
    if (name == GSS_C_NO_NAME) {
        if (c->principal == NULL) {
            call_note("an acceptor credential for any keytab key has no single name");
            status = SEC_E_UNSUPPORTED_FUNCTION;
            goto cleanup;
        }
        *out = strdup(c->principal);
    } else {
        major = gss_display_name(&minor, name, &text, NULL);
        if (GSS_ERROR(major)) {
            status = gss_util_fail(major, minor, &c->mech, 0);
            goto cleanup;
        }
        *out = strndup(text.value, text.length);
    }
    if (*out == NULL)
        status = SEC_E_INSUFFICIENT_MEMORY;

cleanup:
    gss_release_buffer(&minor, &text);
    if (name != GSS_C_NO_NAME)
        gss_release_name(&minor, &name);
    if (own != GSS_C_NO_CREDENTIAL)
        gss_release_cred(&minor, &own);
    return status;
}

/* Shared by A and W: wide selects SecPkgCredentials_NamesW. */
static SECURITY_STATUS cred_query(PCredHandle h, ULONG attribute, void *buffer, int wide)
{
    SECURITY_STATUS status;
    cred *c = NULL;
    char *name = NULL;

    c = cred_get(h);
    if (c == NULL) {
        status = SEC_E_INVALID_HANDLE;
        goto cleanup;
    }
    if (buffer == NULL) {
        status = SEC_E_INVALID_PARAMETER;
        goto cleanup;
    }
    if (attribute != SECPKG_CRED_ATTR_NAMES) {
        call_note("credential attribute %u is not one the %s package answers", (unsigned)attribute,
                  c->pkg->name);
        status = SEC_E_UNSUPPORTED_FUNCTION;
        goto cleanup;
    }
    status = cred_name(c, &name);
    if (status != SEC_E_OK)
        goto cleanup;
    if (wide) {
        SEC_WCHAR *w = NULL;
        size_t units = 0;
        if (map_utf8_to_utf16(name, (size_t)-1, &w, &units) != 0) {
            status = SEC_E_INSUFFICIENT_MEMORY;
            goto cleanup;
        }
        SEC_WCHAR *out = mem_alloc((units + 1) * sizeof(SEC_WCHAR));
        if (out != NULL)
            memcpy(out, w, (units + 1) * sizeof(SEC_WCHAR));
        free(w);
        if (out == NULL) {
            status = SEC_E_INSUFFICIENT_MEMORY;
            goto cleanup;
        }
        ((SecPkgCredentials_NamesW *)buffer)->sUserName = out;
    } else {
        /* cred_name's SEC_E_OK comes with a name (gss_util_fail never maps a GSS error to
         * success, which the analyzer cannot see from this file). */
        /* NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker) */
        size_t len = strlen(name) + 1;
        char *out = mem_alloc(len);
        if (out == NULL) {
            status = SEC_E_INSUFFICIENT_MEMORY;
            goto cleanup;
        }
        memcpy(out, name, len);
        ((SecPkgCredentials_NamesA *)buffer)->sUserName = out;
    }

cleanup:
    free(name);
    cred_put(c);
    return status;
}

SECURITY_STATUS SEC_ENTRY QueryCredentialsAttributesA(PCredHandle phCredential, ULONG ulAttribute,
                                                      PVOID pBuffer)
{
    CALL_RETURN(cred_query(phCredential, ulAttribute, pBuffer, 0));
}

SECURITY_STATUS SEC_ENTRY QueryCredentialsAttributesW(PCredHandle phCredential, ULONG ulAttribute,
                                                      PVOID pBuffer)
{
    CALL_RETURN(cred_query(phCredential, ulAttribute, pBuffer, 1));
}
