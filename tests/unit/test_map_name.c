/* Target and principal name classification, one row per form Windows callers use. */
#include "mappings/map_name.h"
#include "tests/common/test_main.h"

#include <string.h>

typedef struct name_row {
    const char *name;
    map_name_kind kind;
} name_row;

static void test_spns_are_service_principals(void)
{
    static const name_row rows[] = {
        {"host/localhost", MAP_NAME_SPN},
        {"HTTP/web.example.com", MAP_NAME_SPN},
        {"MSSQLSvc/db.example.com:1433", MAP_NAME_SPN},
        {"host/localhost@SSPIBRIDGE.TEST", MAP_NAME_SPN},
        {"ldap/dc.example.com/example.com", MAP_NAME_SPN},
    };
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
        CU_ASSERT_EQUAL(map_name_classify(rows[i].name), rows[i].kind);
}

static void test_lowercase_host_after_at_is_hostbased(void)
{
    CU_ASSERT_EQUAL(map_name_classify("host@localhost"), MAP_NAME_HOSTBASED);
    CU_ASSERT_EQUAL(map_name_classify("HTTP@web.example.com"), MAP_NAME_HOSTBASED);
    CU_ASSERT_EQUAL(map_name_classify("nfs@Server1"), MAP_NAME_HOSTBASED);
}

static void test_uppercase_realm_after_at_is_user(void)
{
    CU_ASSERT_EQUAL(map_name_classify("user@SSPIBRIDGE.TEST"), MAP_NAME_USER);
    CU_ASSERT_EQUAL(map_name_classify("Administrator@EXAMPLE.COM"), MAP_NAME_USER);
    CU_ASSERT_EQUAL(map_name_classify("user@REALM-2"), MAP_NAME_USER);
}

static void test_bare_name_is_user(void)
{
    CU_ASSERT_EQUAL(map_name_classify("user"), MAP_NAME_USER);
    CU_ASSERT_EQUAL(map_name_classify("Administrator"), MAP_NAME_USER);
}

static void test_malformed_names_are_invalid(void)
{
    const char *bad[] = {"", "/host", "@REALM", "HTTP/", "HTTP/@REALM", "user@", "host/x@",
                         "user\n", "a\x7f", "ta\tb"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        CU_ASSERT_EQUAL(map_name_classify(bad[i]), MAP_NAME_INVALID);
    CU_ASSERT_EQUAL(map_name_classify(NULL), MAP_NAME_INVALID);
}

static void test_plain_spn_converts_to_hostbased(void)
{
    char out[64];
    CU_ASSERT_EQUAL(map_name_spn_to_hostbased("host/localhost", out, sizeof(out)), 0);
    CU_ASSERT_STRING_EQUAL(out, "host@localhost");
    CU_ASSERT_EQUAL(map_name_spn_to_hostbased("HTTP/web.example.com", out, sizeof(out)), 0);
    CU_ASSERT_STRING_EQUAL(out, "HTTP@web.example.com");
}

static void test_kerberos_only_spns_do_not_convert(void)
{
    char out[64];
    CU_ASSERT_EQUAL(map_name_spn_to_hostbased("MSSQLSvc/db:1433", out, sizeof(out)), -1);
    CU_ASSERT_EQUAL(map_name_spn_to_hostbased("host/localhost@REALM", out, sizeof(out)), -1);
    CU_ASSERT_EQUAL(map_name_spn_to_hostbased("ldap/dc/example.com", out, sizeof(out)), -1);
    CU_ASSERT_EQUAL(map_name_spn_to_hostbased("user@REALM", out, sizeof(out)), -1);
    CU_ASSERT_EQUAL(map_name_spn_to_hostbased("host@localhost", out, sizeof(out)), -1);
}

static void test_conversion_respects_output_size(void)
{
    char out[15];
    /* "host@localhost" needs 15 bytes with its NUL: 14 is one short. */
    CU_ASSERT_EQUAL(map_name_spn_to_hostbased("host/localhost", out, 14), -1);
    CU_ASSERT_EQUAL(map_name_spn_to_hostbased("host/localhost", out, 15), 0);
    CU_ASSERT_STRING_EQUAL(out, "host@localhost");
}

static CU_TestInfo tests[] = {
    {"SPNs are service principals", test_spns_are_service_principals},
    {"lower-case host after @ is host-based", test_lowercase_host_after_at_is_hostbased},
    {"upper-case realm after @ is a user", test_uppercase_realm_after_at_is_user},
    {"bare name is a user", test_bare_name_is_user},
    {"malformed names are invalid", test_malformed_names_are_invalid},
    {"plain SPN converts to host-based", test_plain_spn_converts_to_hostbased},
    {"Kerberos-only SPNs do not convert", test_kerberos_only_spns_do_not_convert},
    {"conversion respects the output size", test_conversion_respects_output_size},
    CU_TEST_INFO_NULL,
};

SSPI_TEST_MAIN("map_name", NULL, NULL, tests)
