/* Heimdal build only (on the include path through configure --with-gssapi=heimdal): MIT keeps
 * its GSSAPI extensions (IOV calls, buffer sets, credential options) in gssapi_ext.h, Heimdal
 * declares the ones it has in gssapi.h itself. Without this header MIT's would be found. */
#ifndef SSPIBRIDGE_COMPAT_HEIMDAL_GSSAPI_EXT_H
#define SSPIBRIDGE_COMPAT_HEIMDAL_GSSAPI_EXT_H

#include <gssapi/gssapi.h>
#include <gssapi/gssapi_krb5.h>

/* MIT's IOV type for a MIC token (gss_get_mic_iov). Heimdal has no MIC IOV calls, so it has no
 * such type: bridge/backend_heimdal.c finds the token by this value in the bridge's own IOV
 * arrays and hands it to gss_get_mic / gss_verify_mic. */
#ifndef GSS_IOV_BUFFER_TYPE_MIC_TOKEN
#define GSS_IOV_BUFFER_TYPE_MIC_TOKEN 12
#endif

#endif
