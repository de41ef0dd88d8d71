/* Shared by the reliability suites (issue 8): a pair of established contexts and the message
 * round trip that proves a context still works after whatever a test threw at it. No CUnit
 * here: the fuzz targets and the stress program use it too. */
#ifndef SSPIBRIDGE_TESTS_REL_COMMON_H
#define SSPIBRIDGE_TESTS_REL_COMMON_H

#include <security.h>
#include <stddef.h>

/* Confidentiality and integrity, but no replay or sequence detection: a test that makes a
 * message and never delivers it leaves the pair usable (RFC 4121 4.2.6 sequence numbers are
 * checked only when asked for). */
#define REL_ISC_REQ (ISC_REQ_MUTUAL_AUTH | ISC_REQ_CONFIDENTIALITY | ISC_REQ_INTEGRITY)
#define REL_ASC_REQ (ASC_REQ_MUTUAL_AUTH | ASC_REQ_CONFIDENTIALITY | ASC_REQ_INTEGRITY)

typedef struct rel_pair {
    CredHandle icred, acred;
    CtxtHandle ictx, actx;
} rel_pair;

/* Default outbound and inbound Kerberos credentials and two contexts for host/localhost
 * established with them. 0 on success (everything is then the caller's to free with
 * rel_pair_free); -1 with nothing left behind otherwise. */
int rel_pair_make(ULONG isc_req, ULONG asc_req, rel_pair *p);
void rel_pair_free(rel_pair *p);

/* One message from -> to through EncryptMessage / DecryptMessage (TOKEN | DATA | PADDING,
 * sizes from SECPKG_ATTR_SIZES) and one through MakeSignature / VerifySignature. SEC_E_OK
 * when both arrive intact; the first failing status otherwise (SEC_E_MESSAGE_ALTERED when a
 * call succeeded but the data came back different). */
SECURITY_STATUS rel_round_trip(CtxtHandle *from, CtxtHandle *to);

/* rel_round_trip in both directions. */
SECURITY_STATUS rel_pair_works(rel_pair *p);

/* EncryptMessage of len bytes on h as one standard wrap token (TOKEN || DATA || PADDING)
 * written to out (at most cap bytes). SEC_E_OK and *out_len, or the failing status. */
SECURITY_STATUS rel_seal(CtxtHandle *h, ULONG qop, const void *data, size_t len,
                         unsigned char *out, size_t cap, size_t *out_len);

/* MakeSignature of len bytes on h: the MIC token into out. */
SECURITY_STATUS rel_sign(CtxtHandle *h, const void *data, size_t len, unsigned char *out,
                         size_t cap, size_t *out_len);

#endif
