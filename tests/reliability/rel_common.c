/* Context pairs and round trips for the reliability suites. */
#include "tests/reliability/rel_common.h"

#include "tests/common/establish.h"

#include <string.h>

#define REL_TOKEN_MAX 1024
#define REL_MESSAGE "sspibridge reliability round trip"

int rel_pair_make(ULONG isc_req, ULONG asc_req, rel_pair *p)
{
    est_result res;
    est_opts opts = {isc_req, asc_req, NULL, NULL, 0};

    SecInvalidateHandle(&p->ictx);
    SecInvalidateHandle(&p->actx);
    if (est_acquire("Kerberos", NULL, SECPKG_CRED_OUTBOUND, NULL, &p->icred) != SEC_E_OK)
        return -1;
    if (est_acquire("Kerberos", NULL, SECPKG_CRED_INBOUND, NULL, &p->acred) != SEC_E_OK) {
        FreeCredentialsHandle(&p->icred);
        return -1;
    }
    if (est_run(&p->icred, &p->acred, "host/localhost", &opts, &p->ictx, &p->actx, &res) != 0) {
        rel_pair_free(p);
        return -1;
    }
    return 0;
}

void rel_pair_free(rel_pair *p)
{
    /* Any of these may already be gone (a test deleted it on purpose). */
    (void)DeleteSecurityContext(&p->ictx);
    (void)DeleteSecurityContext(&p->actx);
    (void)FreeCredentialsHandle(&p->icred);
    (void)FreeCredentialsHandle(&p->acred);
    SecInvalidateHandle(&p->ictx);
    SecInvalidateHandle(&p->actx);
    SecInvalidateHandle(&p->icred);
    SecInvalidateHandle(&p->acred);
}

SECURITY_STATUS rel_seal(CtxtHandle *h, ULONG qop, const void *data, size_t len,
                         unsigned char *out, size_t cap, size_t *out_len)
{
    SecPkgContext_Sizes sizes;
    SECURITY_STATUS st = QueryContextAttributesA(h, SECPKG_ATTR_SIZES, &sizes);
    if (st != SEC_E_OK)
        return st;
    if ((size_t)sizes.cbSecurityTrailer + len + sizes.cbBlockSize > cap)
        return SEC_E_BUFFER_TOO_SMALL;
    /* TOKEN, DATA and PADDING laid out in out, then closed up to one token. */
    unsigned char *tok = out, *dat = out + sizes.cbSecurityTrailer, *pad = dat + len;
    memcpy(dat, data, len);
    SecBuffer b[3] = {{sizes.cbSecurityTrailer, SECBUFFER_TOKEN, tok},
                      {(ULONG)len, SECBUFFER_DATA, dat},
                      {sizes.cbBlockSize, SECBUFFER_PADDING, pad}};
    SecBufferDesc d = {SECBUFFER_VERSION, 3, b};
    st = EncryptMessage(h, qop, &d, 0);
    if (st != SEC_E_OK)
        return st;
    memmove(out + b[0].cbBuffer, dat, b[1].cbBuffer);
    memmove(out + b[0].cbBuffer + b[1].cbBuffer, pad, b[2].cbBuffer);
    *out_len = (size_t)b[0].cbBuffer + b[1].cbBuffer + b[2].cbBuffer;
    return SEC_E_OK;
}

SECURITY_STATUS rel_sign(CtxtHandle *h, const void *data, size_t len, unsigned char *out,
                         size_t cap, size_t *out_len)
{
    SecBuffer b[2] = {{(ULONG)len, SECBUFFER_DATA, (void *)data}, {(ULONG)cap, SECBUFFER_TOKEN, out}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    SECURITY_STATUS st = MakeSignature(h, 0, &d, 0);
    if (st == SEC_E_OK)
        *out_len = b[1].cbBuffer;
    return st;
}

SECURITY_STATUS rel_round_trip(CtxtHandle *from, CtxtHandle *to)
{
    unsigned char wire[REL_TOKEN_MAX], sig[REL_TOKEN_MAX];
    char msg[] = REL_MESSAGE;
    size_t wire_len = 0, sig_len = 0;
    ULONG qop = 0xFFFF;

    SECURITY_STATUS st = rel_seal(from, 0, msg, strlen(msg), wire, sizeof(wire), &wire_len);
    if (st != SEC_E_OK)
        return st;
    SecBuffer b[2] = {{(ULONG)wire_len, SECBUFFER_STREAM, wire}, {0, SECBUFFER_DATA, NULL}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    st = DecryptMessage(to, &d, 0, &qop);
    if (st != SEC_E_OK)
        return st;
    if (qop != 0 || b[1].cbBuffer != strlen(msg) || memcmp(b[1].pvBuffer, msg, strlen(msg)) != 0)
        return SEC_E_MESSAGE_ALTERED;

    st = rel_sign(from, msg, strlen(msg), sig, sizeof(sig), &sig_len);
    if (st != SEC_E_OK)
        return st;
    SecBuffer v[2] = {{(ULONG)strlen(msg), SECBUFFER_DATA, msg}, {(ULONG)sig_len, SECBUFFER_TOKEN, sig}};
    SecBufferDesc vd = {SECBUFFER_VERSION, 2, v};
    return VerifySignature(to, &vd, 0, NULL);
}

SECURITY_STATUS rel_pair_works(rel_pair *p)
{
    SECURITY_STATUS st = rel_round_trip(&p->ictx, &p->actx);
    if (st == SEC_E_OK)
        st = rel_round_trip(&p->actx, &p->ictx);
    return st;
}
