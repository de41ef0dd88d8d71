/* Message protection through the bridge (EncryptMessage, DecryptMessage, MakeSignature,
 * VerifySignature) against throwaway realms, one per session-key enctype: every buffer
 * layout bridge to bridge and against raw GSSAPI in both directions, sizes, DCE style,
 * every rejection with its exact status, and one sender plus one receiver thread per
 * context. */
#include "bridge/backend.h"
#include "bridge/ctx.h"
#include "bridge/handle.h"
#include "bridge/msg_sizes.h"
#include "tests/common/establish.h"
#include "tests/common/test_main.h"
#include "tests/realm/realm.h"

#include <gssapi/gssapi.h>
#include <gssapi/gssapi_ext.h>
#include <gssapi/gssapi_krb5.h>
#include <pthread.h>
#include <security.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOKEN_MAX 65536
#define WIRE_MAX  8192

/* ---- Realms: one per session-key enctype ----------------------------------------------- */

typedef struct etype {
    const char *name;  /* MIT's enctype name */
    const char *realm; /* the realm's name */
    unsigned char number; /* RFC 3961 enctype number */
    int cfx;           /* RFC 4121 tokens (RC4 uses RFC 4757's) */
} etype;

enum { E_AES256, E_AES128, E_AES256_SHA384, E_AES128_SHA256, E_CAMELLIA256, E_RC4, E_COUNT };

#define ENAME_E_AES256        "aes256-cts-hmac-sha1-96"
#define ENAME_E_AES128        "aes128-cts-hmac-sha1-96"
#define ENAME_E_AES256_SHA384 "aes256-cts-hmac-sha384-192"
#define ENAME_E_AES128_SHA256 "aes128-cts-hmac-sha256-128"
#define ENAME_E_CAMELLIA256   "camellia256-cts-cmac"
#define ENAME_E_RC4           "rc4-hmac"

static const etype etypes[E_COUNT] = {
    {ENAME_E_AES256, "AES256.SSPIBRIDGE.TEST", 18, 1},
    {ENAME_E_AES128, "AES128.SSPIBRIDGE.TEST", 17, 1},
    {ENAME_E_AES256_SHA384, "AES256SHA384.SSPIBRIDGE.TEST", 20, 1},
    {ENAME_E_AES128_SHA256, "AES128SHA256.SSPIBRIDGE.TEST", 19, 1},
    {ENAME_E_CAMELLIA256, "CAMELLIA256.SSPIBRIDGE.TEST", 26, 1},
    {ENAME_E_RC4, "RC4.SSPIBRIDGE.TEST", 23, 0},
};

static realm realms[E_COUNT];
static int current = -1;

static int suite_init(void)
{
    for (int e = 0; e < E_COUNT; e++) {
        realm_opts opts = {etypes[e].name, NULL, etypes[e].realm, 0};
        if (realm_up(&opts, &realms[e]) != 0 || realm_kinit(&realms[e]) != 0)
            return -1;
        current = e;
    }
    return 0;
}

static int suite_clean(void)
{
    for (int e = 0; e < E_COUNT; e++)
        realm_down(&realms[e]);
    return 0;
}

static void use_realm(int e)
{
    if (current != e) {
        CU_ASSERT_EQUAL_FATAL(realm_activate(&realms[e]), 0);
        current = e;
    }
}

/* ---- Contexts ---------------------------------------------------------------------------- */

/* What resending a message intact gives after its altered copy was refused, on a context with
 * sequence detection. MIT checks the checksum first, so the intact copy is still in
 * sequence; Heimdal records the sequence number first (cfx.c: _gssapi_msg_order_check before
 * decrypting) in RFC 4121 tokens, so the intact copy is a duplicate there (README,
 * "Heimdal backend"); its RC4 code checks the checksum first, as MIT does. */
static SECURITY_STATUS retry_after_altered(int cfx)
{
    return test_backend_heimdal() && cfx ? SEC_E_OUT_OF_SEQUENCE : SEC_E_OK;
}

/* What message tests ask for: confidentiality, replay and sequence detection. */
#define ISC_MSG (ISC_REQ_MUTUAL_AUTH | ISC_REQ_CONFIDENTIALITY | ISC_REQ_INTEGRITY | \
                 ISC_REQ_REPLAY_DETECT | ISC_REQ_SEQUENCE_DETECT)
#define ASC_MSG (ASC_REQ_MUTUAL_AUTH | ASC_REQ_CONFIDENTIALITY | ASC_REQ_INTEGRITY | \
                 ASC_REQ_REPLAY_DETECT | ASC_REQ_SEQUENCE_DETECT)
#define ISC_DCE (ISC_MSG | ISC_REQ_USE_DCE_STYLE)
#define ASC_DCE (ASC_MSG | ASC_REQ_USE_DCE_STYLE)
#define GSS_MSG (GSS_C_MUTUAL_FLAG | GSS_C_CONF_FLAG | GSS_C_INTEG_FLAG | GSS_C_REPLAY_FLAG | \
                 GSS_C_SEQUENCE_FLAG)

static void pair(ULONG isc_req, ULONG asc_req, CtxtHandle *ictx, CtxtHandle *actx)
{
    CredHandle ic, ac;
    est_result res;
    est_opts opts = {isc_req, asc_req, NULL, NULL, 0};
    CU_ASSERT_EQUAL_FATAL(est_acquire("Kerberos", NULL, SECPKG_CRED_OUTBOUND, NULL, &ic), SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(est_acquire("Kerberos", NULL, SECPKG_CRED_INBOUND, NULL, &ac), SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(est_run(&ic, &ac, "host/localhost", &opts, ictx, actx, &res), 0);
    FreeCredentialsHandle(&ic);
    FreeCredentialsHandle(&ac);
}

static void unpair(CtxtHandle *ictx, CtxtHandle *actx)
{
    CU_ASSERT_EQUAL(DeleteSecurityContext(ictx), SEC_E_OK);
    CU_ASSERT_EQUAL(DeleteSecurityContext(actx), SEC_E_OK);
}

/* A bridge initiator and a raw GSSAPI acceptor (three legs in DCE style). */
static void bridge_to_raw(ULONG isc_req, CtxtHandle *ictx, gss_ctx_id_t *g)
{
    static unsigned char tok[TOKEN_MAX];
    CredHandle ic;
    ULONG attrs;
    OM_uint32 major = GSS_S_CONTINUE_NEEDED, minor;
    SECURITY_STATUS s = SEC_I_CONTINUE_NEEDED;
    gss_buffer_desc in, reply = GSS_C_EMPTY_BUFFER;
    int first = 1;

    *g = GSS_C_NO_CONTEXT;
    CU_ASSERT_EQUAL_FATAL(est_acquire("Kerberos", NULL, SECPKG_CRED_OUTBOUND, NULL, &ic), SEC_E_OK);
    for (int round = 0; round < 4 && (s == SEC_I_CONTINUE_NEEDED || major == GSS_S_CONTINUE_NEEDED);
         round++) {
        ULONG out_len = 0;
        if (s == SEC_I_CONTINUE_NEEDED) {
            SecBuffer ib = {(ULONG)reply.length, SECBUFFER_TOKEN, reply.value};
            SecBuffer ob = {sizeof(tok), SECBUFFER_TOKEN, tok};
            SecBufferDesc ibd = {SECBUFFER_VERSION, 1, &ib}, obd = {SECBUFFER_VERSION, 1, &ob};
            s = InitializeSecurityContextA(&ic, first ? NULL : ictx, (SEC_CHAR *)"host/localhost",
                                           isc_req, 0, SECURITY_NATIVE_DREP, first ? NULL : &ibd, 0,
                                           ictx, &obd, &attrs, NULL);
            first = 0;
            CU_ASSERT_FATAL(s == SEC_E_OK || s == SEC_I_CONTINUE_NEEDED);
            out_len = ob.cbBuffer;
        }
        gss_release_buffer(&minor, &reply);
        if (out_len > 0 && major == GSS_S_CONTINUE_NEEDED) {
            in.value = tok;
            in.length = out_len;
            major = gss_accept_sec_context(&minor, g, GSS_C_NO_CREDENTIAL, &in,
                                           GSS_C_NO_CHANNEL_BINDINGS, NULL, NULL, &reply, NULL, NULL,
                                           NULL);
            CU_ASSERT_FATAL(!GSS_ERROR(major));
        }
    }
    gss_release_buffer(&minor, &reply);
    CU_ASSERT_EQUAL_FATAL(s, SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(major, GSS_S_COMPLETE);
    FreeCredentialsHandle(&ic);
}

/* A raw GSSAPI initiator and a bridge acceptor. */
static void raw_to_bridge(OM_uint32 gss_req, ULONG asc_req, gss_ctx_id_t *g, CtxtHandle *actx)
{
    static unsigned char tok[TOKEN_MAX];
    CredHandle ac;
    ULONG attrs;
    OM_uint32 major = GSS_S_CONTINUE_NEEDED, minor;
    SECURITY_STATUS s = SEC_I_CONTINUE_NEEDED;
    gss_buffer_desc namebuf = {strlen("host@localhost"), (void *)"host@localhost"};
    gss_buffer_desc in = GSS_C_EMPTY_BUFFER, out = GSS_C_EMPTY_BUFFER;
    gss_name_t target;
    int first = 1;

    *g = GSS_C_NO_CONTEXT;
    CU_ASSERT_EQUAL_FATAL(gss_import_name(&minor, &namebuf, GSS_C_NT_HOSTBASED_SERVICE, &target),
                          GSS_S_COMPLETE);
    CU_ASSERT_EQUAL_FATAL(est_acquire("Kerberos", NULL, SECPKG_CRED_INBOUND, NULL, &ac), SEC_E_OK);
    for (int round = 0; round < 4 && (s == SEC_I_CONTINUE_NEEDED || major == GSS_S_CONTINUE_NEEDED);
         round++) {
        if (major == GSS_S_CONTINUE_NEEDED) {
            major = gss_init_sec_context(&minor, GSS_C_NO_CREDENTIAL, g, target,
                                         (gss_OID)gss_mech_krb5, gss_req, 0,
                                         GSS_C_NO_CHANNEL_BINDINGS, &in, NULL, &out, NULL, NULL);
            CU_ASSERT_FATAL(!GSS_ERROR(major));
        }
        in.length = 0;
        if (out.length > 0 && s == SEC_I_CONTINUE_NEEDED) {
            SecBuffer ib = {(ULONG)out.length, SECBUFFER_TOKEN, out.value};
            SecBuffer ob = {sizeof(tok), SECBUFFER_TOKEN, tok};
            SecBufferDesc ibd = {SECBUFFER_VERSION, 1, &ib}, obd = {SECBUFFER_VERSION, 1, &ob};
            s = AcceptSecurityContext(&ac, first ? NULL : actx, &ibd, asc_req, SECURITY_NATIVE_DREP,
                                      actx, &obd, &attrs, NULL);
            first = 0;
            CU_ASSERT_FATAL(s == SEC_E_OK || s == SEC_I_CONTINUE_NEEDED);
            in.value = tok;
            in.length = ob.cbBuffer;
        }
        gss_release_buffer(&minor, &out);
    }
    CU_ASSERT_EQUAL_FATAL(s, SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(major, GSS_S_COMPLETE);
    gss_release_name(&minor, &target);
    FreeCredentialsHandle(&ac);
}

static void raw_delete(gss_ctx_id_t *g)
{
    OM_uint32 minor;
    gss_delete_sec_context(&minor, g, GSS_C_NO_BUFFER);
}

static SecPkgContext_Sizes sizes_of(CtxtHandle *h)
{
    SecPkgContext_Sizes sz = {0, 0, 0, 0};
    ctx *c = ctx_get(h);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_EQUAL(msg_sizes(c, &sz), SEC_E_OK);
    ctx_put(c);
    return sz;
}

/* ---- Messages ---------------------------------------------------------------------------- */

/* A wrap token as it travels: TOKEN || DATA || PADDING with the sizes EncryptMessage wrote. */
typedef struct wire {
    unsigned char b[WIRE_MAX];
    size_t len;
    ULONG token, data, pad;
} wire;

static const char text[] = "The quick brown fox jumps over the lazy dog";
#define TEXT_LEN (sizeof(text) - 1)

/* EncryptMessage of s in TOKEN | DATA | PADDING; on success w holds the concatenation. */
static SECURITY_STATUS seal(CtxtHandle *h, ULONG qop, const void *s, size_t n, wire *w)
{
    unsigned char tok[512], data[2048], pad[64];
    SecBuffer b[3] = {{sizeof(tok), SECBUFFER_TOKEN, tok},
                      {(ULONG)n, SECBUFFER_DATA, data},
                      {sizeof(pad), SECBUFFER_PADDING, pad}};
    SecBufferDesc d = {SECBUFFER_VERSION, 3, b};
    memcpy(data, s, n);
    SECURITY_STATUS st = EncryptMessage(h, qop, &d, 0);
    if (st != SEC_E_OK)
        return st;
    w->token = b[0].cbBuffer;
    w->data = b[1].cbBuffer;
    w->pad = b[2].cbBuffer;
    w->len = (size_t)w->token + w->data + w->pad;
    memcpy(w->b, tok, w->token);
    memcpy(w->b + w->token, data, w->data);
    memcpy(w->b + w->token + w->data, pad, w->pad);
    return st;
}

/* DecryptMessage of a whole token in STREAM | DATA. *out points into stream. */
static SECURITY_STATUS open_stream(CtxtHandle *h, unsigned char *stream, size_t len, SecBuffer *out,
                                   ULONG *qop)
{
    SecBuffer b[2] = {{(ULONG)len, SECBUFFER_STREAM, stream}, {0, SECBUFFER_DATA, NULL}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    SECURITY_STATUS st = DecryptMessage(h, &d, 0, qop);
    *out = b[1];
    return st;
}

/* DecryptMessage of a wire in TOKEN | DATA (| PADDING when the token has one). */
static SECURITY_STATUS open_token(CtxtHandle *h, wire *w, SecBuffer *out, ULONG *qop)
{
    SecBuffer b[3] = {{w->token, SECBUFFER_TOKEN, w->b},
                      {w->data, SECBUFFER_DATA, w->b + w->token},
                      {w->pad, SECBUFFER_PADDING, w->b + w->token + w->data}};
    SecBufferDesc d = {SECBUFFER_VERSION, w->pad ? 3 : 2, b};
    SECURITY_STATUS st = DecryptMessage(h, &d, 0, qop);
    *out = b[1];
    return st;
}

static int data_is(const SecBuffer *b, const void *s, size_t n)
{
    return b->cbBuffer == n && (n == 0 || (b->pvBuffer != NULL && memcmp(b->pvBuffer, s, n) == 0));
}

/* A round trip through the stream form on contexts a -> b. */
static void stream_round_trip(CtxtHandle *a, CtxtHandle *b)
{
    wire w;
    SecBuffer out;
    ULONG qop = 7;
    CU_ASSERT_EQUAL_FATAL(seal(a, 0, text, TEXT_LEN, &w), SEC_E_OK);
    CU_ASSERT_EQUAL(open_stream(b, w.b, w.len, &out, &qop), SEC_E_OK);
    CU_ASSERT(data_is(&out, text, TEXT_LEN));
    CU_ASSERT_EQUAL(qop, 0);
}

/* ---- Per-enctype behaviour -------------------------------------------------------------- */

/* RFC 4121 / Windows: the session key in use is of the realm's enctype. The raw GSSAPI peer
 * names it: GSS_C_INQ_SSPI_SESSION_KEY's second element is the OID
 * 1.2.840.113554.1.2.2.4.<enctype>. */
static void t_session_key_has_the_enctype(int e)
{
    static const unsigned char prefix[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x12, 0x01, 0x02, 0x02, 0x04};
    CtxtHandle ictx;
    gss_ctx_id_t g;
    gss_buffer_set_t set = GSS_C_NO_BUFFER_SET;
    OM_uint32 minor;

    use_realm(e);
    bridge_to_raw(ISC_MSG, &ictx, &g);
    CU_ASSERT_EQUAL_FATAL(backend_session_key(&minor, g, &set),
                          GSS_S_COMPLETE);
    CU_ASSERT_EQUAL_FATAL(set->count, 2);
    CU_ASSERT_EQUAL(set->elements[1].length, sizeof(prefix) + 1);
    CU_ASSERT_EQUAL(memcmp(set->elements[1].value, prefix, sizeof(prefix)), 0);
    CU_ASSERT_EQUAL(((unsigned char *)set->elements[1].value)[sizeof(prefix)], etypes[e].number);
    explicit_bzero(set->elements[0].value, set->elements[0].length);
    gss_release_buffer_set(&minor, &set);
    raw_delete(&g);
    DeleteSecurityContext(&ictx);
}

/* SecPkgContext_Sizes is what EncryptMessage / MakeSignature then write and what the raw
 * peer's gss_wrap_iov_length says; AES-SHA1 has Windows' 28 / 60 (76 in DCE style). */
static void t_sizes_are_what_gssapi_needs(int e)
{
    CtxtHandle ictx, actx, dictx, dactx, rctx;
    gss_ctx_id_t g;
    OM_uint32 minor;
    unsigned char tok[512], data[64], pad[64];

    use_realm(e);
    pair(ISC_MSG, ASC_MSG, &ictx, &actx);
    pair(ISC_DCE, ASC_DCE, &dictx, &dactx);
    SecPkgContext_Sizes sz = sizes_of(&ictx), asz = sizes_of(&actx), dsz = sizes_of(&dictx);
    printf("\n    sizes %-27s cbMaxToken %u cbMaxSignature %u cbBlockSize %u cbSecurityTrailer %u "
           "(DCE: %u %u %u)", etypes[e].name, (unsigned)sz.cbMaxToken, (unsigned)sz.cbMaxSignature,
           (unsigned)sz.cbBlockSize, (unsigned)sz.cbSecurityTrailer, (unsigned)dsz.cbMaxSignature,
           (unsigned)dsz.cbBlockSize, (unsigned)dsz.cbSecurityTrailer);
    CU_ASSERT_EQUAL(sz.cbMaxToken, 48000);
    CU_ASSERT_EQUAL(memcmp(&sz, &asz, sizeof(sz)), 0);
    CU_ASSERT_EQUAL(sz.cbBlockSize, 1);
    CU_ASSERT_EQUAL(dsz.cbMaxSignature, sz.cbMaxSignature);
    if (e == E_AES256 || e == E_AES128) {
        CU_ASSERT_EQUAL(sz.cbMaxSignature, 28);
        CU_ASSERT_EQUAL(sz.cbSecurityTrailer, 60);
        CU_ASSERT_EQUAL(dsz.cbSecurityTrailer, 76);
    } else if (e == E_RC4) {
        /* Windows: "up to 49", the header of a message whose DER length takes 4 bytes; in
         * DCE style the framing covers the header only. */
        CU_ASSERT_EQUAL(sz.cbSecurityTrailer, 49);
        CU_ASSERT_EQUAL(dsz.cbSecurityTrailer, 45);
    } else {
        CU_ASSERT(sz.cbMaxSignature > 28);
        CU_ASSERT(sz.cbSecurityTrailer > 44);
    }

    /* What EncryptMessage writes for a message. */
    SecBuffer b[3] = {{sz.cbSecurityTrailer, SECBUFFER_TOKEN, tok},
                      {TEXT_LEN, SECBUFFER_DATA, data},
                      {sz.cbBlockSize, SECBUFFER_PADDING, pad}};
    SecBufferDesc d = {SECBUFFER_VERSION, 3, b};
    memcpy(data, text, TEXT_LEN);
    CU_ASSERT_EQUAL_FATAL(EncryptMessage(&ictx, 0, &d, 0), SEC_E_OK);
    if (etypes[e].cfx) {
        CU_ASSERT_EQUAL(b[0].cbBuffer, sz.cbSecurityTrailer);
    } else {
        CU_ASSERT(b[0].cbBuffer <= sz.cbSecurityTrailer);
    }
    CU_ASSERT(b[2].cbBuffer <= sz.cbBlockSize);

    /* What MakeSignature writes. MIT's gss_get_mic_iov_length counts the RFC 4757 confounder
     * a MIC token does not have (8 bytes): for RC4 the reported size is an upper bound. */
    SecBuffer m[2] = {{TEXT_LEN, SECBUFFER_DATA, data}, {sz.cbMaxSignature, SECBUFFER_TOKEN, tok}};
    SecBufferDesc md = {SECBUFFER_VERSION, 2, m};
    CU_ASSERT_EQUAL_FATAL(MakeSignature(&ictx, 0, &md, 0), SEC_E_OK);
    if (etypes[e].cfx) {
        CU_ASSERT_EQUAL(m[1].cbBuffer, sz.cbMaxSignature);
    } else {
        CU_ASSERT(m[1].cbBuffer <= sz.cbMaxSignature);
    }

    /* The raw GSSAPI peer of the same realm needs the same header for the largest message. */
    bridge_to_raw(ISC_MSG, &rctx, &g);
    gss_iov_buffer_desc iov[3] = {{GSS_IOV_BUFFER_TYPE_HEADER, {0, NULL}},
                                  {GSS_IOV_BUFFER_TYPE_DATA, {0x7fff0000, NULL}},
                                  {GSS_IOV_BUFFER_TYPE_PADDING, {0, NULL}}};
    CU_ASSERT_EQUAL(gss_wrap_iov_length(&minor, g, 1, GSS_C_QOP_DEFAULT, NULL, iov, 3), GSS_S_COMPLETE);
    CU_ASSERT_EQUAL(iov[0].buffer.length, sz.cbSecurityTrailer);
    raw_delete(&g);
    DeleteSecurityContext(&rctx);
    DeleteSecurityContext(&dictx);
    DeleteSecurityContext(&dactx);
    unpair(&ictx, &actx);
}

/* A TOKEN buffer of exactly what the message needs works; one byte less is
 * SEC_E_BUFFER_TOO_SMALL and nothing is written. */
static void t_token_of_exact_size_works_one_less_is_too_small(int e)
{
    CtxtHandle ictx, actx, rctx;
    gss_ctx_id_t g;
    OM_uint32 minor;
    unsigned char tok[512], data[64], pad[64];

    use_realm(e);
    pair(ISC_MSG, ASC_MSG, &ictx, &actx);
    SecPkgContext_Sizes sz = sizes_of(&ictx);
    /* What this message needs, from a raw peer of the same enctype. */
    bridge_to_raw(ISC_MSG, &rctx, &g);
    gss_iov_buffer_desc iov[3] = {{GSS_IOV_BUFFER_TYPE_HEADER, {0, NULL}},
                                  {GSS_IOV_BUFFER_TYPE_DATA, {TEXT_LEN, NULL}},
                                  {GSS_IOV_BUFFER_TYPE_PADDING, {0, NULL}}};
    CU_ASSERT_EQUAL(gss_wrap_iov_length(&minor, g, 1, GSS_C_QOP_DEFAULT, NULL, iov, 3), GSS_S_COMPLETE);
    ULONG need = (ULONG)iov[0].buffer.length;
    raw_delete(&g);
    DeleteSecurityContext(&rctx);
    if (etypes[e].cfx)
        CU_ASSERT_EQUAL(need, sz.cbSecurityTrailer);

    memset(tok, 0xAB, sizeof(tok));
    memcpy(data, text, TEXT_LEN);
    SecBuffer b[3] = {{need - 1, SECBUFFER_TOKEN, tok},
                      {TEXT_LEN, SECBUFFER_DATA, data},
                      {sizeof(pad), SECBUFFER_PADDING, pad}};
    SecBufferDesc d = {SECBUFFER_VERSION, 3, b};
    CU_ASSERT_EQUAL(EncryptMessage(&ictx, 0, &d, 0), SEC_E_BUFFER_TOO_SMALL);
    CU_ASSERT_EQUAL(b[0].cbBuffer, need - 1);
    CU_ASSERT_EQUAL(tok[0], 0xAB);
    CU_ASSERT_EQUAL(memcmp(data, text, TEXT_LEN), 0);

    b[0].cbBuffer = need;
    b[2].cbBuffer = sizeof(pad);
    CU_ASSERT_EQUAL_FATAL(EncryptMessage(&ictx, 0, &d, 0), SEC_E_OK);
    CU_ASSERT_EQUAL(b[0].cbBuffer, need);
    /* The failed call consumed no sequence number: the peer takes this one in order. */
    wire w;
    w.token = b[0].cbBuffer;
    w.data = b[1].cbBuffer;
    w.pad = b[2].cbBuffer;
    w.len = (size_t)w.token + w.data + w.pad;
    memcpy(w.b, tok, w.token);
    memcpy(w.b + w.token, data, w.data);
    memcpy(w.b + w.token + w.data, pad, w.pad);
    SecBuffer out;
    CU_ASSERT_EQUAL(open_stream(&actx, w.b, w.len, &out, NULL), SEC_E_OK);
    CU_ASSERT(data_is(&out, text, TEXT_LEN));
    unpair(&ictx, &actx);
}

/* TOKEN | DATA | PADDING, sent as one stream: STREAM | DATA gives DATA inside the stream. */
static void t_token_data_padding_round_trips_as_stream(int e)
{
    CtxtHandle ictx, actx;
    wire w;
    SecBuffer out;
    ULONG qop = 7;

    use_realm(e);
    pair(ISC_MSG, ASC_MSG, &ictx, &actx);
    CU_ASSERT_EQUAL_FATAL(seal(&ictx, 0, text, TEXT_LEN, &w), SEC_E_OK);
    CU_ASSERT_NOT_EQUAL(memcmp(w.b + w.token, text, TEXT_LEN), 0); /* encrypted in place */
    CU_ASSERT_EQUAL(open_stream(&actx, w.b, w.len, &out, &qop), SEC_E_OK);
    CU_ASSERT(data_is(&out, text, TEXT_LEN));
    CU_ASSERT((unsigned char *)out.pvBuffer >= w.b && (unsigned char *)out.pvBuffer + out.cbBuffer <= w.b + w.len);
    CU_ASSERT_EQUAL(qop, 0);
    unpair(&ictx, &actx);
}

/* TOKEN | DATA both ways between the bridge's initiator and acceptor. */
static void t_token_data_round_trips_both_ways(int e)
{
    CtxtHandle ictx, actx;
    use_realm(e);
    pair(ISC_MSG, ASC_MSG, &ictx, &actx);
    for (int dir = 0; dir < 2; dir++) {
        CtxtHandle *from = dir ? &actx : &ictx, *to = dir ? &ictx : &actx;
        unsigned char tok[512], data[64], pad[64];
        SecBuffer b[3] = {{sizeof(tok), SECBUFFER_TOKEN, tok},
                          {TEXT_LEN, SECBUFFER_DATA, data},
                          {sizeof(pad), SECBUFFER_PADDING, pad}};
        SecBufferDesc d = {SECBUFFER_VERSION, 3, b};
        ULONG qop = 7;
        memcpy(data, text, TEXT_LEN);
        CU_ASSERT_EQUAL_FATAL(EncryptMessage(from, 0, &d, 0), SEC_E_OK);
        /* The receiver gets TOKEN | DATA | PADDING as the sender left them. */
        d.cBuffers = b[2].cbBuffer ? 3 : 2;
        CU_ASSERT_EQUAL(DecryptMessage(to, &d, 0, &qop), SEC_E_OK);
        CU_ASSERT(data_is(&b[1], text, TEXT_LEN));
        CU_ASSERT_PTR_EQUAL(b[1].pvBuffer, data);
        CU_ASSERT_EQUAL(qop, 0);
    }
    unpair(&ictx, &actx);
}

/* Several DATA buffers and READONLY / READONLY_WITH_CHECKSUM ones, found by type in any
 * order: DATA encrypted, read-only ones signed and untouched; tampering with a read-only
 * buffer is caught. */
static void t_several_data_and_sign_only_buffers_round_trip(int e)
{
    CtxtHandle ictx, actx;
    unsigned char tok[512], d1[16], d2[16], hdr[8] = "HEADER!", trl[8] = "TRAILER", pad[16];
    use_realm(e);
    pair(ISC_MSG, ASC_MSG, &ictx, &actx);
    memcpy(d1, "first part 0123", 16);
    memcpy(d2, "second part 456", 16);
    SecBuffer b[7] = {{sizeof(hdr), SECBUFFER_DATA | SECBUFFER_READONLY_WITH_CHECKSUM, hdr},
                      {16, SECBUFFER_DATA, d1},
                      {0, SECBUFFER_EMPTY, NULL},
                      {16, SECBUFFER_DATA, d2},
                      {sizeof(trl), SECBUFFER_DATA | SECBUFFER_READONLY, trl},
                      {sizeof(tok), SECBUFFER_TOKEN, tok},
                      {sizeof(pad), SECBUFFER_PADDING, pad}};
    SecBufferDesc d = {SECBUFFER_VERSION, 7, b};
    CU_ASSERT_EQUAL_FATAL(EncryptMessage(&ictx, 0, &d, 0), SEC_E_OK);
    CU_ASSERT_EQUAL(memcmp(hdr, "HEADER!", 8), 0);
    CU_ASSERT_EQUAL(memcmp(trl, "TRAILER", 8), 0);
    CU_ASSERT_NOT_EQUAL(memcmp(d1, "first part 0123", 16), 0);

    unsigned char keep[4][512];
    memcpy(keep[0], tok, b[5].cbBuffer);
    memcpy(keep[1], d1, 16);
    memcpy(keep[2], d2, 16);
    memcpy(keep[3], pad, b[6].cbBuffer);
    /* A changed read-only buffer is an altered message, and the context goes on. */
    hdr[0] ^= 1;
    CU_ASSERT_EQUAL(DecryptMessage(&actx, &d, 0, NULL), SEC_E_MESSAGE_ALTERED);
    hdr[0] ^= 1;
    memcpy(tok, keep[0], b[5].cbBuffer);
    memcpy(d1, keep[1], 16);
    memcpy(d2, keep[2], 16);
    memcpy(pad, keep[3], b[6].cbBuffer);
    CU_ASSERT_EQUAL(DecryptMessage(&actx, &d, 0, NULL), retry_after_altered(etypes[e].cfx));
    if (retry_after_altered(etypes[e].cfx) == SEC_E_OK) {
        CU_ASSERT_EQUAL(memcmp(d1, "first part 0123", 16), 0);
        CU_ASSERT_EQUAL(memcmp(d2, "second part 456", 16), 0);
    }
    unpair(&ictx, &actx);
}

/* Our EncryptMessage -> gss_unwrap of TOKEN || DATA || PADDING. */
static void t_encrypt_message_unwraps_with_gss_unwrap(int e)
{
    CtxtHandle ictx;
    gss_ctx_id_t g;
    OM_uint32 minor;
    wire w;
    int conf = 0;
    use_realm(e);
    bridge_to_raw(ISC_MSG, &ictx, &g);
    for (int qop = 0; qop < 2; qop++) {
        gss_buffer_desc in, out = GSS_C_EMPTY_BUFFER;
        CU_ASSERT_EQUAL_FATAL(seal(&ictx, qop ? SECQOP_WRAP_NO_ENCRYPT : 0, text, TEXT_LEN, &w), SEC_E_OK);
        in.value = w.b;
        in.length = w.len;
        CU_ASSERT_EQUAL(gss_unwrap(&minor, g, &in, &out, &conf, NULL), GSS_S_COMPLETE);
        CU_ASSERT_EQUAL(out.length, TEXT_LEN);
        CU_ASSERT(out.length == TEXT_LEN && memcmp(out.value, text, TEXT_LEN) == 0);
        CU_ASSERT_EQUAL(conf, !qop);
        gss_release_buffer(&minor, &out);
    }
    raw_delete(&g);
    DeleteSecurityContext(&ictx);
}

/* gss_wrap -> our DecryptMessage STREAM | DATA, sealed and integrity-only. */
static void t_gss_wrap_decrypts_as_stream(int e)
{
    CtxtHandle actx;
    gss_ctx_id_t g;
    OM_uint32 minor;
    use_realm(e);
    raw_to_bridge(GSS_MSG, ASC_MSG, &g, &actx);
    for (int conf = 1; conf >= 0; conf--) {
        gss_buffer_desc in = {TEXT_LEN, (void *)text}, out = GSS_C_EMPTY_BUFFER;
        unsigned char stream[1024];
        SecBuffer data;
        ULONG qop = 7;
        CU_ASSERT_EQUAL_FATAL(gss_wrap(&minor, g, conf, GSS_C_QOP_DEFAULT, &in, NULL, &out), GSS_S_COMPLETE);
        memcpy(stream, out.value, out.length);
        CU_ASSERT_EQUAL(open_stream(&actx, stream, out.length, &data, &qop), SEC_E_OK);
        CU_ASSERT(data_is(&data, text, TEXT_LEN));
        CU_ASSERT_EQUAL(qop, conf ? 0 : SECQOP_WRAP_NO_ENCRYPT);
        gss_release_buffer(&minor, &out);
    }
    raw_delete(&g);
    DeleteSecurityContext(&actx);
}

/* gss_wrap_iov HEADER | DATA | PADDING (no TRAILER) -> our DecryptMessage TOKEN | DATA. */
static void t_gss_wrap_iov_decrypts_as_token_data(int e)
{
    CtxtHandle actx;
    gss_ctx_id_t g;
    OM_uint32 minor;
    use_realm(e);
    raw_to_bridge(GSS_MSG, ASC_MSG, &g, &actx);
    unsigned char hdr[512], data[64], pad[64];
    memcpy(data, text, TEXT_LEN);
    gss_iov_buffer_desc iov[3] = {{GSS_IOV_BUFFER_TYPE_HEADER, {sizeof(hdr), hdr}},
                                  {GSS_IOV_BUFFER_TYPE_DATA, {TEXT_LEN, data}},
                                  {GSS_IOV_BUFFER_TYPE_PADDING, {sizeof(pad), pad}}};
    CU_ASSERT_EQUAL_FATAL(gss_wrap_iov(&minor, g, 1, GSS_C_QOP_DEFAULT, NULL, iov, 3), GSS_S_COMPLETE);
    SecBuffer b[3] = {{(ULONG)iov[0].buffer.length, SECBUFFER_TOKEN, hdr},
                      {TEXT_LEN, SECBUFFER_DATA, data},
                      {(ULONG)iov[2].buffer.length, SECBUFFER_PADDING, pad}};
    SecBufferDesc d = {SECBUFFER_VERSION, iov[2].buffer.length ? 3 : 2, b};
    ULONG qop = 7;
    CU_ASSERT_EQUAL(DecryptMessage(&actx, &d, 0, &qop), SEC_E_OK);
    CU_ASSERT(data_is(&b[1], text, TEXT_LEN));
    CU_ASSERT_EQUAL(qop, 0);
    raw_delete(&g);
    DeleteSecurityContext(&actx);
}

/* MakeSignature DATA | TOKEN -> gss_verify_mic; TOKEN | DATA -> VerifySignature. */
static void t_make_signature_verifies_with_gss_and_bridge(int e)
{
    CtxtHandle ictx, actx;
    gss_ctx_id_t g;
    OM_uint32 minor;
    unsigned char tok[256], data[64];
    use_realm(e);
    memcpy(data, text, TEXT_LEN);

    bridge_to_raw(ISC_MSG, &ictx, &g);
    SecBuffer b[2] = {{TEXT_LEN, SECBUFFER_DATA, data}, {sizeof(tok), SECBUFFER_TOKEN, tok}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    CU_ASSERT_EQUAL_FATAL(MakeSignature(&ictx, 0, &d, 12345), SEC_E_OK);
    CU_ASSERT_EQUAL(memcmp(data, text, TEXT_LEN), 0);
    gss_buffer_desc msg = {TEXT_LEN, data}, mic = {b[1].cbBuffer, tok};
    CU_ASSERT_EQUAL(gss_verify_mic(&minor, g, &msg, &mic, NULL), GSS_S_COMPLETE);
    raw_delete(&g);
    DeleteSecurityContext(&ictx);

    pair(ISC_MSG, ASC_MSG, &ictx, &actx);
    SecBuffer r[2] = {{sizeof(tok), SECBUFFER_TOKEN, tok}, {TEXT_LEN, SECBUFFER_DATA, data}};
    SecBufferDesc rd = {SECBUFFER_VERSION, 2, r};
    ULONG qop = 7;
    CU_ASSERT_EQUAL_FATAL(MakeSignature(&actx, 0, &rd, 0), SEC_E_OK);
    CU_ASSERT_EQUAL(VerifySignature(&ictx, &rd, 0, &qop), SEC_E_OK);
    CU_ASSERT_EQUAL(qop, 0);
    unpair(&ictx, &actx);
}

/* gss_get_mic -> VerifySignature DATA | TOKEN. */
static void t_gss_get_mic_verifies_with_verify_signature(int e)
{
    CtxtHandle actx;
    gss_ctx_id_t g;
    OM_uint32 minor;
    use_realm(e);
    raw_to_bridge(GSS_MSG, ASC_MSG, &g, &actx);
    gss_buffer_desc msg = {TEXT_LEN, (void *)text}, mic = GSS_C_EMPTY_BUFFER;
    CU_ASSERT_EQUAL_FATAL(gss_get_mic(&minor, g, GSS_C_QOP_DEFAULT, &msg, &mic), GSS_S_COMPLETE);
    SecBuffer b[2] = {{TEXT_LEN, SECBUFFER_DATA, (void *)text}, {(ULONG)mic.length, SECBUFFER_TOKEN, mic.value}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    ULONG qop = 7;
    CU_ASSERT_EQUAL(VerifySignature(&actx, &d, 0, &qop), SEC_E_OK);
    CU_ASSERT_EQUAL(qop, 0);
    gss_release_buffer(&minor, &mic);
    raw_delete(&g);
    DeleteSecurityContext(&actx);
}

/* SECQOP_WRAP_NO_ENCRYPT: the data stays readable and pfQOP says so, both directions. */
static void t_integrity_only_wrap_reports_no_encrypt(int e)
{
    CtxtHandle ictx, actx;
    wire w;
    SecBuffer out;
    ULONG qop = 0;
    use_realm(e);
    pair(ISC_MSG, ASC_MSG, &ictx, &actx);
    CU_ASSERT_EQUAL_FATAL(seal(&ictx, SECQOP_WRAP_NO_ENCRYPT, text, TEXT_LEN, &w), SEC_E_OK);
    CU_ASSERT_EQUAL(memcmp(w.b + w.token, text, TEXT_LEN), 0);
    CU_ASSERT_EQUAL(open_stream(&actx, w.b, w.len, &out, &qop), SEC_E_OK);
    CU_ASSERT(data_is(&out, text, TEXT_LEN));
    CU_ASSERT_EQUAL(qop, SECQOP_WRAP_NO_ENCRYPT);
    qop = 0;
    CU_ASSERT_EQUAL_FATAL(seal(&actx, SECQOP_WRAP_NO_ENCRYPT, text, TEXT_LEN, &w), SEC_E_OK);
    CU_ASSERT_EQUAL(open_token(&ictx, &w, &out, &qop), SEC_E_OK);
    CU_ASSERT(data_is(&out, text, TEXT_LEN));
    CU_ASSERT_EQUAL(qop, SECQOP_WRAP_NO_ENCRYPT);
    unpair(&ictx, &actx);
}

/* DCE style: TOKEN | DATA and the stream form round trip (the bridge splits the stream
 * itself, MIT's STREAM unwrap refusing DCE contexts), both QOPs, both directions. */
static void t_dce_style_round_trips_token_data_and_stream(int e)
{
    CtxtHandle ictx, actx;
    wire w;
    SecBuffer out;
    use_realm(e);
    pair(ISC_DCE, ASC_DCE, &ictx, &actx);
    for (int qop = 0; qop < 2; qop++) {
        ULONG fqop = qop ? SECQOP_WRAP_NO_ENCRYPT : 0, got = 7;
        /* Heimdal makes no integrity-only token in DCE style (README, "Heimdal backend"). */
        if (fqop != 0 && test_backend_heimdal()) {
            CU_ASSERT_EQUAL(seal(&ictx, fqop, text, TEXT_LEN, &w), SEC_E_QOP_NOT_SUPPORTED);
            CU_ASSERT_EQUAL(seal(&actx, fqop, text, TEXT_LEN, &w), SEC_E_QOP_NOT_SUPPORTED);
            continue;
        }
        CU_ASSERT_EQUAL_FATAL(seal(&ictx, fqop, text, TEXT_LEN, &w), SEC_E_OK);
        CU_ASSERT_EQUAL(w.pad, 0);
        CU_ASSERT_EQUAL(open_token(&actx, &w, &out, &got), SEC_E_OK);
        CU_ASSERT(data_is(&out, text, TEXT_LEN));
        CU_ASSERT_EQUAL(got, fqop);
        got = 7;
        CU_ASSERT_EQUAL_FATAL(seal(&actx, fqop, text, TEXT_LEN, &w), SEC_E_OK);
        CU_ASSERT_EQUAL(open_stream(&ictx, w.b, w.len, &out, &got), SEC_E_OK);
        CU_ASSERT(data_is(&out, text, TEXT_LEN));
        CU_ASSERT((unsigned char *)out.pvBuffer == w.b + w.token);
        CU_ASSERT_EQUAL(got, fqop);
    }
    unpair(&ictx, &actx);
}

/* DCE style against raw GSSAPI DCE contexts: our tokens unwrap with gss_unwrap_iov
 * HEADER | DATA, and gss_wrap_iov's tokens decrypt as TOKEN | DATA and as a stream. */
static void t_dce_style_interoperates_with_gssapi(int e)
{
    CtxtHandle ictx, actx;
    gss_ctx_id_t gi, ga;
    OM_uint32 minor;
    wire w;
    SecBuffer out;
    int conf = 0;
    use_realm(e);

    bridge_to_raw(ISC_DCE, &ictx, &ga);
    CU_ASSERT_EQUAL_FATAL(seal(&ictx, 0, text, TEXT_LEN, &w), SEC_E_OK);
    gss_iov_buffer_desc u[2] = {{GSS_IOV_BUFFER_TYPE_HEADER, {w.token, w.b}},
                                {GSS_IOV_BUFFER_TYPE_DATA, {w.data, w.b + w.token}}};
    /* The raw peer's unwrap as the backend makes it: Heimdal's gss_unwrap_iov refuses every
     * DCE-style RC4 token, its own included, so there the RC4 token goes through gss_unwrap
     * (bridge/backend.h). */
    CU_ASSERT_EQUAL(backend_unwrap_iov(&minor, ga, &conf, NULL, u, 2, !etypes[e].cfx),
                    GSS_S_COMPLETE);
    CU_ASSERT_EQUAL(conf, 1);
    CU_ASSERT(u[1].buffer.length == TEXT_LEN && memcmp(u[1].buffer.value, text, TEXT_LEN) == 0);
    raw_delete(&ga);
    DeleteSecurityContext(&ictx);

    raw_to_bridge(GSS_MSG | GSS_C_DCE_STYLE, ASC_DCE, &gi, &actx);
    for (int form = 0; form < 2; form++) {
        unsigned char buf[1024];
        gss_iov_buffer_desc iov[2] = {{GSS_IOV_BUFFER_TYPE_HEADER, {512, buf}},
                                      {GSS_IOV_BUFFER_TYPE_DATA, {TEXT_LEN, buf + 512}}};
        memcpy(buf + 512, text, TEXT_LEN);
        CU_ASSERT_EQUAL_FATAL(gss_wrap_iov(&minor, gi, 1, GSS_C_QOP_DEFAULT, NULL, iov, 2), GSS_S_COMPLETE);
        w.token = (ULONG)iov[0].buffer.length;
        w.data = TEXT_LEN;
        w.pad = 0;
        w.len = w.token + w.data;
        memcpy(w.b, buf, w.token);
        memcpy(w.b + w.token, buf + 512, TEXT_LEN);
        if (form == 0) {
            CU_ASSERT_EQUAL(open_token(&actx, &w, &out, NULL), SEC_E_OK);
        } else {
            CU_ASSERT_EQUAL(open_stream(&actx, w.b, w.len, &out, NULL), SEC_E_OK);
        }
        CU_ASSERT(data_is(&out, text, TEXT_LEN));
    }
    raw_delete(&gi);
    DeleteSecurityContext(&actx);
}

/* One CUnit test per enctype and behaviour, named "<enctype>: <behaviour>". */
#define PER_ENCTYPE_BEHAVIOURS(X, e)                                                       \
    X(e, session_key_has_the_enctype, "the session key has the realm's enctype")         \
    X(e, sizes_are_what_gssapi_needs, "SecPkgContext_Sizes is what GSSAPI needs")         \
    X(e, token_of_exact_size_works_one_less_is_too_small,                                 \
      "TOKEN of the exact size works, one byte less is SEC_E_BUFFER_TOO_SMALL")           \
    X(e, token_data_padding_round_trips_as_stream,                                        \
      "TOKEN|DATA|PADDING round trips as STREAM|DATA")                                    \
    X(e, token_data_round_trips_both_ways, "TOKEN|DATA round trips both ways")           \
    X(e, several_data_and_sign_only_buffers_round_trip,                                   \
      "several DATA and sign-only buffers round trip")                                    \
    X(e, encrypt_message_unwraps_with_gss_unwrap, "EncryptMessage unwraps with gss_unwrap") \
    X(e, gss_wrap_decrypts_as_stream, "gss_wrap decrypts as STREAM|DATA")                 \
    X(e, gss_wrap_iov_decrypts_as_token_data, "gss_wrap_iov decrypts as TOKEN|DATA")      \
    X(e, make_signature_verifies_with_gss_and_bridge,                                     \
      "MakeSignature verifies with gss_verify_mic and VerifySignature")                   \
    X(e, gss_get_mic_verifies_with_verify_signature, "gss_get_mic verifies with VerifySignature") \
    X(e, integrity_only_wrap_reports_no_encrypt,                                          \
      "integrity-only wrap reports SECQOP_WRAP_NO_ENCRYPT")                               \
    X(e, dce_style_round_trips_token_data_and_stream,                                     \
      "DCE style round trips TOKEN|DATA and STREAM")                                      \
    X(e, dce_style_interoperates_with_gssapi, "DCE style interoperates with GSSAPI")

/* Heimdal has no Camellia (RFC 6803): in a Camellia-only realm it finds no credential it
 * can use, and each behaviour asserts that instead (README, "Heimdal backend"). */
static int enctype_usable(int e)
{
    CredHandle ic;
    if (e != E_CAMELLIA256 || !test_backend_heimdal())
        return 1;
    use_realm(e);
    CU_ASSERT_EQUAL(AcquireCredentialsHandleA(NULL, (SEC_CHAR *)"Kerberos", SECPKG_CRED_OUTBOUND,
                                              NULL, NULL, NULL, NULL, &ic, NULL),
                    SEC_E_NO_CREDENTIALS);
    return 0;
}

#define DEFINE_WRAPPER(e, fn, title) \
    static void e##_##fn(void)       \
    {                                \
        if (enctype_usable(e))       \
            t_##fn(e);               \
    }
#define ALL_ENCTYPES(X)                        \
    PER_ENCTYPE_BEHAVIOURS(X, E_AES256)        \
    PER_ENCTYPE_BEHAVIOURS(X, E_AES128)        \
    PER_ENCTYPE_BEHAVIOURS(X, E_AES256_SHA384) \
    PER_ENCTYPE_BEHAVIOURS(X, E_AES128_SHA256) \
    PER_ENCTYPE_BEHAVIOURS(X, E_CAMELLIA256)   \
    PER_ENCTYPE_BEHAVIOURS(X, E_RC4)

ALL_ENCTYPES(DEFINE_WRAPPER)

/* ---- Behaviour on the default enctype (AES256-SHA1) unless the test says ---------------- */

static void test_dce_aes_tokens_have_windows_ec_and_rrc(void)
{
    CtxtHandle ictx, actx;
    wire w;
    use_realm(E_AES256);
    pair(ISC_DCE, ASC_DCE, &ictx, &actx);
    CU_ASSERT_EQUAL_FATAL(seal(&ictx, 0, text, TEXT_LEN, &w), SEC_E_OK);
    /* MS-KILE 3.4.5.4.1 / Windows: DCE-style AES wrap tokens have EC 16 and RRC 28, the
     * 76-byte header holding the filler, E(header) and checksum. */
    CU_ASSERT_EQUAL(w.token, 76);
    CU_ASSERT_EQUAL(w.b[0], 0x05);
    CU_ASSERT_EQUAL(w.b[1], 0x04);
    CU_ASSERT_EQUAL((w.b[4] << 8) | w.b[5], 16);
    CU_ASSERT_EQUAL((w.b[6] << 8) | w.b[7], 28);
    /* Outside DCE style: EC 0, RRC 28, 60 bytes. */
    unpair(&ictx, &actx);
    pair(ISC_MSG, ASC_MSG, &ictx, &actx);
    CU_ASSERT_EQUAL_FATAL(seal(&ictx, 0, text, TEXT_LEN, &w), SEC_E_OK);
    CU_ASSERT_EQUAL(w.token, 60);
    CU_ASSERT_EQUAL((w.b[4] << 8) | w.b[5], 0);
    CU_ASSERT_EQUAL((w.b[6] << 8) | w.b[7], 28);
    CU_ASSERT_EQUAL(w.pad, 0);
    unpair(&ictx, &actx);
}

static void test_empty_data_round_trips(void)
{
    CtxtHandle ictx, actx;
    wire w;
    SecBuffer out;
    use_realm(E_AES256);
    pair(ISC_MSG, ASC_MSG, &ictx, &actx);
    unsigned char tok[128];
    SecBuffer b[2] = {{sizeof(tok), SECBUFFER_TOKEN, tok}, {0, SECBUFFER_DATA, NULL}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    CU_ASSERT_EQUAL_FATAL(EncryptMessage(&ictx, 0, &d, 0), SEC_E_OK);
    memcpy(w.b, tok, b[0].cbBuffer);
    CU_ASSERT_EQUAL(open_stream(&actx, w.b, b[0].cbBuffer, &out, NULL), SEC_E_OK);
    CU_ASSERT_EQUAL(out.cbBuffer, 0);
    unpair(&ictx, &actx);
}

/* RFC 4121 4.2.5: a receiver takes a wrap token whatever its RRC. MIT's gss_wrap sends RRC 0
 * (the trailer at the end); the bridge's own tokens are rotated. The same token unrotated
 * decrypts as a stream: on Heimdal, which has no STREAM buffer, the bridge then splits it
 * into HEADER, DATA and TRAILER itself. */
static void test_unrotated_wrap_token_decrypts_as_stream(void)
{
    CtxtHandle ictx, actx;
    wire w;
    SecBuffer out;
    unsigned char body[WIRE_MAX];
    use_realm(E_AES256);
    pair(ISC_MSG, ASC_MSG, &ictx, &actx);
    for (int conf = 1; conf >= 0; conf--) {
        CU_ASSERT_EQUAL_FATAL(seal(&ictx, conf ? 0 : SECQOP_WRAP_NO_ENCRYPT, text, TEXT_LEN, &w),
                              SEC_E_OK);
        size_t rrc = (size_t)w.b[6] << 8 | w.b[7], n = w.len - 16;
        CU_ASSERT_FATAL(rrc > 0 && rrc < n);
        /* Rotate the part after the 16-byte header back left by RRC; RRC becomes 0. */
        memcpy(body, w.b + 16 + rrc, n - rrc);
        memcpy(body + n - rrc, w.b + 16, rrc);
        memcpy(w.b + 16, body, n);
        w.b[6] = w.b[7] = 0;
        ULONG qop = 7;
        CU_ASSERT_EQUAL(open_stream(&actx, w.b, w.len, &out, &qop), SEC_E_OK);
        CU_ASSERT(data_is(&out, text, TEXT_LEN));
        CU_ASSERT_EQUAL(qop, conf ? 0 : SECQOP_WRAP_NO_ENCRYPT);
    }
    unpair(&ictx, &actx);
}

static void test_tampered_data_is_message_altered_and_context_goes_on(void)
{
    CtxtHandle ictx, actx;
    wire w, keep;
    SecBuffer out;
    use_realm(E_AES256);
    pair(ISC_MSG, ASC_MSG, &ictx, &actx);
    CU_ASSERT_EQUAL_FATAL(seal(&ictx, 0, text, TEXT_LEN, &w), SEC_E_OK);
    keep = w;
    w.b[w.token + 3] ^= 0x10;
    CU_ASSERT_EQUAL(open_stream(&actx, w.b, w.len, &out, NULL), SEC_E_MESSAGE_ALTERED);
    /* The same message unaltered is still in sequence (not on Heimdal). */
    CU_ASSERT_EQUAL(open_stream(&actx, keep.b, keep.len, &out, NULL), retry_after_altered(1));
    if (retry_after_altered(1) == SEC_E_OK)
        CU_ASSERT(data_is(&out, text, TEXT_LEN));
    unpair(&ictx, &actx);
}

/* One enctype's realm, on a fresh thread (Heimdal reads krb5.conf once per thread:
 * test_main.h). */
static void tampered_token_in(void *arg)
{
    CtxtHandle ictx, actx;
    wire w, keep;
    SecBuffer out;
    int e = *(const int *)arg;
    {
        use_realm(e);
        pair(ISC_MSG, ASC_MSG, &ictx, &actx);
        CU_ASSERT_EQUAL_FATAL(seal(&ictx, 0, text, TEXT_LEN, &w), SEC_E_OK);
        keep = w;
        w.b[w.token - 1] ^= 0x01; /* inside the checksum / encrypted part */
        CU_ASSERT_EQUAL(open_token(&actx, &w, &out, NULL), SEC_E_MESSAGE_ALTERED);
        CU_ASSERT_EQUAL(open_token(&actx, &keep, &out, NULL), retry_after_altered(etypes[e].cfx));
        unpair(&ictx, &actx);
    }
}

static void test_tampered_token_is_message_altered(void)
{
    static const int which[2] = {E_AES256, E_RC4};
    for (int k = 0; k < 2; k++)
        test_in_fresh_thread(tampered_token_in, (void *)&which[k]);
}

static void test_tampered_signature_is_message_altered(void)
{
    CtxtHandle ictx, actx;
    unsigned char tok[128], data[64];
    use_realm(E_AES256);
    pair(ISC_MSG, ASC_MSG, &ictx, &actx);
    memcpy(data, text, TEXT_LEN);
    SecBuffer b[2] = {{TEXT_LEN, SECBUFFER_DATA, data}, {sizeof(tok), SECBUFFER_TOKEN, tok}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    CU_ASSERT_EQUAL_FATAL(MakeSignature(&ictx, 0, &d, 0), SEC_E_OK);
    data[0] ^= 1;
    CU_ASSERT_EQUAL(VerifySignature(&actx, &d, 0, NULL), SEC_E_MESSAGE_ALTERED);
    data[0] ^= 1;
    CU_ASSERT_EQUAL(VerifySignature(&actx, &d, 0, NULL), retry_after_altered(1));
    unpair(&ictx, &actx);
}

/* A stream cut inside its token: SEC_E_INCOMPLETE_MESSAGE with the missing count in the
 * SECBUFFER_EMPTY buffer made SECBUFFER_MISSING (RFC 4121: the token header; RC4: the DER
 * length, so a cut anywhere counts). */
static void truncated_stream_in(void *arg)
{
    CtxtHandle ictx, actx;
    wire w;
    int e = *(const int *)arg;
    {
        use_realm(e);
        pair(ISC_MSG, ASC_MSG, &ictx, &actx);
        CU_ASSERT_EQUAL_FATAL(seal(&ictx, 0, text, TEXT_LEN, &w), SEC_E_OK);
        size_t cuts[3] = {1, 10, etypes[e].cfx ? w.token - 1 : w.len - 1};
        for (int i = 0; i < 3; i++) {
            unsigned char copy[WIRE_MAX];
            memcpy(copy, w.b, cuts[i]);
            SecBuffer b[3] = {{(ULONG)cuts[i], SECBUFFER_STREAM, copy},
                              {0, SECBUFFER_DATA, NULL},
                              {0, SECBUFFER_EMPTY, NULL}};
            SecBufferDesc d = {SECBUFFER_VERSION, 3, b};
            CU_ASSERT_EQUAL(DecryptMessage(&actx, &d, 0, NULL), SEC_E_INCOMPLETE_MESSAGE);
            CU_ASSERT_EQUAL(b[2].BufferType, SECBUFFER_MISSING);
            size_t expect = !etypes[e].cfx && cuts[i] >= 2 ? w.len - cuts[i]
                            : cuts[i] < 2                  ? 16 - cuts[i]
                            : cuts[i] < 16                 ? 16 - cuts[i]
                                                           : w.token - cuts[i];
            CU_ASSERT_EQUAL(b[2].cbBuffer, expect);
        }
        /* The whole message still decrypts. */
        SecBuffer out;
        CU_ASSERT_EQUAL(open_stream(&actx, w.b, w.len, &out, NULL), SEC_E_OK);
        unpair(&ictx, &actx);
    }
}

static void test_truncated_stream_is_incomplete_message_with_missing_count(void)
{
    static const int which[2] = {E_AES256, E_RC4};
    for (int k = 0; k < 2; k++)
        test_in_fresh_thread(truncated_stream_in, (void *)&which[k]);
}

static void test_truncated_stream_fills_a_missing_buffer(void)
{
    CtxtHandle ictx, actx;
    wire w;
    SecBuffer out;
    use_realm(E_AES256);
    pair(ISC_MSG, ASC_MSG, &ictx, &actx);
    CU_ASSERT_EQUAL_FATAL(seal(&ictx, 0, text, TEXT_LEN, &w), SEC_E_OK);
    SecBuffer b[3] = {{0, SECBUFFER_MISSING, NULL}, {20, SECBUFFER_STREAM, w.b}, {0, SECBUFFER_DATA, NULL}};
    SecBufferDesc d = {SECBUFFER_VERSION, 3, b};
    CU_ASSERT_EQUAL(DecryptMessage(&actx, &d, 0, NULL), SEC_E_INCOMPLETE_MESSAGE);
    CU_ASSERT_EQUAL(b[0].BufferType, SECBUFFER_MISSING);
    CU_ASSERT_EQUAL(b[0].cbBuffer, w.token - 20);
    CU_ASSERT_PTR_NULL(b[2].pvBuffer);
    CU_ASSERT_EQUAL(open_stream(&actx, w.b, w.len, &out, NULL), SEC_E_OK);
    unpair(&ictx, &actx);
}

/* Windows callers hand DecryptMessage the PADDING buffer they gave EncryptMessage; an
 * RFC 4121 token has no padding, so its size does not matter. */
static void test_padding_buffer_beside_an_rfc4121_token_is_ignored(void)
{
    CtxtHandle ictx, actx;
    wire w;
    unsigned char pad[16] = {0};
    use_realm(E_AES256);
    pair(ISC_MSG, ASC_MSG, &ictx, &actx);
    CU_ASSERT_EQUAL_FATAL(seal(&ictx, 0, text, TEXT_LEN, &w), SEC_E_OK);
    CU_ASSERT_EQUAL(w.pad, 0);
    SecBuffer b[3] = {{w.token, SECBUFFER_TOKEN, w.b}, {w.data, SECBUFFER_DATA, w.b + w.token},
                      {sizeof(pad), SECBUFFER_PADDING, pad}};
    SecBufferDesc d = {SECBUFFER_VERSION, 3, b};
    CU_ASSERT_EQUAL(DecryptMessage(&actx, &d, 0, NULL), SEC_E_OK);
    CU_ASSERT(data_is(&b[1], text, TEXT_LEN));
    CU_ASSERT_EQUAL(b[2].cbBuffer, 0);
    unpair(&ictx, &actx);
}

static void test_truncated_token_buffer_is_invalid_token(void)
{
    CtxtHandle ictx, actx;
    wire w;
    SecBuffer out;
    use_realm(E_AES256);
    pair(ISC_MSG, ASC_MSG, &ictx, &actx);
    CU_ASSERT_EQUAL_FATAL(seal(&ictx, 0, text, TEXT_LEN, &w), SEC_E_OK);
    wire cut = w;
    cut.token--;
    memmove(cut.b + cut.token, w.b + w.token, w.data + w.pad);
    CU_ASSERT_EQUAL(open_token(&actx, &cut, &out, NULL), SEC_E_INVALID_TOKEN);
    CU_ASSERT_EQUAL(open_token(&actx, &w, &out, NULL), SEC_E_OK);
    unpair(&ictx, &actx);
}

/* Replay and reorder: SEC_E_OUT_OF_SEQUENCE with detection asked for, SEC_E_OK without. */
static void replay_and_reorder(ULONG isc, ULONG asc, SECURITY_STATUS expect)
{
    CtxtHandle ictx, actx;
    wire m1, m2, m3, copy;
    SecBuffer out;
    use_realm(E_AES256);
    pair(isc, asc, &ictx, &actx);
    CU_ASSERT_EQUAL_FATAL(seal(&ictx, 0, "one", 3, &m1), SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(seal(&ictx, 0, "two", 3, &m2), SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(seal(&ictx, 0, "three", 5, &m3), SEC_E_OK);
    copy = m1;
    CU_ASSERT_EQUAL(open_stream(&actx, copy.b, copy.len, &out, NULL), SEC_E_OK);
    copy = m1; /* replayed */
    CU_ASSERT_EQUAL(open_stream(&actx, copy.b, copy.len, &out, NULL), expect);
    /* DATA is handed out only with SEC_E_OK. */
    CU_ASSERT(expect != SEC_E_OK ? out.pvBuffer == NULL : data_is(&out, "one", 3));
    copy = m3; /* ahead of m2 */
    CU_ASSERT_EQUAL(open_stream(&actx, copy.b, copy.len, &out, NULL), expect);
    copy = m2; /* behind m3 */
    /* Heimdal answers a token older than one it accepted past a gap with GSS_S_FAILURE,
     * not GSS_S_UNSEQ_TOKEN (README, "Heimdal backend"). */
    CU_ASSERT_EQUAL(open_stream(&actx, copy.b, copy.len, &out, NULL),
                    expect != SEC_E_OK && test_backend_heimdal() ? SEC_E_INVALID_TOKEN : expect);
    CU_ASSERT(expect != SEC_E_OK ? out.pvBuffer == NULL : data_is(&out, "two", 3));
    /* Signatures too. */
    unsigned char tok[128], data[8] = "sig";
    SecBuffer b[2] = {{3, SECBUFFER_DATA, data}, {sizeof(tok), SECBUFFER_TOKEN, tok}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    CU_ASSERT_EQUAL_FATAL(MakeSignature(&ictx, 0, &d, 0), SEC_E_OK);
    CU_ASSERT_EQUAL(VerifySignature(&actx, &d, 0, NULL), SEC_E_OK);
    CU_ASSERT_EQUAL(VerifySignature(&actx, &d, 0, NULL), expect);
    /* The context goes on. */
    stream_round_trip(&ictx, &actx);
    unpair(&ictx, &actx);
}

static void test_replay_and_reorder_are_out_of_sequence_with_detection(void)
{
    replay_and_reorder(ISC_MSG, ASC_MSG, SEC_E_OUT_OF_SEQUENCE);
}

static void test_replay_and_reorder_are_ok_without_detection(void)
{
    replay_and_reorder(ISC_REQ_MUTUAL_AUTH | ISC_REQ_CONFIDENTIALITY,
                       ASC_REQ_MUTUAL_AUTH | ASC_REQ_CONFIDENTIALITY, SEC_E_OK);
}

static void test_encrypt_without_confidentiality_is_unsupported_function(void)
{
    CtxtHandle ictx, actx;
    wire w;
    SecBuffer out;
    ULONG qop = 0;
    use_realm(E_AES256);
    pair(ISC_REQ_MUTUAL_AUTH, 0, &ictx, &actx);
    CU_ASSERT_EQUAL(seal(&ictx, 0, text, TEXT_LEN, &w), SEC_E_UNSUPPORTED_FUNCTION);
    CU_ASSERT_EQUAL(seal(&actx, 0, text, TEXT_LEN, &w), SEC_E_UNSUPPORTED_FUNCTION);
    /* Integrity-only wrap works on such a context. */
    CU_ASSERT_EQUAL_FATAL(seal(&ictx, SECQOP_WRAP_NO_ENCRYPT, text, TEXT_LEN, &w), SEC_E_OK);
    CU_ASSERT_EQUAL(open_stream(&actx, w.b, w.len, &out, &qop), SEC_E_OK);
    CU_ASSERT_EQUAL(qop, SECQOP_WRAP_NO_ENCRYPT);
    unpair(&ictx, &actx);
}

static void test_unknown_qop_is_qop_not_supported(void)
{
    CtxtHandle ictx, actx;
    wire w;
    unsigned char tok[128], data[8] = "x";
    use_realm(E_AES256);
    pair(ISC_MSG, ASC_MSG, &ictx, &actx);
    CU_ASSERT_EQUAL(seal(&ictx, 5, text, TEXT_LEN, &w), SEC_E_QOP_NOT_SUPPORTED);
    CU_ASSERT_EQUAL(seal(&ictx, SECQOP_WRAP_OOB_DATA, text, TEXT_LEN, &w), SEC_E_QOP_NOT_SUPPORTED);
    SecBuffer b[2] = {{1, SECBUFFER_DATA, data}, {sizeof(tok), SECBUFFER_TOKEN, tok}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    CU_ASSERT_EQUAL(MakeSignature(&ictx, SECQOP_WRAP_NO_ENCRYPT, &d, 0), SEC_E_QOP_NOT_SUPPORTED);
    stream_round_trip(&ictx, &actx);
    unpair(&ictx, &actx);
}

static void test_missing_buffers_are_invalid_token(void)
{
    CtxtHandle ictx, actx;
    unsigned char tok[128], data[8] = "x", stream[8] = {0};
    use_realm(E_AES256);
    pair(ISC_MSG, ASC_MSG, &ictx, &actx);
    SecBuffer only_data = {1, SECBUFFER_DATA, data}, only_token = {sizeof(tok), SECBUFFER_TOKEN, tok};
    SecBufferDesc dd = {SECBUFFER_VERSION, 1, &only_data}, td = {SECBUFFER_VERSION, 1, &only_token};
    CU_ASSERT_EQUAL(EncryptMessage(&ictx, 0, &dd, 0), SEC_E_INVALID_TOKEN);
    CU_ASSERT_EQUAL(EncryptMessage(&ictx, 0, &td, 0), SEC_E_INVALID_TOKEN);
    CU_ASSERT_EQUAL(DecryptMessage(&actx, &dd, 0, NULL), SEC_E_INVALID_TOKEN);
    CU_ASSERT_EQUAL(DecryptMessage(&actx, &td, 0, NULL), SEC_E_INVALID_TOKEN);
    CU_ASSERT_EQUAL(MakeSignature(&ictx, 0, &dd, 0), SEC_E_INVALID_TOKEN);
    CU_ASSERT_EQUAL(MakeSignature(&ictx, 0, &td, 0), SEC_E_INVALID_TOKEN);
    CU_ASSERT_EQUAL(VerifySignature(&actx, &td, 0, NULL), SEC_E_INVALID_TOKEN);
    SecBuffer only_stream = {sizeof(stream), SECBUFFER_STREAM, stream};
    SecBufferDesc sd = {SECBUFFER_VERSION, 1, &only_stream};
    CU_ASSERT_EQUAL(DecryptMessage(&actx, &sd, 0, NULL), SEC_E_INVALID_TOKEN);
    CU_ASSERT_EQUAL(EncryptMessage(&ictx, 0, NULL, 0), SEC_E_INVALID_TOKEN);
    /* Two TOKEN buffers: which is meant cannot be told. */
    SecBuffer two[3] = {only_token, only_data, only_token};
    SecBufferDesc twod = {SECBUFFER_VERSION, 3, two};
    CU_ASSERT_EQUAL(EncryptMessage(&ictx, 0, &twod, 0), SEC_E_INVALID_TOKEN);
    stream_round_trip(&ictx, &actx);
    unpair(&ictx, &actx);
}

static void test_missing_padding_buffer_is_invalid_token_for_rc4(void)
{
    CtxtHandle ictx, actx;
    unsigned char tok[128], data[8] = "x";
    use_realm(E_RC4);
    pair(ISC_MSG, ASC_MSG, &ictx, &actx);
    SecBuffer b[3] = {{sizeof(tok), SECBUFFER_TOKEN, tok}, {1, SECBUFFER_DATA, data},
                      {0, SECBUFFER_PADDING, NULL}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    /* RFC 4757 7.3: the message carries a pad byte. */
    CU_ASSERT_EQUAL(EncryptMessage(&ictx, 0, &d, 0), SEC_E_INVALID_TOKEN);
    d.cBuffers = 3;
    CU_ASSERT_EQUAL(EncryptMessage(&ictx, 0, &d, 0), SEC_E_BUFFER_TOO_SMALL);
    stream_round_trip(&ictx, &actx);
    unpair(&ictx, &actx);
}

/* A receiver that knows only where the token ends passes DATA and PADDING as one DATA
 * buffer: the RFC 4757 pad byte comes off DATA's length. */
static void test_rc4_padding_inside_data_comes_off_its_length(void)
{
    CtxtHandle ictx, actx;
    wire w;
    use_realm(E_RC4);
    pair(ISC_MSG, ASC_MSG, &ictx, &actx);
    CU_ASSERT_EQUAL_FATAL(seal(&ictx, 0, text, TEXT_LEN, &w), SEC_E_OK);
    CU_ASSERT_EQUAL(w.pad, 1);
    SecBuffer b[2] = {{w.token, SECBUFFER_TOKEN, w.b}, {w.data + w.pad, SECBUFFER_DATA, w.b + w.token}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    CU_ASSERT_EQUAL(DecryptMessage(&actx, &d, 0, NULL), SEC_E_OK);
    CU_ASSERT(data_is(&b[1], text, TEXT_LEN));
    unpair(&ictx, &actx);
}

static void test_wrap_token_to_verify_signature_is_invalid_token(void)
{
    CtxtHandle ictx, actx;
    wire w;
    use_realm(E_AES256);
    pair(ISC_MSG, ASC_MSG, &ictx, &actx);
    CU_ASSERT_EQUAL_FATAL(seal(&ictx, 0, text, TEXT_LEN, &w), SEC_E_OK);
    SecBuffer b[2] = {{w.data, SECBUFFER_DATA, w.b + w.token}, {w.token, SECBUFFER_TOKEN, w.b}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    CU_ASSERT_EQUAL(VerifySignature(&actx, &d, 0, NULL), SEC_E_INVALID_TOKEN);
    unpair(&ictx, &actx);
}

static void test_signature_to_decrypt_message_is_invalid_token(void)
{
    CtxtHandle ictx, actx;
    unsigned char tok[128], data[64];
    SecBuffer out;
    for (int dce = 0; dce < 2; dce++) {
        use_realm(E_AES256);
        pair(dce ? ISC_DCE : ISC_MSG, dce ? ASC_DCE : ASC_MSG, &ictx, &actx);
        memcpy(data, text, TEXT_LEN);
        SecBuffer b[2] = {{TEXT_LEN, SECBUFFER_DATA, data}, {sizeof(tok), SECBUFFER_TOKEN, tok}};
        SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
        CU_ASSERT_EQUAL_FATAL(MakeSignature(&ictx, 0, &d, 0), SEC_E_OK);
        /* As TOKEN | DATA, and as a stream of token and data. */
        CU_ASSERT_EQUAL(DecryptMessage(&actx, &d, 0, NULL), SEC_E_INVALID_TOKEN);
        unsigned char stream[256];
        memcpy(stream, tok, b[1].cbBuffer);
        memcpy(stream + b[1].cbBuffer, data, TEXT_LEN);
        CU_ASSERT_EQUAL(open_stream(&actx, stream, b[1].cbBuffer + TEXT_LEN, &out, NULL),
                        SEC_E_INVALID_TOKEN);
        /* The signature is still good where it belongs (MIC and wrap tokens share the
         * sequence numbers), and the context goes on. */
        memcpy(data, text, TEXT_LEN);
        CU_ASSERT_EQUAL(VerifySignature(&actx, &d, 0, NULL), SEC_E_OK);
        stream_round_trip(&ictx, &actx);
        unpair(&ictx, &actx);
    }
}

static void test_invalid_handles_are_invalid_handle(void)
{
    CtxtHandle ictx, actx, zero = {0, 0};
    wire w;
    SecBuffer out;
    unsigned char tok[128], data[8] = "x";
    SecBuffer b[2] = {{1, SECBUFFER_DATA, data}, {sizeof(tok), SECBUFFER_TOKEN, tok}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    CU_ASSERT_EQUAL(seal(NULL, 0, text, TEXT_LEN, &w), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(seal(&zero, 0, text, TEXT_LEN, &w), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(MakeSignature(&zero, 0, &d, 0), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(VerifySignature(NULL, &d, 0, NULL), SEC_E_INVALID_HANDLE);
    use_realm(E_AES256);
    pair(ISC_MSG, ASC_MSG, &ictx, &actx);
    CU_ASSERT_EQUAL_FATAL(seal(&ictx, 0, text, TEXT_LEN, &w), SEC_E_OK);
    unpair(&ictx, &actx);
    /* Deleted: the handles are stale. */
    CU_ASSERT_EQUAL(seal(&ictx, 0, text, TEXT_LEN, &w), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(open_stream(&actx, w.b, w.len, &out, NULL), SEC_E_INVALID_HANDLE);
    /* A credential handle is not a context. */
    CredHandle ic;
    CU_ASSERT_EQUAL_FATAL(est_acquire("Kerberos", NULL, SECPKG_CRED_OUTBOUND, NULL, &ic), SEC_E_OK);
    CU_ASSERT_EQUAL(seal((CtxtHandle *)&ic, 0, text, TEXT_LEN, &w), SEC_E_INVALID_HANDLE);
    FreeCredentialsHandle(&ic);
}

static void test_context_not_established_is_invalid_handle(void)
{
    CredHandle ic;
    CtxtHandle ictx;
    ULONG attrs;
    wire w;
    unsigned char tok[TOKEN_MAX];
    SecBuffer ob = {sizeof(tok), SECBUFFER_TOKEN, tok};
    SecBufferDesc obd = {SECBUFFER_VERSION, 1, &ob};
    use_realm(E_AES256);
    CU_ASSERT_EQUAL_FATAL(est_acquire("Kerberos", NULL, SECPKG_CRED_OUTBOUND, NULL, &ic), SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(InitializeSecurityContextA(&ic, NULL, (SEC_CHAR *)"host/localhost", ISC_MSG, 0,
                                                     SECURITY_NATIVE_DREP, NULL, 0, &ictx, &obd, &attrs, NULL),
                          SEC_I_CONTINUE_NEEDED);
    CU_ASSERT_EQUAL(seal(&ictx, 0, text, TEXT_LEN, &w), SEC_E_INVALID_HANDLE);
    SecPkgContext_Sizes sz;
    ctx *c = ctx_get(&ictx);
    CU_ASSERT_EQUAL(msg_sizes(c, &sz), SEC_E_INVALID_HANDLE);
    ctx_put(c);
    DeleteSecurityContext(&ictx);
    FreeCredentialsHandle(&ic);
}

/* ---- One sender and one receiver thread per context ------------------------------------- */

#define FLOW_MESSAGES 2000
#define FLOW_DEPTH 64

/* A bounded FIFO of wire messages between a sending and a receiving thread. */
typedef struct flow {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    wire *slots;
    int head, tail, count;
    CtxtHandle *from, *to;
    int send_failures, receive_failures; /* each written by its own thread only */
} flow;

static void *flow_send(void *arg)
{
    flow *f = arg;
    for (int i = 0; i < FLOW_MESSAGES; i++) {
        wire w;
        char msg[64];
        int n = snprintf(msg, sizeof(msg), "message %d of the flow", i);
        if (i % 3 == 2) {
            /* A signature: TOKEN then DATA, one wire. */
            unsigned char tok[128];
            SecBuffer b[2] = {{sizeof(tok), SECBUFFER_TOKEN, tok}, {(ULONG)n, SECBUFFER_DATA, msg}};
            SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
            if (MakeSignature(f->from, 0, &d, 0) != SEC_E_OK) {
                f->send_failures++;
                continue;
            }
            w.token = b[0].cbBuffer;
            w.data = (ULONG)n;
            w.pad = 0;
            w.len = w.token + w.data;
            memcpy(w.b, tok, w.token);
            memcpy(w.b + w.token, msg, (size_t)n);
        } else if (seal(f->from, i % 3 ? SECQOP_WRAP_NO_ENCRYPT : 0, msg, (size_t)n, &w) != SEC_E_OK) {
            f->send_failures++;
            continue;
        }
        pthread_mutex_lock(&f->lock);
        while (f->count == FLOW_DEPTH)
            pthread_cond_wait(&f->cond, &f->lock);
        f->slots[f->tail] = w;
        f->tail = (f->tail + 1) % FLOW_DEPTH;
        f->count++;
        pthread_cond_broadcast(&f->cond);
        pthread_mutex_unlock(&f->lock);
    }
    return NULL;
}

static void *flow_receive(void *arg)
{
    flow *f = arg;
    for (int i = 0; i < FLOW_MESSAGES; i++) {
        wire w;
        char msg[64];
        int n = snprintf(msg, sizeof(msg), "message %d of the flow", i);
        pthread_mutex_lock(&f->lock);
        while (f->count == 0)
            pthread_cond_wait(&f->cond, &f->lock);
        w = f->slots[f->head];
        f->head = (f->head + 1) % FLOW_DEPTH;
        f->count--;
        pthread_cond_broadcast(&f->cond);
        pthread_mutex_unlock(&f->lock);
        if (i % 3 == 2) {
            SecBuffer b[2] = {{w.token, SECBUFFER_TOKEN, w.b}, {w.data, SECBUFFER_DATA, w.b + w.token}};
            SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
            if (VerifySignature(f->to, &d, 0, NULL) != SEC_E_OK || w.data != (ULONG)n ||
                memcmp(w.b + w.token, msg, (size_t)n) != 0)
                f->receive_failures++;
        } else {
            SecBuffer out;
            ULONG qop = 7;
            if (open_stream(f->to, w.b, w.len, &out, &qop) != SEC_E_OK || !data_is(&out, msg, (size_t)n) ||
                qop != (i % 3 ? SECQOP_WRAP_NO_ENCRYPT : 0))
                f->receive_failures++;
        }
    }
    return NULL;
}

static void test_one_sender_and_one_receiver_thread_per_context(void)
{
    CtxtHandle ictx, actx;
    flow flows[2];
    pthread_t threads[4];
    use_realm(E_AES256);
    pair(ISC_MSG, ASC_MSG, &ictx, &actx);
    for (int i = 0; i < 2; i++) {
        memset(&flows[i], 0, sizeof(flows[i]));
        pthread_mutex_init(&flows[i].lock, NULL);
        pthread_cond_init(&flows[i].cond, NULL);
        flows[i].slots = calloc(FLOW_DEPTH, sizeof(wire));
        CU_ASSERT_PTR_NOT_NULL_FATAL(flows[i].slots);
        flows[i].from = i ? &actx : &ictx;
        flows[i].to = i ? &ictx : &actx;
    }
    /* Each context: one thread sending on it, another receiving on it, at once. */
    for (size_t i = 0; i < 2; i++) {
        CU_ASSERT_EQUAL_FATAL(pthread_create(&threads[2 * i], NULL, flow_send, &flows[i]), 0);
        CU_ASSERT_EQUAL_FATAL(pthread_create(&threads[2 * i + 1], NULL, flow_receive, &flows[i]), 0);
    }
    for (int i = 0; i < 4; i++)
        pthread_join(threads[i], NULL);
    for (int i = 0; i < 2; i++) {
        CU_ASSERT_EQUAL(flows[i].send_failures, 0);
        CU_ASSERT_EQUAL(flows[i].receive_failures, 0);
        free(flows[i].slots);
        pthread_mutex_destroy(&flows[i].lock);
        pthread_cond_destroy(&flows[i].cond);
    }
    unpair(&ictx, &actx);
}

static void test_nothing_leaks_across_the_suite(void)
{
    CU_ASSERT_EQUAL(handle_live_count(), 0);
}

#define LIST_ENTRY(e, fn, title) {ENAME_##e ": " title, e##_##fn},

static CU_TestInfo tests[] = {
    ALL_ENCTYPES(LIST_ENTRY)
    {"DCE-style AES tokens have Windows' EC 16 and RRC 28", test_dce_aes_tokens_have_windows_ec_and_rrc},
    {"empty DATA round trips", test_empty_data_round_trips},
    {"unrotated wrap token decrypts as a stream", test_unrotated_wrap_token_decrypts_as_stream},
    {"tampered data is SEC_E_MESSAGE_ALTERED and the context goes on",
     test_tampered_data_is_message_altered_and_context_goes_on},
    {"tampered token is SEC_E_MESSAGE_ALTERED", test_tampered_token_is_message_altered},
    {"tampered signature is SEC_E_MESSAGE_ALTERED", test_tampered_signature_is_message_altered},
    {"truncated stream is SEC_E_INCOMPLETE_MESSAGE with the missing count",
     test_truncated_stream_is_incomplete_message_with_missing_count},
    {"truncated stream fills a SECBUFFER_MISSING buffer", test_truncated_stream_fills_a_missing_buffer},
    {"PADDING buffer beside an RFC 4121 token is ignored", test_padding_buffer_beside_an_rfc4121_token_is_ignored},
    {"truncated TOKEN buffer is SEC_E_INVALID_TOKEN", test_truncated_token_buffer_is_invalid_token},
    {"replay and reorder are SEC_E_OUT_OF_SEQUENCE with detection",
     test_replay_and_reorder_are_out_of_sequence_with_detection},
    {"replay and reorder are SEC_E_OK without detection", test_replay_and_reorder_are_ok_without_detection},
    {"EncryptMessage without confidentiality is SEC_E_UNSUPPORTED_FUNCTION",
     test_encrypt_without_confidentiality_is_unsupported_function},
    {"unknown QOP is SEC_E_QOP_NOT_SUPPORTED", test_unknown_qop_is_qop_not_supported},
    {"missing buffers are SEC_E_INVALID_TOKEN", test_missing_buffers_are_invalid_token},
    {"missing PADDING buffer is SEC_E_INVALID_TOKEN for RC4", test_missing_padding_buffer_is_invalid_token_for_rc4},
    {"RC4 padding inside DATA comes off its length", test_rc4_padding_inside_data_comes_off_its_length},
    {"wrap token to VerifySignature is SEC_E_INVALID_TOKEN", test_wrap_token_to_verify_signature_is_invalid_token},
    {"signature to DecryptMessage is SEC_E_INVALID_TOKEN", test_signature_to_decrypt_message_is_invalid_token},
    {"invalid handles are SEC_E_INVALID_HANDLE", test_invalid_handles_are_invalid_handle},
    {"context not established is SEC_E_INVALID_HANDLE", test_context_not_established_is_invalid_handle},
    {"one sender and one receiver thread per context", test_one_sender_and_one_receiver_thread_per_context},
    {"nothing leaks across the suite", test_nothing_leaks_across_the_suite},
    CU_TEST_INFO_NULL,
};

SSPI_TEST_MAIN("message protection", suite_init, suite_clean, tests)
