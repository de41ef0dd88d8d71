/* InitSecurityInterfaceA/W: the dispatch tables SSPI code loads instead of linking each
 * function, filled to the last field Windows defines. */
#include "bridge/call.h"

#include <sspi.h>

static const SecurityFunctionTableA functable_a = {
    .dwVersion = SECURITY_SUPPORT_PROVIDER_INTERFACE_VERSION_5,
    .EnumerateSecurityPackagesA = EnumerateSecurityPackagesA,
    .QueryCredentialsAttributesA = QueryCredentialsAttributesA,
    .AcquireCredentialsHandleA = AcquireCredentialsHandleA,
    .FreeCredentialsHandle = FreeCredentialsHandle,
    .InitializeSecurityContextA = InitializeSecurityContextA,
    .AcceptSecurityContext = AcceptSecurityContext,
    .CompleteAuthToken = CompleteAuthToken,
    .DeleteSecurityContext = DeleteSecurityContext,
    .ApplyControlToken = ApplyControlToken,
    .QueryContextAttributesA = QueryContextAttributesA,
    .ImpersonateSecurityContext = ImpersonateSecurityContext,
    .RevertSecurityContext = RevertSecurityContext,
    .MakeSignature = MakeSignature,
    .VerifySignature = VerifySignature,
    .FreeContextBuffer = FreeContextBuffer,
    .QuerySecurityPackageInfoA = QuerySecurityPackageInfoA,
    .ExportSecurityContext = ExportSecurityContext,
    .ImportSecurityContextA = ImportSecurityContextA,
    .AddCredentialsA = AddCredentialsA,
    .QuerySecurityContextToken = QuerySecurityContextToken,
    .EncryptMessage = EncryptMessage,
    .DecryptMessage = DecryptMessage,
    .SetContextAttributesA = SetContextAttributesA,
    .SetCredentialsAttributesA = SetCredentialsAttributesA,
    .ChangeAccountPasswordA = ChangeAccountPasswordA,
    .QueryContextAttributesExA = QueryContextAttributesExA,
    .QueryCredentialsAttributesExA = QueryCredentialsAttributesExA,
};

static const SecurityFunctionTableW functable_w = {
    .dwVersion = SECURITY_SUPPORT_PROVIDER_INTERFACE_VERSION_5,
    .EnumerateSecurityPackagesW = EnumerateSecurityPackagesW,
    .QueryCredentialsAttributesW = QueryCredentialsAttributesW,
    .AcquireCredentialsHandleW = AcquireCredentialsHandleW,
    .FreeCredentialsHandle = FreeCredentialsHandle,
    .InitializeSecurityContextW = InitializeSecurityContextW,
    .AcceptSecurityContext = AcceptSecurityContext,
    .CompleteAuthToken = CompleteAuthToken,
    .DeleteSecurityContext = DeleteSecurityContext,
    .ApplyControlToken = ApplyControlToken,
    .QueryContextAttributesW = QueryContextAttributesW,
    .ImpersonateSecurityContext = ImpersonateSecurityContext,
    .RevertSecurityContext = RevertSecurityContext,
    .MakeSignature = MakeSignature,
    .VerifySignature = VerifySignature,
    .FreeContextBuffer = FreeContextBuffer,
    .QuerySecurityPackageInfoW = QuerySecurityPackageInfoW,
    .ExportSecurityContext = ExportSecurityContext,
    .ImportSecurityContextW = ImportSecurityContextW,
    .AddCredentialsW = AddCredentialsW,
    .QuerySecurityContextToken = QuerySecurityContextToken,
    .EncryptMessage = EncryptMessage,
    .DecryptMessage = DecryptMessage,
    .SetContextAttributesW = SetContextAttributesW,
    .SetCredentialsAttributesW = SetCredentialsAttributesW,
    .ChangeAccountPasswordW = ChangeAccountPasswordW,
    .QueryContextAttributesExW = QueryContextAttributesExW,
    .QueryCredentialsAttributesExW = QueryCredentialsAttributesExW,
};

/* The tables are shared and read-only: callers get a pointer, never a copy to free. */
PSecurityFunctionTableA SEC_ENTRY InitSecurityInterfaceA(void)
{
    call_finish(__func__, SEC_E_OK);
    return (PSecurityFunctionTableA)&functable_a;
}

PSecurityFunctionTableW SEC_ENTRY InitSecurityInterfaceW(void)
{
    call_finish(__func__, SEC_E_OK);
    return (PSecurityFunctionTableW)&functable_w;
}
