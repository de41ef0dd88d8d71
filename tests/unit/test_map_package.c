/* map_package: the package table (Windows' SecPkgInfo values) and lookups by name and OID. */
#include "mappings/map_package.h"
#include "tests/common/test_main.h"

#include <string.h>

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

/* Expected rows, written from what Windows reports (QuerySecurityPackageInfo) and the
 * mechanism OIDs' registrations. */
static const unsigned char krb5_oid[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x12, 0x01, 0x02, 0x02};
static const unsigned char spnego_oid[] = {0x2b, 0x06, 0x01, 0x05, 0x05, 0x02};
static const unsigned char ntlm_oid[] = {0x2b, 0x06, 0x01, 0x04, 0x01,
                                         0x82, 0x37, 0x02, 0x02, 0x0a};

static const struct {
    const char *name;
    const char *comment;
    ULONG caps_hex;   /* the value as Windows prints it */
    ULONG caps_flags; /* the same, spelled in flags */
    USHORT version, rpcid;
    ULONG max_token;
    const unsigned char *oid;
    size_t oid_len;
} expect[] = {
    {"Negotiate", "Microsoft Package Negotiator", 0x00083BB3,
     SECPKG_FLAG_INTEGRITY | SECPKG_FLAG_PRIVACY | SECPKG_FLAG_CONNECTION |
         SECPKG_FLAG_MULTI_REQUIRED | SECPKG_FLAG_EXTENDED_ERROR | SECPKG_FLAG_IMPERSONATION |
         SECPKG_FLAG_ACCEPT_WIN32_NAME | SECPKG_FLAG_NEGOTIABLE | SECPKG_FLAG_GSS_COMPATIBLE |
         SECPKG_FLAG_LOGON | SECPKG_FLAG_RESTRICTED_TOKENS,
     1, 9 /* RPC_C_AUTHN_GSS_NEGOTIATE */, 48256, spnego_oid, sizeof(spnego_oid)},
    {"Kerberos", "Microsoft Kerberos V1.0", 0x000F3BBF,
     SECPKG_FLAG_INTEGRITY | SECPKG_FLAG_PRIVACY | SECPKG_FLAG_TOKEN_ONLY |
         SECPKG_FLAG_DATAGRAM | SECPKG_FLAG_CONNECTION | SECPKG_FLAG_MULTI_REQUIRED |
         SECPKG_FLAG_EXTENDED_ERROR | SECPKG_FLAG_IMPERSONATION | SECPKG_FLAG_ACCEPT_WIN32_NAME |
         SECPKG_FLAG_NEGOTIABLE | SECPKG_FLAG_GSS_COMPATIBLE | SECPKG_FLAG_LOGON |
         SECPKG_FLAG_MUTUAL_AUTH | SECPKG_FLAG_DELEGATION | SECPKG_FLAG_READONLY_WITH_CHECKSUM |
         SECPKG_FLAG_RESTRICTED_TOKENS,
     1, 16 /* RPC_C_AUTHN_GSS_KERBEROS */, 48000, krb5_oid, sizeof(krb5_oid)},
    {"NTLM", "NTLM Security Package", 0x00082B37,
     SECPKG_FLAG_INTEGRITY | SECPKG_FLAG_PRIVACY | SECPKG_FLAG_TOKEN_ONLY |
         SECPKG_FLAG_CONNECTION | SECPKG_FLAG_MULTI_REQUIRED | SECPKG_FLAG_IMPERSONATION |
         SECPKG_FLAG_ACCEPT_WIN32_NAME | SECPKG_FLAG_NEGOTIABLE | SECPKG_FLAG_LOGON |
         SECPKG_FLAG_RESTRICTED_TOKENS,
     1, 10 /* RPC_C_AUTHN_WINNT */, 2888, ntlm_oid, sizeof(ntlm_oid)},
};

static void check_row(size_t i, const map_package *p)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    CU_ASSERT_STRING_EQUAL(p->name, expect[i].name);
    CU_ASSERT_STRING_EQUAL(p->comment, expect[i].comment);
    CU_ASSERT_EQUAL(p->capabilities, expect[i].caps_hex);
    CU_ASSERT_EQUAL(p->capabilities, expect[i].caps_flags);
    CU_ASSERT_EQUAL(p->version, expect[i].version);
    CU_ASSERT_EQUAL(p->rpcid, expect[i].rpcid);
    CU_ASSERT_EQUAL(p->max_token, expect[i].max_token);
    CU_ASSERT_EQUAL_FATAL(p->oid_len, expect[i].oid_len);
    CU_ASSERT_EQUAL(memcmp(p->oid, expect[i].oid, expect[i].oid_len), 0);
}

static void test_three_packages_negotiate_first(void)
{
    /* EnumerateSecurityPackages on Windows lists Negotiate before Kerberos and NTLM. */
    CU_ASSERT_EQUAL_FATAL(map_package_count(), N_ELEMS(expect));
    for (size_t i = 0; i < N_ELEMS(expect); i++)
        CU_ASSERT_STRING_EQUAL(map_package_at(i)->name, expect[i].name);
}

static void test_package_at_past_end_is_null(void)
{
    CU_ASSERT_PTR_NULL(map_package_at(map_package_count()));
    CU_ASSERT_PTR_NULL(map_package_at((size_t)-1));
}

static void test_negotiate_has_windows_values(void)
{
    check_row(0, map_package_by_name("Negotiate"));
}

static void test_kerberos_has_windows_values(void)
{
    check_row(1, map_package_by_name("Kerberos"));
}

static void test_ntlm_has_windows_values(void)
{
    check_row(2, map_package_by_name("NTLM"));
}

static void test_kerberos_caps_promise_what_the_bridge_does(void)
{
    const map_package *p = map_package_by_name("Kerberos");
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    /* MakeSignature, EncryptMessage, mutual auth, delegation, sign-only buffers, GSS interop. */
    ULONG need = SECPKG_FLAG_INTEGRITY | SECPKG_FLAG_PRIVACY | SECPKG_FLAG_MUTUAL_AUTH |
                 SECPKG_FLAG_DELEGATION | SECPKG_FLAG_READONLY_WITH_CHECKSUM |
                 SECPKG_FLAG_GSS_COMPATIBLE;
    CU_ASSERT_EQUAL(p->capabilities & need, need);
    /* Not client-only: the bridge accepts contexts too. */
    CU_ASSERT_FALSE(p->capabilities & SECPKG_FLAG_CLIENT_ONLY);
}

static void test_by_name_ignores_case(void)
{
    static const struct {
        const char *query;
        const char *name;
    } rows[] = {
        {"kerberos", "Kerberos"},   {"KERBEROS", "Kerberos"}, {"KeRbErOs", "Kerberos"},
        {"negotiate", "Negotiate"}, {"NEGOTIATE", "Negotiate"}, {"ntlm", "NTLM"},
        {"NtLm", "NTLM"},
    };
    for (size_t i = 0; i < N_ELEMS(rows); i++) {
        const map_package *p = map_package_by_name(rows[i].query);
        CU_ASSERT_PTR_NOT_NULL_FATAL(p);
        CU_ASSERT_STRING_EQUAL(p->name, rows[i].name);
    }
}

static void test_by_name_unknown_is_null(void)
{
    static const char *const rows[] = {
        "", "Kerb", "Kerberos ", " Kerberos", "Kerberos\n", "Schannel", "CredSSP",
        "Negotiate2", "NTLMv2",
        "KERBERO\xC5\xBF", /* with U+017F (long s), which Unicode case folding maps to 's' */
    };
    for (size_t i = 0; i < N_ELEMS(rows); i++)
        CU_ASSERT_PTR_NULL(map_package_by_name(rows[i]));
    CU_ASSERT_PTR_NULL(map_package_by_name(NULL));
}

static void test_by_oid_finds_each_package(void)
{
    for (size_t i = 0; i < N_ELEMS(expect); i++) {
        const map_package *p = map_package_by_oid(expect[i].oid, expect[i].oid_len);
        CU_ASSERT_PTR_NOT_NULL_FATAL(p);
        CU_ASSERT_STRING_EQUAL(p->name, expect[i].name);
    }
}

static void test_by_oid_kerberos_variants_are_kerberos(void)
{
    static const unsigned char ms_krb5[] = /* 1.2.840.48018.1.2.2 */
        {0x2a, 0x86, 0x48, 0x82, 0xf7, 0x12, 0x01, 0x02, 0x02};
    static const unsigned char old_krb5[] = /* 1.3.5.1.5.2 */ {0x2b, 0x05, 0x01, 0x05, 0x02};
    const map_package *p = map_package_by_oid(ms_krb5, sizeof(ms_krb5));
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    CU_ASSERT_STRING_EQUAL(p->name, "Kerberos");
    p = map_package_by_oid(old_krb5, sizeof(old_krb5));
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    CU_ASSERT_STRING_EQUAL(p->name, "Kerberos");
}

static void test_by_oid_unknown_is_null(void)
{
    static const unsigned char iakerb[] = /* 1.3.6.1.5.2.5 */ {0x2b, 0x06, 0x01, 0x05, 0x02, 0x05};
    static const unsigned char krb5_longer[] = {0x2a, 0x86, 0x48, 0x86, 0xf7,
                                                0x12, 0x01, 0x02, 0x02, 0x01};
    CU_ASSERT_PTR_NULL(map_package_by_oid(iakerb, sizeof(iakerb)));
    CU_ASSERT_PTR_NULL(map_package_by_oid(krb5_longer, sizeof(krb5_longer)));
    CU_ASSERT_PTR_NULL(map_package_by_oid(krb5_oid, sizeof(krb5_oid) - 1)); /* a prefix */
    CU_ASSERT_PTR_NULL(map_package_by_oid(krb5_oid, 0));
    CU_ASSERT_PTR_NULL(map_package_by_oid(NULL, 9));
}

/* Negotiate's PackageList: one row per rule, over the packages Negotiate offers (Kerberos,
 * NTLM). */
static unsigned bit_of(const char *name)
{
    for (size_t i = 0; i < map_package_count(); i++)
        if (map_package_at(i) == map_package_by_name(name))
            return 1u << i;
    return 0;
}

static void test_package_list_filter_rows(void)
{
    unsigned k = bit_of("Kerberos"), n = bit_of("NTLM"), both = k | n;
    static const struct {
        const char *list;
        int kerberos, ntlm;
    } rows[] = {
        {NULL, 1, 1},                 /* no list: everything offered */
        {"", 1, 1},
        {"Kerberos", 1, 0},           /* named: only those */
        {"NTLM", 0, 1},
        {"kerberos,ntlm", 1, 1},      /* case-insensitive, comma-separated */
        {"!NTLM", 1, 0},              /* excluded only: the rest */
        {"!Kerberos", 0, 1},
        {" Kerberos , !NTLM ", 1, 0}, /* blanks around names */
        {"NTLM,!NTLM", 0, 0},         /* exclusion wins */
        {"!Kerberos,!NTLM", 0, 0},
        {"pku2u", 0, 0},              /* a package the bridge lacks matches nothing */
        {"pku2u,NTLM", 0, 1},
        {"!Negoexts", 1, 1},
    };
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        unsigned got = map_package_list_filter(rows[i].list, both);
        CU_ASSERT_EQUAL(!!(got & k), rows[i].kerberos);
        CU_ASSERT_EQUAL(!!(got & n), rows[i].ntlm);
    }
    /* Never more than offered. */
    CU_ASSERT_EQUAL(map_package_list_filter("Kerberos,NTLM", n), n);
}

static CU_TestInfo tests[] = {
    {"test_package_list_filter_rows", test_package_list_filter_rows},
    {"test_three_packages_negotiate_first", test_three_packages_negotiate_first},
    {"test_package_at_past_end_is_null", test_package_at_past_end_is_null},
    {"test_negotiate_has_windows_values", test_negotiate_has_windows_values},
    {"test_kerberos_has_windows_values", test_kerberos_has_windows_values},
    {"test_ntlm_has_windows_values", test_ntlm_has_windows_values},
    {"test_kerberos_caps_promise_what_the_bridge_does",
     test_kerberos_caps_promise_what_the_bridge_does},
    {"test_by_name_ignores_case", test_by_name_ignores_case},
    {"test_by_name_unknown_is_null", test_by_name_unknown_is_null},
    {"test_by_oid_finds_each_package", test_by_oid_finds_each_package},
    {"test_by_oid_kerberos_variants_are_kerberos", test_by_oid_kerberos_variants_are_kerberos},
    {"test_by_oid_unknown_is_null", test_by_oid_unknown_is_null},
    CU_TEST_INFO_NULL,
};

SSPI_TEST_MAIN("map_package", NULL, NULL, tests)
