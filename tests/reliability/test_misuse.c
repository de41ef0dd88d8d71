/* Malformed arguments, table-driven, for every exported function: each row names one bad
 * input, the exact status the bridge answers (Windows' where its documentation says), and is
 * followed by the proof that nothing changed: the suite's pair of contexts still carries a
 * message both ways, no handle and no FreeContextBuffer block was left behind, and a
 * descriptor the call refused is exactly as the caller built it.
 *
 * Status choices the rows pin down (see docs/RELIABILITY.md):
 *  - a SecBufferDesc the bridge cannot use (wrong ulVersion, no or too many buffers, a NULL
 *    array, memory missing behind a non-zero size, a required TOKEN / DATA / STREAM missing,
 *    a second TOKEN / PADDING / STREAM) is SEC_E_INVALID_TOKEN, Windows' answer for
 *    "pMessage did not contain a valid SECBUFFER_TOKEN buffer or contained too few buffers"
 *    (MakeSignature) and "No SECBUFFER_DATA type buffer was found" (EncryptMessage
 *    (Kerberos));
 *  - a buffer marked SECBUFFER_READONLY(_WITH_CHECKSUM) is never written ("The function does
 *    not process buffers with the SECBUFFER_READONLY attribute"): a read-only DATA buffer is
 *    signed only, a read-only TOKEN or STREAM counts as absent;
 *  - buffer types the package does not know are ignored (buffers are found by type);
 *  - a NULL out-pointer Windows requires is SEC_E_INVALID_PARAMETER, a NULL or stale handle
 *    SEC_E_INVALID_HANDLE, an unknown attribute SEC_E_UNSUPPORTED_FUNCTION;
 *  - strings that are not UTF-8 / UTF-16 never reach GSSAPI as garbage: UTF-16 that does not
 *    decode is refused (SEC_E_INVALID_PARAMETER for identities and principals,
 *    SEC_E_SECPKG_NOT_FOUND for package names, SEC_E_TARGET_UNKNOWN for targets). */
#include "bridge/handle.h"
#include "bridge/memory.h"
#include "tests/common/establish.h"
#include "tests/common/test_main.h"
#include "tests/realm/realm.h"
#include "tests/reliability/rel_common.h"

#include <security.h>
#include <sspibridge.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static realm test_realm;
static rel_pair P;
static size_t base_handles, base_blocks;

static int suite_init(void)
{
    if (realm_up(NULL, &test_realm) != 0 || realm_kinit(&test_realm) != 0)
        return -1;
    if (rel_pair_make(REL_ISC_REQ, REL_ASC_REQ, &P) != 0)
        return -1;
    base_handles = handle_live_count();
    base_blocks = mem_live_count();
    return 0;
}

static int suite_clean(void)
{
    rel_pair_free(&P);
    realm_down(&test_realm);
    return 0;
}

/* ---- Assertions that name their row ----------------------------------------------------- */

static void row_assert(int ok, unsigned line, const char *row, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void row_assert(int ok, unsigned line, const char *row, const char *fmt, ...)
{
    char msg[640];
    int n = snprintf(msg, sizeof(msg), "[%s] ", row);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg + n, sizeof(msg) - (size_t)n, fmt, ap);
    va_end(ap);
    CU_assertImplementation(ok ? CU_TRUE : CU_FALSE, line, msg, __FILE__, "", CU_FALSE);
}

static void expect_status(SECURITY_STATUS got, SECURITY_STATUS want, const char *row,
                          const char *what, unsigned line)
{
    row_assert(got == want, line, row, "%s: got %s (0x%08X), want %s (0x%08X)", what,
               sspibridge_status_name(got), (unsigned)got, sspibridge_status_name(want),
               (unsigned)want);
}

/* The suite's contexts still work and nothing the row did is left behind. */
static void expect_state_unchanged(const char *row, unsigned line)
{
    SECURITY_STATUS works = rel_pair_works(&P);
    row_assert(works == SEC_E_OK, line, row, "afterwards the pair's round trip gives %s",
               sspibridge_status_name(works));
    row_assert(handle_live_count() == base_handles, line, row, "%zu live handles, %zu before",
               handle_live_count(), base_handles);
    row_assert(mem_live_count() == base_blocks, line, row, "%zu FreeContextBuffer blocks live, %zu before",
               mem_live_count(), base_blocks);
}

/* ---- SecBufferDesc shapes for the four message functions ------------------------------- */

enum { F_ENCRYPT, F_DECRYPT, F_SIGN, F_VERIFY, F_COUNT };
static const char *const f_names[F_COUNT] = {"EncryptMessage", "DecryptMessage", "MakeSignature",
                                              "VerifySignature"};

/* The row does not apply to that function (its shape is one the function accepts, so the
 * answer would depend on the bytes, not on the shape). */
#define NA ((SECURITY_STATUS)0x7FFFFFFF)
#define IT SEC_E_INVALID_TOKEN
#define TOO_SMALL SEC_E_BUFFER_TOO_SMALL
#define ALL(s) {s, s, s, s}
_Static_assert(SECBUFFER_VERSION == 0, "rows leave .version 0 for a good descriptor");

#define MAX_SHAPE_BUFS 6
#define SHAPE_MEM 512

typedef struct shape_buf {
    ULONG type;   /* with attribute flags */
    ULONG size;
    int nomem;    /* pvBuffer NULL whatever the size */
} shape_buf;

typedef struct shape_row {
    const char *name;
    SECURITY_STATUS expect[F_COUNT];
    int null_desc;   /* pMessage NULL */
    int null_array;  /* pBuffers NULL */
    ULONG version;
    int set_count;   /* cBuffers = count instead of n */
    ULONG count;
    int n;
    shape_buf b[MAX_SHAPE_BUFS];
} shape_row;

#define T_TOKEN SECBUFFER_TOKEN
#define T_DATA SECBUFFER_DATA
#define T_PAD SECBUFFER_PADDING
#define T_STREAM SECBUFFER_STREAM
#define RO SECBUFFER_READONLY
#define RWC SECBUFFER_READONLY_WITH_CHECKSUM

static const shape_row shape_rows[] = {
    {"NULL pMessage", ALL(IT), .null_desc = 1},
    {"ulVersion 1", ALL(IT), .version = 1, .n = 2, .b = {{T_TOKEN, 256, 0}, {T_DATA, 16, 0}}},
    {"ulVersion 0xFFFFFFFF", ALL(IT), .version = 0xFFFFFFFF, .n = 2,
     .b = {{T_TOKEN, 256, 0}, {T_DATA, 16, 0}}},
    {"cBuffers 0", ALL(IT), .set_count = 1, .count = 0, .n = 2,
     .b = {{T_TOKEN, 256, 0}, {T_DATA, 16, 0}}},
    /* Only two buffers exist behind these counts: ASan and valgrind see any read past them. */
    {"cBuffers 0xFFFFFFFF", ALL(IT), .set_count = 1, .count = 0xFFFFFFFF, .n = 2,
     .b = {{T_TOKEN, 256, 0}, {T_DATA, 16, 0}}},
    {"cBuffers 65, one over the bridge's limit", ALL(IT), .set_count = 1, .count = 65, .n = 2,
     .b = {{T_TOKEN, 256, 0}, {T_DATA, 16, 0}}},
    {"cBuffers 0x80000000", ALL(IT), .set_count = 1, .count = 0x80000000u, .n = 2,
     .b = {{T_TOKEN, 256, 0}, {T_DATA, 16, 0}}},
    {"NULL pBuffers with cBuffers 2", ALL(IT), .null_array = 1, .set_count = 1, .count = 2},
    {"DATA with NULL pvBuffer and 16 bytes", ALL(IT), .n = 2, .b = {{T_TOKEN, 256, 0}, {T_DATA, 16, 1}}},
    {"TOKEN with NULL pvBuffer and 256 bytes", ALL(IT), .n = 2, .b = {{T_TOKEN, 256, 1}, {T_DATA, 16, 0}}},
    {"PADDING with NULL pvBuffer and 16 bytes", ALL(IT), .n = 3,
     .b = {{T_TOKEN, 256, 0}, {T_DATA, 16, 0}, {T_PAD, 16, 1}}},
    {"STREAM with NULL pvBuffer and 64 bytes", ALL(IT), .n = 2, .b = {{T_STREAM, 64, 1}, {T_DATA, 0, 1}}},
    {"unknown type with NULL pvBuffer and 8 bytes", ALL(IT), .n = 3,
     .b = {{T_TOKEN, 256, 0}, {T_DATA, 16, 0}, {0x77, 8, 1}}},
    {"READONLY DATA with NULL pvBuffer and 16 bytes", ALL(IT), .n = 3,
     .b = {{T_TOKEN, 256, 0}, {T_DATA, 16, 0}, {T_DATA | RO, 16, 1}}},
    {"no TOKEN", ALL(IT), .n = 1, .b = {{T_DATA, 16, 0}}},
    {"no DATA", ALL(IT), .n = 1, .b = {{T_TOKEN, 256, 0}}},
    {"no DATA, PADDING only", ALL(IT), .n = 2, .b = {{T_TOKEN, 256, 0}, {T_PAD, 16, 0}}},
    {"only EMPTY buffers", ALL(IT), .n = 2, .b = {{SECBUFFER_EMPTY, 16, 0}, {SECBUFFER_EMPTY, 16, 0}}},
    {"only unknown buffer types", ALL(IT), .n = 2, .b = {{0x77, 16, 0}, {0x0FFFFFFF, 16, 0}}},
    {"two TOKEN buffers", ALL(IT), .n = 3, .b = {{T_TOKEN, 256, 0}, {T_TOKEN, 256, 0}, {T_DATA, 16, 0}}},
    /* A signature has no padding: PADDING buffers are not passed, however many. */
    {"two PADDING buffers", {IT, IT, NA, NA}, .n = 4,
     .b = {{T_TOKEN, 256, 0}, {T_DATA, 16, 0}, {T_PAD, 16, 0}, {T_PAD, 16, 0}}},
    {"two STREAM buffers", ALL(IT), .n = 3, .b = {{T_STREAM, 64, 0}, {T_STREAM, 64, 0}, {T_DATA, 0, 1}}},
    {"STREAM without DATA", ALL(IT), .n = 1, .b = {{T_STREAM, 64, 0}}},
    {"STREAM with two DATA", ALL(IT), .n = 3, .b = {{T_STREAM, 64, 0}, {T_DATA, 0, 1}, {T_DATA, 0, 1}}},
    {"STREAM with only a READONLY DATA", ALL(IT), .n = 2, .b = {{T_STREAM, 64, 0}, {T_DATA | RO, 16, 0}}},
    {"STREAM beside TOKEN and DATA", {IT, NA, NA, NA}, .n = 3,
     .b = {{T_TOKEN, 256, 0}, {T_DATA, 16, 0}, {T_STREAM, 64, 0}}},
    /* "SEC_E_BUFFER_TOO_SMALL: The output buffer is too small" (EncryptMessage (Kerberos)). */
    {"TOKEN of 1 byte", {TOO_SMALL, NA, TOO_SMALL, NA}, .n = 2, .b = {{T_TOKEN, 1, 0}, {T_DATA, 16, 0}}},
    {"TOKEN of 0 bytes", {TOO_SMALL, NA, TOO_SMALL, NA}, .n = 2, .b = {{T_TOKEN, 0, 0}, {T_DATA, 16, 0}}},
    {"TOKEN of 0 bytes and no memory", {TOO_SMALL, NA, TOO_SMALL, NA}, .n = 2,
     .b = {{T_TOKEN, 0, 1}, {T_DATA, 16, 0}}},
    /* Read-only buffers are never written: a read-only TOKEN or STREAM is no TOKEN or STREAM. */
    {"TOKEN marked READONLY", ALL(IT), .n = 2, .b = {{T_TOKEN | RO, 256, 0}, {T_DATA, 16, 0}}},
    {"TOKEN marked READONLY_WITH_CHECKSUM", ALL(IT), .n = 2, .b = {{T_TOKEN | RWC, 256, 0}, {T_DATA, 16, 0}}},
    {"STREAM marked READONLY", ALL(IT), .n = 2, .b = {{T_STREAM | RO, 64, 0}, {T_DATA, 0, 1}}},
};

/* Memory behind each row's buffers, and copies to prove a refused call wrote nothing. */
static unsigned char shape_mem[MAX_SHAPE_BUFS][SHAPE_MEM];
static unsigned char shape_mem_before[MAX_SHAPE_BUFS][SHAPE_MEM];

static SECURITY_STATUS shape_call(int f, PSecBufferDesc d)
{
    ULONG qop = 0;
    switch (f) {
    case F_ENCRYPT:
        return EncryptMessage(&P.ictx, 0, d, 0);
    case F_DECRYPT:
        return DecryptMessage(&P.actx, d, 0, &qop);
    case F_SIGN:
        return MakeSignature(&P.ictx, 0, d, 0);
    default:
        return VerifySignature(&P.actx, d, 0, &qop);
    }
}

static void shape_run(const shape_row *row, int f)
{
    SecBuffer bufs[MAX_SHAPE_BUFS], before[MAX_SHAPE_BUFS];
    SecBufferDesc desc, *d = &desc;
    char what[96];

    memset(bufs, 0, sizeof(bufs));
    for (int i = 0; i < row->n; i++) {
        memset(shape_mem[i], 'a' + i, SHAPE_MEM);
        bufs[i].BufferType = row->b[i].type;
        bufs[i].cbBuffer = row->b[i].size;
        bufs[i].pvBuffer = row->b[i].nomem ? NULL : shape_mem[i];
    }
    memcpy(before, bufs, sizeof(bufs));
    memcpy(shape_mem_before, shape_mem, sizeof(shape_mem));
    desc.ulVersion = row->version;
    desc.cBuffers = row->set_count ? row->count : (ULONG)row->n;
    desc.pBuffers = row->null_array ? NULL : bufs;
    if (row->null_desc)
        d = NULL;

    snprintf(what, sizeof(what), "%s", f_names[f]);
    expect_status(shape_call(f, d), row->expect[f], row->name, what, __LINE__);
    /* A refused descriptor comes back as the caller built it, and so do its buffers. */
    row_assert(memcmp(before, bufs, sizeof(bufs)) == 0, __LINE__, row->name,
               "%s changed the refused descriptor's SecBuffers", f_names[f]);
    row_assert(memcmp(shape_mem_before, shape_mem, sizeof(shape_mem)) == 0, __LINE__, row->name,
               "%s wrote into the buffers of a refused descriptor", f_names[f]);
    expect_state_unchanged(row->name, __LINE__);
}

static void test_message_descriptor_shapes_give_exact_status(void)
{
    for (size_t r = 0; r < sizeof(shape_rows) / sizeof(shape_rows[0]); r++)
        for (int f = 0; f < F_COUNT; f++)
            if (shape_rows[r].expect[f] != NA)
                shape_run(&shape_rows[r], f);
}

/* Buffer types the package does not know, EMPTY ones and any number of them up to the limit
 * sit beside a real message without changing it: found by type, never by position. */
static void test_unknown_and_empty_buffers_beside_a_message_are_ignored(void)
{
    enum { N = 64 }; /* SECBUF_MAX_BUFFERS: the most a descriptor may hold */
    SecPkgContext_Sizes sz;
    unsigned char tok[256], data[16], pad[64], junk[8] = {0};
    SecBuffer b[N];
    ULONG qop = 0;
    CU_ASSERT_EQUAL_FATAL(QueryContextAttributesA(&P.ictx, SECPKG_ATTR_SIZES, &sz), SEC_E_OK);
    for (int i = 0; i < N; i++)
        b[i] = (SecBuffer){sizeof(junk), i % 2 ? SECBUFFER_EMPTY : 0x70u + (ULONG)i, junk};
    memcpy(data, "sixteen byte msg", 16);
    b[5] = (SecBuffer){sz.cbSecurityTrailer, SECBUFFER_TOKEN, tok};
    b[31] = (SecBuffer){16, SECBUFFER_DATA, data};
    b[N - 1] = (SecBuffer){sz.cbBlockSize, SECBUFFER_PADDING, pad};
    SecBufferDesc d = {SECBUFFER_VERSION, N, b};
    CU_ASSERT_EQUAL_FATAL(EncryptMessage(&P.ictx, 0, &d, 0), SEC_E_OK);
    CU_ASSERT(memcmp(data, "sixteen byte msg", 16) != 0);
    CU_ASSERT_EQUAL(b[0].BufferType, 0x70u);
    CU_ASSERT_EQUAL(b[0].cbBuffer, sizeof(junk));
    CU_ASSERT_EQUAL_FATAL(DecryptMessage(&P.actx, &d, 0, &qop), SEC_E_OK);
    CU_ASSERT_EQUAL(b[31].cbBuffer, 16);
    CU_ASSERT(memcmp(b[31].pvBuffer, "sixteen byte msg", 16) == 0);
    CU_ASSERT_EQUAL(b[1].BufferType, SECBUFFER_EMPTY);
    expect_state_unchanged("unknown buffer types", __LINE__);
}

/* A DATA buffer flagged read-only is signed, not encrypted: its bytes stay as they were and
 * the peer still detects a change to them. */
static void test_readonly_data_is_signed_but_never_written(void)
{
    SecPkgContext_Sizes sz;
    unsigned char tok[256], data[8], hdr[8], pad[64];
    ULONG qop = 0;
    CU_ASSERT_EQUAL_FATAL(QueryContextAttributesA(&P.ictx, SECPKG_ATTR_SIZES, &sz), SEC_E_OK);
    memcpy(data, "payload!", 8);
    memcpy(hdr, "header!!", 8);
    SecBuffer b[4] = {{sz.cbSecurityTrailer, SECBUFFER_TOKEN, tok},
                      {8, SECBUFFER_DATA | SECBUFFER_READONLY_WITH_CHECKSUM, hdr},
                      {8, SECBUFFER_DATA, data},
                      {sz.cbBlockSize, SECBUFFER_PADDING, pad}};
    SecBufferDesc d = {SECBUFFER_VERSION, 4, b};
    CU_ASSERT_EQUAL_FATAL(EncryptMessage(&P.ictx, 0, &d, 0), SEC_E_OK);
    CU_ASSERT(memcmp(hdr, "header!!", 8) == 0);
    CU_ASSERT(memcmp(data, "payload!", 8) != 0);
    hdr[0] ^= 1;
    CU_ASSERT_EQUAL(DecryptMessage(&P.actx, &d, 0, &qop), SEC_E_MESSAGE_ALTERED);
    expect_state_unchanged("read-only DATA", __LINE__);
}

/* ---- Stream and token contents whose sizes overflow ------------------------------------ */

/* DecryptMessage of a STREAM holding these bytes: the status and what SECBUFFER_MISSING says. */
static SECURITY_STATUS decrypt_stream(const unsigned char *bytes, size_t len, SecBuffer *missing)
{
    unsigned char stream[64];
    ULONG qop = 0;
    memcpy(stream, bytes, len);
    SecBuffer b[3] = {{(ULONG)len, SECBUFFER_STREAM, stream}, {0, SECBUFFER_DATA, NULL}, {0, SECBUFFER_EMPTY, NULL}};
    SecBufferDesc d = {SECBUFFER_VERSION, 3, b};
    SECURITY_STATUS st = DecryptMessage(&P.actx, &d, 0, &qop);
    *missing = b[2];
    return st;
}

static void test_stream_headers_declaring_huge_sizes_are_incomplete_not_overread(void)
{
    /* RFC 2743 3.1 framing: [APPLICATION 0] with a 4-byte length of 0xFFFFFFFF (2^32 + 5
     * bytes in all). */
    static const unsigned char der_4g[] = {0x60, 0x84, 0xFF, 0xFF, 0xFF, 0xFF, 0x06, 0x09};
    /* A length of length 4 cut after two of its bytes. */
    static const unsigned char der_cut[] = {0x60, 0x84, 0xFF, 0xFF};
    /* 0x85: five length bytes, which no token has: not a token at all. */
    static const unsigned char der_5[] = {0x60, 0x85, 0, 0, 0, 0, 0x10, 0x06, 0x09, 0x2a, 0x86, 0x48,
                                          0x86, 0xf7, 0x12, 0x01, 0x02, 0x02, 0x02, 0x01};
    /* An RFC 4121 wrap token header alone (16 of its 60 bytes). */
    static const unsigned char cfx_hdr[] = {0x05, 0x04, 0x06, 0xFF, 0x00, 0x00, 0x00, 0x1C,
                                            0, 0, 0, 0, 0, 0, 0, 1};
    SecBuffer missing;

    /* This suite's context makes RFC 4121 tokens: a framed one is not its kind at all. */
    CU_ASSERT_EQUAL(decrypt_stream(der_4g, sizeof(der_4g), &missing), SEC_E_INVALID_TOKEN);
    CU_ASSERT_EQUAL(missing.BufferType, SECBUFFER_EMPTY);
    CU_ASSERT_EQUAL(decrypt_stream(der_cut, sizeof(der_cut), &missing), SEC_E_INCOMPLETE_MESSAGE);
    CU_ASSERT_EQUAL(missing.cbBuffer, 2);
    CU_ASSERT_EQUAL(decrypt_stream(der_5, sizeof(der_5), &missing), SEC_E_INVALID_TOKEN);
    CU_ASSERT_EQUAL(missing.BufferType, SECBUFFER_EMPTY);
    CU_ASSERT_EQUAL(decrypt_stream(cfx_hdr, 1, &missing), SEC_E_INCOMPLETE_MESSAGE);
    CU_ASSERT_EQUAL(missing.cbBuffer, 15);
    CU_ASSERT_EQUAL(decrypt_stream(cfx_hdr, sizeof(cfx_hdr), &missing), SEC_E_INCOMPLETE_MESSAGE);
    CU_ASSERT(missing.cbBuffer > 0 && missing.cbBuffer <= 60);
    CU_ASSERT_EQUAL(decrypt_stream(cfx_hdr, 0, &missing), SEC_E_INCOMPLETE_MESSAGE);
    CU_ASSERT_EQUAL(missing.cbBuffer, 16);
    expect_state_unchanged("stream headers", __LINE__);
}

/* ---- What the fuzz targets found (docs/RELIABILITY.md) --------------------------------- */

/* MIT's stream unwrap reads keys an RFC 4121 context does not have when the token carries an
 * RFC 1964 ID (here 01 02, a v1 delete-context token): a NULL read that killed the process.
 * The bridge refuses a token of the other kind before GSSAPI sees it. */
static void test_rfc1964_token_in_an_aes_stream_is_invalid_token_not_a_crash(void)
{
    static const unsigned char v1_ids[][2] = {{0x01, 0x01}, {0x02, 0x01}, {0x01, 0x02}};
    SecBuffer missing;
    for (size_t i = 0; i < sizeof(v1_ids) / sizeof(v1_ids[0]); i++) {
        unsigned char tok[16] = {0};
        memcpy(tok, v1_ids[i], 2);
        CU_ASSERT_EQUAL(decrypt_stream(tok, sizeof(tok), &missing), SEC_E_INVALID_TOKEN);
    }
    /* The same as the fuzzer's reproducer, in the initiator's direction. */
    static const unsigned char found[] = {0x01, 0x02, 0x7f, 0x00, 0x00, 0x1e, 0x47, 0x03,
                                          0x01, 0x00, 0x7f, 0x00, 0x00, 0xff, 0xff, 0x1e};
    unsigned char s[sizeof(found)];
    memcpy(s, found, sizeof(s));
    SecBuffer b[2] = {{sizeof(s), SECBUFFER_STREAM, s}, {0, SECBUFFER_DATA, NULL}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    CU_ASSERT_EQUAL(DecryptMessage(&P.ictx, &d, 0, NULL), SEC_E_INVALID_TOKEN);
    expect_state_unchanged("RFC 1964 IDs in a stream", __LINE__);
}

/* An RFC 4121 MIC token cut to its 16-byte header tripped an assertion in MIT's
 * gss_verify_mic_iov (abort); cut anywhere else it came back SEC_E_MESSAGE_ALTERED. A cut
 * signature is SEC_E_INVALID_TOKEN, whatever the length. */
static void test_cut_signature_is_invalid_token_not_an_abort(void)
{
    char msg[] = "signed message";
    unsigned char sig[128];
    size_t len = 0;
    CU_ASSERT_EQUAL_FATAL(rel_sign(&P.ictx, msg, strlen(msg), sig, sizeof(sig), &len), SEC_E_OK);
    for (size_t cut = 0; cut < len; cut++) {
        SecBuffer b[2] = {{(ULONG)strlen(msg), SECBUFFER_DATA, msg}, {(ULONG)cut, SECBUFFER_TOKEN, sig}};
        SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
        SECURITY_STATUS st = VerifySignature(&P.actx, &d, 0, NULL);
        char what[64];
        snprintf(what, sizeof(what), "VerifySignature of %zu of %zu bytes", cut, len);
        expect_status(st, SEC_E_INVALID_TOKEN, "cut signature", what, __LINE__);
    }
    SecBuffer b[2] = {{(ULONG)strlen(msg), SECBUFFER_DATA, msg}, {(ULONG)len, SECBUFFER_TOKEN, sig}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    CU_ASSERT_EQUAL(VerifySignature(&P.actx, &d, 0, NULL), SEC_E_OK);
    expect_state_unchanged("cut signature", __LINE__);
}

/* An EMPTY buffer flagged read-only is not turned into SECBUFFER_MISSING. */
static void test_readonly_empty_buffer_keeps_its_type(void)
{
    unsigned char cut[8] = {0x05, 0x04, 0x06, 0xff};
    SecBuffer b[4] = {{sizeof(cut), SECBUFFER_STREAM, cut}, {0, SECBUFFER_DATA, NULL},
                      {0, SECBUFFER_EMPTY | SECBUFFER_READONLY_WITH_CHECKSUM, NULL}, {0, SECBUFFER_EMPTY, NULL}};
    SecBufferDesc d = {SECBUFFER_VERSION, 4, b};
    CU_ASSERT_EQUAL(DecryptMessage(&P.actx, &d, 0, NULL), SEC_E_INCOMPLETE_MESSAGE);
    CU_ASSERT_EQUAL(b[2].BufferType, SECBUFFER_EMPTY | SECBUFFER_READONLY_WITH_CHECKSUM);
    CU_ASSERT_EQUAL(b[2].cbBuffer, 0);
    b[2].BufferType = SECBUFFER_EMPTY | SECBUFFER_READONLY;
    d.cBuffers = 3;
    CU_ASSERT_EQUAL(DecryptMessage(&P.actx, &d, 0, NULL), SEC_E_INCOMPLETE_MESSAGE);
    CU_ASSERT_EQUAL(b[2].BufferType, SECBUFFER_EMPTY | SECBUFFER_READONLY);
    expect_state_unchanged("read-only EMPTY", __LINE__);
}

/* DCE style: the initiator's third leg does not fit the caller's buffer. Until the caller
 * holds that token, establishment is not over: no message, no attribute that needs the
 * session, no export; the retry hands the token out and the context then works. */
static void test_context_with_its_last_token_pending_is_not_established_yet(void)
{
    CtxtHandle ictx, actx;
    ULONG attrs;
    unsigned char t1[4096], t2[4096], t3[4096];
    SecBuffer o1 = {sizeof(t1), SECBUFFER_TOKEN, t1};
    SecBufferDesc d1 = {SECBUFFER_VERSION, 1, &o1};
    ULONG isc = REL_ISC_REQ | ISC_REQ_USE_DCE_STYLE, asc = REL_ASC_REQ | ASC_REQ_USE_DCE_STYLE;
    CU_ASSERT_EQUAL_FATAL(InitializeSecurityContextA(&P.icred, NULL, (SEC_CHAR *)"host/localhost", isc, 0,
                                                     SECURITY_NATIVE_DREP, NULL, 0, &ictx, &d1, &attrs, NULL),
                          SEC_I_CONTINUE_NEEDED);
    SecBuffer o2 = {sizeof(t2), SECBUFFER_TOKEN, t2};
    SecBufferDesc di2 = {SECBUFFER_VERSION, 1, &o1}, do2 = {SECBUFFER_VERSION, 1, &o2};
    CU_ASSERT_EQUAL_FATAL(AcceptSecurityContext(&P.acred, NULL, &di2, asc, SECURITY_NATIVE_DREP, &actx, &do2,
                                                &attrs, NULL),
                          SEC_I_CONTINUE_NEEDED);
    SecBuffer o3 = {4, SECBUFFER_TOKEN, t3};
    SecBufferDesc di3 = {SECBUFFER_VERSION, 1, &o2}, do3 = {SECBUFFER_VERSION, 1, &o3};
    CU_ASSERT_EQUAL_FATAL(InitializeSecurityContextA(&P.icred, &ictx, NULL, isc, 0, SECURITY_NATIVE_DREP, &di3, 0,
                                                     &ictx, &do3, &attrs, NULL),
                          SEC_E_INSUFFICIENT_MEMORY);
    CU_ASSERT_EQUAL(o3.cbBuffer, 4);
    SecPkgContext_Sizes sz;
    SecBuffer packed;
    unsigned char m[8] = "message", tok[256];
    SecBuffer mb[2] = {{sizeof(tok), SECBUFFER_TOKEN, tok}, {sizeof(m), SECBUFFER_DATA, m}};
    SecBufferDesc md = {SECBUFFER_VERSION, 2, mb};
    CU_ASSERT_EQUAL(EncryptMessage(&ictx, 0, &md, 0), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(MakeSignature(&ictx, 0, &md, 0), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(QueryContextAttributesA(&ictx, SECPKG_ATTR_SIZES, &sz), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(ExportSecurityContext(&ictx, 0, &packed, NULL), SEC_E_INVALID_HANDLE);
    /* The retry with room for it: the token, and the context is established. */
    o3.cbBuffer = sizeof(t3);
    CU_ASSERT_EQUAL_FATAL(InitializeSecurityContextA(&P.icred, &ictx, NULL, isc, 0, SECURITY_NATIVE_DREP, &di3, 0,
                                                     &ictx, &do3, &attrs, NULL),
                          SEC_E_OK);
    CU_ASSERT(o3.cbBuffer > 4);
    SecBufferDesc di4 = {SECBUFFER_VERSION, 1, &o3};
    SecBuffer o4 = {sizeof(t1), SECBUFFER_TOKEN, t1};
    SecBufferDesc do4 = {SECBUFFER_VERSION, 1, &o4};
    CU_ASSERT_EQUAL_FATAL(AcceptSecurityContext(&P.acred, &actx, &di4, asc, SECURITY_NATIVE_DREP, &actx, &do4,
                                                &attrs, NULL),
                          SEC_E_OK);
    SecPkgContext_Lifespan life;
    CU_ASSERT_EQUAL(QueryContextAttributesA(&ictx, SECPKG_ATTR_LIFESPAN, &life), SEC_E_OK);
    CU_ASSERT(life.tsStart.LowPart != 0 || life.tsStart.HighPart != 0);
    CU_ASSERT_EQUAL(rel_round_trip(&ictx, &actx), SEC_E_OK);
    CU_ASSERT_EQUAL(rel_round_trip(&actx, &ictx), SEC_E_OK);
    CU_ASSERT_EQUAL(DeleteSecurityContext(&ictx), SEC_E_OK);
    CU_ASSERT_EQUAL(DeleteSecurityContext(&actx), SEC_E_OK);
    expect_state_unchanged("pending last token", __LINE__);
}

/* A message sealed or signed by another pair's context (same client, same service, other
 * session key) fails its checksum here: SEC_E_MESSAGE_ALTERED, and this pair goes on. */
static void test_message_from_another_context_is_message_altered(void)
{
    rel_pair q;
    unsigned char wire[512], sig[128];
    char msg[] = "for another context";
    size_t len = 0, sig_len = 0;
    CU_ASSERT_EQUAL_FATAL(rel_pair_make(REL_ISC_REQ, REL_ASC_REQ, &q), 0);
    CU_ASSERT_EQUAL_FATAL(rel_seal(&q.ictx, 0, msg, strlen(msg), wire, sizeof(wire), &len), SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(rel_sign(&q.ictx, msg, strlen(msg), sig, sizeof(sig), &sig_len), SEC_E_OK);
    SecBuffer b[2] = {{(ULONG)len, SECBUFFER_STREAM, wire}, {0, SECBUFFER_DATA, NULL}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    CU_ASSERT_EQUAL(DecryptMessage(&P.actx, &d, 0, NULL), SEC_E_MESSAGE_ALTERED);
    SecBuffer v[2] = {{(ULONG)strlen(msg), SECBUFFER_DATA, msg}, {(ULONG)sig_len, SECBUFFER_TOKEN, sig}};
    SecBufferDesc vd = {SECBUFFER_VERSION, 2, v};
    CU_ASSERT_EQUAL(VerifySignature(&P.actx, &vd, 0, NULL), SEC_E_MESSAGE_ALTERED);
    /* Its own receiver still takes it. */
    CU_ASSERT_EQUAL(VerifySignature(&q.actx, &vd, 0, NULL), SEC_E_OK);
    rel_pair_free(&q);
    expect_state_unchanged("message from another context", __LINE__);
}

/* ---- Calls: one function per row ------------------------------------------------------- */

typedef struct call_row {
    const char *name;
    SECURITY_STATUS expect;
    SECURITY_STATUS (*call)(void);
} call_row;

static void run_rows(const call_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        expect_status(rows[i].call(), rows[i].expect, rows[i].name, "status", __LINE__);
        expect_state_unchanged(rows[i].name, __LINE__);
    }
}

#define RUN_ROWS(rows) run_rows((rows), sizeof(rows) / sizeof((rows)[0]))

/* UTF-16 that does not decode: a lone high surrogate, a lone low one. */
static SEC_WCHAR w_lone_high[] = {'K', 'e', 'r', 0xD800, 0};
static SEC_WCHAR w_lone_low[] = {0xDC00, 'x', 0};
/* Bytes that are not UTF-8. */
static char a_not_utf8[] = "Kerberos\xff\xfe";

/* -- Packages -- */

static SECURITY_STATUS r_enum_a_null_count(void)
{
    PSecPkgInfoA info = NULL;
    return EnumerateSecurityPackagesA(NULL, &info);
}
static SECURITY_STATUS r_enum_a_null_info(void)
{
    ULONG n = 0;
    return EnumerateSecurityPackagesA(&n, NULL);
}
static SECURITY_STATUS r_enum_w_null_both(void)
{
    return EnumerateSecurityPackagesW(NULL, NULL);
}
static SECURITY_STATUS r_pkginfo_a_null_out(void)
{
    return QuerySecurityPackageInfoA((SEC_CHAR *)"Kerberos", NULL);
}
static SECURITY_STATUS r_pkginfo_a_null_name(void)
{
    PSecPkgInfoA info = (PSecPkgInfoA)1;
    SECURITY_STATUS st = QuerySecurityPackageInfoA(NULL, &info);
    return info == NULL ? st : SEC_E_INTERNAL_ERROR; /* the out-pointer is cleared */
}
static SECURITY_STATUS r_pkginfo_a_empty_name(void)
{
    PSecPkgInfoA info = NULL;
    return QuerySecurityPackageInfoA((SEC_CHAR *)"", &info);
}
static SECURITY_STATUS r_pkginfo_a_not_utf8(void)
{
    PSecPkgInfoA info = NULL;
    return QuerySecurityPackageInfoA(a_not_utf8, &info);
}
static SECURITY_STATUS r_pkginfo_w_lone_surrogate(void)
{
    PSecPkgInfoW info = NULL;
    return QuerySecurityPackageInfoW(w_lone_high, &info);
}
static SECURITY_STATUS r_pkginfo_w_null_name(void)
{
    PSecPkgInfoW info = NULL;
    return QuerySecurityPackageInfoW(NULL, &info);
}
static SECURITY_STATUS r_pkginfo_w_null_out(void)
{
    return QuerySecurityPackageInfoW((SEC_WCHAR *)u"Kerberos", NULL);
}

static const call_row package_rows[] = {
    {"EnumerateSecurityPackagesA, NULL pcPackages", SEC_E_INVALID_PARAMETER, r_enum_a_null_count},
    {"EnumerateSecurityPackagesA, NULL ppPackageInfo", SEC_E_INVALID_PARAMETER, r_enum_a_null_info},
    {"EnumerateSecurityPackagesW, both NULL", SEC_E_INVALID_PARAMETER, r_enum_w_null_both},
    {"QuerySecurityPackageInfoA, NULL ppPackageInfo", SEC_E_INVALID_PARAMETER, r_pkginfo_a_null_out},
    {"QuerySecurityPackageInfoA, NULL name", SEC_E_SECPKG_NOT_FOUND, r_pkginfo_a_null_name},
    {"QuerySecurityPackageInfoA, empty name", SEC_E_SECPKG_NOT_FOUND, r_pkginfo_a_empty_name},
    {"QuerySecurityPackageInfoA, name not UTF-8", SEC_E_SECPKG_NOT_FOUND, r_pkginfo_a_not_utf8},
    {"QuerySecurityPackageInfoW, lone surrogate", SEC_E_SECPKG_NOT_FOUND, r_pkginfo_w_lone_surrogate},
    {"QuerySecurityPackageInfoW, NULL name", SEC_E_SECPKG_NOT_FOUND, r_pkginfo_w_null_name},
    {"QuerySecurityPackageInfoW, NULL ppPackageInfo", SEC_E_INVALID_PARAMETER, r_pkginfo_w_null_out},
};

static void test_package_function_arguments(void)
{
    RUN_ROWS(package_rows);
}

/* -- Credentials -- */

/* AcquireCredentialsHandleA; a handle it should not have made is freed (the state check then
 * still sees the status). */
static SECURITY_STATUS ach_a(const char *principal, const char *package, ULONG use, void *auth)
{
    CredHandle c;
    SECURITY_STATUS st = AcquireCredentialsHandleA((SEC_CHAR *)principal, (SEC_CHAR *)package, use,
                                                   NULL, auth, NULL, NULL, &c, NULL);
    if (st == SEC_E_OK)
        FreeCredentialsHandle(&c);
    return st;
}

static SECURITY_STATUS ach_w(SEC_WCHAR *principal, SEC_WCHAR *package, ULONG use, void *auth)
{
    CredHandle c;
    SECURITY_STATUS st = AcquireCredentialsHandleW(principal, package, use, NULL, auth, NULL, NULL, &c, NULL);
    if (st == SEC_E_OK)
        FreeCredentialsHandle(&c);
    return st;
}

static SECURITY_STATUS r_ach_a_null_handle(void)
{
    return AcquireCredentialsHandleA(NULL, (SEC_CHAR *)"Kerberos", SECPKG_CRED_OUTBOUND, NULL, NULL,
                                     NULL, NULL, NULL, NULL);
}
static SECURITY_STATUS r_ach_w_null_handle(void)
{
    return AcquireCredentialsHandleW(NULL, (SEC_WCHAR *)u"Kerberos", SECPKG_CRED_OUTBOUND, NULL, NULL,
                                     NULL, NULL, NULL, NULL);
}
static SECURITY_STATUS r_ach_a_null_package(void)
{
    return ach_a(NULL, NULL, SECPKG_CRED_OUTBOUND, NULL);
}
static SECURITY_STATUS r_ach_a_package_not_utf8(void)
{
    return ach_a(NULL, a_not_utf8, SECPKG_CRED_OUTBOUND, NULL);
}
static SECURITY_STATUS r_ach_a_use_zero(void)
{
    return ach_a(NULL, "Kerberos", 0, NULL);
}
static SECURITY_STATUS r_ach_a_use_no_direction(void)
{
    return ach_a(NULL, "Kerberos", 0xFFFFFFFCu, NULL);
}
static SECURITY_STATUS r_ach_a_empty_principal(void)
{
    return ach_a("", "Kerberos", SECPKG_CRED_OUTBOUND, NULL);
}
static SECURITY_STATUS r_ach_a_principal_control_char(void)
{
    return ach_a("host/\x01", "Kerberos", SECPKG_CRED_INBOUND, NULL);
}
/* Bytes that are not UTF-8 are a name nobody holds a ticket for, not garbage for GSSAPI. */
static SECURITY_STATUS r_ach_a_principal_not_utf8(void)
{
    return ach_a("\xff\xfe@SSPIBRIDGE.TEST", "Kerberos", SECPKG_CRED_OUTBOUND, NULL);
}
static SECURITY_STATUS r_ach_w_principal_lone_surrogate(void)
{
    return ach_w(w_lone_high, (SEC_WCHAR *)u"Kerberos", SECPKG_CRED_OUTBOUND, NULL);
}
static SECURITY_STATUS r_ach_w_package_lone_surrogate(void)
{
    return ach_w(NULL, w_lone_low, SECPKG_CRED_OUTBOUND, NULL);
}
static SECURITY_STATUS r_ach_w_null_package(void)
{
    return ach_w(NULL, NULL, SECPKG_CRED_OUTBOUND, NULL);
}
static SECURITY_STATUS r_free_cred_null(void)
{
    return FreeCredentialsHandle(NULL);
}
static SECURITY_STATUS r_qca_cred_null_handle(void)
{
    SecPkgCredentials_NamesA n;
    return QueryCredentialsAttributesA(NULL, SECPKG_CRED_ATTR_NAMES, &n);
}
static SECURITY_STATUS r_qca_cred_null_buffer(void)
{
    return QueryCredentialsAttributesA(&P.icred, SECPKG_CRED_ATTR_NAMES, NULL);
}
static SECURITY_STATUS r_qca_cred_unknown_attr(void)
{
    char buf[256];
    return QueryCredentialsAttributesA(&P.icred, 0xFFFFFFFFu, buf);
}
static SECURITY_STATUS r_qca_cred_w_unknown_attr(void)
{
    char buf[256];
    return QueryCredentialsAttributesW(&P.acred, 12345, buf);
}
static SECURITY_STATUS r_qca_cred_ex_null_handle(void)
{
    char buf[256];
    return QueryCredentialsAttributesExA(NULL, SECPKG_CRED_ATTR_NAMES, buf, sizeof(buf));
}
static SECURITY_STATUS r_set_cred_attr(void)
{
    ULONG v = 0;
    return SetCredentialsAttributesA(&P.icred, 0x7777, &v, sizeof(v));
}
static SECURITY_STATUS r_set_cred_attr_null_handle(void)
{
    return SetCredentialsAttributesW(NULL, 0x7777, NULL, 0);
}
static SECURITY_STATUS r_add_cred_null_handle(void)
{
    return AddCredentialsA(NULL, NULL, (SEC_CHAR *)"Kerberos", SECPKG_CRED_OUTBOUND, NULL, NULL, NULL, NULL);
}
static SECURITY_STATUS r_add_cred(void)
{
    return AddCredentialsW(&P.icred, NULL, (SEC_WCHAR *)u"Kerberos", SECPKG_CRED_OUTBOUND, NULL, NULL,
                           NULL, NULL);
}

static const call_row credential_rows[] = {
    {"AcquireCredentialsHandleA, NULL phCredential", SEC_E_INVALID_PARAMETER, r_ach_a_null_handle},
    {"AcquireCredentialsHandleW, NULL phCredential", SEC_E_INVALID_PARAMETER, r_ach_w_null_handle},
    {"AcquireCredentialsHandleA, NULL package", SEC_E_SECPKG_NOT_FOUND, r_ach_a_null_package},
    {"AcquireCredentialsHandleA, package not UTF-8", SEC_E_SECPKG_NOT_FOUND, r_ach_a_package_not_utf8},
    {"AcquireCredentialsHandleA, fCredentialUse 0", SEC_E_INVALID_PARAMETER, r_ach_a_use_zero},
    {"AcquireCredentialsHandleA, fCredentialUse without INBOUND/OUTBOUND", SEC_E_INVALID_PARAMETER,
     r_ach_a_use_no_direction},
    {"AcquireCredentialsHandleA, empty principal", SEC_E_UNKNOWN_CREDENTIALS, r_ach_a_empty_principal},
    {"AcquireCredentialsHandleA, principal with a control character", SEC_E_UNKNOWN_CREDENTIALS,
     r_ach_a_principal_control_char},
    {"AcquireCredentialsHandleA, principal not UTF-8", SEC_E_NO_CREDENTIALS, r_ach_a_principal_not_utf8},
    {"AcquireCredentialsHandleW, principal with a lone surrogate", SEC_E_INVALID_PARAMETER,
     r_ach_w_principal_lone_surrogate},
    {"AcquireCredentialsHandleW, package with a lone surrogate", SEC_E_SECPKG_NOT_FOUND,
     r_ach_w_package_lone_surrogate},
    {"AcquireCredentialsHandleW, NULL package", SEC_E_SECPKG_NOT_FOUND, r_ach_w_null_package},
    {"FreeCredentialsHandle, NULL", SEC_E_INVALID_HANDLE, r_free_cred_null},
    {"QueryCredentialsAttributesA, NULL handle", SEC_E_INVALID_HANDLE, r_qca_cred_null_handle},
    {"QueryCredentialsAttributesA, NULL pBuffer", SEC_E_INVALID_PARAMETER, r_qca_cred_null_buffer},
    {"QueryCredentialsAttributesA, attribute 0xFFFFFFFF", SEC_E_UNSUPPORTED_FUNCTION, r_qca_cred_unknown_attr},
    {"QueryCredentialsAttributesW, attribute 12345", SEC_E_UNSUPPORTED_FUNCTION, r_qca_cred_w_unknown_attr},
    {"QueryCredentialsAttributesExA, NULL handle", SEC_E_INVALID_HANDLE, r_qca_cred_ex_null_handle},
    {"SetCredentialsAttributesA, unknown attribute", SEC_E_UNSUPPORTED_FUNCTION, r_set_cred_attr},
    {"SetCredentialsAttributesW, NULL handle", SEC_E_INVALID_HANDLE, r_set_cred_attr_null_handle},
    {"AddCredentialsA, NULL handle", SEC_E_INVALID_HANDLE, r_add_cred_null_handle},
    {"AddCredentialsW, good handle", SEC_E_UNSUPPORTED_FUNCTION, r_add_cred},
};

static void test_credential_function_arguments(void)
{
    RUN_ROWS(credential_rows);
}

/* -- SEC_WINNT_AUTH_IDENTITY strings -- */

static SEC_WCHAR w_user[] = {'u', 's', 'e', 'r', 0};
static SEC_WCHAR w_realm[] = {'S', 'S', 'P', 'I', 'B', 'R', 'I', 'D', 'G', 'E', '.', 'T', 'E', 'S', 'T', 0};
static SEC_WCHAR w_password[] = {'p', 'w', 0};

static SEC_WINNT_AUTH_IDENTITY_W identity_w(SEC_WCHAR *user, SEC_WCHAR *domain, SEC_WCHAR *password)
{
    SEC_WINNT_AUTH_IDENTITY_W id = {0};
    id.User = user;
    id.UserLength = user ? (ULONG)(sizeof(w_user) / 2 - 1) : 0;
    id.Domain = domain;
    id.DomainLength = domain ? (ULONG)(sizeof(w_realm) / 2 - 1) : 0;
    id.Password = password;
    id.PasswordLength = password ? 2 : 0;
    id.Flags = SEC_WINNT_AUTH_IDENTITY_UNICODE;
    return id;
}

static SECURITY_STATUS r_id_both_kinds(void)
{
    SEC_WINNT_AUTH_IDENTITY_W id = identity_w(w_user, w_realm, w_password);
    id.Flags = SEC_WINNT_AUTH_IDENTITY_ANSI | SEC_WINNT_AUTH_IDENTITY_UNICODE;
    return ach_a(NULL, "Kerberos", SECPKG_CRED_OUTBOUND, &id);
}
static SECURITY_STATUS r_id_flags_unknown_only(void)
{
    SEC_WINNT_AUTH_IDENTITY_W id = identity_w(w_user, w_realm, w_password);
    id.Flags = 0x80;
    return ach_a(NULL, "Kerberos", SECPKG_CRED_OUTBOUND, &id);
}
static SECURITY_STATUS r_id_user_lone_surrogate(void)
{
    SEC_WINNT_AUTH_IDENTITY_W id = identity_w(w_user, w_realm, w_password);
    id.User = w_lone_high;
    id.UserLength = 4;
    return ach_a(NULL, "Kerberos", SECPKG_CRED_OUTBOUND, &id);
}
static SECURITY_STATUS r_id_domain_lone_surrogate(void)
{
    SEC_WINNT_AUTH_IDENTITY_W id = identity_w(w_user, w_realm, w_password);
    id.Domain = w_lone_low;
    id.DomainLength = 2;
    return ach_a(NULL, "Kerberos", SECPKG_CRED_OUTBOUND, &id);
}
static SECURITY_STATUS r_id_password_lone_surrogate(void)
{
    SEC_WINNT_AUTH_IDENTITY_W id = identity_w(w_user, w_realm, w_password);
    id.Password = w_lone_high;
    id.PasswordLength = 4;
    return ach_a(NULL, "Kerberos", SECPKG_CRED_OUTBOUND, &id);
}
/* The surrogate pair cut by the length: the high half is the last unit counted. */
static SECURITY_STATUS r_id_password_pair_cut_by_length(void)
{
    static SEC_WCHAR pw[] = {'a', 0xD83D, 0xDE00, 0};
    SEC_WINNT_AUTH_IDENTITY_W id = identity_w(w_user, w_realm, pw);
    id.PasswordLength = 2;
    return ach_a(NULL, "Kerberos", SECPKG_CRED_OUTBOUND, &id);
}
static SECURITY_STATUS r_id_package_list_lone_surrogate(void)
{
    SEC_WINNT_AUTH_IDENTITY_EXW id = {0};
    id.Version = SEC_WINNT_AUTH_IDENTITY_VERSION;
    id.Length = sizeof(id);
    id.User = w_user;
    id.UserLength = 4;
    id.Password = w_password;
    id.PasswordLength = 2;
    id.PackageList = w_lone_low;
    id.PackageListLength = 2;
    id.Flags = SEC_WINNT_AUTH_IDENTITY_UNICODE;
    return ach_a(NULL, "Kerberos", SECPKG_CRED_OUTBOUND, &id);
}
static SECURITY_STATUS r_id_ansi_embedded_nul(void)
{
    SEC_WINNT_AUTH_IDENTITY_A id = {0};
    id.User = (unsigned char *)"us\0er";
    id.UserLength = 5;
    id.Password = (unsigned char *)"pw";
    id.PasswordLength = 2;
    id.Flags = SEC_WINNT_AUTH_IDENTITY_ANSI;
    return ach_a(NULL, "Kerberos", SECPKG_CRED_OUTBOUND, &id);
}
static SECURITY_STATUS r_id_ansi_password_embedded_nul(void)
{
    SEC_WINNT_AUTH_IDENTITY_A id = {0};
    id.User = (unsigned char *)"user";
    id.UserLength = 4;
    id.Password = (unsigned char *)"p\0w";
    id.PasswordLength = 3;
    id.Flags = SEC_WINNT_AUTH_IDENTITY_ANSI;
    return ach_a(NULL, "Kerberos", SECPKG_CRED_OUTBOUND, &id);
}
static SECURITY_STATUS r_id_null_user_with_length(void)
{
    SEC_WINNT_AUTH_IDENTITY_W id = identity_w(NULL, w_realm, w_password);
    id.UserLength = 4;
    return ach_a(NULL, "Kerberos", SECPKG_CRED_OUTBOUND, &id);
}
static SECURITY_STATUS r_id_null_password_with_length(void)
{
    SEC_WINNT_AUTH_IDENTITY_W id = identity_w(w_user, w_realm, NULL);
    id.PasswordLength = 8;
    return ach_a(NULL, "Kerberos", SECPKG_CRED_OUTBOUND, &id);
}
static SECURITY_STATUS r_id_password_without_user(void)
{
    SEC_WINNT_AUTH_IDENTITY_W id = identity_w(NULL, w_realm, w_password);
    return ach_a(NULL, "Kerberos", SECPKG_CRED_OUTBOUND, &id);
}
static SECURITY_STATUS r_id_w_through_w_function(void)
{
    SEC_WINNT_AUTH_IDENTITY_W id = identity_w(w_lone_low, NULL, w_password);
    id.UserLength = 2;
    return ach_w(NULL, (SEC_WCHAR *)u"Kerberos", SECPKG_CRED_OUTBOUND, &id);
}

static const call_row identity_rows[] = {
    {"identity Flags ANSI and UNICODE", SEC_E_INVALID_PARAMETER, r_id_both_kinds},
    {"identity Flags naming no string kind", SEC_E_INVALID_PARAMETER, r_id_flags_unknown_only},
    {"identity User with a lone surrogate", SEC_E_INVALID_PARAMETER, r_id_user_lone_surrogate},
    {"identity Domain with a lone surrogate", SEC_E_INVALID_PARAMETER, r_id_domain_lone_surrogate},
    {"identity Password with a lone surrogate", SEC_E_INVALID_PARAMETER, r_id_password_lone_surrogate},
    {"identity Password cut inside a surrogate pair", SEC_E_INVALID_PARAMETER, r_id_password_pair_cut_by_length},
    {"identity _EX PackageList with a lone surrogate", SEC_E_INVALID_PARAMETER, r_id_package_list_lone_surrogate},
    {"identity ANSI User with an embedded NUL", SEC_E_INVALID_PARAMETER, r_id_ansi_embedded_nul},
    {"identity ANSI Password with an embedded NUL", SEC_E_INVALID_PARAMETER, r_id_ansi_password_embedded_nul},
    {"identity NULL User with a length", SEC_E_INVALID_PARAMETER, r_id_null_user_with_length},
    {"identity NULL Password with a length", SEC_E_INVALID_PARAMETER, r_id_null_password_with_length},
    {"identity Password without User", SEC_E_UNKNOWN_CREDENTIALS, r_id_password_without_user},
    {"identity through AcquireCredentialsHandleW, User a lone surrogate", SEC_E_INVALID_PARAMETER,
     r_id_w_through_w_function},
};

static void test_identity_strings_that_do_not_decode_are_refused(void)
{
    RUN_ROWS(identity_rows);
}

/* -- InitializeSecurityContext -- */

static unsigned char isc_out_mem[4096];

/* A first InitializeSecurityContextA call; a context it should not have made is deleted. */
static SECURITY_STATUS isc_first(PCredHandle cred, const char *target, PSecBufferDesc in,
                                 PSecBufferDesc out)
{
    CtxtHandle h;
    ULONG attrs;
    SecInvalidateHandle(&h);
    SECURITY_STATUS st = InitializeSecurityContextA(cred, NULL, (SEC_CHAR *)target, REL_ISC_REQ, 0,
                                                    SECURITY_NATIVE_DREP, in, 0, &h, out, &attrs, NULL);
    if (st >= 0 || SecIsValidHandle(&h))
        DeleteSecurityContext(&h);
    return st;
}

static SECURITY_STATUS isc_first_target(const char *target)
{
    SecBuffer ob = {sizeof(isc_out_mem), SECBUFFER_TOKEN, isc_out_mem};
    SecBufferDesc out = {SECBUFFER_VERSION, 1, &ob};
    return isc_first(&P.icred, target, NULL, &out);
}

static SECURITY_STATUS isc_first_input(PSecBufferDesc in)
{
    SecBuffer ob = {sizeof(isc_out_mem), SECBUFFER_TOKEN, isc_out_mem};
    SecBufferDesc out = {SECBUFFER_VERSION, 1, &ob};
    return isc_first(&P.icred, "host/localhost", in, &out);
}

/* A SECBUFFER_CHANNEL_BINDINGS buffer whose application data is at offset / length. */
static SECURITY_STATUS isc_bindings(ULONG offset, ULONG length, ULONG size)
{
    unsigned char mem[sizeof(SEC_CHANNEL_BINDINGS) + 16] = {0};
    SEC_CHANNEL_BINDINGS cb = {0};
    cb.dwApplicationDataOffset = offset;
    cb.cbApplicationDataLength = length;
    memcpy(mem, &cb, sizeof(cb));
    SecBuffer b = {size, SECBUFFER_CHANNEL_BINDINGS, mem};
    SecBufferDesc in = {SECBUFFER_VERSION, 1, &b};
    return isc_first_input(&in);
}

static SECURITY_STATUS r_isc_null_cred(void)
{
    SecBuffer ob = {sizeof(isc_out_mem), SECBUFFER_TOKEN, isc_out_mem};
    SecBufferDesc out = {SECBUFFER_VERSION, 1, &ob};
    return isc_first(NULL, "host/localhost", NULL, &out);
}
static SECURITY_STATUS r_isc_inbound_cred(void)
{
    SecBuffer ob = {sizeof(isc_out_mem), SECBUFFER_TOKEN, isc_out_mem};
    SecBufferDesc out = {SECBUFFER_VERSION, 1, &ob};
    return isc_first(&P.acred, "host/localhost", NULL, &out);
}
static SECURITY_STATUS r_isc_null_new_context(void)
{
    SecBuffer ob = {sizeof(isc_out_mem), SECBUFFER_TOKEN, isc_out_mem};
    SecBufferDesc out = {SECBUFFER_VERSION, 1, &ob};
    ULONG attrs;
    return InitializeSecurityContextA(&P.icred, NULL, (SEC_CHAR *)"host/localhost", 0, 0,
                                      SECURITY_NATIVE_DREP, NULL, 0, NULL, &out, &attrs, NULL);
}
static SECURITY_STATUS r_isc_null_target(void)
{
    return isc_first_target(NULL);
}
static SECURITY_STATUS r_isc_empty_target(void)
{
    return isc_first_target("");
}
static SECURITY_STATUS r_isc_target_no_host(void)
{
    return isc_first_target("host/");
}
static SECURITY_STATUS r_isc_target_control_char(void)
{
    return isc_first_target("host/local\x01host");
}
static SECURITY_STATUS r_isc_target_not_utf8(void)
{
    return isc_first_target("host/\xff\xfe");
}
static SECURITY_STATUS r_isc_w_target_lone_surrogate(void)
{
    SecBuffer ob = {sizeof(isc_out_mem), SECBUFFER_TOKEN, isc_out_mem};
    SecBufferDesc out = {SECBUFFER_VERSION, 1, &ob};
    CtxtHandle h;
    ULONG attrs;
    SECURITY_STATUS st = InitializeSecurityContextW(&P.icred, NULL, w_lone_high, 0, 0, SECURITY_NATIVE_DREP,
                                                    NULL, 0, &h, &out, &attrs, NULL);
    if (st >= 0)
        DeleteSecurityContext(&h);
    return st;
}
static SECURITY_STATUS r_isc_null_output(void)
{
    return isc_first(&P.icred, "host/localhost", NULL, NULL);
}
static SECURITY_STATUS r_isc_output_without_token(void)
{
    SecBuffer ob = {sizeof(isc_out_mem), SECBUFFER_EMPTY, isc_out_mem};
    SecBufferDesc out = {SECBUFFER_VERSION, 1, &ob};
    return isc_first(&P.icred, "host/localhost", NULL, &out);
}
static SECURITY_STATUS r_isc_output_bad_version(void)
{
    SecBuffer ob = {sizeof(isc_out_mem), SECBUFFER_TOKEN, isc_out_mem};
    SecBufferDesc out = {7, 1, &ob};
    return isc_first(&P.icred, "host/localhost", NULL, &out);
}
static SECURITY_STATUS r_isc_input_bad_version(void)
{
    SecBuffer b = {0, SECBUFFER_EMPTY, NULL};
    SecBufferDesc in = {1, 1, &b};
    return isc_first_input(&in);
}
static SECURITY_STATUS r_isc_input_huge_count(void)
{
    SecBuffer b = {0, SECBUFFER_EMPTY, NULL};
    SecBufferDesc in = {SECBUFFER_VERSION, 0xFFFFFFFFu, &b};
    return isc_first_input(&in);
}
static SECURITY_STATUS r_isc_input_null_array(void)
{
    SecBufferDesc in = {SECBUFFER_VERSION, 1, NULL};
    return isc_first_input(&in);
}
static SECURITY_STATUS r_isc_bindings_offset_wraps(void)
{
    /* 0xFFFFFFF0 + 0x20 wraps to 0x10 in 32 bits: inside the buffer if added naively. */
    return isc_bindings(0xFFFFFFF0u, 0x20, sizeof(SEC_CHANNEL_BINDINGS) + 16);
}
static SECURITY_STATUS r_isc_bindings_length_past_end(void)
{
    return isc_bindings(sizeof(SEC_CHANNEL_BINDINGS), 17, sizeof(SEC_CHANNEL_BINDINGS) + 16);
}
static SECURITY_STATUS r_isc_bindings_shorter_than_header(void)
{
    return isc_bindings(0, 0, sizeof(SEC_CHANNEL_BINDINGS) - 1);
}
static SECURITY_STATUS r_isc_continue_established(void)
{
    unsigned char tok[16] = {0};
    SecBuffer ib = {sizeof(tok), SECBUFFER_TOKEN, tok};
    SecBufferDesc in = {SECBUFFER_VERSION, 1, &ib};
    SecBuffer ob = {sizeof(isc_out_mem), SECBUFFER_TOKEN, isc_out_mem};
    SecBufferDesc out = {SECBUFFER_VERSION, 1, &ob};
    ULONG attrs;
    return InitializeSecurityContextA(&P.icred, &P.ictx, NULL, 0, 0, SECURITY_NATIVE_DREP, &in, 0,
                                      &P.ictx, &out, &attrs, NULL);
}
static SECURITY_STATUS r_isc_continue_acceptor(void)
{
    unsigned char tok[16] = {0};
    SecBuffer ib = {sizeof(tok), SECBUFFER_TOKEN, tok};
    SecBufferDesc in = {SECBUFFER_VERSION, 1, &ib};
    ULONG attrs;
    return InitializeSecurityContextA(&P.icred, &P.actx, NULL, 0, 0, SECURITY_NATIVE_DREP, &in, 0,
                                      &P.actx, NULL, &attrs, NULL);
}
static SECURITY_STATUS r_isc_cred_is_context(void)
{
    SecBuffer ob = {sizeof(isc_out_mem), SECBUFFER_TOKEN, isc_out_mem};
    SecBufferDesc out = {SECBUFFER_VERSION, 1, &ob};
    return isc_first((PCredHandle)&P.ictx, "host/localhost", NULL, &out);
}

static const call_row initialize_rows[] = {
    {"InitializeSecurityContextA, NULL credential", SEC_E_INVALID_HANDLE, r_isc_null_cred},
    {"InitializeSecurityContextA, context handle as credential", SEC_E_INVALID_HANDLE, r_isc_cred_is_context},
    {"InitializeSecurityContextA, INBOUND credential", SEC_E_NO_CREDENTIALS, r_isc_inbound_cred},
    {"InitializeSecurityContextA, NULL phNewContext", SEC_E_INVALID_PARAMETER, r_isc_null_new_context},
    {"InitializeSecurityContextA, NULL target", SEC_E_TARGET_UNKNOWN, r_isc_null_target},
    {"InitializeSecurityContextA, empty target", SEC_E_TARGET_UNKNOWN, r_isc_empty_target},
    {"InitializeSecurityContextA, target \"host/\"", SEC_E_TARGET_UNKNOWN, r_isc_target_no_host},
    {"InitializeSecurityContextA, target with a control character", SEC_E_TARGET_UNKNOWN,
     r_isc_target_control_char},
    {"InitializeSecurityContextA, target not UTF-8", SEC_E_TARGET_UNKNOWN, r_isc_target_not_utf8},
    {"InitializeSecurityContextW, target with a lone surrogate", SEC_E_TARGET_UNKNOWN,
     r_isc_w_target_lone_surrogate},
    {"InitializeSecurityContextA, NULL pOutput", SEC_E_INVALID_TOKEN, r_isc_null_output},
    {"InitializeSecurityContextA, pOutput without TOKEN", SEC_E_INVALID_TOKEN, r_isc_output_without_token},
    {"InitializeSecurityContextA, pOutput ulVersion 7", SEC_E_INVALID_TOKEN, r_isc_output_bad_version},
    {"InitializeSecurityContextA, pInput ulVersion 1", SEC_E_INVALID_TOKEN, r_isc_input_bad_version},
    {"InitializeSecurityContextA, pInput cBuffers 0xFFFFFFFF", SEC_E_INVALID_TOKEN, r_isc_input_huge_count},
    {"InitializeSecurityContextA, pInput NULL pBuffers", SEC_E_INVALID_TOKEN, r_isc_input_null_array},
    {"InitializeSecurityContextA, bindings offset wrapping 32 bits", SEC_E_INVALID_TOKEN,
     r_isc_bindings_offset_wraps},
    {"InitializeSecurityContextA, bindings one byte past the buffer", SEC_E_INVALID_TOKEN,
     r_isc_bindings_length_past_end},
    {"InitializeSecurityContextA, bindings shorter than SEC_CHANNEL_BINDINGS", SEC_E_INVALID_TOKEN,
     r_isc_bindings_shorter_than_header},
    {"InitializeSecurityContextA, continuing an established context", SEC_E_OUT_OF_SEQUENCE,
     r_isc_continue_established},
    {"InitializeSecurityContextA, continuing an acceptor context", SEC_E_INVALID_HANDLE, r_isc_continue_acceptor},
};

static void test_initialize_security_context_arguments(void)
{
    RUN_ROWS(initialize_rows);
}

/* A half-open initiator context fed a reply that is no Kerberos token: the reply is refused,
 * the context is dead from then on (as on Windows, it only awaits deletion), and deleting it
 * is clean. */
static void test_garbage_reply_kills_only_its_own_context(void)
{
    CtxtHandle h;
    ULONG attrs;
    unsigned char junk[64];
    SecBuffer ob = {sizeof(isc_out_mem), SECBUFFER_TOKEN, isc_out_mem};
    SecBufferDesc out = {SECBUFFER_VERSION, 1, &ob};
    memset(junk, 0xA5, sizeof(junk));
    SecBuffer ib = {sizeof(junk), SECBUFFER_TOKEN, junk};
    SecBufferDesc in = {SECBUFFER_VERSION, 1, &ib};

    CU_ASSERT_EQUAL_FATAL(InitializeSecurityContextA(&P.icred, NULL, (SEC_CHAR *)"host/localhost", REL_ISC_REQ,
                                                     0, SECURITY_NATIVE_DREP, NULL, 0, &h, &out, &attrs, NULL),
                          SEC_I_CONTINUE_NEEDED);
    /* A continuation without the peer's token. */
    CU_ASSERT_EQUAL(InitializeSecurityContextA(&P.icred, &h, NULL, REL_ISC_REQ, 0, SECURITY_NATIVE_DREP, NULL, 0,
                                               &h, &out, &attrs, NULL),
                    SEC_E_INVALID_TOKEN);
    ib.cbBuffer = 0;
    CU_ASSERT_EQUAL(InitializeSecurityContextA(&P.icred, &h, NULL, REL_ISC_REQ, 0, SECURITY_NATIVE_DREP, &in, 0,
                                               &h, &out, &attrs, NULL),
                    SEC_E_INVALID_TOKEN);
    ib.cbBuffer = sizeof(junk);
    ib.pvBuffer = NULL;
    CU_ASSERT_EQUAL(InitializeSecurityContextA(&P.icred, &h, NULL, REL_ISC_REQ, 0, SECURITY_NATIVE_DREP, &in, 0,
                                               &h, &out, &attrs, NULL),
                    SEC_E_INVALID_TOKEN);
    /* Those left it waiting; garbage from the peer ends it. */
    ib.pvBuffer = junk;
    ob.cbBuffer = sizeof(isc_out_mem);
    CU_ASSERT_EQUAL(InitializeSecurityContextA(&P.icred, &h, NULL, REL_ISC_REQ, 0, SECURITY_NATIVE_DREP, &in, 0,
                                               &h, &out, &attrs, NULL),
                    SEC_E_INVALID_TOKEN);
    CU_ASSERT_EQUAL(InitializeSecurityContextA(&P.icred, &h, NULL, REL_ISC_REQ, 0, SECURITY_NATIVE_DREP, &in, 0,
                                               &h, &out, &attrs, NULL),
                    SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(EncryptMessage(&h, 0, NULL, 0), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(DeleteSecurityContext(&h), SEC_E_OK);
    expect_state_unchanged("garbage reply", __LINE__);
}

/* -- AcceptSecurityContext -- */

static unsigned char asc_out_mem[4096];

static SECURITY_STATUS asc_first(PCredHandle cred, PSecBufferDesc in, PCtxtHandle new_ctx)
{
    CtxtHandle h;
    ULONG attrs;
    SecBuffer ob = {sizeof(asc_out_mem), SECBUFFER_TOKEN, asc_out_mem};
    SecBufferDesc out = {SECBUFFER_VERSION, 1, &ob};
    SecInvalidateHandle(&h);
    SECURITY_STATUS st = AcceptSecurityContext(cred, NULL, in, REL_ASC_REQ, SECURITY_NATIVE_DREP,
                                               new_ctx ? new_ctx : &h, &out, &attrs, NULL);
    if (new_ctx == NULL && (st >= 0 || SecIsValidHandle(&h)))
        DeleteSecurityContext(&h);
    return st;
}

static SECURITY_STATUS asc_token(const void *bytes, ULONG len)
{
    SecBuffer b = {len, SECBUFFER_TOKEN, (void *)bytes};
    SecBufferDesc in = {SECBUFFER_VERSION, 1, &b};
    return asc_first(&P.acred, &in, NULL);
}

static SECURITY_STATUS r_asc_null_input(void)
{
    return asc_first(&P.acred, NULL, NULL);
}
static SECURITY_STATUS r_asc_input_without_token(void)
{
    unsigned char x[8] = {0};
    SecBuffer b = {sizeof(x), SECBUFFER_DATA, x};
    SecBufferDesc in = {SECBUFFER_VERSION, 1, &b};
    return asc_first(&P.acred, &in, NULL);
}
static SECURITY_STATUS r_asc_token_null_memory(void)
{
    return asc_token(NULL, 100);
}
static SECURITY_STATUS r_asc_token_empty(void)
{
    unsigned char x[1] = {0x60};
    return asc_token(x, 0);
}
static SECURITY_STATUS r_asc_token_garbage(void)
{
    unsigned char x[64];
    memset(x, 0x5A, sizeof(x));
    return asc_token(x, sizeof(x));
}
static SECURITY_STATUS r_asc_token_huge_der_length(void)
{
    static const unsigned char x[] = {0x60, 0x84, 0xFF, 0xFF, 0xFF, 0xF0, 0x06, 0x09, 0x2a, 0x86, 0x48,
                                      0x86, 0xf7, 0x12, 0x01, 0x02, 0x02, 0x01, 0x00};
    return asc_token(x, sizeof(x));
}
static SECURITY_STATUS r_asc_token_one_byte(void)
{
    static const unsigned char x[] = {0x60};
    return asc_token(x, sizeof(x));
}
static SECURITY_STATUS r_asc_null_cred(void)
{
    unsigned char x[64] = {0x60};
    SecBuffer b = {sizeof(x), SECBUFFER_TOKEN, x};
    SecBufferDesc in = {SECBUFFER_VERSION, 1, &b};
    return asc_first(NULL, &in, NULL);
}
static SECURITY_STATUS r_asc_outbound_cred(void)
{
    unsigned char x[64] = {0x60};
    SecBuffer b = {sizeof(x), SECBUFFER_TOKEN, x};
    SecBufferDesc in = {SECBUFFER_VERSION, 1, &b};
    return asc_first(&P.icred, &in, NULL);
}
static SECURITY_STATUS r_asc_null_new_context(void)
{
    unsigned char x[64] = {0x60};
    SecBuffer b = {sizeof(x), SECBUFFER_TOKEN, x};
    SecBufferDesc in = {SECBUFFER_VERSION, 1, &b};
    ULONG attrs;
    return AcceptSecurityContext(&P.acred, NULL, &in, 0, SECURITY_NATIVE_DREP, NULL, NULL, &attrs, NULL);
}
static SECURITY_STATUS r_asc_continue_initiator(void)
{
    unsigned char x[64] = {0x60};
    SecBuffer b = {sizeof(x), SECBUFFER_TOKEN, x};
    SecBufferDesc in = {SECBUFFER_VERSION, 1, &b};
    ULONG attrs;
    return AcceptSecurityContext(&P.acred, &P.ictx, &in, 0, SECURITY_NATIVE_DREP, &P.ictx, NULL, &attrs, NULL);
}
static SECURITY_STATUS r_asc_continue_established(void)
{
    unsigned char x[64] = {0x60};
    SecBuffer b = {sizeof(x), SECBUFFER_TOKEN, x};
    SecBufferDesc in = {SECBUFFER_VERSION, 1, &b};
    ULONG attrs;
    return AcceptSecurityContext(&P.acred, &P.actx, &in, 0, SECURITY_NATIVE_DREP, &P.actx, NULL, &attrs, NULL);
}
static SECURITY_STATUS r_asc_output_huge_count(void)
{
    unsigned char x[64] = {0x60};
    SecBuffer b = {sizeof(x), SECBUFFER_TOKEN, x};
    SecBufferDesc in = {SECBUFFER_VERSION, 1, &b};
    SecBufferDesc out = {SECBUFFER_VERSION, 0xFFFFFFFFu, &b};
    CtxtHandle h;
    ULONG attrs;
    return AcceptSecurityContext(&P.acred, NULL, &in, 0, SECURITY_NATIVE_DREP, &h, &out, &attrs, NULL);
}

static const call_row accept_rows[] = {
    {"AcceptSecurityContext, NULL pInput", SEC_E_INVALID_TOKEN, r_asc_null_input},
    {"AcceptSecurityContext, pInput without TOKEN", SEC_E_INVALID_TOKEN, r_asc_input_without_token},
    {"AcceptSecurityContext, TOKEN with NULL pvBuffer and 100 bytes", SEC_E_INVALID_TOKEN, r_asc_token_null_memory},
    {"AcceptSecurityContext, TOKEN of 0 bytes", SEC_E_INVALID_TOKEN, r_asc_token_empty},
    {"AcceptSecurityContext, TOKEN of 1 byte", SEC_E_INVALID_TOKEN, r_asc_token_one_byte},
    {"AcceptSecurityContext, TOKEN of garbage", SEC_E_INVALID_TOKEN, r_asc_token_garbage},
    {"AcceptSecurityContext, TOKEN declaring 4 GiB", SEC_E_INVALID_TOKEN, r_asc_token_huge_der_length},
    {"AcceptSecurityContext, NULL credential", SEC_E_INVALID_HANDLE, r_asc_null_cred},
    {"AcceptSecurityContext, OUTBOUND credential", SEC_E_NO_CREDENTIALS, r_asc_outbound_cred},
    {"AcceptSecurityContext, NULL phNewContext", SEC_E_INVALID_PARAMETER, r_asc_null_new_context},
    {"AcceptSecurityContext, continuing an initiator context", SEC_E_INVALID_HANDLE, r_asc_continue_initiator},
    {"AcceptSecurityContext, continuing an established context", SEC_E_OUT_OF_SEQUENCE,
     r_asc_continue_established},
    {"AcceptSecurityContext, pOutput cBuffers 0xFFFFFFFF", SEC_E_INVALID_TOKEN, r_asc_output_huge_count},
};

static void test_accept_security_context_arguments(void)
{
    RUN_ROWS(accept_rows);
}

/* -- Context attributes and the functions Kerberos lacks -- */

static union {
    SecPkgContext_Sizes sizes;
    SecPkgContext_NamesA names;
    char raw[512];
} attr_buf;

static SECURITY_STATUS r_qca_null_handle(void)
{
    return QueryContextAttributesA(NULL, SECPKG_ATTR_SIZES, &attr_buf);
}
static SECURITY_STATUS r_qca_cred_as_context(void)
{
    return QueryContextAttributesA((PCtxtHandle)&P.icred, SECPKG_ATTR_SIZES, &attr_buf);
}
static SECURITY_STATUS r_qca_null_buffer(void)
{
    return QueryContextAttributesA(&P.ictx, SECPKG_ATTR_SIZES, NULL);
}
static SECURITY_STATUS r_qca_w_null_buffer(void)
{
    return QueryContextAttributesW(&P.actx, SECPKG_ATTR_NAMES, NULL);
}
static SECURITY_STATUS r_qca_unknown_attr(void)
{
    return QueryContextAttributesA(&P.ictx, 0x7777, &attr_buf);
}
static SECURITY_STATUS r_qca_attr_all_ones(void)
{
    return QueryContextAttributesA(&P.ictx, 0xFFFFFFFFu, &attr_buf);
}
static SECURITY_STATUS r_qca_w_attr_high_bit(void)
{
    return QueryContextAttributesW(&P.actx, 0x80000000u, &attr_buf);
}
static SECURITY_STATUS r_qca_schannel_attr(void)
{
    return QueryContextAttributesA(&P.ictx, SECPKG_ATTR_STREAM_SIZES, &attr_buf);
}
static SECURITY_STATUS r_qcax_short_buffer(void)
{
    return QueryContextAttributesExA(&P.ictx, SECPKG_ATTR_SIZES, &attr_buf, sizeof(SecPkgContext_Sizes) - 1);
}
static SECURITY_STATUS r_qcaxw_zero_buffer(void)
{
    return QueryContextAttributesExW(&P.actx, SECPKG_ATTR_NAMES, &attr_buf, 0);
}
static SECURITY_STATUS r_qcax_unknown_attr(void)
{
    return QueryContextAttributesExA(&P.ictx, 0x7777, &attr_buf, sizeof(attr_buf));
}
static SECURITY_STATUS r_qcax_null_buffer(void)
{
    return QueryContextAttributesExW(&P.ictx, SECPKG_ATTR_SIZES, NULL, sizeof(attr_buf));
}
static SECURITY_STATUS r_set_ctx_attr(void)
{
    return SetContextAttributesA(&P.ictx, 0x7777, &attr_buf, 4);
}
static SECURITY_STATUS r_set_ctx_attr_null_handle(void)
{
    return SetContextAttributesW(NULL, 0x7777, &attr_buf, 4);
}
static SECURITY_STATUS r_ctx_token_null_out(void)
{
    return QuerySecurityContextToken(&P.actx, NULL);
}
static SECURITY_STATUS r_apply_control_null(void)
{
    return ApplyControlToken(&P.ictx, NULL);
}
static SECURITY_STATUS r_apply_control_null_handle(void)
{
    return ApplyControlToken(NULL, NULL);
}
static SECURITY_STATUS r_complete_null_handle(void)
{
    return CompleteAuthToken(NULL, NULL);
}
static SECURITY_STATUS r_impersonate_initiator(void)
{
    return ImpersonateSecurityContext(&P.ictx);
}
static SECURITY_STATUS r_impersonate_null(void)
{
    return ImpersonateSecurityContext(NULL);
}
static SECURITY_STATUS r_revert_null(void)
{
    return RevertSecurityContext(NULL);
}
static SECURITY_STATUS r_change_password_nulls(void)
{
    return ChangeAccountPasswordA(NULL, NULL, NULL, NULL, NULL, 0, 0, NULL);
}
static SECURITY_STATUS r_change_password_w_nulls(void)
{
    return ChangeAccountPasswordW(NULL, NULL, NULL, NULL, NULL, 0, 0, NULL);
}

static const call_row attribute_rows[] = {
    {"QueryContextAttributesA, NULL handle", SEC_E_INVALID_HANDLE, r_qca_null_handle},
    {"QueryContextAttributesA, credential handle", SEC_E_INVALID_HANDLE, r_qca_cred_as_context},
    {"QueryContextAttributesA, NULL pBuffer", SEC_E_INVALID_PARAMETER, r_qca_null_buffer},
    {"QueryContextAttributesW, NULL pBuffer", SEC_E_INVALID_PARAMETER, r_qca_w_null_buffer},
    {"QueryContextAttributesA, attribute 0x7777", SEC_E_UNSUPPORTED_FUNCTION, r_qca_unknown_attr},
    {"QueryContextAttributesA, attribute 0xFFFFFFFF", SEC_E_UNSUPPORTED_FUNCTION, r_qca_attr_all_ones},
    {"QueryContextAttributesW, attribute 0x80000000", SEC_E_UNSUPPORTED_FUNCTION, r_qca_w_attr_high_bit},
    {"QueryContextAttributesA, Schannel's STREAM_SIZES", SEC_E_UNSUPPORTED_FUNCTION, r_qca_schannel_attr},
    {"QueryContextAttributesExA, cbBuffer one short", SEC_E_INSUFFICIENT_MEMORY, r_qcax_short_buffer},
    {"QueryContextAttributesExW, cbBuffer 0", SEC_E_INSUFFICIENT_MEMORY, r_qcaxw_zero_buffer},
    {"QueryContextAttributesExA, attribute 0x7777", SEC_E_UNSUPPORTED_FUNCTION, r_qcax_unknown_attr},
    {"QueryContextAttributesExW, NULL pBuffer", SEC_E_INVALID_PARAMETER, r_qcax_null_buffer},
    {"SetContextAttributesA, attribute 0x7777", SEC_E_UNSUPPORTED_FUNCTION, r_set_ctx_attr},
    {"SetContextAttributesW, NULL handle", SEC_E_INVALID_HANDLE, r_set_ctx_attr_null_handle},
    {"QuerySecurityContextToken, NULL Token", SEC_E_UNSUPPORTED_FUNCTION, r_ctx_token_null_out},
    {"ApplyControlToken, NULL pInput", SEC_E_UNSUPPORTED_FUNCTION, r_apply_control_null},
    {"ApplyControlToken, NULL handle", SEC_E_INVALID_HANDLE, r_apply_control_null_handle},
    {"CompleteAuthToken, NULL handle", SEC_E_INVALID_HANDLE, r_complete_null_handle},
    {"ImpersonateSecurityContext, initiator context", SEC_E_NO_IMPERSONATION, r_impersonate_initiator},
    {"ImpersonateSecurityContext, NULL handle", SEC_E_INVALID_HANDLE, r_impersonate_null},
    {"RevertSecurityContext, NULL handle", SEC_E_INVALID_HANDLE, r_revert_null},
    {"ChangeAccountPasswordA, all NULL", SEC_E_UNSUPPORTED_FUNCTION, r_change_password_nulls},
    {"ChangeAccountPasswordW, all NULL", SEC_E_UNSUPPORTED_FUNCTION, r_change_password_w_nulls},
};

static void test_attribute_and_unsupported_function_arguments(void)
{
    RUN_ROWS(attribute_rows);
}

/* -- Message functions: handles and QOP -- */

static SECURITY_STATUS seal_with(PCtxtHandle h, ULONG qop)
{
    unsigned char tok[256], data[8] = "message";
    SecBuffer b[2] = {{sizeof(tok), SECBUFFER_TOKEN, tok}, {sizeof(data), SECBUFFER_DATA, data}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    return EncryptMessage(h, qop, &d, 0);
}

static SECURITY_STATUS sign_with(PCtxtHandle h, ULONG qop)
{
    unsigned char tok[256], data[8] = "message";
    SecBuffer b[2] = {{sizeof(tok), SECBUFFER_TOKEN, tok}, {sizeof(data), SECBUFFER_DATA, data}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    return MakeSignature(h, qop, &d, 0);
}

static SECURITY_STATUS r_encrypt_qop_one(void)
{
    return seal_with(&P.ictx, 1);
}
static SECURITY_STATUS r_encrypt_qop_all_ones(void)
{
    return seal_with(&P.ictx, 0xFFFFFFFFu);
}
static SECURITY_STATUS r_sign_qop_no_encrypt(void)
{
    return sign_with(&P.ictx, SECQOP_WRAP_NO_ENCRYPT);
}
static SECURITY_STATUS r_encrypt_null_handle(void)
{
    return seal_with(NULL, 0);
}
static SECURITY_STATUS r_sign_cred_handle(void)
{
    return sign_with((PCtxtHandle)&P.icred, 0);
}
static SECURITY_STATUS r_decrypt_null_handle(void)
{
    unsigned char s[64] = {0};
    SecBuffer b[2] = {{sizeof(s), SECBUFFER_STREAM, s}, {0, SECBUFFER_DATA, NULL}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    return DecryptMessage(NULL, &d, 0, NULL);
}
static SECURITY_STATUS r_verify_null_handle_null_desc(void)
{
    return VerifySignature(NULL, NULL, 0, NULL);
}
/* pfQOP is optional in practice: a real message decrypts without it. */
static SECURITY_STATUS r_decrypt_null_pfqop(void)
{
    unsigned char wire[512];
    size_t len = 0;
    SECURITY_STATUS st = rel_seal(&P.ictx, 0, "abc", 3, wire, sizeof(wire), &len);
    if (st != SEC_E_OK)
        return st;
    SecBuffer b[2] = {{(ULONG)len, SECBUFFER_STREAM, wire}, {0, SECBUFFER_DATA, NULL}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    st = DecryptMessage(&P.actx, &d, 0, NULL);
    if (st == SEC_E_OK && (b[1].cbBuffer != 3 || memcmp(b[1].pvBuffer, "abc", 3) != 0))
        st = SEC_E_MESSAGE_ALTERED;
    return st;
}
/* MessageSeqNo is ignored for Kerberos, whatever it says. */
static SECURITY_STATUS r_seqno_ignored(void)
{
    unsigned char tok[256], data[8] = "message";
    SecPkgContext_Sizes sz;
    ULONG qop = 0;
    SECURITY_STATUS st = QueryContextAttributesA(&P.ictx, SECPKG_ATTR_SIZES, &sz);
    SecBuffer b[2] = {{sz.cbSecurityTrailer, SECBUFFER_TOKEN, tok}, {sizeof(data), SECBUFFER_DATA, data}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    if (st == SEC_E_OK)
        st = EncryptMessage(&P.ictx, 0, &d, 0xFFFFFFFFu);
    if (st == SEC_E_OK)
        st = DecryptMessage(&P.actx, &d, 12345, &qop);
    return st;
}

static const call_row message_rows[] = {
    {"EncryptMessage, fQOP 1", SEC_E_QOP_NOT_SUPPORTED, r_encrypt_qop_one},
    {"EncryptMessage, fQOP 0xFFFFFFFF", SEC_E_QOP_NOT_SUPPORTED, r_encrypt_qop_all_ones},
    {"MakeSignature, fQOP SECQOP_WRAP_NO_ENCRYPT", SEC_E_QOP_NOT_SUPPORTED, r_sign_qop_no_encrypt},
    {"EncryptMessage, NULL handle", SEC_E_INVALID_HANDLE, r_encrypt_null_handle},
    {"MakeSignature, credential handle", SEC_E_INVALID_HANDLE, r_sign_cred_handle},
    {"DecryptMessage, NULL handle", SEC_E_INVALID_HANDLE, r_decrypt_null_handle},
    {"VerifySignature, NULL handle and NULL pMessage", SEC_E_INVALID_HANDLE, r_verify_null_handle_null_desc},
    {"DecryptMessage, NULL pfQOP", SEC_E_OK, r_decrypt_null_pfqop},
    {"EncryptMessage / DecryptMessage, any MessageSeqNo", SEC_E_OK, r_seqno_ignored},
};

static void test_message_function_arguments(void)
{
    RUN_ROWS(message_rows);
}

/* -- Export, import and FreeContextBuffer -- */

static SECURITY_STATUS r_export_null_packed(void)
{
    return ExportSecurityContext(&P.ictx, 0, NULL, NULL);
}
static SECURITY_STATUS r_export_unknown_flag(void)
{
    SecBuffer packed;
    return ExportSecurityContext(&P.ictx, 0x80000000u, &packed, NULL);
}
static SECURITY_STATUS r_export_to_kernel(void)
{
    SecBuffer packed;
    return ExportSecurityContext(&P.actx, SECPKG_CONTEXT_EXPORT_TO_KERNEL, &packed, NULL);
}
static SECURITY_STATUS r_export_null_handle(void)
{
    SecBuffer packed;
    return ExportSecurityContext(NULL, 0, &packed, NULL);
}
static SECURITY_STATUS import_bytes(const char *package, void *bytes, ULONG len)
{
    SecBuffer packed = {len, SECBUFFER_EMPTY, bytes};
    CtxtHandle h;
    SECURITY_STATUS st = ImportSecurityContextA((SEC_CHAR *)package, &packed, NULL, &h);
    if (st == SEC_E_OK)
        DeleteSecurityContext(&h);
    return st;
}
static SECURITY_STATUS r_import_null_packed(void)
{
    CtxtHandle h;
    return ImportSecurityContextA((SEC_CHAR *)"Kerberos", NULL, NULL, &h);
}
static SECURITY_STATUS r_import_null_handle(void)
{
    unsigned char blob[64] = "SSPB";
    SecBuffer packed = {sizeof(blob), SECBUFFER_EMPTY, blob};
    return ImportSecurityContextA((SEC_CHAR *)"Kerberos", &packed, NULL, NULL);
}
static SECURITY_STATUS r_import_null_memory(void)
{
    return import_bytes("Kerberos", NULL, 100);
}
static SECURITY_STATUS r_import_token_length_overflows(void)
{
    /* A version 1 header whose GSS token length (0xFFFFFFFF) runs past the 64 bytes given. */
    unsigned char blob[64] = {'S', 'S', 'P', 'B', 0, 1, 0, 40, 0, 16, 0, 0, 0, 0, 0, 1};
    blob[36] = blob[37] = blob[38] = blob[39] = 0xFF;
    return import_bytes("Kerberos", blob, sizeof(blob));
}
static SECURITY_STATUS r_import_token_length_wraps(void)
{
    /* 40 + 0xFFFFFFD8 = 0 in 32 bits. */
    unsigned char blob[40] = {'S', 'S', 'P', 'B', 0, 1, 0, 40, 0, 16, 0, 0, 0, 0, 0, 1};
    blob[36] = blob[37] = blob[38] = 0xFF;
    blob[39] = 0xD8;
    return import_bytes("Kerberos", blob, sizeof(blob));
}
static SECURITY_STATUS r_import_garbage_gss_token(void)
{
    unsigned char blob[64] = {'S', 'S', 'P', 'B', 0, 1, 0, 40, 0, 16, 0, 0, 0, 0, 0, 1};
    blob[39] = 24;
    memset(blob + 40, 0xEE, 24);
    return import_bytes("Kerberos", blob, sizeof(blob));
}
static SECURITY_STATUS r_import_w_lone_surrogate(void)
{
    unsigned char blob[64] = "SSPB";
    SecBuffer packed = {sizeof(blob), SECBUFFER_EMPTY, blob};
    CtxtHandle h;
    return ImportSecurityContextW(w_lone_high, &packed, NULL, &h);
}
static SECURITY_STATUS r_free_null(void)
{
    return FreeContextBuffer(NULL);
}
static SECURITY_STATUS r_free_stack_pointer(void)
{
    char on_stack[16];
    return FreeContextBuffer(on_stack);
}
static SECURITY_STATUS r_free_foreign_heap(void)
{
    void *p = malloc(32);
    SECURITY_STATUS st = FreeContextBuffer(p);
    free(p); /* still ours: FreeContextBuffer must have left it alone */
    return st;
}
static SECURITY_STATUS r_free_inside_block(void)
{
    PSecPkgInfoA info = NULL;
    SECURITY_STATUS st = QuerySecurityPackageInfoA((SEC_CHAR *)"Kerberos", &info);
    if (st != SEC_E_OK)
        return SEC_E_INTERNAL_ERROR;
    st = FreeContextBuffer((char *)info + 1);
    if (FreeContextBuffer(info) != SEC_E_OK)
        return SEC_E_INTERNAL_ERROR;
    return st;
}
static SECURITY_STATUS r_free_twice(void)
{
    PSecPkgInfoW info = NULL;
    if (QuerySecurityPackageInfoW((SEC_WCHAR *)u"Kerberos", &info) != SEC_E_OK ||
        FreeContextBuffer(info) != SEC_E_OK)
        return SEC_E_INTERNAL_ERROR;
    return FreeContextBuffer(info);
}
static SECURITY_STATUS r_free_function_table(void)
{
    return FreeContextBuffer(InitSecurityInterfaceA());
}
static SECURITY_STATUS r_delete_null(void)
{
    return DeleteSecurityContext(NULL);
}
static SECURITY_STATUS r_delete_cred_handle(void)
{
    return DeleteSecurityContext((PCtxtHandle)&P.icred);
}
static SECURITY_STATUS r_free_cred_context_handle(void)
{
    return FreeCredentialsHandle((PCredHandle)&P.actx);
}

static const call_row lifetime_rows[] = {
    {"ExportSecurityContext, NULL pPackedContext", SEC_E_INVALID_PARAMETER, r_export_null_packed},
    {"ExportSecurityContext, unknown flag 0x80000000", SEC_E_INVALID_PARAMETER, r_export_unknown_flag},
    {"ExportSecurityContext, SECPKG_CONTEXT_EXPORT_TO_KERNEL", SEC_E_UNSUPPORTED_FUNCTION, r_export_to_kernel},
    {"ExportSecurityContext, NULL handle", SEC_E_INVALID_HANDLE, r_export_null_handle},
    {"ImportSecurityContextA, NULL pPackedContext", SEC_E_INVALID_PARAMETER, r_import_null_packed},
    {"ImportSecurityContextA, NULL phContext", SEC_E_INVALID_PARAMETER, r_import_null_handle},
    {"ImportSecurityContextA, NULL pvBuffer and 100 bytes", SEC_E_INVALID_TOKEN, r_import_null_memory},
    {"ImportSecurityContextA, GSS token length 0xFFFFFFFF", SEC_E_INVALID_TOKEN, r_import_token_length_overflows},
    {"ImportSecurityContextA, GSS token length wrapping 32 bits", SEC_E_INVALID_TOKEN,
     r_import_token_length_wraps},
    {"ImportSecurityContextA, GSS token of garbage", SEC_E_INVALID_TOKEN, r_import_garbage_gss_token},
    {"ImportSecurityContextW, package with a lone surrogate", SEC_E_SECPKG_NOT_FOUND, r_import_w_lone_surrogate},
    {"FreeContextBuffer, NULL", SEC_E_OK, r_free_null},
    {"FreeContextBuffer, a stack address", SEC_E_INVALID_PARAMETER, r_free_stack_pointer},
    {"FreeContextBuffer, the caller's own malloc block", SEC_E_INVALID_PARAMETER, r_free_foreign_heap},
    {"FreeContextBuffer, inside a block it handed out", SEC_E_INVALID_PARAMETER, r_free_inside_block},
    {"FreeContextBuffer, a block already freed", SEC_E_INVALID_PARAMETER, r_free_twice},
    {"FreeContextBuffer, the static function table", SEC_E_INVALID_PARAMETER, r_free_function_table},
    {"DeleteSecurityContext, NULL", SEC_E_INVALID_HANDLE, r_delete_null},
    {"DeleteSecurityContext, a credential handle", SEC_E_INVALID_HANDLE, r_delete_cred_handle},
    {"FreeCredentialsHandle, a context handle", SEC_E_INVALID_HANDLE, r_free_cred_context_handle},
};

static void test_lifetime_function_arguments(void)
{
    RUN_ROWS(lifetime_rows);
    /* The credential handle DeleteSecurityContext was given still makes contexts. */
    rel_pair q = P;
    est_result res;
    CU_ASSERT_EQUAL(est_run(&P.icred, &P.acred, "host/localhost", NULL, &q.ictx, &q.actx, &res), 0);
    CU_ASSERT_EQUAL(DeleteSecurityContext(&q.ictx), SEC_E_OK);
    CU_ASSERT_EQUAL(DeleteSecurityContext(&q.actx), SEC_E_OK);
}

static void test_function_tables_are_complete_and_stable(void)
{
    PSecurityFunctionTableA a = InitSecurityInterfaceA();
    PSecurityFunctionTableW w = InitSecurityInterfaceW();
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(w);
    CU_ASSERT_PTR_EQUAL(a, InitSecurityInterfaceA());
    /* Every entry is callable with bad arguments and answers, never crashes. */
    CU_ASSERT_EQUAL(a->EncryptMessage(NULL, 0, NULL, 0), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(w->DecryptMessage(NULL, NULL, 0, NULL), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(a->QueryContextAttributesA(NULL, 0, NULL), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(w->FreeCredentialsHandle(NULL), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(w->QuerySecurityPackageInfoW(NULL, NULL), SEC_E_INVALID_PARAMETER);
    expect_state_unchanged("function tables", __LINE__);
}

static CU_TestInfo tests[] = {
    {"message descriptor shapes give their exact status", test_message_descriptor_shapes_give_exact_status},
    {"unknown and empty buffers beside a message are ignored",
     test_unknown_and_empty_buffers_beside_a_message_are_ignored},
    {"read-only DATA is signed but never written", test_readonly_data_is_signed_but_never_written},
    {"stream headers declaring huge sizes are incomplete, not over-read",
     test_stream_headers_declaring_huge_sizes_are_incomplete_not_overread},
    {"an RFC 1964 token in an AES stream is SEC_E_INVALID_TOKEN, not a crash",
     test_rfc1964_token_in_an_aes_stream_is_invalid_token_not_a_crash},
    {"a cut signature is SEC_E_INVALID_TOKEN, not an abort", test_cut_signature_is_invalid_token_not_an_abort},
    {"a read-only EMPTY buffer keeps its type", test_readonly_empty_buffer_keeps_its_type},
    {"a message from another context is SEC_E_MESSAGE_ALTERED",
     test_message_from_another_context_is_message_altered},
    {"a context with its last token pending is not established yet",
     test_context_with_its_last_token_pending_is_not_established_yet},
    {"package function arguments", test_package_function_arguments},
    {"credential function arguments", test_credential_function_arguments},
    {"identity strings that do not decode are refused", test_identity_strings_that_do_not_decode_are_refused},
    {"InitializeSecurityContext arguments", test_initialize_security_context_arguments},
    {"a garbage reply kills only its own context", test_garbage_reply_kills_only_its_own_context},
    {"AcceptSecurityContext arguments", test_accept_security_context_arguments},
    {"attribute and unsupported function arguments", test_attribute_and_unsupported_function_arguments},
    {"message function arguments", test_message_function_arguments},
    {"export, import, FreeContextBuffer and delete arguments", test_lifetime_function_arguments},
    {"function tables are complete and stable", test_function_tables_are_complete_and_stable},
    CU_TEST_INFO_NULL,
};

SSPI_TEST_MAIN("malformed arguments", suite_init, suite_clean, tests)
