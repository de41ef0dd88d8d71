/* Functions the Kerberos, Negotiate and NTLM packages have no use for on Linux: each checks
 * its handle and answers SEC_E_UNSUPPORTED_FUNCTION, as Windows' packages do for calls they
 * do not implement. */
#include "bridge/call.h"
#include "bridge/cred.h"
#include "bridge/ctx.h"

/* SEC_E_INVALID_HANDLE for a bad context handle, else SEC_E_UNSUPPORTED_FUNCTION. */
static SECURITY_STATUS unsupported_on_ctx(PCtxtHandle h, const char *why)
{
    ctx *c = ctx_get(h);
    if (c == NULL)
        return SEC_E_INVALID_HANDLE;
    ctx_put(c);
    call_note("%s", why);
    return SEC_E_UNSUPPORTED_FUNCTION;
}

static SECURITY_STATUS unsupported_on_cred(PCredHandle h, const char *why)
{
    cred *c = cred_get(h);
    if (c == NULL)
        return SEC_E_INVALID_HANDLE;
    cred_put(c);
    call_note("%s", why);
    return SEC_E_UNSUPPORTED_FUNCTION;
}

/* "This function is supported only by the Digest SSP" (CompleteAuthToken): Kerberos never
 * returns SEC_I_COMPLETE_NEEDED, so there is nothing to complete. */
SECURITY_STATUS SEC_ENTRY CompleteAuthToken(PCtxtHandle phContext, PSecBufferDesc pToken)
{
    CALL_RETURN(unsupported_on_ctx(phContext, "only the Digest package completes tokens"));
}

SECURITY_STATUS SEC_ENTRY ApplyControlToken(PCtxtHandle phContext, PSecBufferDesc pInput)
{
    CALL_RETURN(unsupported_on_ctx(phContext, "Kerberos has no control tokens (Schannel alerts only)"));
}

SECURITY_STATUS SEC_ENTRY QuerySecurityContextToken(PCtxtHandle phContext, void **Token)
{
    if (Token != NULL)
        *Token = NULL;
    CALL_RETURN(unsupported_on_ctx(phContext, "Linux has no Windows access tokens"));
}

SECURITY_STATUS SEC_ENTRY AddCredentialsA(PCredHandle hCredentials, SEC_CHAR *pszPrincipal,
                                          SEC_CHAR *pszPackage, ULONG fCredentialUse,
                                          void *pAuthData, SEC_GET_KEY_FN pGetKeyFn,
                                          void *pvGetKeyArgument, PTimeStamp ptsExpiry)
{
    CALL_RETURN(unsupported_on_cred(hCredentials, "acquire a second credential handle instead"));
}

SECURITY_STATUS SEC_ENTRY AddCredentialsW(PCredHandle hCredentials, SEC_WCHAR *pszPrincipal,
                                          SEC_WCHAR *pszPackage, ULONG fCredentialUse,
                                          void *pAuthData, SEC_GET_KEY_FN pGetKeyFn,
                                          void *pvGetKeyArgument, PTimeStamp ptsExpiry)
{
    CALL_RETURN(unsupported_on_cred(hCredentials, "acquire a second credential handle instead"));
}

SECURITY_STATUS SEC_ENTRY SetCredentialsAttributesA(PCredHandle phCredential, ULONG ulAttribute,
                                                    void *pBuffer, ULONG cbBuffer)
{
    CALL_RETURN(unsupported_on_cred(phCredential, "no settable credential attribute on Linux"));
}

SECURITY_STATUS SEC_ENTRY SetCredentialsAttributesW(PCredHandle phCredential, ULONG ulAttribute,
                                                    void *pBuffer, ULONG cbBuffer)
{
    CALL_RETURN(unsupported_on_cred(phCredential, "no settable credential attribute on Linux"));
}

SECURITY_STATUS SEC_ENTRY ChangeAccountPasswordA(SEC_CHAR *pszPackageName, SEC_CHAR *pszDomainName,
                                                 SEC_CHAR *pszAccountName, SEC_CHAR *pszOldPassword,
                                                 SEC_CHAR *pszNewPassword, BOOLEAN bImpersonating,
                                                 ULONG dwReserved, PSecBufferDesc pOutput)
{
    call_note("password changes go through kpasswd, not the bridge");
    CALL_RETURN(SEC_E_UNSUPPORTED_FUNCTION);
}

SECURITY_STATUS SEC_ENTRY ChangeAccountPasswordW(SEC_WCHAR *pszPackageName, SEC_WCHAR *pszDomainName,
                                                 SEC_WCHAR *pszAccountName, SEC_WCHAR *pszOldPassword,
                                                 SEC_WCHAR *pszNewPassword, BOOLEAN bImpersonating,
                                                 ULONG dwReserved, PSecBufferDesc pOutput)
{
    call_note("password changes go through kpasswd, not the bridge");
    CALL_RETURN(SEC_E_UNSUPPORTED_FUNCTION);
}
