/* Which SSPI package a sample program uses: MIT's -mech (an OID, dotted or in braces, or a
 * short name), -krb5, -spnego and the SSPI-port spelling -package NAME. */
#ifndef SSPIBRIDGE_INTEROP_SAMPLE_PACKAGE_H
#define SSPIBRIDGE_INTEROP_SAMPLE_PACKAGE_H

#include <security.h>

/* The package name for a -mech argument: "1.2.840.113554.1.2.2", "{ 1 2 840 113554 1 2 2 }",
 * "krb5" and "kerberos" give "Kerberos"; the SPNEGO OID, "spnego" and "negotiate" give
 * "Negotiate"; the NTLMSSP OID and "ntlm" give "NTLM". NULL for anything else (IAKERB has
 * no SSPI package). */
const char *package_from_mech(const char *mech);

/* cbMaxToken of the package (QuerySecurityPackageInfo), 0 after reporting a failure. */
ULONG package_max_token(const char *package);

#endif
