/* The control of the RPCSEC_GSS interop: libtirpc's own GSSAPI client authenticator
 * (rpc_gss_seccreate), kept in its own file so that the SSPI client code never sees a
 * GSSAPI header. */
#ifndef SSPIBRIDGE_RPC_GSS_CONTROL_H
#define SSPIBRIDGE_RPC_GSS_CONTROL_H

#include <rpc/rpc.h>

/* service: 1 none, 2 integrity, 3 privacy. NULL on failure, with why in msg. */
AUTH *rpc_gss_control_create(CLIENT *clnt, const char *target, unsigned service, char *msg,
                             size_t msg_len);

#endif
