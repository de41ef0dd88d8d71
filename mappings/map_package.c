/* Package table: names, comments, capabilities, RPC ids and token sizes as Windows reports them
 * (QuerySecurityPackageInfo), and the GSS mechanism OIDs behind them. */
#include "mappings/map_package.h"

#include <string.h>

/* DER contents of the mechanism OIDs. */
static const unsigned char map_oid_krb5[] = /* 1.2.840.113554.1.2.2, RFC 4121 */
    {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x12, 0x01, 0x02, 0x02};
static const unsigned char map_oid_krb5_ms[] = /* 1.2.840.48018.1.2.2, Microsoft's (MS-KILE) */
    {0x2a, 0x86, 0x48, 0x82, 0xf7, 0x12, 0x01, 0x02, 0x02};
static const unsigned char map_oid_krb5_old[] = /* 1.3.5.1.5.2, pre-RFC 1964 */
    {0x2b, 0x05, 0x01, 0x05, 0x02};
static const unsigned char map_oid_spnego[] = /* 1.3.6.1.5.5.2, RFC 4178 */
    {0x2b, 0x06, 0x01, 0x05, 0x05, 0x02};
static const unsigned char map_oid_ntlm[] = /* 1.3.6.1.4.1.311.2.2.10, MS-NLMP / gss-ntlmssp */
    {0x2b, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, 0x02, 0x02, 0x0a};

/* Capabilities. Windows' values, checked against Wine's conformance tests, which run on real
 * Windows (dlls/secur32/tests: secur32.c test_kerberos, negotiate.c NEGOTIATE_BASE_CAPS and
 * NTLM_BASE_CAPS). Windows 7 and later add SECPKG_FLAG_RESTRICTED_TOKENS to each package;
 * Windows 8 and later also add SECPKG_FLAG_APPCONTAINER_CHECKS, left out here because there
 * are no AppContainers to check. The values are the Windows 7+ ones. */

/* 0x000F3BBF */
#define MAP_CAPS_KERBEROS                                                                      \
    (SECPKG_FLAG_INTEGRITY | SECPKG_FLAG_PRIVACY | SECPKG_FLAG_TOKEN_ONLY |                    \
     SECPKG_FLAG_DATAGRAM | SECPKG_FLAG_CONNECTION | SECPKG_FLAG_MULTI_REQUIRED |              \
     SECPKG_FLAG_EXTENDED_ERROR | SECPKG_FLAG_IMPERSONATION | SECPKG_FLAG_ACCEPT_WIN32_NAME |   \
     SECPKG_FLAG_NEGOTIABLE | SECPKG_FLAG_GSS_COMPATIBLE | SECPKG_FLAG_LOGON |                 \
     SECPKG_FLAG_MUTUAL_AUTH | SECPKG_FLAG_DELEGATION | SECPKG_FLAG_READONLY_WITH_CHECKSUM |    \
     SECPKG_FLAG_RESTRICTED_TOKENS)

/* 0x00083BB3 */
#define MAP_CAPS_NEGOTIATE                                                                     \
    (SECPKG_FLAG_INTEGRITY | SECPKG_FLAG_PRIVACY | SECPKG_FLAG_CONNECTION |                    \
     SECPKG_FLAG_MULTI_REQUIRED | SECPKG_FLAG_EXTENDED_ERROR | SECPKG_FLAG_IMPERSONATION |      \
     SECPKG_FLAG_ACCEPT_WIN32_NAME | SECPKG_FLAG_NEGOTIABLE | SECPKG_FLAG_GSS_COMPATIBLE |      \
     SECPKG_FLAG_LOGON | SECPKG_FLAG_RESTRICTED_TOKENS)

/* 0x00082B37 */
#define MAP_CAPS_NTLM                                                                          \
    (SECPKG_FLAG_INTEGRITY | SECPKG_FLAG_PRIVACY | SECPKG_FLAG_TOKEN_ONLY |                    \
     SECPKG_FLAG_CONNECTION | SECPKG_FLAG_MULTI_REQUIRED | SECPKG_FLAG_IMPERSONATION |         \
     SECPKG_FLAG_ACCEPT_WIN32_NAME | SECPKG_FLAG_NEGOTIABLE | SECPKG_FLAG_LOGON |               \
     SECPKG_FLAG_RESTRICTED_TOKENS)

/* wVersion is 1 for every package ("SecPkgInfo": "must be 1"). wRPCID is the DCE RPC
 * authentication service (rpcdce.h's RPC_C_AUTHN_*, not in sspi.h). cbMaxToken: Kerberos
 * 48000 (the MaxTokenSize default since Windows 8), Negotiate 48256 (Kerberos plus SPNEGO
 * framing), NTLM 2888 (Windows 10/11). */
#define MAP_RPC_C_AUTHN_GSS_NEGOTIATE 9
#define MAP_RPC_C_AUTHN_WINNT         10
#define MAP_RPC_C_AUTHN_GSS_KERBEROS  16

static const map_package map_packages[] = {
    {"Negotiate", "Microsoft Package Negotiator", MAP_CAPS_NEGOTIATE, 1,
     MAP_RPC_C_AUTHN_GSS_NEGOTIATE, 48256, map_oid_spnego, sizeof(map_oid_spnego)},
    {"Kerberos", "Microsoft Kerberos V1.0", MAP_CAPS_KERBEROS, 1, MAP_RPC_C_AUTHN_GSS_KERBEROS,
     48000, map_oid_krb5, sizeof(map_oid_krb5)},
    {"NTLM", "NTLM Security Package", MAP_CAPS_NTLM, 1, MAP_RPC_C_AUTHN_WINNT, 2888,
     map_oid_ntlm, sizeof(map_oid_ntlm)},
};

#define MAP_PACKAGE_COUNT (sizeof(map_packages) / sizeof(map_packages[0]))
#define MAP_PKG_KERBEROS (&map_packages[1])

/* Other OIDs naming a package's mechanism: peers (Windows among them) still send these. */
typedef struct map_oid_alias {
    const unsigned char *oid;
    size_t oid_len;
    const map_package *pkg;
} map_oid_alias;

static const map_oid_alias map_oid_aliases[] = {
    {map_oid_krb5_ms, sizeof(map_oid_krb5_ms), MAP_PKG_KERBEROS},
    {map_oid_krb5_old, sizeof(map_oid_krb5_old), MAP_PKG_KERBEROS},
};

/* ASCII-only case folding: package names are ASCII, and strcasecmp would follow the locale. */
static int map_ascii_equal_nocase(const char *a, const char *b)
{
    for (;; a++, b++) {
        unsigned char ca = (unsigned char)*a, cb = (unsigned char)*b;
        if (ca >= 'A' && ca <= 'Z')
            ca = (unsigned char)(ca - 'A' + 'a');
        if (cb >= 'A' && cb <= 'Z')
            cb = (unsigned char)(cb - 'A' + 'a');
        if (ca != cb)
            return 0;
        if (ca == '\0')
            return 1;
    }
}

static int map_oid_equal(const unsigned char *a, size_t a_len, const void *b, size_t b_len)
{
    return a_len == b_len && memcmp(a, b, a_len) == 0;
}

size_t map_package_count(void)
{
    return MAP_PACKAGE_COUNT;
}

const map_package *map_package_at(size_t i)
{
    return i < MAP_PACKAGE_COUNT ? &map_packages[i] : NULL;
}

const map_package *map_package_by_name(const char *name)
{
    if (name == NULL)
        return NULL;
    for (size_t i = 0; i < MAP_PACKAGE_COUNT; i++)
        if (map_ascii_equal_nocase(map_packages[i].name, name))
            return &map_packages[i];
    return NULL;
}

const map_package *map_package_by_oid(const void *oid, size_t len)
{
    if (oid == NULL)
        return NULL;
    for (size_t i = 0; i < MAP_PACKAGE_COUNT; i++)
        if (map_oid_equal(map_packages[i].oid, map_packages[i].oid_len, oid, len))
            return &map_packages[i];
    for (size_t i = 0; i < sizeof(map_oid_aliases) / sizeof(map_oid_aliases[0]); i++)
        if (map_oid_equal(map_oid_aliases[i].oid, map_oid_aliases[i].oid_len, oid, len))
            return map_oid_aliases[i].pkg;
    return NULL;
}

/* The package named by list[0..len), or NULL. */
static const map_package *map_package_by_span(const char *name, size_t len)
{
    char buf[32];
    if (len == 0 || len >= sizeof(buf))
        return NULL;
    memcpy(buf, name, len);
    buf[len] = '\0';
    return map_package_by_name(buf);
}

unsigned map_package_list_filter(const char *list, unsigned offered)
{
    unsigned named = 0, excluded = 0;
    int any_named = 0;

    if (list == NULL)
        return offered;
    while (*list != '\0') {
        const char *end = strchr(list, ',');
        size_t len = end != NULL ? (size_t)(end - list) : strlen(list);
        const char *p = list;
        int exclude = 0;
        while (len > 0 && (*p == ' ' || *p == '\t')) {
            p++;
            len--;
        }
        if (len > 0 && *p == '!') {
            exclude = 1;
            p++;
            len--;
        }
        while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
            len--;
        const map_package *pkg = map_package_by_span(p, len);
        if (!exclude && len > 0)
            any_named = 1;
        if (pkg != NULL) {
            unsigned bit = 1u << (unsigned)(pkg - map_packages);
            if (exclude)
                excluded |= bit;
            else
                named |= bit;
        }
        list += end != NULL ? (size_t)(end - list) + 1 : strlen(list);
    }
    return (any_named ? offered & named : offered) & ~excluded;
}
