/* The security packages the bridge can offer, with the SecPkgInfo values Windows reports for
 * them and the GSS mechanism OID each one runs on. */
#ifndef SSPIBRIDGE_MAP_PACKAGE_H
#define SSPIBRIDGE_MAP_PACKAGE_H

#include <sspi.h>
#include <stddef.h>

typedef struct map_package {
    const char *name;           /* "Kerberos", "Negotiate", "NTLM" */
    const char *comment;        /* Windows' comment string */
    ULONG capabilities;         /* SECPKG_FLAG_* as Windows reports them */
    USHORT version;
    USHORT rpcid;
    ULONG max_token;
    const unsigned char *oid;   /* DER contents (no tag/len) of the GSS mech OID */
    size_t oid_len;
} map_package;

/* Packages in the order EnumerateSecurityPackages lists them. Pointers are to static data. */
size_t map_package_count(void);
const map_package *map_package_at(size_t i);               /* NULL past the end */
const map_package *map_package_by_name(const char *name);  /* case-insensitive; NULL if unknown */
/* The package whose mechanism has this OID (DER contents). Besides each package's own OID,
 * the Kerberos OID variants GSSAPI implementations still accept (Microsoft's
 * 1.2.840.48018.1.2.2, the pre-RFC 1964 1.3.5.1.5.2) resolve to Kerberos. NULL if unknown. */
const map_package *map_package_by_oid(const void *oid, size_t len);

/* Negotiate's SEC_WINNT_AUTH_IDENTITY_EX PackageList, comma-separated as on Windows:
 * "Kerberos" names a package Negotiate may use, "!NTLM" one it must not. offered has bit i
 * set for each map_package_at(i) Negotiate could offer; the result keeps those the list
 * allows: with any package named, only the named ones; then without the excluded ones.
 * Names match case-insensitively and blanks around them are ignored; a package the bridge
 * does not have (Windows' "pku2u", "Negoexts") matches nothing, so "pku2u" alone allows
 * none. */
unsigned map_package_list_filter(const char *list, unsigned offered);

#endif
