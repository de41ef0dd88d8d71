/* The RPC program the RPCSEC_GSS interop uses: shared by rpc-test-server and
 * rpc-sspi-client. Hand-written XDR (no rpcgen step in the build). */
#ifndef SSPIBRIDGE_RPC_TEST_PROTO_H
#define SSPIBRIDGE_RPC_TEST_PROTO_H

#include <rpc/rpc.h>

/* A number from the "defined by user" range of RFC 5531 section 8.3. */
#define RPCTEST_PROG 0x2f5b1a10u
#define RPCTEST_VERS 1u

#define RPCTEST_NULL 0   /* also carries RPCSEC_GSS INIT / CONTINUE_INIT / DESTROY */
#define RPCTEST_ECHO 1   /* string<> -> string<> */
#define RPCTEST_SUM 2    /* unsigned int<> -> unsigned hyper (sum of the array) */
#define RPCTEST_WHOAMI 3 /* void -> rpctest_whoami (rpc_gss_getcred of the call) */

#define RPCTEST_STRING_MAX (1u << 20)
#define RPCTEST_SUM_MAX (1u << 22) /* elements */

typedef struct rpctest_array {
    u_int len;
    u_int *val;
} rpctest_array;

typedef struct rpctest_whoami {
    char *principal;  /* rpc_gss_rawcred_t client_principal, as text */
    u_int service;    /* rpc_gss_service_t: 1 none, 2 integrity, 3 privacy */
    char *mechanism;  /* "kerberos_v5" */
    char *qop;        /* "GSS_C_QOP_DEFAULT" */
    char *svc_principal;
} rpctest_whoami;

/* XDR routines; cast to xdrproc_t with RPCTEST_XDRPROC. */
bool_t rpctest_xdr_string(XDR *xdrs, char **s);
bool_t rpctest_xdr_array(XDR *xdrs, rpctest_array *a);
bool_t rpctest_xdr_whoami(XDR *xdrs, rpctest_whoami *w);

#define RPCTEST_XDRPROC(f) ((xdrproc_t)(void (*)(void))(f))

/* "none", "integrity", "privacy" for 1..3, "unknown" otherwise. */
const char *rpctest_service_name(u_int service);

#endif
