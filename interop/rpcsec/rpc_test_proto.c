/* XDR of the RPCSEC_GSS interop program (rpc_test_proto.h). */
#include "interop/rpcsec/rpc_test_proto.h"

bool_t rpctest_xdr_string(XDR *xdrs, char **s)
{
    return xdr_string(xdrs, s, RPCTEST_STRING_MAX);
}

bool_t rpctest_xdr_array(XDR *xdrs, rpctest_array *a)
{
    return xdr_array(xdrs, (char **)&a->val, &a->len, RPCTEST_SUM_MAX, sizeof(u_int),
                     RPCTEST_XDRPROC(xdr_u_int));
}

bool_t rpctest_xdr_whoami(XDR *xdrs, rpctest_whoami *w)
{
    return xdr_string(xdrs, &w->principal, 1024) && xdr_u_int(xdrs, &w->service) &&
           xdr_string(xdrs, &w->mechanism, 256) && xdr_string(xdrs, &w->qop, 256) &&
           xdr_string(xdrs, &w->svc_principal, 1024);
}

const char *rpctest_service_name(u_int service)
{
    switch (service) {
    case 1:
        return "none";
    case 2:
        return "integrity";
    case 3:
        return "privacy";
    default:
        return "unknown";
    }
}
