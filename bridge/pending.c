/* Functions whose issue has not landed yet (message protection, context attributes,
 * export/import: issue 4). Each checks its handle and answers SEC_E_UNSUPPORTED_FUNCTION;
 * the README lists them. Remove a function from here when it is implemented. */
#include "bridge/call.h"
#include "bridge/cred.h"
#include "bridge/ctx.h"

static SECURITY_STATUS pending_on_ctx(PCtxtHandle h)
{
    ctx *c = ctx_get(h);
    if (c == NULL)
        return SEC_E_INVALID_HANDLE;
    ctx_put(c);
    call_note("not implemented yet in this version of sspibridge");
    return SEC_E_UNSUPPORTED_FUNCTION;
}

SECURITY_STATUS SEC_ENTRY QueryContextAttributesA(PCtxtHandle phContext, ULONG ulAttribute, void *pBuffer)
{
    CALL_RETURN(pending_on_ctx(phContext));
}

SECURITY_STATUS SEC_ENTRY QueryContextAttributesW(PCtxtHandle phContext, ULONG ulAttribute, void *pBuffer)
{
    CALL_RETURN(pending_on_ctx(phContext));
}

SECURITY_STATUS SEC_ENTRY QueryContextAttributesExA(PCtxtHandle phContext, ULONG ulAttribute,
                                                    void *pBuffer, ULONG cbBuffer)
{
    CALL_RETURN(pending_on_ctx(phContext));
}

SECURITY_STATUS SEC_ENTRY QueryContextAttributesExW(PCtxtHandle phContext, ULONG ulAttribute,
                                                    void *pBuffer, ULONG cbBuffer)
{
    CALL_RETURN(pending_on_ctx(phContext));
}

SECURITY_STATUS SEC_ENTRY SetContextAttributesA(PCtxtHandle phContext, ULONG ulAttribute,
                                                void *pBuffer, ULONG cbBuffer)
{
    CALL_RETURN(pending_on_ctx(phContext));
}

SECURITY_STATUS SEC_ENTRY SetContextAttributesW(PCtxtHandle phContext, ULONG ulAttribute,
                                                void *pBuffer, ULONG cbBuffer)
{
    CALL_RETURN(pending_on_ctx(phContext));
}

SECURITY_STATUS SEC_ENTRY QueryCredentialsAttributesExA(PCredHandle phCredential, ULONG ulAttribute,
                                                        void *pBuffer, ULONG cbBuffer)
{
    cred *c = cred_get(phCredential);
    cred_put(c);
    CALL_RETURN(c == NULL ? SEC_E_INVALID_HANDLE : SEC_E_UNSUPPORTED_FUNCTION);
}

SECURITY_STATUS SEC_ENTRY QueryCredentialsAttributesExW(PCredHandle phCredential, ULONG ulAttribute,
                                                        void *pBuffer, ULONG cbBuffer)
{
    cred *c = cred_get(phCredential);
    cred_put(c);
    CALL_RETURN(c == NULL ? SEC_E_INVALID_HANDLE : SEC_E_UNSUPPORTED_FUNCTION);
}

SECURITY_STATUS SEC_ENTRY MakeSignature(PCtxtHandle phContext, ULONG fQOP, PSecBufferDesc pMessage,
                                        ULONG MessageSeqNo)
{
    CALL_RETURN(pending_on_ctx(phContext));
}

SECURITY_STATUS SEC_ENTRY VerifySignature(PCtxtHandle phContext, PSecBufferDesc pMessage,
                                          ULONG MessageSeqNo, ULONG *pfQOP)
{
    CALL_RETURN(pending_on_ctx(phContext));
}

SECURITY_STATUS SEC_ENTRY EncryptMessage(PCtxtHandle phContext, ULONG fQOP, PSecBufferDesc pMessage,
                                         ULONG MessageSeqNo)
{
    CALL_RETURN(pending_on_ctx(phContext));
}

SECURITY_STATUS SEC_ENTRY DecryptMessage(PCtxtHandle phContext, PSecBufferDesc pMessage,
                                         ULONG MessageSeqNo, ULONG *pfQOP)
{
    CALL_RETURN(pending_on_ctx(phContext));
}

SECURITY_STATUS SEC_ENTRY ExportSecurityContext(PCtxtHandle phContext, ULONG fFlags,
                                                PSecBuffer pPackedContext, void **pToken)
{
    CALL_RETURN(pending_on_ctx(phContext));
}

SECURITY_STATUS SEC_ENTRY ImportSecurityContextA(SEC_CHAR *pszPackage, PSecBuffer pPackedContext,
                                                 void *Token, PCtxtHandle phContext)
{
    CALL_RETURN(SEC_E_UNSUPPORTED_FUNCTION);
}

SECURITY_STATUS SEC_ENTRY ImportSecurityContextW(SEC_WCHAR *pszPackage, PSecBuffer pPackedContext,
                                                 void *Token, PCtxtHandle phContext)
{
    CALL_RETURN(SEC_E_UNSUPPORTED_FUNCTION);
}
