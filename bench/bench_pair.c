/* Realms and context pairs for the benchmark (bench_pair.h). */
#include "bench/bench_pair.h"

#include <gssapi/gssapi_ext.h>
#include <gssapi/gssapi_krb5.h>
#include <sspibridge.h>
#include <stdio.h>
#include <string.h>

/* What message benchmarks ask for on both sides: confidentiality, integrity, mutual
 * authentication, replay and sequence detection (the flags an RPC or SASL caller sets). */
#define BENCH_ISC_REQ (ISC_REQ_MUTUAL_AUTH | ISC_REQ_CONFIDENTIALITY | ISC_REQ_INTEGRITY | \
                       ISC_REQ_REPLAY_DETECT | ISC_REQ_SEQUENCE_DETECT)
#define BENCH_ASC_REQ (ASC_REQ_MUTUAL_AUTH | ASC_REQ_CONFIDENTIALITY | ASC_REQ_INTEGRITY | \
                       ASC_REQ_REPLAY_DETECT | ASC_REQ_SEQUENCE_DETECT)
/* The same request in GSS terms (bridge/mappings: map_isc_req_to_gss of BENCH_ISC_REQ). */
#define BENCH_GSS_REQ (GSS_C_MUTUAL_FLAG | GSS_C_CONF_FLAG | GSS_C_INTEG_FLAG | \
                       GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG)

/* Establishment token buffers, as SSPI callers size them: cbMaxToken of the package. */
#define BENCH_TOKEN_MAX 48000
static unsigned char est_tok[3][BENCH_TOKEN_MAX];

static void pair_gss_error(const char *what, OM_uint32 major, OM_uint32 minor)
{
    OM_uint32 min2, ctx = 0;
    gss_buffer_desc text = GSS_C_EMPTY_BUFFER;
    fprintf(stderr, "sspibench: %s failed: major 0x%08x minor %u", what, major, minor);
    if (gss_display_status(&min2, minor, GSS_C_MECH_CODE, GSS_C_NO_OID, &ctx, &text) ==
        GSS_S_COMPLETE) {
        fprintf(stderr, " (%.*s)", (int)text.length, (const char *)text.value);
        gss_release_buffer(&min2, &text);
    }
    fputc('\n', stderr);
}

static void pair_sec_error(const char *what, SECURITY_STATUS s)
{
    SSPIBRIDGE_LAST_ERROR e;
    fprintf(stderr, "sspibench: %s failed: 0x%08X", what, (unsigned)s);
    if (sspibridge_last_error(&e))
        fprintf(stderr, " (%s: %s)", e.Function, e.Message);
    fputc('\n', stderr);
}

/* ---- One establishment, each way ----------------------------------------------------- */

static int est_bridge_once(bench_pair *p, CtxtHandle *ictx, CtxtHandle *actx)
{
    SECURITY_STATUS s;
    ULONG attrs;
    TimeStamp expiry;
    SecBuffer o1 = {BENCH_TOKEN_MAX, SECBUFFER_TOKEN, est_tok[0]};
    SecBufferDesc od1 = {SECBUFFER_VERSION, 1, &o1};

    s = InitializeSecurityContextA(&p->icred, NULL, (SEC_CHAR *)BENCH_TARGET, BENCH_ISC_REQ, 0,
                                   SECURITY_NATIVE_DREP, NULL, 0, ictx, &od1, &attrs, &expiry);
    if (s != SEC_I_CONTINUE_NEEDED) {
        pair_sec_error("InitializeSecurityContextA (first)", s);
        return -1;
    }
    SecBuffer i2 = {o1.cbBuffer, SECBUFFER_TOKEN, est_tok[0]};
    SecBuffer o2 = {BENCH_TOKEN_MAX, SECBUFFER_TOKEN, est_tok[1]};
    SecBufferDesc id2 = {SECBUFFER_VERSION, 1, &i2}, od2 = {SECBUFFER_VERSION, 1, &o2};
    s = AcceptSecurityContext(&p->acred, NULL, &id2, BENCH_ASC_REQ, SECURITY_NATIVE_DREP, actx,
                              &od2, &attrs, &expiry);
    if (s != SEC_E_OK) {
        pair_sec_error("AcceptSecurityContext", s);
        DeleteSecurityContext(ictx);
        return -1;
    }
    SecBuffer i3 = {o2.cbBuffer, SECBUFFER_TOKEN, est_tok[1]};
    SecBuffer o3 = {BENCH_TOKEN_MAX, SECBUFFER_TOKEN, est_tok[2]};
    SecBufferDesc id3 = {SECBUFFER_VERSION, 1, &i3}, od3 = {SECBUFFER_VERSION, 1, &o3};
    s = InitializeSecurityContextA(&p->icred, ictx, (SEC_CHAR *)BENCH_TARGET, BENCH_ISC_REQ, 0,
                                   SECURITY_NATIVE_DREP, &id3, 0, ictx, &od3, &attrs, &expiry);
    if (s != SEC_E_OK || o3.cbBuffer != 0) {
        pair_sec_error("InitializeSecurityContextA (second)", s);
        DeleteSecurityContext(ictx);
        DeleteSecurityContext(actx);
        return -1;
    }
    return 0;
}

static int est_raw_once(bench_pair *p, gss_ctx_id_t *ig, gss_ctx_id_t *ag)
{
    OM_uint32 major, minor, ret_flags, time_rec;
    gss_OID mech;
    gss_name_t name = GSS_C_NO_NAME;
    gss_cred_id_t deleg = GSS_C_NO_CREDENTIAL;
    gss_buffer_desc t1 = GSS_C_EMPTY_BUFFER, t2 = GSS_C_EMPTY_BUFFER, t3 = GSS_C_EMPTY_BUFFER;
    gss_buffer_desc spn = {sizeof(BENCH_TARGET) - 1, (void *)BENCH_TARGET};
    int rc = -1;

    *ig = *ag = GSS_C_NO_CONTEXT;
    major = gss_import_name(&minor, &spn, (gss_OID)GSS_KRB5_NT_PRINCIPAL_NAME, &name);
    if (GSS_ERROR(major)) {
        pair_gss_error("gss_import_name", major, minor);
        goto cleanup;
    }
    major = gss_init_sec_context(&minor, GSS_C_NO_CREDENTIAL, ig, name, (gss_OID)gss_mech_krb5,
                                 BENCH_GSS_REQ, GSS_C_INDEFINITE, GSS_C_NO_CHANNEL_BINDINGS,
                                 GSS_C_NO_BUFFER, &mech, &t1, &ret_flags, &time_rec);
    if (major != GSS_S_CONTINUE_NEEDED) {
        pair_gss_error("gss_init_sec_context (first)", major, minor);
        goto cleanup;
    }
    major = gss_accept_sec_context(&minor, ag, p->raw_acred, &t1, GSS_C_NO_CHANNEL_BINDINGS,
                                   NULL, &mech, &t2, &ret_flags, &time_rec, &deleg);
    if (major != GSS_S_COMPLETE) {
        pair_gss_error("gss_accept_sec_context", major, minor);
        goto cleanup;
    }
    major = gss_init_sec_context(&minor, GSS_C_NO_CREDENTIAL, ig, name, (gss_OID)gss_mech_krb5,
                                 BENCH_GSS_REQ, GSS_C_INDEFINITE, GSS_C_NO_CHANNEL_BINDINGS, &t2,
                                 &mech, &t3, &ret_flags, &time_rec);
    if (major != GSS_S_COMPLETE || t3.length != 0) {
        pair_gss_error("gss_init_sec_context (second)", major, minor);
        goto cleanup;
    }
    rc = 0;

cleanup:
    if (deleg != GSS_C_NO_CREDENTIAL)
        gss_release_cred(&minor, &deleg);
    gss_release_buffer(&minor, &t1);
    gss_release_buffer(&minor, &t2);
    gss_release_buffer(&minor, &t3);
    gss_release_name(&minor, &name);
    if (rc != 0) {
        gss_delete_sec_context(&minor, ig, GSS_C_NO_BUFFER);
        gss_delete_sec_context(&minor, ag, GSS_C_NO_BUFFER);
    }
    return rc;
}

int bench_est_bridge(void *arg, size_t iters)
{
    bench_pair *p = arg;
    for (size_t i = 0; i < iters; i++) {
        CtxtHandle ictx, actx;
        if (est_bridge_once(p, &ictx, &actx) != 0)
            return -1;
        DeleteSecurityContext(&ictx);
        DeleteSecurityContext(&actx);
    }
    return 0;
}

int bench_est_raw(void *arg, size_t iters)
{
    bench_pair *p = arg;
    OM_uint32 minor;
    for (size_t i = 0; i < iters; i++) {
        gss_ctx_id_t ig, ag;
        if (est_raw_once(p, &ig, &ag) != 0)
            return -1;
        gss_delete_sec_context(&minor, &ig, GSS_C_NO_BUFFER);
        gss_delete_sec_context(&minor, &ag, GSS_C_NO_BUFFER);
    }
    return 0;
}

/* ---- Setup --------------------------------------------------------------------------- */

/* The session key's enctype on a raw context: the last arc of the enctype OID that
 * GSS_C_INQ_SSPI_SESSION_KEY returns (1.2.840.113554.1.2.2.6.1.<enctype>, one byte here). */
static int pair_raw_enctype(gss_ctx_id_t g)
{
    OM_uint32 minor;
    gss_buffer_set_t set = GSS_C_NO_BUFFER_SET;
    int enctype = -1;
    if (!GSS_ERROR(gss_inquire_sec_context_by_oid(&minor, g, GSS_C_INQ_SSPI_SESSION_KEY, &set)) &&
        set->count >= 2 && set->elements[1].length > 0)
        enctype = ((const unsigned char *)set->elements[1].value)[set->elements[1].length - 1];
    gss_release_buffer_set(&minor, &set);
    return enctype;
}

static int pair_bridge_enctype(CtxtHandle *h)
{
    SecPkgContext_KeyInfoA info;
    if (QueryContextAttributesA(h, SECPKG_ATTR_KEY_INFO, &info) != SEC_E_OK)
        return -1;
    FreeContextBuffer(info.sSignatureAlgorithmName);
    FreeContextBuffer(info.sEncryptAlgorithmName);
    return (int)info.EncryptAlgorithm;
}

static int pair_raw_sizes(bench_pair *p)
{
    OM_uint32 major, minor;
    gss_iov_buffer_desc wrap[3] = {
        {GSS_IOV_BUFFER_TYPE_HEADER, {0, NULL}},
        {GSS_IOV_BUFFER_TYPE_DATA, {1024, NULL}},
        {GSS_IOV_BUFFER_TYPE_PADDING, {0, NULL}},
    };
    gss_iov_buffer_desc mic[2] = {
        {GSS_IOV_BUFFER_TYPE_DATA, {1024, NULL}},
        {GSS_IOV_BUFFER_TYPE_MIC_TOKEN, {0, NULL}},
    };
    major = gss_wrap_iov_length(&minor, p->ig, 1, GSS_C_QOP_DEFAULT, NULL, wrap, 3);
    if (GSS_ERROR(major)) {
        pair_gss_error("gss_wrap_iov_length", major, minor);
        return -1;
    }
    major = gss_get_mic_iov_length(&minor, p->ig, GSS_C_QOP_DEFAULT, mic, 2);
    if (GSS_ERROR(major)) {
        pair_gss_error("gss_get_mic_iov_length", major, minor);
        return -1;
    }
    p->raw_header = wrap[0].buffer.length;
    p->raw_mic = mic[1].buffer.length;
    return 0;
}

int bench_pair_activate(bench_pair *p)
{
    return realm_activate(&p->r);
}

int bench_pair_up(const char *etype, int etype_number, const char *realm_name, bench_pair *p)
{
    OM_uint32 major, minor;
    gss_OID_set_desc krb5 = {1, (gss_OID)gss_mech_krb5};
    TimeStamp expiry;
    realm_opts opts = {etype, NULL, realm_name, 0};
    SECURITY_STATUS s;

    memset(p, 0, sizeof(*p));
    p->etype = etype;
    p->etype_number = etype_number;
    SecInvalidateHandle(&p->icred);
    SecInvalidateHandle(&p->acred);
    SecInvalidateHandle(&p->ictx);
    SecInvalidateHandle(&p->actx);
    p->raw_acred = GSS_C_NO_CREDENTIAL;
    p->ig = p->ag = GSS_C_NO_CONTEXT;
    if (realm_up(&opts, &p->r) != 0 || realm_kinit(&p->r) != 0)
        return -1;
    p->up = 1;

    s = AcquireCredentialsHandleA(NULL, (SEC_CHAR *)"Kerberos", SECPKG_CRED_OUTBOUND, NULL, NULL,
                                  NULL, NULL, &p->icred, &expiry);
    if (s == SEC_E_OK)
        s = AcquireCredentialsHandleA(NULL, (SEC_CHAR *)"Kerberos", SECPKG_CRED_INBOUND, NULL,
                                      NULL, NULL, NULL, &p->acred, &expiry);
    if (s != SEC_E_OK) {
        pair_sec_error("AcquireCredentialsHandleA", s);
        return -1;
    }
    /* The bridge acquires its default inbound credential the same way. */
    major = gss_acquire_cred(&minor, GSS_C_NO_NAME, GSS_C_INDEFINITE, &krb5, GSS_C_ACCEPT,
                             &p->raw_acred, NULL, NULL);
    if (GSS_ERROR(major)) {
        pair_gss_error("gss_acquire_cred", major, minor);
        return -1;
    }
    if (est_bridge_once(p, &p->ictx, &p->actx) != 0 || est_raw_once(p, &p->ig, &p->ag) != 0)
        return -1;
    s = QueryContextAttributesA(&p->ictx, SECPKG_ATTR_SIZES, &p->sizes);
    if (s != SEC_E_OK) {
        pair_sec_error("QueryContextAttributesA(SECPKG_ATTR_SIZES)", s);
        return -1;
    }
    if (pair_raw_sizes(p) != 0)
        return -1;
    if (pair_bridge_enctype(&p->ictx) != etype_number || pair_raw_enctype(p->ig) != etype_number) {
        fprintf(stderr, "sspibench: %s realm: session key enctypes %d (bridge) / %d (raw), not %d\n",
                etype, pair_bridge_enctype(&p->ictx), pair_raw_enctype(p->ig), etype_number);
        return -1;
    }
    return 0;
}

void bench_pair_down(bench_pair *p)
{
    OM_uint32 minor;
    if (SecIsValidHandle(&p->ictx))
        DeleteSecurityContext(&p->ictx);
    if (SecIsValidHandle(&p->actx))
        DeleteSecurityContext(&p->actx);
    if (SecIsValidHandle(&p->icred))
        FreeCredentialsHandle(&p->icred);
    if (SecIsValidHandle(&p->acred))
        FreeCredentialsHandle(&p->acred);
    SecInvalidateHandle(&p->ictx);
    SecInvalidateHandle(&p->actx);
    SecInvalidateHandle(&p->icred);
    SecInvalidateHandle(&p->acred);
    if (p->ig != GSS_C_NO_CONTEXT)
        gss_delete_sec_context(&minor, &p->ig, GSS_C_NO_BUFFER);
    if (p->ag != GSS_C_NO_CONTEXT)
        gss_delete_sec_context(&minor, &p->ag, GSS_C_NO_BUFFER);
    if (p->raw_acred != GSS_C_NO_CREDENTIAL)
        gss_release_cred(&minor, &p->raw_acred);
    if (p->up)
        realm_down(&p->r);
    p->up = 0;
}
