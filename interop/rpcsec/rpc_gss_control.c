/* libtirpc's GSSAPI client as the control (rpc_gss_control.h). */
#include "interop/rpcsec/rpc_gss_control.h"

#include <stdio.h>

#include <rpc/rpcsec_gss.h>

AUTH *rpc_gss_control_create(CLIENT *clnt, const char *target, unsigned service, char *msg,
                             size_t msg_len)
{
    rpc_gss_service_t svc = service == 1   ? rpcsec_gss_svc_none
                            : service == 2 ? rpcsec_gss_svc_integrity
                                           : rpcsec_gss_svc_privacy;
    rpc_gss_options_ret_t ret;
    AUTH *auth = rpc_gss_seccreate(clnt, (char *)target, (char *)"kerberos_v5", svc, NULL, NULL,
                                   &ret);
    if (auth == NULL) {
        rpc_gss_error_t e;
        rpc_gss_get_error(&e);
        snprintf(msg, msg_len,
                 "rpc_gss_seccreate(%s) failed: gss major 0x%x minor %d, rpc_gss_error %d "
                 "errno %d",
                 target, (unsigned)ret.major_status, ret.minor_status, e.rpc_gss_error,
                 e.system_error);
    }
    return auth;
}
