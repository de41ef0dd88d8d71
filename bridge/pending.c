/* Functions whose issue has not landed yet (issue 4). Each checks its handle and
 * answers SEC_E_UNSUPPORTED_FUNCTION;
 * the README lists them. Remove a function from here when it is implemented. */
#include "bridge/call.h"
#include "bridge/cred.h"
#include "bridge/ctx.h"

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
