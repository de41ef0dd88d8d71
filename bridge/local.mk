# The SSPI functions over GSSAPI: libsspicore.la (everything, for tests that reach inside)
# and the installed libsspibridge, which exports only Windows' names and sspibridge_*.
noinst_LTLIBRARIES += libsspicore.la
libsspicore_la_SOURCES = \
	bridge/backend.h \
	bridge/call.c bridge/call.h \
	bridge/ccache.c bridge/ccache.h \
	bridge/cred.c bridge/cred.h \
	bridge/ctx.c bridge/ctx.h \
	bridge/ctx_accept.c \
	bridge/ctx_attr.c \
	bridge/ctx_export.c \
	bridge/ctx_init.c \
	bridge/functable.c \
	bridge/gss_util.c bridge/gss_util.h \
	bridge/handle.c bridge/handle.h \
	bridge/identity.c bridge/identity.h \
	bridge/impersonate.c bridge/impersonate.h \
	bridge/memory.c bridge/memory.h \
	bridge/message.c bridge/message_plain.c bridge/message_plain.h \
	bridge/msg_sizes.c bridge/msg_sizes.h \
	bridge/packages.c bridge/packages.h \
	bridge/pending.c \
	bridge/secbuf.c bridge/secbuf.h \
	bridge/unsupported.c
# One backend file: the GSSAPI calls MIT and Heimdal provide differently (bridge/backend.h).
if BACKEND_HEIMDAL
libsspicore_la_SOURCES += bridge/backend_heimdal.c
else
libsspicore_la_SOURCES += bridge/backend_mit.c
endif
EXTRA_DIST += bridge/backend_mit.c bridge/backend_heimdal.c bridge/compat-heimdal/gssapi/gssapi_ext.h
libsspicore_la_LIBADD = libsspimappings.la $(GSSAPI_LIBS) $(KRB5_LIBS) $(PTHREAD_LIBS)

lib_LTLIBRARIES += libsspibridge.la
libsspibridge_la_SOURCES =
libsspibridge_la_LIBADD = libsspicore.la
libsspibridge_la_LDFLAGS = -version-info 0:0:0 -export-symbols-regex '^([A-Z][A-Za-z]+|sspibridge_[a-z_]+)$$'
