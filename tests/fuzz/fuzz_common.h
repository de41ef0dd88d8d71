/* Shared by the libFuzzer targets and the seed generator: the throwaway realms, the context
 * pairs every target works on, the tokens those pairs really exchange, and the input format
 * the token targets share.
 *
 * Input of a token target: byte 0 holds flags, byte 1 a parameter, the rest is the token.
 *   flags & FZ_VARIANT_MASK  which pair (or acceptor) to use: fz_variant
 *   flags & FZ_XOR           the token is a live one made at start-up, XORed with the rest of
 *                            the input (longer input appends bytes; byte 1 cuts that many
 *                            bytes off its end): all-zero input is a token that verifies, so
 *                            the fuzzer explores near-valid tokens past every checksum
 *   otherwise                the rest of the input is the token as it stands
 * Targets give the other flag bits and byte 1 their own meaning (see each target). */
#ifndef SSPIBRIDGE_TESTS_FUZZ_COMMON_H
#define SSPIBRIDGE_TESTS_FUZZ_COMMON_H

#include <security.h>
#include <stddef.h>
#include <stdint.h>

#define FZ_VARIANT_MASK 0x03u
#define FZ_XOR          0x04u

/* The context pairs: session key enctype and DCE style. */
typedef enum fz_variant {
    FZ_AES,      /* aes256-cts-hmac-sha1-96, RFC 4121 tokens */
    FZ_AES_DCE,  /* the same in DCE style (three legs, EC/RRC as Windows) */
    FZ_RC4,      /* rc4-hmac, RFC 4757 tokens */
    FZ_RC4_DCE,
    FZ_VARIANTS
} fz_variant;

typedef struct fz_pair {
    CredHandle icred, acred;
    CtxtHandle ictx, actx;
    ULONG isc_req, asc_req;
    char target[300];         /* host/localhost@REALM */
    unsigned char ap_req[8192]; /* the first token the initiator sent */
    size_t ap_req_len;
    unsigned char ap_rep[8192]; /* the acceptor's reply */
    size_t ap_rep_len;
} fz_pair;

/* Brings up the realms and establishes every pair, once per process (later calls return at
 * once); exits the process with a message when that fails (a fuzz target cannot run without
 * them). Sets KRB5RCACHETYPE=none so a live AP-REQ is accepted again and again. */
void fz_init(void);
/* The pair of a variant (variants without their realm fall back to FZ_AES / FZ_AES_DCE). */
fz_pair *fz_pair_of(unsigned variant);

/* Builds the token a target input stands for (see above) into out (cap bytes); returns its
 * length. live/live_len: the live token of the input's variant. */
size_t fz_token(const uint8_t *in, size_t len, const unsigned char *live, size_t live_len,
                unsigned char *out, size_t cap);

/* A first InitializeSecurityContext leg on p's credential: a new half-open context in *h and
 * its AP-REQ in out. SEC_I_CONTINUE_NEEDED (mutual or DCE) or SEC_E_OK. */
SECURITY_STATUS fz_first_leg(fz_pair *p, CtxtHandle *h, unsigned char *out, size_t cap, size_t *out_len);

/* A crash libFuzzer reports: the bridge broke a promise the oracle checks (printf-style). */
void fz_fail(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

#endif
