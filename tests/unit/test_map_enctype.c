/* map_enctype: the SECPKG_ATTR_KEY_INFO enctype table (one test per row) and the decoding of
 * the enctype OID MIT's GSS_C_INQ_SSPI_SESSION_KEY returns. */
#include "mappings/map_enctype.h"
#include "tests/common/test_main.h"

#include <string.h>


/* Expected rows: RFC 3961/3962/4757/6803/8009 numbers, Windows' names where it prints them
 * (klist), key sizes in bits. */
static void check_row(int32_t enctype, const char *encrypt_name, const char *signature_name,
                      int32_t checksum, ULONG key_bits)
{
    const map_enctype *e = map_enctype_by_number(enctype);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->enctype, enctype);
    CU_ASSERT_STRING_EQUAL(e->encrypt_name, encrypt_name);
    CU_ASSERT_STRING_EQUAL(e->signature_name, signature_name);
    CU_ASSERT_EQUAL(e->checksum, checksum);
    CU_ASSERT_EQUAL(e->key_bits, key_bits);
}

static void test_aes256_sha1_is_windows_name_256_bits(void)
{
    check_row(18, "AES-256-CTS-HMAC-SHA1-96", "HMAC-SHA1-96-AES256", 16, 256);
}

static void test_aes128_sha1_is_windows_name_128_bits(void)
{
    check_row(17, "AES-128-CTS-HMAC-SHA1-96", "HMAC-SHA1-96-AES128", 15, 128);
}

static void test_rc4_hmac_is_rsadsi_name_with_hmac_md5_checksum(void)
{
    /* KERB_CHECKSUM_HMAC_MD5 is -138; as a ULONG SignatureAlgorithm that is 0xFFFFFF76. */
    check_row(23, "RSADSI RC4-HMAC(NT)", "HMAC-MD5", -138, 128);
    CU_ASSERT_EQUAL((ULONG)map_enctype_by_number(23)->checksum, 0xFFFFFF76u);
}

static void test_aes256_sha384_is_rfc8009_name(void)
{
    check_row(20, "AES-256-CTS-HMAC-SHA384-192", "HMAC-SHA384-192-AES256", 20, 256);
}

static void test_aes128_sha256_is_rfc8009_name(void)
{
    check_row(19, "AES-128-CTS-HMAC-SHA256-128", "HMAC-SHA256-128-AES128", 19, 128);
}

static void test_camellia256_is_rfc6803_name(void)
{
    check_row(26, "CAMELLIA256-CTS-CMAC", "CMAC-CAMELLIA256", 18, 256);
}

static void test_camellia128_is_rfc6803_name(void)
{
    check_row(25, "CAMELLIA128-CTS-CMAC", "CMAC-CAMELLIA128", 17, 128);
}

static void test_des3_has_168_effective_bits(void)
{
    check_row(16, "DES3-CBC-SHA1-KD", "HMAC-SHA1-DES3-KD", 12, 168);
}

static void test_des_cbc_md5_has_56_effective_bits(void)
{
    check_row(3, "DES-CBC-MD5", "RSA-MD5-DES", 8, 56);
}

static void test_des_cbc_crc_has_56_effective_bits(void)
{
    check_row(1, "DES-CBC-CRC", "RSA-MD5-DES", 8, 56);
}

static void test_table_has_one_row_per_enctype(void)
{
    CU_ASSERT_EQUAL(map_enctype_count(), 10);
    for (size_t i = 0; i < map_enctype_count(); i++) {
        const map_enctype *e = map_enctype_at(i);
        CU_ASSERT_PTR_NOT_NULL_FATAL(e);
        CU_ASSERT_PTR_EQUAL(map_enctype_by_number(e->enctype), e);
        CU_ASSERT(e->key_bits > 0);
    }
    CU_ASSERT_PTR_NULL(map_enctype_at(map_enctype_count()));
}

static void test_unknown_enctype_has_no_row(void)
{
    CU_ASSERT_PTR_NULL(map_enctype_by_number(0));
    CU_ASSERT_PTR_NULL(map_enctype_by_number(24)); /* rc4-hmac-exp: gone from MIT and Windows */
    CU_ASSERT_PTR_NULL(map_enctype_by_number(-128));
}

/* 1.2.840.113554.1.2.2.4 */
static const unsigned char prefix[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x12, 0x01, 0x02, 0x02, 0x04};

static int decode(const unsigned char *arc, size_t arc_len, int32_t *out)
{
    unsigned char oid[sizeof(prefix) + 8];
    memcpy(oid, prefix, sizeof(prefix));
    memcpy(oid + sizeof(prefix), arc, arc_len);
    return map_enctype_from_oid(oid, sizeof(prefix) + arc_len, out);
}

static void test_oid_with_one_byte_arc_gives_enctype(void)
{
    static const unsigned char arc[] = {0x12};
    int32_t e = 0;
    CU_ASSERT_EQUAL(decode(arc, sizeof(arc), &e), 0);
    CU_ASSERT_EQUAL(e, 18);
}

static void test_oid_with_multi_byte_arc_gives_enctype(void)
{
    static const unsigned char arc[] = {0x81, 0x00}; /* 128 */
    static const unsigned char big[] = {0x87, 0xff, 0xff, 0xff, 0x7f}; /* INT32_MAX */
    int32_t e = 0;
    CU_ASSERT_EQUAL(decode(arc, sizeof(arc), &e), 0);
    CU_ASSERT_EQUAL(e, 128);
    CU_ASSERT_EQUAL(decode(big, sizeof(big), &e), 0);
    CU_ASSERT_EQUAL(e, INT32_MAX);
}

static void test_oid_from_enctype_round_trips(void)
{
    static const int32_t cases[] = {0, 18, 23, 127, 128, 16383, 16384, INT32_MAX};
    unsigned char oid[MAP_ENCTYPE_OID_MAX];
    size_t len = 0;
    int32_t e = -1;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        CU_ASSERT_EQUAL_FATAL(map_enctype_to_oid(cases[i], oid, sizeof(oid), &len), 0);
        CU_ASSERT_EQUAL(map_enctype_from_oid(oid, len, &e), 0);
        CU_ASSERT_EQUAL(e, cases[i]);
    }
}

static void test_oid_from_enctype_is_mits_encoding(void)
{
    static const unsigned char aes256[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x12, 0x01, 0x02, 0x02, 0x04, 0x12};
    static const unsigned char big[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x12, 0x01, 0x02, 0x02, 0x04, 0x81, 0x00};
    unsigned char oid[MAP_ENCTYPE_OID_MAX];
    size_t len = 0;
    CU_ASSERT_EQUAL_FATAL(map_enctype_to_oid(18, oid, sizeof(oid), &len), 0);
    CU_ASSERT_EQUAL(len, sizeof(aes256));
    CU_ASSERT_EQUAL(memcmp(oid, aes256, sizeof(aes256)), 0);
    CU_ASSERT_EQUAL_FATAL(map_enctype_to_oid(128, oid, sizeof(oid), &len), 0);
    CU_ASSERT_EQUAL(len, sizeof(big));
    CU_ASSERT_EQUAL(memcmp(oid, big, sizeof(big)), 0);
}

static void test_oid_from_negative_enctype_or_short_buffer_is_refused(void)
{
    unsigned char oid[MAP_ENCTYPE_OID_MAX];
    size_t len = 0;
    CU_ASSERT_EQUAL(map_enctype_to_oid(-128, oid, sizeof(oid), &len), -1);
    CU_ASSERT_EQUAL(map_enctype_to_oid(18, oid, 10, &len), -1);
    CU_ASSERT_EQUAL(map_enctype_to_oid(128, oid, 11, &len), -1);
    CU_ASSERT_EQUAL(map_enctype_to_oid(INT32_MAX, oid, 14, &len), -1);
    CU_ASSERT_EQUAL(map_enctype_to_oid(INT32_MAX, oid, 15, &len), 0);
}

static void test_oid_without_arc_is_refused(void)
{
    int32_t e = 0;
    CU_ASSERT_EQUAL(map_enctype_from_oid(prefix, sizeof(prefix), &e), -1);
}

static void test_oid_with_two_arcs_is_refused(void)
{
    static const unsigned char arcs[] = {0x12, 0x01};
    int32_t e = 0;
    CU_ASSERT_EQUAL(decode(arcs, sizeof(arcs), &e), -1);
}

static void test_oid_with_unfinished_arc_is_refused(void)
{
    static const unsigned char arc[] = {0x81};
    int32_t e = 0;
    CU_ASSERT_EQUAL(decode(arc, sizeof(arc), &e), -1);
}

static void test_oid_with_non_minimal_arc_is_refused(void)
{
    static const unsigned char arc[] = {0x80, 0x12};
    int32_t e = 0;
    CU_ASSERT_EQUAL(decode(arc, sizeof(arc), &e), -1);
}

static void test_oid_with_arc_past_int32_is_refused(void)
{
    static const unsigned char arc[] = {0x88, 0x80, 0x80, 0x80, 0x00}; /* 2^31 */
    int32_t e = 0;
    CU_ASSERT_EQUAL(decode(arc, sizeof(arc), &e), -1);
}

static void test_oid_with_other_prefix_is_refused(void)
{
    /* The krb5 mechanism OID itself plus an arc: not the session-key enctype OID. */
    static const unsigned char other[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x12,
                                          0x01, 0x02, 0x02, 0x05, 0x12};
    int32_t e = 0;
    CU_ASSERT_EQUAL(map_enctype_from_oid(other, sizeof(other), &e), -1);
    CU_ASSERT_EQUAL(map_enctype_from_oid(NULL, 11, &e), -1);
    CU_ASSERT_EQUAL(map_enctype_from_oid(prefix, 3, &e), -1);
}

static CU_TestInfo tests[] = {
    {"aes256-sha1 has Windows' name and 256 bits", test_aes256_sha1_is_windows_name_256_bits},
    {"aes128-sha1 has Windows' name and 128 bits", test_aes128_sha1_is_windows_name_128_bits},
    {"rc4-hmac is RSADSI RC4-HMAC(NT) with HMAC-MD5 (-138)", test_rc4_hmac_is_rsadsi_name_with_hmac_md5_checksum},
    {"aes256-sha384 has its RFC 8009 name", test_aes256_sha384_is_rfc8009_name},
    {"aes128-sha256 has its RFC 8009 name", test_aes128_sha256_is_rfc8009_name},
    {"camellia256 has its RFC 6803 name", test_camellia256_is_rfc6803_name},
    {"camellia128 has its RFC 6803 name", test_camellia128_is_rfc6803_name},
    {"des3 has 168 effective bits", test_des3_has_168_effective_bits},
    {"des-cbc-md5 has 56 effective bits", test_des_cbc_md5_has_56_effective_bits},
    {"des-cbc-crc has 56 effective bits", test_des_cbc_crc_has_56_effective_bits},
    {"table has one row per enctype", test_table_has_one_row_per_enctype},
    {"unknown enctype has no row", test_unknown_enctype_has_no_row},
    {"OID with a one-byte arc gives the enctype", test_oid_with_one_byte_arc_gives_enctype},
    {"OID with a multi-byte arc gives the enctype", test_oid_with_multi_byte_arc_gives_enctype},
    {"OID from an enctype round-trips", test_oid_from_enctype_round_trips},
    {"OID from an enctype is MIT's encoding", test_oid_from_enctype_is_mits_encoding},
    {"OID from a negative enctype or into a short buffer is refused",
     test_oid_from_negative_enctype_or_short_buffer_is_refused},
    {"OID without an arc is refused", test_oid_without_arc_is_refused},
    {"OID with two arcs is refused", test_oid_with_two_arcs_is_refused},
    {"OID with an unfinished arc is refused", test_oid_with_unfinished_arc_is_refused},
    {"OID with a non-minimal arc is refused", test_oid_with_non_minimal_arc_is_refused},
    {"OID with an arc past INT32_MAX is refused", test_oid_with_arc_past_int32_is_refused},
    {"OID with another prefix is refused", test_oid_with_other_prefix_is_refused},
    CU_TEST_INFO_NULL,
};

SSPI_TEST_MAIN("map_enctype", NULL, NULL, tests)
