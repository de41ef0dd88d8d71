/* The wire protocol of MIT's gss-sample programs (krb5 src/appl/gss-sample, gss-misc.c),
 * which sspi-client and sspi-server speak so that they interoperate with Debian's
 * krb5-gss-samples gss-client and gss-server.
 *
 * A token on the wire is: one flag byte, sent only when the flags are non-zero; the token
 * length as a 4-byte big-endian number; the token bytes. The reader takes the first byte as
 * the flags and, when it is 0, as the high byte of the length instead: this is how the v2
 * protocol stays readable for a v1 peer, whose tokens carry no flag byte at all (a v1 token
 * is shorter than 16 MiB, so its first byte is 0).
 *
 * v2 conversation (gss-client.c call_server, gss-server.c sign_server):
 *   client: NOOP|CONTEXT_NEXT (empty)      or NOOP alone for an unauthenticated client (-na)
 *   both:   CONTEXT tokens until establishment is complete on both sides
 *   client: DATA [|WRAPPED] [|ENCRYPTED] [|SEND_MIC] with the message
 *   server: MIC with the signature of the (unwrapped) message, or an empty NOOP
 *   ...     (one DATA/answer pair per message, -mcount)
 *   client: NOOP (empty): the end
 * v1 conversation: the same without any flag byte, no opening and no closing NOOP; every
 * message is wrapped and answered with a MIC, and the client ends by closing. */
#ifndef SSPIBRIDGE_INTEROP_GSS_PROTO_H
#define SSPIBRIDGE_INTEROP_GSS_PROTO_H

#include <stddef.h>

/* Token types (gss-misc.h). */
#define TOKEN_NOOP    (1 << 0)
#define TOKEN_CONTEXT (1 << 1)
#define TOKEN_DATA    (1 << 2)
#define TOKEN_MIC     (1 << 3)
/* Token flags. */
#define TOKEN_CONTEXT_NEXT (1 << 4)
#define TOKEN_WRAPPED      (1 << 5)
#define TOKEN_ENCRYPTED    (1 << 6)
#define TOKEN_SEND_MIC     (1 << 7)

/* A token larger than this is refused on receipt (MIT accepts up to 4 GiB; nothing in
 * this protocol comes near 16 MiB, and a garbled length must not allocate gigabytes). */
#define PROTO_TOKEN_MAX (16u * 1024 * 1024)

/* MIT's read_all gives up when the peer has been silent for 10 seconds. */
#define PROTO_READ_TIMEOUT_MS 10000

typedef enum proto_result {
    PROTO_OK = 0,
    PROTO_EOF,     /* the peer closed the connection before the token's first byte */
    PROTO_ERROR,   /* I/O error, timeout, short token or oversized length (reported) */
} proto_result;

/* Sends flags (the byte only when non-zero), the length and len bytes of tok. Errors are
 * reported on stderr prefixed with prog. */
proto_result proto_send(const char *prog, int fd, int flags, const void *tok, size_t len);

/* Receives one token: *flags (0 for a v1 token), *tok (malloc'd, at least one byte even
 * for an empty token, owned by the caller: free it) and *len. */
proto_result proto_recv(const char *prog, int fd, int *flags, unsigned char **tok, size_t *len);

/* "NOOP|CONTEXT_NEXT" and the like, for traces; returns buf. */
const char *proto_flags_text(int flags, char *buf, size_t size);

#endif
