/* Written from Microsoft's SSPI documentation alone, as a Windows program would be: load the
 * function table, enumerate the packages, query one, free everything. Built against the
 * installed headers through pkg-config by `make installcheck`. */
#define SECURITY_WIN32
#include <security.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    PSecurityFunctionTableA table = InitSecurityInterfaceA();
    ULONG count = 0;
    PSecPkgInfoA packages = NULL;
    PSecPkgInfoA info = NULL;
    SECURITY_STATUS status;
    int found = 0;

    if (table == NULL) {
        fprintf(stderr, "InitSecurityInterfaceA returned NULL\n");
        return 1;
    }
    status = table->EnumerateSecurityPackagesA(&count, &packages);
    if (status != SEC_E_OK) {
        fprintf(stderr, "EnumerateSecurityPackagesA: 0x%08x\n", (unsigned)status);
        return 1;
    }
    for (ULONG i = 0; i < count; i++) {
        printf("%-10s max token %5u  rpc id %2u  caps 0x%08x  %s\n", packages[i].Name,
               (unsigned)packages[i].cbMaxToken, (unsigned)packages[i].wRPCID,
               (unsigned)packages[i].fCapabilities, packages[i].Comment);
        if (strcmp(packages[i].Name, "Kerberos") == 0)
            found = 1;
    }
    table->FreeContextBuffer(packages);
    if (!found) {
        fprintf(stderr, "no Kerberos package\n");
        return 1;
    }
    status = table->QuerySecurityPackageInfoA((SEC_CHAR *)"kerberos", &info);
    if (status != SEC_E_OK || info == NULL || info->cbMaxToken != 48000) {
        fprintf(stderr, "QuerySecurityPackageInfoA: 0x%08x\n", (unsigned)status);
        return 1;
    }
    printf("Kerberos: %s\n", info->Comment);
    status = table->FreeContextBuffer(info);
    return status == SEC_E_OK ? 0 : 1;
}
