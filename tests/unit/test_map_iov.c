/* SecBuffer types -> GSS IOV types, one assertion per row, for wraps and signatures. */
#include "mappings/map_iov.h"
#include "tests/common/test_main.h"

#include <gssapi/gssapi.h>
#include <gssapi/gssapi_ext.h>

typedef struct iov_row {
    ULONG buffer_type;
    uint32_t wrap, mic;
} iov_row;

static const iov_row rows[] = {
    /* TOKEN|DATA|PADDING is one standard wrap token: HEADER (trailer rotated in) + DATA +
     * PADDING, no TRAILER; in a signature the TOKEN is the whole MIC. */
    {SECBUFFER_TOKEN, GSS_IOV_BUFFER_TYPE_HEADER, GSS_IOV_BUFFER_TYPE_MIC_TOKEN},
    {SECBUFFER_DATA, GSS_IOV_BUFFER_TYPE_DATA, GSS_IOV_BUFFER_TYPE_DATA},
    {SECBUFFER_PADDING, GSS_IOV_BUFFER_TYPE_PADDING, GSS_IOV_BUFFER_TYPE_EMPTY},
    {SECBUFFER_STREAM, GSS_IOV_BUFFER_TYPE_STREAM, GSS_IOV_BUFFER_TYPE_EMPTY},
    /* Read-only data is signed, never encrypted, in both kinds of call. */
    {SECBUFFER_DATA | SECBUFFER_READONLY, GSS_IOV_BUFFER_TYPE_SIGN_ONLY, GSS_IOV_BUFFER_TYPE_SIGN_ONLY},
    {SECBUFFER_DATA | SECBUFFER_READONLY_WITH_CHECKSUM, GSS_IOV_BUFFER_TYPE_SIGN_ONLY,
     GSS_IOV_BUFFER_TYPE_SIGN_ONLY},
    /* A read-only buffer GSSAPI would write into is not passed. */
    {SECBUFFER_TOKEN | SECBUFFER_READONLY, GSS_IOV_BUFFER_TYPE_EMPTY, GSS_IOV_BUFFER_TYPE_EMPTY},
    {SECBUFFER_PADDING | SECBUFFER_READONLY_WITH_CHECKSUM, GSS_IOV_BUFFER_TYPE_EMPTY, GSS_IOV_BUFFER_TYPE_EMPTY},
    {SECBUFFER_STREAM | SECBUFFER_READONLY, GSS_IOV_BUFFER_TYPE_EMPTY, GSS_IOV_BUFFER_TYPE_EMPTY},
    /* Types a message call does not hand to GSSAPI. */
    {SECBUFFER_EMPTY, GSS_IOV_BUFFER_TYPE_EMPTY, GSS_IOV_BUFFER_TYPE_EMPTY},
    {SECBUFFER_MISSING, GSS_IOV_BUFFER_TYPE_EMPTY, GSS_IOV_BUFFER_TYPE_EMPTY},
    {SECBUFFER_EXTRA, GSS_IOV_BUFFER_TYPE_EMPTY, GSS_IOV_BUFFER_TYPE_EMPTY},
    {SECBUFFER_CHANNEL_BINDINGS, GSS_IOV_BUFFER_TYPE_EMPTY, GSS_IOV_BUFFER_TYPE_EMPTY},
    {0x7777, GSS_IOV_BUFFER_TYPE_EMPTY, GSS_IOV_BUFFER_TYPE_EMPTY},
};

static void test_wrap_types_follow_the_table(void)
{
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
        CU_ASSERT_EQUAL(map_iov_type(rows[i].buffer_type, 0), rows[i].wrap);
}

static void test_signature_types_follow_the_table(void)
{
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
        CU_ASSERT_EQUAL(map_iov_type(rows[i].buffer_type, 1), rows[i].mic);
}

static void test_no_type_becomes_a_trailer(void)
{
    for (ULONG t = 0; t < 64; t++) {
        CU_ASSERT_NOT_EQUAL(map_iov_type(t, 0), GSS_IOV_BUFFER_TYPE_TRAILER);
        CU_ASSERT_NOT_EQUAL(map_iov_type(t | SECBUFFER_READONLY, 0), GSS_IOV_BUFFER_TYPE_TRAILER);
    }
}

static CU_TestInfo tests[] = {
    {"wrap types follow the table", test_wrap_types_follow_the_table},
    {"signature types follow the table", test_signature_types_follow_the_table},
    {"no type becomes a TRAILER (it is rotated into the header)", test_no_type_becomes_a_trailer},
    CU_TEST_INFO_NULL,
};

SSPI_TEST_MAIN("map_iov", NULL, NULL, tests)
